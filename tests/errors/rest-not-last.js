[...rest, last] = arr;
