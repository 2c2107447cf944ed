class B extends A {
  constructor() { super(1); super.m(); }
  m() { return super.m() + super["k"]; }
  static s() { return super.s; }
}
const E = class Named extends (0, Base) { f = () => super.x; };
const o = { __proto__: p, m() { return super.m(); } };
