const s = `a\u{110000}`;
