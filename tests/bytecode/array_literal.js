function f(x) { return [1, x, , ...[2, 3]]; } f(0);
