import("./a.js").then(m => m);
import(name, opts);
