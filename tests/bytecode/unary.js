function f(x) { return [-x, +x, !x, ~x, typeof x, void x]; } f(1);
