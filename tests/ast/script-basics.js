var a = 1, b;
let c = a;
const d = "s";
;
debugger;
