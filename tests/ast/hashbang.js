#!/usr/bin/env node
"use strict";
'also a directive';
x = 1;
