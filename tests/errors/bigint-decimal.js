const n = 1.5n;
