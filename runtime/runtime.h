/*
 * runtime/runtime.h — the runtime's API: the VM and its realm, strings,
 * conversions, property access, calls, exceptions and the built-in
 * library. Everything above runtime/ (ignition, host) uses only this.
 *
 * Invariants:
 *  - The JSValue bit layout is known only to runtime/value.h.
 *  - Every heap object is allocated through orinoco (ori_alloc) and every
 *    store into one goes through ORI_STORE.
 *  - Errors: a function that can throw returns JS_EXCEPTION (JSValue
 *    results), -1 (int results) or false (bool results, documented), with
 *    the thrown value in vm->exception. Callers propagate it unchanged.
 *  - A "property key" (JSValue key below) is an interned non-index
 *    string, a symbol, or an array index (0..2^32-2) held as a number.
 *    js_to_property_key makes one from any value.
 *  - Natives (JSNative) receive argc actual arguments; js_arg(i) reads
 *    undefined past the end. new_target is undefined for [[Call]].
 */
#ifndef JSVM_RUNTIME_H
#define JSVM_RUNTIME_H

#include <stdarg.h>
#include <stdio.h>

#include "runtime/object.h"
#include "runtime/value.h"

enum {
#define JS_ATOM(id, text) JS_ATOM_##id,
#include "runtime/atoms.def"
  JS_ATOM_COUNT
};
enum {
#define JS_INTRINSIC(id) JS_INTRINSIC_##id,
#include "runtime/intrinsics.def"
  JS_INTRINSIC_COUNT
};
/* The well-known symbols, in vm->symbol[]. */
#define JS_WELL_KNOWN_SYMBOLS(X) X(asyncIterator) X(hasInstance) \
  X(isConcatSpreadable) X(iterator) X(match) X(matchAll) X(replace) \
  X(search) X(species) X(split) X(toPrimitive) X(toStringTag) X(unscopables) \
  X(asyncDispose) X(dispose)
enum {
#define JS_SYM_ENUM(n) JS_SYMBOL_##n,
  JS_WELL_KNOWN_SYMBOLS(JS_SYM_ENUM)
#undef JS_SYM_ENUM
  JS_SYMBOL_COUNT
};

/* {==== The VM and its realm ====} */

typedef struct JSRealm {
  JSValue global;                    /* the global object */
  JSValue global_lexicals;           /* JSDict: script-level let/const */
  JSValue intrinsic[JS_INTRINSIC_COUNT];
  JSMap *object_map;                 /* {} with Object.prototype */
  JSMap *array_map;
  JSMap *function_map, *strict_function_map, *arrow_map, *method_map;
  JSMap *constructor_map, *class_map;
  JSMap *error_map[8];
  /* wrapper maps made by js_to_object, created on first use: Boolean,
   * Number, String, Symbol, BigInt (convert.c's enum gives the order) */
  JSMap *primitive_map[5];
  JSMap *arguments_map;
  JSMap *generator_function_map, *async_function_map, *async_generator_function_map;
  /* maps of built-in iterator objects, one per runtime/iterator.h
   * JSIterBrand, created on first use by js_new_iterator */
  JSMap *iterator_map[8];
} JSRealm;

typedef struct JSJob {
  JSValue fn;            /* callable */
  JSValue args[3];
  int argc;
} JSJob;

typedef struct JSStringTable {
  JSString **slots;      /* open addressing, NULL = empty */
  uint32_t mask, count;
} JSStringTable;

struct IgnState;

struct JSVM {
  JSValue exception;                 /* pending exception (if any) */
  bool has_exception;
  JSRealm *realm;                    /* the running execution context's realm */
  JSRealm **realms;                  /* every realm (GC roots; never freed) */
  uint32_t nrealms, realms_cap;
  JSValue atom[JS_ATOM_COUNT];
  JSValue symbol[JS_SYMBOL_COUNT];
  JSStringTable strings;             /* interned strings */
  JSValue symbol_registry;           /* JSDict: Symbol.for */
  /* maps of internal cells */
  JSMap *meta_map, *string_map, *symbol_map, *array_store_map, *bytes_map,
      *dict_map, *shared_map, *env_map, *feedback_map, *accessor_map,
      *bigint_map, *hash_table_map, *transitions_map;
  JSValue single_char[256];          /* one-character Latin-1 strings */
  JSJob *jobs;                       /* the microtask queue (a ring) */
  uint32_t job_head, job_count, job_cap;
  struct IgnState *ign;              /* the interpreter's state */
  uint32_t next_map_id;
  uint32_t native_depth;             /* C recursion through natives */
  JSValue callee;                    /* the native being called */
  char *c_stack_limit;               /* below this: stack overflow */
  size_t stack_limit_bytes;
  char *c_stack_base;
  FILE *out, *err;
  bool expose_gc;
  bool proto_elements;               /* some prototype has indexed properties */
  uint32_t proto_epoch;              /* bumped when a prototype changes shape:
                                        inline caches of inherited properties
                                        and of transitions check it */
  JSValue script_name;               /* the main script's name */
  bool regexp_fallback_set;          /* --regexp-backtracks-before-fallback=N */
  uint32_t regexp_backtracks_before_fallback; /* its N (regexp_exec.c) */
};

/* js_vm_new: a VM with one realm whose globals are all installed. */
JSVM *js_vm_new(void);
/* js_gc_init: give the collector the runtime's layouts, roots and weak
 * tables (runtime/heap_roots.c); js_vm_new calls it first. */
void js_gc_init(JSVM *vm);
/* js_layout_init: register the body descriptors (runtime/layout.c). */
void js_layout_init(void);
/* WeakRef support (heap_roots.c): js_keep_during_job is AddToKeptObjects
 * (the target stays alive until the job queue drains, when
 * js_clear_kept_objects runs); registries whose targets the collector
 * cleared wait in a list that js_run_jobs drains with
 * js_gc_take_cleanup. */
void js_keep_during_job(JSVM *vm, JSValue v);
void js_clear_kept_objects(JSVM *vm);
void js_gc_note_cleanup(JSValue registry);
bool js_gc_take_cleanup(JSVM *vm, JSValue *registry);
/* js_string_table_sweep: drop dead interned strings (weak hook). */
void js_string_table_sweep(JSVM *vm, OriVisitor *v);

/* js_init_builtins: run every builtin family's installer (builtins.c). */
void js_init_builtins(JSVM *vm);
/* js_new_realm: CreateRealm + SetDefaultGlobalBindings: a realm of its
 * own global object and intrinsics, with every builtin family installed
 * (realm.c). vm->realm is left as it was. */
JSRealm *js_new_realm(JSVM *vm);
/* js_function_realm: GetFunctionRealm(obj) (§7.3.24): a function's
 * [[Realm]], through bound functions and proxies; the current realm for
 * other objects; NULL with a TypeError for a revoked proxy. */
JSRealm *js_function_realm(JSVM *vm, JSValue obj);

/* js_intrinsic: %name% of the current realm. */
#define js_intrinsic(vm, id) ((vm)->realm->intrinsic[JS_INTRINSIC_##id])

/* {==== Exceptions ====} */

JSValue js_throw(JSVM *vm, JSValue v);
JSValue js_throw_type_error(JSVM *vm, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
JSValue js_throw_range_error(JSVM *vm, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
JSValue js_throw_reference_error(JSVM *vm, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
JSValue js_throw_syntax_error(JSVM *vm, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* js_throw_incompatible_receiver: V8's "Method Cls.prototype.method
 * called on incompatible receiver X" TypeError (X: ToString of a
 * primitive, #<Object> otherwise); JS_EXCEPTION. */
JSValue js_throw_incompatible_receiver(JSVM *vm, const char *cls, const char *method,
                                       JSValue self);
/* js_throw_error: kind is one of the JS_ERR_* below. */
enum { JS_ERR_Error, JS_ERR_EvalError, JS_ERR_RangeError,
       JS_ERR_ReferenceError, JS_ERR_SyntaxError, JS_ERR_TypeError,
       JS_ERR_URIError, JS_ERR_AggregateError };
JSValue js_throw_error(JSVM *vm, int kind, const char *fmt, va_list ap);
/* js_new_error: an error object of kind with message (a string). */
JSValue js_new_error(JSVM *vm, int kind, JSValue message);
/* js_take_exception: the pending exception, now cleared. */
JSValue js_take_exception(JSVM *vm);

/* {==== Strings (runtime/string.c) ====} */

/* The longest string, in code units (V8's limit on 64-bit hosts): longer
 * concatenations and builders throw RangeError: Invalid string length. */
#define JS_STRING_MAX_LENGTH ((1u << 30) - 25)

/* js_strings_init: the string table and vm->single_char[]. The VM calls
 * it once, right after creating vm->string_map and before any js_atom. */
void js_strings_init(JSVM *vm);

JSValue js_string_from_latin1(JSVM *vm, const uint8_t *s, size_t n);
JSValue js_string_from_utf16(JSVM *vm, const uint16_t *s, size_t n);
/* from WTF-8 (UTF-8 that may encode lone surrogates) */
JSValue js_string_from_utf8(JSVM *vm, const char *s, size_t n);
JSValue js_string_from_cstr(JSVM *vm, const char *s);
/* js_string_alloc: an uninitialized flat string to fill in. */
JSString *js_string_alloc(JSVM *vm, uint32_t length, bool two_byte);
/* js_string_concat: a + b (a cons string when long); JS_EXCEPTION when
 * the result is too long (RangeError: Invalid string length). */
JSValue js_string_concat(JSVM *vm, JSValue a, JSValue b);
/* js_string_flat: the flat form of s (flattening a cons in place). */
JSString *js_string_flat(JSVM *vm, JSString *s);
static inline uint16_t js_flat_char(const JSString *s, uint32_t i) {
  return (s->flags & JS_STR_TWO_BYTE) ? s->u.c16[i] : s->u.c8[i];
}
JSValue js_string_substring(JSVM *vm, JSValue s, uint32_t start, uint32_t end);
bool js_string_equal(JSVM *vm, JSValue a, JSValue b);
int js_string_compare(JSVM *vm, JSValue a, JSValue b);   /* <0, 0, >0 */
uint32_t js_string_hash(JSVM *vm, JSString *s);
/* js_intern: the interned string equal to s. */
JSValue js_intern(JSVM *vm, JSValue s);
JSValue js_atom(JSVM *vm, const char *cstr);
/* js_string_utf8: s as malloc'd WTF-8 (NUL-terminated; free it). */
char *js_string_utf8(JSVM *vm, JSValue s, size_t *len);
/* js_string_char_code: code unit i of s (i < length). */
uint16_t js_string_char_code(JSVM *vm, JSValue s, uint32_t i);
static inline uint32_t js_string_length(JSValue s) { return js_str(s)->length; }

/* A growable string builder (malloc'd buffer; the result is a heap
 * string). Latin-1 until a wider char arrives. */
typedef struct JSStrBuf {
  JSVM *vm;
  uint8_t *b8;
  uint16_t *b16;
  uint32_t len, cap;
  bool two_byte;
  bool failed;          /* too long: finish throws RangeError */
} JSStrBuf;
void js_sb_init(JSStrBuf *sb, JSVM *vm);
void js_sb_char(JSStrBuf *sb, uint16_t c);
void js_sb_codepoint(JSStrBuf *sb, uint32_t cp);
void js_sb_ascii(JSStrBuf *sb, const char *s);
void js_sb_latin1(JSStrBuf *sb, const uint8_t *s, size_t n);
void js_sb_string(JSStrBuf *sb, JSValue s);
void js_sb_printf(JSStrBuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* js_sb_finish: the string (or JS_EXCEPTION); frees the buffer. */
JSValue js_sb_finish(JSStrBuf *sb);
void js_sb_free(JSStrBuf *sb);

/* js_get_substitution: GetSubstitution (ECMA-262 §22.1.3.19.1) for
 * String.prototype.replace/replaceAll and RegExp's @@replace: the
 * replacement template with $$, $&, $`, $', $n/$nn (captures[0..n), each
 * a string or undefined) and $<name> (read from named, unless undefined)
 * expanded; position is the match's index in str. JS_EXCEPTION when a
 * named capture's getter or ToString throws, or the result is too long. */
JSValue js_get_substitution(JSVM *vm, JSValue matched, JSValue str, uint32_t position,
                            int ncaptures, const JSValue *captures, JSValue named,
                            JSValue replacement);

/* {==== Symbols ====} */

JSValue js_new_symbol(JSVM *vm, JSValue description);

/* {==== Conversions (runtime/convert.c) ====} */

bool js_to_boolean(JSValue v);
/* js_to_number: false on exception. */
bool js_to_number(JSVM *vm, JSValue v, double *out);
/* js_to_numeric: a number (or BigInt) value, or JS_EXCEPTION. */
JSValue js_to_numeric(JSVM *vm, JSValue v);
JSValue js_to_string(JSVM *vm, JSValue v);
JSValue js_to_object(JSVM *vm, JSValue v);
enum { JS_HINT_DEFAULT, JS_HINT_NUMBER, JS_HINT_STRING };
JSValue js_to_primitive(JSVM *vm, JSValue v, int hint);
JSValue js_to_property_key(JSVM *vm, JSValue v);
bool js_to_int32(JSVM *vm, JSValue v, int32_t *out);
bool js_to_uint32(JSVM *vm, JSValue v, uint32_t *out);
bool js_to_integer_or_infinity(JSVM *vm, JSValue v, double *out);
bool js_to_length(JSVM *vm, JSValue v, double *out);   /* 0..2^53-1 */
bool js_to_index(JSVM *vm, JSValue v, double *out);
int32_t js_double_to_int32(double d);
/* js_number_to_string: Number::toString(10). */
JSValue js_number_to_string(JSVM *vm, double d);
/* js_key_is_index: whether key is an array index; sets *index. */
static inline bool js_key_is_index(JSValue key, uint32_t *index) {
  if (js_is_int32(key)) { *index = (uint32_t)js_int32(key); return true; }
  if (js_is_double(key)) { *index = (uint32_t)js_double(key); return true; }
  return false;
}
/* js_index_key: the property key for array index i. */
static inline JSValue js_index_key(uint32_t i) {
  return i <= INT32_MAX ? js_from_int32((int32_t)i) : js_from_double(i);
}
/* js_key_to_string: a key as a string value (indices spelled out). */
JSValue js_key_to_string(JSVM *vm, JSValue key);
bool js_same_value(JSValue a, JSValue b);
bool js_same_value_zero(JSValue a, JSValue b);
bool js_strict_equals(JSVM *vm, JSValue a, JSValue b);
/* js_loose_equals: 1, 0, or -1 on exception. */
int js_loose_equals(JSVM *vm, JSValue a, JSValue b);
/* js_typeof: the typeof string of v. */
JSValue js_typeof(JSVM *vm, JSValue v);

/* {==== Objects (runtime/object.c, runtime/map.c) ====} */

typedef struct JSPropDesc {
  JSValue value, get, set;
  uint8_t attrs;         /* JS_ATTR_* values when the has_ flag is set */
  bool has_value, has_get, has_set, has_writable, has_enumerable,
      has_configurable;
} JSPropDesc;

JSValue js_new_object(JSVM *vm);                    /* proto Object.prototype */
JSValue js_new_object_proto(JSVM *vm, JSValue proto);   /* proto or null */
/* js_new_object_of: an object of the given map (fixed-size types). */
JSObject *js_new_object_of(JSVM *vm, JSMap *map);
JSMap *js_new_map(JSVM *vm, JSType type, JSValue proto, uint32_t size,
                  uint32_t inline_count);

JSValue js_get(JSVM *vm, JSValue obj, JSValue key);  /* obj: any value */
JSValue js_get_with_receiver(JSVM *vm, JSValue obj, JSValue key, JSValue receiver);
JSValue js_get_index(JSVM *vm, JSValue obj, uint32_t i);
JSValue js_get_atom(JSVM *vm, JSValue obj, int atom);
JSValue js_get_str(JSVM *vm, JSValue obj, const char *name);
/* js_set: [[Set]] with receiver obj. 1 done, 0 refused (TypeError thrown
 * when strict; returns -1 then), -1 exception. */
int js_set(JSVM *vm, JSValue obj, JSValue key, JSValue v, bool strict);
int js_set_with_receiver(JSVM *vm, JSValue obj, JSValue key, JSValue v,
                         JSValue receiver, bool strict);
int js_set_index(JSVM *vm, JSValue obj, uint32_t i, JSValue v, bool strict);
/* js_get_own_property: 1 found (*desc filled), 0 absent, -1 exception. */
int js_get_own_property(JSVM *vm, JSValue obj, JSValue key, JSPropDesc *desc);
/* js_define_own_property: 1 done, 0 refused (TypeError when throw), -1. */
int js_define_own_property(JSVM *vm, JSValue obj, JSValue key,
                           const JSPropDesc *desc, bool throw_on_fail);
/* js_define_value: CreateDataProperty with attrs (1, 0 refused, -1). */
int js_define_value(JSVM *vm, JSValue obj, JSValue key, JSValue v, int attrs);
/* js_create_data_property_or_throw: -1 on exception (incl. refusal). */
int js_create_data_property_or_throw(JSVM *vm, JSValue obj, JSValue key, JSValue v);
int js_has_property(JSVM *vm, JSValue obj, JSValue key);      /* 1, 0, -1 */
int js_has_own_property(JSVM *vm, JSValue obj, JSValue key);  /* 1, 0, -1 */
int js_delete_property(JSVM *vm, JSValue obj, JSValue key, bool strict);
/* js_own_keys: the [[OwnPropertyKeys]] list (indices ascending, then
 * strings in creation order, then symbols), as a JSArrayStore with
 * `used` entries; flags choose what to include. NULL on exception. */
enum { JS_KEYS_STRINGS = 1, JS_KEYS_SYMBOLS = 2, JS_KEYS_ENUMERABLE_ONLY = 4 };
JSArrayStore *js_own_keys(JSVM *vm, JSValue obj, int flags);
JSValue js_get_prototype_of(JSVM *vm, JSValue obj);   /* object/null or exc */
int js_set_prototype_of(JSVM *vm, JSValue obj, JSValue proto); /* 1/0/-1 */
int js_prevent_extensions(JSVM *vm, JSValue obj);     /* 1/0/-1 */
int js_is_extensible(JSVM *vm, JSValue obj);          /* 1/0/-1 */
/* js_from_property_descriptor / js_to_property_descriptor: the spec's
 * conversions between JSPropDesc and descriptor objects. */
JSValue js_from_property_descriptor(JSVM *vm, const JSPropDesc *d);
bool js_to_property_descriptor(JSVM *vm, JSValue obj, JSPropDesc *d);
/* js_instance_of: OrdinaryHasInstance / instanceof (1, 0, -1). */
int js_instance_of(JSVM *vm, JSValue v, JSValue target);
int js_ordinary_has_instance(JSVM *vm, JSValue c, JSValue v);
JSValue js_get_method(JSVM *vm, JSValue v, JSValue key); /* undefined ok */
/* js_species_constructor: SpeciesConstructor(o, default). */
JSValue js_species_constructor(JSVM *vm, JSValue o, JSValue dflt);
/* js_get_prototype_from_ctor: new_target.prototype or the intrinsic of
 * new_target's realm (GetPrototypeFromConstructor). */
JSValue js_get_prototype_from_ctor(JSVM *vm, JSValue new_target, int intrinsic);

/* Arrays */
JSValue js_new_array(JSVM *vm, uint32_t length);          /* holey */
JSValue js_new_array_from(JSVM *vm, uint32_t n, const JSValue *v);
int js_array_push(JSVM *vm, JSValue arr, JSValue v);      /* 1 or -1 */
/* js_length_of_array_like: LengthOfArrayLike (false on exception). */
bool js_length_of_array_like(JSVM *vm, JSValue obj, double *len);
/* js_create_list_from_array_like: NULL on exception. */
JSArrayStore *js_list_from_array_like(JSVM *vm, JSValue obj);
JSArrayStore *js_new_store(JSVM *vm, uint32_t capacity);
JSArrayStore *js_store_push(JSVM *vm, JSArrayStore *s, JSValue v);  /* may move */

/* {==== Functions and calls ====} */

/* js_arg: argument i, or undefined. */
#define js_arg(i) ((i) < argc ? argv[(i)] : JS_UNDEFINED)
JSValue js_call(JSVM *vm, JSValue fn, JSValue self, int argc, JSValue *argv);
JSValue js_construct(JSVM *vm, JSValue fn, int argc, JSValue *argv,
                     JSValue new_target);
JSValue js_invoke(JSVM *vm, JSValue obj, JSValue key, int argc, JSValue *argv);
/* js_throw_not_callable: TypeError "<v> is not a function". */
JSValue js_throw_not_callable(JSVM *vm, JSValue v);
/* js_new_native: a builtin function object. */
JSValue js_new_native(JSVM *vm, const char *name, JSNative fn, int length,
                      int magic);
/* js_new_native_ctor: a constructor with a fresh prototype property
 * pointing at proto (proto.constructor set back). */
JSValue js_new_native_ctor(JSVM *vm, const char *name, JSNative fn, int length,
                           JSValue proto);
/* Installing builtins: method (writable, configurable), getter, value. */
JSValue js_def_method(JSVM *vm, JSValue obj, const char *name, JSNative fn,
                      int length);
JSValue js_def_method_magic(JSVM *vm, JSValue obj, const char *name,
                            JSNative fn, int length, int magic);
/* js_def_method_key: key is a property key (e.g. a well-known symbol);
 * name is the function's name ("[Symbol.iterator]"). */
JSValue js_def_method_key(JSVM *vm, JSValue obj, JSValue key,
                          const char *name, JSNative fn, int length);
void js_def_getter(JSVM *vm, JSValue obj, const char *name, JSNative get,
                   JSNative set);
void js_def_getter_key(JSVM *vm, JSValue obj, JSValue key, const char *name,
                       JSNative get, JSNative set);
void js_def_value(JSVM *vm, JSValue obj, const char *name, JSValue v, int attrs);
/* js_native_magic: the magic number of the native being called. */
int js_native_magic(JSVM *vm);
/* js_native_callee: the function object of the native being called (for
 * natives that keep state in their own properties or slots). */
#define js_native_callee(vm) ((vm)->callee)
/* js_check_stack: false (RangeError thrown) when the C stack is nearly
 * exhausted; natives that recurse call it. */
bool js_check_stack(JSVM *vm);
/* js_new_function_object: a function object of map for shared (closures
 * are made by the interpreter with the same routine). */
JSFunction *js_new_function_object(JSVM *vm, JSMap *map, JSShared *shared);
JSShared *js_new_shared(JSVM *vm, JSValue name, uint32_t flags, int length);
/* js_function_prototype_object: the `prototype` object a function gets on
 * first access (functions are created with a hole there). */
JSValue js_function_prototype_object(JSVM *vm, JSFunction *fn);
/* js_function_source: the source text of a bytecode function (a
 * string), or undefined for natives and bound functions. */
JSValue js_function_source(JSVM *vm, JSValue fn);
/* js_set_function_name: SetFunctionName(fn, key, prefix). */
void js_set_function_name(JSVM *vm, JSValue fn, JSValue key, const char *prefix);

/* Private elements (#x) under private symbols. kind: 0 field, 1 method,
 * 2 getter, 3 setter. */
int js_private_define(JSVM *vm, JSValue obj, JSValue sym, JSValue v, int kind);
JSValue js_private_get(JSVM *vm, JSValue obj, JSValue sym);
int js_private_set(JSVM *vm, JSValue obj, JSValue sym, JSValue v);
int js_private_has(JSVM *vm, JSValue obj, JSValue sym);

/* {==== Jobs (runtime/job.c) ====} */

void js_enqueue_job(JSVM *vm, JSValue fn, int argc, const JSValue *args);
/* js_run_jobs: drain the microtask queue; false if a job threw (the
 * exception is pending). */
bool js_run_jobs(JSVM *vm);

/* {==== Printing (runtime/inspect.c) ====} */

/* js_inspect: node's util.inspect rendering of v (console.log style). */
JSValue js_inspect(JSVM *vm, JSValue v);
/* js_print_value: fputs of js_to_string or inspect, for the CLI. */
void js_print_value(JSVM *vm, FILE *out, JSValue v);

/* {==== Builtin families: each installs itself into the realm ====} */

/* One family per line (files runtime/builtins_<family>.c), in install
 * order; a family is listed once its installer exists. */
#define JS_BUILTIN_FAMILIES(X) \
  X(global)                    \
  X(object)                    \
  X(function)                  \
  X(error)                     \
  X(symbol)                    \
  X(boolean)                   \
  X(reflect)                   \
  X(uri)                       \
  X(escape)                    \
  X(string)                    \
  X(number)                    \
  X(bigint)                    \
  X(math)                      \
  X(json)                      \
  X(console)                   \
  X(iterator)                  \
  X(iterator_helpers)          \
  X(array)                     \
  X(array_async)               \
  X(regexp)                    \
  X(promise)                   \
  X(collections)               \
  X(weakref)                   \
  X(clone)                     \
  X(generator)                 \
  X(eval)                      \
  X(date)                      \
  X(typedarray)                \
  X(base64)                    \
  X(atomics)                   \
  X(proxy)                     \
  X(suppressed_error)          \
  X(disposable)                \
  /* end of families */
#define JS_DECLARE_INIT(f) void js_init_##f(JSVM *vm);
JS_BUILTIN_FAMILIES(JS_DECLARE_INIT)
#undef JS_DECLARE_INIT

#endif
