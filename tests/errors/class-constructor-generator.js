class A {
  *constructor() {}
}
