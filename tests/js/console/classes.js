// console.log and classes: instances are named after their class, classes
// print as [class X extends Y], subclassed builtins keep their shape.
class A {
  constructor() {
    this.x = 1;
  }
}
class B extends A {
  get y() { return 2; }
}
console.log(new A(), new B(), [new A()], { deep: { deeper: { a: new A() } } });
console.log(A, B, [A], class {}, class extends A {});
class MyErr extends Error {}
var e = new MyErr("x");
e.stack = e.stack.split("\n")[0];
console.log(e);
class NamedErr extends Error {
  constructor(m) {
    super(m);
    this.name = "NamedErr";
  }
}
var n = new NamedErr("y");
n.stack = "NamedErr: y";
console.log(n);
class Tagged {
  get [Symbol.toStringTag]() { return "T"; }
}
console.log(new Tagged(), Tagged);
class Static {
  static count = 1;
}
console.log(Static);
class Arr extends Array {}
console.log(Arr.from([1, 2]), new Arr());
class M extends Map {}
console.log(new M([[1, 2]]), new (class S extends Set {})([1]));
console.log(Object.create(A.prototype));
console.log(JSON.stringify(new B()), JSON.stringify([new A(), new MyErr("e")]));
class WithToJSON {
  toJSON(key) { return "json:" + key; }
}
console.log(JSON.stringify({ k: new WithToJSON() }));
console.log("%s|%s", new A(), new (class { toString() { return "custom"; } })());

// Expected output (node 20):
// expect: A { x: 1 } B { x: 1 } [ A { x: 1 } ] { deep: { deeper: { a: [A] } } }
// expect: [class A] [class B extends A] [ [class A] ] [class (anonymous)] [class (anonymous) extends A]
// expect: [MyErr [Error]: x]
// expect: [NamedErr: y]
// expect: Tagged [T] {} [class Tagged]
// expect: [class Static] { count: 1 }
// expect: Arr(2) [ 1, 2 ] Arr(0) []
// expect: M(1) [Map] { 1 => 2 } S(1) [Set] { 1 }
// expect: A {}
// expect: {"x":1} [{"x":1},{}]
// expect: {"k":"json:k"}
// expect: A { x: 1 }|custom
