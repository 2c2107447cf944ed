"use strict";
var implements = 1;
