/*
 * runtime/object.h — heap object layouts: maps (hidden classes), strings,
 * symbols, arrays, dictionaries, objects, functions, contexts.
 *
 * Invariants:
 *  - Every heap object starts with `JSMap *map`; map->type is its JSType.
 *    All JS objects (type >= JS_TYPE_Object) start with JSObject's fields.
 *  - Property keys are internalized strings or symbols (JSValue): two keys
 *    are equal iff their bits are equal. Array indices (canonical numeric
 *    strings below 2^32-1) never appear as named keys of an object: they
 *    live in its elements, found through js_key_to_index.
 *  - A map in fast mode describes every named own property: its key, its
 *    attributes and its storage slot (slot < inline_count: in-object at
 *    js_inline_slots(obj)[slot]; else obj->props->v[slot - inline_count]).
 *    Maps are immutable once an object uses them; adding a property moves
 *    the object along a transition to a child map. A dictionary-mode
 *    object (JS_MAP_DICT) owns its map and keeps properties in obj->props
 *    as a JSDict.
 *  - An object's elements are NULL, a dense JSArrayStore (holes are
 *    JS_HOLE) or a JSDict keyed by int32-tagged indices (sparse).
 *  - Accessor properties store a JSAccessor cell as their value, with
 *    JS_ATTR_ACCESSOR set.
 *  - Stores into heap objects go through ORI_STORE (orinoco/orinoco.h).
 */
#ifndef JSVM_RUNTIME_OBJECT_H
#define JSVM_RUNTIME_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "orinoco/orinoco.h"
#include "runtime/value.h"

typedef enum JSType {
#define JS_TYPE(name, desc) JS_TYPE_##name,
#include "runtime/types.def"
  JS_TYPE_COUNT
} JSType;

typedef struct JSMap JSMap;
typedef struct JSVM JSVM;

/* {==== Property attributes ====} */

enum {
  JS_ATTR_WRITABLE = 1,
  JS_ATTR_ENUMERABLE = 2,
  JS_ATTR_CONFIGURABLE = 4,
  JS_ATTR_ACCESSOR = 8,     /* value is a JSAccessor; WRITABLE is unused */
  JS_ATTR_DEFAULT = JS_ATTR_WRITABLE | JS_ATTR_ENUMERABLE | JS_ATTR_CONFIGURABLE,
  /* builtin methods: writable, configurable, not enumerable */
  JS_ATTR_METHOD = JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE,
};

/* {==== Cells ====} */

typedef struct JSCell {
  JSMap *map;
} JSCell;

/* Fixed-size array of values: backing stores, constant pools, lists. */
typedef struct JSArrayStore {
  JSMap *map;
  uint32_t length;   /* capacity in values */
  uint32_t used;     /* free for the owner (e.g. a list's length) */
  JSValue v[];
} JSArrayStore;

typedef struct JSBytes {
  JSMap *map;
  uint32_t length;
  uint32_t unused;
  uint8_t b[];
} JSBytes;

/* String. Flat strings hold their characters; a cons string (a rope made
 * by concatenation) holds two halves until js_string_flatten turns it into
 * a flat one in place (left then points at the flat copy, right is NULL).*/
enum {
  JS_STR_TWO_BYTE = 1,   /* chars are uint16_t (else Latin-1 bytes) */
  JS_STR_CONS = 2,
  JS_STR_INTERNED = 4,   /* the unique instance in the string table */
  JS_STR_INDEX = 8,      /* hash field holds an array index (interned) */
  JS_STR_NOT_INDEX = 16, /* known not to be an array index */
};
typedef struct JSString {
  JSMap *map;
  uint32_t length;      /* in UTF-16 code units */
  uint32_t hash;        /* 0 = not computed yet */
  uint32_t flags;
  uint32_t index;       /* JS_STR_INDEX: the array index it spells */
  union {
    struct { struct JSString *left, *right; } cons;
    uint8_t c8[8];
    uint16_t c16[4];
  } u;
} JSString;

typedef struct JSSymbol {
  JSMap *map;
  JSValue description;   /* string or undefined */
  uint32_t hash;
  uint32_t flags;        /* JS_SYM_* */
} JSSymbol;
enum { JS_SYM_REGISTERED = 1, JS_SYM_PRIVATE = 2, JS_SYM_WELL_KNOWN = 4 };

/* Open-addressing hash table: keys (property keys or int32 indices),
 * values, attributes. Deleted entries keep JS_HOLE as key. Insertion
 * order is kept in `order` so that enumeration follows the spec. */
typedef struct JSDictEntry {
  JSValue key;
  JSValue value;
  uint32_t attrs;
  uint32_t order;       /* insertion sequence number */
} JSDictEntry;
typedef struct JSDict {
  JSMap *map;
  uint32_t capacity;    /* power of two */
  uint32_t count;       /* live entries */
  uint32_t used;        /* live + deleted */
  uint32_t next_order;
  JSDictEntry e[];
} JSDict;

typedef struct JSAccessor {
  JSMap *map;
  JSValue getter, setter;  /* function or undefined */
} JSAccessor;

/* {==== Maps ====} */

enum {
  JS_MAP_DICT = 1,          /* properties in a JSDict; map owned */
  JS_MAP_NOT_EXTENSIBLE = 2,
  JS_MAP_CALLABLE = 4,
  JS_MAP_CONSTRUCTOR = 8,
  JS_MAP_PROTOTYPE = 16,    /* used as a prototype: changes invalidate ICs */
  JS_MAP_HAS_INDEXED_ACCESSORS = 32, /* an element may be non-plain */
  JS_MAP_SEALED_ELEMENTS = 64,
  JS_MAP_EXOTIC_GET = 128,  /* lookups go through the type's hooks */
  JS_MAP_HAS_FROZEN = 256,  /* some property is non-writable */
};

/* One property in a fast map. */
typedef struct JSDescriptor {
  JSValue key;
  uint32_t attrs;
  uint32_t slot;
} JSDescriptor;

/* A map's outgoing transitions: key + attrs -> child map. */
typedef struct JSTransitions {
  JSMap *map;
  uint32_t count, capacity;
  struct { JSValue key; uint32_t attrs; JSMap *target; } t[];
} JSTransitions;

struct JSMap {
  JSMap *map;               /* the meta map */
  uint8_t type;             /* JSType */
  uint8_t inline_count;     /* in-object property slots */
  uint16_t flags;           /* JS_MAP_* */
  uint32_t nprops;          /* fast mode: descriptors in use */
  uint32_t instance_size;   /* bytes, for fixed-size types; 0 = varies */
  uint32_t inline_start;    /* byte offset of the in-object slots */
  uint32_t desc_capacity;
  uint32_t id;              /* unique, for printing and feedback */
  JSValue proto;            /* prototype object or null */
  JSDescriptor *descs;      /* owned array (in a JSBytes) */
  JSMap *back;              /* parent in the transition tree */
  JSTransitions *transitions;
};

/* {==== Objects ====} */

typedef struct JSObject {
  JSMap *map;
  JSCell *props;            /* out-of-line slots (JSArrayStore) or JSDict */
  JSCell *elements;         /* NULL, JSArrayStore (dense) or JSDict */
} JSObject;

static inline JSValue *js_inline_slots(JSObject *o) {
  return (JSValue *)((char *)o + o->map->inline_start);
}

/* In-object slots of a plain object's root map (map.h's JS_DEFAULT_INLINE). */
#define JS_DEFAULT_INLINE_SLOTS 4

typedef struct JSArrayObject {
  JSObject base;
  uint32_t length;          /* the length property */
  uint32_t length_readonly; /* length made non-writable */
} JSArrayObject;

/* An arguments object; a mapped one (sloppy functions with simple
 * parameters) aliases its first elements to the parameters' context
 * slots until a define or delete breaks the link (map entry -> hole). */
typedef struct JSArgumentsObject {
  JSObject base;
  struct JSEnv *env;         /* mapped: the function's context, else NULL */
  struct JSArrayStore *map;  /* mapped: context slot per index, or hole */
} JSArgumentsObject;

typedef struct JSPrimitiveObject {
  JSObject base;
  JSValue value;            /* [[BooleanData]] etc. */
} JSPrimitiveObject;

typedef struct JSErrorObject {
  JSObject base;
  JSValue stack_trace;      /* captured frames (JSArrayStore) */
} JSErrorObject;

/* What closures of one function literal share. */
typedef JSValue (*JSNative)(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue new_target);
enum {
  JS_FN_STRICT = 1,
  JS_FN_ARROW = 2,
  JS_FN_METHOD = 4,         /* method, getter, setter: has a home object */
  JS_FN_CONSTRUCTOR = 8,    /* [[Construct]] exists */
  JS_FN_CLASS = 16,         /* class constructor: [[Call]] throws */
  JS_FN_DERIVED = 32,       /* derived class constructor */
  JS_FN_GENERATOR = 64,
  JS_FN_ASYNC = 128,
  JS_FN_NATIVE = 256,
  JS_FN_BASE_CLASS_FIELDS = 512, /* base constructor that runs field inits */
};
typedef struct JSShared {
  JSMap *map;
  JSValue name;             /* string */
  JSValue source;           /* script source string (for toString) */
  uint32_t src_start, src_end;
  uint32_t flags;           /* JS_FN_* */
  uint16_t length;          /* the function's length property */
  uint16_t nparams;         /* formal parameter registers */
  JSNative native;          /* JS_FN_NATIVE */
  int32_t magic;            /* natives: a per-instance selector */
  struct IgnCode *code;     /* bytecode (NULL until compiled) */
  void *lazy;               /* the function's AST node, compiled on first call */
  void *script;             /* IgnScript of bytecode functions */
  /* The [[Realm]] of every function object made from this record: the
   * realm current when it was made (a native's installer, or the running
   * code of the realm whose script is compiled). A raw C pointer to a
   * malloc'd JSRealm (never freed, traced from vm->realms), so the layout
   * does not visit it. Kept here, not per closure, to keep closures small. */
  struct JSRealm *realm;
  JSValue script_name;      /* file name string for stack traces */
} JSShared;

typedef struct JSEnv {
  JSMap *map;
  struct JSEnv *parent;
  JSValue scope_info;       /* names of the slots, for eval/with/debug */
  JSValue with_object;      /* a with scope's object, else undefined */
  JSValue extension;        /* vars a sloppy direct eval added (object) */
  uint32_t length;
  uint32_t flags;           /* JS_ENV_* */
  JSValue slots[];
} JSEnv;
enum { JS_ENV_FUNCTION = 1 };  /* a function's var environment */

typedef struct JSFeedback JSFeedback;

typedef struct JSFunction {
  JSObject base;
  JSShared *shared;
  JSEnv *env;
  JSFeedback *feedback;
  JSValue home_object;      /* methods: the object super is relative to */
  JSValue this_value;       /* arrows: the captured this */
  JSValue new_target;       /* arrows: the captured new.target */
  JSValue fields;           /* class constructors: field initializer fn */
} JSFunction;

typedef struct JSBoundFunction {
  JSObject base;
  JSValue target;
  JSValue this_value;
  JSArrayStore *args;
} JSBoundFunction;

/* {==== Type tests ====} */

static inline JSType js_cell_type(const void *p) {
  return (JSType)((const JSCell *)p)->map->type;
}
static inline bool js_is_type(JSValue v, JSType t) {
  return js_is_heap(v) && js_cell_type(js_heap(v)) == t;
}
static inline bool js_is_string(JSValue v) { return js_is_type(v, JS_TYPE_String); }
static inline bool js_is_symbol(JSValue v) { return js_is_type(v, JS_TYPE_Symbol); }
static inline bool js_is_object(JSValue v) {
  return js_is_heap(v) && js_cell_type(js_heap(v)) >= JS_TYPE_Object;
}
static inline bool js_is_callable(JSValue v) {
  return js_is_heap(v) && (((JSCell *)js_heap(v))->map->flags & JS_MAP_CALLABLE);
}
static inline bool js_is_constructor(JSValue v) {
  return js_is_heap(v) && (((JSCell *)js_heap(v))->map->flags & JS_MAP_CONSTRUCTOR);
}
static inline bool js_is_function(JSValue v) { return js_is_type(v, JS_TYPE_Function); }
static inline bool js_is_array(JSValue v) { return js_is_type(v, JS_TYPE_ArrayObject); }

static inline JSObject *js_obj(JSValue v) { return (JSObject *)js_heap(v); }
static inline JSString *js_str(JSValue v) { return (JSString *)js_heap(v); }
static inline JSFunction *js_fn(JSValue v) { return (JSFunction *)js_heap(v); }
static inline JSValue js_val(const void *p) { return js_from_heap(p); }

#endif
