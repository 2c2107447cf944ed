function f(x) { if (x > 0) return 1; else if (x < 0) return -1; else return 0; } f(1);
