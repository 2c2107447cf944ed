#!/usr/bin/env python3
"""gen_regexp_tables.py -- Unicode tables for the RegExp engine
(runtime/regexp_unicode.c): property escapes \\p{...} and case folding.

Reads the Unicode Character Database (Debian's unicode-data, the UCD the
parser's property names and String's case tables come from) and writes
runtime/regexp_tables.h, which is checked in: the runtime's build has no
generation step, so rerun this by hand after a UCD upgrade:

  tools/gen_regexp_tables.py /usr/share/unicode runtime/regexp_tables.h

Layout (name tables sorted by strcmp, searched by bisection):
  rx_lists         every distinct range list, encoded (see varint below)
                   as a string literal: for each inclusive range, the gap
                   since the previous range's end, then its length - 1
  rx_gc_leaf       the list of each of the 30 two-letter General_Category
                   values (index = bit number in rx_gc_names' masks)
  rx_gc_names      every General_Category name and alias -> a mask of
                   leaf categories (L = Lu|Ll|Lt|Lm|Lo, ...)
  rx_sc_names      Script names and aliases -> a list index
  rx_scx_names     the same for Script_Extensions
  rx_bin_names     the binary properties ECMA-262 lists (long and short
                   names) -> a list index
  rx_str_names     properties of strings (v flag) -> the list of their
                   single code point members, and their longer strings
                   encoded as length then code point deltas (zigzag)
  rx_fold_u        simple case folding (CaseFolding.txt, statuses C and S)
                   of every code point in a class of two or more: pairs
                   (code point gap, zigzag(scf - code point)), by code point
  rx_fold_nu       the same for the non-Unicode Canonicalize of ECMA-262
                   §22.2.2.7.3 (toUppercase when that is one code unit and
                   does not map non-ASCII to ASCII), over code units
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_split import write_split  # noqa: E402
from gen_unicode_props import BINARY_PROPERTIES  # noqa: E402

# ECMA-262 2025 table-binary-unicode-properties: the spec fixes the list;
# the parser's generator holds it.
BINARY = BINARY_PROPERTIES
# Where the UCD defines each binary property (Any, ASCII and Assigned are
# computed here).
BINARY_FILES = ["PropList.txt", "DerivedCoreProperties.txt",
                "DerivedNormalizationProps.txt", "emoji/emoji-data.txt",
                "extracted/DerivedBinaryProperties.txt"]

STRING_PROPS = ["Basic_Emoji", "Emoji_Keycap_Sequence",
                "RGI_Emoji_Modifier_Sequence", "RGI_Emoji_Flag_Sequence",
                "RGI_Emoji_Tag_Sequence", "RGI_Emoji_ZWJ_Sequence"]

GC_LEAVES = ["Cc", "Cf", "Cn", "Co", "Cs", "Ll", "Lm", "Lo", "Lt", "Lu",
             "Mc", "Me", "Mn", "Nd", "Nl", "No", "Pc", "Pd", "Pe", "Pf",
             "Pi", "Po", "Ps", "Sc", "Sk", "Sm", "So", "Zl", "Zp", "Zs"]
GC_GROUPS = {"C": "Cc Cf Cn Co Cs", "L": "Ll Lm Lo Lt Lu", "LC": "Ll Lt Lu",
             "M": "Mc Me Mn", "N": "Nd Nl No", "P": "Pc Pd Pe Pf Pi Po Ps",
             "S": "Sc Sk Sm So", "Z": "Zl Zp Zs"}
MAX_CP = 0x10FFFF


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [x.strip() for x in line.split(";")]


def cp_range(field):
    lo, _, hi = field.partition("..")
    return int(lo, 16), int(hi or lo, 16)


def merge(ranges):
    """Sorted, coalesced inclusive ranges."""
    out = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def complement(ranges):
    out, nxt = [], 0
    for lo, hi in ranges:
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = hi + 1
    if nxt <= MAX_CP:
        out.append((nxt, MAX_CP))
    return out


def aliases(ucd, prop):
    """{canonical long name: [all names]} for the values of prop."""
    out = {}
    for f in read_lines(os.path.join(ucd, "PropertyValueAliases.txt")):
        if f[0] != prop:
            continue
        names = [x for x in f[1:] if x]
        # Long name second; the short first; extra aliases follow.
        out[names[1] if len(names) > 1 else names[0]] = names
    return out


def general_categories(ucd):
    """{leaf: ranges}; unlisted code points are Cn."""
    cats = {c: [] for c in GC_LEAVES}
    rows = list(read_lines(os.path.join(ucd, "UnicodeData.txt")))
    i = 0
    while i < len(rows):
        cp, name, gc = int(rows[i][0], 16), rows[i][1], rows[i][2]
        # <..., First> / <..., Last> pairs stand for whole ranges.
        if name.endswith(", First>"):
            cats[gc].append((cp, int(rows[i + 1][0], 16)))
            i += 2
            continue
        cats[gc].append((cp, cp))
        i += 1
    assigned = merge(r for c in cats.values() for r in c)
    cats["Cn"] = complement(assigned)
    return {c: merge(r) for c, r in cats.items()}


def scripts(ucd, sc_alias):
    short_to_long = {}
    for long_name, names in sc_alias.items():
        for n in names:
            short_to_long[n] = long_name
    sc = {}
    for f in read_lines(os.path.join(ucd, "Scripts.txt")):
        sc.setdefault(f[1], []).append(cp_range(f[0]))
    listed = merge(r for v in sc.values() for r in v)
    sc["Unknown"] = complement(listed)
    sc = {k: merge(v) for k, v in sc.items()}
    # Script_Extensions: the listed sets replace {Script} for their code
    # points; every other code point has its Script as its only extension.
    ext = {}
    for f in read_lines(os.path.join(ucd, "ScriptExtensions.txt")):
        lo, hi = cp_range(f[0])
        for cp in range(lo, hi + 1):
            ext[cp] = [short_to_long[x] for x in f[1].split()]
    scx = {k: [] for k in sc}
    override = merge((cp, cp) for cp in ext)
    for k, ranges in sc.items():
        scx[k] = subtract(ranges, override)
    for cp, names in ext.items():
        for n in names:
            scx[n].append((cp, cp))
    return sc, {k: merge(v) for k, v in scx.items()}


def subtract(a, b):
    """a minus b (both merged)."""
    out = []
    j = 0
    for lo, hi in a:
        while j < len(b) and b[j][1] < lo:
            j += 1
        k = j
        cur = lo
        while k < len(b) and b[k][0] <= hi:
            if b[k][0] > cur:
                out.append((cur, b[k][0] - 1))
            cur = max(cur, b[k][1] + 1)
            k += 1
        if cur <= hi:
            out.append((cur, hi))
    return out


def binary_props(ucd, gc):
    found = {}
    for name in BINARY_FILES:
        for f in read_lines(os.path.join(ucd, name)):
            if len(f) > 2:
                continue  # valued properties (NFKC_CF = ...) are not ours
            found.setdefault(f[1], []).append(cp_range(f[0]))
    out = {}
    for long_name, _ in BINARY:
        if long_name == "Any":
            out[long_name] = [(0, MAX_CP)]
        elif long_name == "ASCII":
            out[long_name] = [(0, 0x7F)]
        elif long_name == "Assigned":
            out[long_name] = complement(gc["Cn"])
        else:
            if long_name not in found:
                sys.exit("gen_regexp_tables: no data for " + long_name)
            out[long_name] = merge(found[long_name])
    return out


def string_props(ucd):
    """{name: (single code point ranges, [multi code point strings])}."""
    seqs = {n: ([], []) for n in STRING_PROPS}
    for name in ("emoji/emoji-sequences.txt", "emoji/emoji-zwj-sequences.txt"):
        for f in read_lines(os.path.join(ucd, name)):
            singles, strings = seqs[f[1]]
            if ".." in f[0]:
                singles.append(cp_range(f[0]))
                continue
            cps = [int(x, 16) for x in f[0].split()]
            if len(cps) == 1:
                singles.append((cps[0], cps[0]))
            else:
                strings.append(tuple(cps))
    out = {n: (merge(s), sorted(set(t))) for n, (s, t) in seqs.items()}
    union_s = merge(r for s, _ in out.values() for r in s)
    union_t = sorted(set(t for _, ts in out.values() for t in ts))
    out["RGI_Emoji"] = (union_s, union_t)
    return out


def full_upper(ucd):
    """{cp: [code points]} toUppercase for every code point that changes."""
    up = {}
    for f in read_lines(os.path.join(ucd, "UnicodeData.txt")):
        if f[12]:
            up[int(f[0], 16)] = [int(f[12], 16)]
    for f in read_lines(os.path.join(ucd, "SpecialCasing.txt")):
        if len(f) > 4 and f[4]:
            continue  # conditional mappings are not toUppercase's
        up[int(f[0], 16)] = [int(x, 16) for x in f[3].split()]
    return up


def canon_classes(canon):
    """(cp, canon) pairs of every code point in a class of two or more."""
    by = {}
    for cp, c in canon.items():
        by.setdefault(c, set()).update((cp, c))
    pairs = []
    for c, members in by.items():
        if len(members) > 1:
            for m in members:
                pairs.append((m, canon.get(m, m)))
    return sorted(set(pairs))


def fold_tables(ucd):
    scf = {}
    for f in read_lines(os.path.join(ucd, "CaseFolding.txt")):
        if f[1] in ("C", "S"):
            scf[int(f[0], 16)] = int(f[2], 16)
    up = full_upper(ucd)
    nu = {}
    for cp in range(0x10000):
        u = up.get(cp, [cp])
        if len(u) != 1 or u[0] > 0xFFFF or (cp >= 128 and u[0] < 128):
            continue
        if u[0] != cp:
            nu[cp] = u[0]
    return canon_classes(scf), canon_classes(nu)


# The encoding of every list: unsigned numbers as little-endian groups of
# five bits, one base64 character per group, with 32 added to every group
# but the last. The alphabet has no character C treats specially, so the
# lists are plain string literals (a tenth the size of numeric arrays).
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def varint(n):
    assert n >= 0
    out = ""
    while n >= 32:
        out += B64[32 + (n & 31)]
        n >>= 5
    return out + B64[n]


def zigzag(n):
    return 2 * n if n >= 0 else -2 * n - 1


def encode_ranges(ranges):
    """Each range as (gap since the previous range's end, length - 1)."""
    out, nxt = "", 0
    for lo, hi in ranges:
        out += varint(lo - nxt) + varint(hi - lo)
        nxt = hi + 1
    return out


def encode_strings(strings):
    """Each string as its length, then its code points as signed deltas
    from the previous code point (the strings are sorted, so small)."""
    out, prev = "", 0
    for s in strings:
        out += varint(len(s))
        for cp in s:
            out += varint(zigzag(cp - prev))
            prev = cp
    return out


def encode_fold(pairs):
    """(cp, canon) pairs sorted by cp: cp gap, signed canon - cp."""
    out, prev = "", 0
    for cp, c in pairs:
        out += varint(cp - prev) + varint(zigzag(c - cp))
        prev = cp
    return out


class Lists:
    """The distinct encoded range lists; identical lists are kept once."""

    def __init__(self):
        self.items, self.seen = [], {}

    def add(self, ranges):
        text = encode_ranges(ranges)
        if text not in self.seen:
            self.seen[text] = len(self.items)
            self.items.append(text)
        return self.seen[text]


def c_string(text, indent="    "):
    """text as adjacent string literals of at most 72 characters."""
    parts = [text[i:i + 72] for i in range(0, len(text), 72)] or [""]
    return "\n".join(indent + '"%s"' % p for p in parts)


def named_rows(table, alias, lists):
    """(name, list index) for every name and alias, sorted by name."""
    rows = []
    for long_name, ranges in table.items():
        idx = lists.add(ranges)
        for name in set(alias.get(long_name, [long_name]) + [long_name]):
            rows.append((name, idx))
    return sorted(rows)


def emit_rows(w, decl, rows):
    w(decl + " = {\n")
    for r in rows:
        w("    {" + ", ".join('"%s"' % x if isinstance(x, str) else str(x)
                              for x in r) + "},\n")
    w("};\n\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ucd, out_path = sys.argv[1], sys.argv[2]
    with open(os.path.join(ucd, "DerivedAge.txt"), encoding="utf-8") as f:
        version = f.readline().strip("# \n").replace("DerivedAge-", "")[:-4]
    gc_alias = aliases(ucd, "gc")
    sc_alias = aliases(ucd, "sc")
    gc = general_categories(ucd)
    sc, scx = scripts(ucd, sc_alias)
    binary = binary_props(ucd, gc)
    strings = string_props(ucd)
    fold_u, fold_nu = fold_tables(ucd)

    lists = Lists()
    leaves = [lists.add(gc[c]) for c in GC_LEAVES]
    gc_rows = []
    for long_name, names in gc_alias.items():
        parts = GC_GROUPS.get(names[0], names[0]).split()
        mask = sum(1 << GC_LEAVES.index(p) for p in parts)
        for n in set(names):
            gc_rows.append((n, "0x%X" % mask))
    gc_rows = [(n, m) for n, m in sorted(gc_rows)]
    sc_rows = named_rows(sc, sc_alias, lists)
    scx_rows = named_rows(scx, sc_alias, lists)
    bin_alias = {l: [l] + ([s] if s else []) for l, s in BINARY}
    bin_rows = named_rows(binary, bin_alias, lists)
    str_rows = []
    for name in sorted(strings):
        singles, seqs = strings[name]
        str_rows.append((name, lists.add(singles), encode_strings(seqs)))

    sets, names, folds = [], [], []
    w = sets.append
    w("static const char *const rx_lists[%d] = {\n" % len(lists.items))
    for i, text in enumerate(lists.items):
        w("    /* %d */\n%s,\n" % (i, c_string(text)))
    w("};\n\n")
    w = names.append
    w("static const uint8_t rx_gc_leaf[%d] = {%s};\n\n"
      % (len(leaves), ", ".join(map(str, leaves))))
    gc_rows = [(n, int(m, 16)) for n, m in gc_rows]
    emit_rows(w, "static const RxGcName rx_gc_names[%d]" % len(gc_rows), gc_rows)
    emit_rows(w, "static const RxPropName rx_sc_names[%d]" % len(sc_rows), sc_rows)
    emit_rows(w, "static const RxPropName rx_scx_names[%d]" % len(scx_rows), scx_rows)
    emit_rows(w, "static const RxPropName rx_bin_names[%d]" % len(bin_rows), bin_rows)
    w("static const RxStrProp rx_str_names[%d] = {\n" % len(str_rows))
    for name, idx, text in str_rows:
        w('    {"%s", %d,\n%s},\n' % (name, idx, c_string(text, "     ")))
    w("};\n\n")
    for var, pairs in (("rx_fold_u", fold_u), ("rx_fold_nu", fold_nu)):
        folds.append("static const char %s[] =\n%s;\n\n" % (var, c_string(encode_fold(pairs))))
    intro = ("/*\n * runtime/regexp_tables.h -- GENERATED by tools/gen_regexp_tables.py\n"
             " * from the Unicode Character Database %s; do not edit. Included by\n"
             " * runtime/regexp_unicode.c only; the generator documents the tables\n"
             " * and their encoding. The tables are in one file per concern.\n */\n" % version)
    write_split(out_path, "tools/gen_regexp_tables.py", intro,
                '#define RX_UNICODE_VERSION "%s"\n\n' % version, [
                    ("sets", "The code point sets of every property", "".join(sets)),
                    ("names", "Property names and aliases, sorted for bisection",
                     "".join(names)),
                    ("fold", "Case folding (u/v mode and non-unicode mode)", "".join(folds)),
                ])

if __name__ == "__main__":
    main()
