/*
 * hash.c -- hashing exact integer vectors, to find exact duplicates
 * (dictionary atoms, proportional LP rows and columns) in O(N log N).
 */
#include "base/base.h"

int
wc_keyed_cmp(const void * a, const void * b)
{
    const wc_keyed_t * x = a, * y = b;

    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (x->u > y->u) - (x->u < y->u);
}

ulong
wc_hash_step(ulong h, const fmpz_t x)
{
    return (h ^ fmpz_fdiv_ui(x, 4294967291UL)) * 1099511628211UL;
}
