function F() { if (!new.target) throw 1; return () => new.target; }
class C { constructor() { new.target; } }
