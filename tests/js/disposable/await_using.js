// await using declarations in async functions: disposal is awaited at
// block exit; sync and async resources mix, newest first.
const log = [];
function sync(name) { return { [Symbol.dispose]() { log.push("sync " + name); } }; }
function asyncRes(name) {
  return { async [Symbol.asyncDispose]() { await null; log.push("async " + name); } };
}

async function main() {
  {
    await using a = asyncRes("a");
    using b = sync("b");
    await using c = sync("c");   // @@dispose is the fallback
    await using n = null;
    log.push("body");
  }
  log.push("after");
  print(log.join(", "));  // expect: body, sync c, sync b, async a, after
  log.length = 0;

  // Errors: a rejected disposal joins the completion.
  try {
    await using x = { async [Symbol.asyncDispose]() { throw new Error("rejected"); } };
    throw new Error("body");
  } catch (e) {
    print(e.constructor.name, e.error.message, e.suppressed.message);  // expect: SuppressedError rejected body
  }

  // return goes through the disposal, which finishes first.
  async function f() {
    await using r = asyncRes("r");
    return "value";
  }
  print(await f(), log.join(", "));  // expect: value async r
  log.length = 0;

  // No await using evaluated: nothing is awaited.
  const seq = [];
  async function g(flag) {
    if (flag) return;
    {
      seq.push("g start");
      if (!flag) {}
      await using skipped = null;
    }
    seq.push("g end");
  }
  const p = g(false);
  seq.push("sync after call");
  await p;
  print(seq.join(", "));  // expect: g start, sync after call, g end
}
main();
