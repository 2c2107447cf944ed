a + b - c * d / e % f ** g;
a << b >> c >>> d & e | f ^ g;
a == b != c === d !== e < f <= g > h >= i;
a in b instanceof c;
!a, ~b, -c, +d, typeof e, void f, delete g.h;
x++, y--, ++x, --y;
