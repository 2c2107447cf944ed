const s = `ok ${1} \01`;
