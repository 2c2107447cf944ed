class A { constructor(x) { this.x = x; } get v() { return this.x; } static s() { return 1; } } new A(1).v;
