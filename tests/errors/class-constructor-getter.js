class A {
  get constructor() {}
}
