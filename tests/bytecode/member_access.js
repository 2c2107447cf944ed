function f(o) { o.a = o.b; o[1] = o["c"]; return delete o.a; } f({});
