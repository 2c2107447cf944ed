function* inner() { yield 1; }
function* outer() { yield* inner(); }
[...outer()];
