// Promise.all / allSettled / any / race ordering
const p1 = Promise.resolve(1);
const p2 = new Promise(r => r(2));
Promise.all([p1, p2, 3]).then(v => console.log("all:", JSON.stringify(v)));
Promise.allSettled([p1, Promise.reject(new Error("no")), 3]).then(v => console.log("allSettled:", JSON.stringify(v.map(x => x.status))));
Promise.any([Promise.reject(1), p2]).then(v => console.log("any:", v));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => console.log("any rejected:", e.constructor.name, e.message, JSON.stringify(e.errors)));
Promise.race([new Promise(() => {}), p1]).then(v => console.log("race:", v));
Promise.all([]).then(v => console.log("all empty:", v.length));
Promise.race([]).then(() => console.log("never"));
Promise.resolve().then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4"));

// Output, as node prints it:
// expect: all empty: 0
// expect: t1
// expect: all: [1,2,3]
// expect: allSettled: ["fulfilled","rejected","fulfilled"]
// expect: any: 2
// expect: any rejected: AggregateError All promises were rejected [1,2]
// expect: race: 1
// expect: t2
// expect: t3
// expect: t4
