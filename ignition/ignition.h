/*
 * ignition/ignition.h — the bytecode, its generator and the interpreter.
 *
 * Invariants (to hold once the module exists; see ARCHITECTURE.md):
 * the bytecodes are declared once in ignition/bytecodes.def and everything
 * else (enum, names, sizes, dispatch table, printer) is derived from it;
 * interpreter frames live on the VM stack, never in C locals; every
 * property, call and arithmetic bytecode names a feedback slot.
 *
 * Empty for now: this header only states the module's purpose.
 */
#ifndef JSVM_IGNITION_H
#define JSVM_IGNITION_H
#endif
