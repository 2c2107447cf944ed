function f(o) { return o?.a?.[0]?.(); } f(null);
