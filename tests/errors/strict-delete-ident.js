// flags: --use-strict
var x;
delete x;
