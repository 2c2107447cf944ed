const url = import.meta.url;
const m = await import("./x.js");
const n = import("y", { with: { type: "json" } });
await 0;
function f() { return import.meta; }
