function P(x) { this.x = x; } function f() { return new P(1); } f();
