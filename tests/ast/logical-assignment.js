obj.a ||= 1;
obj[k] &&= f();
x ??= (y ??= 0);
