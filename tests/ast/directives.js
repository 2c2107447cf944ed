function f() {
  "use strict";
  return this;
}
function g() { "a"; "b"; 1; "c"; }
