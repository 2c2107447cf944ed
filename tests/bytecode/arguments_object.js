function f() { return arguments.length; } f(1, 2);
