// oop.js - an object-oriented workload: a class hierarchy of shapes and
// accounts with constructors calling super, getters/setters, static members,
// private-by-convention fields, toString overrides and a megamorphic call
// site (area/perimeter over eight classes), plus instanceof checks.
// Measures: property access through prototypes, inline caches going
// polymorphic/megamorphic, accessor calls, allocation of small objects.
// Size: thousands of simulated steps.
var DEFAULT_SIZE = 120;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

class Shape {
  constructor(x, y) { this.x = x; this.y = y; Shape.created++; }
  get position() { return this.x * 1000 + this.y; }
  set position(p) { this.x = Math.floor(p / 1000); this.y = p % 1000; }
  move(dx, dy) { this.x += dx; this.y += dy; return this; }
  describe() { return this.kind + '@' + this.x + ',' + this.y; }
  get kind() { return 'shape'; }
  static compareArea(a, b) { return a.area - b.area; }
}
Shape.created = 0;

class Rect extends Shape {
  constructor(x, y, w, h) { super(x, y); this.w = w; this.h = h; }
  get area() { return this.w * this.h; }
  get perimeter() { return 2 * (this.w + this.h); }
  get kind() { return 'rect'; }
}
class Square extends Rect {
  constructor(x, y, s) { super(x, y, s, s); }
  get kind() { return 'square'; }
  set side(s) { this.w = this.h = s; }
}
class Circle extends Shape {
  constructor(x, y, r) { super(x, y); this.r = r; }
  get area() { return 3 * this.r * this.r; }       // integer "pi" keeps results exact
  get perimeter() { return 6 * this.r; }
  get kind() { return 'circle'; }
}
class Ring extends Circle {
  constructor(x, y, r, inner) { super(x, y, r); this.inner = inner; }
  get area() { return super.area - 3 * this.inner * this.inner; }
  get perimeter() { return super.perimeter + 6 * this.inner; }
  get kind() { return 'ring'; }
}
class Triangle extends Shape {
  constructor(x, y, a, b, c) { super(x, y); this.a = a; this.b = b; this.c = c; }
  get area() { return (this.a * this.b) >> 1; }
  get perimeter() { return this.a + this.b + this.c; }
  get kind() { return 'triangle'; }
}
class Polygon extends Shape {
  constructor(x, y, sides, len) { super(x, y); this.sides = sides; this.len = len; }
  get area() { return this.sides * this.len * this.len >> 2; }
  get perimeter() { return this.sides * this.len; }
  get kind() { return 'polygon' + this.sides; }
}
class Hexagon extends Polygon {
  constructor(x, y, len) { super(x, y, 6, len); }
  get kind() { return 'hexagon'; }
}
class Group extends Shape {
  constructor(x, y, members) { super(x, y); this.members = members; }
  get area() { var s = 0; for (var m of this.members) s += m.area; return s; }
  get perimeter() { return this.members.reduce(function (s, m) { return s + m.perimeter; }, 0); }
  get kind() { return 'group' + this.members.length; }
  move(dx, dy) { super.move(dx, dy); for (var m of this.members) m.move(dx, dy); return this; }
}

class Account {
  #balance = 0;
  #history = [];
  constructor(owner) { this.owner = owner; }
  get balance() { return this.#balance; }
  deposit(n) { this.#balance += n; this.#history.push(n); return this; }
  withdraw(n) {
    if (n > this.#balance) throw new RangeError('insufficient funds');
    this.#balance -= n;
    this.#history.push(-n);
    return this;
  }
  get transactions() { return this.#history.length; }
  static transfer(from, to, n) {
    try { from.withdraw(n); to.deposit(n); return true; } catch (e) { return e instanceof RangeError ? false : null; }
  }
}
class SavingsAccount extends Account {
  constructor(owner, rate) { super(owner); this.rate = rate; }
  accrue() { return this.deposit(Math.floor(this.balance * this.rate / 100)); }
}

var seed = 1234;
function rand(n) {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (seed >>> 8) % n;
}

function makeShape(i) {
  switch (i % 8) {
    case 0: return new Rect(rand(100), rand(100), 1 + rand(20), 1 + rand(20));
    case 1: return new Square(rand(100), rand(100), 1 + rand(20));
    case 2: return new Circle(rand(100), rand(100), 1 + rand(10));
    case 3: return new Ring(rand(100), rand(100), 5 + rand(10), 1 + rand(4));
    case 4: return new Triangle(rand(100), rand(100), 3 + rand(9), 4 + rand(9), 5 + rand(9));
    case 5: return new Polygon(rand(100), rand(100), 5 + rand(4), 1 + rand(9));
    case 6: return new Hexagon(rand(100), rand(100), 1 + rand(9));
    default: return new Group(rand(100), rand(100), [new Square(0, 0, 2), new Circle(1, 1, 1)]);
  }
}

var acc = 0, h = 0;
var accounts = [];
for (var a = 0; a < 50; a++) {
  accounts.push(a % 3 === 0 ? new SavingsAccount('owner' + a, 2) : new Account('owner' + a));
  accounts[a].deposit(1000 + a);
}
for (var step = 0; step < SIZE; step++) {
  var shapes = [];
  for (var i = 0; i < 1000; i++) shapes.push(makeShape(i + step));
  for (var j = 0; j < shapes.length; j++) {
    var s = shapes[j];
    acc += s.area + s.perimeter;                  // megamorphic getters
    s.move(1, -1);
    if (s instanceof Circle) acc += s.r;
    if (s instanceof Square) s.side = 3;
    s.position = s.position + 1001;
  }
  shapes.sort(Shape.compareArea);
  var d = shapes[0].describe() + shapes[shapes.length - 1].describe() + shapes[500].kind;
  for (var c = 0; c < d.length; c++) h = (Math.imul(h, 31) + d.charCodeAt(c)) | 0;
  for (var t = 0; t < 200; t++) {
    var from = accounts[rand(accounts.length)], to = accounts[rand(accounts.length)];
    if (Account.transfer(from, to, rand(400))) acc++;
  }
  for (var k = 0; k < accounts.length; k += 3) accounts[k].accrue();
}
var total = 0, tx = 0;
for (var b = 0; b < accounts.length; b++) { total += accounts[b].balance; tx += accounts[b].transactions; }
emit('oop size=' + SIZE + ' checksum=' + acc + ':' + (h >>> 0) + ':' + total + ':' + tx + ':' + Shape.created);
