// deltablue.js - an incremental dataflow constraint solver after the DeltaBlue
// algorithm (Freeman-Benson & Maloney): constraints with strengths are added
// and removed, and the solver keeps a plan that satisfies the strongest ones.
// Measures: polymorphic method dispatch through a class hierarchy, small
// arrays as ordered collections, pointer chasing.
// Size: number of rounds of (chain test + projection test).
var DEFAULT_SIZE = 100;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

class Strength {
  constructor(level, name) { this.level = level; this.name = name; }
  static stronger(a, b) { return a.level < b.level; }
  static weaker(a, b) { return a.level > b.level; }
  static weakest(a, b) { return Strength.weaker(a, b) ? a : b; }
  static strongest(a, b) { return Strength.stronger(a, b) ? a : b; }
  nextWeaker() { return STRENGTHS[this.level + 1]; }
}
var STRENGTHS = ['required', 'strong-preferred', 'preferred', 'strong-default',
  'normal', 'weak-default', 'weakest'].map(function (n, i) { return new Strength(i, n); });
var REQUIRED = STRENGTHS[0], STRONG_PREFERRED = STRENGTHS[1], PREFERRED = STRENGTHS[2],
    STRONG_DEFAULT = STRENGTHS[3], NORMAL = STRENGTHS[4], WEAK_DEFAULT = STRENGTHS[5],
    WEAKEST = STRENGTHS[6];

var planner = null;
var checks = 0;

class Variable {
  constructor(name, value) {
    this.name = name;
    this.value = value;
    this.constraints = [];
    this.determinedBy = null;
    this.mark = 0;
    this.walkStrength = WEAKEST;
    this.stay = true;
  }
  addConstraint(c) { this.constraints.push(c); }
  removeConstraint(c) {
    var i = this.constraints.indexOf(c);
    if (i >= 0) this.constraints.splice(i, 1);
    if (this.determinedBy === c) this.determinedBy = null;
  }
}

class Constraint {
  constructor(strength) { this.strength = strength; }
  addConstraint() {
    this.addToGraph();
    planner.incrementalAdd(this);
  }
  destroyConstraint() {
    if (this.isSatisfied()) planner.incrementalRemove(this);
    this.removeFromGraph();
  }
  isInput() { return false; }
  // Try to satisfy this constraint; return the constraint it overrode, if any.
  satisfy(mark) {
    this.chooseMethod(mark);
    if (!this.isSatisfied()) {
      if (this.strength === REQUIRED) throw new Error('could not satisfy a required constraint');
      return null;
    }
    this.markInputs(mark);
    var out = this.output();
    var overridden = out.determinedBy;
    if (overridden !== null) overridden.markUnsatisfied();
    out.determinedBy = this;
    if (!planner.addPropagate(this, mark)) throw new Error('cycle encountered');
    out.mark = mark;
    return overridden;
  }
}

class UnaryConstraint extends Constraint {
  constructor(v, strength) {
    super(strength);
    this.myOutput = v;
    this.satisfied = false;
    this.addConstraint();
  }
  addToGraph() { this.myOutput.addConstraint(this); this.satisfied = false; }
  chooseMethod(mark) {
    this.satisfied = this.myOutput.mark !== mark &&
      Strength.stronger(this.strength, this.myOutput.walkStrength);
  }
  isSatisfied() { return this.satisfied; }
  markInputs(mark) { }
  output() { return this.myOutput; }
  recalculate() {
    this.myOutput.walkStrength = this.strength;
    this.myOutput.stay = !this.isInput();
    if (this.myOutput.stay) this.execute();
  }
  markUnsatisfied() { this.satisfied = false; }
  inputsKnown() { return true; }
  removeFromGraph() {
    if (this.myOutput !== null) this.myOutput.removeConstraint(this);
    this.satisfied = false;
  }
}

class StayConstraint extends UnaryConstraint {
  execute() { }
}

class EditConstraint extends UnaryConstraint {
  isInput() { return true; }
  execute() { }
}

var NONE = 0, FORWARD = 1, BACKWARD = 2;

class BinaryConstraint extends Constraint {
  constructor(a, b, strength) {
    super(strength);
    this.v1 = a;
    this.v2 = b;
    this.direction = NONE;
  }
  chooseMethod(mark) {
    if (this.v1.mark === mark) {
      this.direction = this.v2.mark !== mark &&
        Strength.stronger(this.strength, this.v2.walkStrength) ? FORWARD : NONE;
    } else if (this.v2.mark === mark) {
      this.direction = this.v1.mark !== mark &&
        Strength.stronger(this.strength, this.v1.walkStrength) ? BACKWARD : NONE;
    } else if (Strength.weaker(this.v1.walkStrength, this.v2.walkStrength)) {
      this.direction = Strength.stronger(this.strength, this.v1.walkStrength) ? BACKWARD : NONE;
    } else {
      this.direction = Strength.stronger(this.strength, this.v2.walkStrength) ? FORWARD : BACKWARD;
    }
  }
  addToGraph() {
    this.v1.addConstraint(this);
    this.v2.addConstraint(this);
    this.direction = NONE;
  }
  isSatisfied() { return this.direction !== NONE; }
  markInputs(mark) { this.input().mark = mark; }
  input() { return this.direction === FORWARD ? this.v1 : this.v2; }
  output() { return this.direction === FORWARD ? this.v2 : this.v1; }
  recalculate() {
    var ihn = this.input(), out = this.output();
    out.walkStrength = Strength.weakest(this.strength, ihn.walkStrength);
    out.stay = ihn.stay;
    if (out.stay) this.execute();
  }
  markUnsatisfied() { this.direction = NONE; }
  inputsKnown(mark) {
    var i = this.input();
    return i.mark === mark || i.stay || i.determinedBy === null;
  }
  removeFromGraph() {
    if (this.v1 !== null) this.v1.removeConstraint(this);
    if (this.v2 !== null) this.v2.removeConstraint(this);
    this.direction = NONE;
  }
}

// v2 = v1 * scale + offset (or the inverse when solved backwards)
class ScaleConstraint extends BinaryConstraint {
  constructor(src, scale, offset, dest, strength) {
    super(src, dest, strength);
    this.scale = scale;
    this.offset = offset;
    this.addConstraint();
  }
  addToGraph() {
    super.addToGraph();
    this.scale.addConstraint(this);
    this.offset.addConstraint(this);
  }
  removeFromGraph() {
    super.removeFromGraph();
    if (this.scale !== null) this.scale.removeConstraint(this);
    if (this.offset !== null) this.offset.removeConstraint(this);
  }
  markInputs(mark) {
    super.markInputs(mark);
    this.scale.mark = this.offset.mark = mark;
  }
  execute() {
    if (this.direction === FORWARD) {
      this.v2.value = this.v1.value * this.scale.value + this.offset.value;
    } else {
      this.v1.value = (this.v2.value - this.offset.value) / this.scale.value;
    }
  }
  recalculate() {
    var ihn = this.input(), out = this.output();
    out.walkStrength = Strength.weakest(this.strength, ihn.walkStrength);
    out.stay = ihn.stay && this.scale.stay && this.offset.stay;
    if (out.stay) this.execute();
  }
}

class EqualityConstraint extends BinaryConstraint {
  constructor(a, b, strength) {
    super(a, b, strength);
    this.addConstraint();
  }
  execute() { this.output().value = this.input().value; }
}

class Plan {
  constructor() { this.steps = []; }
  add(c) { this.steps.push(c); }
  execute() {
    for (var i = 0; i < this.steps.length; i++) this.steps[i].execute();
  }
}

class Planner {
  constructor() { this.currentMark = 0; }
  newMark() { return ++this.currentMark; }
  incrementalAdd(c) {
    var mark = this.newMark();
    var overridden = c.satisfy(mark);
    while (overridden !== null) overridden = overridden.satisfy(mark);
  }
  incrementalRemove(c) {
    var out = c.output();
    c.markUnsatisfied();
    c.removeFromGraph();
    var unsatisfied = this.removePropagateFrom(out);
    var strength = REQUIRED;
    do {
      for (var i = 0; i < unsatisfied.length; i++) {
        var u = unsatisfied[i];
        if (u.strength === strength) this.incrementalAdd(u);
      }
      strength = strength.nextWeaker();
    } while (strength !== WEAKEST);
  }
  makePlan(sources) {
    var mark = this.newMark();
    var plan = new Plan();
    var todo = sources;
    while (todo.length > 0) {
      var c = todo.pop();
      if (c.output().mark !== mark && c.inputsKnown(mark)) {
        plan.add(c);
        c.output().mark = mark;
        this.addConstraintsConsumingTo(c.output(), todo);
      }
    }
    return plan;
  }
  extractPlanFromConstraints(constraints) {
    var sources = constraints.filter(function (c) { return c.isInput() && c.isSatisfied(); });
    return this.makePlan(sources);
  }
  addPropagate(c, mark) {
    var todo = [c];
    while (todo.length > 0) {
      var d = todo.pop();
      if (d.output().mark === mark) {
        this.incrementalRemove(c);
        return false;
      }
      d.recalculate();
      this.addConstraintsConsumingTo(d.output(), todo);
    }
    return true;
  }
  removePropagateFrom(out) {
    out.determinedBy = null;
    out.walkStrength = WEAKEST;
    out.stay = true;
    var unsatisfied = [];
    var todo = [out];
    while (todo.length > 0) {
      var v = todo.pop();
      for (var i = 0; i < v.constraints.length; i++) {
        var c = v.constraints[i];
        if (!c.isSatisfied()) unsatisfied.push(c);
      }
      var determining = v.determinedBy;
      for (var j = 0; j < v.constraints.length; j++) {
        var next = v.constraints[j];
        if (next !== determining && next.isSatisfied()) {
          next.recalculate();
          todo.push(next.output());
        }
      }
    }
    return unsatisfied;
  }
  addConstraintsConsumingTo(v, coll) {
    var determining = v.determinedBy;
    for (var i = 0; i < v.constraints.length; i++) {
      var c = v.constraints[i];
      if (c !== determining && c.isSatisfied()) coll.push(c);
    }
  }
}

function check(ok, what) {
  if (!ok) throw new Error('deltablue: check failed: ' + what);
  checks++;
}

// A long chain of equalities; editing the head must propagate to the tail.
function chainTest(n) {
  planner = new Planner();
  var prev = null, first = null, last = null;
  for (var i = 0; i <= n; i++) {
    var v = new Variable('v' + i, 0);
    if (prev !== null) new EqualityConstraint(prev, v, REQUIRED);
    if (i === 0) first = v;
    if (i === n) last = v;
    prev = v;
  }
  new StayConstraint(last, STRONG_DEFAULT);
  var edit = new EditConstraint(first, PREFERRED);
  var plan = planner.extractPlanFromConstraints([edit]);
  var sum = 0;
  for (var k = 0; k < 100; k++) {
    first.value = k;
    plan.execute();
    check(last.value === k, 'chain');
    sum += last.value;
  }
  edit.destroyConstraint();
  return sum;
}

function change(v, newValue) {
  var edit = new EditConstraint(v, PREFERRED);
  var plan = planner.extractPlanFromConstraints([edit]);
  for (var i = 0; i < 10; i++) {
    v.value = newValue;
    plan.execute();
  }
  edit.destroyConstraint();
}

// Many destination variables tied to sources by a shared scale and offset.
function projectionTest(n) {
  planner = new Planner();
  var scale = new Variable('scale', 10);
  var offset = new Variable('offset', 1000);
  var src = null, dst = null;
  var dests = [];
  for (var i = 0; i < n; i++) {
    src = new Variable('src' + i, i);
    dst = new Variable('dst' + i, i);
    dests.push(dst);
    new StayConstraint(src, NORMAL);
    new ScaleConstraint(src, scale, offset, dst, REQUIRED);
  }
  change(src, 17);
  check(dst.value === 1170, 'projection 1');
  change(dst, 1050);
  check(src.value === 5, 'projection 2');
  change(scale, 5);
  for (var j = 0; j < n - 1; j++) check(dests[j].value === j * 5 + 1000, 'projection 3');
  change(offset, 2000);
  for (var k = 0; k < n - 1; k++) check(dests[k].value === k * 5 + 2000, 'projection 4');
  var sum = 0;
  for (var m = 0; m < n; m++) sum += dests[m].value;
  return sum;
}

var total = 0;
for (var round = 0; round < SIZE; round++) {
  total += chainTest(100);
  total += projectionTest(100);
  total += chainTest(25 + round % 50);
  total += projectionTest(30 + round % 40);
}
emit('deltablue size=' + SIZE + ' checksum=' + total + ':' + checks + ':' + planner.currentMark);
