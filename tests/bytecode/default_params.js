function f(a, b = a + 1, c = b * 2) { return c; } f(1);
