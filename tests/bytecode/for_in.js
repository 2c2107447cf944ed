function f(o) { const ks = []; for (const k in o) ks.push(k); return ks; } f({a: 1});
