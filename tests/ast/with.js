var v = 1;
function f(o) {
  let local = 2;
  with (o) { v; local; g(); }
}
