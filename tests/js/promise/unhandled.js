// A rejection nobody handles by the time the job queue drains is reported
// the way node reports it (the error's stack) and the exit status is 1;
// rejections handled in time, even from a later job, are not reported.
const late = Promise.reject(new Error("handled late"));
queueMicrotask(() => late.catch(e => console.log("caught:", e.message)));
Promise.reject(new Error("handled")).catch(() => console.log("caught at once"));
Promise.reject(new Error("boom"));
console.log("end of script");

// expect: end of script
// expect: caught at once
// expect: caught: handled late
// expect runtime error: Error: boom
