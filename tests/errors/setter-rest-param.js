class A {
  set x(...v) {}
}
