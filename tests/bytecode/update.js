function f() { let i = 0; i++; ++i; i--; return --i; } f();
