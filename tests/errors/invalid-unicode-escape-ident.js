var a\u0020b = 1;
