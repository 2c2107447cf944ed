function f() { return () => this; } f.call({})();
