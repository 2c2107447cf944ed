class A {
  constructor() { super(); }
}
