function f(o) { with (o) { return x; } } f({x: 1});
