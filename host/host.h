/*
 * host/host.h — the node-like layer under the public API: today the entry
 * points of include/jsvm.h; later the libuv event loop, require/import,
 * process, timers, Buffer and fs.
 *
 * Invariants: host/ is the only module that include/jsvm.h's functions
 * live in; it talks to parser/ (and later ignition/, turbofan/) through
 * their public headers only.
 */
#ifndef JSVM_HOST_H
#define JSVM_HOST_H

#include "include/jsvm.h"

struct JSVM;
struct JSValue;

/* host_install_test262: define the global `$262` object test262's harness
 * needs (global, gc, evalScript, createRealm, detachArrayBuffer); see
 * host/test262.c. Called by jsvm_run under --expose-test262. */
void host_install_test262(struct JSVM *vm);

/* host_install_test262_agent: define $262.agent on t262 (host/
 * test262_agent.c): the main agent's side (start, broadcast, getReport,
 * sleep, monotonicNow), or in an agent forked by start, the agent's. */
void host_install_test262_agent(struct JSVM *vm, struct JSValue t262);

#endif
