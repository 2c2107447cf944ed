function f(o, C) { return ["x" in o, o instanceof C]; } f({}, Object);
