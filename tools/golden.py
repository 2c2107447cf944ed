"""Golden-file tests for the front end (shared by tools/golden and tools/rebaseline).

Kinds:
  ast     `jsvm --print-ast FILE`: stdout must equal FILE.golden, exit 0.
  errors  `jsvm --check FILE`: exit status must be 1 and stderr must equal
          FILE.golden.
  bytecode `jsvm --print-bytecode FILE`: stdout must equal FILE.golden, exit
          0 (the snippet runs; heap addresses in headers read 0x...).

jsvm runs with the repository root as its working directory and FILE given
relative to it, so the paths in the goldens do not depend on where the
repository lives. A first line `// flags: --module --use-strict` adds flags.
"""
import difflib
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 60


def default_jsvm():
    return os.path.join(REPO, "build", "bin", "jsvm")


def kind_of(path):
    """The kind implied by the file's directory (tests/ast or tests/errors)."""
    parent = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return parent if parent in ("ast", "errors", "bytecode") else None


def extra_flags(path):
    with open(path, "rb") as f:
        first = f.readline().decode("utf-8", "replace").strip()
    prefix = "// flags:"
    return first[len(prefix):].split() if first.startswith(prefix) else []


def run(jsvm, kind, path):
    """Run jsvm on path; return (status, text that the golden holds, problem)."""
    rel = os.path.relpath(os.path.abspath(path), REPO)
    jsvm = os.path.abspath(jsvm)
    mode = {"ast": "--print-ast", "errors": "--check", "bytecode": "--print-bytecode"}[kind]
    cmd = [jsvm] + extra_flags(path) + [mode, rel]
    try:
        p = subprocess.run(cmd, cwd=REPO, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %ds: %s" % (TIMEOUT, " ".join(cmd))
    out = p.stderr if kind == "errors" else p.stdout
    text = out.decode("utf-8", "surrogateescape")
    if kind == "bytecode":
        # Addresses differ from run to run.
        text = re.sub(r"\(0x[0-9a-f]+ ", "(0x... ", text)
    # Belt and braces: if the absolute path ever appears, make it relative.
    text = text.replace(os.path.join(REPO, rel), rel)
    want = 1 if kind == "errors" else 0
    problem = None
    if p.returncode != want:
        problem = "exit status %d, expected %d (%s)\n%s" % (
            p.returncode, want, " ".join(cmd),
            p.stderr.decode("utf-8", "replace"))
    return p.returncode, text, problem


def golden_path(path):
    return path + ".golden"


def check(jsvm, kind, path):
    _, text, problem = run(jsvm, kind, path)
    gpath = golden_path(path)
    if problem:
        print("FAIL %s: %s" % (path, problem))
        return 1
    if not os.path.exists(gpath):
        print("FAIL %s: no golden %s (run tools/rebaseline %s)" % (path, gpath, path))
        return 1
    with open(gpath, "rb") as f:
        expected = f.read().decode("utf-8", "surrogateescape")
    if text == expected:
        return 0
    rel = os.path.relpath(gpath, REPO)
    sys.stdout.writelines(difflib.unified_diff(
        expected.splitlines(True), text.splitlines(True),
        fromfile=rel + " (golden)", tofile=rel + " (actual)"))
    print("\nFAIL %s: output differs from golden" % path)
    return 1


def rebaseline(jsvm, kind, path):
    _, text, problem = run(jsvm, kind, path)
    if problem:
        print("NOT WRITTEN %s: %s" % (path, problem))
        return 1
    gpath = golden_path(path)
    old = None
    if os.path.exists(gpath):
        with open(gpath, "rb") as f:
            old = f.read().decode("utf-8", "surrogateescape")
    if old != text:
        with open(gpath, "wb") as f:
            f.write(text.encode("utf-8", "surrogateescape"))
        print("%s %s" % ("updated" if old is not None else "created",
                         os.path.relpath(gpath, REPO)))
    return 0


def all_tests():
    files = []
    for kind in ("ast", "errors", "bytecode"):
        d = os.path.join(REPO, "tests", kind)
        if os.path.isdir(d):
            files += [os.path.join(d, n) for n in sorted(os.listdir(d))
                      if n.endswith((".js", ".mjs"))]
    return files


def main(argv, rebase=False):
    import argparse
    ap = argparse.ArgumentParser(
        prog="rebaseline" if rebase else "golden",
        description="Regenerate golden files." if rebase
        else "Compare jsvm's output on FILE with FILE.golden.")
    ap.add_argument("--jsvm", default=default_jsvm(), help="jsvm binary")
    ap.add_argument("--kind", choices=("ast", "errors", "bytecode"),
                    help="default: from the file's directory")
    if not rebase:
        ap.add_argument("--rebaseline", action="store_true",
                        help="write the goldens instead of comparing")
    ap.add_argument("files", nargs="*" if rebase else "+", metavar="FILE")
    args = ap.parse_args(argv)
    rebase = rebase or getattr(args, "rebaseline", False)
    files = args.files or all_tests()
    status = 0
    for path in files:
        kind = args.kind or kind_of(path)
        if kind is None:
            print("%s: cannot tell the kind; pass --kind" % path)
            status = 1
            continue
        status |= (rebaseline if rebase else check)(args.jsvm, kind, path)
    return status
