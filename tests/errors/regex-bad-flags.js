const r = /abc/gg;
