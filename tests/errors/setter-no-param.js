const o = { set x() {} };
