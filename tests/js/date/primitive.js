// Date.prototype[Symbol.toPrimitive] and the conversions that use it.
var d = new Date(0);
d.toString = function () { return "S"; };
d.valueOf = function () { return 42; };
console.log(d + 1, d * 2, `${d}`, d == "S", d == 42, d < 43);
console.log(d[Symbol.toPrimitive]("number"), d[Symbol.toPrimitive]("string"), d[Symbol.toPrimitive]("default"));
var tp = Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive);
console.log(tp.writable, tp.enumerable, tp.configurable, tp.value.name, tp.value.length);
// It works on any object, not only dates.
console.log(Date.prototype[Symbol.toPrimitive].call({ toString: function () { return "o"; } }, "default"));
var errors = [
  function () { d[Symbol.toPrimitive]("x"); },
  function () { d[Symbol.toPrimitive](); },
  function () { Date.prototype[Symbol.toPrimitive].call(1, "number"); },
  function () { Date.prototype.getTime.call({}); },
  function () { Date.prototype.setHours.call({}, 1); },
  function () { Date.prototype.toLocaleString.call([1]); },
  function () { Date.prototype.toGMTString.call(Symbol("s")); },
  function () { Date.prototype.setYear.call(new Map()); },
  function () { Date.prototype.valueOf.call(Date.prototype); },
  function () { Date.prototype.toString.call(new Date(0).getTime()); },
  function () { Date.prototype[Symbol.toPrimitive].call({ toString: undefined, valueOf: undefined }, "number"); },
];
for (var i = 0; i < errors.length; i++) {
  try {
    errors[i]();
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
// The receiver check comes before any argument conversion.
var converted = false;
try {
  Date.prototype.setUTCDate.call({}, { valueOf: function () { converted = true; return 1; } });
} catch (e) {
  console.log(e.name, converted);
}
Date.prototype.getDay.call(0);

// What it prints (the same in every time zone):
// expect: S1 84 S true false true
// expect: 42 S S
// expect: false false true [Symbol.toPrimitive] 1
// expect: o
// expect: TypeError: Invalid hint: x
// expect: TypeError: Invalid hint: undefined
// expect: TypeError: Method Date.prototype [ @@toPrimitive ] called on incompatible receiver 1
// expect: TypeError: this is not a Date object.
// expect: TypeError: Method Date.prototype.setHours called on incompatible receiver #<Object>
// expect: TypeError: Method Date.prototype.toLocaleString called on incompatible receiver [object Array]
// expect: TypeError: Method Date.prototype.toUTCString called on incompatible receiver Symbol(s)
// expect: TypeError: Method Date.prototype.setYear called on incompatible receiver #<Map>
// expect: TypeError: this is not a Date object.
// expect: TypeError: Method Date.prototype.toString called on incompatible receiver 0
// expect: TypeError: Cannot convert object to primitive value
// expect: TypeError false
// expect runtime error: TypeError: this is not a Date object.
