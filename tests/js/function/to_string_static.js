// Function.prototype.toString of static class methods: the source text of
// the MethodDefinition, which does not include `static`.
class A {
  static /* c */ async * f() {}
  static get g() {}
  static #p() {}
  static h(a, b) { return a + b; }
  static static() {}
  static ['c' + 1]() {}
  static m() { return A.#p; }
}
print(A.f.toString());  // expect: async * f() {}
print(Object.getOwnPropertyDescriptor(A, 'g').get.toString());  // expect: get g() {}
print(A.h.toString());  // expect: h(a, b) { return a + b; }
print(A.static.toString());  // expect: static() {}
print(A.c1.toString());  // expect: ['c' + 1]() {}
print(A.m().toString());  // expect: #p() {}
