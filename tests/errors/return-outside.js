let v = 1;
return v;
