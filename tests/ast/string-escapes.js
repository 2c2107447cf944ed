"\0\b\f\n\r\t\v\\";
"\u0041\u{10FFFF}\uD800";
"line\
continued";
"\251";
