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

/* ------------------------------------------------------ presolve.c */

/* For interp: a Farkas vector v (n entries) on at most four samples whose
 * rows are proportional in every column of V and whose labels cannot
 * follow (identical samples; without biases, samples on one ray and the
 * origin).  Returns 1 with v, or 0 when the data show no such conflict. */
int _wc_interp_conflict(fmpq * v, const wc_data_t D, const wc_problem_t p);

/* ---------------------------------------------------- dictionary.c */

/* The primitive integer (w', b') of the origin (k, T, S) for the + sign,
 * as documented at wc_dict_t; 0 when the samples are dependent (w' = 0). */
int _wc_atom_direction(fmpz * wb, const wc_data_t D, int bias, slong k,
                       const slong * T, const slong * S);

/* An empty dictionary for (n, d, bias, kind), and appending one atom with
 * direction sign * wb (ns = |S|). */
void _wc_dict_start(wc_dict_t V, slong n, slong d, int bias, int kind);
void _wc_dict_push(wc_dict_t V, slong k, const slong * T, slong ns,
                   const slong * S, int sign, const fmpz * wb);

/* Keeps the atoms u with keep[u] != 0, in order. */
void _wc_dict_keep(wc_dict_t V, const char * keep);

/* --------------------------------------------------------- price.c */

/*
 * The origins (k, T, S) of V numbered 0..G-1 in enumeration order (k, then
 * T by rank, then S by rank); atom key = 2 g + (sign < 0), so keys order
 * atoms exactly as wc_dict_build does.  The data are kept as integers
 * X = Lx * (the rational data), and as exact doubles when they fit.
 */
typedef struct {
    slong n, d, kmin;
    int bias;
    ulong G;
    ulong * first;      /* first[k - kmin]: the first g of grade k; first[d - kmin + 1] = G */
    fmpz * X;           /* n x d, row-major */
    fmpz_t Lx;
    double * xd;        /* d x n, column-major, or NULL when some |X_ij| >= 2^50 */
    double * xmax;      /* max_i |X_ij| for each j */
    unsigned dd;        /* bit k: grade k's directions are exact in doubles */
} _wc_enum_struct;
typedef _wc_enum_struct _wc_enum_t[1];

void _wc_enum_init(_wc_enum_t E, const wc_data_t D, int bias, int kind);
void _wc_enum_clear(_wc_enum_t E);

/* (w'_T, b') of the origin (k, T, S) from the integer data, in doubles:
 * exact when bit k of E->dd is set (every intermediate an integer below
 * 2^52), which needs k <= 4; 0 if w' = 0. */
int _wc_direction_d(double * wT, double * b, const _wc_enum_t E, slong k,
                    const slong * T, const slong * S);
void _wc_enum_origin(slong * k, slong * T, slong * S, const _wc_enum_t E, ulong g);
ulong _wc_enum_key(const _wc_enum_t E, slong k, const slong * T, const slong * S, int sign);

/*
 * A dual point for pricing: atom u (origin g, sign) with t_i = <X_i, w'> + b'
 * (w', b' computed from the integer data, any positive multiple) has
 *   P_u = sum_i Y_i (sign t_i)_+,   violated iff |P_u| > thr * ||w'||_1,
 * and is ranked by |P_u| / ||w'||_1 (largest first, then by key).
 */
typedef struct {
    slong n;
    fmpz * Y;
    fmpz_t thr;
    fmpz_t scale;       /* yd = Y / scale, thr_d = thr / scale */
    double * yd;        /* or NULL: no double filter */
    double thr_d;
} _wc_dual_struct;
typedef _wc_dual_struct _wc_dual_t[1];

void _wc_dual_init(_wc_dual_t y, const fmpz * Y, const fmpz_t thr, slong n);
void _wc_dual_clear(_wc_dual_t y);

/* The K most violated atoms with distinct directions, in rank order. */
typedef struct {
    ulong key;
    fmpz_t P, l1;
    fmpz * wb;          /* sign * the primitive direction from the integer data */
} _wc_cand_struct;

typedef struct {
    slong len, cap, d;
    _wc_cand_struct ** c;
    double worst_lo;    /* a lower bound for the ratio of c[cap - 1], in units of scale */
    ulong exact;        /* how many atoms needed exact arithmetic */
} _wc_top_struct;
typedef _wc_top_struct _wc_top_t[1];

void _wc_top_init(_wc_top_t top, slong cap, slong d);
void _wc_top_clear(_wc_top_t top);

/* Prices the origins g_lo <= g < g_hi into top: a pure function of the
 * data, the dual and the range. */
void _wc_price_range(_wc_top_t top, const _wc_enum_t E, const _wc_dual_t y,
                     ulong g_lo, ulong g_hi);

/* Adds part's candidates to top (the union's top K, as if priced in one). */
void _wc_top_merge(_wc_top_t top, const _wc_top_t part, const _wc_dual_t y);

/* Prices the origins g_lo <= g < g_hi into top on threads (0: OpenMP's
 * default); the result does not depend on the number of threads. */
void _wc_price_all(_wc_top_t top, const _wc_enum_t E, const _wc_dual_t y,
                   ulong g_lo, ulong g_hi, int threads,
                   wc_progress_fn progress, void * ctx);

/* --------------------------------------------- solve.c and stream.c */

/* rho_i: the factor row i of the problem's LP carries. */
const fmpz * _wc_row_scale(const wc_data_t D, const wc_problem_t p, slong i);

/* Column generation over V (R->columns STREAMED, or MATERIALISED with all
 * of V in R->V): leaves the final working set in R->V, its LP in R->lp and
 * the certified solution in R->sol; every atom of V has been priced. */
int _wc_solve_columns(wc_result_t R, const wc_data_t D, const wc_problem_t p,
                      wc_error_t err);

/* Appends to V the atom of the whole dictionary (bias, kind) with the
 * largest |k_u^T v| > 0 (the smallest key on ties), streamed; returns its
 * index in V, with |k_u^T v| in value, or -1 if k_u^T v = 0 for all u. */
slong _wc_join_most_violated(wc_dict_t V, fmpq_t value, const wc_data_t D, int bias,
                             int kind, const fmpq * v, int threads);

#endif
