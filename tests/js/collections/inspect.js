// console.log of collections and their iterators, as node shows them.
var m = new Map([[1, { a: 1 }], ["k", "v"]]);
console.log(m);
// expect: Map(2) { 1 => { a: 1 }, 'k' => 'v' }
console.log(m.entries());
// expect: [Map Entries] { [ 1, { a: 1 } ], [ 'k', 'v' ] }
console.log(m.keys(), new Set([1, 2]).values());
// expect: [Map Iterator] { 1, 'k' } [Set Iterator] { 1, 2 }
var it = m.values();
it.next();
console.log(it);
// expect: [Map Iterator] { 'v' }
it.next();
it.next();
console.log(it, new Map().keys());
// expect: [Map Iterator] {  } [Map Iterator] {  }
console.log(new Set(["x"]).entries());
// expect: [Set Entries] { [ 'x', 'x' ] }
var tagged = new Set([1]).values();
tagged.foo = 1;
console.log(tagged);
// expect: [Set Iterator] { 1, foo: 1 }
console.log([new Map([[{ a: { b: { c: 1 } } }, 1]]).entries()]);
// expect: [ [Map Entries] { [ { a: [Object] }, 1 ] } ]
console.log(new Map([[new Map([[1, 2]]), new Set(["x"])]]));
// expect: Map(1) { Map(1) { 1 => 2 } => Set(1) { 'x' } }
class Foo extends Set {}
console.log(new Foo([1]), new WeakMap(), new WeakSet());
// expect: Foo(1) [Set] { 1 } WeakMap { <items unknown> } WeakSet { <items unknown> }
