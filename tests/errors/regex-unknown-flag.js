const r = /abc/x;
