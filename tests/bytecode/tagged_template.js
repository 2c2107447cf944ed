function tag(s, v) { return s.raw[0] + v; } function f(x) { return tag`a${x}`; } f(1);
