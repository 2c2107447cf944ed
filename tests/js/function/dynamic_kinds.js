// GeneratorFunction, AsyncFunction and AsyncGeneratorFunction: the
// CreateDynamicFunction kinds, reached through the prototypes' constructor.
var GF = Object.getPrototypeOf(function* () {}).constructor;
var AF = Object.getPrototypeOf(async function () {}).constructor;
var AGF = Object.getPrototypeOf(async function* () {}).constructor;
print(GF.name, GF.length, AF.name, AGF.name);  // expect: GeneratorFunction 1 AsyncFunction AsyncGeneratorFunction
print(Object.getPrototypeOf(GF) === Function, typeof GeneratorFunction);  // expect: true undefined

var g = GF('a', 'b', 'yield a + b');
print(JSON.stringify(g.toString()));  // expect: "function* anonymous(a,b\n) {\nyield a + b\n}"
print(g(1, 2).next().value);  // expect: 3
print(Object.getPrototypeOf(g.prototype) === GF.prototype.prototype);  // expect: true
print(AF('return 1').toString().split('\n')[0]);  // expect: async function anonymous(
print(AGF().toString().split('\n')[0]);  // expect: async function* anonymous(

// Early errors of each kind's parameters.
try { GF('x = yield', ''); } catch (e) { print(e.name); }  // expect: SyntaxError
try { AGF('x = await 1', ''); } catch (e) { print(e.name); }  // expect: SyntaxError
try { GF('}, function* (', ''); } catch (e) { print(e.name); }  // expect: SyntaxError

// The prototypes' constructor links are configurable, not writable.
var d = Object.getOwnPropertyDescriptor(AF.prototype, 'constructor');
print(d.value === AF, d.writable, d.configurable);  // expect: true false true
d = Object.getOwnPropertyDescriptor(GF, 'prototype');
print(d.writable, d.configurable);  // expect: false false

// Instances are not constructors (but generators have a prototype).
try { new (AGF())(); } catch (e) { print(e.name); }  // expect: TypeError

// Subclassing: new.target's prototype.
class G2 extends GF {}
var s = new G2('yield 7');
print(Object.getPrototypeOf(s) === G2.prototype, s().next().value);  // expect: true 7

AF('a', 'return await a')(5).then(function (v) { print('async', v); });  // expect: async 5
var it = AGF('yield* [1, 2]')();
it.next().then(function (r) { print('asyncgen', r.value, r.done); });  // expect: asyncgen 1 false
