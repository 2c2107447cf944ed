const K = class Inner { m() { return Inner; } };
const Anon = class {};
