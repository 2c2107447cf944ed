// Annex B HTML methods.
print("x".anchor('a"b'));   // expect: <a name="a&quot;b">x</a>
print("x".big());           // expect: <big>x</big>
print("x".fontsize(7));     // expect: <font size="7">x</font>
print("x".link("u"));       // expect: <a href="u">x</a>
print("x".sub() + "x".sup()); // expect: <sub>x</sub><sup>x</sup>
