[1, , 2, ...rest, ,];
({ a, b: 1, "c": 2, 3: 4, [k]: 5, ...o });
({ __proto__: null, "__proto__"() {}, ["__proto__"]: 1 });
({ get x() { return 1; }, set x(v) {}, m() {}, async n() {}, *g() {}, async *h() {} });
