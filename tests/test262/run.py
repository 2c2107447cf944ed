#!/usr/bin/env python3
"""test262 conformance runner for jsvm (python3, standard library only).

    tests/test262/run.py [options] [PATH-OR-GLOB ...]

Modes (--mode):
  run    (default) execution, per test262's INTERPRETING.md: ["use strict";]
         + harness (assert.js, sta.js, doneprintHandle.js for async, then
         includes:) + the test, fed to `jsvm --expose-test262 -` on stdin.
         Pass = exit 0 (async: "Test262:AsyncTestComplete" printed, no
         "Test262:AsyncTestFailure"); negative tests must end in an uncaught
         error of their type (phase parse: a SyntaxError before anything
         runs).  Module tests, resolution negatives and CanBlockIsFalse
         tests are skipped.  List: expected/run.txt.
  parse  each case runs `jsvm --check [--module] [--use-strict] FILE`.
         Exit 0 = parsed, exit 1 with "SyntaxError" on stderr = rejected.
         Anything else (other exit status, signal, timeout) is a crash.
         List: expected/parse.txt.

Each test file becomes one case per mode it must run in (sloppy/strict/module);
a case id is `<path relative to test/> [sloppy|strict|module]`.  The run fails
(exit 1) when a case fails that is not in tests/test262/expected/<mode>.txt, or
when a listed case passes.  --table prints pass rates per directory,
--failure-summary the most frequent failure reasons.  See README.md here.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_TEST262 = os.path.join(os.path.dirname(REPO), "shared", "test262")
DEFAULT_JSVM = os.path.join(REPO, "build", "bin", "jsvm")
DEFAULT_DIRS = ("language", "built-ins", "annexB", "harness")
HEADER_BYTES = 16384          # front matter always sits near the top
SKIP_RETURN_CODE = 77         # ctest SKIP_RETURN_CODE

# --------------------------------------------------------------------------
# Front matter: the YAML subset test262 uses, without PyYAML.
#   key: scalar           key: [a, b]          key: | / key: >  (block text)
#   key:                  key:
#     - item                nested: scalar
# --------------------------------------------------------------------------

_KEY_RE = re.compile(r"^([A-Za-z_][\w.-]*)\s*:(?:\s+(.*))?$")


def _scalar(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def _inline_list(text):
    inner = text.strip()[1:]
    if inner.endswith("]"):
        inner = inner[:-1]
    return [_scalar(x) for x in inner.split(",") if x.strip()]


def _strip_comment(text):
    # A YAML comment starts with " #"; the values test262 uses never contain one.
    i = text.find(" #")
    return text[:i] if i >= 0 else text


def parse_front_matter(text):
    """Parse the text between /*--- and ---*/ into a dict.

    Lists come back as lists of strings, nested maps (negative:) as dicts,
    block scalars as one string.  Unknown shapes degrade to strings.
    """
    meta = {}
    lines = text.splitlines()
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        i += 1
        if not line.strip() or line.lstrip().startswith("#") or line[0] in " \t":
            continue
        m = _KEY_RE.match(line.rstrip())
        if not m:
            continue
        key, value = m.group(1), (m.group(2) or "").strip()
        # Collect the indented continuation lines.
        body = []
        while i < n and (not lines[i].strip() or lines[i][0] in " \t"):
            body.append(lines[i])
            i += 1
        if value[:1] in ("|", ">"):
            sep = "\n" if value[0] == "|" else " "
            meta[key] = sep.join(l.strip() for l in body).strip()
        elif value.startswith("["):
            # An inline list may wrap onto continuation lines.
            joined = " ".join([value] + [l.strip() for l in body])
            meta[key] = _inline_list(_strip_comment(joined))
        elif value:
            meta[key] = _scalar(_strip_comment(" ".join([value] + [l.strip() for l in body])))
        else:
            items = [l.strip() for l in body if l.strip() and not l.strip().startswith("#")]
            if items and all(x.startswith("-") for x in items):
                meta[key] = [_scalar(_strip_comment(x[1:])) for x in items]
            elif items:
                sub = {}
                for x in items:
                    sm = _KEY_RE.match(x)
                    if sm:
                        sub[sm.group(1)] = _scalar(_strip_comment(sm.group(2) or ""))
                meta[key] = sub
            else:
                meta[key] = ""
    return meta


def read_meta(path):
    """Read a test's front matter cheaply (first HEADER_BYTES, whole file if needed)."""
    with open(path, "rb") as f:
        head = f.read(HEADER_BYTES)
        end = head.find(b"---*/")
        if end < 0:
            head += f.read()
            end = head.find(b"---*/")
    start = head.find(b"/*---")
    if start < 0 or end < start:
        return {}
    return parse_front_matter(head[start + 5:end].decode("utf-8", "replace"))


def as_list(value):
    if isinstance(value, list):
        return value
    if isinstance(value, str) and value:
        return [value]
    return []


def load_proposals(features_txt):
    """Feature names listed under '## Proposed language features' in features.txt."""
    names = set()
    section = None
    try:
        with open(features_txt, encoding="utf-8") as f:
            for line in f:
                s = line.strip()
                if s.startswith("## ") and "features" in s.lower():
                    section = s[3:].strip().lower()
                    continue
                if not s or s.startswith("#"):
                    continue
                if section and section.startswith("proposed"):
                    names.add(s.split("#", 1)[0].strip())
    except OSError:
        pass
    return names

# --------------------------------------------------------------------------
# Discovery
# --------------------------------------------------------------------------


def _walk(top, test_dir, out):
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for name in files:
            if name.endswith(".js") and "_FIXTURE" not in name:
                out.add(os.path.relpath(os.path.join(root, name), test_dir).replace(os.sep, "/"))


def find_tests(test_dir, patterns):
    """Relative paths (to test/) of the test files selected by `patterns`."""
    found = set()
    if not patterns:
        for d in DEFAULT_DIRS:
            if os.path.isdir(os.path.join(test_dir, d)):
                _walk(os.path.join(test_dir, d), test_dir, found)
        return sorted(found)
    for pat in patterns:
        p = pat
        # Accept 'test/language/...', absolute paths and paths relative to cwd too.
        if os.path.exists(p) and os.path.abspath(p).startswith(os.path.abspath(test_dir) + os.sep):
            p = os.path.relpath(os.path.abspath(p), test_dir)
        elif p.startswith("test/"):
            p = p[5:]
        p = p.rstrip("/")
        hits = glob.glob(os.path.join(test_dir, p), recursive=True)
        if not hits:
            print("run.py: no test matches %r under %s" % (pat, test_dir), file=sys.stderr)
            sys.exit(2)
        for h in hits:
            if os.path.isdir(h):
                _walk(h, test_dir, found)
            elif h.endswith(".js") and "_FIXTURE" not in os.path.basename(h):
                found.add(os.path.relpath(h, test_dir).replace(os.sep, "/"))
    return sorted(found)

# --------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------


class Case:
    __slots__ = ("id", "rel", "path", "variant", "expect", "meta",
                 "status", "detail", "listed", "verdict")

    def __init__(self, rel, path, variant, expect, meta):
        self.id = "%s [%s]" % (rel, variant)
        self.rel, self.path, self.variant = rel, path, variant
        self.expect = expect      # 'parse' (must parse) or 'reject' (parse-negative)
        self.meta = meta
        self.status = self.detail = self.verdict = None
        self.listed = False


def variants(flags):
    if "module" in flags:
        return ["module"]
    if "onlyStrict" in flags:
        return ["strict"]
    if "noStrict" in flags or "raw" in flags:
        return ["sloppy"]
    return ["sloppy", "strict"]


def negative_phase(meta):
    neg = meta.get("negative")
    return neg.get("phase") if isinstance(neg, dict) else None


def expand(rel, path, meta):
    expect = "reject" if negative_phase(meta) == "parse" else "parse"
    return [Case(rel, path, v, expect, meta) for v in variants(as_list(meta.get("flags")))]

# --------------------------------------------------------------------------
# Modes.  A mode is a function (case, ctx) -> (status, detail) with status in
# pass / fail / crash / timeout / skip; everything mode-specific lives here.
# --------------------------------------------------------------------------


def _spawn(cmd, timeout, capture_stdout=False):
    """Run cmd; returns (returncode or None on timeout, stdout, stderr)."""
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE if capture_stdout else subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", ""
    except OSError as e:
        return -255, "", "cannot execute: %s" % e
    out = p.stdout.decode("utf-8", "replace") if capture_stdout else ""
    return p.returncode, out, p.stderr.decode("utf-8", "replace")


def _first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def _describe_exit(rc, err):
    if rc is None:
        return "timeout"
    if rc < 0:
        try:
            return "killed by %s" % signal.Signals(-rc).name
        except ValueError:
            return "killed by signal %d" % -rc
    return "exit %d%s" % (rc, (": " + _first_line(err)) if err.strip() else "")


def mode_parse(case, ctx):
    cmd = [ctx.jsvm, "--check"]
    if case.variant == "module":
        cmd.append("--module")
    elif case.variant == "strict":
        cmd.append("--use-strict")
    cmd.append(case.path)
    rc, _, err = _spawn(cmd, ctx.timeout)
    if rc is None:
        return "timeout", "timeout after %gs" % ctx.timeout
    if rc == 0:
        if case.expect == "parse":
            return "pass", ""
        return "fail", "parsed, but must be rejected with SyntaxError"
    if rc == 1 and "SyntaxError" in err:
        if case.expect == "reject":
            return "pass", ""
        return "fail", _first_line(err.replace(case.path, case.rel)) or "SyntaxError"
    return "crash", _describe_exit(rc, err.replace(case.path, case.rel))


# Execution mode (test262's INTERPRETING.md).  The program goes to jsvm on
# stdin (`jsvm --expose-test262 -`): no temporary files, and the harness
# prelude is built once per (variant, includes) combination.

# Flags whose tests this host does not run: jsvm's main agent can block
# (like d8's and node's main thread), so [[CanBlock]] is true.
RUN_SKIP_FLAGS = {"CanBlockIsFalse": "needs [[CanBlock]] false (the main agent can block)"}

_UNCAUGHT_NAME_RE = re.compile(r"^(?:Uncaught )?([A-Za-z_$][\w$]*)")
_UNCAUGHT_OBJECT_RE = re.compile(r"""^Uncaught ([A-Za-z_$][\w$]*) \{ message: (['"`])(.*)\2 \}$""")


def error_line(err):
    """The uncaught error's first line in jsvm's (node's) report.

    The report may start with the throw site: "file:line[:col]", the source
    line, a caret line and a blank line; the error itself (its stack, or
    "Uncaught <inspected value>") follows.
    """
    lines = err.splitlines()
    start = 0
    for i, line in enumerate(lines[:4]):
        if re.match(r"^\s*\^+\s*$", line):
            start = i + 1
            break
    for i in range(start, len(lines)):
        line = lines[i].strip()
        if not line:
            continue
        if line.startswith("Uncaught "):
            # util.inspect breaks long objects over lines: join them, and
            # show a thrown {message} object (Test262Error) as "Name: text".
            j = i + 1
            while j < len(lines) and lines[j][:1] in (" ", "\t", "}", "]"):
                line += " " + lines[j].strip()
                j += 1
            m = _UNCAUGHT_OBJECT_RE.match(line)
            if m:
                line = "%s: %s" % (m.group(1), m.group(3))
        return line[:300]
    return ""


def error_name(line):
    """The constructor name of an uncaught error from its first line."""
    m = _UNCAUGHT_NAME_RE.match(line)
    return m.group(1) if m else ""


def _prelude(ctx, variant, includes):
    key = (variant, tuple(includes))
    with ctx.lock:
        text = ctx.preludes.get(key)
    if text is None:
        parts = [b'"use strict";\n'] if variant == "strict" else []
        for inc in includes:
            parts.append(ctx.harness_bytes(inc))
            parts.append(b"\n")
        text = b"".join(parts)
        with ctx.lock:
            ctx.preludes[key] = text
    return text


def run_program(case, ctx):
    """The bytes jsvm runs for a case: the test alone for raw tests, else
    ["use strict";] assert.js sta.js [doneprintHandle.js] includes test."""
    meta = case.meta
    flags = as_list(meta.get("flags"))
    with open(case.path, "rb") as f:
        body = f.read()
    if "raw" in flags:
        return body
    includes = ["assert.js", "sta.js"]
    if "async" in flags:
        includes.append("doneprintHandle.js")
    includes += [x for x in as_list(meta.get("includes")) if x not in includes]
    return _prelude(ctx, case.variant, includes) + body


def mode_run(case, ctx):
    """Execute one case; judge it by its negative:/async metadata."""
    meta = case.meta
    flags = as_list(meta.get("flags"))
    if case.variant == "module":
        return "skip", "module: not supported yet"
    for flag, why in RUN_SKIP_FLAGS.items():
        if flag in flags:
            return "skip", "%s: %s" % (flag, why)
    neg = meta.get("negative") if isinstance(meta.get("negative"), dict) else None
    phase = neg.get("phase") if neg else None
    if phase == "resolution":
        return "skip", "module: resolution-phase negative"
    program = run_program(case, ctx)
    cmd = [ctx.jsvm, "--expose-test262", "-"]
    try:
        p = subprocess.run(cmd, input=program, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=ctx.timeout)
    except subprocess.TimeoutExpired:
        return "timeout", "timeout after %gs" % ctx.timeout
    except OSError as e:
        return "crash", "cannot execute: %s" % e
    rc = p.returncode
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if rc < 0 or rc > 1:
        return "crash", _describe_exit(rc, err)
    line = error_line(err) if rc else ""
    if neg:
        etype = neg.get("type", "")
        if rc == 0:
            return "fail", "expected %s (%s phase), but the test completed" % (etype, phase)
        got = error_name(line)
        if phase in ("parse", "early"):
            # Before anything runs: no output, no stack (a SyntaxError thrown
            # at run time has "    at" frames), and not an unsupported-
            # feature stand-in from the bytecode generator.
            early = (got == etype and not out.strip() and "\n    at " not in err
                     and "not supported yet" not in line)
            if early:
                return "pass", ""
            return "fail", "expected %s at parse time, got: %s" % (etype, line or "exit 1")
        if got == etype:
            return "pass", ""
        return "fail", "expected %s at run time, got: %s" % (etype, line or "exit 1")
    if rc != 0:
        return "fail", line or "exit 1 (no message)"
    if "async" in flags:
        i = out.find("Test262:AsyncTestFailure")
        if i >= 0:
            return "fail", _first_line(out[i:])
        if "Test262:AsyncTestComplete" not in out:
            return "fail", "async test did not print Test262:AsyncTestComplete"
    return "pass", ""


MODES = {"parse": mode_parse, "run": mode_run}

# --------------------------------------------------------------------------
# Expected-failure list
# --------------------------------------------------------------------------

LIST_HEADER = """\
# test262 expected failures for `run.py --mode {mode}`.
# One case id per line: <path relative to test/> [sloppy|strict|module].
# Lines starting with '#' are comments; keep the list sorted.
# Regenerate with: tests/test262/run.py --mode {mode} --update-expected
# A listed case that passes fails the run: remove it from the list.
# A trailing "# flaky..." comment exempts a case from that (its result
# varies between runs: crashes by SIGSEGV/SIGBUS and timeouts are marked
# so when the list is regenerated); --update-expected keeps such entries.
"""


def _varies(case):
    """Whether a failure is of a kind whose outcome varies between runs: a
    crash by SIGSEGV/SIGBUS (a memory error) or a timeout (machine load)."""
    return case.status == "timeout" or (
        case.status == "crash" and case.detail in ("killed by SIGSEGV", "killed by SIGBUS"))


def is_flaky(comment):
    """Whether an expected-list entry's comment marks it as flaky."""
    return comment.lstrip("# ").lower().startswith("flaky")


def read_expected(path):
    """-> (header comment lines, {case id: trailing comment})."""
    header, entries = [], {}
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except FileNotFoundError:
        return header, entries
    at_top = True
    for line in lines:
        s = line.strip()
        if not s or s.startswith("#"):
            if at_top:
                header.append(line)
            continue
        at_top = False
        comment = ""
        m = re.search(r"\s+#", s)
        if m:
            s, comment = s[:m.start()].rstrip(), s[m.start():].strip()
        entries[s] = comment
    return header, entries


def write_expected(path, header, entries):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for line in header:
            f.write(line + "\n")
        for cid in sorted(entries):
            f.write(cid + ("  " + entries[cid] if entries[cid] else "") + "\n")

# --------------------------------------------------------------------------
# Progress
# --------------------------------------------------------------------------


class Progress:
    def __init__(self, total, enabled):
        self.total, self.done, self.failed = total, 0, 0
        self.tty = enabled and sys.stderr.isatty()
        self.enabled = enabled
        self.start = time.monotonic()
        self.last_draw = 0.0
        self.next_pct = 10

    def _line(self):
        el = time.monotonic() - self.start
        rate = self.done / el if el > 0 else 0.0
        eta = (self.total - self.done) / rate if rate > 0 else 0
        return "[%*d/%d] %3d%%  %d failed  %.0f/s  elapsed %s  eta %s" % (
            len(str(self.total)), self.done, self.total,
            100 * self.done // max(self.total, 1), self.failed, rate,
            _hms(el), _hms(eta))

    def update(self, failed):
        self.done += 1
        self.failed += failed
        if not self.enabled:
            return
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw >= 0.1 or self.done == self.total:
                self.last_draw = now
                sys.stderr.write("\r" + self._line() + "\033[K")
                sys.stderr.flush()
        elif self.total and 100 * self.done // self.total >= self.next_pct:
            while 100 * self.done // self.total >= self.next_pct:
                self.next_pct += 10
            sys.stderr.write(self._line() + "\n")
            sys.stderr.flush()

    def finish(self):
        if self.tty:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _hms(sec):
    sec = int(sec)
    return "%d:%02d" % (sec // 60, sec % 60)

# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------


def dir_keys(rel, depth):
    parts = rel.split("/")[:-1]
    return ["/".join(parts[:d]) for d in range(1, min(depth, len(parts)) + 1)]


def directory_stats(cases, depth):
    stats = {}
    for c in cases:
        for key in dir_keys(c.rel, depth) + ["TOTAL"]:
            s = stats.setdefault(key, {"parse": [0, 0], "reject": [0, 0]})
            s[c.expect][1] += 1
            s[c.expect][0] += c.status == "pass"
    return stats


def _cell(pair):
    ok, total = pair
    if not total:
        return "%13s %6s" % ("-", "")
    return "%13s %5.1f%%" % ("%d/%d" % (ok, total), 100.0 * ok / total)


def print_table(stats, out):
    if "TOTAL" not in stats:
        return
    keys = sorted((k for k in stats if k != "TOTAL"), key=lambda k: k.split("/"))
    width = max([len(k) + 2 * k.count("/") for k in keys] + [24]) + 2
    out.write("\n%-*s %20s   %20s\n" % (width, "directory", "must parse (--check)", "must be rejected"))
    out.write("-" * (width + 44) + "\n")
    for k in keys + ["TOTAL"]:
        if k == "TOTAL":
            out.write("-" * (width + 44) + "\n")
        label = "  " * k.count("/") + k
        out.write("%-*s %s   %s\n" % (width, label, _cell(stats[k]["parse"]), _cell(stats[k]["reject"])))


def run_stats(cases, skipped, depth):
    """Per directory: [passed, cases] and the number of skipped cases/files."""
    stats = {}
    for c in cases:
        for key in dir_keys(c.rel, depth) + ["TOTAL"]:
            s = stats.setdefault(key, {"run": [0, 0], "skipped": 0})
            s["run"][1] += 1
            s["run"][0] += c.status == "pass"
    for sk in skipped:
        rel = sk[0].rsplit(" [", 1)[0]
        for key in dir_keys(rel, depth) + ["TOTAL"]:
            stats.setdefault(key, {"run": [0, 0], "skipped": 0})["skipped"] += 1
    return stats


def print_run_table(stats, out):
    """The execution-mode table: pass rate of the cases that ran."""
    if "TOTAL" not in stats:
        return
    keys = sorted((k for k in stats if k != "TOTAL"), key=lambda k: k.split("/"))
    width = max([len(k) + 2 * k.count("/") for k in keys] + [24]) + 2
    out.write("\n%-*s %20s %9s\n" % (width, "directory", "passed (run)", "skipped"))
    out.write("-" * (width + 31) + "\n")
    for k in keys + ["TOTAL"]:
        if k == "TOTAL":
            out.write("-" * (width + 31) + "\n")
        label = "  " * k.count("/") + k
        out.write("%-*s %s %9s\n" % (width, label, _cell(stats[k]["run"]),
                                      stats[k]["skipped"] or ""))


# Failure reasons are grouped after normalizing what varies from test to
# test but not from cause to cause: values shown by assert.js between « »,
# source positions, numbers, and the test-specific message prefix before
# assert.js's own text.
_NORMALIZE = [
    (re.compile(r"«[^»]*(»|$)"), "«…»"),
    (re.compile(r" \(\d+:\d+\)"), ""),
    (re.compile(r"(?<![\w$.])\d+(\.\d+)?(?![\w$])"), "N"),
    (re.compile(r"^((?:Test262:AsyncTestFailure:)?Test262Error: )(?:Test262Error: )?.*?(Expected SameValue|Expected a |Expected \[|Actual \[|"
                r"Expected true but got|Expected \w+ but got|Expected the )"), r"\1\2"),
]


def failure_reason(case):
    """A grouping key for a failed case's detail (its error's first line)."""
    if case.status in ("timeout", "crash"):
        text = case.detail if case.status == "crash" else "timeout"
        return "%s: %s" % (case.status, re.sub(r"^exit (\d+): .*", r"exit \1", text))
    text = case.detail or "(no message)"
    for rx, rep in _NORMALIZE:
        text = rx.sub(rep, text)
    return text[:160]


def failure_groups(cases):
    """[(reason, [cases])] for the failed cases, most frequent first."""
    groups = {}
    for c in cases:
        if c.status != "pass":
            groups.setdefault(failure_reason(c), []).append(c)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def print_failure_summary(cases, limit, out):
    """The top failure reasons with counts and the directories they hit."""
    groups = failure_groups(cases)
    total = sum(len(g) for _, g in groups)
    out.write("\nTop failure reasons (%d failed cases, %d distinct reasons):\n" % (total, len(groups)))
    out.write("%7s  %s\n" % ("cases", "reason  [where: top directories]  e.g. one case"))
    for reason, group in groups[:limit if limit > 0 else len(groups)]:
        where = {}
        for c in group:
            key = "/".join(c.rel.split("/")[:-1][:2])
            where[key] = where.get(key, 0) + 1
        top = sorted(where.items(), key=lambda kv: -kv[1])[:3]
        example = next(c for c in group if c.rel.startswith(top[0][0] + "/"))
        out.write("%7d  %s\n         [%s]  e.g. %s\n" % (
            len(group), reason, ", ".join("%s %d" % kv for kv in top), example.id))

# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


class Context:
    def __init__(self, args, test262):
        self.jsvm = args.jsvm
        self.timeout = args.timeout
        self.harness_dir = os.path.join(test262, "harness")
        self._harness = {}
        self.preludes = {}        # (variant, includes) -> prelude bytes
        self.lock = threading.Lock()

    def harness_bytes(self, name):
        with self.lock:
            if name not in self._harness:
                with open(os.path.join(self.harness_dir, name), "rb") as f:
                    self._harness[name] = f.read()
            return self._harness[name]


def snapshot_binary(jsvm):
    """A private copy of the engine binary for the whole run, or None if it
    does not start.  The build tree is shared: a rebuild in the middle of a
    run would otherwise make cases fail to execute (or mix two engines).
    A copy caught mid-link fails `--version`; try again a few times."""
    for attempt in range(5):
        tmp = tempfile.mkdtemp(prefix="jsvm-test262-")
        copy = os.path.join(tmp, "jsvm")
        try:
            shutil.copy2(jsvm, copy)
            ok = subprocess.run([copy, "--version"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, timeout=30).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        if ok:
            return copy
        shutil.rmtree(tmp, ignore_errors=True)
        time.sleep(2)
    return None


def _is_sanitized(binary):
    """True for an ASan build: its shadow memory reserves terabytes of
    address space up front, so an address-space cap kills it at start."""
    try:
        with open(binary, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


def _limit_children(binary):
    """Resource limits that jsvm children inherit: no core files from
    crashing cases, and an address-space cap so that a runaway test fails
    alone instead of pushing the machine into swap (jsvm reserves a 1 GB
    stack for its worker thread, so the cap stays well above that).
    Sanitizer builds get no cap (see _is_sanitized)."""
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if _is_sanitized(binary):
            return
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = 8 << 30
        if hard == resource.RLIM_INFINITY or hard > cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):
        pass


def _cpu_count():
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Run test262 against jsvm and compare with the expected-failure list.")
    ap.add_argument("paths", nargs="*", metavar="PATH",
                    help="paths or globs relative to test/ (default: %s)" % ", ".join(DEFAULT_DIRS))
    ap.add_argument("--mode", choices=sorted(MODES), default="run",
                    help="run: execute the tests (default); parse: jsvm --check only")
    ap.add_argument("--only", action="append", default=[], metavar="DIR",
                    help="only tests under DIR (relative to test/; repeatable; same as a PATH)")
    ap.add_argument("--jsvm", default=DEFAULT_JSVM, help="engine binary (default: %(default)s)")
    ap.add_argument("--test262", default=DEFAULT_TEST262, help="test262 checkout (default: %(default)s)")
    ap.add_argument("-j", "--jobs", type=int, default=_cpu_count(),
                    help="parallel jobs (default: usable CPUs, %(default)s)")
    scale = float(os.environ.get("JSVM_TIMEOUT_SCALE", "1"))
    ap.add_argument("--timeout", type=float, default=10.0 * scale,
                    help="seconds per case (default: 10, times $JSVM_TIMEOUT_SCALE)")
    ap.add_argument("--include-proposals", action="store_true",
                    help="also run tests needing 'Proposed language features' of features.txt")
    ap.add_argument("--expected", help="expected-failure list (default: expected/<mode>.txt here)")
    ap.add_argument("--update-expected", action="store_true",
                    help="rewrite the expected-failure list from this run and exit 0")
    ap.add_argument("--json", metavar="FILE", help="write full results as JSON ('-': stdout)")
    ap.add_argument("--depth", type=int, default=2, help="directory depth of the table (default: 2)")
    ap.add_argument("--table", action="store_true", help="print the per-directory pass-rate table")
    ap.add_argument("--no-table", action="store_true", help=argparse.SUPPRESS)  # the old default
    ap.add_argument("--failure-summary", nargs="?", type=int, const=30, default=None, metavar="N",
                    help="print the N most frequent failure reasons (default N: 30)")
    ap.add_argument("--max-list", type=int, default=200,
                    help="print at most N ids per category of problems (0 = all; default: 200)")
    ap.add_argument("--from-json", metavar="FILE",
                    help="report on an earlier --json run instead of running (no jsvm needed)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    return ap.parse_args(argv)


def execute(args, test262, test_dir):
    """Discover and run the cases -> (cases, skipped, in_scope, seconds),
    or an exit status when interrupted."""
    mode_fn = MODES[args.mode]
    t0 = time.monotonic()
    rels = find_tests(test_dir, args.paths + args.only)
    proposals = set() if args.include_proposals else load_proposals(os.path.join(test262, "features.txt"))
    cases, skipped = [], []          # skipped: (rel or case id, reason, detail)
    in_scope = set()                 # files selected (incl. skipped), for the expected list
    for rel in rels:
        path = os.path.join(test_dir, rel)
        meta = read_meta(path)
        in_scope.add(rel)
        feats = [f for f in as_list(meta.get("features")) if f in proposals]
        if feats:
            skipped.append((rel, "proposal", ", ".join(feats)))
            continue
        cases.extend(expand(rel, path, meta))
    t_scan = time.monotonic() - t0

    ctx = Context(args, test262)
    ctx.jsvm = snapshot_binary(args.jsvm)
    if ctx.jsvm is None:
        print("run.py: %s does not run (jsvm --version fails)" % args.jsvm, file=sys.stderr)
        return 2
    if args.mode == "run":
        _limit_children(ctx.jsvm)
    progress = Progress(len(cases), not args.quiet)
    if not args.quiet:
        sys.stderr.write("test262: %d files, %d cases (%d files skipped), mode %s, -j %d, scan %.1fs\n"
                         % (len(rels), len(cases), len(skipped), args.mode, args.jobs, t_scan))

    def work(case):
        try:
            case.status, case.detail = mode_fn(case, ctx)
        except Exception as e:       # a runner bug must not hang the pool
            case.status, case.detail = "crash", "runner error: %r" % e
        return case

    t1 = time.monotonic()
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for case in pool.map(work, cases):
                progress.update(case.status not in ("pass", "skip"))
    except KeyboardInterrupt:
        progress.finish()
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        if ctx.jsvm != args.jsvm:
            shutil.rmtree(os.path.dirname(ctx.jsvm), ignore_errors=True)
    progress.finish()
    return cases, skipped, in_scope, time.monotonic() - t1


def load_results(path, test_dir):
    """Cases and skips from an earlier --json file (for --from-json)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    cases, in_scope = [], set()
    for x in data["cases"]:
        c = Case(x["file"], os.path.join(test_dir, x["file"]), x["variant"], x["expect"], {})
        c.status, c.detail = x["status"], x["detail"]
        cases.append(c)
        in_scope.add(c.rel)
    skipped = [(x["id"], x["reason"], x["detail"]) for x in data.get("skipped", [])]
    for sk in skipped:
        in_scope.add(sk[0].rsplit(" [", 1)[0])
    return cases, skipped, in_scope, data.get("seconds", 0.0), data.get("mode", "run")


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # With --json - the JSON owns stdout; the human-readable report moves.
    out = sys.stderr if args.json == "-" else sys.stdout
    test262 = os.path.abspath(args.test262)
    test_dir = os.path.join(test262, "test")
    if not os.path.isdir(test_dir):
        print("test262 not found at %s, skipped" % test262)
        return SKIP_RETURN_CODE
    if not args.from_json and not (os.path.isfile(args.jsvm) and os.access(args.jsvm, os.X_OK)):
        print("run.py: jsvm binary not found or not executable: %s" % args.jsvm, file=sys.stderr)
        return 2

    t0 = time.monotonic()
    if args.from_json:
        cases, skipped, in_scope, t_run, args.mode = load_results(args.from_json, test_dir)
    else:
        result = execute(args, test262, test_dir)
        if isinstance(result, int):
            return result
        cases, skipped, in_scope, t_run = result
    expected_path = args.expected or os.path.join(HERE, "expected", args.mode + ".txt")

    for c in cases:
        if c.status == "skip":
            skipped.append((c.id, c.detail.split(":", 1)[0], c.detail))
    cases = [c for c in cases if c.status != "skip"]

    # Compare with the expected-failure list.
    header, listed = read_expected(expected_path)
    by_id = {c.id: c for c in cases}
    new_failures, unexpected_passes, listed_crashes, stale = [], [], [], []
    for c in cases:
        c.listed = c.id in listed
        if c.status == "pass":
            if c.listed and is_flaky(listed[c.id]):
                c.verdict = "pass"       # flaky: passing now and then is no news
            else:
                c.verdict = "unexpected-pass" if c.listed else "pass"
            if c.verdict == "unexpected-pass":
                unexpected_passes.append(c)
        elif c.listed:
            c.verdict = "expected-failure"
            if c.status in ("crash", "timeout"):
                listed_crashes.append(c)
        else:
            c.verdict = "new-failure"
            new_failures.append(c)
    skipped_ids = {s[0] for s in skipped}
    for cid in sorted(listed):
        if cid in by_id:
            continue
        rel = cid.rsplit(" [", 1)[0]
        if not os.path.isfile(os.path.join(test_dir, rel)):
            stale.append(cid)        # file gone
        elif rel in in_scope and rel not in skipped_ids and cid not in skipped_ids:
            stale.append(cid)        # file there but this variant no longer runs

    passed = sum(c.status == "pass" for c in cases)
    failed = len(cases) - passed
    count = {s: sum(c.status == s for c in cases) for s in ("fail", "crash", "timeout")}

    if args.json:
        if args.mode == "run":
            stats = run_stats(cases, skipped, max(args.depth, 2))
        else:
            stats = directory_stats(cases, max(args.depth, 2))
        data = {
            "mode": args.mode, "jsvm": os.path.abspath(args.jsvm), "test262": test262,
            "seconds": round(time.monotonic() - t0, 2),
            "summary": {"cases": len(cases), "passed": passed, "failed": failed,
                        "fail": count["fail"], "crash": count["crash"], "timeout": count["timeout"],
                        "skipped": len(skipped), "new_failures": len(new_failures),
                        "unexpected_passes": len(unexpected_passes)},
            "directories": stats,
            "cases": [{"id": c.id, "file": c.rel, "variant": c.variant, "expect": c.expect,
                       "status": c.status, "detail": c.detail, "listed": c.listed,
                       "verdict": c.verdict,
                       "reason": failure_reason(c) if c.status != "pass" else None}
                      for c in cases],
            "skipped": [{"id": s[0], "reason": s[1], "detail": s[2]} for s in skipped],
        }
        if args.json == "-":
            json.dump(data, sys.stdout, separators=(",", ":"))
            sys.stdout.write("\n")
        else:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(data, f, separators=(",", ":"))
                f.write("\n")

    if args.table and args.mode == "run":
        print_run_table(run_stats(cases, skipped, args.depth), out)
    elif args.table:
        print_table(directory_stats(cases, args.depth), out)
    if args.failure_summary is not None:
        print_failure_summary(cases, args.failure_summary, out)

    def show(title, items, fmt):
        if not items:
            return
        out.write("\n%s (%d):\n" % (title, len(items)))
        limit = len(items) if args.max_list <= 0 else args.max_list
        for x in items[:limit]:
            out.write(fmt(x) + "\n")
        if len(items) > limit:
            out.write("  ... and %d more (--max-list 0 or --json FILE for all)\n" % (len(items) - limit))

    if args.update_expected:
        # Keep entries outside this run's scope (other paths, skipped files).
        ran_files = {c.rel for c in cases}
        keep = {cid: cm for cid, cm in listed.items()
                if cid.rsplit(" [", 1)[0] not in ran_files and cid not in stale}
        for c in cases:
            if c.status != "pass":
                keep[c.id] = listed.get(c.id, "") or (
                    "# flaky: %s" % c.detail if _varies(c) else "")
            elif is_flaky(listed.get(c.id, "")):
                keep[c.id] = listed[c.id]
        if not any(l.strip() for l in header):
            header = LIST_HEADER.format(mode=args.mode).splitlines()
        write_expected(expected_path, header, keep)
        out.write("\nwrote %s: %d expected failures (%d added, %d removed)\n" % (
            _disp(expected_path), len(keep),
            len(set(keep) - set(listed)), len(set(listed) - set(keep))))
    else:
        show("NEW FAILURE", new_failures, lambda c: "NEW FAILURE: %s  (%s: %s)" % (c.id, c.status, c.detail))
        show("UNEXPECTED PASS", unexpected_passes,
             lambda c: "UNEXPECTED PASS — remove from the list: %s" % c.id)
        show("warning: listed in %s but no longer exists" % _disp(expected_path), stale,
             lambda cid: "  stale: %s" % cid)

    out.write("\n%d cases in %.1fs (%.0f/s, -j %d): %d fail, %d crash, %d timeout; skipped %s\n" % (
        len(cases), t_run, len(cases) / t_run if t_run > 0 else 0, args.jobs,
        count["fail"], count["crash"], count["timeout"], _skip_summary(skipped) or "none"))
    expected_failures = sum(c.verdict == "expected-failure" for c in cases)
    if listed_crashes:
        out.write("%d of the %d expected failures are crashes/timeouts (listed, still to fix)\n"
                  % (len(listed_crashes), expected_failures))
        show("listed crashes/timeouts", listed_crashes,
             lambda c: "  %s (listed): %s  (%s)" % (c.status.upper(), c.id, c.detail))
    out.write("test262: %d passed, %d failed\n" % (passed, failed))
    if args.update_expected:
        out.write("test262: expected-failure list updated\n")
        return 0
    if new_failures or unexpected_passes:
        out.write("test262: REGRESSION: %d new failures, %d unexpected passes\n"
                  % (len(new_failures), len(unexpected_passes)))
        return 1
    out.write("test262: OK, matches %s (%d expected failures)\n"
              % (_disp(expected_path), expected_failures))
    return 0


def _disp(path):
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _skip_summary(skipped):
    by = {}
    for s in skipped:
        by[s[1]] = by.get(s[1], 0) + 1
    return ", ".join("%d (%s)" % (n, r) for r, n in sorted(by.items()))


if __name__ == "__main__":
    sys.exit(main())
