{
  using res = open();
  await using ares = openAsync();
}
