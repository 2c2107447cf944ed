/*
 * tests/unit/parser/test_regexp_syntax.c — the early errors of regular
 * expression literals (parser/regexp_syntax.c).
 *
 * Invariants: each case is one pattern and flags given to
 * prs_regexp_check; OK() expects acceptance, ERR() a rejection with exactly
 * the given reason. Cases are grouped by the rule they exercise: flags,
 * Annex B (no u/v), u mode, v mode, named groups, modifiers, \p{...},
 * UTF-16 versus code point semantics, and robustness.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "parser/regexp_syntax.h"
#include "tests/unit/check.h"

/* reason: the error reason for /p/f, or "ok" when the literal is valid. */
static const char *reason(const char *p, const char *f) {
  const char *err = NULL;
  size_t at = 0;
  bool in_flags = false;
  if (prs_regexp_check(p, strlen(p), f, strlen(f), &err, &at, &in_flags))
    return "ok";
  return err;
}

// The macros keep each case's own line number in failure reports.
#define OK(p, f) CHECK_STR(reason(p, f), "ok")
#define ERR(p, f, msg) CHECK_STR(reason(p, f), msg)

/* flags: only d g i m s u v y, once each, never u with v. */
static void test_flags(void) {
  OK("a", "");
  OK("a", "dgimsuy");
  OK("a", "dgimsvy");
  OK("a", "v");
  ERR("a", "gg", "Invalid regular expression flags");
  ERR("a", "uv", "Invalid regular expression flags");
  ERR("a", "a", "Invalid regular expression flags");
  ERR("a", "G", "Invalid regular expression flags");
  ERR("a", "\\u0067", "Invalid regular expression flags");
  // The reported position is inside the flags.
  const char *err;
  size_t at;
  bool in_flags;
  CHECK(!prs_regexp_check("a", 1, "gix", 3, &err, &at, &in_flags));
  CHECK(in_flags && at == 2);
  CHECK(!prs_regexp_check("(a", 2, "g", 1, &err, &at, &in_flags));
  CHECK(!in_flags);
}

/* Annex B.1.2: the extended grammar of patterns without u or v. */
static void test_annex_b(void) {
  OK("(?=a)*", "");    // QuantifiableAssertion
  OK("(?!a){2}", "");
  OK("{", "");         // not a quantifier: a literal
  OK("a{", "");
  OK("a{1", "");
  OK("a{,5}", "");
  OK("}", "");
  OK("]", "");
  OK("x{1}}", "");
  OK("\\a\\e\\-\\/", ""); // identity escapes of any character
  OK("\\c", "");       // \c without a letter: a literal backslash
  OK("\\c1", "");
  OK("[\\c1]", "");    // \c + digit in a class
  OK("[\\c_]", "");
  OK("[\\c]", "");
  OK("\\01\\377\\8\\9", ""); // legacy octal and \8 \9
  OK("\\k", "");       // no GroupName anywhere: identity
  OK("\\k<a>", "");
  OK("\\2(a)", "");    // \2 > 1 group: octal escape
  OK("(a)\\1", "");
  OK("\\x4\\u12\\u{41}", "");
  OK("\\p{Nope}", ""); // \p is an identity escape
  OK("[\\d-a]", "");   // a class escape as a range end
  OK("[a-\\w]", "");
  OK("[-a]", "");
  OK("[a-]", "");
  OK("[]", "");
  OK("[^]", "");
  OK("a*?b+?c??d{1,2}?", "");
  OK("a{2,2}", "");
  OK("a{0010,11}", ""); // leading zeros compare as numbers
  OK("^$\\b\\B", "");
  ERR("(?<=a)*", "", "Nothing to repeat");
  ERR("(?<!a)+", "", "Nothing to repeat");
  ERR("a**", "", "Nothing to repeat");
  ERR("a???", "", "Nothing to repeat");
  ERR("?", "", "Nothing to repeat");
  ERR("|*", "", "Nothing to repeat");
  ERR("^*", "", "Nothing to repeat");
  ERR("\\b+", "", "Nothing to repeat");
  ERR("{1}", "", "Nothing to repeat");
  ERR("x{1}{1,}", "", "Nothing to repeat");
  ERR("a{2,1}", "", "numbers out of order in {} quantifier");
  ERR("a{100000000000000000001,100000000000000000000}", "",
      "numbers out of order in {} quantifier");
  ERR("(", "", "Unterminated group");
  ERR("(a|b", "", "Unterminated group");
  ERR(")", "", "Unmatched ')'");
  ERR("a)", "", "Unmatched ')'");
  ERR("[", "", "Unterminated character class");
  ERR("[a\\]", "", "Unterminated character class");
  ERR("[z-a]", "", "Range out of order in character class");
  ERR("[a--]", "", "Range out of order in character class");
  ERR("\\", "", "\\ at end of pattern");
  ERR("(?a)", "", "Invalid group");
  ERR("(?", "", "Invalid group");
  ERR("(?<", "", "Invalid capture group name");
}

/* u mode: the strict grammar. */
static void test_unicode(void) {
  OK("\\u{1F600}\\u{0000000041}", "u");
  OK("\\uD83D\\uDE00", "u");
  OK("[\\uD83D\\uDE00-\\uD83D\\uDE01]", "u"); // pairs are one code point
  OK("[😀-😁]", "u");
  OK("\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/", "u");
  OK("[\\-]", "u");
  OK("\\0", "u");
  OK("[\\0]", "u");
  OK("\\cA\\cz", "u");
  OK("(a)\\1", "u");
  OK("(?=a)", "u");
  OK("[\\b]", "u");
  ERR("\\u{110000}", "u", "Invalid Unicode escape");
  ERR("\\u{}", "u", "Invalid Unicode escape");
  ERR("\\u{1,}", "u", "Invalid Unicode escape");
  ERR("\\u12", "u", "Invalid Unicode escape");
  ERR("\\x4", "u", "Invalid escape");
  ERR("\\a", "u", "Invalid escape");
  ERR("\\-", "u", "Invalid escape");
  ERR("\\k", "u", "Invalid named reference");
  ERR("\\k<a>", "u", "Invalid named capture referenced");
  ERR("\\c", "u", "Invalid unicode escape");
  ERR("\\c1", "u", "Invalid unicode escape");
  ERR("[\\c1]", "u", "Invalid unicode escape");
  ERR("\\00", "u", "Invalid decimal escape");
  ERR("\\1", "u", "Invalid escape");
  ERR("(a)\\2", "u", "Invalid escape");
  ERR("[\\1]", "u", "Invalid class escape");
  ERR("\\8", "u", "Invalid escape");
  ERR("{", "u", "Lone quantifier brackets");
  ERR("}", "u", "Lone quantifier brackets");
  ERR("]", "u", "Lone quantifier brackets");
  ERR("a{", "u", "Incomplete quantifier");
  ERR("a{1", "u", "Incomplete quantifier");
  ERR("(?=a)*", "u", "Nothing to repeat");
  ERR("(?!a)?", "u", "Nothing to repeat");
  ERR("[\\d-a]", "u", "Invalid character class");
  ERR("[a-\\d]", "u", "Invalid character class");
  ERR("[\\s-\\d]", "u", "Invalid character class");
  ERR("[\\B]", "u", "Invalid escape");
}

/* \p{...}: exact names from the generated tables. */
static void test_properties(void) {
  OK("\\p{L}\\p{Letter}\\p{Lu}\\P{Uppercase_Letter}", "u");
  OK("\\p{gc=Lu}\\p{General_Category=Decimal_Number}", "u");
  OK("\\p{punct}\\p{digit}\\p{cntrl}\\p{Combining_Mark}\\p{LC}", "u");
  OK("\\p{Script=Greek}\\p{sc=Grek}\\p{scx=Latn}", "u");
  OK("\\p{Script_Extensions=Hiragana}\\p{sc=Zyyy}\\p{sc=Unknown}", "u");
  OK("\\p{Script=Qaai}", "u"); // an extra alias of Inherited
  OK("\\p{ASCII}\\p{Any}\\p{Assigned}\\p{ASCII_Hex_Digit}\\p{AHex}", "u");
  OK("\\p{Alpha}\\p{White_Space}\\p{space}\\p{XIDS}\\p{Emoji}", "u");
  OK("[\\p{L}\\P{N}]", "u");
  ERR("\\p{l}", "u", "Invalid property name"); // no loose matching
  ERR("\\p{ letter}", "u", "Invalid property name");
  ERR("\\p{Uppercase_letter}", "u", "Invalid property name");
  ERR("\\p{Script=Foo}", "u", "Invalid property name");
  ERR("\\p{Block=Basic_Latin}", "u", "Invalid property name");
  ERR("\\p{General_Category}", "u", "Invalid property name");
  ERR("\\p{Script}", "u", "Invalid property name");
  ERR("\\p{Greek}", "u", "Invalid property name"); // script needs sc=
  ERR("\\p{gc=Greek}", "u", "Invalid property name");
  ERR("\\p{sc=Lu}", "u", "Invalid property name");
  ERR("\\p{ASCII=Yes}", "u", "Invalid property name");
  ERR("\\p{Line_Break}", "u", "Invalid property name"); // not a binary prop
  ERR("\\p{}", "u", "Invalid property name");
  ERR("\\p{L", "u", "Invalid property name");
  ERR("\\p", "u", "Invalid property name");
  ERR("\\pL", "u", "Invalid property name");
  ERR("\\p{gc=}", "u", "Invalid property name");
  ERR("\\p{RGI_Emoji}", "u", "Invalid property name"); // strings: v only
}

/* v mode: class set expressions. */
static void test_unicode_sets(void) {
  OK("[[a-z]&&[aeiou]]", "v");
  OK("[\\w--\\d]", "v");
  OK("[\\w--\\d--_]", "v");
  OK("[[a-z]--[aeiou]]", "v");
  OK("[\\p{L}&&\\p{Script=Greek}&&[^\\d]]", "v");
  OK("[[a-z]&&[^b]]", "v");
  OK("[]", "v");
  OK("[^]", "v");
  OK("[[]]", "v");
  OK("[\\q{abc|d|}]", "v");
  OK("[\\q{}]", "v");
  OK("[\\p{RGI_Emoji}]", "v");
  OK("\\p{RGI_Emoji_Flag_Sequence}\\p{Basic_Emoji}", "v");
  OK("[\\p{RGI_Emoji}--\\q{abc}]", "v");
  ERR("[^\\p{RGI_Emoji}--\\q{ab}]", "v",
      "Negated character class may contain strings"); // the first counts
  OK("[^\\w--\\q{ab}]", "v");
  OK("[^\\q{a|b}]", "v");  // every string is one character
  OK("[^[\\q{ab}&&a]]", "v"); // an intersection with a single char set
  OK("[&!#a]", "v");       // single reserved punctuators are characters
  OK("[\\&\\&\\-\\!\\!]", "v");
  OK("[\\(\\)\\[\\]\\{\\}\\/\\|]", "v");
  OK("[a&b]", "v");
  OK("[😀-😁]", "v");
  ERR("[\\p{L}&&\\p{N}--a]", "v", "Invalid set operation in character class");
  ERR("[a--b&&c]", "v", "Invalid set operation in character class");
  ERR("[ab&&c]", "v", "Invalid set operation in character class");
  ERR("[a-z&&b]", "v", "Invalid set operation in character class");
  ERR("[a&&b-c]", "v", "Invalid set operation in character class");
  ERR("[a-z--b]", "v", "Invalid set operation in character class");
  ERR("[a&&&b]", "v", "Invalid character in character class");
  ERR("[&&a]", "v", "Invalid set operation in character class");
  ERR("[a&&]", "v", "Invalid character in character class");
  ERR("[a--]", "v", "Invalid character in character class");
}

/* v mode: reserved double punctuators, syntax characters, strings. */
static void test_unicode_sets_reserved(void) {
  ERR("[a!!b]", "v", "Invalid set operation in character class");
  ERR("[##]", "v", "Invalid set operation in character class");
  ERR("[a$$]", "v", "Invalid set operation in character class");
  ERR("[%%]", "v", "Invalid set operation in character class");
  ERR("[**]", "v", "Invalid set operation in character class");
  ERR("[++]", "v", "Invalid set operation in character class");
  ERR("[,,]", "v", "Invalid set operation in character class");
  ERR("[..]", "v", "Invalid set operation in character class");
  ERR("[::]", "v", "Invalid set operation in character class");
  ERR("[;;]", "v", "Invalid set operation in character class");
  ERR("[<<]", "v", "Invalid set operation in character class");
  ERR("[==]", "v", "Invalid set operation in character class");
  ERR("[>>]", "v", "Invalid set operation in character class");
  ERR("[??]", "v", "Invalid set operation in character class");
  ERR("[@@]", "v", "Invalid set operation in character class");
  ERR("[a^^]", "v", "Invalid set operation in character class");
  ERR("[``]", "v", "Invalid set operation in character class");
  ERR("[~~]", "v", "Invalid set operation in character class");
  ERR("[(]", "v", "Invalid character in character class");
  ERR("[)]", "v", "Invalid character in character class");
  ERR("[{]", "v", "Invalid character in character class");
  ERR("[}]", "v", "Invalid character in character class");
  ERR("[/]", "v", "Invalid character in character class");
  ERR("[-]", "v", "Invalid character in character class");
  ERR("[a-]", "v", "Invalid character in character class");
  ERR("[|]", "v", "Invalid character in character class");
  ERR("[a]]", "v", "Lone quantifier brackets");
  ERR("[[a]", "v", "Unterminated character class");
  ERR("[z-a]", "v", "Range out of order in character class");
  ERR("[^\\p{RGI_Emoji}]", "v", "Negated character class may contain strings");
  ERR("[^\\q{ab}]", "v", "Negated character class may contain strings");
  ERR("[^\\q{}]", "v", "Negated character class may contain strings");
  ERR("[^[\\p{RGI_Emoji}]]", "v",
      "Negated character class may contain strings");
  ERR("[^\\q{ab}&&\\p{RGI_Emoji}]", "v",
      "Negated character class may contain strings");
  ERR("\\P{RGI_Emoji}", "v", "Invalid property name");
  ERR("[\\P{Basic_Emoji}]", "v", "Invalid property name");
  ERR("[\\q{\\d}]", "v", "Invalid escape");
  ERR("[\\q{a]", "v", "Invalid character in character class");
  ERR("[\\q{a", "v", "Unterminated character class");
  ERR("[a-z&&[aeiou]]", "v", "Invalid set operation in character class");
  ERR("[\\q]", "v", "Invalid escape");
  ERR("\\q{a}", "v", "Invalid escape"); // \q only inside a class
  ERR("[\\a]", "v", "Invalid escape");
}

/* named groups, \k references and ES2025 duplicate names. */
static void test_named_groups(void) {
  OK("(?<a>x)\\k<a>", "");
  OK("\\k<a>(?<a>x)", "");  // forward references
  OK("(?<a>x)\\k<a>", "u");
  OK("(?<$_a1>x)(?<_>y)(?<$>z)", "");
  OK("(?<π>x)(?<ǅ>y)", "u");
  OK("(?<\\u0061b>x)\\k<ab>", "");
  OK("(?<a\\u{62}>x)\\k<\\u0061b>", ""); // \u{..} in names without u
  OK("(?<\\uD835\\uDC9C>x)", "");        // a pair: U+1D49C, ID_Start
  OK("(?<\\u{1D49C}>x)", "u");
  OK("(?<𝒜>x)", "");                     // the same, written literally
  OK("(?<a\u200c\u200d>x)", "u");        // ZWNJ, ZWJ continue names
  OK("(?<a>x)|(?<a>y)", "");
  OK("((?<a>x)|(?<a>y))|(?<a>z)", "");
  OK("(?:(?<a>x)|y)|(?<a>z)", "");
  OK("(?<a>x)|(?:(?<a>y)|(?<a>z))", "u");
  OK("(?<a>x)|(?<b>y)\\k<a>", "");
  ERR("(?<a>x)(?<a>y)", "", "Duplicate capture group name");
  ERR("(?<a>x)(?<\\u0061>y)", "", "Duplicate capture group name");
  ERR("((?<a>x)|(?<a>y))(?<a>z)", "", "Duplicate capture group name");
  ERR("(?<a>x)|(?<a>y)(?<a>z)", "", "Duplicate capture group name");
  ERR("(?:(?<a>x)|y)(?<a>z)", "", "Duplicate capture group name");
  ERR("(?<a>(?<a>x))", "u", "Duplicate capture group name");
  ERR("(?<>x)", "", "Invalid capture group name");
  ERR("(?<1a>x)", "", "Invalid capture group name");
  ERR("(?<a-b>x)", "", "Invalid capture group name");
  ERR("(?<a", "", "Invalid capture group name");
  ERR("(?<a>x)(?<\\uD835>y)", "", "Invalid capture group name");
  ERR("(?<\\u{110000}>x)", "", "Invalid capture group name");
  ERR("(?<\\x41>x)", "", "Invalid capture group name");
  ERR("(?<a>x)\\k<b>", "", "Invalid named capture referenced");
  ERR("(?<a>x)\\k", "", "Invalid named reference");
  ERR("(?<a>x)\\k<a", "", "Invalid capture group name");
  ERR("(?<a>x)[\\k]", "", "Invalid named reference");
  ERR("\\k<a>(?<b>x)", "", "Invalid named capture referenced");
  ERR("(?<ab>x)\\k<a>", "u", "Invalid named capture referenced");
}

/* ES2025 modifiers (?ims-ims:...). */
static void test_modifiers(void) {
  OK("(?i:a)", "");
  OK("(?-i:a)", "");
  OK("(?im-s:a)", "u");
  OK("(?ims-:a)", "");
  OK("(?-ims:a)*", "v");
  ERR("(?ii:a)", "", "Repeated flag in modifiers");
  ERR("(?i-i:a)", "", "Repeated flag in modifiers");
  ERR("(?-mm:a)", "", "Repeated flag in modifiers");
  ERR("(?-:a)", "", "Invalid flags in modifiers");
  ERR("(?u:a)", "", "Invalid group");
  ERR("(?I:a)", "", "Invalid group");
  ERR("(?i-g:a)", "", "Invalid group");
  ERR("(?i)", "", "Invalid group");
  ERR("(?i--m:a)", "", "Invalid group");
  ERR("(?\\u0069:a)", "", "Invalid group");
}

/* UTF-16 units without u/v, code points with them. */
static void test_code_units(void) {
  ERR("[😀-😁]", "", "Range out of order in character class"); // \uDE00-\uD83D
  ERR("[\\uD83D\\uDE00-\\uD83D\\uDE01]", "",
      "Range out of order in character class");
  OK("[\\uD83D\\uDE00-\\uD83D\\uDE01]", "v");
  OK("[😀-\\uFFFF]", ""); // the low half, \uDE00, is below \uFFFF
  ERR("[😀-\\uFFFF]", "u", "Range out of order in character class");
  OK("[\\u{41}-\\u{5A}]", "u");
  ERR("[\\u{5A}-\\u{41}]", "u", "Range out of order in character class");
  OK("😀+é*", "");
  OK("[é-ë]", "");
  ERR("[ë-é]", "", "Range out of order in character class");
  OK("[\\x41-\\x5a\\101-\\132]", "");
  ERR("[\\x5a-\\x41]", "", "Range out of order in character class");
  OK("[\\cA-\\cZ]", "");
}

/* Never crash or hang: deep nesting, huge numbers, invalid UTF-8. */
static void test_robust(void) {
  size_t n = 100000;
  char *p = malloc(2 * n + 2);
  memset(p, '(', n);
  p[n] = '\0';
  ERR(p, "", "Regular expression too large");
  memset(p, '[', n);
  ERR(p, "v", "Regular expression too large");
  ERR(p, "", "Unterminated character class"); // '[' is literal in a class
  // 2000 nested groups stay within the limit.
  memset(p, '(', 2000);
  memset(p + 2000, ')', 2000);
  p[4000] = '\0';
  OK(p, "");
  free(p);
  OK("a{99999999999999999999999}", "");
  OK("\\99999999999999999999999", "");
  OK("\xff\xfe[\xc0-\xff]\x80", "");
  OK("(?<a>x\xe2)", ""); // malformed UTF-8 reads as U+FFFD ...
  ERR("(?<\xe2>x)", "", "Invalid capture group name"); // ... not ID_Start
  // A NUL byte is an ordinary character: the length is what counts.
  const char *err;
  size_t at;
  bool in_flags;
  CHECK(prs_regexp_check("a\0b", 3, "", 0, &err, &at, &in_flags));
  CHECK(!prs_regexp_check("a\0(", 3, "", 0, &err, &at, &in_flags));
  OK("", "");
}

int main(void) {
  test_flags();
  test_annex_b();
  test_unicode();
  test_properties();
  test_unicode_sets();
  test_unicode_sets_reserved();
  test_named_groups();
  test_modifiers();
  test_code_units();
  test_robust();
  return check_report(__FILE__);
}
