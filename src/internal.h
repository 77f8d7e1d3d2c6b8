/*
 * internal.h -- helpers shared by the library's modules, not exported.
 */
#ifndef WC_INTERNAL_H
#define WC_INTERNAL_H

#include "wedgecert.h"

/* Exact duplicates are found by sorting (hash, index) pairs and comparing
 * only within equal hashes; ties sort by index, so the first occurrence
 * is the one kept. */
typedef struct {
    ulong hash;
    slong u;
} wc_keyed_t;

int _wc_keyed_cmp(const void * a, const void * b);

#define WC_HASH_INIT 1469598103934665603UL

/* One FNV-style step of a hash of integer vectors: h mixed with x mod p. */
ulong _wc_hash_step(ulong h, const fmpz_t x);

#endif
