function decl() {}
const expr = function named() { return named; };
const anon = function () {};
const arrow = x => x * 2;
const block = () => { return 1; };
