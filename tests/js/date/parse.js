// Date.parse: the ISO format and the forms V8 accepts, all with an explicit
// zone (or date-only ISO forms, which are UTC), so the output is TZ-free.
var strings = [
  "2000-01-01", "2000-01", "2000", "+002000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z",
  "-000000-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z", "+275760-09-13T00:00:00.001Z",
  "-271821-04-20T00:00:00.000Z", "-271821-04-19T23:59:59.999Z",
  "2000-01-01T10:20:30Z", "2000-01-01T10:20:30.5Z", "2000-01-01T10:20:30.123456Z",
  "2000-01-01T10:20Z", "2000-01-01T10:20:30+05:30", "2000-01-01T10:20:30-0800",
  "2000-01-01T24:00:00Z", "2000-01-01T24:00:01Z", "2000-01-01T25:00Z", "2000-13-01",
  "2000-01-32", "2000-02-30", "2000-1-1T00:00Z", "2000-01-01T1:00Z", "2000-01-01T10:00:60Z",
  "Sat Jan 01 2000 00:00:00 GMT+0000 (Coordinated Universal Time)",
  "Sat Jan 01 2000 01:00:00 GMT+0100 (Central European Standard Time)",
  "Sat, 01 Jan 2000 00:00:00 GMT", "01 Jan 2000 00:00:00 GMT", "Jan 1 2000 10:00:00 GMT+0100",
  "January 1, 2000 10:00 UTC", "1 January 2000 10:00:00 Z", "1/2/2000 3:04 PM GMT",
  "1/2/2000 12:00 AM UTC", "2000/01/02 10:00 UTC+2", "Jan 1 2000 10:00 EST", "Jan 1 2000 10:00 PDT",
  "Thu, 01 Jan 1970 00:00:00 GMT-0130", "Jan 1 2000 (comment) 10:00 (more) GMT",
  "Mon Jan 1 2000 10:00:00 UT", "12/31/99 23:59:59 GMT", "12/31/49 GMT",
  "", "x", "Jan", "2000-01-01T", "2000-01-01TZ", "2000-01-01T00:00:00ZZ", "Jan 1 2000 foo GMT",
];
for (var i = 0; i < strings.length; i++) console.log(JSON.stringify(strings[i]), Date.parse(strings[i]));
// Date-time forms without an offset are local time: they agree with the
// local constructor whatever the zone is.
console.log(Date.parse("2000-06-15T12:30:00") === new Date(2000, 5, 15, 12, 30).getTime());
console.log(Date.parse("2000-06-15 12:30") === new Date(2000, 5, 15, 12, 30).getTime());
console.log(Date.parse("Jun 15 2000 12:30:00") === new Date(2000, 5, 15, 12, 30).getTime());
// Every string form reads back as the same time (whole seconds).
var t = Date.UTC(2024, 0, 2, 3, 4, 5);
var x = new Date(t);
console.log(Date.parse(x.toString()) === t, Date.parse(x.toUTCString()) === t, Date.parse(x.toISOString()) === t);
console.log(Date.parse({ toString: function () { return "2000-01-01"; } }));

// What it prints (the same in every time zone):
// expect: "2000-01-01" 946684800000
// expect: "2000-01" 946684800000
// expect: "2000" 946684800000
// expect: "+002000-01-01T00:00:00Z" 946684800000
// expect: "-000001-01-01T00:00:00Z" -62198755200000
// expect: "-000000-01-01T00:00:00Z" NaN
// expect: "+275760-09-13T00:00:00.000Z" 8640000000000000
// expect: "+275760-09-13T00:00:00.001Z" NaN
// expect: "-271821-04-20T00:00:00.000Z" -8640000000000000
// expect: "-271821-04-19T23:59:59.999Z" NaN
// expect: "2000-01-01T10:20:30Z" 946722030000
// expect: "2000-01-01T10:20:30.5Z" 946722030500
// expect: "2000-01-01T10:20:30.123456Z" 946722030123
// expect: "2000-01-01T10:20Z" 946722000000
// expect: "2000-01-01T10:20:30+05:30" 946702230000
// expect: "2000-01-01T10:20:30-0800" 946750830000
// expect: "2000-01-01T24:00:00Z" 946771200000
// expect: "2000-01-01T24:00:01Z" NaN
// expect: "2000-01-01T25:00Z" NaN
// expect: "2000-13-01" NaN
// expect: "2000-01-32" NaN
// expect: "2000-02-30" 951868800000
// expect: "2000-1-1T00:00Z" NaN
// expect: "2000-01-01T1:00Z" NaN
// expect: "2000-01-01T10:00:60Z" NaN
// expect: "Sat Jan 01 2000 00:00:00 GMT+0000 (Coordinated Universal Time)" 946684800000
// expect: "Sat Jan 01 2000 01:00:00 GMT+0100 (Central European Standard Time)" 946684800000
// expect: "Sat, 01 Jan 2000 00:00:00 GMT" 946684800000
// expect: "01 Jan 2000 00:00:00 GMT" 946684800000
// expect: "Jan 1 2000 10:00:00 GMT+0100" 946717200000
// expect: "January 1, 2000 10:00 UTC" 946720800000
// expect: "1 January 2000 10:00:00 Z" 946720800000
// expect: "1/2/2000 3:04 PM GMT" 946825440000
// expect: "1/2/2000 12:00 AM UTC" 946771200000
// expect: "2000/01/02 10:00 UTC+2" 946800000000
// expect: "Jan 1 2000 10:00 EST" 946738800000
// expect: "Jan 1 2000 10:00 PDT" 946746000000
// expect: "Thu, 01 Jan 1970 00:00:00 GMT-0130" 5400000
// expect: "Jan 1 2000 (comment) 10:00 (more) GMT" 946720800000
// expect: "Mon Jan 1 2000 10:00:00 UT" 946720800000
// expect: "12/31/99 23:59:59 GMT" 946684799000
// expect: "12/31/49 GMT" 2524521600000
// expect: "" NaN
// expect: "x" NaN
// expect: "Jan" NaN
// expect: "2000-01-01T" NaN
// expect: "2000-01-01TZ" NaN
// expect: "2000-01-01T00:00:00ZZ" NaN
// expect: "Jan 1 2000 foo GMT" NaN
// expect: true
// expect: true
// expect: true
// expect: true true true
// expect: 946684800000
