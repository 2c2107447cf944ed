function f(a) {
  let b = 1;
  function inner() { return b; }
  eval("a + b");
  return inner;
}
function g() { (0, eval)("x"); }
