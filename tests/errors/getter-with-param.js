const o = { get x(a) {} };
