function f(x, y) { return (x + y) * (x - y) / 2 % 3 ** 2; } f(1, 2);
