"use strict";
function f(a) {
  var v = 1;
  eval("v");
  return a;
}
