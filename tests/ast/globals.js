var gv = 1;
let gl = 2;
function gf() { return gv + gl + undeclared; }
class GC {}
