/*
 * ignition/interp.h — the interpreter's state: the VM stack of JSValues
 * holding every frame's slots, the parallel stack of frame records, and
 * the feedback (inline cache) layout.
 *
 * Invariants:
 *  - A frame's slots on the VM stack are, from base: new.target (or the
 *    generator object on resumption), the closure, the current context,
 *    this, the nparams parameters, then nregs registers; fp points at r0.
 *    code.h's register operands index fp directly.
 *  - frames[n-1] is the running frame. Its pc is stored (at the current
 *    instruction's first byte, prefix included) whenever the interpreter
 *    calls anything that may throw, call back, or capture a stack trace.
 *  - A frame with IGN_FRAME_ENTRY was pushed by C (ign_call): returning
 *    from it returns from that C call; JS-to-JS calls push frames without
 *    C recursion.
 *  - While a frame runs, vm->realm is its function's [[Realm]]. Pushing
 *    (or resuming) a frame of another realm than the current one switches
 *    to it, saves the caller's realm in the frame and sets
 *    IGN_FRAME_REALM; leaving such a frame (return, suspension or
 *    unwinding) restores it. Same-realm calls, nearly all of them, only
 *    compare two pointers.
 *  - Feedback: every slot is one IgnIC, whatever its kind.
 */
#ifndef JSVM_IGNITION_INTERP_H
#define JSVM_IGNITION_INTERP_H

#include "ignition/code.h"
#include "ignition/ignition.h"

enum {
  IGN_FRAME_ENTRY = 1,      /* return to the C caller */
  IGN_FRAME_CONSTRUCT = 2,  /* [[Construct]]: non-object results give this */
  IGN_FRAME_REALM = 4,      /* a cross-realm call: caller_realm is set */
};

typedef struct IgnFrame {
  JSValue *base;            /* first slot (new.target) */
  JSValue *fp;              /* register r0 */
  const uint8_t *pc;        /* current instruction (saved) */
  const uint8_t *ret_pc;    /* where a call made by this frame resumes */
  IgnCode *code;
  JSFunction *fn;
  JSValue *argv;            /* the actual arguments */
  int argc;
  uint32_t flags;
  JSRealm *caller_realm;    /* IGN_FRAME_REALM: vm->realm to restore on leaving */
} IgnFrame;

/* An inline cache / feedback slot. */
enum { IGN_IC_UNINIT, IGN_IC_MONO, IGN_IC_POLY, IGN_IC_MEGA };
enum {
  IGN_ICK_FIELD,            /* own fast property: data = slot */
  IGN_ICK_PROTO_FIELD,      /* field of the prototype (holder) */
  IGN_ICK_TRANSITION,       /* store that adds a property: map -> target */
  IGN_ICK_ARRAY_LENGTH,
  IGN_ICK_GETTER,           /* accessor in slot data (own, or of holder) */
};
#define IGN_IC_WAYS 4
typedef struct IgnIC {
  JSMap *map[IGN_IC_WAYS];
  void *extra[IGN_IC_WAYS];   /* holder object / target map */
  JSMap *holder_map[IGN_IC_WAYS]; /* PROTO_FIELD: the holder's map then */
  uint32_t data[IGN_IC_WAYS]; /* slot */
  uint8_t kind[IGN_IC_WAYS];
  uint8_t n, state;
  uint16_t bits;              /* binary/compare feedback: IGN_FB_* */
  uint32_t epoch;             /* vm proto epoch the entries rely on */
  uint32_t count;             /* call counts, back edges */
} IgnIC;

/* Binary operation feedback bits. */
enum { IGN_FB_INT32 = 1, IGN_FB_NUMBER = 2, IGN_FB_STRING = 4, IGN_FB_ANY = 8 };

/* Generator objects (and the state of async functions): the frame is
 * moved into `frame` at each suspension and back on resumption. */
enum { IGN_GEN_START, IGN_GEN_SUSPENDED, IGN_GEN_RUNNING, IGN_GEN_DONE };
enum { IGN_GEN_SYNC, IGN_GEN_ASYNC, IGN_GEN_ASYNC_GENERATOR };
enum { IGN_RESUME_NEXT, IGN_RESUME_THROW, IGN_RESUME_RETURN };
typedef struct JSGenerator {
  JSObject base;
  JSFunction *fn;
  JSArrayStore *frame;      /* saved slots, base .. last register */
  uint32_t suspend_offset;  /* the SuspendGenerator instruction */
  uint32_t resume_offset;   /* where execution continues */
  uint8_t state, kind;
  uint8_t resume_mode;      /* how the last resumption came */
  uint8_t raw;              /* last suspension: 1 yield* (the code handles
                               throw/return itself), 2 an await */
  JSValue promise;          /* async functions: the result promise */
  JSValue queue;            /* async generators: pending requests */
} JSGenerator;

typedef struct IgnState {
  JSValue *stack, *stack_end, *sp;
  IgnFrame *frames;
  uint32_t nframes, max_frames;
  IgnOptions opt;
  /* where the pending exception was thrown (for uncaught reports) */
  JSValue throw_value;
  IgnCode *throw_code;
  uint32_t throw_offset;
  bool has_throw_site;
  /* a resumption in progress (ign_resume -> ign_execute) */
  bool resuming;
  uint8_t resume_mode;
  JSValue resume_value;
  JSMap *return_box_map;    /* the box a generator's return travels in */
  JSValue async_from_sync_key; /* private key of AsyncFromSyncIterator */
} IgnState;

/* ign_resume: continue a suspended generator with value in mode. The
 * result is the value the frame suspended or returned with, or
 * JS_EXCEPTION (a return completion arrives as an exception holding a
 * return box, see ign_is_return_box). */
JSValue ign_resume(JSVM *vm, JSGenerator *gen, JSValue value, int mode);
JSValue ign_create_generator(JSVM *vm, JSValue closure);
/* ign_install_generators: %GeneratorPrototype% and friends. */
void ign_install_generators(JSVM *vm);
/* Async generators (async_generator.c): the body came back from a
 * resumption (after an await's job), a yield settling the front request,
 * the async iterator of a value (for await), and the prototypes. */
void ign_async_generator_resumed(JSVM *vm, JSGenerator *g, JSValue r);
JSValue ign_async_generator_yield(JSVM *vm, JSValue gen, JSValue value);
JSValue ign_get_async_iterator(JSVM *vm, JSValue obj);
void ign_install_async_generators(JSVM *vm);
/* Async functions: await (returns the function's promise, to suspend
 * with), and settling the promise on return or throw. */
JSValue ign_async_await(JSVM *vm, JSValue gen, JSValue value);
JSValue ign_async_resolve(JSVM *vm, JSValue gen, JSValue value);
JSValue ign_async_reject(JSVM *vm, JSValue gen, JSValue reason);
/* The return box: a generator's return() travels through finally blocks
 * as an exception that catch clauses let pass. */
JSValue ign_return_box(JSVM *vm, JSValue value);
bool ign_is_return_box(JSVM *vm, JSValue v);
JSValue ign_return_box_value(JSValue box);

/* ign_gc_init / ign_gc_register_code: the interpreter's roots for the
 * collector (ignition/gc.c): the VM stack, frames, and every compiled
 * function's constants and inline caches. */
void ign_gc_init(JSVM *vm);
void ign_gc_register_code(IgnCode *code);

/* ign_state: vm's interpreter state. */
static inline IgnState *ign_state(JSVM *vm) { return vm->ign; }

/* ign_new_script: the record of a parsed script (source copied). */
IgnScript *ign_new_script(JSVM *vm, PrsAst *ast, const char *filename,
                          const char *source, size_t len);
/* ign_compile_named: compile node as a function called name (printed
 * under --print-bytecode). NULL with an exception pending. */
IgnCode *ign_compile_named(JSVM *vm, IgnScript *script, PrsNode *node, JSValue name);
/* Eval (eval.c): a direct eval call from frame caller (args: the callee,
 * then the call's arguments), a sloppy eval's var declarations, and the
 * global eval function. */
JSValue ign_direct_eval(JSVM *vm, JSValue *args, uint32_t n, IgnFrame *caller);
JSValue ign_declare_eval_vars(JSVM *vm, JSValue list, IgnFrame *f);
void ign_install_eval(JSVM *vm);

/* ign_ensure_code: compile a bytecode function's body on first use. */
IgnCode *ign_ensure_code(JSVM *vm, JSFunction *fn);
/* ign_feedback: the function's feedback vector (allocated on demand). */
IgnIC *ign_feedback(JSVM *vm, JSFunction *fn);
/* ign_execute: run frames from the top frame until the entry frame
 * returns. */
JSValue ign_execute(JSVM *vm);
/* ign_push_frame: a frame for fn called with this/args; NULL and a
 * RangeError when the stack is full. */
IgnFrame *ign_push_frame(JSVM *vm, JSFunction *fn, JSValue self, int argc,
                         JSValue *argv, JSValue new_target, uint32_t flags);
void ign_record_throw(JSVM *vm, IgnFrame *f);
/* {==== Slow paths (interp_slow.c) ====} */

/* Binary and unary operators on any values: result or JS_EXCEPTION. */
JSValue ign_binary(JSVM *vm, IgnOpcode op, JSValue a, JSValue b);
JSValue ign_compare(JSVM *vm, IgnOpcode op, JSValue a, JSValue b);
JSValue ign_unary(JSVM *vm, IgnOpcode op, JSValue v);
/* Property access with inline-cache maintenance. */
JSValue ign_get_named(JSVM *vm, JSValue obj, JSValue key, IgnIC *ic);
JSValue ign_get_keyed(JSVM *vm, JSValue obj, JSValue key, IgnIC *ic);
bool ign_set_named(JSVM *vm, JSValue obj, JSValue key, JSValue v, IgnIC *ic, bool strict);
bool ign_set_keyed(JSVM *vm, JSValue obj, JSValue key, JSValue v, bool strict);
bool ign_define_named(JSVM *vm, JSValue obj, JSValue key, JSValue v, IgnIC *ic);
/* Globals and names looked up at run time. */
JSValue ign_load_global(JSVM *vm, JSValue name, IgnIC *ic, bool inside_typeof);
bool ign_store_global(JSVM *vm, JSValue name, JSValue v, IgnIC *ic, bool strict);
JSValue ign_lookup(JSVM *vm, JSEnv *env, JSValue name, bool inside_typeof);
bool ign_store_lookup(JSVM *vm, JSEnv *env, JSValue name, JSValue v, bool strict);
/* Contexts. */
JSEnv *ign_new_env(JSVM *vm, JSEnv *parent, JSValue scope_info, uint32_t slots);
/* Iteration. */
JSValue ign_for_in_enumerate(JSVM *vm, JSValue obj);
/* ign_for_in_next: the next key (a string), or JS_HOLE when done. */
JSValue ign_for_in_next(JSVM *vm, JSValue enumerator);
JSValue ign_get_iterator(JSVM *vm, JSValue obj);
/* Arguments objects (mapped ones get their parameter map, unmapped
 * ones undefined) and rest parameters of frame f. */
JSValue ign_create_arguments(JSVM *vm, IgnFrame *f, JSValue map);
JSValue ign_create_rest(JSVM *vm, IgnFrame *f);
/* ign_new_closure: a function object for shared in context env. */
JSValue ign_new_closure(JSVM *vm, JSShared *shared, JSEnv *env, IgnFrame *f);
JSValue ign_throw_hole(JSVM *vm, JSValue name);

/* ign_print_code: --print-bytecode output for one function. */
void ign_print_code(FILE *out, JSVM *vm, IgnCode *code);

#endif
