function f(a) { var b = 2; return eval("a + b"); }
f(1);
