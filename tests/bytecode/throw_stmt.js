function f(x) { if (x) throw x; } try { f(1); } catch (e) {}
