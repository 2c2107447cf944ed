export var v = 1;
export let l = 2;
export const c = 3;
export function f() {}
export async function af() {}
export function* gf() {}
export class K {}
const a = 1, b = 2;
export { a, b as bee, a as "string name" };
