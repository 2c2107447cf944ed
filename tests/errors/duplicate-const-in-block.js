{
  const b = 1;
  function b() {}
}
