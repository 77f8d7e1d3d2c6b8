/*
 * rowmap.c -- a row operation under which the engine's LP is sparse.
 *
 * Any invertible M gives M A x = M b the feasible set and the bases of
 * A x = b, and a dual y' of the one is the dual y = M^T y' of the other.
 * The vertex dictionary's columns (w^T x_i + b)_+ are affine in x away
 * from one hyperplane: with row i less the affine combination of a few
 * nearby samples that reproduces x_i (train/stencil.c), a column keeps an
 * entry in row i only where its hyperplane passes between x_i and those
 * samples.  Clp's steepest-edge pricing and its factorisation cost in
 * proportion to the nonzeros (two thirds of a d = 2 round), so only the
 * candidate changes: M is in doubles, FLINT still checks the basis on
 * A x = b.
 */
#include <math.h>
#include <string.h>
#include "lp/lp.h"

void
wc_rowmap_init(wc_rowmap_struct * M)
{
    M->len = 0;
    M->engine_scales = 0;
    M->r = flint_malloc(sizeof(slong));       /* never NULL, even empty */
    M->start = flint_calloc(1, sizeof(slong));
    M->j = flint_malloc(sizeof(slong));
    M->l = flint_malloc(sizeof(double));
}

void
wc_rowmap_clear(wc_rowmap_struct * M)
{
    flint_free(M->r);
    flint_free(M->start);
    flint_free(M->j);
    flint_free(M->l);
}

void
wc_rowmap_push(wc_rowmap_struct * M, slong r, const slong * j, const double * l, slong k)
{
    slong at = M->start[M->len];

    M->r = flint_realloc(M->r, (M->len + 1) * sizeof(slong));
    M->start = flint_realloc(M->start, (M->len + 2) * sizeof(slong));
    M->j = flint_realloc(M->j, (at + k + 1) * sizeof(slong));
    M->l = flint_realloc(M->l, (at + k + 1) * sizeof(double));
    memcpy(M->j + at, j, k * sizeof(slong));
    memcpy(M->l + at, l, k * sizeof(double));
    M->r[M->len] = r;
    M->start[++M->len] = at + k;
}

/* The rounding error of a sum of k + 1 terms is a few units of 2^-53 of
 * their magnitude; below 2^-36 of it (room for the rounding of the
 * coefficients l, computed from the samples in doubles) the entry is a
 * zero of M A. */
#define CANCELLED 36

void
wc_rowmap_apply(double * v, const wc_rowmap_struct * M)
{
    slong t, q;

    for (t = 0; t < M->len; t++)
    {
        slong r = M->r[t];
        double s = v[r], size = fabs(v[r]);

        for (q = M->start[t]; q < M->start[t + 1]; q++)
        {
            double x = M->l[q] * v[M->j[q]];
            s -= x;
            size += fabs(x);
        }
        v[r] = fabs(s) <= ldexp(size, -CANCELLED) ? 0.0 : s;
    }
}

void
wc_rowmap_scale(wc_rowmap_struct * D, const wc_rowmap_struct * M, const slong * rexp)
{
    slong t, q;

    *D = *M;
    D->l = flint_malloc((M->start[M->len] + 1) * sizeof(double));
    for (t = 0; t < M->len; t++)
        for (q = M->start[t]; q < M->start[t + 1]; q++)
            D->l[q] = ldexp(M->l[q], (int) (rexp[M->j[q]] - rexp[M->r[t]]));
}

void
wc_rowmap_dual(double * y, const wc_rowmap_struct * M, slong m)
{
    double * z = flint_malloc((m + 1) * sizeof(double));
    slong t, q;

    memcpy(z, y, m * sizeof(double));
    for (t = 0; t < M->len; t++)
        for (q = M->start[t]; q < M->start[t + 1]; q++)
            y[M->j[q]] -= M->l[q] * z[M->r[t]];
    flint_free(z);
}
