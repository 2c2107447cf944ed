class P {
  #x = 1;
  #m() { return this.#x; }
  get #acc() { return 0; }
  set #acc(v) {}
  static #s() {}
  has(o) { return #x in o; }
  use() { this.#m(); P.#s(); this.#acc = 1; return this?.#x; }
}
