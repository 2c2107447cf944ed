async function f(p) { try { return await p; } catch (e) { return 0; } }
f(1);
