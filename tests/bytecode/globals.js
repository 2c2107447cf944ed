var g = 1; let l = 2; const c = 3; function f() { g = l + c; return typeof undeclared; } f();
