lbl: function f() {}
x = 1; <!-- HTML open comment
--> HTML close comment at line start
for (var i = 0 in o);
try {} catch (e) { var e = 2; }
