#!/usr/bin/env python3
"""test262 conformance runner for jsvm (python3, standard library only).

    tests/test262/run.py [options] [PATH-OR-GLOB ...]

Modes (--mode):
  parse  (default) each case runs `jsvm --check [--module] [--use-strict] FILE`.
         Exit 0 = parsed, exit 1 with "SyntaxError" on stderr = rejected.
         Anything else (other exit status, signal, timeout) is a crash.
  run    sketch for later: harness prelude + test, `jsvm [--use-strict] FILE`.

Each test file becomes one case per mode it must run in (sloppy/strict/module);
a case id is `<path relative to test/> [sloppy|strict|module]`.  The run fails
(exit 1) when a case fails that is not in tests/test262/expected/<mode>.txt, or
when a listed case passes.  See README.md next to this file.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import re
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


def mode_run(case, ctx):
    """Sketch of execution mode, for when the engine can run code.

    Script tests get the harness prepended (and '"use strict";' before it for
    the strict variant) in a temporary file; raw tests run untouched.  The
    engine must provide print() and $262.  Module tests are skipped for now:
    their relative imports need the file to stay in place.
    """
    meta = case.meta
    flags = as_list(meta.get("flags"))
    if case.variant == "module":
        return "skip", "run mode: modules not supported yet"
    if "raw" in flags:
        path = case.path
    else:
        includes = ["assert.js", "sta.js"]
        if "async" in flags:
            includes.append("doneprintHandle.js")
        includes += [x for x in as_list(meta.get("includes")) if x not in includes]
        parts = ['"use strict";\n'] if case.variant == "strict" else []
        for inc in includes:
            parts.append(ctx.harness_text(inc))
        with open(case.path, encoding="utf-8", errors="replace") as f:
            parts.append(f.read())
        fd, path = tempfile.mkstemp(suffix=".js", dir=ctx.tmpdir)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(parts))
    try:
        rc, out, err = _spawn([ctx.jsvm, path], ctx.timeout, capture_stdout=True)
    finally:
        if path != case.path:
            os.unlink(path)
    if rc is None:
        return "timeout", "timeout after %gs" % ctx.timeout
    if rc < 0 or rc > 1:
        return "crash", _describe_exit(rc, err)
    neg = meta.get("negative")
    if isinstance(neg, dict):
        etype = neg.get("type", "")
        if rc == 1 and etype in err:
            return "pass", ""
        return "fail", "expected %s (%s)" % (etype, neg.get("phase")) + (
            "" if rc == 0 else ", got " + _first_line(err))
    if rc != 0:
        return "fail", _first_line(err) or "exit 1"
    if "async" in flags:
        if "Test262:AsyncTestFailure" in out:
            return "fail", _first_line(out[out.find("Test262:AsyncTestFailure"):])
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
"""


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

# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


class Context:
    def __init__(self, args, test262):
        self.jsvm = args.jsvm
        self.timeout = args.timeout
        self.harness_dir = os.path.join(test262, "harness")
        self.tmpdir = None
        self._harness = {}
        self._lock = threading.Lock()

    def harness_text(self, name):
        with self._lock:
            if name not in self._harness:
                with open(os.path.join(self.harness_dir, name), encoding="utf-8") as f:
                    self._harness[name] = f.read()
            return self._harness[name]


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
    ap.add_argument("--mode", choices=sorted(MODES), default="parse")
    ap.add_argument("--jsvm", default=DEFAULT_JSVM, help="engine binary (default: %(default)s)")
    ap.add_argument("--test262", default=DEFAULT_TEST262, help="test262 checkout (default: %(default)s)")
    ap.add_argument("-j", "--jobs", type=int, default=_cpu_count(),
                    help="parallel jobs (default: usable CPUs, %(default)s)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per case (default: 10)")
    ap.add_argument("--include-proposals", action="store_true",
                    help="also run tests needing 'Proposed language features' of features.txt")
    ap.add_argument("--expected", help="expected-failure list (default: expected/<mode>.txt here)")
    ap.add_argument("--update-expected", action="store_true",
                    help="rewrite the expected-failure list from this run and exit 0")
    ap.add_argument("--json", metavar="FILE", help="write full results as JSON")
    ap.add_argument("--depth", type=int, default=2, help="directory depth of the table (default: 2)")
    ap.add_argument("--no-table", action="store_true", help="do not print the per-directory table")
    ap.add_argument("--max-list", type=int, default=200,
                    help="print at most N ids per category of problems (0 = all; default: 200)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    out = sys.stdout
    test262 = os.path.abspath(args.test262)
    test_dir = os.path.join(test262, "test")
    if not os.path.isdir(test_dir):
        print("test262 not found at %s, skipped" % test262)
        return SKIP_RETURN_CODE
    if not (os.path.isfile(args.jsvm) and os.access(args.jsvm, os.X_OK)):
        print("run.py: jsvm binary not found or not executable: %s" % args.jsvm, file=sys.stderr)
        return 2
    expected_path = args.expected or os.path.join(HERE, "expected", args.mode + ".txt")
    mode_fn = MODES[args.mode]

    t0 = time.monotonic()
    rels = find_tests(test_dir, args.paths)
    proposals = set() if args.include_proposals else load_proposals(os.path.join(test262, "features.txt"))
    cases, skipped = [], []          # skipped: (rel or case id, reason)
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
    if args.mode == "run":
        ctx.tmpdir = tempfile.mkdtemp(prefix="jsvm-test262-")
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
        if ctx.tmpdir:
            try:
                os.rmdir(ctx.tmpdir)
            except OSError:
                pass
    progress.finish()
    t_run = time.monotonic() - t1

    for c in cases:
        if c.status == "skip":
            skipped.append((c.id, "mode", c.detail))
    cases = [c for c in cases if c.status != "skip"]

    # Compare with the expected-failure list.
    header, listed = read_expected(expected_path)
    by_id = {c.id: c for c in cases}
    new_failures, unexpected_passes, listed_crashes, stale = [], [], [], []
    for c in cases:
        c.listed = c.id in listed
        if c.status == "pass":
            c.verdict = "unexpected-pass" if c.listed else "pass"
            if c.listed:
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
                       "verdict": c.verdict} for c in cases],
            "skipped": [{"id": s[0], "reason": s[1], "detail": s[2]} for s in skipped],
        }
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(data, f, separators=(",", ":"))
            f.write("\n")

    if not args.no_table:
        print_table(directory_stats(cases, args.depth), out)

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
                keep[c.id] = listed.get(c.id, "")
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
