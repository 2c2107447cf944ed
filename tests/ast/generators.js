function* gen() {
  yield;
  yield 1;
  const x = yield* other();
  return x;
}
const ge = function* () {};
