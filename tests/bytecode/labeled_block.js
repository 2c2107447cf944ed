function f() { a: { if (true) break a; return 1; } return 2; } f();
