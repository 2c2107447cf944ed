for (async of x);
