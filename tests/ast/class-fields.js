class F {
  a = 1;
  b;
  static s = this;
  ["k"] = 2;
  #p = 3;
  static #sp;
  arrow = () => this.a;
}
