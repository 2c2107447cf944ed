// Getters and setters: the UTC ones exactly, the local ones through
// identities that hold in any time zone.
var d = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6));
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(),
            d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds(), d.getTime(), d.valueOf());
console.log(d.setUTCMilliseconds(1000), d.toISOString());
console.log(d.setUTCSeconds(61, 5), d.toISOString());
console.log(d.setUTCMinutes(-1), d.toISOString());
console.log(d.setUTCHours(48, 0, 0, 0), d.toISOString());
console.log(d.setUTCDate(0), d.toISOString());
console.log(d.setUTCMonth(1, 29), d.toISOString());
console.log(d.setUTCFullYear(2023), d.toISOString());
console.log(d.setUTCFullYear(-1, 11, 31), d.toISOString());
console.log(d.setTime(1.5), d.setTime(8.64e15 + 1), d.getTime(), d.setTime(), d.getUTCDay());
// Setters on an invalid date convert all their arguments but stay NaN,
// except setFullYear/setUTCFullYear/setYear, which start from +0. (The
// spec and test262 convert every argument; node 20 stops after the first.)
var bad = new Date(NaN), calls = 0;
var arg = { valueOf: function () { calls++; return 1; } };
console.log(bad.setUTCHours(arg, arg, arg, arg), calls, bad.setMonth(arg), calls);
console.log(bad.setUTCFullYear(2000), bad.toISOString());
console.log(new Date(NaN).setUTCFullYear(2000, arg), new Date(NaN).getUTCDate(), new Date(NaN).getDay());
// Missing optional arguments keep the current fields; present undefined is NaN.
var u = new Date(Date.UTC(2000, 5, 15, 12, 30, 45, 500));
console.log(u.setUTCHours(1), u.toISOString(), new Date(u).setUTCHours(1, undefined));
// Local setters and getters agree with each other in any zone.
var l = new Date(2024, 2, 10, 12, 0, 0);
l.setDate(11);
console.log(l.getDate(), l.getHours(), l.getMonth());
l.setMonth(0, 31);
console.log(l.getMonth(), l.getDate());
l.setFullYear(2020, 1, 29);
console.log(l.getFullYear(), l.getMonth(), l.getDate(), l.getDay());
l.setHours(23, 59, 59, 999);
console.log(l.getHours(), l.getMinutes(), l.getSeconds(), l.getMilliseconds());
l.setMilliseconds(1000);
console.log(l.getDate(), l.getHours(), l.getMilliseconds());
// getTimezoneOffset is the minutes between UTC and local time.
var z = new Date(2024, 5, 1, 12);
console.log(z.getTimezoneOffset() === (z.getTime() - Date.UTC(2024, 5, 1, 12)) / 60000);
// Annex B: getYear/setYear.
var y = new Date(2000, 0, 1);
console.log(y.getYear(), y.setYear(99) === new Date(1999, 0, 1).getTime(), y.getFullYear());
y.setYear(2001);
console.log(y.getFullYear(), y.setYear(NaN), y.getYear());
console.log(new Date(NaN).setYear(5) === new Date(1905, 0, 1).getTime());
// Lengths and names of a few methods.
console.log(Date.prototype.setHours.length, Date.prototype.setUTCFullYear.length, Date.prototype.setMonth.length,
            Date.prototype.getTime.length, Date.prototype.toJSON.length, Date.prototype.setYear.name);

// What it prints (the same in every time zone):
// expect: 2024 0 2 2 3 4 5 6 1704164645006 1704164645006
// expect: 1704164646000 2024-01-02T03:04:06.000Z
// expect: 1704164701005 2024-01-02T03:05:01.005Z
// expect: 1704164341005 2024-01-02T02:59:01.005Z
// expect: 1704326400000 2024-01-04T00:00:00.000Z
// expect: 1703980800000 2023-12-31T00:00:00.000Z
// expect: 1677628800000 2023-03-01T00:00:00.000Z
// expect: 1677628800000 2023-03-01T00:00:00.000Z
// expect: -62167305600000 -000001-12-31T00:00:00.000Z
// expect: 1 NaN NaN NaN NaN
// expect: NaN 4 NaN 5
// expect: 946684800000 2000-01-01T00:00:00.000Z
// expect: 949363200000 NaN NaN
// expect: 961032645500 2000-06-15T01:30:45.500Z NaN
// expect: 11 12 2
// expect: 0 31
// expect: 2020 1 29 6
// expect: 23 59 59 999
// expect: 1 0 0
// expect: true
// expect: 100 true 1999
// expect: 2001 NaN NaN
// expect: true
// expect: 4 3 2 0 1 setYear
