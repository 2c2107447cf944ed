class A {
  static prototype() {}
}
