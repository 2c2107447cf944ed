function f() { return typeof someGlobal === "undefined"; } f();
