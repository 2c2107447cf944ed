function f() { let n = 0; outer: for (let i = 0; i < 3; i++) { for (;;) { if (i == 1) continue outer; n++; break outer; } } return n; } f();
