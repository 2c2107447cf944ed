/*
 * turbofan/turbofan.h — the optimizing tier: hot bytecode plus feedback
 * compiled to machine code through the LLVM C API (ORC LLJIT).
 *
 * Invariants (to hold once the module exists): every speculation is
 * guarded, and a failed guard deoptimizes to the interpreter at the same
 * bytecode offset with the same register values; compiled code stores
 * heap references only through orinoco's write barrier.
 *
 * Empty for now: this header only states the module's purpose.
 */
#ifndef JSVM_TURBOFAN_H
#define JSVM_TURBOFAN_H
#endif
