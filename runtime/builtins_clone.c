/*
 * runtime/builtins_clone.c — structuredClone(value [, {transfer}]) (HTML
 * §2.7.3, StructuredSerializeWithTransfer then StructuredDeserialize-
 * WithTransfer), done as one depth-first copy: primitives but symbols;
 * Boolean, Number, String and BigInt wrappers; Date; RegExp (lastIndex
 * not kept); ArrayBuffer (resizable ones keep their maximum) and its
 * views (typed arrays, DataView) sharing the cloned buffer; Map and Set
 * (keys and values cloned); Error objects (name reduced to the seven
 * native ones, own data message, and as V8 does the stack string and a
 * cloned own cause); Arrays (their length, holes kept) and ordinary
 * objects (own enumerable string keys, read with [[Get]]). Anything else
 * (symbols, functions, proxies, promises, weak collections, ...) throws a
 * DataCloneError: an Error whose name is "DataCloneError" and code 25, as
 * node's DOMException has, with V8's message ("f could not be cloned.").
 *
 * Invariants:
 *  - `memory` (an internal Map, never exposed) maps every source object
 *    already reached to its clone, set before the object's contents are
 *    cloned, so cycles and shared references come out the same shape.
 *  - Serialization's observable steps (getters run by [[Get]], the Error
 *    name/message reads, ToString of a message) happen in the spec's
 *    depth-first order; the spec's separate deserialization pass creates
 *    objects no user code can see, so building clones on the way is
 *    equivalent. Map and Set entries are snapshot before any is cloned,
 *    as the spec's copiedList is.
 *  - Transferred ArrayBuffers get their clone (a placeholder) up front;
 *    their blocks move into it (the source detached) only after the walk.
 *  - The walk recurses in C, guarded by js_check_stack (RangeError).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/builtins_typedarray.h"
#include "runtime/collections.h"
#include "runtime/date.h"
#include "runtime/iterator.h"
#include "runtime/regexp.h"
#include "runtime/runtime.h"

/* {==== DataCloneError ====} */

// The constructor name V8 shows as "#<Name>": the prototype's own
// `constructor` data property's function name, read without running code.
static JSValue constructor_name(JSVM *vm, JSValue obj) {
  JSValue proto = js_obj(obj)->map->proto;
  if (js_is_object(proto) && js_cell_type(js_heap(proto)) != JS_TYPE_Proxy &&
      js_cell_type(js_heap(obj)) != JS_TYPE_Proxy) {
    JSPropDesc d;
    if (js_get_own_property(vm, proto, vm->atom[JS_ATOM_constructor], &d) == 1 &&
        d.has_value && js_is_function(d.value)) {
      JSValue name = js_fn(d.value)->shared->name;
      if (js_is_string(name) && js_string_length(name)) return name;
    }
    if (vm->has_exception) js_take_exception(vm);
  }
  return js_atom(vm, "Object");
}

// How V8 names the value that could not be cloned: a function's source
// text, "Symbol(desc)", "#<Name>" for other objects.
static void describe(JSVM *vm, JSStrBuf *sb, JSValue v) {
  if (js_is_symbol(v)) {
    JSValue d = ((JSSymbol *)js_heap(v))->description;
    js_sb_ascii(sb, "Symbol(");
    if (js_is_string(d)) js_sb_string(sb, d);
    js_sb_char(sb, ')');
  } else if (js_is_function(v) && js_is_string(js_function_source(vm, v))) {
    js_sb_string(sb, js_function_source(vm, v));
  } else if (js_is_callable(v)) {
    js_sb_ascii(sb, "function ");
    if (js_is_function(v)) js_sb_string(sb, js_fn(v)->shared->name);
    js_sb_ascii(sb, "() { [native code] }");
  } else if (js_is_type(v, JS_TYPE_Primitive)) {
    js_sb_ascii(sb, "[object Symbol]");  // the only wrapper refused
  } else {
    js_sb_ascii(sb, "#<");
    js_sb_string(sb, constructor_name(vm, v));
    js_sb_char(sb, '>');
  }
}

// Throw a DataCloneError with message; its stack names it too.
static JSValue throw_clone_error(JSVM *vm, JSValue message) {
  JSValue err = js_new_error(vm, JS_ERR_Error, message);
  JSValue name = js_atom(vm, "DataCloneError");
  js_define_value(vm, err, vm->atom[JS_ATOM_name], name, JS_ATTR_METHOD);
  js_define_value(vm, err, js_atom(vm, "code"), js_from_int32(25), JS_ATTR_METHOD);
  JSValue stack = js_get(vm, err, vm->atom[JS_ATOM_stack]);
  if (js_is_string(stack) && js_string_length(stack) >= 5) {
    // "Error..." becomes "DataCloneError...".
    stack = js_string_concat(vm, name, js_string_substring(vm, stack, 5, js_string_length(stack)));
    if (!js_is_exception(stack))
      js_define_value(vm, err, vm->atom[JS_ATOM_stack], stack, JS_ATTR_METHOD);
  }
  if (vm->has_exception) return JS_EXCEPTION;
  return js_throw(vm, err);
}

// DataCloneError: "<v> could not be cloned."
static JSValue throw_not_cloneable(JSVM *vm, JSValue v) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  describe(vm, &sb, v);
  js_sb_ascii(&sb, " could not be cloned.");
  JSValue msg = js_sb_finish(&sb);
  if (js_is_exception(msg)) return msg;
  return throw_clone_error(vm, msg);
}

static JSValue throw_clone_error_str(JSVM *vm, const char *msg) {
  return throw_clone_error(vm, js_string_from_cstr(vm, msg));
}

/* {==== Leaves: wrappers, Date, RegExp, buffers and views ====} */

// The clone's prototype and class for ArrayBuffers and views: the
// current realm's intrinsic one of the source's class.
static JSValue class_proto(JSVM *vm, int cls) { return js_ta_internals(vm)[TI_PROTO + cls]; }

static JSValue clone_date(JSVM *vm, JSValue v) {
  JSDateObject *d = (JSDateObject *)js_new_object_of(vm, js_heap(js_intrinsic(vm, DateMap)));
  d->value = js_date_value(v);
  return js_val(d);
}

// An ArrayBuffer's copy: same bytes, same resizability and maximum.
static JSValue clone_array_buffer(JSVM *vm, JSValue v) {
  JSArrayBuffer *b = js_array_buffer(v);
  if (b->flags & JS_AB_SHARED) return throw_not_cloneable(vm, v);
  if (b->flags & JS_AB_DETACHED)
    return throw_clone_error_str(vm, "An ArrayBuffer is detached and could not be cloned.");
  bool resizable = (b->flags & JS_AB_RESIZABLE) != 0;
  JSValue c = js_ab_create(vm, TC_ARRAY_BUFFER, class_proto(vm, TC_ARRAY_BUFFER), b->byte_length,
                           resizable, b->max_byte_length);
  if (js_is_exception(c)) return c;
  b = js_array_buffer(v);
  if (b->byte_length) memcpy(js_array_buffer(c)->data, b->data, (size_t)b->byte_length);
  return c;
}

// A view on the clone of its buffer (cloned through memory, so views of
// one buffer share the clone).
static JSValue clone_view(JSVM *vm, JSValue v, JSValue buffer) {
  JSTypedArray *t = js_typed_array(v);
  int kind = t->kind;
  JSTypedArray *c = (JSTypedArray *)js_ta_new_object(vm, kind, class_proto(vm, kind));
  t = js_typed_array(v);
  js_ta_init_view(c, kind, buffer, t->byte_offset,
                  kind == JS_TA_DataView ? t->byte_length : t->length, t->tracking);
  return js_val(c);
}

static JSValue clone_value(JSVM *vm, JSValue memory, JSValue v);

// A view: refused when out of bounds (its buffer detached or shrunk).
static JSValue clone_view_of(JSVM *vm, JSValue memory, JSValue v) {
  if (js_ta_out_of_bounds(js_typed_array(v))) {
    return throw_clone_error_str(vm, "An ArrayBuffer is detached and could not be cloned.");
  }
  JSValue buffer = clone_value(vm, memory, js_typed_array(v)->buffer);
  if (js_is_exception(buffer)) return buffer;
  return clone_view(vm, v, buffer);
}

/* {==== Containers: Map, Set, Error, Array, Object ====} */

// Map and Set: snapshot the entries, then clone each key (and value).
static bool fill_collection(JSVM *vm, JSValue memory, JSValue v, JSValue out) {
  bool pairs = js_is_type(v, JS_TYPE_MapObject);
  JSArrayStore *list = js_new_store(vm, 8);
  list->used = 0;
  JSCollCursor cur;
  JSValue key, value;
  js_collection_cursor(v, &cur);
  while (js_collection_step(&cur, &key, &value)) {
    list = js_store_push(vm, list, key);
    if (pairs) list = js_store_push(vm, list, value);
  }
  for (uint32_t i = 0; i < list->used; i += pairs ? 2 : 1) {
    JSValue k = clone_value(vm, memory, list->v[i]);
    if (js_is_exception(k)) return false;
    JSValue val = pairs ? clone_value(vm, memory, list->v[i + 1]) : k;
    if (js_is_exception(val) || !js_collection_put(vm, out, k, val)) return false;
  }
  return true;
}

// The error kind of a name: one of the seven the spec keeps, else Error.
static int error_kind(JSVM *vm, JSValue name) {
  static const char *const names[] = {"Error", "EvalError", "RangeError", "ReferenceError",
                                      "SyntaxError", "TypeError", "URIError"};
  if (!js_is_string(name)) return JS_ERR_Error;
  for (int k = 0; k < 7; k++)
    if (js_string_equal(vm, name, js_atom(vm, names[k]))) return k;
  return JS_ERR_Error;
}

// An Error: [[Name]] from Get(name), [[Message]] from an own data
// `message`; then (V8) the stack string and a cloned own data `cause`.
static JSValue clone_error(JSVM *vm, JSValue memory, JSValue v) {
  JSValue name = js_get(vm, v, vm->atom[JS_ATOM_name]);
  if (js_is_exception(name)) return name;
  JSPropDesc d;
  int has = js_get_own_property(vm, v, vm->atom[JS_ATOM_message], &d);
  if (has < 0) return JS_EXCEPTION;
  JSValue msg = JS_UNDEFINED;
  if (has && d.has_value) {
    msg = js_to_string(vm, d.value);
    if (js_is_exception(msg)) return msg;
  }
  JSValue out = js_new_error(vm, error_kind(vm, name), msg);
  if (!js_collection_put(vm, memory, v, out)) return JS_EXCEPTION;
  JSValue stack = js_get(vm, v, vm->atom[JS_ATOM_stack]);
  if (js_is_exception(stack)) return stack;
  if (js_is_string(stack) &&
      js_define_value(vm, out, vm->atom[JS_ATOM_stack], stack, JS_ATTR_METHOD) < 0)
    return JS_EXCEPTION;
  has = js_get_own_property(vm, v, vm->atom[JS_ATOM_cause], &d);
  if (has < 0) return JS_EXCEPTION;
  if (has && d.has_value) {
    JSValue cause = clone_value(vm, memory, d.value);
    if (js_is_exception(cause) ||
        js_define_value(vm, out, vm->atom[JS_ATOM_cause], cause, JS_ATTR_METHOD) < 0)
      return JS_EXCEPTION;
  }
  return out;
}

// The deep part for Arrays and Objects: each own enumerable string key
// (listed once, re-checked as it comes) is read with [[Get]] and its
// value cloned into a data property of out.
static bool fill_properties(JSVM *vm, JSValue memory, JSValue v, JSValue out) {
  JSArrayStore *keys = js_own_keys(vm, v, JS_KEYS_STRINGS | JS_KEYS_ENUMERABLE_ONLY);
  if (!keys) return false;
  for (uint32_t i = 0; i < keys->used; i++) {
    JSValue key = keys->v[i];
    int has = js_has_own_property(vm, v, key);
    if (has < 0) return false;
    if (!has) continue;
    JSValue val = js_get(vm, v, key);
    if (js_is_exception(val)) return false;
    val = clone_value(vm, memory, val);
    if (js_is_exception(val) || js_create_data_property_or_throw(vm, out, key, val) < 0)
      return false;
  }
  return true;
}

// The objects whose clone is made first and filled after (so that they
// can contain themselves): Map, Set, Array, ordinary objects.
static JSValue clone_container(JSVM *vm, JSValue memory, JSValue v, JSType t) {
  JSValue out;
  if (t == JS_TYPE_MapObject || t == JS_TYPE_SetObject)
    out = js_collection_new(vm, t, t == JS_TYPE_MapObject ? js_intrinsic(vm, MapPrototype)
                                                          : js_intrinsic(vm, SetPrototype));
  else if (t == JS_TYPE_ArrayObject)
    out = js_new_array(vm, ((JSArrayObject *)js_heap(v))->length);
  else
    out = js_new_object(vm);
  if (!js_collection_put(vm, memory, v, out)) return JS_EXCEPTION;
  bool ok = t == JS_TYPE_MapObject || t == JS_TYPE_SetObject
                ? fill_collection(vm, memory, v, out)
                : fill_properties(vm, memory, v, out);
  return ok ? out : JS_EXCEPTION;
}

/* {==== The walk ====} */

// The clone of an object not reached before, by its kind.
static JSValue clone_object(JSVM *vm, JSValue memory, JSValue v) {
  JSType t = js_cell_type(js_heap(v));
  JSValue out;
  switch ((unsigned)t) {
    case JS_TYPE_Object:
    case JS_TYPE_ArrayObject:
    case JS_TYPE_MapObject:
    case JS_TYPE_SetObject: return clone_container(vm, memory, v, t);
    case JS_TYPE_Error: return clone_error(vm, memory, v);
    case JS_TYPE_Primitive: {
      JSValue pv = ((JSPrimitiveObject *)js_heap(v))->value;
      if (js_is_symbol(pv)) return throw_not_cloneable(vm, v);
      out = js_to_object(vm, pv);
      break;
    }
    case JS_TYPE_Date: out = clone_date(vm, v); break;
    case JS_TYPE_RegExp:
      if (!js_is_regexp_object(v)) return throw_not_cloneable(vm, v);
      out = js_regexp_create(vm, js_regexp(v)->source, js_regexp(v)->flags);
      break;
    case JS_TYPE_ArrayBuffer: out = clone_array_buffer(vm, v); break;
    case JS_TYPE_TypedArray: out = clone_view_of(vm, memory, v); break;
    default: return throw_not_cloneable(vm, v);  // (unsigned: not over the enum)
  }
  if (js_is_exception(out) || !js_collection_put(vm, memory, v, out)) return JS_EXCEPTION;
  return out;
}

// StructuredSerializeInternal + deserialization of one value.
static JSValue clone_value(JSVM *vm, JSValue memory, JSValue v) {
  if (js_is_symbol(v)) return throw_not_cloneable(vm, v);
  if (!js_is_object(v)) return v;  // the other primitives are themselves
  JSValue seen = js_collection_get(vm, memory, v);
  if (!js_is_hole(seen)) return seen;
  if (!js_check_stack(vm)) return JS_EXCEPTION;
  return clone_object(vm, memory, v);
}

/* {==== Transfer ====} */

// The transfer list of options (a WebIDL dictionary member
// sequence<object>): a JSArrayStore of the transferables, each checked
// (ArrayBuffers only, no duplicates, none detached); NULL on exception.
static JSArrayStore *transfer_list(JSVM *vm, JSValue options) {
  JSArrayStore *list = js_new_store(vm, 4);
  list->used = 0;
  if (js_is_nullish(options)) return list;
  if (!js_is_object(options)) {
    js_throw_type_error(vm, "The options argument must be either an object or undefined");
    return NULL;
  }
  JSValue transfer = js_get(vm, options, js_atom(vm, "transfer"));
  if (js_is_exception(transfer)) return NULL;
  if (js_is_undefined(transfer)) return list;
  JSValue m = js_is_object(transfer) ? js_get_method(vm, transfer, vm->symbol[JS_SYMBOL_iterator])
                                     : JS_UNDEFINED;
  if (js_is_exception(m)) return NULL;
  if (js_is_undefined(m)) {
    js_throw_type_error(vm, "Optional transferList argument must be an iterable");
    return NULL;
  }
  JSIterRecord it;
  if (!js_get_iterator_from_method(vm, transfer, m, &it)) return NULL;
  JSArrayStore *all = js_iterator_to_list(vm, &it);
  if (!all) return NULL;
  for (uint32_t i = 0; i < all->used; i++) {
    JSValue t = all->v[i];
    if (!js_is_array_buffer(t) || (js_array_buffer(t)->flags & JS_AB_SHARED)) {
      js_throw_type_error(vm, "Found invalid object in transferList");
      return NULL;
    }
    for (uint32_t j = 0; j < list->used; j++)
      if (list->v[j].bits == t.bits) {
        throw_clone_error_str(vm, "Transfer list contains duplicate ArrayBuffer");
        return NULL;
      }
    list = js_store_push(vm, list, t);
  }
  return list;
}

// Placeholders for the transferred buffers, entered in memory first.
static bool reserve_transfers(JSVM *vm, JSValue memory, JSArrayStore *list) {
  for (uint32_t i = 0; i < list->used; i++) {
    JSArrayBuffer *b = js_array_buffer(list->v[i]);
    if (b->flags & JS_AB_DETACHED) {
      throw_clone_error_str(vm, "An ArrayBuffer is detached and could not be transferred.");
      return false;
    }
    bool resizable = (b->flags & JS_AB_RESIZABLE) != 0;
    JSValue c = js_ab_create(vm, TC_ARRAY_BUFFER, class_proto(vm, TC_ARRAY_BUFFER), 0,
                             resizable, b->max_byte_length);
    if (js_is_exception(c) || !js_collection_put(vm, memory, list->v[i], c)) return false;
  }
  return true;
}

// After the walk: each transferred block moves into its placeholder and
// the source is detached.
static bool complete_transfers(JSVM *vm, JSValue memory, JSArrayStore *list) {
  for (uint32_t i = 0; i < list->used; i++) {
    JSArrayBuffer *b = js_array_buffer(list->v[i]);
    if (b->flags & JS_AB_DETACHED) {
      throw_clone_error_str(vm, "An ArrayBuffer is detached and could not be transferred.");
      return false;
    }
    JSArrayBuffer *to = js_array_buffer(js_collection_get(vm, memory, list->v[i]));
    to->byte_length = b->byte_length;  // plain fields of a buffer nobody saw yet
    if (!js_ab_steal(vm, b, to)) return false;
  }
  return true;
}

/* {==== structuredClone ====} */

static JSValue structured_clone(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (argc == 0) return js_throw_type_error(vm, "The value argument must be specified");
  JSArrayStore *transfers = transfer_list(vm, js_arg(1));
  if (!transfers) return JS_EXCEPTION;
  JSValue memory = js_collection_new(vm, JS_TYPE_MapObject, js_intrinsic(vm, MapPrototype));
  if (!reserve_transfers(vm, memory, transfers)) return JS_EXCEPTION;
  JSValue out = clone_value(vm, memory, argv[0]);
  if (js_is_exception(out) || !complete_transfers(vm, memory, transfers)) return JS_EXCEPTION;
  return out;
}

void js_init_clone(JSVM *vm) {
  JSValue f = js_new_native(vm, "structuredClone", structured_clone, 1, 0);
  js_def_value(vm, vm->realm->global, "structuredClone", f, JS_ATTR_METHOD);
}
