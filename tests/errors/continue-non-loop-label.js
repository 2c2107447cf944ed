lbl: {
  for (;;) continue lbl;
}
