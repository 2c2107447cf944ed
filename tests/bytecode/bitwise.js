function f(a, b) { return (a | b) ^ (a & b) ^ ~a ^ (a >>> b); } f(1, 2);
