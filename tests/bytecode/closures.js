function outer() { let x = 1; function inner() { return x++; } return inner; } outer()();
