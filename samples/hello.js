// A first program for `make run`.
function greet(name) {
  return `hello, ${name}`;
}
console.log(greet("jsvm"));
