function f(n) { let s = 0; do { s += n; } while (--n > 0); return s; } f(3);
