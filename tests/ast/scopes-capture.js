function outer(p) {
  let kept = 1, reg = 2;
  var v = reg;
  function inner() { return kept + p; }
  { let blockLocal = 3; const f = () => blockLocal; }
  return inner;
}
