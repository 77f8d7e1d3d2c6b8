/*
 * mirrors.c -- the reflection dictionary of deep networks in 1-D
 * (proofs/DERIVATIONS.md section 10; Zeger, Wang, Pilanci, "A Library of
 * Mirrors", arXiv 2403.01046, whose published code defines it).
 *
 * For depth L in {2, 3, 4}, a feature is fixed by signs s in {-1,+1}^(L-1),
 * sample indices j in {0..n-1}^(L-1) and, for L = 4, a flag k:
 *     g_1(x) = x,   a_l = x_{j_l}   (L = 4, k = 1: a_1 = 2 x_{j_2} - x_{j_1}),
 *     g_{l+1}(x) = ( s_l (g_l(x) - g_l(a_l)) )_+,      l = 1..L-1,
 * and its column is (g_L(x_1), ..., g_L(x_n)).  Zero columns and exact
 * duplicates are dropped (the first in enumeration order stays: k, then
 * j as a number in base n with j_1 most significant, then s likewise
 * with + before -).  Every value is an exact rational.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "dict/dict.h"

void
wc_mirrors_init(wc_mirrors_t M)
{
    memset(M, 0, sizeof(wc_mirrors_struct));
}

void
wc_mirrors_clear(wc_mirrors_t M)
{
    if (M->col != NULL)
        _fmpq_vec_clear(M->col, M->alloc * M->n);
    flint_free(M->s);
    flint_free(M->j);
    flint_free(M->k);
    flint_free(M->table);
    memset(M, 0, sizeof(wc_mirrors_struct));
}

/* The anchors a_l of feature (j, k) on the data x (n values). */
static void
anchors(fmpq * a, const fmpq * x, int L, const slong * j, int k)
{
    int l;

    for (l = 0; l < L - 1; l++)
        fmpq_set(a + l, x + j[l]);
    if (L == 4 && k)
    {
        fmpq_mul_2exp(a + 0, x + j[1], 1);
        fmpq_sub(a + 0, a + 0, x + j[0]);      /* the reflection of x_{j_1} in x_{j_2} */
    }
}

/* r := (s (v - c))_+ */
static void
level(fmpq_t r, const fmpq_t v, const fmpq_t c, int s)
{
    fmpq_sub(r, v, c);
    if (s < 0)
        fmpq_neg(r, r);
    if (fmpq_sgn(r) < 0)
        fmpq_zero(r);
}

void
wc_mirrors_levels(fmpq * ga, int L, const fmpq * a, const signed char * s)
{
    int l, m;

    for (l = 0; l < L - 1; l++)
    {
        /* g_l(a_l): the recursion run on the anchor, with the g_m(a_m) before it */
        fmpq_set(ga + l, a + l);
        for (m = 0; m < l; m++)
            level(ga + l, ga + l, ga + m, s[m]);
    }
}

void
wc_mirrors_eval(fmpq_t r, const fmpq_t t, int L, const fmpq * ga, const signed char * s)
{
    int l;

    fmpq_set(r, t);
    for (l = 0; l < L - 1; l++)
        level(r, r, ga + l, s[l]);
}

ulong
wc_mirrors_bound(slong n, int L)
{
    ulong c = (L == 4) ? 2 : 1;
    int l;

    for (l = 0; l < L - 1; l++)
        c = wc_sat_mul(c, wc_sat_mul(2, (ulong) n));
    return c;
}

static ulong
column_hash(const fmpq * col, slong n)
{
    ulong h = WC_HASH_INIT;
    slong i;

    for (i = 0; i < n; i++)
    {
        h = wc_hash_step(h, fmpq_numref(col + i));
        h = wc_hash_step(h, fmpq_denref(col + i));
    }
    return h;
}

/* Open addressing over the columns kept: slot -> column index + 1, 0 free;
 * the table is at least twice the number of columns. */
static void
rehash(wc_mirrors_t M, slong size)
{
    slong u, t;

    flint_free(M->table);
    M->table = flint_calloc(size, sizeof(slong));
    M->tsize = size;
    for (u = 0; u < M->len; u++)
    {
        for (t = (slong) (column_hash(M->col + u * M->n, M->n) & (ulong) (size - 1));
             M->table[t] != 0; t = (t + 1) & (size - 1))
            ;
        M->table[t] = u + 1;
    }
}

/* Appends the column col with origin (s, j, k), unless it is zero or an
 * earlier column equals it. */
static void
push(wc_mirrors_t M, const fmpq * col, const signed char * s, const slong * j, int k)
{
    slong n = M->n, L1 = M->L - 1, t, u;

    for (u = 0; u < n && fmpq_is_zero(col + u); u++)
        ;
    if (u == n)
        return;
    if (2 * (M->len + 1) > M->tsize)
        rehash(M, FLINT_MAX(64, 2 * M->tsize));
    for (t = (slong) (column_hash(col, n) & (ulong) (M->tsize - 1)); M->table[t] != 0;
         t = (t + 1) & (M->tsize - 1))
        if (wc_qvec_equal(M->col + (M->table[t] - 1) * n, col, n))
            return;
    M->table[t] = M->len + 1;
    if (M->len == M->alloc)
    {
        slong alloc = FLINT_MAX(16, 2 * M->alloc), i;

        M->col = flint_realloc(M->col, alloc * n * sizeof(fmpq));
        for (i = M->alloc * n; i < alloc * n; i++)
            fmpq_init(M->col + i);
        M->s = flint_realloc(M->s, alloc * L1 * sizeof(signed char));
        M->j = flint_realloc(M->j, alloc * L1 * sizeof(slong));
        M->k = flint_realloc(M->k, alloc * sizeof(signed char));
        M->alloc = alloc;
    }
    for (u = 0; u < n; u++)
        fmpq_set(M->col + M->len * n + u, col + u);
    memcpy(M->s + M->len * L1, s, L1);
    memcpy(M->j + M->len * L1, j, L1 * sizeof(slong));
    M->k[M->len] = (signed char) k;
    M->len++;
}

int
wc_mirrors_build(wc_mirrors_t M, const wc_data_t D, int L, ulong max_features, wc_error_t err)
{
    slong n = D->n, i, l, L1 = L - 1;
    ulong bound = wc_mirrors_bound(n, L), g, sj, nj = 1;
    signed char s[3];
    slong j[3];
    fmpq * x = _fmpq_vec_init(n), * a = _fmpq_vec_init(3), * col = _fmpq_vec_init(n);
    fmpq * ga = _fmpq_vec_init(3);
    int k, status = WC_OK;

    wc_mirrors_clear(M);
    M->n = n;
    M->L = L;
    if (D->d != 1 || L < 2 || L > 4)
        status = wc_error_set(err, WC_ERR_ARG, D->d != 1
            ? "deep networks over the reflection dictionary need 1-D data (d = 1), found d = %ld"
            : "the depth must be 2, 3 or 4, found %ld", D->d != 1 ? D->d : (slong) L);
    else if (max_features != 0 && bound > max_features)
        status = wc_error_set(err, WC_ERR_ARG, "the reflection dictionary of depth %d has up "
            "to %lu features for n = %ld, more than the limit of %lu (--max-atoms raises it)",
            L, bound, n, max_features);
    for (i = 0; i < n && status == WC_OK; i++)
        fmpq_set(x + i, fmpq_mat_entry(D->X, i, 0));
    for (l = 0; l < L1; l++)
        nj *= (ulong) n;
    for (k = 0; k <= (L == 4) && status == WC_OK; k++)
        for (g = 0; g < nj; g++)
        {
            for (l = L1 - 1, sj = g; l >= 0; l--, sj /= (ulong) n)
                j[l] = (slong) (sj % (ulong) n);
            anchors(a, x, L, j, k);
            for (sj = 0; sj < (UWORD(1) << L1); sj++)
            {
                for (l = 0; l < L1; l++)
                    s[l] = (sj >> (L1 - 1 - l) & 1) ? -1 : 1;
                wc_mirrors_levels(ga, L, a, s);
                for (i = 0; i < n; i++)
                    wc_mirrors_eval(col + i, x + i, L, ga, s);
                push(M, col, s, j, k);
            }
        }
    _fmpq_vec_clear(x, n);
    _fmpq_vec_clear(a, 3);
    _fmpq_vec_clear(ga, 3);
    _fmpq_vec_clear(col, n);
    return status;
}

void
wc_mirrors_anchors(fmpq * a, const wc_mirrors_t M, const wc_data_t D, slong u)
{
    fmpq * x = _fmpq_vec_init(D->n);
    slong i;

    for (i = 0; i < D->n; i++)
        fmpq_set(x + i, fmpq_mat_entry(D->X, i, 0));
    anchors(a, x, M->L, M->j + u * (M->L - 1), M->k[u]);
    _fmpq_vec_clear(x, D->n);
}
