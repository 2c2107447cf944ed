f(...args, 1);
new C(...args);
new C;
new new X()();
new a.b.C();
