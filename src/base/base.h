/*
 * base.h -- the lowest layer: errors, hashing of exact integer vectors,
 * saturating sizes and small vector helpers.  Not exported.
 *
 * Layers (each file includes wedgecert.h, its own folder's header and
 * the headers of lower layers only; make check-layers checks it):
 *   base < io < algebra < dict < lp < train < net < cli
 */
#ifndef WC_BASE_H
#define WC_BASE_H

#include "wedgecert.h"

/* Exact duplicates are found by sorting (hash, index) pairs and comparing
 * only within equal hashes; ties sort by index, so the first occurrence
 * is the one kept. */
typedef struct {
    ulong hash;
    slong u;
} wc_keyed_t;

int wc_keyed_cmp(const void * a, const void * b);

#define WC_HASH_INIT 1469598103934665603UL

/* One FNV-style step of a hash of integer vectors: h mixed with x mod p. */
ulong wc_hash_step(ulong h, const fmpz_t x);

/* 1 if the problem has a free output intercept (always with biases). */
static inline int
wc_has_intercept(const wc_problem_t p)
{
    return p->bias || p->intercept;
}

/* a + b and a b, saturating at UWORD_MAX (sizes of dictionaries, memory). */
static inline ulong
wc_sat_add(ulong a, ulong b)
{
    return a + b < a ? UWORD_MAX : a + b;
}

static inline ulong
wc_sat_mul(ulong a, ulong b)
{
    ulong hi, lo;

    umul_ppmm(hi, lo, a, b);
    return hi ? UWORD_MAX : lo;
}

/* Sets the len entries of v to zero (FLINT 2.9 has no _fmpq_vec_zero). */
static inline void
wc_qvec_zero(fmpq * v, slong len)
{
    slong i;

    for (i = 0; i < len; i++)
        fmpq_zero(v + i);
}

static inline void
wc_qvec_set(fmpq * r, const fmpq * a, slong len)
{
    slong i;

    for (i = 0; i < len; i++)
        fmpq_set(r + i, a + i);
}

/* r := a / k */
static inline void
wc_fmpq_div_si(fmpq_t r, const fmpq_t a, slong k)
{
    fmpz_t t;

    fmpz_init_set_si(t, k);
    fmpq_div_fmpz(r, a, t);
    fmpz_clear(t);
}

/* r := ||v||_1 = sum |v_i| (len entries): the penalty of output weights
 * whose neurons have ||w_j||_1 = 1. */
void wc_qvec_l1(fmpq_t r, const fmpq * v, slong len);

/* y := the doubles yd, read exactly.  RETURNS 1, or 0 if some entry is
 * not finite. */
int wc_qvec_set_d(fmpq * y, const double * yd, slong m);

/* 1 if a and b (len entries each) are equal, else 0. */
static inline int
wc_qvec_equal(const fmpq * a, const fmpq * b, slong len)
{
    slong i;

    for (i = 0; i < len; i++)
        if (!fmpq_equal(a + i, b + i))
            return 0;
    return 1;
}

#endif
