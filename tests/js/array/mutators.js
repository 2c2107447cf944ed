// Methods that change the receiver: push, pop, shift, unshift, splice, ...
var a = [1, 2, 3];
print(a.push(4, 5), a.join(), a.pop(), a.length, [].pop(), a.shift(), a.join());
// expect: 5 1,2,3,4,5 5 4 undefined 1 2,3,4
print(a.unshift(-1, 0), a.join(), a.unshift(), a.length);
// expect: 5 -1,0,2,3,4 5 5
var s = [1, 2, 3, 4, 5];
print(s.splice(1, 2).join(), s.join());
// expect: 2,3 1,4,5
print(s.splice(1, 0, "a", "b").length, s.join());
// expect: 0 1,a,b,4,5
print(s.splice(-2).join(), s.join(), s.splice().length, s.splice(0, 1, "z").join(), s.join());
// expect: 4,5 1,a,b 0 1 z,a,b
print(s.splice(1, Infinity).join(), s.join());
// expect: a,b z
var r = [1, 2, 3, 4];
print(r.reverse().join(), [1, , 3].reverse().hasOwnProperty(1), [1, 2, , 4].reverse().join());
// expect: 4,3,2,1 false 4,,2,1
print([1, 2, 3, 4, 5].copyWithin(0, 3).join(), [1, 2, 3, 4, 5].copyWithin(1, 0, 3).join());
// expect: 4,5,3,4,5 1,1,2,3,5
print([1, 2, 3, 4, 5].copyWithin(-2, -3, -1).join());
// expect: 1,2,3,3,4
print([1, 2, 3].fill(0).join(), [1, 2, 3].fill(9, 1).join(), [1, 2, 3].fill(7, -3, -2).join());
// expect: 0,0,0 1,9,9 7,2,3
// Generic receivers.
var o = { length: 2, 0: "a", 1: "b" };
print(Array.prototype.push.call(o, "c"), o.length, o[2]);
// expect: 3 3 c
print(Array.prototype.pop.call(o), o.length, 2 in o);
// expect: c 2 false
print(Array.prototype.shift.call(o), o.length, o[0], 1 in o);
// expect: a 1 b false
var empty = {};
print(Array.prototype.pop.call(empty), empty.length);
// expect: undefined 0
var big = { length: 9007199254740991 };
try { Array.prototype.push.call(big, 1); } catch (e) { print(e.name); }
// expect: TypeError
print(Array.prototype.push.call({ length: 9007199254740990 }, "x"));
// expect: 9007199254740991
var frozen = Object.freeze([1, 2]);
try { frozen.push(3); } catch (e) { print(e.name); }
// expect: TypeError
try { frozen.pop(); } catch (e) { print(e.name); }
// expect: TypeError
var ro = [1, 2, 3];
Object.defineProperty(ro, "length", { writable: false });
try { ro.push(4); } catch (e) { print(e.name, ro.length); }
// expect: TypeError 3
try { ro.shift(); } catch (e) { print(e.name, ro.length); }
// expect: TypeError 3
// Setters on the prototype chain see push through the generic path.
var seen = [];
Object.defineProperty(Array.prototype, "3", { set: function (v) { seen.push("set" + v); }, configurable: true });
var q = [0, 1, 2];
q.push("x");
print(seen.join(), q.length, q.hasOwnProperty(3));
// expect: setx 4 false
delete Array.prototype[3];
