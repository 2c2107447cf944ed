try { throw new Error("e"); } catch (e) { e; } finally { f(); }
try { a(); } catch { b(); }
try { c(); } catch ({ message, code = 0 }) { message; }
