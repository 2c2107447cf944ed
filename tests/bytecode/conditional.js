function f(x) { return x ? "yes" : "no"; } f(1);
