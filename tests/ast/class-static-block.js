class S {
  static x = 1;
  static {
    var inBlock = 2;
    let l = this.x;
    S.y = inBlock + l;
  }
}
