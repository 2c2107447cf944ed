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
console.log(typeof console.log, console.log.name, console.log.length);
console.log(Object.prototype.toString.call(console));
var names = ["log", "info", "debug", "error", "warn", "trace", "assert", "count",
  "countReset", "time", "timeEnd", "timeLog", "group", "groupEnd", "groupCollapsed", "dir"];
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
// expect: function log 0
// expect: [object console]
// expect: []
