/*
 * orinoco/orinoco.h — the heap: spaces, allocation, write barrier,
 * scavenger, mark-compact, roots, and the Boehm GC fallback.
 *
 * Invariants (to hold once the module exists; see ARCHITECTURE.md and
 * STYLE.md §5): (a) every old-to-young pointer is in the remembered set;
 * (b) while marking, no black object points to a white one. Every store
 * of a heap reference into a heap object goes through ORI_STORE.
 *
 * Empty for now: this header only states the module's purpose.
 */
#ifndef JSVM_ORINOCO_H
#define JSVM_ORINOCO_H
#endif
