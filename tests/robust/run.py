#!/usr/bin/env python3
"""Robustness tests for the front end: hostile inputs must never crash jsvm.

  run.py --jsvm PATH CASE...     run the named cases (default: all)
  run.py --list                  print the case names, one a line

Each case's input is generated into a temporary directory at test time.
jsvm runs on it twice, with --check and with --print-ast (the printer
walks the whole tree too). Each run must end within the timeout with
exit status 0, or with status 1 and a syntax error on stderr: a first line
`FILE:LINE:COL` and a `SyntaxError: ` line. A signal, any other status or
a timeout fails the case. Cases marked "must parse" need status 0.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

TIMEOUT = 60
DEPTH = 100_000


def _random_bytes(_jsvm):
    return random.Random(20240601).randbytes(64 * 1024)


def _elf(jsvm):
    with open(jsvm, "rb") as f:
        return f.read()


# name -> (contents(jsvm) -> bytes, file extension, must_parse)
CASES = {
    "empty": (lambda j: b"", ".js", True),
    "random-bytes": (_random_bytes, ".js", False),
    "elf": (_elf, ".js", False),
    "nested-brackets": (lambda j: b"[" * DEPTH, ".js", False),
    "nested-parens": (lambda j: b"(" * DEPTH, ".js", False),
    "nested-braces": (lambda j: b"{" * DEPTH, ".js", False),
    # The same depths, closed: valid programs, so they may parse, or be
    # refused with a clean SyntaxError, but never overflow the C stack.
    "nested-brackets-closed": (lambda j: b"[" * DEPTH + b"]" * DEPTH + b";\n", ".js", False),
    "nested-parens-closed": (lambda j: b"(" * DEPTH + b"0" + b")" * DEPTH + b";\n", ".js", False),
    "nested-braces-closed": (lambda j: b"{" * DEPTH + b"}" * DEPTH + b"\n", ".js", False),
    "nested-functions-closed": (
        lambda j: b"function f(){" * 10_000 + b"}" * 10_000 + b"\n", ".js", False),
    "plus-chain": (lambda j: b"var a = 1;\na" + b"+a" * 49_999 + b";\n", ".js", True),
    "invalid-utf8-string": (lambda j: b'var s = "\xff\xfe\xc3(";\n', ".js", False),
    "invalid-utf8-comment": (lambda j: b"// \xc3\x28 \xff\nvar x = 1;\n", ".js", False),
    "invalid-utf8-lone-byte": (lambda j: b"var x = 1;\n\x80\n", ".js", False),
    "nul-byte": (lambda j: b"var x = 1;\x00\nvar y = 2;\n", ".js", False),
    "lone-surrogate": (lambda j: b'var s = "\xed\xa0\x80";\n\xed\xa0\x80;\n', ".js", False),
    "big-string": (
        lambda j: b'var s = "' + b"x" * (10 * 1024 * 1024) + b'";\n', ".js", False),
    "bom-only": (lambda j: b"\xef\xbb\xbf", ".js", False),
    "bom-code": (lambda j: b"\xef\xbb\xbfvar x = 1;\nx;\n", ".js", True),
}

LOCATION = re.compile(r"^(.*):(\d+):(\d+)$")


def describe_status(rc):
    if rc is None:
        return "timed out after %ds" % TIMEOUT
    if rc < 0:
        return "killed by signal %d" % -rc
    return "exit status %d" % rc


def check_run(jsvm, mode, path, must_parse):
    """Return None if jsvm behaved, else a description of what went wrong."""
    cmd = [jsvm, mode, path]
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           timeout=TIMEOUT)
        rc, err = p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        rc, err = None, (e.stderr or b"").decode("utf-8", "replace")
    status = describe_status(rc)
    if "Sanitizer" in err or "runtime error:" in err:
        return "%s: %s, sanitizer report:\n%s" % (mode, status, err[-3000:])
    if rc == 0:
        return None
    if rc == 1 and not must_parse:
        lines = err.splitlines()
        m = LOCATION.match(lines[0]) if lines else None
        if not m or m.group(1) != path:
            return "%s: status 1 but stderr does not start with %s:LINE:COL" % (mode, path)
        if not any(l.startswith("SyntaxError: ") for l in lines):
            return "%s: status 1 but no 'SyntaxError: ' line" % mode
        return None
    tail = "\n".join(err.splitlines()[-15:])
    return "%s: %s%s\n%s" % (mode, status, " (must parse)" if must_parse else "", tail)


def run_case(jsvm, name, keep=False):
    make, ext, must_parse = CASES[name]
    tmp = tempfile.mkdtemp(prefix="jsvm-robust-")
    try:
        path = os.path.join(tmp, name + ext)
        with open(path, "wb") as f:
            f.write(make(jsvm))
        problems = [p for mode in ("--check", "--print-ast")
                    for p in [check_run(jsvm, mode, path, must_parse)] if p]
        if keep:
            print("input kept in %s" % path)
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)
    if problems:
        print("FAIL %s:\n%s" % (name, "\n".join(problems)))
        return 1
    print("ok %s" % name)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jsvm", help="the jsvm binary")
    ap.add_argument("--list", action="store_true", help="list the cases")
    ap.add_argument("--keep", action="store_true", help="keep the generated input")
    ap.add_argument("cases", nargs="*", metavar="CASE")
    args = ap.parse_args()
    if args.list:
        print("\n".join(CASES))
        return 0
    if not args.jsvm:
        ap.error("--jsvm is required")
    unknown = [c for c in args.cases if c not in CASES]
    if unknown:
        ap.error("unknown case(s): %s" % ", ".join(unknown))
    jsvm = os.path.abspath(args.jsvm)
    return max([run_case(jsvm, c, args.keep) for c in args.cases or CASES] or [0])


if __name__ == "__main__":
    sys.exit(main())
