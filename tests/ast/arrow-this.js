function f() { return () => () => this; }
const g = () => this;
