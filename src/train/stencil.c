/*
 * stencil.c -- the row operation under which the vertex dictionary's
 * working LPs are sparse (lp/rowmap.c has why an engine may solve under
 * one): each sample, in a serpentine order, less the affine combination
 * of d + 1 earlier samples that reproduces it.
 *
 * Row i of the LP is rho_i times the features' row i, and a column
 * (w^T x + b)_+ is affine on each side of its hyperplane, so
 *     row_i - sum_q l_q (rho_i / rho_jq) row_jq = 0
 * in that column when x_i = sum_q l_q x_jq, sum_q l_q = 1, and x_i and
 * the x_jq lie on one side.  The d + 1 samples are, among the NEAR nearest
 * earlier ones, those of the smallest simplex (by its largest distance to
 * x_i) that holds x_i, or where none holds it those with the smallest
 * sum |l_q| (at most MAX_LSUM: larger coefficients would make the mapped
 * entries large beside the others).  The order: slabs of the last
 * coordinate, each cut into slabs of the one before, down to the first,
 * about n^(1/d) / 2 slabs a level, each walked the other way round from
 * the one before it.  The earlier samples nearest to a sample are then
 * its neighbours, its stencil a few spacings wide, and a hyperplane
 * crosses about n^(1 - 1/d) stencils.  Measured at d = 2, n = 700
 * (bench/gen.py seed 1): 63 nonzeros a mapped column against 80 in a
 * random order (345 unmapped), and 26.8 s against 31.4 s certified.  The
 * first d + 1 samples keep their rows (affine functions live there), and
 * so does a sample no earlier d + 1 span affinely.  The map only shapes
 * a candidate: doubles throughout.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "train/train.h"

#define NEAR(d) ((d) + 7)
#define MAX_LSUM 64.0
#define STENCIL_MAX_D WC_STENCIL_MAX_D

/* The NEAR(d) (or fewer, when t is smaller) nearest of the first t
 * samples of order to x (squared distances, ties to the earlier): their
 * positions in near[0..), RETURNS how many. */
static slong
nearest(slong * near, double * dist, const double * X, slong d, const slong * order,
        slong t, const double * x)
{
    slong len = 0, s, c, k, cap = NEAR(d);

    for (s = 0; s < t; s++)
    {
        double e = 0;
        for (c = 0; c < d; c++)
            e += (X[order[s] * d + c] - x[c]) * (X[order[s] * d + c] - x[c]);
        if (len == cap && e >= dist[len - 1])
            continue;
        for (k = len < cap ? len++ : len - 1; k > 0 && dist[k - 1] > e; k--)
        {
            dist[k] = dist[k - 1];
            near[k] = near[k - 1];
        }
        dist[k] = e;
        near[k] = order[s];
    }
    return len;
}

/* l (d + 1 entries) := the affine coordinates of x in the simplex of the
 * samples idx; RETURNS 0 when they span no simplex (a tiny pivot). */
static int
affine_coordinates(double * l, double * S, const double * X, slong d, const slong * idx,
                   const double * x)
{
    slong k = d + 1, r, c, q;

    /* S (k x (k + 1)): column q is (x_idx[q], 1), the last column (x, 1) */
    for (r = 0; r < k; r++)
    {
        for (q = 0; q < k; q++)
            S[r * (k + 1) + q] = r < d ? X[idx[q] * d + r] : 1.0;
        S[r * (k + 1) + k] = r < d ? x[r] : 1.0;
    }
    for (c = 0; c < k; c++)
    {
        slong p = c;
        double big = 0;
        for (r = c; r < k; r++)
            if (fabs(S[r * (k + 1) + c]) > fabs(S[p * (k + 1) + c]))
                p = r;
        for (r = 0; r < k; r++)
            big = FLINT_MAX(big, fabs(S[r * (k + 1) + c]));
        if (!(fabs(S[p * (k + 1) + c]) > ldexp(big, -30)))
            return 0;
        for (q = 0; q <= k; q++)
        {
            double t = S[c * (k + 1) + q];
            S[c * (k + 1) + q] = S[p * (k + 1) + q];
            S[p * (k + 1) + q] = t;
        }
        for (r = c + 1; r < k; r++)
        {
            double f = S[r * (k + 1) + c] / S[c * (k + 1) + c];
            for (q = c; q <= k; q++)
                S[r * (k + 1) + q] -= f * S[c * (k + 1) + q];
        }
    }
    for (c = k - 1; c >= 0; c--)
    {
        double s = S[c * (k + 1) + k];
        for (q = c + 1; q < k; q++)
            s -= S[c * (k + 1) + q] * l[q];
        l[c] = s / S[c * (k + 1) + c];
    }
    return 1;
}

/* The best simplex of d + 1 of near[0..len) for x (as the head comment
 * says) into idx and l; RETURNS 0 if none spans one. */
static int
best_simplex(slong * idx, double * l, const slong * near, const double * dist, slong len,
             const double * X, slong d, const double * x)
{
    slong k = d + 1, pick[STENCIL_MAX_D + 1], cand[STENCIL_MAX_D + 1], q;
    double lam[STENCIL_MAX_D + 1], S[(STENCIL_MAX_D + 1) * (STENCIL_MAX_D + 2)];
    double best_in = HUGE_VAL, best_out = HUGE_VAL;
    int found = 0;

    if (len < k)
        return 0;
    for (q = 0; q < k; q++)
        pick[q] = q;
    for (;;)
    {
        for (q = 0; q < k; q++)
            cand[q] = near[pick[q]];
        if (affine_coordinates(lam, S, X, d, cand, x))
        {
            double low = HUGE_VAL, sum = 0;
            for (q = 0; q < k; q++)
            {
                low = FLINT_MIN(low, lam[q]);
                sum += fabs(lam[q]);
            }
            /* held: by the largest distance, the last pick's (near is
               sorted); a held simplex beats every other */
            int held = low >= -ldexp(1.0, -40);
            double key = held ? dist[pick[k - 1]] : sum;
            if (held ? key < best_in : best_in == HUGE_VAL && key < best_out && sum <= MAX_LSUM)
            {
                *(held ? &best_in : &best_out) = key;
                memcpy(idx, cand, k * sizeof(slong));
                memcpy(l, lam, k * sizeof(double));
                found = 1;
            }
        }
        /* the next k-subset of 0..len-1 in lexicographic order */
        for (q = k - 1; q >= 0 && pick[q] == len - k + q; q--)
            ;
        if (q < 0)
            return found;
        pick[q]++;
        for (q = q + 1; q < k; q++)
            pick[q] = pick[q - 1] + 1;
    }
}

typedef struct {
    double key;
    slong i;
} keyed;

static int
keyed_cmp(const void * a, const void * b)
{
    const keyed * u = a, * v = b;

    return u->key != v->key ? (u->key > v->key) - (u->key < v->key)
                            : (u->i > v->i) - (u->i < v->i);
}

/* order[0..len) sorted by coordinate c (descending when rev), then for
 * c > 0 cut into s slabs, each ordered so by coordinate c - 1 with the
 * direction alternating from slab to slab. */
static void
serpentine(slong * order, keyed * tmp, slong len, const double * X, slong d, slong c,
           int rev, slong s)
{
    slong k;

    for (k = 0; k < len; k++)
    {
        tmp[k].key = rev && c == 0 ? -X[order[k] * d + c] : X[order[k] * d + c];
        tmp[k].i = order[k];
    }
    qsort(tmp, len, sizeof(keyed), keyed_cmp);
    for (k = 0; k < len; k++)
        order[k] = tmp[k].i;
    for (k = 0; c > 0 && k < s; k++)
        serpentine(order + k * len / s, tmp, (k + 1) * len / s - k * len / s, X, d, c - 1,
                   rev ^ (int) (k & 1), s);
}

/* M := the steps for the n samples X (d coordinates each) with row
 * factors rho. */
static void
stencil_steps(wc_rowmap_struct * M, const double * X, const double * rho, slong n, slong d)
{
    slong t, q, len, idx[STENCIL_MAX_D + 1];
    double * dist = flint_malloc((NEAR(d) + 1) * sizeof(double)), l[STENCIL_MAX_D + 1];
    slong * order = flint_malloc((n + 1) * sizeof(slong));
    slong * near = flint_malloc((NEAR(d) + 1) * sizeof(slong));
    keyed * tmp = flint_malloc((n + 1) * sizeof(keyed));

    for (t = 0; t < n; t++)
        order[t] = t;
    serpentine(order, tmp, n, X, d, d - 1, 0, (slong) (pow((double) n, 1.0 / d) / 2) + 1);
    /* the last sample first: a step reads rows that no step before it
       has replaced, those of samples earlier in the order */
    for (t = n - 1; t > d; t--)
    {
        const double * x = X + order[t] * d;
        double size = 0;
        int finite = 1;
        slong k = 0;

        len = nearest(near, dist, X, d, order, t, x);
        if (!best_simplex(idx, l, near, dist, len, X, d, x))
            continue;
        for (q = 0; q <= d; q++)
            size += fabs(l[q]);
        /* a coefficient rounding left of a zero (x_i on a face of the
           simplex) is dropped, so that the columns cancel exactly */
        for (q = 0; q <= d; q++)
            if (fabs(l[q]) > ldexp(size, -40))
            {
                l[k] = l[q] * (rho[order[t]] / rho[idx[q]]);
                idx[k] = idx[q];
                finite &= isfinite(l[k++]);
            }
        if (finite)
            wc_rowmap_push(M, order[t], idx, l, k);
    }
    flint_free(dist);
    flint_free(order);
    flint_free(near);
    flint_free(tmp);
}

void
wc_stencil_rowmap(wc_rowmap_struct * M, const wc_data_t D, const wc_problem_t p)
{
    slong n = D->n, d = D->d, i, c;
    double * X, * rho;
    int modest = 1;

    wc_rowmap_init(M);
    if (d < 1 || d > STENCIL_MAX_D)
        return;
    X = flint_malloc((n * d + 1) * sizeof(double));
    rho = flint_malloc((n + 1) * sizeof(double));
    for (i = 0; i < n; i++)
    {
        for (c = 0; c < d; c++)
        {
            X[i * d + c] = fmpq_get_d(fmpq_mat_entry(D->X, i, c));
            modest &= fabs(X[i * d + c]) < 0x1p200;
        }
        rho[i] = fmpz_get_d(wc_row_scale(D, p, i));
        modest &= fabs(rho[i]) < 0x1p200 && rho[i] != 0;
    }
    if (modest)         /* else data beyond doubles' comfortable range: no map */
        stencil_steps(M, X, rho, n, d);
    flint_free(X);
    flint_free(rho);
}
