// flags: --use-strict
var x = 1;
function f() { return this; }
