// Methods that read elements: at, concat, includes, indexOf, join, slice, ...
var a = [1, 2, 3, 4, 5];
print(a.at(0), a.at(-1), a.at(5), a.at(-6), a.at("1"), a.at(1.7));
// expect: 1 5 undefined undefined 2 2
print(a.slice(1, 3).join(), a.slice(-2).join(), a.slice().length, a.slice(3, 1).length);
// expect: 2,3 4,5 5 0
print(a.indexOf(3), a.indexOf(3, 3), a.indexOf(5, -1), a.indexOf("3"), [NaN].indexOf(NaN));
// expect: 2 -1 4 -1 -1
print(a.lastIndexOf(1), a.lastIndexOf(5, -2), [1, 2, 1].lastIndexOf(1, undefined), [1, 2, 1].lastIndexOf(1));
// expect: 0 -1 0 2
print(a.includes(3), a.includes(3, 3), [NaN].includes(NaN), [, 1].includes(undefined), [0].includes(-0));
// expect: true false true true true
print([1, [2, 3]].concat(4, [5, [6]]).length, [].concat.call(1, 2).length);
// expect: 5 2
var spreadable = { length: 2, 0: "x", 1: "y" };
spreadable[Symbol.isConcatSpreadable] = true;
print([0].concat(spreadable).join());
// expect: 0,x,y
var notSpread = [9, 8];
notSpread[Symbol.isConcatSpreadable] = false;
print([0].concat(notSpread).length);
// expect: 2
print([1, , 3].concat([4, , 6]).length, 1 in [1, , 3].concat([]));
// expect: 6 false
print([1, null, undefined, 2].join(), [1, 2].join(undefined), [1, 2].join(null), [].join() === "");
// expect: 1,,,2 1,2 1null2 true
print(["a", "b"].toString(), Array.prototype.toString.call({ join: function () { return "J"; } }));
// expect: a,b J
print(Array.prototype.toString.call({}), Array.prototype.toString.call({ join: 1 }));
// expect: [object Object] [object Object]
var cyc = [1, 2];
cyc.push(cyc);
print(cyc.join("-"), String(cyc));
// expect: 1-2- 1,2,
print([1, 2, 3].toLocaleString(), [null, undefined].toLocaleString());
// expect: 1,2,3 ,
print([1, 2, 3].toReversed().join(), [1, , 3].toReversed().hasOwnProperty(1));
// expect: 3,2,1 true
print([1, 2, 3, 4].toSpliced(1, 2, "a").join(), [1, 2, 3].toSpliced(1).join(), [1, 2].toSpliced().join());
// expect: 1,a,4 1 1,2
print([1, 2, 3].with(1, "b").join(), [1, 2, 3].with(-1, "z").join());
// expect: 1,b,3 1,2,z
try { [1, 2, 3].with(3, 0); } catch (e) { print(e.name); }
// expect: RangeError
print(Array.prototype.at.call("abc", -1), Array.prototype.join.call("abc", "+"));
// expect: c a+b+c
print(Array.prototype.slice.call({ length: 3, 0: "p", 2: "r" }).join("|"));
// expect: p||r
