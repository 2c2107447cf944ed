"use strict";
with (obj) {}
