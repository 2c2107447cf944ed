export * from "a";
export * as ns from "b";
export { x, y as z, default as d, "q" as r } from "c";
