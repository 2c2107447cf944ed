"use strict";
if (a) function f() {}
