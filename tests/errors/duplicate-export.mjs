const a = 1, b = 2;
export { a };
export { b as a };
