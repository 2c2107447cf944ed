for await (const chunk of stream) chunk;
async function f() {
  for await (x of y);
}
