function f(n) { let s = 0; while (n > 0) { s += n; n--; } return s; } f(3);
