function f(x) { return {a: 1, x, ["k" + x]: 2, m() { return 3; }, get g() { return 4; }, ...{s: 5}}; } f(1);
