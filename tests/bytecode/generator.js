function* g(x) { const y = yield x; return y; }
const it = g(1); it.next(); it.next(2);
