/ab+c/gi;
/[/]\/(?<name>x)\k<name>/u;
/\p{L}+/v;
/a/dgimsuy.test(s);
