function f() { const g = () => x; let x = 1; return g(); } f();
