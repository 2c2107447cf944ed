function f() { try { return 1; } finally { g(); } } function g() {} f();
