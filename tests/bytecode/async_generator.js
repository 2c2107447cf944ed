async function* g() { yield await 1; }
async function f() { for await (const x of g()) {} }
f();
