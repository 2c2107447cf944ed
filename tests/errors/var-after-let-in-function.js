function f(p) {
  let p2;
  var p2;
}
