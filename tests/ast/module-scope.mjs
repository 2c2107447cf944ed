let top = 1;
var v = 2;
function f() { return top + v; }
export { top };
