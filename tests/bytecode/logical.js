function f(a, b) { return (a && b) || (a ?? b); } f(0, 1);
