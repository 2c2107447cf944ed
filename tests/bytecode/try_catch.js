function f() { try { throw new Error("x"); } catch (e) { return e.message; } } f();
