// JSON.parse: the grammar, values, the reviver walk and V8's messages.
function show(text) {
  try {
    console.log(JSON.parse(text));
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
show('{"a":[1,2,{"b":null}],"c":"x\\u0041\\n","d":true,"e":false}');
show(' [ 1 , -0.5e2 , 1E+2 , 0 , -0 , 1e400 , 123456789012345678901234567890 ] ');
console.log(JSON.stringify(JSON.parse('"\\ud83d\\ude00 \\u00e9 \\/ \\" \\\\ \\b\\f\\n\\r\\t"')));
show('{"a":1,"a":2,"__proto__":3,"1":"one","0":"zero"}');
console.log(Object.getPrototypeOf(JSON.parse('{"__proto__":[]}')) === Object.prototype);
console.log(Object.keys(JSON.parse('{"__proto__":1}')).join());
show('');
show('   ');
show('{"a":}');
show('[1,]');
show('{"a" 1}');
show('tru');
show('trux');
show('"abc');
show('[1');
show('01');
show('1.');
show('-');
show('-x');
show('1e');
show('1e+');
show('"\\x"');
show('"\\u12"');
show('"\\u12x4"');
show('{a:1}');
show('[1 2]');
show('{"a":1,}');
show('{"a":1 "b":2}');
show('123abc');
show('"\u0001"');
show('undefined');
show('NaN');
show('[object Object]');
show("'single'");
show('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
show('["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" 1]');
show('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20 @]');
show('{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":1 @');
show('[\u00a0]');
show(null);
show(123);
show(true);
show({ toString: function () { return '{"from":"toString"}'; } });
// The reviver sees values bottom-up with the holder as this.
var seen = [];
var revived = JSON.parse('{"a":[1,{"b":2}],"c":3}', function (k, v) {
  seen.push(JSON.stringify(k) + (Array.isArray(this) ? "@array" : "@object"));
  if (k === "c") return undefined;
  if (typeof v === "number") return v * 10;
  return v;
});
console.log(seen.join(" "));
console.log(revived);
console.log(JSON.parse("[1,2,3]", function (k, v) { return k === "1" ? undefined : v; }));
console.log(JSON.parse("5", function (k, v) { return [k, v, typeof this]; }));
// Deep nesting ends in a result or a RangeError, never a crash.
try {
  JSON.parse("[".repeat(1000000) + "]".repeat(1000000));
  console.log("no crash");
} catch (e) {
  console.log(e.name === "RangeError" ? "no crash" : e.name);
}
console.log(JSON.parse("[".repeat(1000) + "]".repeat(1000)).length);
console.log(JSON.parse.length, JSON.parse.name, JSON[Symbol.toStringTag]);
console.log(Object.prototype.toString.call(JSON));

// Expected output (node 20):
// expect: { a: [ 1, 2, { b: null } ], c: 'xA\n', d: true, e: false }
// expect: [ 1, -50, 100, 0, -0, Infinity, 1.2345678901234568e+29 ]
// expect: "😀 é / \" \\ \b\f\n\r\t"
// expect: { '0': 'zero', '1': 'one', a: 2, ['__proto__']: 3 }
// expect: true
// expect: __proto__
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Unexpected token '}', "{"a":}" is not valid JSON
// expect: SyntaxError: Unexpected token ']', "[1,]" is not valid JSON
// expect: SyntaxError: Expected ':' after property name in JSON at position 5
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Unexpected token 'x', "trux" is not valid JSON
// expect: SyntaxError: Unterminated string in JSON at position 4
// expect: SyntaxError: Expected ',' or ']' after array element in JSON at position 2
// expect: SyntaxError: Unexpected number in JSON at position 1
// expect: SyntaxError: Unterminated fractional number in JSON at position 2
// expect: SyntaxError: No number after minus sign in JSON at position 1
// expect: SyntaxError: No number after minus sign in JSON at position 1
// expect: SyntaxError: Exponent part is missing a number in JSON at position 2
// expect: SyntaxError: Exponent part is missing a number in JSON at position 3
// expect: SyntaxError: Bad escaped character in JSON at position 2
// expect: SyntaxError: Bad Unicode escape in JSON at position 5
// expect: SyntaxError: Bad Unicode escape in JSON at position 5
// expect: SyntaxError: Expected property name or '}' in JSON at position 1
// expect: SyntaxError: Expected ',' or ']' after array element in JSON at position 3
// expect: SyntaxError: Expected double-quoted property name in JSON at position 7
// expect: SyntaxError: Expected ',' or '}' after property value in JSON at position 7
// expect: SyntaxError: Unexpected non-whitespace character after JSON at position 3
// expect: SyntaxError: Bad control character in string literal in JSON at position 1
// expect: SyntaxError: "undefined" is not valid JSON
// expect: SyntaxError: "NaN" is not valid JSON
// expect: SyntaxError: "[object Object]" is not valid JSON
// expect: SyntaxError: Unexpected token ''', "'single'" is not valid JSON
// expect: SyntaxError: Unexpected token 'x', "xxxxxxxxxx"... is not valid JSON
// expect: SyntaxError: Expected ',' or ']' after array element in JSON at position 54
// expect: SyntaxError: Expected ',' or ']' after array element in JSON at position 52
// expect: SyntaxError: Expected ',' or '}' after property value in JSON at position 42
// expect: SyntaxError: Unexpected token ' ', "[ ]" is not valid JSON
// expect: null
// expect: 123
// expect: true
// expect: { from: 'toString' }
// expect: "0"@array "b"@object "1"@array "a"@object "c"@object ""@object
// expect: { a: [ 10, { b: 20 } ] }
// expect: [ 1, <1 empty item>, 3 ]
// expect: [ '', 5, 'object' ]
// expect: no crash
// expect: 1
// expect: 2 parse JSON
// expect: [object JSON]
