/*
 * runtime/runtime.h — values (NaN-boxed JSValue), objects with maps and
 * inline caches, strings, symbols and the built-in library.
 *
 * Invariants (to hold once the module exists): the JSValue bit layout is
 * known only to runtime/value.h (and the JIT, which takes its constants
 * from there); every heap object is allocated through orinoco.
 *
 * Empty for now: this header only states the module's purpose.
 */
#ifndef JSVM_RUNTIME_H
#define JSVM_RUNTIME_H
#endif
