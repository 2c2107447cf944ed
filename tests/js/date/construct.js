// The Date constructor, Date.UTC and Date.now (output independent of TZ).
console.log(new Date(0).getTime(), new Date(-1).getTime(), new Date(1.9).getTime(), new Date(-1.9).getTime());
console.log(new Date(8.64e15).getTime(), new Date(8.64e15 + 1).getTime(), new Date(-8.64e15).getTime());
console.log(new Date(NaN).getTime(), new Date(Infinity).getTime(), new Date("x").getTime());
console.log(new Date(true).getTime(), new Date(null).getTime(), new Date(undefined).getTime());
console.log(new Date("1970-01-01T00:00:01Z").getTime(), new Date(new Date(42)).getTime());
// A Date argument is read directly, without calling valueOf or toString.
var d = new Date(5);
d.valueOf = function () { throw new Error("not called"); };
console.log(new Date(d).getTime());
// Other objects go through ToPrimitive (hint default: valueOf first).
console.log(new Date({ valueOf: function () { return 7; } }).getTime());
console.log(new Date({ toString: function () { return "1970-01-01T00:00:00.009Z"; }, valueOf: undefined }).getTime());
// Date.UTC: missing month is 0, two-digit years are 19xx.
console.log(Date.UTC(2000), Date.UTC(2000, 1), Date.UTC(99, 11, 31), Date.UTC(2000, 0, 1, 24));
console.log(Date.UTC(), Date.UTC(NaN, 0), Date.UTC(2000, 12), Date.UTC(2000, -1), Date.UTC(275760, 8, 13, 0, 0, 0, 1));
console.log(Date.UTC(-271821, 3, 20), Date.UTC(1970, 0, 1, 0, 0, 0, 0.9), Date.UTC(1970, 0, 213503982336, 0, 0, 0, -18446744073709552000));
// Local construction round-trips through the local getters.
var l = new Date(2024, 1, 29, 13, 14, 15, 16);
console.log(l.getFullYear(), l.getMonth(), l.getDate(), l.getHours(), l.getMinutes(), l.getSeconds(), l.getMilliseconds());
console.log(new Date(99, 0).getFullYear(), new Date(100, 0).getFullYear(), new Date(2000, 13).getMonth());
console.log(new Date(2000, 0, 1).getTime() === new Date("2000-01-01T00:00:00").getTime());
// Called as a function: a string for now, arguments ignored.
console.log(typeof Date(), typeof Date(0), Date(0).length > 30);
var t0 = Date.now();
console.log(typeof t0, t0 === Math.floor(t0), t0 > 1.7e12, new Date().getTime() >= t0);
// Subclasses get their own prototype.
class Stamp extends Date {
  iso() { return this.toISOString(); }
}
var s = new Stamp(0);
console.log(s.iso(), s instanceof Date, Object.getPrototypeOf(s) === Stamp.prototype, Object.prototype.toString.call(s));
function F() {}
F.prototype = Object.create(Date.prototype);
var r = Reflect.construct(Date, [3], F);
console.log(r.getTime(), Object.getPrototypeOf(r) === F.prototype);
console.log(Date.length, Date.name, Date.UTC.length, Date.parse.length, Date.now.length);
console.log(Object.prototype.toString.call(Date.prototype), Date.prototype.constructor === Date);

// What it prints (the same in every time zone):
// expect: 0 -1 1 -1
// expect: 8640000000000000 NaN -8640000000000000
// expect: NaN NaN NaN
// expect: 1 0 NaN
// expect: 1000 42
// expect: 5
// expect: 7
// expect: 9
// expect: 946684800000 949363200000 946598400000 946771200000
// expect: NaN NaN 978307200000 944006400000 NaN
// expect: -8640000000000000 0 34447360
// expect: 2024 1 29 13 14 15 16
// expect: 1999 100 1
// expect: true
// expect: string string true
// expect: number true true true
// expect: 1970-01-01T00:00:00.000Z true true [object Date]
// expect: 3 true
// expect: 7 Date 7 1 0
// expect: [object Object] true
