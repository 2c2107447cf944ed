function f() { const r = []; for (let i = 0; i < 2; i++) r.push(() => i); return r; } f();
