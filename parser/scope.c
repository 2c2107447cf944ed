/*
 * parser/scope.c — scope analysis in two walks over the AST:
 *
 *   1. declare: create the scopes, bind every declared name in the scope
 *      the spec puts it in (var and top-level functions hoist to the
 *      function; let/const/class/block functions stay in their block),
 *      and report the redeclaration early errors; note direct evals.
 *   2. resolve: bind every identifier reference to its declaration, mark
 *      captures, create implicit `arguments`, decide hole checks.
 *
 * then allocation decides register, context or global for each variable.
 * See scope.h for the invariants this establishes.
 */
#include "parser/scope.h"

#include <string.h>

#include "parser/keywords.h"
#include "parser/lower.h"

// Indexed by PrsScopeKind, PrsVarKind and PrsVarLocation: keep them in the
// enums' order (they are only used for printing).
const char *const prs_scope_kind_name[] = {
    "script", "module", "function", "block", "class", "with", "static", "body"};
const char *const prs_var_kind_name[] = {
    "var", "let", "const", "class", "function", "param",
    "catch", "import", "arguments", "self"};
const char *const prs_var_location_name[] = {
    "register", "context", "global", "module"};

/* {==== Name maps: open addressing keyed by atom pointer ====} */

// An entry is a binding (var != NULL) or only a record that a `var` of
// that name is declared inside this scope (var_through): a lexical
// declaration of the same name in this scope is then an error.
typedef struct Entry {
  PrsAtom *name;
  // The binding this scope declares for name; NULL when the entry only
  // records a var passing through.
  PrsVar *var;
  // A `var name` hoists through (or into) this scope: §14.2.1 "It is a
  // Syntax Error if any element of the LexicallyDeclaredNames of
  // StatementList also occurs in the VarDeclaredNames of StatementList."
  bool var_through;
  // Only plain functions may be declared twice in a sloppy block (B.3.2.4).
  bool plain_function;  /* bound by a plain (not async/generator) function */
} Entry;

// Entries live in the AST arena, so the maps are never freed one by one;
// they die with the AST, which also lets check_exports keep a scratch map.
typedef struct NameMap {
  Entry *slots;
  // mask + 1 is the slot count, a power of two; used counts live entries.
  uint32_t mask, used;
} NameMap;

// A sloppy-mode function declared in a block: Annex B.3.2 may also bind
// its name as a var of the enclosing function, decided after all
// declarations are known.
typedef struct BlockFunction {
  struct BlockFunction *next;
  // The declaration and the block (or switch) scope that binds it lexically.
  PrsFunction *fn;
  PrsScope *block;
} BlockFunction;

// State of both walks: the scope being filled or resolved in, and the
// sloppy block functions collected by the declare walk for Annex B.
typedef struct Walk {
  Lower *L;
  PrsArena *arena;
  // The innermost scope at this point of the walk (NULL above the program).
  PrsScope *scope;
  // Newest first; hoist_block_function handles them after the declare walk.
  BlockFunction *block_functions;
} Walk;

// Atoms are interned, so the pointer is the identity: hash it (the low
// bits are alignment, hence the shift) with a Fibonacci multiplier.
static inline uint32_t ptr_hash(const void *p) {
  uintptr_t x = (uintptr_t)p >> 3;
  return (uint32_t)(x ^ (x >> 15)) * 2654435761u;
}

// Maps are created on first use: most block scopes bind nothing.
static NameMap *map_of(Walk *w, PrsScope *s) {
  if (!s->names) {
    NameMap *m = prs_arena_alloc(w->arena, sizeof *m);
    m->mask = 7;
    m->slots = prs_arena_alloc(w->arena, 8 * sizeof(Entry));
    s->names = m;
  }
  return s->names;
}

// NULL when the scope has no map yet or no entry for name. Load stays at
// most 1/2 (map_get), so a probe always reaches an empty slot.
static Entry *map_find(NameMap *m, PrsAtom *name) {
  if (!m) return NULL;
  for (uint32_t i = ptr_hash(name) & m->mask;; i = (i + 1) & m->mask) {
    Entry *e = &m->slots[i];
    if (e->name == name) return e;
    if (!e->name) return NULL;
  }
}

// The entry for name, created empty if absent (the map grows at 1/2 load;
// the old slots stay in the arena, which is cheaper than tracking them).
static Entry *map_get(Walk *w, PrsScope *s, PrsAtom *name) {
  NameMap *m = map_of(w, s);
  if ((m->used + 1) * 2 > m->mask + 1) {
    Entry *old = m->slots;
    uint32_t old_size = m->mask + 1;
    m->mask = old_size * 2 - 1;
    m->slots = prs_arena_alloc(w->arena, (m->mask + 1) * sizeof(Entry));
    for (uint32_t i = 0; i < old_size; i++) {
      if (!old[i].name) continue;
      uint32_t j = ptr_hash(old[i].name) & m->mask;
      while (m->slots[j].name) j = (j + 1) & m->mask;
      m->slots[j] = old[i];
    }
  }
  uint32_t i = ptr_hash(name) & m->mask;
  while (m->slots[i].name && m->slots[i].name != name) i = (i + 1) & m->mask;
  if (!m->slots[i].name) {
    m->slots[i].name = name;
    m->used++;
  }
  return &m->slots[i];
}

// The binding that scope s itself declares for name (not outer scopes').
static PrsVar *lookup_here(PrsScope *s, PrsAtom *name) {
  Entry *e = map_find(s->names, name);
  return e ? e->var : NULL;
}

/* {==== Scopes and bindings ====} */

// Scopes that var declarations hoist to.
// BODY counts as well, since it is the function's var scope when the
// parameters have expressions (FunctionDeclarationInstantiation, §10.2.11,
// makes a separate varEnv), and STATIC because a static block or field
// initializer is a function body of its own (a ClassStaticBlockBody has
// its own var scope).
static bool is_function_like(const PrsScope *s) {
  return s->kind == PRS_SCOPE_FUNCTION || s->kind == PRS_SCOPE_SCRIPT ||
         s->kind == PRS_SCOPE_MODULE || s->kind == PRS_SCOPE_STATIC ||
         s->kind == PRS_SCOPE_BODY;
}

// Scopes whose code runs in a frame of its own: a reference from inside
// to a variable outside is a capture.
// A BODY scope shares its function's frame: its variables sit in the same
// register file (allocate_scope uses s->function) and are not captures.
static bool is_frame(const PrsScope *s) {
  return s->kind == PRS_SCOPE_FUNCTION || s->kind == PRS_SCOPE_STATIC;
}

// owner is the AST node whose scope field will point at the result.
// Strictness is inherited; callers override it where the node decides
// (functions, classes, static blocks, fields).
static PrsScope *push_scope(Walk *w, PrsScopeKind kind, PrsNode *owner) {
  PrsScope *s = prs_arena_alloc(w->arena, sizeof *s);
  s->kind = (uint8_t)kind;
  s->outer = w->scope;
  s->node = owner;
  s->strict = w->scope ? w->scope->strict : false;
  // A BODY scope's function is its FUNCTION scope (see scope.h), so the
  // body's registers are allocated in the function's frame.
  s->function = is_function_like(s) && kind != PRS_SCOPE_BODY ? s : w->scope->function;
  w->scope = s;
  return s;
}

static void pop_scope(Walk *w) { w->scope = w->scope->outer; }

// Appends a binding to s (declaration order, which the generator follows
// for context slots and initialization) and stores it in entry e, which
// the caller obtained from s's map. at gives the declaration offset.
static PrsVar *add_var(Walk *w, PrsScope *s, Entry *e, PrsAtom *name,
                       PrsVarKind kind, const PrsNode *at) {
  PrsVar *v = prs_arena_alloc(w->arena, sizeof *v);
  v->name = name;
  v->scope = s;
  v->kind = (uint8_t)kind;
  v->decl_offset = at->start;
  // The let/const/class TDZ (§14.3.1, §15.7): only these start
  // uninitialized; callers move decl_offset to where the binding becomes
  // initialized, and parameters of non-simple lists set lexical themselves.
  v->lexical = kind == PRS_VAR_LET || kind == PRS_VAR_CONST || kind == PRS_VAR_CLASS;
  if (s->vars_tail) s->vars_tail->next = v;
  else s->vars = v;
  s->vars_tail = v;
  s->var_count++;
  e->var = v;
  return v;
}

// The one message for every redeclaration early error (V8's wording).
static _Noreturn void redeclared(Walk *w, PrsAtom *name, const PrsNode *at) {
  lower_error_at(w->L, at->start, "Identifier '%s' has already been declared", name->text);
}

// Annex B.3.2.4: in sloppy code a block may declare the same plain
// function twice (and B.3.2.5 for switch blocks).
// old is the existing entry; plain says whether the new declaration is a
// plain function. §14.2.1 would make the duplicate an error; B.3.2.4
// (and B.3.2.5) exempt duplicate entries that are all plain
// FunctionDeclarations in sloppy code.
static bool sloppy_function_pair(const PrsScope *s, const Entry *old, bool plain) {
  return !s->strict && s->kind == PRS_SCOPE_BLOCK && old->plain_function && plain;
}

// let/const/class, block-level functions, imports: bound in scope s.
// kind is the binding's PrsVarKind; at the node for offsets and errors;
// plain_function whether this is a plain function declaration (for the
// B.3.2.4 pair rule). Returns the binding (the existing one for an allowed
// duplicate function). §14.2.1: "It is a Syntax Error if the
// LexicallyDeclaredNames of StatementList contains any duplicate entries"
// and if any of them also occurs in its VarDeclaredNames (var_through).
static PrsVar *declare_lexical(Walk *w, PrsScope *s, PrsAtom *name, PrsVarKind kind,
                               const PrsNode *at, bool plain_function) {
  Entry *e = map_get(w, s, name);
  if (e->var_through) redeclared(w, name, at);
  // §14.2.1, §14.12.1 (switch), §16.1.1/§16.2.1.1 (top level): a second
  // lexical declaration of the name in the same scope.
  if (e->var) {
    if (!sloppy_function_pair(s, e, plain_function)) redeclared(w, name, at);
    return e->var;
  }
  e->plain_function = plain_function;
  // A body may not redeclare a parameter lexically (when the two live in
  // separate scopes, see PRS_SCOPE_BODY).
  if (s->kind == PRS_SCOPE_BODY) {
    PrsVar *p = lookup_here(s->outer, name);
    if (p && p->kind == PRS_VAR_PARAM) redeclared(w, name, at);
  }
  // The body of a catch clause may not redeclare the catch parameter.
  if (s->node && s->outer && s->outer->kind == PRS_SCOPE_BLOCK && s->outer->node &&
      PRS_IS(s->outer->node, Try) && PRS_AS(s->outer->node, Try)->handler == s->node &&
      lookup_here(s->outer, name))
    redeclared(w, name, at);
  // (A function body's lexical names share the scope of its parameters,
  // so `function f(a) { let a }` was caught by e->var above.)
  return add_var(w, s, e, name, kind, at);
}

// var (and top-level functions): hoisted to the function scope, checked
// against lexical names in every scope it passes through.
// kind is VAR or FUNCTION (a top-level function is var-scoped, §10.2.11);
// at is the declaring node; for_of_head says the var is a for-of head's.
// Walks from the current scope out to the nearest function-like scope,
// marking each block on the way with var_through so that a later lexical
// declaration of the name in any of them is caught (declaration order does
// not matter: a lexical binding met on the way is an error right here).
static void declare_var(Walk *w, PrsAtom *name, PrsVarKind kind, const PrsNode *at,
                        bool for_of_head) {
  PrsScope *s = w->scope;
  for (; !is_function_like(s); s = s->outer) {
    Entry *e = map_get(w, s, name);
    // The exemption covers var statements and for/for-in heads, not for-of
    // heads, and only a catch parameter that is a single identifier: a
    // destructuring catch parameter may not be redeclared by var at all.
    if (e->var && e->var->kind == PRS_VAR_CATCH && !for_of_head && s->node &&
        PRS_IS(s->node, Try) && PRS_IS(PRS_AS(s->node, Try)->param, Ident)) {
      // Annex B.3.4: var may redeclare a simple catch parameter.
      e->var_through = true;
      continue;
    }
    if (e->var) redeclared(w, name, at);
    e->var_through = true;
  }
  // Now at the var scope (function, BODY, static block, script, module).
  Entry *e = map_get(w, s, name);
  if (e->var) {
    PrsVarKind old = (PrsVarKind)e->var->kind;
    // A var next to a let/const/class, a module-level function (lexical in
    // modules, §16.2.1.1) or an import binding is a redeclaration; two vars,
    // a var and a parameter, or a var and a script-level function are not.
    bool lexical_old = e->var->lexical ||
                       (s->kind == PRS_SCOPE_MODULE && old == PRS_VAR_FUNCTION) ||
                       old == PRS_VAR_IMPORT;
    if (lexical_old) redeclared(w, name, at);
    // In a module, functions are lexical: a var may not share the name.
    if (s->kind == PRS_SCOPE_MODULE && kind == PRS_VAR_FUNCTION) redeclared(w, name, at);
    // A function declaration wins over a var of the same name: at entry the
    // binding holds the function (§10.2.11), and the generator tells
    // that from the kind. A parameter keeps its kind: the function value
    // still replaces its value at entry, but it remains a parameter slot.
    if (kind == PRS_VAR_FUNCTION && old != PRS_VAR_PARAM) e->var->kind = PRS_VAR_FUNCTION;
    return;
  }
  // A var in the var scope itself also blocks a lexical declaration there
  // (`var x; let x;` at a function's top level).
  e->var_through = true;
  add_var(w, s, e, name, kind, at);
}

/* {==== Pass 1: declare ====} */

static void declare_node(Walk *w, PrsNode *n);

// Declaration walk over a list (statements, arguments, elements).
static void declare_list(Walk *w, PrsList *l) {
  for (uint32_t i = 0; i < l->len; i++) declare_node(w, l->items[i]);
}

// Visit every child through the generated field descriptors.
// Every AST kind's child layout comes from ast.def through the generated
// prs_kind_info field descriptors, so nodes with no scope work of their
// own need no case of their own.
static void declare_children(Walk *w, PrsNode *n) {
  for (const PrsField *f = prs_kind_info[n->kind].fields(); f->name; f++) {
    char *p = (char *)n + f->offset;
    if (f->kind == PRS_FIELD_NODE && *(PrsNode **)p) declare_node(w, *(PrsNode **)p);
    if (f->kind == PRS_FIELD_LIST) declare_list(w, (PrsList *)p);
  }
}

typedef void (*BindFn)(Walk *w, PrsIdent *id, void *ctx);

// Call fn for every name a binding pattern binds; walk the defaults and
// computed keys for their own declarations (functions in defaults...).
// p may be NULL (an elided element). fn is called in source order, once
// per name; ctx is passed through. Defaults and computed keys are
// expressions that may contain functions, classes and direct evals, so
// they get the declaration walk, in the scope current at the pattern.
// Call fn for every name pattern p binds. With `declare`, also run the
// declaration pass over what the pattern evaluates (defaults, computed
// keys, member targets of assignment patterns), whose functions and
// classes declare names of their own.
static void walk_names(Walk *w, PrsNode *p, BindFn fn, void *ctx, bool declare) {
  if (!p) return;
  if (PRS_IS(p, Ident)) {
    fn(w, PRS_AS(p, Ident), ctx);
  } else if (PRS_IS(p, ArrayPattern) || PRS_IS(p, ObjectPattern)) {
    // ArrayPattern.elements and ObjectPattern.props share one layout.
    PrsList *l = &PRS_AS(p, ArrayPattern)->elements;
    for (uint32_t i = 0; i < l->len; i++) walk_names(w, l->items[i], fn, ctx, declare);
  } else if (PRS_IS(p, PatternProp)) {
    if (declare && (p->flags & PRS_FLAG_Computed)) declare_node(w, PRS_AS(p, PatternProp)->key);
    walk_names(w, PRS_AS(p, PatternProp)->value, fn, ctx, declare);
  } else if (PRS_IS(p, AssignPattern)) {
    walk_names(w, PRS_AS(p, AssignPattern)->target, fn, ctx, declare);
    if (declare) declare_node(w, PRS_AS(p, AssignPattern)->init);
  } else if (PRS_IS(p, Rest)) {
    walk_names(w, PRS_AS(p, Rest)->arg, fn, ctx, declare);
  } else if (declare) {
    // Assignment patterns may hold member expressions: no bindings.
    declare_node(w, p);
  }
}

static void for_bound_names(Walk *w, PrsNode *p, BindFn fn, void *ctx) {
  walk_names(w, p, fn, ctx, true);
}

// What bind_declared needs to know about the declaration being walked.
typedef struct DeclCtx {
  PrsVarKind kind;
  bool for_of_head;
  uint32_t ready;   /* offset from which a lexical binding is initialized */
} DeclCtx;

// for_bound_names callback for var/let/const declarators.
static void bind_declared(Walk *w, PrsIdent *id, void *ctx) {
  DeclCtx *c = ctx;
  if (c->kind == PRS_VAR_VAR) {
    declare_var(w, id->name, PRS_VAR_VAR, &id->base, c->for_of_head);
    return;
  }
  // §14.3.1.1: `let` is never a lexically bound name, in patterns either.
  if (id->name->tag == KW_LET)
    lower_error_at(w->L, id->base.start, "let is disallowed as a lexically bound name");
  // (for-in/of: only once the iterated expression has run, see ready_at.)
  // The binding leaves its TDZ when the whole declarator has run: `let
  // z = z` reads z in its TDZ.
  declare_lexical(w, w->scope, id->name, c->kind, &id->base, false)->decl_offset = c->ready;
}

// ready_at: for a for-in/of head, where the loop binding is first set (the
// end of the iterated expression); 0 for a plain declaration.
// d: the declaration; for_of_head: it is a for-of head, for the Annex B.3.4
// catch rule (declare_var).
static void declare_vardecl(Walk *w, PrsVarDecl *d, bool for_of_head, uint32_t ready_at) {
  DeclCtx c = {d->base.op == PRS_OP_Var ? PRS_VAR_VAR
               : d->base.op == PRS_OP_Let ? PRS_VAR_LET : PRS_VAR_CONST,
               for_of_head, 0};
  for (uint32_t i = 0; i < d->decls.len; i++) {
    PrsDeclarator *decl = PRS_AS(d->decls.items[i], Declarator);
    // Each declarator's names leave the TDZ at the end of their own declarator:
    // in `let a = 1, b = a` the second initializer reads an initialized a.
    c.ready = ready_at ? ready_at : decl->base.end;
    for_bound_names(w, decl->target, bind_declared, &c);
    if (decl->init) declare_node(w, decl->init);
  }
}

// What bind_param needs: the function, whether duplicate names are an
// error, and for non-simple lists where the current parameter ends.
typedef struct ParamCtx {
  PrsFunction *fn;
  bool unique;   /* duplicates are errors */
  uint32_t ready; /* non-simple lists: where the current parameter is set */
} ParamCtx;

// for_bound_names callback for parameters: binds in the FUNCTION scope.
static void bind_param(Walk *w, PrsIdent *id, void *ctx) {
  ParamCtx *c = ctx;
  Entry *e = map_get(w, w->scope, id->name);
  // A sloppy function with a simple list may repeat a name: both positions
  // bind one variable, and the last argument wins (§10.2.11 binds left to
  // right).
  if (e->var) {
    if (c->unique) lower_error_at(w->L, id->base.start, "Duplicate parameter name not allowed in this context");
    return;
  }
  PrsVar *v = add_var(w, w->scope, e, id->name, PRS_VAR_PARAM, &id->base);
  // With expressions in the list, parameters initialize left to right and
  // a default may read a later one in its TDZ: `(a = b, b) => {}`.
  if (c->ready) {
    v->lexical = true;
    v->decl_offset = c->ready;
  }
}

// Binds a function declaration's name in the scope current at the
// declaration (the enclosing scope, not the function's own).
static void declare_function_decl(Walk *w, PrsFunction *f) {
  // Hoisting: at a function's (or script's) top level a function
  // declaration is var-scoped; in a block, and at a module's top level,
  // it is lexical.
  PrsIdent *name = PRS_AS(f->name, Ident);
  if (!name) return;  // export default function () {}
  // §10.2.11 and GlobalDeclarationInstantiation: top-level functions are VarScopedDeclarations of
  // function bodies, scripts and static blocks; in a module they are
  // lexically scoped (the module's InitializeEnvironment binds them as
  // lexical, so `var f` next to them is an error).
  bool top = is_function_like(w->scope) && w->scope->kind != PRS_SCOPE_MODULE;
  bool plain = !(f->base.flags & (PRS_FLAG_Async | PRS_FLAG_Generator));
  if (top) {
    declare_var(w, name->name, PRS_VAR_FUNCTION, &name->base, false);
  } else {
    declare_lexical(w, w->scope, name->name, PRS_VAR_FUNCTION, &name->base, plain);
    // Candidates for Annex B.3.2's extra var binding: sloppy and plain only
    // (B.3.2.1: "FunctionDeclaration ... not a generator or async function").
    // Whether the binding is made waits until every declaration is known.
    if (plain && !w->scope->strict) {
      BlockFunction *b = prs_arena_alloc(w->arena, sizeof *b);
      b->fn = f;
      b->block = w->scope;
      b->next = w->block_functions;
      w->block_functions = b;
    }
  }
}

// Declares a function's own scopes: the FUNCTION scope (parameters, and
// the body's vars and lexicals when the list is simple) and a BODY scope
// when it is not. The name of a declaration is bound outside first.
static void declare_function(Walk *w, PrsFunction *f) {
  if ((f->base.flags & PRS_FLAG_Declaration) && f->name) declare_function_decl(w, f);
  PrsScope *s = push_scope(w, PRS_SCOPE_FUNCTION, &f->base);
  f->scope = s;
  s->strict = (f->base.flags & PRS_FLAG_Strict) != 0;
  s->is_arrow = (f->base.flags & PRS_FLAG_Arrow) != 0;
  // Duplicate parameters: §15.2.1 (strict code), §15.1.1 ("It is a Syntax
  // Error if IsSimpleParameterList of FormalParameterList is false and
  // BoundNames of FormalParameterList contains any duplicate elements"), and
  // UniqueFormalParameters for arrows (§15.3.1) and methods (§15.4.1).
  bool simple = (f->base.flags & PRS_FLAG_SimpleParams) != 0;
  ParamCtx pc = {f, s->strict || s->is_arrow || (f->base.flags & PRS_FLAG_Method) || !simple, 0};
  for (uint32_t i = 0; i < f->params.len; i++) {
    if (!simple) pc.ready = f->params.items[i]->end;
    for_bound_names(w, f->params.items[i], bind_param, &pc);
  }
  // §10.2.11: with parameter expressions the body's vars live in a
  // separate environment, so a closure in a default does not see them
  // (`function f(a = () => x) { var x = 1; return a(); }` reads an outer x).
  if (!simple) {
    f->body_scope = push_scope(w, PRS_SCOPE_BODY, &f->base);
    f->body_scope->strict = s->strict;
  }
  declare_list(w, &f->body);
  if (!simple) pop_scope(w);
  // Added last so that a parameter, var, or function of the same name shadows
  // it (the spec puts the name in an environment outside the function's).
  // A named function expression sees its own name, unless shadowed.
  if (f->name && !(f->base.flags & PRS_FLAG_Declaration)) {
    PrsIdent *id = PRS_AS(f->name, Ident);
    Entry *e = map_get(w, s, id->name);
    if (!e->var) add_var(w, s, e, id->name, PRS_VAR_SELF, &id->base);
  }
  pop_scope(w);
}

// A class's private names (#x) are bindings of its class scope, named
// with their '#': every method reads them from the class's context, so
// they are captured from the start. A getter/setter pair shares one.
static void declare_private_names(Walk *w, PrsClass *c, PrsScope *s) {
  for (uint32_t i = 0; i < c->members.len; i++) {
    PrsNode *m = c->members.items[i];
    if (!PRS_IS(m, ClassMember)) continue;
    PrsNode *key = PRS_AS(m, ClassMember)->key;
    if (!PRS_IS(key, PrivateName)) continue;
    PrsPrivateName *p = PRS_AS(key, PrivateName);
    Entry *e = map_get(w, s, p->name);
    if (!e->var) add_var(w, s, e, p->name, PRS_VAR_CONST, key)->captured = true;
    p->var = e->var;
  }
}

// Binds a class declaration's name in the current scope, then builds the
// CLASS scope holding the inner, immutable binding of the name
// (ClassDefinitionEvaluation's classEnv), in which the heritage, the
// computed keys and every member are declared.
static void declare_class(Walk *w, PrsClass *c) {
  PrsIdent *name = PRS_AS(c->name, Ident);
  // A class binding is initialized once the whole class is defined: its
  // heritage and computed keys see it in its TDZ.
  if ((c->base.flags & PRS_FLAG_Declaration) && name)
    declare_lexical(w, w->scope, name->name, PRS_VAR_CLASS, &name->base, false)->decl_offset =
        c->base.end;
  PrsScope *s = push_scope(w, PRS_SCOPE_CLASS, &c->base);
  c->scope = s;
  s->strict = true;
  // The inner binding exists for class expressions too: `(class C { m()
  // { return C; } })` resolves C here.
  if (name) {
    Entry *e = map_get(w, s, name->name);
    PrsVar *self = add_var(w, s, e, name->name, PRS_VAR_SELF, &name->base);
    self->lexical = true;
    self->decl_offset = c->base.end;
  }
  declare_private_names(w, c, s);
  if (c->heritage) declare_node(w, c->heritage);
  for (uint32_t i = 0; i < c->members.len; i++) {
    PrsNode *m = c->members.items[i];
    // A field initializer is evaluated later, once per instance (or once for a
    // static field), as a method of its own: give it a STATIC scope, a frame
    // of its own (is_frame). Its computed key is evaluated at class definition
    // time, in the class scope.
    if (PRS_IS(m, ClassMember) && (m->flags & PRS_FLAG_Field)) {
      PrsClassMember *cm = PRS_AS(m, ClassMember);
      if (m->flags & PRS_FLAG_Computed) declare_node(w, cm->key);
      cm->scope = push_scope(w, PRS_SCOPE_STATIC, m);
      cm->scope->strict = true;
      if (cm->value) declare_node(w, cm->value);
      pop_scope(w);
    } else {
      declare_node(w, m);
    }
  }
  pop_scope(w);
}

// Block-like nodes: a scope, then the children inside it.
// Blocks, loop heads, switch case blocks and catch clauses: a BLOCK scope.
static PrsScope *block_scope(Walk *w, PrsNode *n) {
  return push_scope(w, PRS_SCOPE_BLOCK, n);
}

// for-in/of: one BLOCK scope for the head's declaration and the body.
// *slot receives the scope (f->scope of the ForIn or ForOf node). right is
// declared inside that scope: ForIn/OfHeadEvaluation (§14.7.5) evaluates
// it in a TDZ environment holding the head's names, so `for (let x of x)`
// throws, which ready_at (the end of right) makes the resolver see.
static void declare_for(Walk *w, PrsNode *n, PrsScope **slot, PrsNode *left,
                        PrsNode *right, PrsNode *body, bool of) {
  *slot = block_scope(w, n);
  if (left && PRS_IS(left, VarDecl)) declare_vardecl(w, PRS_AS(left, VarDecl), of, right->end);
  else if (left) declare_node(w, left);
  if (right) declare_node(w, right);
  if (body) declare_node(w, body);
  pop_scope(w);
}

// for_bound_names callback for the catch parameter: §14.15.1 "It is a
// Syntax Error if BoundNames of CatchParameter contains any duplicate
// elements."
static void bind_catch(Walk *w, PrsIdent *id, void *ctx) {
  (void)ctx;
  Entry *e = map_get(w, w->scope, id->name);
  if (e->var) redeclared(w, id->name, &id->base);
  add_var(w, w->scope, e, id->name, PRS_VAR_CATCH, &id->base);
}

// The catch scope is a BLOCK owned by the Try node, holding only the
// parameter; the handler's Block gets a scope of its own inside it, and
// declare_lexical checks that scope against the parameter (§14.15.1:
// LexicallyDeclaredNames of Block may not contain a parameter name).
static void declare_try(Walk *w, PrsTry *t) {
  declare_node(w, t->block);
  if (t->handler) {
    t->scope = block_scope(w, &t->base);
    for_bound_names(w, t->param, bind_catch, NULL);
    declare_node(w, t->handler);
    pop_scope(w);
  }
  if (t->finalizer) declare_node(w, t->finalizer);
}

// Marks a call as a direct eval (§13.3.6.1: the callee is the plain
// identifier eval, not a member or an optional call), and the scopes it
// can see. Whether the callee is really the intrinsic eval is decided at
// run time; the marks only make that possible.
static void mark_direct_eval(Walk *w, PrsCall *c) {
  // eval?.(x) is an optional call, which is always an indirect eval.
  if (!PRS_IS(c->callee, Ident) || !prs_atom_is(PRS_AS(c->callee, Ident)->name, "eval") ||
      (c->base.flags & PRS_FLAG_Optional))
    return;
  c->base.flags |= PRS_FLAG_DirectEval;
  // Every enclosing scope: the eval'd code can read any visible binding, so
  // allocate_scope keeps all of them in contexts.
  for (PrsScope *s = w->scope; s; s = s->outer) s->has_direct_eval = true;
  // Sloppy eval can add var bindings to its function: names there and in
  // blocks inside it are dynamic.
  if (!w->scope->strict)
    for (PrsScope *s = w->scope; s; s = s->outer) {
      s->dynamic = true;
      if (is_function_like(s)) break;
    }
}

// for_bound_names callback for import bindings: lexical, immutable and
// initialized by module linking, so never in a TDZ of ours.
static void bind_import(Walk *w, PrsIdent *id, void *ctx) {
  (void)ctx;
  declare_lexical(w, w->scope, id->name, PRS_VAR_IMPORT, &id->base, false);
}

// The declaration walk's dispatch. Kinds that open a scope or declare
// names have a case; the long tail of kinds only walks its children. The
// switch names every PrsKind (no default) so that -Wswitch flags a kind
// added to ast.def without a decision here.
static void declare_node(Walk *w, PrsNode *n) {
  if (!n) return;
  switch ((PrsKind)n->kind) {
    case PRS_Function: declare_function(w, PRS_AS(n, Function)); return;
    case PRS_Class: declare_class(w, PRS_AS(n, Class)); return;
    case PRS_VarDecl: declare_vardecl(w, PRS_AS(n, VarDecl), false, 0); return;
    case PRS_Block:
      PRS_AS(n, Block)->scope = block_scope(w, n);
      declare_list(w, &PRS_AS(n, Block)->body);
      pop_scope(w);
      return;
    case PRS_For: {
      PrsFor *f = PRS_AS(n, For);
      f->scope = block_scope(w, n);
      declare_node(w, f->init);
      declare_node(w, f->test);
      declare_node(w, f->update);
      declare_node(w, f->body);
      pop_scope(w);
      return;
    }
    case PRS_ForIn: {
      PrsForIn *f = PRS_AS(n, ForIn);
      declare_for(w, n, &f->scope, f->left, f->right, f->body, false);
      return;
    }
    case PRS_ForOf: {
      PrsForOf *f = PRS_AS(n, ForOf);
      declare_for(w, n, &f->scope, f->left, f->right, f->body, true);
      return;
    }
    case PRS_Switch: {
      PrsSwitch *s = PRS_AS(n, Switch);
      declare_node(w, s->discriminant);
      s->scope = block_scope(w, n);
      declare_list(w, &s->cases);
      pop_scope(w);
      return;
    }
    case PRS_Try: declare_try(w, PRS_AS(n, Try)); return;
    case PRS_With: {
      PrsWith *wi = PRS_AS(n, With);
      declare_node(w, wi->object);
      wi->scope = push_scope(w, PRS_SCOPE_WITH, n);
      wi->scope->dynamic = true;
      declare_node(w, wi->body);
      pop_scope(w);
      return;
    }
    case PRS_StaticBlock: {
      PrsStaticBlock *b = PRS_AS(n, StaticBlock);
      b->scope = push_scope(w, PRS_SCOPE_STATIC, n);
      b->scope->strict = true;
      declare_list(w, &b->body);
      pop_scope(w);
      return;
    }
    case PRS_ImportSpec: for_bound_names(w, PRS_AS(n, ImportSpec)->local, bind_import, NULL); return;
    case PRS_Call: mark_direct_eval(w, PRS_AS(n, Call)); declare_children(w, n); return;
    case PRS_Script: case PRS_Module: case PRS_ExprStmt: case PRS_Empty: case PRS_If:
    case PRS_While: case PRS_DoWhile: case PRS_Return: case PRS_Break: case PRS_Continue:
    case PRS_Throw: case PRS_Case: case PRS_Labeled: case PRS_Debugger: case PRS_Import:
    case PRS_Export: case PRS_ExportSpec: case PRS_ImportAttribute: case PRS_Declarator:
    case PRS_ClassMember: case PRS_Ident: case PRS_PrivateName: case PRS_PropName:
    case PRS_This: case PRS_Super: case PRS_Null: case PRS_True: case PRS_False:
    case PRS_Number: case PRS_BigInt: case PRS_String: case PRS_Regex: case PRS_Template:
    case PRS_TemplatePart: case PRS_TaggedTemplate: case PRS_Array: case PRS_Hole:
    case PRS_Object: case PRS_Property: case PRS_Spread: case PRS_Unary: case PRS_Update:
    case PRS_Binary: case PRS_Logical: case PRS_Assign: case PRS_Conditional: case PRS_New:
    case PRS_Member: case PRS_Index: case PRS_PrivateMember: case PRS_OptionalChain:
    case PRS_Sequence: case PRS_Yield: case PRS_Await: case PRS_NewTarget:
    case PRS_ImportMeta: case PRS_ImportCall: case PRS_ObjectPattern: case PRS_PatternProp:
    case PRS_ArrayPattern: case PRS_AssignPattern: case PRS_Rest: case PRS_KIND_COUNT:
      declare_children(w, n);
      return;
  }
}

/* {==== Annex B.3.2: block functions as vars ====} */

// The var binding is made only if a `var f` in the block's place would
// not be an early error: no lexical f between the block and its function
// (nor a parameter named f, which already is the binding).
// B.3.2.1 (functions), B.3.2.2 (scripts): in sloppy code a plain function
// declared in a block also gets a var binding in the enclosing function or
// script, set when the declaration is evaluated, if a `var F` in its place
// would be legal and F is not a parameter name. PRS_FLAG_AnnexB tells the
// generator to copy the block binding into that var.
static void hoist_block_function(Walk *w, BlockFunction *b) {
  PrsAtom *name = PRS_AS(b->fn->name, Ident)->name;
  PrsScope *s = b->block->outer;
  for (; !is_function_like(s); s = s->outer) {
    PrsVar *v = lookup_here(s, name);
    // Only a plain `catch (f)` lets the var through (B.3.4).
    // The simple catch parameter exemption of B.3.4 counts here too, since
    // the test is whether a var declaration would be an early error.
    bool simple_catch = v && v->kind == PRS_VAR_CATCH && PRS_IS(s->node, Try) &&
                        PRS_IS(PRS_AS(s->node, Try)->param, Ident);
    if (v && !simple_catch) return;
  }
  // At the var scope: a lexical binding, a parameter (B.3.2.1 excludes
  // parameterNames) or an import blocks it; an existing var or function is
  // reused as the binding.
  PrsVar *v = lookup_here(s, name);
  if (v && (v->lexical || v->kind == PRS_VAR_PARAM || v->kind == PRS_VAR_IMPORT)) return;
  // With a BODY scope the parameters are one scope further out.
  PrsVar *param = s->kind == PRS_SCOPE_BODY ? lookup_here(s->outer, name) : NULL;
  if (param && param->kind == PRS_VAR_PARAM) return;
  // Modules are strict code, so no candidate comes from one; kept as a guard.
  if (s->kind == PRS_SCOPE_MODULE) return;
  b->fn->base.flags |= PRS_FLAG_AnnexB;
  // No var of that name yet: create it (initialized to undefined at entry,
  // B.3.2.1), marked var_through like any var.
  if (!v) {
    Entry *e = map_get(w, s, name);
    add_var(w, s, e, name, PRS_VAR_VAR, &b->fn->base);
    e->var_through = true;
  }
}

/* {==== Allocation ====} */

// Decides each variable's location (scope.h invariants) and numbers the
// context slots of s densely. Called when the resolve walk leaves s, once
// every reference, and so every capture, is known.
static void allocate_scope(PrsScope *s) {
  // A direct eval can name any variable it can see: keep them all in
  // contexts, as it would capture them.
  bool eval_visible = s->has_direct_eval;
  // A sloppy function with simple parameters that uses `arguments` gets a
  // mapped arguments object, which aliases the parameters: they live in
  // the context, where the object can reach them.
  bool mapped = s->kind == PRS_SCOPE_FUNCTION && s->uses_arguments && !s->strict &&
                s->node && (s->node->flags & PRS_FLAG_SimpleParams);
  for (PrsVar *v = s->vars; v; v = v->next) {
    // Script bindings are properties of the global object or entries of the
    // global declarative record (§9.1.1.4), reachable by name from other
    // scripts: never registers.
    if (s->kind == PRS_SCOPE_SCRIPT && !(s->eval && (v->lexical || s->strict))) {
      v->location = PRS_LOC_GLOBAL;
    // A module environment outlives the module's evaluation (exported
    // bindings are read by importers, functions run later), so its locals live
    // in its context; imports are indirections to another module's binding.
    } else if (s->kind == PRS_SCOPE_MODULE) {
      v->location = v->kind == PRS_VAR_IMPORT ? PRS_LOC_MODULE : PRS_LOC_CONTEXT;
      v->index = s->context_slots++;
    // dynamic: a `with` body or the var scope of a sloppy direct eval, where
    // a lookup by name at run time must find the variable.
    } else if (v->captured || eval_visible || s->dynamic || (mapped && v->kind == PRS_VAR_PARAM)) {
      v->location = PRS_LOC_CONTEXT;
      v->index = s->context_slots++;
    // Registers are numbered per frame (s->function), never reused between
    // sibling blocks: allocation is one monotonic pass.
    } else {
      v->location = PRS_LOC_REGISTER;
      v->index = s->function->registers++;
    }
  }
}

/* {==== Pass 2: resolve ====} */

static void resolve_node(Walk *w, PrsNode *n);

// Resolution walk over every child, as declare_children does.
static void resolve_children(Walk *w, PrsNode *n) {
  for (const PrsField *f = prs_kind_info[n->kind].fields(); f->name; f++) {
    char *p = (char *)n + f->offset;
    if (f->kind == PRS_FIELD_NODE && *(PrsNode **)p) resolve_node(w, *(PrsNode **)p);
    if (f->kind == PRS_FIELD_LIST) {
      PrsList *l = (PrsList *)p;
      for (uint32_t i = 0; i < l->len; i++) resolve_node(w, l->items[i]);
    }
  }
}

// The implicit arguments object of the nearest non-arrow function.
// fs is a non-arrow FUNCTION scope: arrows have no arguments object of
// their own (§15.3, `arguments` is lexical). The binding is created on
// first use, since only functions that mention `arguments` need the
// object.
static PrsVar *arguments_of(Walk *w, PrsScope *fs, PrsIdent *id) {
  Entry *e = map_get(w, fs, id->name);
  if (!e->var) add_var(w, fs, e, id->name, PRS_VAR_ARGUMENTS, &fs->node[0]);
  fs->uses_arguments = true;
  return e->var;
}

// A declared name (Binding flag) denotes its own declaration: it is looked
// up for the generator's sake but is never a capture or a TDZ read.
// Binding-flagged identifiers are declaration sites: the declaring name in
// a VarDecl, a parameter, a catch parameter, a function or class name.
static void resolve_binding(Walk *w, PrsIdent *id) {
  bool dynamic = false;
  for (PrsScope *s = w->scope; s; s = s->outer) {
    PrsVar *v = lookup_here(s, id->name);
    if (v) {
      // `with (o) { var y = 1 }` assigns through o when o has y: the
      // name is then found at run time, and y must be findable by name.
      if (dynamic) v->captured = true;
      else id->var = v;
      return;
    }
    if (s->dynamic) dynamic = true;
  }
}

// Resolves a reference (or, via resolve_binding, a declaration site).
// Outcome: id->var set when statically known, NULL for a global or a name
// a `with` or sloppy eval may shadow; captured and HoleCheck set as needed.
static void resolve_ident(Walk *w, PrsIdent *id) {
  if (id->base.flags & PRS_FLAG_Binding) {
    resolve_binding(w, id);
    return;
  }
  // dynamic: a scope passed on the way may hold this name at run time only
  // (`with`, sloppy eval); crossed: a frame boundary was passed, so the
  // binding belongs to an outer function.
  bool dynamic = false, crossed = false;
  for (PrsScope *s = w->scope; s; s = s->outer) {
    PrsVar *v = lookup_here(s, id->name);
    // Only a FUNCTION scope that is not an arrow's gets an implicit arguments
    // object; a BODY scope's lookup continues to its FUNCTION scope.
    bool implicit_args = !v && s->kind == PRS_SCOPE_FUNCTION && !s->is_arrow &&
                         id->name->tag == KW_ARGUMENTS;
    if (implicit_args) v = arguments_of(w, s, id);
    if (v) {
      if (crossed || dynamic) v->captured = true;
      if (dynamic) return;  // found at run time by name; var stays NULL
      id->var = v;
      // A reference that runs before the declaration, from a closure, or
      // in a switch (cases jump past declarations) may see the hole.
      if (v->lexical && (crossed || id->base.start <= v->decl_offset ||
                         (v->scope->node && PRS_IS(v->scope->node, Switch))))
        id->base.flags |= PRS_FLAG_HoleCheck;
      return;
    }
    // Both flags are set after the scope's own lookup: a with scope's names
    // are not in our maps, and a function's own variables are not captures.
    if (s->dynamic) dynamic = true;
    if (is_frame(s)) crossed = true;
  }
}

// #x resolves statically to the nearest class declaring it (the front
// end has already rejected undeclared names); `with` and eval never
// shadow private names.
static PrsVar *resolve_private(Walk *w, PrsAtom *name) {
  for (PrsScope *s = w->scope; s; s = s->outer) {
    if (s->kind != PRS_SCOPE_CLASS) continue;
    PrsVar *v = lookup_here(s, name);
    if (v) return v;
  }
  return NULL;
}

// `this` in an arrow belongs to the enclosing function.
// Marks uses_this on every function scope from here out to the first
// function-like scope that binds `this` itself: arrows (§15.3) and BODY
// scopes have no `this` of their own, so an arrow's use is its
// enclosing function's (which then must keep `this` for the arrow).
// super also needs the home object's `this` (SuperProperty reads it).
static void note_this(Walk *w) {
  for (PrsScope *s = w->scope; s; s = s->outer) {
    if (s->kind == PRS_SCOPE_FUNCTION) s->uses_this = true;
    if (is_function_like(s) && !s->is_arrow && s->kind != PRS_SCOPE_BODY) return;
  }
}

// Every reference to a scope's variables lies inside the scope, so once
// the walk leaves it, what is captured is known: allocate it then, which
// spares a third walk over the AST.
static void leave_scope(Walk *w, PrsScope *inner, PrsScope *saved) {
  if (inner) allocate_scope(inner);
  w->scope = saved;
}

// For nodes whose whole subtree is in scope s (NULL: no scope of their own).
static void resolve_scoped(Walk *w, PrsNode *n, PrsScope *s) {
  PrsScope *saved = w->scope;
  if (s) w->scope = s;
  resolve_children(w, n);
  leave_scope(w, s, saved);
}

// The resolve walk's dispatch. Nodes whose parts run in different scopes
// are split by hand: a declaration's name (bound outside), a function's
// parameters and body when they have separate scopes, a switch's
// discriminant (outside its case block), a with's object (outside the
// object environment), a try's block and finalizer (outside the catch
// scope), a field's key (class scope) and initializer (its STATIC scope).
// Everything else resolves its children in the current scope.
static void resolve_node(Walk *w, PrsNode *n) {
  switch ((PrsKind)n->kind) {
    case PRS_Ident: resolve_ident(w, PRS_AS(n, Ident)); return;
    case PRS_PrivateName: {
      PrsPrivateName *p = PRS_AS(n, PrivateName);
      if (!p->var) p->var = resolve_private(w, p->name);
      return;
    }
    case PRS_PrivateMember: {
      PrsPrivateMember *p = PRS_AS(n, PrivateMember);
      resolve_node(w, p->object);
      p->var = resolve_private(w, p->name);
      return;
    }
    case PRS_This: case PRS_Super: note_this(w); return;
    case PRS_Function: {
      // A declaration's name is bound outside the function.
      PrsFunction *f = PRS_AS(n, Function);
      if (f->name && (n->flags & PRS_FLAG_Declaration)) resolve_node(w, f->name);
      // Parameters in the function scope, the body in its own scope when
      // it has one; an expression's own name inside the function.
      PrsScope *saved = w->scope;
      w->scope = f->scope;
      if (f->name && !(n->flags & PRS_FLAG_Declaration)) resolve_node(w, f->name);
      for (uint32_t i = 0; i < f->params.len; i++) resolve_node(w, f->params.items[i]);
      if (f->body_scope) w->scope = f->body_scope;
      for (uint32_t i = 0; i < f->body.len; i++) resolve_node(w, f->body.items[i]);
      if (f->body_scope) leave_scope(w, f->body_scope, f->scope);
      leave_scope(w, f->scope, saved);
      return;
    }
    case PRS_Class: {
      PrsClass *c = PRS_AS(n, Class);
      if (c->name && (n->flags & PRS_FLAG_Declaration)) resolve_node(w, c->name);
      resolve_scoped(w, n, c->scope);
      return;
    }
    case PRS_Block: resolve_scoped(w, n, PRS_AS(n, Block)->scope); return;
    case PRS_For: resolve_scoped(w, n, PRS_AS(n, For)->scope); return;
    case PRS_ForIn: resolve_scoped(w, n, PRS_AS(n, ForIn)->scope); return;
    case PRS_ForOf: resolve_scoped(w, n, PRS_AS(n, ForOf)->scope); return;
    case PRS_StaticBlock: resolve_scoped(w, n, PRS_AS(n, StaticBlock)->scope); return;
    case PRS_Switch: {
      PrsSwitch *s = PRS_AS(n, Switch);
      resolve_node(w, s->discriminant);
      PrsScope *saved = w->scope;
      w->scope = s->scope;
      for (uint32_t i = 0; i < s->cases.len; i++) resolve_node(w, s->cases.items[i]);
      leave_scope(w, s->scope, saved);
      return;
    }
    case PRS_With: {
      PrsWith *wi = PRS_AS(n, With);
      resolve_node(w, wi->object);
      PrsScope *saved = w->scope;
      w->scope = wi->scope;
      resolve_node(w, wi->body);
      leave_scope(w, wi->scope, saved);
      return;
    }
    case PRS_Try: {
      PrsTry *t = PRS_AS(n, Try);
      resolve_node(w, t->block);
      PrsScope *saved = w->scope;
      if (t->scope) w->scope = t->scope;
      if (t->param) resolve_node(w, t->param);
      if (t->handler) resolve_node(w, t->handler);
      leave_scope(w, t->scope, saved);
      if (t->finalizer) resolve_node(w, t->finalizer);
      return;
    }
    case PRS_ClassMember: {
      PrsClassMember *m = PRS_AS(n, ClassMember);
      if (m->key) resolve_node(w, m->key);
      PrsScope *saved = w->scope;
      if (m->scope) w->scope = m->scope;
      if (m->value) resolve_node(w, m->value);
      leave_scope(w, m->scope, saved);
      return;
    }
    case PRS_Script: case PRS_Module: case PRS_VarDecl: case PRS_Declarator:
    case PRS_ExprStmt: case PRS_Empty: case PRS_If: case PRS_While: case PRS_DoWhile:
    case PRS_Return: case PRS_Break: case PRS_Continue: case PRS_Throw: case PRS_Case:
    case PRS_Labeled: case PRS_Debugger: case PRS_Import: case PRS_Export:
    case PRS_ImportSpec: case PRS_ExportSpec: case PRS_ImportAttribute:
    case PRS_PropName: case PRS_Null: case PRS_True: case PRS_False:
    case PRS_Number: case PRS_BigInt: case PRS_String: case PRS_Regex: case PRS_Template:
    case PRS_TemplatePart: case PRS_TaggedTemplate: case PRS_Array: case PRS_Hole:
    case PRS_Object: case PRS_Property: case PRS_Spread: case PRS_Unary: case PRS_Update:
    case PRS_Binary: case PRS_Logical: case PRS_Assign: case PRS_Conditional: case PRS_Call:
    case PRS_New: case PRS_Member: case PRS_Index:
    case PRS_OptionalChain: case PRS_Sequence: case PRS_Yield: case PRS_Await:
    case PRS_NewTarget: case PRS_ImportMeta: case PRS_ImportCall: case PRS_ObjectPattern:
    case PRS_PatternProp: case PRS_ArrayPattern: case PRS_AssignPattern: case PRS_Rest:
    case PRS_KIND_COUNT:
      resolve_children(w, n);
      return;
  }
}

/* {==== Modules: export names ====} */


// Record one exported name in the scratch scope; a second one is an error.
// walk_names callback; ctx is the scratch scope.
static void note_export(Walk *w, PrsIdent *id, void *ctx) {
  Entry *e = map_get(w, ctx, id->name);
  if (e->var_through) lower_error_at(w->L, id->base.start, "Duplicate export of '%s'", id->name->text);
  e->var_through = true;
}

// §16.2.1.1 early errors for a module: "It is a Syntax Error if the
// ExportedNames of ModuleItemList contains any duplicate entries" and "if
// any element of the ExportedBindings ... does not also occur in either
// the VarDeclaredNames ... or the LexicallyDeclaredNames of ModuleItemList".
// Runs after the declare walk, so exports may precede the declarations.
static void check_exports(Walk *w, PrsModule *m) {
  // Exported names must be unique; local names must be declared. The
  // exported names are collected in the map of a scratch scope.
  PrsScope tmp = {0};
  for (uint32_t i = 0; i < m->body.len; i++) {
    PrsNode *item = m->body.items[i];
    if (!PRS_IS(item, Export)) continue;
    PrsExport *ex = PRS_AS(item, Export);
    for (uint32_t j = 0; j < ex->specifiers.len; j++) {
      PrsExportSpec *s = PRS_AS(ex->specifiers.items[j], ExportSpec);
      // A local name is checked only without `from`: re-exports name bindings of
      // the other module, which the loader checks.
      if (!ex->source && s->local && !lookup_here(m->scope, s->local))
        lower_error_at(w->L, s->base.start, "Export '%s' is not defined in module", s->local->text);
      if (!s->exported) continue;
      Entry *e = map_get(w, &tmp, s->exported);
      if (e->var_through) lower_error_at(w->L, s->base.start, "Duplicate export of '%s'", s->exported->text);
      e->var_through = true;
    }
    // Declarations export their bound names; default exports "default".
    if (ex->base.flags & PRS_FLAG_Default) {
      PrsIdent dflt = {.base = ex->base, .name = prs_atom(&w->L->ast->atoms, "default", 7)};
      note_export(w, &dflt, &tmp);
    } else if (ex->decl && PRS_IS(ex->decl, VarDecl)) {
      PrsVarDecl *d = PRS_AS(ex->decl, VarDecl);
      for (uint32_t k = 0; k < d->decls.len; k++)
        walk_names(w, PRS_AS(d->decls.items[k], Declarator)->target, note_export, &tmp, false);
    } else if (ex->decl && PRS_IS(ex->decl, Function) && PRS_AS(ex->decl, Function)->name) {
      note_export(w, PRS_AS(PRS_AS(ex->decl, Function)->name, Ident), &tmp);
    } else if (ex->decl && PRS_IS(ex->decl, Class) && PRS_AS(ex->decl, Class)->name) {
      note_export(w, PRS_AS(PRS_AS(ex->decl, Class)->name, Ident), &tmp);
    }
  }
}

/* {==== Entry ====} */

// Entry point, after lowering: declare, apply Annex B.3.2, check exports,
// then resolve (which allocates each inner scope as it leaves it) and
// finally allocate the top-level scope. Errors longjmp out through
// lower_error_at, like the lowering's own.
void prs_scope_analyze(Lower *L) {
  Walk w = {L, &L->ast->arena, NULL, NULL};
  PrsNode *root = L->ast->root;
  bool module = PRS_IS(root, Module);
  PrsScope *s = push_scope(&w, module ? PRS_SCOPE_MODULE : PRS_SCOPE_SCRIPT, root);
  s->strict = (root->flags & PRS_FLAG_Strict) != 0;
  s->eval = L->eval;
  PrsList *body = module ? &PRS_AS(root, Module)->body : &PRS_AS(root, Script)->body;
  if (module) PRS_AS(root, Module)->scope = s;
  else PRS_AS(root, Script)->scope = s;
  declare_list(&w, body);
  // Annex B.3.2 must wait for the whole program: a later `let f` in an
  // enclosing block decides whether f may become a var.
  for (BlockFunction *b = w.block_functions; b; b = b->next) hoist_block_function(&w, b);
  if (module) check_exports(&w, PRS_AS(root, Module));
  // The declare walk pushed and popped back to NULL above the root; the
  // resolve walk starts inside the root scope.
  w.scope = s;
  for (uint32_t i = 0; i < body->len; i++) resolve_node(&w, body->items[i]);
  // The root scope has no leave_scope of its own.
  allocate_scope(s);
}
