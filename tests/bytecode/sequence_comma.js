function f(a) { return (a++, a++, a); } f(1);
