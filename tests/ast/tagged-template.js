tag`hello ${name}!`;
String.raw`\u{`;
tag`a\xZ ${1} ok\t`;
a.b`x`;
