#!/usr/bin/env python3
"""gen_string_tables.py -- Unicode tables for String.prototype's case
mapping and normalize (runtime/builtins_string_unicode.c).

Reads the Unicode Character Database (Debian's unicode-data, the same UCD
the parser's tables come from) and writes runtime/string_tables.h, which is
checked in: the build never runs this script (the runtime's build has no
generation step), so rerun it by hand after a UCD upgrade:

  tools/gen_string_tables.py /usr/share/unicode runtime/string_tables.h

Tables (all sorted by code point, searched by bisection):
  str_upper_runs / str_lower_runs  simple case mappings as runs: `count`
      code points from `start`, every `step`-th one, each mapping to
      itself + `delta` (Latin Extended's alternating pairs are step 2)
  str_upper_special / str_lower_special  unconditional full mappings of
      SpecialCasing.txt that differ from the simple ones ('ß' -> "SS")
  str_cased / str_case_ignorable   Cased and Case_Ignorable ranges, for
      the Final_Sigma condition
  str_ccc       Canonical_Combining_Class runs (start, end, class != 0)
  str_decomp    decomposition mappings: code point, compatibility flag,
      length and offset into str_decomp_pool (Hangul is algorithmic)
  str_comp      primary composites: (first, second) -> composite, for
      canonical decompositions of two code points that are not
      Full_Composition_Exclusion
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_split import write_split  # noqa: E402


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [x.strip() for x in line.split(";")]


def unicode_data(ucd):
    """Each assigned code point's fields; ranges (First/Last) expanded
    only where they matter (they have no mappings, so: not at all)."""
    rows = {}
    for fields in read_lines(os.path.join(ucd, "UnicodeData.txt")):
        rows[int(fields[0], 16)] = fields
    return rows


def runs(pairs):
    """Greedy runs of (start, count, step, delta) over sorted (cp, to)."""
    out = []
    for cp, to in pairs:
        d = to - cp
        if out:
            start, count, step, delta = out[-1]
            last = start + (count - 1) * step
            if delta == d and count == 1 and cp - last in (1, 2):
                out[-1] = (start, 2, cp - last, delta)
                continue
            if delta == d and count > 1 and cp - last == step:
                out[-1] = (start, count + 1, step, delta)
                continue
        out.append((cp, 1, 1, d))
    return out


def property_ranges(path, name):
    ranges = []
    for fields in read_lines(path):
        if fields[1] != name:
            continue
        lo, _, hi = fields[0].partition("..")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    ranges.sort()
    merged = []
    for lo, hi in ranges:
        if merged and lo == merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def special_casing(ucd):
    """Unconditional full mappings: {cp: (lower, upper)} as cp lists."""
    out = {}
    for fields in read_lines(os.path.join(ucd, "SpecialCasing.txt")):
        if len(fields) > 4 and fields[4]:
            continue  # conditional (Final_Sigma, languages): not here
        cp = int(fields[0], 16)
        lower = [int(x, 16) for x in fields[1].split()]
        upper = [int(x, 16) for x in fields[3].split()]
        out[cp] = (lower, upper)
    return out


def emit_runs(w, name, rs):
    w("static const StrCaseRun %s[%d] = {\n" % (name, len(rs)))
    line = "   "
    for start, count, step, delta in rs:
        item = " {0x%X, %d, %d, %d}," % (start, count, step, delta)
        if len(line) + len(item) > 78:
            w(line + "\n")
            line = "   "
        line += item
    w(line + "\n};\n\n")


def emit_list(w, decl, items, width=100):
    w(decl + " = {\n")
    line = "   "
    for item in items:
        item = " " + item + ","
        if len(line) + len(item) > width:
            w(line + "\n")
            line = "   "
        line += item
    w(line + "\n};\n\n")


def main():
    ucd, out_path = sys.argv[1], sys.argv[2]
    rows = unicode_data(ucd)
    special = special_casing(ucd)
    # DerivedAge.txt's first line names the file with the UCD version.
    with open(os.path.join(ucd, "DerivedAge.txt"), encoding="utf-8") as f:
        version = f.readline().strip("# \n").replace("DerivedAge-", "")[:-4]

    upper, lower, up_sp, lo_sp = [], [], [], []
    for cp in sorted(rows):
        f = rows[cp]
        su = int(f[12], 16) if f[12] else cp
        sl = int(f[13], 16) if f[13] else cp
        if cp in special:
            fl, fu = special[cp]
            if fu != [su]:
                up_sp.append((cp, fu))
            if fl != [sl]:
                lo_sp.append((cp, fl))
        if su != cp:
            upper.append((cp, su))
        if sl != cp:
            lower.append((cp, sl))

    dcp = os.path.join(ucd, "DerivedCoreProperties.txt")
    cased = property_ranges(dcp, "Cased")
    ignorable = property_ranges(dcp, "Case_Ignorable")
    dnp = os.path.join(ucd, "DerivedNormalizationProps.txt")
    excluded = set()
    for lo, hi in property_ranges(dnp, "Full_Composition_Exclusion"):
        excluded.update(range(lo, hi + 1))

    ccc_runs = []
    for cp in sorted(rows):
        c = int(rows[cp][3])
        if not c:
            continue
        if ccc_runs and ccc_runs[-1][1] == cp - 1 and ccc_runs[-1][2] == c:
            ccc_runs[-1] = (ccc_runs[-1][0], cp, c)
        else:
            ccc_runs.append((cp, cp, c))

    decomp, pool, comp = [], [], []
    for cp in sorted(rows):
        d = rows[cp][5]
        if not d:
            continue
        compat = d.startswith("<")
        if compat:
            d = d.split(">", 1)[1]
        cps = [int(x, 16) for x in d.split()]
        decomp.append((cp, 1 if compat else 0, len(cps), len(pool)))
        pool.extend(cps)
        if not compat and len(cps) == 2 and cp not in excluded:
            comp.append((cps[0], cps[1], cp))
    comp.sort()
    assert len(pool) < 65536 and max(e[2] for e in decomp) < 32

    case, decomposition, composition = [], [], []
    w = case.append
    emit_runs(w, "str_upper_runs", runs(upper))
    emit_runs(w, "str_lower_runs", runs(lower))
    for name, sp in (("str_upper_special", up_sp), ("str_lower_special", lo_sp)):
        items = ["{0x%X, %d, {%s}}" % (cp, len(m), ", ".join("0x%X" % x for x in m))
                 for cp, m in sp]
        emit_list(w, "static const StrSpecialCase %s[%d]" % (name, len(sp)), items)
    for name, rs in (("str_cased", cased), ("str_case_ignorable", ignorable)):
        emit_list(w, "static const StrRange %s[%d]" % (name, len(rs)),
                  ["{0x%X, 0x%X}" % r for r in rs])
    w = decomposition.append
    emit_list(w, "static const StrCccRun str_ccc[%d]" % len(ccc_runs),
              ["{0x%X, 0x%X, %d}" % r for r in ccc_runs])
    emit_list(w, "static const StrDecomp str_decomp[%d]" % len(decomp),
              ["{0x%X, %d, %d, %d}" % e for e in decomp])
    emit_list(w, "static const uint32_t str_decomp_pool[%d]" % len(pool),
              ["0x%X" % x for x in pool])
    emit_list(composition.append, "static const StrComp str_comp[%d]" % len(comp),
              ["{0x%X, 0x%X, 0x%X}" % e for e in comp])
    intro = ("/*\n * runtime/string_tables.h -- GENERATED by tools/gen_string_tables.py"
             "\n * from the Unicode Character Database %s; do not edit. Included by\n"
             " * runtime/builtins_string_unicode.c only (see the generator for the\n"
             " * layout of each table). The tables are in one file per concern.\n */\n"
             % version)
    write_split(out_path, "tools/gen_string_tables.py", intro,
                "#define STR_UNICODE_VERSION \"%s\"\n\n" % version, [
                    ("case", "Case mapping and the Final_Sigma ranges", "".join(case)),
                    ("decomp", "Canonical combining classes and decompositions",
                     "".join(decomposition)),
                    ("comp", "Canonical compositions", "".join(composition)),
                ])

if __name__ == "__main__":
    main()
