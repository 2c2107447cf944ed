/*
 * runtime/builtins_function.c — the Function constructor and
 * Function.prototype (ECMA-262 §20.2): call, apply, bind (bound function
 * exotic objects, §10.4.1), toString, @@hasInstance, and the restricted
 * caller/arguments accessors with %ThrowTypeError%.
 *
 * Invariants:
 *  - A bound function is a JSBoundFunction whose map has type
 *    BoundFunction, the target's prototype, JS_MAP_CONSTRUCTOR iff the
 *    target is a constructor, and two in-object properties in the order
 *    length, name (both configurable only). runtime/call.c reads target,
 *    this_value and args to [[Call]] / [[Construct]] it.
 *  - Bound maps whose prototype is %Function.prototype% (nearly all) are
 *    made once per realm and kept in the intrinsic slots BoundFunctionMap
 *    and BoundConstructorMap; other prototypes get a fresh map.
 *  - The Function constructor builds the spec's source text, parses it
 *    with the front end (parameters alone, body alone, then both, so that
 *    neither can close the function early) and evaluates it as a script
 *    whose only statement is the parenthesized function expression; the
 *    interpreter then owns the AST. Generator and async variants belong
 *    to their families and can share compile_dynamic_function's approach.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ignition/ignition.h"
#include "parser/parser.h"
#include "runtime/map.h"
#include "runtime/runtime.h"

/* {==== The constructor: CreateDynamicFunction (§20.2.1.1.1) ====} */

// Parse "(" + text + ")" as a script and check that it is one
// parenthesized function expression and nothing else: parameters or a
// body that close the function early ("}), evil(), (function(){") leave
// more than that. The AST is returned (for running) or freed.
static PrsAst *parse_function_text(const char *text, size_t len, PrsSyntaxError *err) {
  PrsOptions opt = {0};
  PrsAst *ast = prs_parse(text, len, &opt, err);
  if (!ast) return NULL;
  PrsScript *script = PRS_AS(ast->root, Script);
  PrsNode *stmt = script->body.len == 1 ? script->body.items[0] : NULL;
  PrsNode *fn = PRS_IS(stmt, ExprStmt) ? PRS_AS(stmt, ExprStmt)->expr : NULL;
  if (PRS_IS(fn, Function) && !(fn->flags & PRS_FLAG_Arrow)) return ast;
  prs_free(ast);
  snprintf(err->message, sizeof err->message, "Arg string terminates parameters early");
  return NULL;
}

// A piece of UTF-8 text with its length (it may contain NULs).
typedef struct Text {
  const char *s;
  size_t len;
} Text;

// The kinds of CreateDynamicFunction (the natives' magic numbers).
enum { KIND_NORMAL, KIND_GENERATOR, KIND_ASYNC, KIND_ASYNC_GENERATOR };

// The source text's opening per kind ("(" starts the expression statement).
static const char *const kind_head[] = {
    "(function anonymous(", "(function* anonymous(", "(async function anonymous(",
    "(async function* anonymous("};

// head + params + "\n) {\n" + body + "\n})" in malloc'd UTF-8; the text
// between the outer parentheses is the spec's sourceString.
static char *function_text(int kind, Text params, Text body, size_t *len) {
  static const char mid[] = "\n) {\n", tail[] = "\n})";
  const char *head = kind_head[kind];
  size_t n = 0, hlen = strlen(head);
  size_t cap = hlen + params.len + sizeof mid + body.len + sizeof tail;
  char *t = malloc(cap);
  const Text parts[5] = {{head, hlen}, params, {mid, sizeof mid - 1}, body,
                         {tail, sizeof tail - 1}};
  for (int i = 0; i < 5; i++) {
    memcpy(t + n, parts[i].s, parts[i].len);
    n += parts[i].len;
  }
  *len = n;
  return t;
}

// The parameter list (arguments but the last, joined by commas) and the
// body (the last argument), each through ToString in argument order.
static bool dynamic_function_parts(JSVM *vm, int argc, JSValue *argv, JSValue *params,
                                   JSValue *body) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (int i = 0; i < argc - 1; i++) {
    JSValue s = js_to_string(vm, argv[i]);
    if (js_is_exception(s)) {
      js_sb_free(&sb);
      return false;
    }
    if (i) js_sb_char(&sb, ',');
    js_sb_string(&sb, s);
  }
  *params = js_sb_finish(&sb);
  if (js_is_exception(*params)) return false;
  *body = argc ? js_to_string(vm, argv[argc - 1]) : vm->atom[JS_ATOM_empty];
  return !js_is_exception(*body);
}

// Parse (parameters alone, body alone, then together, as the spec checks
// them) and evaluate the function expression in the global scope.
static JSValue compile_dynamic_function(JSVM *vm, int kind, Text params, Text body) {
  const Text none = {"", 0};
  PrsSyntaxError err;
  size_t len;
  char *text = function_text(kind, params, none, &len);
  PrsAst *ast = parse_function_text(text, len, &err);
  free(text);
  if (ast) {
    prs_free(ast);
    text = function_text(kind, none, body, &len);
    ast = parse_function_text(text, len, &err);
    free(text);
  }
  if (ast) {
    prs_free(ast);
    text = function_text(kind, params, body, &len);
    ast = parse_function_text(text, len, &err);
    // The interpreter keeps the AST (inner functions compile lazily).
    JSValue fn = ast ? ign_run_script(vm, ast, "anonymous", text, len) : JS_UNDEFINED;
    free(text);
    if (ast) return fn;
  }
  return js_throw_syntax_error(vm, "%s", err.message);
}

// The fallback [[Prototype]] of each kind's functions (GetPrototypeFromConstructor).
static const int kind_proto[] = {
    JS_INTRINSIC_FunctionPrototype, JS_INTRINSIC_GeneratorFunctionPrototype,
    JS_INTRINSIC_AsyncFunctionPrototype, JS_INTRINSIC_AsyncGeneratorFunctionPrototype};

// Function(p1, ..., pn, body) and the GeneratorFunction, AsyncFunction and
// AsyncGeneratorFunction constructors (the magic number is the kind): a
// function of that kind, sloppy unless its body says otherwise, closing
// over the global environment.
static JSValue function_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue nt) {
  JSValue callee = js_native_callee(vm);
  int kind = js_native_magic(vm);
  JSValue params, body;
  if (!dynamic_function_parts(vm, argc, argv, &params, &body)) return JS_EXCEPTION;
  Text p, b;
  char *p8 = js_string_utf8(vm, params, &p.len), *b8 = js_string_utf8(vm, body, &b.len);
  p.s = p8;
  b.s = b8;
  JSValue fn = compile_dynamic_function(vm, kind, p, b);
  free(p8);
  free(b8);
  if (js_is_exception(fn) || js_is_undefined(nt) || nt.bits == callee.bits) return fn;
  // A subclass's new.target supplies the prototype (after parsing).
  JSValue proto = js_get_prototype_from_ctor(vm, nt, kind_proto[kind]);
  if (js_is_exception(proto)) return proto;
  if (js_set_prototype_of(vm, fn, proto) < 0) return JS_EXCEPTION;
  return fn;
}

// %GeneratorFunction% and its async siblings (§27.3.1, §27.4.1, §27.7.1):
// subclasses of %Function% whose prototype objects are fixed, with a
// non-writable `constructor` and `prototype` link to the instances'
// prototype.
static void install_function_kind(JSVM *vm, const char *name, int kind) {
  JSValue fp = vm->realm->intrinsic[kind_proto[kind]];
  JSValue ctor = js_new_native_ctor(vm, name, function_ctor, 1, fp);
  js_fn(ctor)->shared->magic = kind;  // fresh shared: raw store of an int
  js_set_prototype_of(vm, ctor, js_intrinsic(vm, Function));
  // The class map made `prototype` fixed; `constructor` is configurable
  // only. (ignition/generator.c links the prototypes to the instances'.)
  js_define_value(vm, fp, vm->atom[JS_ATOM_constructor], ctor, JS_ATTR_CONFIGURABLE);
}

/* {==== call and apply ====} */

static JSValue function_call(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue nt) {
  if (!js_is_callable(self))
    return js_throw_type_error(vm, "Function.prototype.call called on a non-function");
  // Everything after thisArg is passed on as the arguments.
  return js_call(vm, self, js_arg(0), argc > 1 ? argc - 1 : 0, argc > 1 ? argv + 1 : NULL);
}

static JSValue function_apply(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue nt) {
  if (!js_is_callable(self))
    return js_throw_type_error(vm, "Function.prototype.apply was called on a non-function");
  JSValue array_like = js_arg(1);
  // null and undefined mean "no arguments", not an error.
  if (js_is_nullish(array_like)) return js_call(vm, self, js_arg(0), 0, NULL);
  JSArrayStore *list = js_list_from_array_like(vm, array_like);
  if (!list) return JS_EXCEPTION;
  return js_call(vm, self, js_arg(0), (int)list->used, list->v);
}

/* {==== bind ====} */

// The map of a bound function with prototype proto; cached per realm for
// %Function.prototype%. js_map_add shares the length/name children.
static JSMap *bound_map(JSVM *vm, JSValue proto, bool ctor) {
  JSValue *cache = ctor ? &js_intrinsic(vm, BoundConstructorMap)
                        : &js_intrinsic(vm, BoundFunctionMap);
  bool common = proto.bits == js_intrinsic(vm, FunctionPrototype).bits;
  if (common && js_is_heap(*cache)) return js_heap(*cache);
  JSMap *m = js_new_map(vm, JS_TYPE_BoundFunction, proto, sizeof(JSBoundFunction), 2);
  if (ctor) m->flags |= JS_MAP_CONSTRUCTOR;
  m = js_map_add(vm, m, vm->atom[JS_ATOM_length], JS_ATTR_CONFIGURABLE);
  m = js_map_add(vm, m, vm->atom[JS_ATOM_name], JS_ATTR_CONFIGURABLE);
  if (common) *cache = js_val(m);
  return m;
}

// The length of the bound function (§20.2.3.2 steps 4-6): the target's
// own numeric length minus the bound arguments, clamped at 0; infinities
// survive. *len is a number value; false on exception.
static bool bound_length(JSVM *vm, JSValue target, int nargs, JSValue *len) {
  *len = js_from_int32(0);
  int has = js_has_own_property(vm, target, vm->atom[JS_ATOM_length]);
  if (has <= 0) return has == 0;
  JSValue tl = js_get(vm, target, vm->atom[JS_ATOM_length]);
  if (js_is_exception(tl)) return false;
  if (!js_is_number(tl)) return true;
  double d = js_number_value(tl);
  if (d == 1.0 / 0.0) {
    *len = tl;
    return true;
  }
  if (d == -1.0 / 0.0) return true;
  double n;
  if (!js_to_integer_or_infinity(vm, tl, &n)) return false;
  n -= nargs;
  *len = js_from_number(n > 0 ? n : 0);
  return true;
}

// "bound " + the target's name (the empty string when not a string).
static JSValue bound_name(JSVM *vm, JSValue target) {
  JSValue name = js_get(vm, target, vm->atom[JS_ATOM_name]);
  if (js_is_exception(name)) return name;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "bound ");
  if (js_is_string(name)) js_sb_string(&sb, name);
  return js_sb_finish(&sb);
}

// Function.prototype.bind (§20.2.3.2). The observable steps run in the
// spec's order: [[GetPrototypeOf]] (BoundFunctionCreate), then length,
// then name; the object itself is allocated last, so its fields can be
// filled with raw stores.
static JSValue function_bind(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue nt) {
  if (!js_is_callable(self)) return js_throw_type_error(vm, "Bind must be called on a function");
  JSValue proto = js_get_prototype_of(vm, self);
  if (js_is_exception(proto)) return proto;
  int nargs = argc > 1 ? argc - 1 : 0;
  JSArrayStore *args = js_new_store(vm, (uint32_t)nargs);
  for (int i = 0; i < nargs; i++) ORI_STORE(args, v[i], argv[i + 1]);
  args->used = (uint32_t)nargs;
  JSValue len, name;
  if (!bound_length(vm, self, nargs, &len)) return JS_EXCEPTION;
  name = bound_name(vm, self);
  if (js_is_exception(name)) return name;
  JSMap *map = bound_map(vm, proto, js_is_constructor(self));
  JSBoundFunction *f = (JSBoundFunction *)js_new_object_of(vm, map);
  // f is fresh and nothing allocates below: raw stores.
  f->target = self;
  f->this_value = js_arg(0);
  f->args = args;
  js_inline_slots(&f->base)[0] = len;
  js_inline_slots(&f->base)[1] = name;
  return js_val(f);
}

/* {==== toString and @@hasInstance ====} */

// Function.prototype.toString (§20.2.3.5): the source text of bytecode
// functions; a NativeFunction form for natives and bound functions.
static JSValue function_to_string(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                  JSValue nt) {
  if (!js_is_callable(self))
    return js_throw_type_error(vm, "Function.prototype.toString requires that 'this' be a Function");
  JSValue name = vm->atom[JS_ATOM_empty];
  if (js_is_function(self)) {
    JSFunction *fn = js_fn(self);
    // Source text when there is a script (bytecode functions, and class
    // default constructors, whose text is the class's).
    JSValue src = js_function_source(vm, self);
    if (js_is_string(src)) return src;
    // The initial name, which later redefinitions of .name do not touch.
    if (js_is_string(fn->shared->name)) name = fn->shared->name;
  }
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "function ");
  js_sb_string(&sb, name);
  js_sb_ascii(&sb, "() { [native code] }");
  return js_sb_finish(&sb);
}

static JSValue function_has_instance(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                     JSValue nt) {
  int r = js_ordinary_has_instance(vm, self, js_arg(0));
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

/* {==== %ThrowTypeError% and the restricted properties ====} */

static JSValue throw_type_error(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  return js_throw_type_error(vm, "'caller', 'callee', and 'arguments' properties may not be "
                                 "accessed on strict mode functions or the arguments objects "
                                 "for calls to them");
}

// %ThrowTypeError% (§10.2.4.1): one per realm, made by whichever family
// needs it first; its length and name are frozen and it is not
// extensible.
static JSValue throw_type_error_intrinsic(JSVM *vm) {
  JSValue *slot = &js_intrinsic(vm, ThrowTypeError);
  if (js_is_object(*slot)) return *slot;
  JSValue f = js_new_native(vm, "", throw_type_error, 0, 0);
  JSPropDesc d = {0};
  d.value = d.get = d.set = JS_UNDEFINED;
  d.has_configurable = true;  // attrs 0: non-configurable
  js_define_own_property(vm, f, vm->atom[JS_ATOM_length], &d, false);
  js_define_own_property(vm, f, vm->atom[JS_ATOM_name], &d, false);
  js_prevent_extensions(vm, f);
  *slot = f;
  return f;
}

// AddRestrictedFunctionProperties (§10.2.4): caller and arguments on
// %Function.prototype% are accessors that always throw.
static void add_restricted_properties(JSVM *vm, JSValue fp) {
  JSValue tte = throw_type_error_intrinsic(vm);
  JSPropDesc d = {0};
  d.value = JS_UNDEFINED;
  d.get = d.set = tte;
  d.has_get = d.has_set = d.has_enumerable = d.has_configurable = true;
  d.attrs = JS_ATTR_CONFIGURABLE;
  js_define_own_property(vm, fp, vm->atom[JS_ATOM_caller], &d, false);
  js_define_own_property(vm, fp, vm->atom[JS_ATOM_arguments], &d, false);
}

/* {==== Installation ====} */

void js_init_function(JSVM *vm) {
  JSValue fp = js_intrinsic(vm, FunctionPrototype);
  JSValue ctor = js_new_native_ctor(vm, "Function", function_ctor, 1, fp);  // magic 0: normal
  js_intrinsic(vm, Function) = ctor;
  js_def_method(vm, fp, "apply", function_apply, 2);
  js_def_method(vm, fp, "bind", function_bind, 1);
  js_def_method(vm, fp, "call", function_call, 1);
  js_def_method(vm, fp, "toString", function_to_string, 0);
  // @@hasInstance is neither writable nor configurable, so that
  // instanceof cannot be redirected for every function at once.
  JSValue hi = js_new_native(vm, "[Symbol.hasInstance]", function_has_instance, 1, 0);
  js_define_value(vm, fp, vm->symbol[JS_SYMBOL_hasInstance], hi, 0);
  add_restricted_properties(vm, fp);
  js_def_value(vm, vm->realm->global, "Function", ctor, JS_ATTR_METHOD);
  // Not globals: reached as Object.getPrototypeOf(function*(){}).constructor.
  install_function_kind(vm, "GeneratorFunction", KIND_GENERATOR);
  install_function_kind(vm, "AsyncFunction", KIND_ASYNC);
  install_function_kind(vm, "AsyncGeneratorFunction", KIND_ASYNC_GENERATOR);
}
