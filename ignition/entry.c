/*
 * ignition/entry.c — entering the interpreter: the VM stack, compiling
 * scripts and (lazily) functions, pushing frames for calls from C, and
 * the source-position queries behind stack traces and error reports.
 */
#include <stdlib.h>
#include <string.h>

#include "ignition/gen.h"
#include "ignition/interp.h"

void ign_init(JSVM *vm, const IgnOptions *opt, size_t stack_kb) {
  IgnState *st = calloc(1, sizeof *st);
  if (opt) st->opt = *opt;
  if (!st->opt.out) st->opt.out = stdout;
  // The VM stack never moves: frames and natives keep pointers into it.
  size_t slots = (stack_kb ? stack_kb : 64 * 1024) * 1024 / sizeof(JSValue);
  st->stack = calloc(slots, sizeof(JSValue));
  st->stack_end = st->stack + slots;
  st->sp = st->stack;
  st->max_frames = (uint32_t)(slots / 8);
  st->frames = calloc(st->max_frames, sizeof *st->frames);
  st->throw_value = JS_UNDEFINED;
  st->async_from_sync_key = JS_UNDEFINED;
  vm->ign = st;
  ign_gc_init(vm);
}

/* {==== Source positions ====} */

void ign_source_line_col(const IgnScript *s, uint32_t src, uint32_t *line, uint32_t *col) {
  // Binary search the line starts; columns count UTF-16 units as V8 does.
  uint32_t lo = 0, hi = s->nlines;
  while (hi - lo > 1) {
    uint32_t mid = (lo + hi) / 2;
    if (s->line_starts[mid] <= src) lo = mid;
    else hi = mid;
  }
  *line = lo + 1;
  uint32_t c = 0;
  for (uint32_t i = s->line_starts[lo]; i < src && i < s->len; i++) {
    uint8_t b = (uint8_t)s->source[i];
    if ((b & 0xC0) != 0x80) c += b >= 0xF0 ? 2 : 1;
  }
  *col = c + 1;
}

void ign_position_of(const IgnCode *code, uint32_t offset, uint32_t *line, uint32_t *col) {
  uint32_t src = code->node->start;
  for (uint32_t i = 0; i < code->npositions && code->positions[i].offset <= offset; i++)
    src = code->positions[i].source;
  ign_source_line_col(code->script, src, line, col);
}

IgnScript *ign_new_script(JSVM *vm, PrsAst *ast, const char *filename,
                             const char *source, size_t len) {
  IgnScript *s = calloc(1, sizeof *s);
  s->ast = ast;
  s->source = malloc(len + 1);
  memcpy(s->source, source, len);
  s->source[len] = 0;
  s->len = len;
  s->name = js_string_from_utf8(vm, filename, strlen(filename));
  s->source_string = JS_UNDEFINED;
  ori_add_root(&s->name);
  ori_add_root(&s->source_string);
  uint32_t cap = 64;
  s->line_starts = malloc(cap * sizeof *s->line_starts);
  s->line_starts[s->nlines++] = 0;
  for (size_t i = 0; i < len; i++) {
    if (source[i] != '\n') continue;
    if (s->nlines == cap) s->line_starts = realloc(s->line_starts, (cap *= 2) * sizeof *s->line_starts);
    s->line_starts[s->nlines++] = (uint32_t)i + 1;
  }
  return s;
}

/* {==== Compiling ====} */

static bool name_matches(JSVM *vm, const char *filter, JSValue name) {
  if (!filter || !*filter || !strcmp(filter, "*")) return true;
  char *n = js_string_utf8(vm, name, NULL);
  bool ok = !strcmp(n, filter);
  free(n);
  return ok;
}

IgnCode *ign_compile_named(JSVM *vm, IgnScript *script, PrsNode *node, JSValue name) {
  IgnCode *code = ign_compile(vm, script, node, NULL);
  if (!code) return NULL;
  code->name = name;
  IgnState *st = ign_state(vm);
  if (st->opt.print_bytecode && name_matches(vm, st->opt.print_filter, name))
    ign_print_code(st->opt.out, vm, code);
  return code;
}

IgnCode *ign_ensure_code(JSVM *vm, JSFunction *fn) {
  JSShared *s = fn->shared;
  if (!s->code) s->code = ign_compile_named(vm, s->script, s->lazy, s->name);
  return s->code;
}

IgnIC *ign_feedback(JSVM *vm, JSFunction *fn) {
  (void)vm;
  IgnCode *code = fn->shared->code;
  if (!code->feedback) code->feedback = calloc(code->nslots + 1, sizeof(IgnIC));
  return code->feedback;
}

/* {==== Frames ====} */

// The receiver a non-strict function sees (OrdinaryCallBindThis).
static JSValue bind_this(JSVM *vm, JSFunction *fn, JSValue self) {
  uint32_t flags = fn->shared->flags;
  if (flags & JS_FN_ARROW) return fn->this_value;
  if (flags & JS_FN_STRICT) return self;
  if (js_is_nullish(self)) return vm->realm->global;
  if (!js_is_object(self)) return js_to_object(vm, self);
  return self;
}

IgnFrame *ign_push_frame(JSVM *vm, JSFunction *fn, JSValue self, int argc,
                         JSValue *argv, JSValue new_target, uint32_t flags) {
  IgnState *st = ign_state(vm);
  // The callee's realm first: its body compiles (lazily, on a first call)
  // and OrdinaryCallBindThis runs there (its global, its wrappers). The
  // frame record is not in use until nframes counts it (nframes is below
  // max_frames): the caller's realm goes straight there, and only for a
  // cross-realm call. A failure gives the caller's realm back.
  IgnFrame *f = &st->frames[st->nframes];
  JSRealm *realm = fn->shared->realm;
  if (__builtin_expect(realm != vm->realm, 0)) {
    f->caller_realm = vm->realm;
    vm->realm = realm;
    flags |= IGN_FRAME_REALM;
  }
  IgnCode *code = ign_ensure_code(vm, fn);
  if (!code) goto fail;
  uint32_t n = code->nparams, m = code->nregs;
  JSValue *base = st->sp;
  if ((size_t)(st->stack_end - base) < 4 + n + m + 16 || st->nframes + 1 >= st->max_frames) {
    js_throw_range_error(vm, "Maximum call stack size exceeded");
    goto fail;
  }
  JSValue this_value = bind_this(vm, fn, self);
  if (js_is_exception(this_value)) goto fail;
  base[0] = (fn->shared->flags & JS_FN_ARROW) ? fn->new_target : new_target;
  base[1] = js_val(fn);
  base[2] = fn->env ? js_val(fn->env) : JS_UNDEFINED;
  base[3] = this_value;
  JSValue *p = base + 4;
  for (uint32_t i = 0; i < n; i++) p[i] = (int)i < argc ? argv[i] : JS_UNDEFINED;
  JSValue *fp = p + n;
  for (uint32_t i = 0; i < m; i++) fp[i] = JS_UNDEFINED;
  st->nframes++;
  f->base = base;
  f->fp = fp;
  f->pc = code->bytecode;
  f->code = code;
  f->fn = fn;
  f->argv = argv;
  f->argc = argc;
  f->flags = flags;
  st->sp = fp + m;
  code->invocations++;
  return f;
fail:
  if (flags & IGN_FRAME_REALM) vm->realm = f->caller_realm;
  return NULL;
}

// [[Construct]]'s receiver: a derived constructor starts without one (the
// hole, until super() returns); a base one gets an object whose
// prototype comes from new.target.
static JSValue construct_this(JSVM *vm, JSFunction *fn, JSValue new_target) {
  if (fn->shared->flags & JS_FN_DERIVED) return JS_HOLE;
  JSValue proto = js_get_prototype_from_ctor(vm, new_target, JS_INTRINSIC_ObjectPrototype);
  if (js_is_exception(proto)) return proto;
  return js_new_object_proto(vm, proto);
}

JSValue ign_call(JSVM *vm, JSValue fnv, JSValue self, int argc, JSValue *argv,
                 JSValue new_target) {
  JSFunction *fn = js_fn(fnv);
  uint32_t flags = IGN_FRAME_ENTRY;
  if (!js_is_undefined(new_target)) {
    self = construct_this(vm, fn, new_target);
    if (js_is_exception(self)) return self;
    flags |= IGN_FRAME_CONSTRUCT;
  }
  if (!js_check_stack(vm)) return JS_EXCEPTION;
  if (!ign_push_frame(vm, fn, self, argc, argv, new_target, flags)) return JS_EXCEPTION;
  return ign_execute(vm);
}

JSValue ign_run_script(JSVM *vm, PrsAst *ast, const char *filename,
                       const char *source, size_t len) {
  IgnScript *script = ign_new_script(vm, ast, filename, source, len);
  if (js_is_undefined(vm->script_name)) vm->script_name = script->name;
  JSShared *s = js_new_shared(vm, vm->atom[JS_ATOM_empty], JS_FN_STRICT, 0);
  s->script = script;
  s->lazy = ast->root;
  s->src_start = 0;
  s->src_end = (uint32_t)len;
  s->code = ign_compile_named(vm, script, ast->root, s->name);
  if (!s->code) return JS_EXCEPTION;
  JSFunction *fn = js_new_function_object(vm, vm->realm->method_map, s);
  return ign_call(vm, js_val(fn), vm->realm->global, 0, NULL, JS_UNDEFINED);
}

/* {==== Stack traces ====} */

// "    at name (file:line:col)" for one frame.
static void frame_line(JSVM *vm, JSStrBuf *sb, IgnFrame *f) {
  IgnCode *code = f->code;
  uint32_t line, col;
  ign_position_of(code, (uint32_t)(f->pc - code->bytecode), &line, &col);
  js_sb_ascii(sb, "\n    at ");
  bool named = js_is_string(code->name) && js_string_length(code->name) > 0;
  if (PRS_IS(code->node, Script)) named = false;
  if (f->flags & IGN_FRAME_CONSTRUCT) js_sb_ascii(sb, "new ");
  if (named) {
    js_sb_string(sb, code->name);
    js_sb_ascii(sb, " (");
  } else if (!PRS_IS(code->node, Script)) {
    js_sb_ascii(sb, "<anonymous> (");
  }
  js_sb_string(sb, code->script->name);
  js_sb_printf(sb, ":%u:%u", line, col);
  if (!PRS_IS(code->node, Script)) js_sb_char(sb, ')');
  (void)vm;
}

// Error.stackTraceLimit (V8's): how many frames a trace shows, read as
// an own data property of %Error% (no getter runs); anything but a
// number shows none. 10 before %Error% exists.
static uint32_t stack_trace_limit(JSVM *vm) {
  JSValue error = js_intrinsic(vm, Error);
  if (!js_is_object(error)) return 10;
  JSPropDesc d;
  int has = js_get_own_property(vm, error, js_atom(vm, "stackTraceLimit"), &d);
  if (has < 0) js_take_exception(vm);
  if (has != 1 || !d.has_value || !js_is_number(d.value)) return 0;
  double n = js_number_value(d.value);
  return n >= 1e6 ? 1000000 : n > 0 ? (uint32_t)n : 0;
}

JSValue ign_stack_string_above(JSVM *vm, JSValue fn) {
  IgnState *st = ign_state(vm);
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  uint32_t limit = stack_trace_limit(vm), shown = 0, i = st ? st->nframes : 0;
  // Error.captureStackTrace(obj, fn): frames from fn's (innermost) up are
  // left out; none are shown when fn is not running.
  if (!js_is_undefined(fn)) {
    while (i > 0 && js_val(st->frames[i - 1].fn).bits != fn.bits) i--;
    if (i > 0) i--;
  }
  for (; i-- > 0 && shown < limit; shown++) frame_line(vm, &sb, &st->frames[i]);
  JSValue s = js_sb_finish(&sb);
  return js_is_exception(s) ? vm->atom[JS_ATOM_empty] : s;
}

JSValue ign_stack_string(JSVM *vm) { return ign_stack_string_above(vm, JS_UNDEFINED); }

void ign_record_throw(JSVM *vm, IgnFrame *f) {
  IgnState *st = ign_state(vm);
  if (st->has_throw_site && st->throw_value.bits == vm->exception.bits) return;
  st->throw_value = vm->exception;
  st->throw_code = f->code;
  st->throw_offset = (uint32_t)(f->pc - f->code->bytecode);
  st->has_throw_site = true;
}

bool ign_error_location(JSVM *vm, JSValue exception, IgnLocation *loc) {
  IgnState *st = ign_state(vm);
  if (!st || !st->has_throw_site || st->throw_value.bits != exception.bits) return false;
  IgnCode *code = st->throw_code;
  IgnScript *s = code->script;
  ign_position_of(code, st->throw_offset, &loc->line, &loc->col);
  static char name[1024];
  char *n = js_string_utf8(vm, s->name, NULL);
  snprintf(name, sizeof name, "%s", n);
  free(n);
  loc->file = name;
  uint32_t start = s->line_starts[loc->line - 1];
  uint32_t end = start;
  while (end < s->len && s->source[end] != '\n' && s->source[end] != '\r') end++;
  loc->line_text = s->source + start;
  loc->line_len = end - start;
  return true;
}

JSValue js_function_source(JSVM *vm, JSValue fnv) {
  if (!js_is_function(fnv)) return JS_UNDEFINED;
  JSShared *s = js_fn(fnv)->shared;
  // Natives have no script, except class default constructors (whose
  // source text is the class's).
  if (!s->script) return JS_UNDEFINED;
  IgnScript *script = s->script;
  return js_string_from_utf8(vm, script->source + s->src_start, s->src_end - s->src_start);
}
