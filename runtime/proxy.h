/*
 * runtime/proxy.h — Proxy exotic objects (ECMA-262 §10.5): the internal
 * methods that forward to a handler's traps, with every invariant check
 * the spec makes against the target, plus IsArray through proxies.
 *
 * Invariants:
 *  - A proxy is a JSProxyObject of type JS_TYPE_Proxy. Its map is one of
 *    three realm maps (plain, callable, callable and constructor: the
 *    target's [[Call]]/[[Construct]] decide which, once, at creation);
 *    none is shared with any other type, so an inline cache keyed on an
 *    ordinary map never applies to a proxy. The maps' prototype is null:
 *    code that walks map->proto directly stops at a proxy, and anything
 *    that must see through one calls js_get_prototype_of.
 *  - target and handler are both objects, or both null once revoked.
 *    Every operation on a revoked proxy throws a TypeError (after the
 *    revocation check, nothing else is read).
 *  - The proxy object's own named storage holds only private elements
 *    (class fields stamped on it through a return override); no ordinary
 *    property ever lives there, and [[OwnPropertyKeys]] never lists them.
 *  - Keys handed to traps are strings or symbols: an index key (a number)
 *    is spelled out first. Keys coming back from ownKeys are converted
 *    with js_to_property_key.
 *  - Results follow object.c's conventions: JS_EXCEPTION, -1 on
 *    exception, 0 for a refusal; throw_on_fail / strict turn a refusal
 *    into V8's TypeError.
 *
 * object.c and call.c dispatch here at the top of each entry point (and
 * at each step of the [[Get]]/[[Set]]/[[HasProperty]] prototype walks);
 * callers never need to test for proxies themselves.
 */
#ifndef JSVM_RUNTIME_PROXY_H
#define JSVM_RUNTIME_PROXY_H

#include "runtime/runtime.h"

typedef struct JSProxyObject {
  JSObject base;             /* private elements only (see above) */
  JSValue target;            /* object, or null when revoked */
  JSValue handler;           /* object, or null when revoked */
} JSProxyObject;

static inline bool js_is_proxy(JSValue v) { return js_is_type(v, JS_TYPE_Proxy); }

/* js_proxy_create: ProxyCreate(target, handler) (§10.5.14); TypeError
 * unless both are objects. */
JSValue js_proxy_create(JSVM *vm, JSValue target, JSValue handler);

/* The internal methods (§10.5.1-10.5.13); proxy must be a JSProxyObject. */
JSValue js_proxy_get_prototype_of(JSVM *vm, JSValue proxy);
int js_proxy_set_prototype_of(JSVM *vm, JSValue proxy, JSValue proto);
int js_proxy_is_extensible(JSVM *vm, JSValue proxy);
int js_proxy_prevent_extensions(JSVM *vm, JSValue proxy);
/* js_proxy_get_own_property: 1 (d filled, fully populated), 0, -1. */
int js_proxy_get_own_property(JSVM *vm, JSValue proxy, JSValue key, JSPropDesc *d);
int js_proxy_define_own_property(JSVM *vm, JSValue proxy, JSValue key,
                                 const JSPropDesc *d, bool throw_on_fail);
int js_proxy_has(JSVM *vm, JSValue proxy, JSValue key);
JSValue js_proxy_get(JSVM *vm, JSValue proxy, JSValue key, JSValue receiver);
int js_proxy_set(JSVM *vm, JSValue proxy, JSValue key, JSValue v, JSValue receiver,
                 bool strict);
int js_proxy_delete(JSVM *vm, JSValue proxy, JSValue key, bool strict);
/* js_proxy_own_keys: the checked ownKeys list filtered by js_own_keys's
 * JS_KEYS_* flags (ENUMERABLE_ONLY asks [[GetOwnProperty]] per key). */
JSArrayStore *js_proxy_own_keys(JSVM *vm, JSValue proxy, int flags);
JSValue js_proxy_call(JSVM *vm, JSValue proxy, JSValue self, int argc, JSValue *argv);
JSValue js_proxy_construct(JSVM *vm, JSValue proxy, int argc, JSValue *argv,
                           JSValue new_target);

/* js_proxy_is_array: IsArray (§7.2.2) of a proxy: its target's answer,
 * through any chain of proxies; -1 (TypeError) when one is revoked. */
int js_proxy_is_array(JSVM *vm, JSValue proxy);

#endif
