let c;
{ var c; }
