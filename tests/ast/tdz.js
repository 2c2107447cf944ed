function f() {
  g();
  let x = 1;
  function g() { return x; }
  x;
}
y;
let y;
