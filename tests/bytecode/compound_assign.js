function f(o) { let x = 1; x += 2; x -= 1; x *= 3; o.p ||= 1; o.q ??= 2; o.r &&= 3; return x; } f({});
