class A {
  constructor(x) { this.x = x; }
  method() { return 1; }
  static sm() {}
  get g() { return this.x; }
  set g(v) { this.x = v; }
  *gen() {}
  async am() {}
  async *agen() {}
  ["comp" + 1]() {}
  'str'() {}
  42() {}
}
