// String forms: toISOString, toUTCString, toJSON and console.log exactly;
// the local forms by their shape.
var d = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6));
console.log(d.toISOString(), d.toUTCString(), d.toGMTString(), d.toJSON());
console.log(Date.prototype.toGMTString === Date.prototype.toUTCString);
console.log(new Date(Date.UTC(-1, 0, 1)).toISOString(), new Date(Date.UTC(10000, 0, 1)).toISOString());
console.log(new Date(-8.64e15).toISOString(), new Date(8.64e15).toISOString());
console.log(new Date(Date.UTC(5, 0, 1) - Date.UTC(1905, 0, 1) + Date.UTC(5, 0, 1)).toUTCString());
var early = new Date(0);
early.setUTCFullYear(-5);
console.log(early.toUTCString(), early.toISOString());
early.setUTCFullYear(12345);
console.log(early.toUTCString(), early.toISOString());
console.log(new Date(0), [new Date(1)], { when: new Date(NaN) });
console.log(JSON.stringify({ a: new Date(0), b: new Date(NaN) }));
console.log(String(new Date(NaN)), new Date(NaN).toDateString(), new Date(NaN).toTimeString(),
            new Date(NaN).toUTCString(), new Date(NaN).toLocaleString());
// The local forms.
var x = new Date(2024, 0, 2, 15, 4, 5);
console.log(/^Tue Jan 02 2024 15:04:05 GMT[+-]\d{4} \(.+\)$/.test(x.toString()));
console.log(x.toDateString(), /^15:04:05 GMT[+-]\d{4} \(.+\)$/.test(x.toTimeString()));
console.log(x.toLocaleString(), "|", x.toLocaleDateString(), "|", x.toLocaleTimeString());
console.log(new Date(2024, 11, 31, 0, 0, 7).toLocaleString(), new Date(2024, 5, 1, 12).toLocaleTimeString());
console.log(String(x) === x.toString(), `${x}` === x.toString(), x + "" === x.toString());
// toJSON is generic: it calls this.toISOString unless the number is not finite.
console.log(Date.prototype.toJSON.call({ valueOf: function () { return 1; }, toISOString: function () { return "iso"; } }));
console.log(Date.prototype.toJSON.call({ valueOf: function () { return Infinity; } }));
try {
  new Date(NaN).toISOString();
} catch (e) {
  console.log(e.name + ": " + e.message);
}
try {
  Date.prototype.toJSON.call({ toISOString: 1 });
} catch (e) {
  console.log(e.name + ": " + e.message);
}

// What it prints (the same in every time zone):
// expect: 2024-01-02T03:04:05.006Z Tue, 02 Jan 2024 03:04:05 GMT Tue, 02 Jan 2024 03:04:05 GMT 2024-01-02T03:04:05.006Z
// expect: true
// expect: -000001-01-01T00:00:00.000Z +010000-01-01T00:00:00.000Z
// expect: -271821-04-20T00:00:00.000Z +275760-09-13T00:00:00.000Z
// expect: Sun, 01 Jan 1905 00:00:00 GMT
// expect: Sun, 01 Jan -0005 00:00:00 GMT -000005-01-01T00:00:00.000Z
// expect: Mon, 01 Jan 12345 00:00:00 GMT +012345-01-01T00:00:00.000Z
// expect: 1970-01-01T00:00:00.000Z [ 1970-01-01T00:00:00.001Z ] { when: Invalid Date }
// expect: {"a":"1970-01-01T00:00:00.000Z","b":null}
// expect: Invalid Date Invalid Date Invalid Date Invalid Date Invalid Date
// expect: true
// expect: Tue Jan 02 2024 true
// expect: 1/2/2024, 3:04:05 PM | 1/2/2024 | 3:04:05 PM
// expect: 12/31/2024, 12:00:07 AM 12:00:00 PM
// expect: true true true
// expect: iso
// expect: null
// expect: RangeError: Invalid time value
// expect: TypeError: toISOString is not a function
