function f(x) { switch (x) { case 1: return "a"; case 2: case 3: return "b"; default: return "c"; } } f(2);
