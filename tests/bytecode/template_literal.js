function f(x) { return `a${x}b${x + 1}`; } f(1);
