class A { m() { return 1; } } class B extends A { f = 2; constructor() { super(); } m() { return super.m() + this.f; } } new B().m();
