const o = {
  get [k]() { return 1; },
  set "s"(v) {},
  get 1() {},
  async *[Symbol.asyncIterator]() {},
  shorthand,
  f: function () {},
};
