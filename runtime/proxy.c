/*
 * runtime/proxy.c — the `proxy` builtin family: Proxy exotic objects
 * (ECMA-262 §10.5), the Proxy constructor and Proxy.revocable (§28.2).
 *
 * Each internal method follows its spec section step by step: check for
 * revocation, fetch the trap with GetMethod, fall through to the target
 * when there is none, otherwise call the trap and then verify every
 * invariant the spec lists against the target (non-configurable and
 * non-extensible consistency). The order of the observable steps (trap
 * lookups, trap calls, the target's own internal methods) is the spec's.
 *
 * Invariants: see proxy.h. The realm's ProxyInternals intrinsic is a
 * JSArrayStore holding the three proxy maps, the private symbol under
 * which a revoke function keeps its proxy, and the trap names as keys.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/map.h"
#include "runtime/proxy.h"

/* {==== Internals ====} */

// The trap names, declared once (spec order of §10.5).
#define PROXY_TRAPS(X) \
  X(getPrototypeOf) X(setPrototypeOf) X(isExtensible) X(preventExtensions) \
  X(getOwnPropertyDescriptor) X(defineProperty) X(has) X(get) X(set) \
  X(deleteProperty) X(ownKeys) X(apply) X(construct)

enum {
#define TRAP_ENUM(n) TRAP_##n,
  PROXY_TRAPS(TRAP_ENUM)
#undef TRAP_ENUM
  TRAP_COUNT
};

static const char *const trap_names[TRAP_COUNT] = {
#define TRAP_NAME(n) #n,
    PROXY_TRAPS(TRAP_NAME)
#undef TRAP_NAME
};

// Slots of the ProxyInternals store.
enum {
  PI_MAP_PLAIN,         // target neither callable nor a constructor
  PI_MAP_CALLABLE,      // target callable only
  PI_MAP_CONSTRUCTOR,   // target a constructor (and so callable)
  PI_REVOKE_SYMBOL,     // private symbol: a revoke function's proxy
  PI_DEPTH,             // int32: forwards to targets now running
  PI_TRAP_KEYS,         // TRAP_COUNT property keys follow
  PI_COUNT = PI_TRAP_KEYS + TRAP_COUNT
};

static JSArrayStore *internals(JSVM *vm) {
  return js_heap(js_intrinsic(vm, ProxyInternals));
}

/* {==== Messages ====} */

// A key as malloc'd text for messages: symbols as Symbol(desc).
static char *key_text(JSVM *vm, JSValue key) {
  if (js_is_symbol(key)) {
    JSValue d = ((JSSymbol *)js_heap(key))->description;
    char *s = js_is_string(d) ? js_string_utf8(vm, d, NULL) : NULL;
    size_t n = (s ? strlen(s) : 0) + 9;
    char *out = malloc(n);
    snprintf(out, n, "Symbol(%s)", s ? s : "");
    free(s);
    return out;
  }
  JSValue s = js_key_to_string(vm, key);
  return js_string_utf8(vm, s, NULL);
}

// A value as malloc'd text for messages, running no user code: objects
// show as V8's "#<Object>", symbols as Symbol(desc).
static char *value_text(JSVM *vm, JSValue v) {
  if (js_is_symbol(v)) return key_text(vm, v);
  if (js_is_object(v)) return strdup(js_is_callable(v) ? "function" : "#<Object>");
  JSValue s = js_to_string(vm, v);
  if (js_is_exception(s)) {
    js_take_exception(vm);  // BigInt or the like: only a message is lost
    return strdup("value");
  }
  return js_string_utf8(vm, s, NULL);
}

// Throw "'<trap>' on proxy: <what>" where what has one %s for the key.
static int fail_key(JSVM *vm, int trap, JSValue key, const char *what) {
  char fmt[320];
  snprintf(fmt, sizeof fmt, "'%s' on proxy: %s", trap_names[trap], what);
  char *k = key_text(vm, key);
  js_throw_type_error(vm, fmt, k);
  free(k);
  return -1;
}

// Throw "'<trap>' on proxy: <what>" (no key in the message).
static int fail(JSVM *vm, int trap, const char *what) {
  js_throw_type_error(vm, "'%s' on proxy: %s", trap_names[trap], what);
  return -1;
}

/* {==== Trap lookup and calls ====} */

// Forwards to a target nest no deeper than this (a prototype chain that
// leads back through a proxy to its own target recurses forever; V8
// throws this RangeError there too).
#define MAX_FORWARD_DEPTH 100000

// FORWARD(var, call): run an operation on the target inside the depth
// count. Besides bounding the depth, the count keeps the call from being
// compiled as a sibling call: such a cycle would then loop without ever
// growing the C stack, and js_check_stack could not stop it.
#define FORWARD(var, call)                                          \
  do {                                                              \
    JSArrayStore *fw_st_ = internals(vm);                           \
    fw_st_->v[PI_DEPTH] = js_from_int32(js_int32(fw_st_->v[PI_DEPTH]) + 1); \
    var = (call);                                                   \
    fw_st_ = internals(vm);                                         \
    fw_st_->v[PI_DEPTH] = js_from_int32(js_int32(fw_st_->v[PI_DEPTH]) - 1); \
  } while (0)

// What one internal method works with: the target and handler as they
// were when the method started (a trap may revoke the proxy meanwhile),
// and the trap function when there is one.
typedef struct Trap {
  JSValue target, handler, fn;
} Trap;

// ValidateNonRevokedProxy, then GetMethod(handler, name): 1 with t->fn
// set, 0 when the handler has no such trap (forward to the target), -1.
static int get_trap(JSVM *vm, JSValue proxy, int trap, Trap *t) {
  JSProxyObject *p = js_heap(proxy);
  if (js_is_null(p->handler)) {
    js_throw_type_error(vm, "Cannot perform '%s' on a proxy that has been revoked",
                        trap_names[trap]);
    return -1;
  }
  // Proxies of proxies (or a target whose chain leads back here) recurse
  // through C: bound it like native recursion.
  if (!js_check_stack(vm)) return -1;
  if (js_int32(internals(vm)->v[PI_DEPTH]) > MAX_FORWARD_DEPTH) {
    js_throw_range_error(vm, "Maximum call stack size exceeded");
    return -1;
  }
  t->target = p->target;
  t->handler = p->handler;
  JSValue f = js_get(vm, t->handler, internals(vm)->v[PI_TRAP_KEYS + trap]);
  if (js_is_exception(f)) return -1;
  if (js_is_nullish(f)) return 0;
  if (!js_is_callable(f)) {
    char *v = value_text(vm, f);
    js_throw_type_error(vm, "'%s' returned for property '%s' of object '#<Object>' is not a function",
                        v, trap_names[trap]);
    free(v);
    return -1;
  }
  t->fn = f;
  return 1;
}

// Call the trap with the handler as this.
static JSValue call_trap(JSVM *vm, const Trap *t, int argc, JSValue *argv) {
  return js_call(vm, t->fn, t->handler, argc, argv);
}

// Keys reach traps as strings or symbols: index keys are spelled out.
static JSValue key_arg(JSVM *vm, JSValue key) {
  return js_is_number(key) ? js_key_to_string(vm, key) : key;
}

/* {==== Descriptors ====} */

static bool is_accessor(const JSPropDesc *d) { return d->has_get || d->has_set; }
static bool is_data(const JSPropDesc *d) { return d->has_value || d->has_writable; }
static bool configurable(const JSPropDesc *d) { return d->attrs & JS_ATTR_CONFIGURABLE; }
static bool writable(const JSPropDesc *d) { return d->attrs & JS_ATTR_WRITABLE; }

// CompletePropertyDescriptor (§6.2.6.6): every absent field gets its
// default, so the result reads like one of object.c's descriptors.
static void complete_desc(JSPropDesc *d) {
  if (is_accessor(d)) {
    if (!d->has_get) d->get = JS_UNDEFINED;
    if (!d->has_set) d->set = JS_UNDEFINED;
    d->has_get = d->has_set = true;
  } else {
    if (!d->has_value) d->value = JS_UNDEFINED;
    if (!d->has_writable) d->attrs &= (uint8_t)~JS_ATTR_WRITABLE;
    d->has_value = d->has_writable = true;
  }
  if (!d->has_enumerable) d->attrs &= (uint8_t)~JS_ATTR_ENUMERABLE;
  if (!d->has_configurable) d->attrs &= (uint8_t)~JS_ATTR_CONFIGURABLE;
  d->has_enumerable = d->has_configurable = true;
}

// IsCompatiblePropertyDescriptor (§10.1.6.2): ValidateAndApplyProperty-
// Descriptor with no object. cur is the target's (complete) descriptor,
// NULL when the target has no such property.
static bool is_compatible(bool extensible, const JSPropDesc *d, const JSPropDesc *cur) {
  if (!cur) return extensible;
  if (configurable(cur)) return true;
  if (d->has_configurable && configurable(d)) return false;
  if (d->has_enumerable && ((d->attrs ^ cur->attrs) & JS_ATTR_ENUMERABLE)) return false;
  // A generic descriptor changes neither the kind nor the value.
  bool generic = !is_accessor(d) && !is_data(d);
  bool cur_accessor = cur->has_get;
  if (!generic && is_accessor(d) != cur_accessor) return false;
  if (cur_accessor) {
    if (d->has_get && !js_same_value(d->get, cur->get)) return false;
    if (d->has_set && !js_same_value(d->set, cur->set)) return false;
  } else if (!writable(cur)) {
    if (d->has_writable && writable(d)) return false;
    if (d->has_value && !js_same_value(d->value, cur->value)) return false;
  }
  return true;
}

/* {==== [[GetPrototypeOf]], [[SetPrototypeOf]] (§10.5.1, §10.5.2) ====} */

JSValue js_proxy_get_prototype_of(JSVM *vm, JSValue proxy) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_getPrototypeOf, &t);
  if (r < 0) return JS_EXCEPTION;
  if (r == 0) {
    JSValue fw;
    FORWARD(fw, js_get_prototype_of(vm, t.target));
    return fw;
  }
  JSValue args[1] = {t.target};
  JSValue proto = call_trap(vm, &t, 1, args);
  if (js_is_exception(proto)) return proto;
  if (!js_is_object(proto) && !js_is_null(proto))
    return fail(vm, TRAP_getPrototypeOf, "trap returned neither object nor null"), JS_EXCEPTION;
  // Only a non-extensible target pins the answer to its own prototype.
  int ext = js_is_extensible(vm, t.target);
  if (ext < 0) return JS_EXCEPTION;
  if (ext) return proto;
  JSValue target_proto = js_get_prototype_of(vm, t.target);
  if (js_is_exception(target_proto)) return target_proto;
  if (!js_same_value(proto, target_proto))
    return fail(vm, TRAP_getPrototypeOf,
                "proxy target is non-extensible but the trap did not return its actual prototype"),
           JS_EXCEPTION;
  return proto;
}

int js_proxy_set_prototype_of(JSVM *vm, JSValue proxy, JSValue proto) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_setPrototypeOf, &t);
  if (r < 0) return -1;
  if (r == 0) {
    int fw;
    FORWARD(fw, js_set_prototype_of(vm, t.target, proto));
    return fw;
  }
  JSValue args[2] = {t.target, proto};
  JSValue res = call_trap(vm, &t, 2, args);
  if (js_is_exception(res)) return -1;
  if (!js_to_boolean(res)) return 0;
  int ext = js_is_extensible(vm, t.target);
  if (ext <= 0) {
    if (ext < 0) return -1;
    // A non-extensible target's prototype cannot be reported changed.
    JSValue target_proto = js_get_prototype_of(vm, t.target);
    if (js_is_exception(target_proto)) return -1;
    if (!js_same_value(proto, target_proto))
      return fail(vm, TRAP_setPrototypeOf,
                  "trap returned truish for setting a new prototype on the non-extensible proxy target");
  }
  return 1;
}

/* {==== [[IsExtensible]], [[PreventExtensions]] (§10.5.3, §10.5.4) ====} */

int js_proxy_is_extensible(JSVM *vm, JSValue proxy) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_isExtensible, &t);
  if (r < 0) return -1;
  if (r == 0) {
    int fw;
    FORWARD(fw, js_is_extensible(vm, t.target));
    return fw;
  }
  JSValue args[1] = {t.target};
  JSValue res = call_trap(vm, &t, 1, args);
  if (js_is_exception(res)) return -1;
  bool answer = js_to_boolean(res);
  // The answer must be the target's, whatever the trap says.
  int target_ext = js_is_extensible(vm, t.target);
  if (target_ext < 0) return -1;
  if (answer != (target_ext == 1)) {
    js_throw_type_error(vm, "'isExtensible' on proxy: trap result does not reflect "
                            "extensibility of proxy target (which is '%s')",
                        target_ext ? "true" : "false");
    return -1;
  }
  return answer;
}

int js_proxy_prevent_extensions(JSVM *vm, JSValue proxy) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_preventExtensions, &t);
  if (r < 0) return -1;
  if (r == 0) {
    int fw;
    FORWARD(fw, js_prevent_extensions(vm, t.target));
    return fw;
  }
  JSValue args[1] = {t.target};
  JSValue res = call_trap(vm, &t, 1, args);
  if (js_is_exception(res)) return -1;
  if (!js_to_boolean(res)) return 0;
  // Success may only be reported once the target really is closed.
  int ext = js_is_extensible(vm, t.target);
  if (ext < 0) return -1;
  if (ext) return fail(vm, TRAP_preventExtensions, "trap returned truish but the proxy target is extensible");
  return 1;
}

/* {==== [[GetOwnProperty]] (§10.5.5) ====} */

// Steps 9-10: the trap reported no property.
static int own_reported_absent(JSVM *vm, const Trap *t, JSValue key, int has,
                               const JSPropDesc *td) {
  if (!has) return 0;
  if (!configurable(td))
    return fail_key(vm, TRAP_getOwnPropertyDescriptor, key,
                    "trap returned undefined for property '%s' which is non-configurable in the proxy target");
  int ext = js_is_extensible(vm, t->target);
  if (ext < 0) return -1;
  if (!ext)
    return fail_key(vm, TRAP_getOwnPropertyDescriptor, key,
                    "trap returned undefined for property '%s' which exists in the non-extensible proxy target");
  return 0;
}

// Steps 11-18: the trap reported a descriptor; check it and return it.
static int own_reported(JSVM *vm, const Trap *t, JSValue key, JSValue res, int has,
                        const JSPropDesc *td, JSPropDesc *d) {
  int ext = js_is_extensible(vm, t->target);
  if (ext < 0) return -1;
  if (!js_to_property_descriptor(vm, res, d)) return -1;
  complete_desc(d);
  if (!is_compatible(ext, d, has ? td : NULL))
    return fail_key(vm, TRAP_getOwnPropertyDescriptor, key,
                    "trap returned descriptor for property '%s' that is incompatible with the existing property in the proxy target");
  if (configurable(d)) return 1;
  // Non-configurability may only be reported when it is true of the
  // target, and non-writability of such a property as well.
  if (!has || configurable(td))
    return fail_key(vm, TRAP_getOwnPropertyDescriptor, key,
                    "trap reported non-configurability for property '%s' which is either non-existent or configurable in the proxy target");
  if (!d->has_get && !writable(d) && writable(td))
    return fail_key(vm, TRAP_getOwnPropertyDescriptor, key,
                    "trap reported non-configurable and writable for property '%s' which is non-configurable, non-writable in the proxy target");
  return 1;
}

int js_proxy_get_own_property(JSVM *vm, JSValue proxy, JSValue key, JSPropDesc *d) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_getOwnPropertyDescriptor, &t);
  if (r < 0) return -1;
  if (r == 0) {
    int fw;
    FORWARD(fw, js_get_own_property(vm, t.target, key, d));
    return fw;
  }
  JSValue args[2] = {t.target, key_arg(vm, key)};
  JSValue res = call_trap(vm, &t, 2, args);
  if (js_is_exception(res)) return -1;
  if (!js_is_object(res) && !js_is_undefined(res))
    return fail_key(vm, TRAP_getOwnPropertyDescriptor, key,
                    "trap returned neither object nor undefined for property '%s'");
  JSPropDesc td;
  int has = js_get_own_property(vm, t.target, key, &td);
  if (has < 0) return -1;
  if (js_is_undefined(res)) return own_reported_absent(vm, &t, key, has, &td);
  return own_reported(vm, &t, key, res, has, &td, d);
}

/* {==== [[DefineOwnProperty]] (§10.5.6) ====} */

// Steps 10-16: the trap said it defined the property; check that the
// target agrees with everything the descriptor claims.
static int check_defined(JSVM *vm, const Trap *t, JSValue key, const JSPropDesc *d) {
  JSPropDesc td;
  int has = js_get_own_property(vm, t->target, key, &td);
  if (has < 0) return -1;
  int ext = js_is_extensible(vm, t->target);
  if (ext < 0) return -1;
  bool setting_config_false = d->has_configurable && !configurable(d);
  if (!has) {
    if (!ext)
      return fail_key(vm, TRAP_defineProperty, key,
                      "trap returned truish for adding property '%s'  to the non-extensible proxy target");
    if (setting_config_false)
      return fail_key(vm, TRAP_defineProperty, key,
                      "trap returned truish for defining non-configurable property '%s' which is either non-existent or configurable in the proxy target");
    return 1;
  }
  if (!is_compatible(ext, d, &td))
    return fail_key(vm, TRAP_defineProperty, key,
                    "trap returned truish for adding property '%s'  that is incompatible with the existing property in the proxy target");
  if (setting_config_false && configurable(&td))
    return fail_key(vm, TRAP_defineProperty, key,
                    "trap returned truish for defining non-configurable property '%s' which is either non-existent or configurable in the proxy target");
  // A non-configurable writable target property cannot be reported made
  // non-writable (the target would still accept writes).
  if (!td.has_get && !configurable(&td) && writable(&td) && d->has_writable && !writable(d))
    return fail_key(vm, TRAP_defineProperty, key,
                    "trap returned truish for defining non-configurable property '%s' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object.");
  return 1;
}

int js_proxy_define_own_property(JSVM *vm, JSValue proxy, JSValue key,
                                 const JSPropDesc *d, bool throw_on_fail) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_defineProperty, &t);
  if (r < 0) return -1;
  if (r == 0) {
    int fw;
    FORWARD(fw, js_define_own_property(vm, t.target, key, d, throw_on_fail));
    return fw;
  }
  // The trap sees the descriptor as an object with only the given fields.
  JSValue args[3] = {t.target, key_arg(vm, key), js_from_property_descriptor(vm, d)};
  JSValue res = call_trap(vm, &t, 3, args);
  if (js_is_exception(res)) return -1;
  if (!js_to_boolean(res)) {
    if (!throw_on_fail) return 0;
    return fail_key(vm, TRAP_defineProperty, key, "trap returned falsish for property '%s'");
  }
  return check_defined(vm, &t, key, d);
}

/* {==== [[HasProperty]] (§10.5.7) ====} */

int js_proxy_has(JSVM *vm, JSValue proxy, JSValue key) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_has, &t);
  if (r < 0) return -1;
  if (r == 0) {
    int fw;
    FORWARD(fw, js_has_property(vm, t.target, key));
    return fw;
  }
  JSValue args[2] = {t.target, key_arg(vm, key)};
  JSValue res = call_trap(vm, &t, 2, args);
  if (js_is_exception(res)) return -1;
  if (js_to_boolean(res)) return 1;
  // Hiding a property is allowed only when the target could lose it.
  JSPropDesc td;
  int has = js_get_own_property(vm, t.target, key, &td);
  if (has <= 0) return has;
  if (!configurable(&td))
    return fail_key(vm, TRAP_has, key,
                    "trap returned falsish for property '%s' which exists in the proxy target as non-configurable");
  int ext = js_is_extensible(vm, t.target);
  if (ext < 0) return -1;
  if (!ext)
    return fail_key(vm, TRAP_has, key,
                    "trap returned falsish for property '%s' but the proxy target is not extensible");
  return 0;
}

/* {==== [[Get]], [[Set]], [[Delete]] (§10.5.8 - §10.5.10) ====} */

// Throw for a value check with the expected/actual values in the message.
static int fail_values(JSVM *vm, JSValue key, JSValue expected, JSValue got) {
  char *k = key_text(vm, key), *e = value_text(vm, expected), *g = value_text(vm, got);
  js_throw_type_error(vm, "'get' on proxy: property '%s' is a read-only and non-configurable "
                          "data property on the proxy target but the proxy did not return its "
                          "actual value (expected '%s' but got '%s')", k, e, g);
  free(k);
  free(e);
  free(g);
  return -1;
}

JSValue js_proxy_get(JSVM *vm, JSValue proxy, JSValue key, JSValue receiver) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_get, &t);
  if (r < 0) return JS_EXCEPTION;
  if (r == 0) {
    JSValue fw;
    FORWARD(fw, js_get_with_receiver(vm, t.target, key, receiver));
    return fw;
  }
  JSValue args[3] = {t.target, key_arg(vm, key), receiver};
  JSValue v = call_trap(vm, &t, 3, args);
  if (js_is_exception(v)) return v;
  JSPropDesc td;
  int has = js_get_own_property(vm, t.target, key, &td);
  if (has < 0) return JS_EXCEPTION;
  if (!has || configurable(&td)) return v;
  // A frozen value must be reported as it is; a getter-less accessor
  // can only read undefined.
  if (!td.has_get && !writable(&td) && !js_same_value(v, td.value))
    return fail_values(vm, key, td.value, v), JS_EXCEPTION;
  if (td.has_get && js_is_undefined(td.get) && !js_is_undefined(v)) {
    char *k = key_text(vm, key), *g = value_text(vm, v);
    js_throw_type_error(vm, "'get' on proxy: property '%s' is a non-configurable accessor property "
                            "on the proxy target and does not have a getter function, but the trap "
                            "did not return 'undefined' (got '%s')", k, g);
    free(k);
    free(g);
    return JS_EXCEPTION;
  }
  return v;
}

int js_proxy_set(JSVM *vm, JSValue proxy, JSValue key, JSValue v, JSValue receiver,
                 bool strict) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_set, &t);
  if (r < 0) return -1;
  if (r == 0) {
    int fw;
    FORWARD(fw, js_set_with_receiver(vm, t.target, key, v, receiver, strict));
    return fw;
  }
  JSValue args[4] = {t.target, key_arg(vm, key), v, receiver};
  JSValue res = call_trap(vm, &t, 4, args);
  if (js_is_exception(res)) return -1;
  if (!js_to_boolean(res)) {
    if (!strict) return 0;
    return fail_key(vm, TRAP_set, key, "trap returned falsish for property '%s'");
  }
  JSPropDesc td;
  int has = js_get_own_property(vm, t.target, key, &td);
  if (has < 0) return -1;
  if (!has || configurable(&td)) return 1;
  // A frozen property cannot be reported changed to another value, nor
  // a setter-less accessor reported written.
  if (!td.has_get && !writable(&td) && !js_same_value(v, td.value))
    return fail_key(vm, TRAP_set, key,
                    "trap returned truish for property '%s' which exists in the proxy target as a non-configurable and non-writable data property with a different value");
  if (td.has_get && js_is_undefined(td.set))
    return fail_key(vm, TRAP_set, key,
                    "trap returned truish for property '%s' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter");
  return 1;
}

int js_proxy_delete(JSVM *vm, JSValue proxy, JSValue key, bool strict) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_deleteProperty, &t);
  if (r < 0) return -1;
  if (r == 0) {
    int fw;
    FORWARD(fw, js_delete_property(vm, t.target, key, strict));
    return fw;
  }
  JSValue args[2] = {t.target, key_arg(vm, key)};
  JSValue res = call_trap(vm, &t, 2, args);
  if (js_is_exception(res)) return -1;
  if (!js_to_boolean(res)) {
    if (!strict) return 0;
    return fail_key(vm, TRAP_deleteProperty, key, "trap returned falsish for property '%s'");
  }
  // Deletion may only be reported for a property the target can lose.
  JSPropDesc td;
  int has = js_get_own_property(vm, t.target, key, &td);
  if (has <= 0) return has < 0 ? -1 : 1;
  if (!configurable(&td))
    return fail_key(vm, TRAP_deleteProperty, key,
                    "trap returned truish for property '%s' which is non-configurable in the proxy target");
  int ext = js_is_extensible(vm, t.target);
  if (ext < 0) return -1;
  if (!ext)
    return fail_key(vm, TRAP_deleteProperty, key,
                    "trap returned truish for property '%s' but the proxy target is non-extensible");
  return 1;
}

/* {==== [[OwnPropertyKeys]] (§10.5.11) ====} */

// CreateListFromArrayLike(res, «String, Symbol») as property keys; *seen
// gets every key (the duplicate check and the later invariant checks use
// it as the set of unchecked keys). NULL on exception.
static JSArrayStore *trap_key_list(JSVM *vm, JSValue res, JSDict **seen) {
  if (!js_is_object(res)) {
    js_throw_type_error(vm, "CreateListFromArrayLike called on non-object");
    return NULL;
  }
  double len;
  if (!js_length_of_array_like(vm, res, &len)) return NULL;
  JSArrayStore *keys = js_new_store(vm, len < 64 ? (uint32_t)len : 64);
  bool duplicate = false;
  for (double i = 0; i < len; i++) {
    JSValue ik = i < 4294967295.0 ? js_index_key((uint32_t)i)
                                  : js_to_property_key(vm, js_from_number(i));
    JSValue v = js_is_exception(ik) ? ik : js_get(vm, res, ik);
    if (js_is_exception(v)) return NULL;
    if (!js_is_string(v) && !js_is_symbol(v)) {
      char *s = value_text(vm, v);
      js_throw_type_error(vm, "%s is not a valid property name", s);
      free(s);
      return NULL;
    }
    JSValue k = js_to_property_key(vm, v);
    if (js_is_exception(k)) return NULL;
    // Duplicates are an error only once the whole list is read (step 9).
    if (js_dict_find(*seen, k)) duplicate = true;
    else *seen = js_dict_put(vm, *seen, k, JS_TRUE, 0);
    keys = js_store_push(vm, keys, k);
  }
  if (duplicate) {
    fail(vm, TRAP_ownKeys, "trap returned duplicate entries");
    return NULL;
  }
  return keys;
}

// Steps 16-23: each key of the list must be reported (and checked off
// the unchecked set). 0 done, -1 thrown.
static int check_reported(JSVM *vm, JSArrayStore *list, JSDict *unchecked) {
  for (uint32_t i = 0; list && i < list->used; i++) {
    if (!js_dict_find(unchecked, list->v[i]))
      return fail_key(vm, TRAP_ownKeys, list->v[i], "trap result did not include '%s'");
    js_dict_remove(unchecked, list->v[i]);
  }
  return 0;
}

// The target's keys split by configurability (steps 14-15).
static bool split_target_keys(JSVM *vm, JSValue target, JSArrayStore **conf,
                              JSArrayStore **nonconf) {
  JSArrayStore *keys = js_own_keys(vm, target, JS_KEYS_STRINGS | JS_KEYS_SYMBOLS);
  if (!keys) return false;
  for (uint32_t i = 0; i < keys->used; i++) {
    JSPropDesc d;
    int has = js_get_own_property(vm, target, keys->v[i], &d);
    if (has < 0) return false;
    if (has && !configurable(&d)) *nonconf = js_store_push(vm, *nonconf, keys->v[i]);
    else *conf = js_store_push(vm, *conf, keys->v[i]);
  }
  return true;
}

// The whole checked ownKeys list.
static JSArrayStore *proxy_own_keys(JSVM *vm, JSValue proxy) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_ownKeys, &t);
  if (r < 0) return NULL;
  if (r == 0) {
    JSArrayStore *fw;
    FORWARD(fw, js_own_keys(vm, t.target, JS_KEYS_STRINGS | JS_KEYS_SYMBOLS));
    return fw;
  }
  JSValue args[1] = {t.target};
  JSValue res = call_trap(vm, &t, 1, args);
  if (js_is_exception(res)) return NULL;
  JSDict *unchecked = js_dict_new(vm, 8);
  JSArrayStore *keys = trap_key_list(vm, res, &unchecked);
  if (!keys) return NULL;
  int ext = js_is_extensible(vm, t.target);
  if (ext < 0) return NULL;
  JSArrayStore *conf = NULL, *nonconf = NULL;
  if (!split_target_keys(vm, t.target, &conf, &nonconf)) return NULL;
  if (ext && !nonconf) return keys;
  // Every non-configurable key must be listed; a non-extensible target's
  // keys must be listed exactly.
  if (check_reported(vm, nonconf, unchecked) < 0) return NULL;
  if (ext) return keys;
  if (check_reported(vm, conf, unchecked) < 0) return NULL;
  if (unchecked->count) {
    fail(vm, TRAP_ownKeys, "trap returned extra keys but proxy target is non-extensible");
    return NULL;
  }
  return keys;
}

JSArrayStore *js_proxy_own_keys(JSVM *vm, JSValue proxy, int flags) {
  JSArrayStore *all = proxy_own_keys(vm, proxy);
  if (!all) return NULL;
  bool both = (flags & (JS_KEYS_STRINGS | JS_KEYS_SYMBOLS)) == (JS_KEYS_STRINGS | JS_KEYS_SYMBOLS);
  bool enumerable_only = flags & JS_KEYS_ENUMERABLE_ONLY;
  if (both && !enumerable_only) return all;
  // The list keeps the trap's order; the filters drop keys from it.
  JSArrayStore *out = js_new_store(vm, all->used);
  for (uint32_t i = 0; i < all->used; i++) {
    JSValue k = all->v[i];
    if (!(flags & (js_is_symbol(k) ? JS_KEYS_SYMBOLS : JS_KEYS_STRINGS))) continue;
    if (enumerable_only) {
      JSPropDesc d;
      int has = js_proxy_get_own_property(vm, proxy, k, &d);
      if (has < 0) return NULL;
      if (!has || !(d.attrs & JS_ATTR_ENUMERABLE)) continue;
    }
    out = js_store_push(vm, out, k);
  }
  return out;
}

/* {==== [[Call]], [[Construct]] (§10.5.12, §10.5.13) ====} */

JSValue js_proxy_call(JSVM *vm, JSValue proxy, JSValue self, int argc, JSValue *argv) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_apply, &t);
  if (r < 0) return JS_EXCEPTION;
  if (r == 0) {
    JSValue fw;
    FORWARD(fw, js_call(vm, t.target, self, argc, argv));
    return fw;
  }
  JSValue args[3] = {t.target, self, js_new_array_from(vm, (uint32_t)argc, argv)};
  return call_trap(vm, &t, 3, args);
}

JSValue js_proxy_construct(JSVM *vm, JSValue proxy, int argc, JSValue *argv,
                           JSValue new_target) {
  Trap t;
  int r = get_trap(vm, proxy, TRAP_construct, &t);
  if (r < 0) return JS_EXCEPTION;
  if (r == 0) {
    JSValue fw;
    FORWARD(fw, js_construct(vm, t.target, argc, argv, new_target));
    return fw;
  }
  JSValue args[3] = {t.target, js_new_array_from(vm, (uint32_t)argc, argv), new_target};
  JSValue obj = call_trap(vm, &t, 3, args);
  if (js_is_exception(obj) || js_is_object(obj)) return obj;
  char *s = value_text(vm, obj);
  js_throw_type_error(vm, "'construct' on proxy: trap returned non-object ('%s')", s);
  free(s);
  return JS_EXCEPTION;
}

/* {==== IsArray, ProxyCreate ====} */

int js_proxy_is_array(JSVM *vm, JSValue v) {
  // A chain of proxies answers for its innermost target.
  while (js_is_proxy(v)) {
    JSProxyObject *p = js_heap(v);
    if (js_is_null(p->handler)) {
      js_throw_type_error(vm, "Cannot perform 'IsArray' on a proxy that has been revoked");
      return -1;
    }
    v = p->target;
  }
  return js_is_array(v);
}

JSValue js_proxy_create(JSVM *vm, JSValue target, JSValue handler) {
  if (!js_is_object(target) || !js_is_object(handler))
    return js_throw_type_error(vm, "Cannot create proxy with a non-object as target or handler");
  // [[Call]] and [[Construct]] exist iff the target has them (the map's
  // flags are what js_is_callable / js_is_constructor read).
  int which = js_is_constructor(target) ? PI_MAP_CONSTRUCTOR
              : js_is_callable(target)  ? PI_MAP_CALLABLE
                                        : PI_MAP_PLAIN;
  JSProxyObject *p = (JSProxyObject *)js_new_object_of(vm, js_heap(internals(vm)->v[which]));
  p->target = target;  // fresh object: raw stores
  p->handler = handler;
  return js_val(p);
}

/* {==== The Proxy constructor and Proxy.revocable (§28.2) ====} */

static JSValue proxy_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self;
  if (js_is_undefined(nt)) return js_throw_type_error(vm, "Constructor Proxy requires 'new'");
  return js_proxy_create(vm, js_arg(0), js_arg(1));
}

// A revoke function (§28.2.2.1.1): its proxy lives under a private
// symbol of the function itself; null once used.
static JSValue proxy_revoke(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)argc, (void)argv, (void)nt;
  JSValue fn = js_native_callee(vm);
  JSValue sym = internals(vm)->v[PI_REVOKE_SYMBOL];
  JSValue p = js_private_get(vm, fn, sym);
  if (js_is_exception(p)) return p;
  if (js_is_null(p)) return JS_UNDEFINED;
  if (js_private_set(vm, fn, sym, JS_NULL) < 0) return JS_EXCEPTION;
  JSProxyObject *po = js_heap(p);
  ORI_STORE(po, target, JS_NULL);
  ORI_STORE(po, handler, JS_NULL);
  return JS_UNDEFINED;
}

static JSValue proxy_revocable(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  JSValue p = js_proxy_create(vm, js_arg(0), js_arg(1));
  if (js_is_exception(p)) return p;
  // The revoke function is anonymous (name ""), length 0, no constructor.
  JSValue revoke = js_new_native(vm, "", proxy_revoke, 0, 0);
  if (js_private_define(vm, revoke, internals(vm)->v[PI_REVOKE_SYMBOL], p, 0) < 0)
    return JS_EXCEPTION;
  JSValue result = js_new_object(vm);
  if (js_create_data_property_or_throw(vm, result, js_atom(vm, "proxy"), p) < 0 ||
      js_create_data_property_or_throw(vm, result, js_atom(vm, "revoke"), revoke) < 0)
    return JS_EXCEPTION;
  return result;
}

/* {==== Installation ====} */

// One of the proxy maps: no prototype (see proxy.h), no in-object slots.
static JSValue proxy_map(JSVM *vm, uint16_t flags) {
  JSMap *m = js_new_map(vm, JS_TYPE_Proxy, JS_NULL, sizeof(JSProxyObject), 0);
  m->flags |= (uint16_t)(JS_MAP_EXOTIC_GET | flags);
  return js_val(m);
}

// The Proxy constructor: a constructor without a prototype property,
// so it gets a map of its own (length, name).
static JSValue make_ctor(JSVM *vm) {
  JSMap *m = js_new_map(vm, JS_TYPE_Function, js_intrinsic(vm, FunctionPrototype),
                        sizeof(JSFunction), 3);
  m->flags |= JS_MAP_CONSTRUCTOR;
  m = js_map_add(vm, m, vm->atom[JS_ATOM_length], JS_ATTR_CONFIGURABLE);
  m = js_map_add(vm, m, vm->atom[JS_ATOM_name], JS_ATTR_CONFIGURABLE);
  JSShared *s = js_new_shared(vm, js_atom(vm, "Proxy"),
                              JS_FN_NATIVE | JS_FN_STRICT | JS_FN_CONSTRUCTOR, 2);
  s->native = proxy_ctor;
  return js_val(js_new_function_object(vm, m, s));
}

void js_init_proxy(JSVM *vm) {
  JSArrayStore *st = js_new_store(vm, PI_COUNT);
  st->used = PI_COUNT;
  vm->realm->intrinsic[JS_INTRINSIC_ProxyInternals] = js_val(st);
  ORI_STORE(st, v[PI_MAP_PLAIN], proxy_map(vm, 0));
  ORI_STORE(st, v[PI_MAP_CALLABLE], proxy_map(vm, JS_MAP_CALLABLE));
  ORI_STORE(st, v[PI_MAP_CONSTRUCTOR], proxy_map(vm, JS_MAP_CALLABLE | JS_MAP_CONSTRUCTOR));
  JSValue sym = js_new_symbol(vm, js_atom(vm, "#revocableProxy"));
  ((JSSymbol *)js_heap(sym))->flags |= JS_SYM_PRIVATE;
  ORI_STORE(st, v[PI_REVOKE_SYMBOL], sym);
  ORI_STORE(st, v[PI_DEPTH], js_from_int32(0));
  for (int i = 0; i < TRAP_COUNT; i++)
    ORI_STORE(st, v[PI_TRAP_KEYS + i], js_to_property_key(vm, js_atom(vm, trap_names[i])));
  JSValue ctor = make_ctor(vm);
  js_def_method(vm, ctor, "revocable", proxy_revocable, 2);
  js_def_value(vm, vm->realm->global, "Proxy", ctor, JS_ATTR_METHOD);
}
