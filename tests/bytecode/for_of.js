function f(a) { let s = 0; for (const x of a) s += x; return s; } f([1, 2]);
