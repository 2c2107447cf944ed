for (const k in o) k;
for (var v of [1, 2]) v;
for (x.y of z);
for ([a, b] of pairs);
