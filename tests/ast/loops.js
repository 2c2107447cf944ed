for (let i = 0; i < 3; i++) continue;
for (;;) break;
while (x) x--;
do --x; while (x > 0);
