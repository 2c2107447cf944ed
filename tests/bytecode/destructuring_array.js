function f(a) { const [x, , y = 2, ...z] = a; return x + y; } f([1, 2]);
