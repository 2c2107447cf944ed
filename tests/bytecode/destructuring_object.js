function f(o) { const {a, b: {c = 1}, ...rest} = o; return a + c; } f({a: 1, b: {}});
