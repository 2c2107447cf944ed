// subclassing: new.target's prototype, species in then, Promise.resolve identity
class MyPromise extends Promise {
  constructor(executor) {
    console.log("MyPromise constructed");
    super(executor);
  }
}
const mp = new MyPromise(r => r(1));
console.log(mp instanceof MyPromise, mp instanceof Promise, Object.getPrototypeOf(mp) === MyPromise.prototype);
const derived = mp.then(v => v + 1);
console.log("derived is MyPromise:", derived instanceof MyPromise);
derived.then(v => console.log("derived value", v));
console.log(MyPromise.resolve(mp) === mp, Promise.resolve(mp) === mp);
const np = Promise.resolve(7);
console.log(Promise.resolve(np) === np, MyPromise.resolve(np) === np);
class NoSpecies extends Promise { static get [Symbol.species]() { return Promise; } }
const ns = new NoSpecies(r => r(2));
console.log("species honored:", ns.then(() => {}) instanceof NoSpecies, ns.then(() => {}).constructor === Promise);
console.log(Promise[Symbol.species] === Promise, MyPromise[Symbol.species] === MyPromise);
console.log(Object.prototype.toString.call(mp), String(Promise.prototype[Symbol.toStringTag]));
const all = MyPromise.all([1, 2]);
console.log("all result is MyPromise:", all instanceof MyPromise);
all.then(v => console.log("all", v.join()));

// Output, as node prints it:
// expect: MyPromise constructed
// expect: true true true
// expect: MyPromise constructed
// expect: derived is MyPromise: true
// expect: MyPromise constructed
// expect: true false
// expect: MyPromise constructed
// expect: true false
// expect: species honored: false true
// expect: true true
// expect: [object Promise] Promise
// expect: MyPromise constructed
// expect: MyPromise constructed
// expect: MyPromise constructed
// expect: MyPromise constructed
// expect: MyPromise constructed
// expect: all result is MyPromise: true
// expect: MyPromise constructed
// expect: MyPromise constructed
// expect: derived value 2
// expect: all 1,2
