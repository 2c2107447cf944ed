async function af() { await x; return await y; }
const aa = async (a) => await a;
const ab = async () => {};
async function* ag() { yield await 1; yield* inner(); for await (const v of s) v; }
