function f(x) { return ((x + 1) | 0) << 2 >> 1 & 7; } f(3);
