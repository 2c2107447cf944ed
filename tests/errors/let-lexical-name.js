const let = 1;
