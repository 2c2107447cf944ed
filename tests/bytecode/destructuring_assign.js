function f() { let a, b; [a, b] = [b, a]; ({a, b} = {a: 1, b: 2}); return a; } f();
