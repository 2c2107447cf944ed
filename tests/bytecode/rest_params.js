function f(a, ...rest) { return rest.length; } f(1, 2, 3);
