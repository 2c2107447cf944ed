// Boolean: conversion, wrappers and the prototype methods.
print(Boolean(0), Boolean("x"), Boolean(), Boolean({}), Boolean(NaN));
// expect: false true false true false
var w = new Boolean(false);
print(typeof w, w.valueOf(), w.toString(), w ? "truthy" : "falsy");
// expect: object false false truthy
print(true.toString(), false.valueOf(), Boolean.prototype.valueOf());
// expect: true false false
try { Boolean.prototype.toString.call(1); } catch (e) { print(e instanceof TypeError); }
// expect: true
class B extends Boolean {}
var b = new B(1);
print(b instanceof B, b.valueOf(), Object.prototype.toString.call(b));
// expect: true true [object Boolean]
print(Boolean.length, Boolean.prototype.constructor === Boolean);
// expect: 1 true
