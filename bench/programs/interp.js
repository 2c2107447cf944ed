// interp.js - a small language implementation: a tokenizer, a recursive-
// descent parser to an AST, and a tree-walking evaluator with lexical
// scopes, first-class functions, closures, recursion, if/while and lists.
// Runs a handful of programs (fib, primes, list sorting, closures).
// Measures: string scanning, object-heavy ASTs, switch dispatch, recursion.
// Size: number of times the program set is parsed and evaluated.
var DEFAULT_SIZE = 5;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

// ---- tokenizer ----
var KEYWORDS = new Set(['let', 'fn', 'if', 'else', 'while', 'return', 'true', 'false', 'and', 'or', 'not']);

function tokenize(src) {
  var tokens = [], i = 0, n = src.length;
  while (i < n) {
    var c = src[i];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '#') { while (i < n && src[i] !== '\n') i++; continue; }
    if (c >= '0' && c <= '9') {
      var s = i;
      while (i < n && src[i] >= '0' && src[i] <= '9') i++;
      tokens.push({ type: 'num', value: parseInt(src.slice(s, i), 10) });
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_') {
      var st = i;
      while (i < n && /[A-Za-z0-9_]/.test(src[i])) i++;
      var word = src.slice(st, i);
      tokens.push({ type: KEYWORDS.has(word) ? word : 'name', value: word });
      continue;
    }
    var two = src.substr(i, 2);
    if (two === '==' || two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ type: two, value: two });
      i += 2;
      continue;
    }
    if ('+-*/%<>=(){}[],;'.indexOf(c) >= 0) { tokens.push({ type: c, value: c }); i++; continue; }
    throw new Error('bad character ' + c);
  }
  tokens.push({ type: 'eof', value: null });
  return tokens;
}

// ---- parser ----
class Parser {
  constructor(tokens) { this.t = tokens; this.p = 0; }
  peek() { return this.t[this.p].type; }
  next() { return this.t[this.p++]; }
  expect(type) {
    var tok = this.next();
    if (tok.type !== type) throw new Error('expected ' + type + ' got ' + tok.type);
    return tok;
  }
  program() {
    var body = [];
    while (this.peek() !== 'eof') body.push(this.statement());
    return { k: 'block', body: body };
  }
  block() {
    this.expect('{');
    var body = [];
    while (this.peek() !== '}') body.push(this.statement());
    this.expect('}');
    return { k: 'block', body: body };
  }
  statement() {
    switch (this.peek()) {
      case 'let': {
        this.next();
        var name = this.expect('name').value;
        this.expect('=');
        var init = this.expression();
        this.expect(';');
        return { k: 'let', name: name, init: init };
      }
      case 'if': {
        this.next();
        var cond = this.expression();
        var then = this.block();
        var otherwise = null;
        if (this.peek() === 'else') {
          this.next();
          otherwise = this.peek() === 'if' ? { k: 'block', body: [this.statement()] } : this.block();
        }
        return { k: 'if', cond: cond, then: then, otherwise: otherwise };
      }
      case 'while': {
        this.next();
        var wc = this.expression();
        return { k: 'while', cond: wc, body: this.block() };
      }
      case 'return': {
        this.next();
        var value = this.expression();
        this.expect(';');
        return { k: 'return', value: value };
      }
      default: {
        var e = this.expression();
        if (this.peek() === '=' && e.k === 'var') {
          this.next();
          var rhs = this.expression();
          this.expect(';');
          return { k: 'assign', name: e.name, value: rhs };
        }
        if (this.peek() === '=' && e.k === 'index') {
          this.next();
          var rv = this.expression();
          this.expect(';');
          return { k: 'setindex', target: e.target, index: e.index, value: rv };
        }
        this.expect(';');
        return { k: 'expr', e: e };
      }
    }
  }
  expression() { return this.or(); }
  or() {
    var l = this.and();
    while (this.peek() === 'or') { this.next(); l = { k: 'or', l: l, r: this.and() }; }
    return l;
  }
  and() {
    var l = this.comparison();
    while (this.peek() === 'and') { this.next(); l = { k: 'and', l: l, r: this.comparison() }; }
    return l;
  }
  comparison() {
    var l = this.additive();
    var op = this.peek();
    if (op === '==' || op === '!=' || op === '<' || op === '>' || op === '<=' || op === '>=') {
      this.next();
      return { k: 'bin', op: op, l: l, r: this.additive() };
    }
    return l;
  }
  additive() {
    var l = this.term();
    while (this.peek() === '+' || this.peek() === '-') {
      var op = this.next().type;
      l = { k: 'bin', op: op, l: l, r: this.term() };
    }
    return l;
  }
  term() {
    var l = this.unary();
    while (this.peek() === '*' || this.peek() === '/' || this.peek() === '%') {
      var op = this.next().type;
      l = { k: 'bin', op: op, l: l, r: this.unary() };
    }
    return l;
  }
  unary() {
    if (this.peek() === '-') { this.next(); return { k: 'neg', e: this.unary() }; }
    if (this.peek() === 'not') { this.next(); return { k: 'not', e: this.unary() }; }
    return this.postfix();
  }
  postfix() {
    var e = this.primary();
    for (;;) {
      if (this.peek() === '(') {
        this.next();
        var args = [];
        if (this.peek() !== ')') {
          args.push(this.expression());
          while (this.peek() === ',') { this.next(); args.push(this.expression()); }
        }
        this.expect(')');
        e = { k: 'call', callee: e, args: args };
      } else if (this.peek() === '[') {
        this.next();
        var idx = this.expression();
        this.expect(']');
        e = { k: 'index', target: e, index: idx };
      } else {
        return e;
      }
    }
  }
  primary() {
    var tok = this.next();
    switch (tok.type) {
      case 'num': return { k: 'num', value: tok.value };
      case 'true': return { k: 'num', value: 1 };
      case 'false': return { k: 'num', value: 0 };
      case 'name': return { k: 'var', name: tok.value };
      case '(': {
        var e = this.expression();
        this.expect(')');
        return e;
      }
      case '[': {
        var items = [];
        if (this.peek() !== ']') {
          items.push(this.expression());
          while (this.peek() === ',') { this.next(); items.push(this.expression()); }
        }
        this.expect(']');
        return { k: 'list', items: items };
      }
      case 'fn': {
        this.expect('(');
        var params = [];
        if (this.peek() !== ')') {
          params.push(this.expect('name').value);
          while (this.peek() === ',') { this.next(); params.push(this.expect('name').value); }
        }
        this.expect(')');
        return { k: 'fn', params: params, body: this.block() };
      }
      default:
        throw new Error('unexpected token ' + tok.type);
    }
  }
}

// ---- evaluator ----
class Scope {
  constructor(parent) { this.vars = new Map(); this.parent = parent; }
  lookup(name) {
    for (var s = this; s !== null; s = s.parent) if (s.vars.has(name)) return s;
    throw new Error('undefined variable ' + name);
  }
  get(name) { return this.lookup(name).vars.get(name); }
  set(name, v) { this.lookup(name).vars.set(name, v); }
  define(name, v) { this.vars.set(name, v); }
}

class Closure {
  constructor(params, body, scope) { this.params = params; this.body = body; this.scope = scope; }
}

var RETURN = { value: null };
var steps = 0;

function exec(node, scope) {
  steps++;
  switch (node.k) {
    case 'block': {
      for (var i = 0; i < node.body.length; i++) {
        var r = exec(node.body[i], scope);
        if (r === RETURN) return r;
      }
      return null;
    }
    case 'let': scope.define(node.name, evaluate(node.init, scope)); return null;
    case 'assign': scope.set(node.name, evaluate(node.value, scope)); return null;
    case 'setindex': {
      var list = evaluate(node.target, scope);
      list[evaluate(node.index, scope)] = evaluate(node.value, scope);
      return null;
    }
    case 'expr': evaluate(node.e, scope); return null;
    case 'if':
      if (evaluate(node.cond, scope) !== 0) return exec(node.then, new Scope(scope));
      if (node.otherwise !== null) return exec(node.otherwise, new Scope(scope));
      return null;
    case 'while':
      while (evaluate(node.cond, scope) !== 0) {
        if (exec(node.body, new Scope(scope)) === RETURN) return RETURN;
      }
      return null;
    case 'return': RETURN.value = evaluate(node.value, scope); return RETURN;
  }
  throw new Error('bad statement ' + node.k);
}

function evaluate(node, scope) {
  steps++;
  switch (node.k) {
    case 'num': return node.value;
    case 'var': return scope.get(node.name);
    case 'neg': return -evaluate(node.e, scope);
    case 'not': return evaluate(node.e, scope) === 0 ? 1 : 0;
    case 'and': return evaluate(node.l, scope) !== 0 && evaluate(node.r, scope) !== 0 ? 1 : 0;
    case 'or': return evaluate(node.l, scope) !== 0 || evaluate(node.r, scope) !== 0 ? 1 : 0;
    case 'list': return node.items.map(function (it) { return evaluate(it, scope); });
    case 'index': return evaluate(node.target, scope)[evaluate(node.index, scope)];
    case 'fn': return new Closure(node.params, node.body, scope);
    case 'bin': {
      var l = evaluate(node.l, scope), r = evaluate(node.r, scope);
      switch (node.op) {
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/': return Math.trunc(l / r);
        case '%': return l % r;
        case '<': return l < r ? 1 : 0;
        case '>': return l > r ? 1 : 0;
        case '<=': return l <= r ? 1 : 0;
        case '>=': return l >= r ? 1 : 0;
        case '==': return l === r ? 1 : 0;
        case '!=': return l !== r ? 1 : 0;
      }
      throw new Error('bad operator ' + node.op);
    }
    case 'call': {
      var f = evaluate(node.callee, scope);
      var args = node.args.map(function (a) { return evaluate(a, scope); });
      if (typeof f === 'function') return f.apply(null, args);
      var local = new Scope(f.scope);
      for (var i = 0; i < f.params.length; i++) local.define(f.params[i], args[i]);
      var res = exec(f.body, local);
      return res === RETURN ? RETURN.value : 0;
    }
  }
  throw new Error('bad expression ' + node.k);
}

var PROGRAMS = [
  `# recursion
   let fib = fn(n) { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); };
   print(fib(17));`,
  `# loops and lists: a sieve
   let n = 3000;
   let flags = make(n + 1, 1);
   let i = 2; let count = 0;
   while i <= n {
     if flags[i] == 1 {
       count = count + 1;
       let j = i * i;
       while j <= n { flags[j] = 0; j = j + i; }
     }
     i = i + 1;
   }
   print(count);`,
  `# closures: counters and composition
   let counter = fn(start, stepBy) { let c = start; return fn() { c = c + stepBy; return c; }; };
   let compose = fn(f, g) { return fn(x) { return f(g(x)); }; };
   let a = counter(0, 3); let b = counter(100, -1);
   let twice = compose(fn(x) { return x * 2; }, fn(x) { return x + 1; });
   let k = 0; let total = 0;
   while k < 400 { total = total + a() + b() + twice(k) % 7; k = k + 1; }
   print(total);`,
  `# insertion sort on a pseudo-random list
   let size = 150; let xs = make(size, 0); let seed = 17; let i = 0;
   while i < size { seed = (seed * 75 + 74) % 65537; xs[i] = seed % 1000; i = i + 1; }
   let sort = fn(v, len) {
     let p = 1;
     while p < len {
       let x = v[p]; let q = p - 1;
       while q >= 0 and v[q] > x { v[q + 1] = v[q]; q = q - 1; }
       v[q + 1] = x; p = p + 1;
     }
     return v;
   };
   sort(xs, size);
   let h = 0; i = 0;
   while i < size { h = (h * 31 + xs[i]) % 1000003; i = i + 1; }
   print(h);
   print(xs[0] + xs[size - 1] * 1000);`,
  `# mutual recursion and gcd
   let even = fn(n) { if n == 0 { return true; } return odd(n - 1); };
   let odd = fn(n) { if n == 0 { return false; } return even(n - 1); };
   let gcd = fn(a, b) { while b != 0 { let t = b; b = a % b; a = t; } return a; };
   let s = 0; let m = 1;
   while m < 300 { s = s + gcd(m * 7, 840) + even(m % 50); m = m + 1; }
   print(s);`
];

var outputs = [];
function runAll() {
  outputs = [];
  var globals = new Scope(null);
  globals.define('print', function (v) { outputs.push(v); return 0; });
  globals.define('make', function (n, v) { return new Array(n).fill(v); });
  for (var p = 0; p < PROGRAMS.length; p++) {
    var ast = new Parser(tokenize(PROGRAMS[p])).program();
    exec(ast, new Scope(globals));
  }
}

for (var round = 0; round < SIZE; round++) runAll();
emit('interp size=' + SIZE + ' checksum=' + outputs.join(',') + ':' + steps);
