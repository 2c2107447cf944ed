outer: for (;;) {
  inner: while (true) {
    if (a) continue outer;
    break inner;
  }
}
blk: { break blk; }
