var let_ = 1;
var yield = 2, await = 3, async = 4, of = 5, get = 6, set = 7, static = 8;
async;
var arguments;
