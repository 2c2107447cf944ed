function f(a, b = a, { c } = {}, [d] = [], ...e) {}
function g(x, y) {}
const h = (a, ...b) => a;
const k = ({ a }) => { return a; };
