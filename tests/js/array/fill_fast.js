// Array.prototype.fill on fast arrays (the store grows once) keeps Set's
// semantics: holes filled, ranges honoured, prototype setters called.
print(new Array(5).fill(7).join());
// expect: 7,7,7,7,7
var b = [1, 2, 3, 4, 5, 6];
b.fill(0, 2, 4);
print(b.join());
// expect: 1,2,0,0,5,6
var c = [];
c.length = 3;
c.fill("x", 1);
print(JSON.stringify(c), 0 in c);
// expect: [null,"x","x"] false
var d = new Array(100000).fill(1);
print(d.length, d[99999], d.reduce(function (x, y) { return x + y; }));
// expect: 100000 1 100000
Object.defineProperty(Array.prototype, 7, { set: function (v) { print("setter", v); }, configurable: true });
var e = new Array(9).fill(3);
print(e.hasOwnProperty(7), e.length);
// expect: setter 3
// expect: false 9
delete Array.prototype[7];
try { Object.freeze([1, 2]).fill(0); } catch (err) { print(err.name); }
// expect: TypeError
print([1, 2, 3].fill(9, -2).join(), [1, 2, 3].fill(9, 5).join());
// expect: 1,9,9 1,2,3
