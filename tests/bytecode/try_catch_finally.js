function f() { let r; try { r = 1; } catch { r = 2; } finally { r = 3; } return r; } f();
