// console's other methods: group, count, assert, dir, and the aliases.
console.info("info goes to stdout");
console.debug("debug too", 1);
console.dirxml("dirxml", { a: 1 });
console.group("Group A");
console.log("inside A");
console.log("two\nlines");
console.group();
console.log({ nested: { deeper: true } });
console.groupEnd();
console.groupCollapsed("collapsed", 2);
console.log("inside collapsed");
console.groupEnd();
console.groupEnd();
console.groupEnd();
console.log("back at the left margin");
console.count();
console.count();
console.count("apples");
console.count("default");
console.countReset();
console.count();
console.count(undefined);
console.count(42);
console.assert(true, "not printed");
console.assert(1, "not printed either");
console.dir({ a: { b: { c: { d: 1 } } } });
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: null });
console.dir("a string is inspected");
console.dir([1, 2, 3], { showHidden: true });
// console.table draws boxes like node's cli_table.
console.table([{ a: 1, b: "Y" }, { a: "Z", b: 2 }]);
console.table([[1, 2], [3, 4, 5]]);
console.table({ x: { n: 1 }, y: { n: 2, m: [1, 2, 3, 4] } });
console.table([1, "two", { three: 3 }]);
console.table([{ a: 1, b: 2 }, { a: 3, c: 4 }], ["a", "c"]);
console.table(new Map([["k1", { v: 1 }], ["k2", 2]]));
console.table(new Set(["s", 2]));
console.table("not tabular");
console.table([]);
console.table([{ "wide\u4e2d": "\u4e2d\u6587", deep: { a: 1, b: 2, c: 3 } }]);
console.group("grouped");
console.table([{ name: "x", 10: "ten", 2: "two" }]);
console.groupEnd();
console.log(typeof console.log, console.log.name, console.log.length);
console.log(Object.prototype.toString.call(console));
var names = ["log", "info", "debug", "error", "warn", "trace", "assert", "count",
  "countReset", "time", "timeEnd", "timeLog", "group", "groupEnd", "groupCollapsed", "dir",
  "table", "dirxml", "clear"];
console.log(names.filter(function (n) { return typeof console[n] !== "function"; }));

// Expected output (node 20):
// expect: info goes to stdout
// expect: debug too 1
// expect: dirxml { a: 1 }
// expect: Group A
// expect:   inside A
// expect:   two
// expect:   lines
// expect:     { nested: { deeper: true } }
// expect:   collapsed 2
// expect:     inside collapsed
// expect: back at the left margin
// expect: default: 1
// expect: default: 2
// expect: apples: 1
// expect: default: 3
// expect: default: 1
// expect: default: 2
// expect: 42: 1
// expect: { a: { b: { c: [Object] } } }
// expect: { a: [Object] }
// expect: {
// expect:   a: { b: { c: { d: 1 } } }
// expect: }
// expect: 'a string is inspected'
// expect: [ 1, 2, 3, [length]: 3 ]
// expect: ┌─────────┬─────┬─────┐
// expect: │ (index) │ a   │ b   │
// expect: ├─────────┼─────┼─────┤
// expect: │ 0       │ 1   │ 'Y' │
// expect: │ 1       │ 'Z' │ 2   │
// expect: └─────────┴─────┴─────┘
// expect: ┌─────────┬───┬───┬───┐
// expect: │ (index) │ 0 │ 1 │ 2 │
// expect: ├─────────┼───┼───┼───┤
// expect: │ 0       │ 1 │ 2 │   │
// expect: │ 1       │ 3 │ 4 │ 5 │
// expect: └─────────┴───┴───┴───┘
// expect: ┌─────────┬───┬──────────────────────────────┐
// expect: │ (index) │ n │ m                            │
// expect: ├─────────┼───┼──────────────────────────────┤
// expect: │ x       │ 1 │                              │
// expect: │ y       │ 2 │ [ 1, 2, 3, ... 1 more item ] │
// expect: └─────────┴───┴──────────────────────────────┘
// expect: ┌─────────┬───────┬────────┐
// expect: │ (index) │ three │ Values │
// expect: ├─────────┼───────┼────────┤
// expect: │ 0       │       │ 1      │
// expect: │ 1       │       │ 'two'  │
// expect: │ 2       │ 3     │        │
// expect: └─────────┴───────┴────────┘
// expect: ┌─────────┬───┬───┐
// expect: │ (index) │ a │ c │
// expect: ├─────────┼───┼───┤
// expect: │ 0       │ 1 │   │
// expect: │ 1       │ 3 │ 4 │
// expect: └─────────┴───┴───┘
// expect: ┌───────────────────┬──────┬──────────┐
// expect: │ (iteration index) │ Key  │ Values   │
// expect: ├───────────────────┼──────┼──────────┤
// expect: │ 0                 │ 'k1' │ { v: 1 } │
// expect: │ 1                 │ 'k2' │ 2        │
// expect: └───────────────────┴──────┴──────────┘
// expect: ┌───────────────────┬────────┐
// expect: │ (iteration index) │ Values │
// expect: ├───────────────────┼────────┤
// expect: │ 0                 │ 's'    │
// expect: │ 1                 │ 2      │
// expect: └───────────────────┴────────┘
// expect: not tabular
// expect: ┌─────────┐
// expect: │ (index) │
// expect: ├─────────┤
// expect: └─────────┘
// expect: ┌─────────┬────────┬──────────┐
// expect: │ (index) │ wide中 │ deep     │
// expect: ├─────────┼────────┼──────────┤
// expect: │ 0       │ '中文' │ [Object] │
// expect: └─────────┴────────┴──────────┘
// expect: grouped
// expect:   ┌─────────┬───────┬───────┬──────┐
// expect:   │ (index) │ 2     │ 10    │ name │
// expect:   ├─────────┼───────┼───────┼──────┤
// expect:   │ 0       │ 'two' │ 'ten' │ 'x'  │
// expect:   └─────────┴───────┴───────┴──────┘
// expect: function log 0
// expect: [object console]
// expect: []
