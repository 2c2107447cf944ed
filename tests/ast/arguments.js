function f(a) { return arguments[0] + a; }
function g() { return () => arguments; }
function h(arguments) { return arguments; }
const k = () => typeof arguments;
