let { a, b: { c = 1 }, ...rest } = obj;
const [x, , y = 2, ...zs] = arr;
[p.q, r[0] = 3] = [1, 2];
({ s, t: u = 4 } = obj);
