/*
 * scale.c -- an exact LP as the doubles a floating-point simplex (GLPK,
 * Clp) is given: every column and row scaled by a power of two, which
 * keeps huge integers in range and leaves the basis structure unchanged,
 * or the raw integers (glp_exact, only when all fit in 53 bits).
 */
#include <math.h>
#include "lp/lp.h"

/* Binary exponents beyond which a scaled double is clamped (above) or
 * flushed to 0 (below), well inside binary64's range of +-1022. */
#define EXP_LIMIT 900

/* ldexp(mantissa of a, e + exponent of a), clamped away from overflow. */
static double
scaled(const fmpz_t a, slong e)
{
    slong ea;
    double m = fmpz_get_d_2exp(&ea, a);

    ea += e;
    if (ea > EXP_LIMIT) ea = EXP_LIMIT;
    if (ea < -EXP_LIMIT) return 0.0;
    return ldexp(m, (int) ea);
}

/* Column scale 2^-cexp_j, then row scale 2^-rexp_i, then one objective
 * scale 2^-oexp: entries end up near 1.  Row by row (fmpz_mat's order),
 * which also counts the nonzeros. */
static void
scales(wc_lp_scaled_struct * T, slong * cexp, const wc_lp_t P)
{
    slong m = P->m, N = P->N, i, j;

    for (j = 0; j < N; j++)
        cexp[j] = WORD_MIN;
    for (i = 0; i < m; i++)
    {
        const fmpz * row = fmpz_mat_entry(P->A, i, 0);
        for (j = 0; j < N; j++)
            if (!fmpz_is_zero(row + j))
            {
                cexp[j] = FLINT_MAX(cexp[j], (slong) fmpz_bits(row + j));
                T->nz++;
            }
    }
    for (j = 0; j < N; j++)
        if (cexp[j] == WORD_MIN)
            cexp[j] = 0;
    for (i = 0; i < m; i++)
    {
        const fmpz * row = fmpz_mat_entry(P->A, i, 0);
        T->rexp[i] = WORD_MIN;
        for (j = 0; j < N; j++)
            if (!fmpz_is_zero(row + j))
                T->rexp[i] = FLINT_MAX(T->rexp[i], (slong) fmpz_bits(row + j) - cexp[j]);
        if (T->rexp[i] == WORD_MIN)
            T->rexp[i] = 0;
    }
    T->oexp = WORD_MIN;
    for (j = 0; j < N; j++)
        if (!fmpz_is_zero(P->c + j))
            T->oexp = FLINT_MAX(T->oexp, (slong) fmpz_bits(P->c + j) - cexp[j]);
    if (T->oexp == WORD_MIN)
        T->oexp = 0;
}

/* 2^-e when e is small enough that a 53-bit integer times 2^-e times
 * another such factor stays a normal double (the product is then exact,
 * the same double as scaled() gives: its exponent stays within -797..851,
 * inside the clamps), else 0 (scaled() is used). */
#define FAST_EXP 400
static double
fast_factor(slong e)
{
    return e > -FAST_EXP && e < FAST_EXP ? ldexp(1.0, (int) -e) : 0.0;
}

void
wc_lp_scale(wc_lp_scaled_struct * T, const wc_lp_t P, int raw)
{
    slong m = P->m, N = P->N, i, j, k;
    slong * cexp = flint_calloc(N + 1, sizeof(slong));
    double * cf;

    T->rexp = flint_calloc(m + 1, sizeof(slong));
    T->oexp = 0;
    T->nz = 0;
    if (!raw)
        scales(T, cexp, P);
    else
        for (i = 0; i < m; i++)
            for (j = 0; j < N; j++)
                T->nz += !fmpz_is_zero(fmpz_mat_entry(P->A, i, j));
    T->row = flint_malloc((T->nz + 1) * sizeof(int));
    T->col = flint_malloc((T->nz + 1) * sizeof(int));
    T->val = flint_malloc((T->nz + 1) * sizeof(double));
    T->b = flint_malloc((m + 1) * sizeof(double));
    T->c = flint_malloc((N + 1) * sizeof(double));
    cf = flint_malloc((N + 1) * sizeof(double));
    for (j = 0; j < N; j++)
        cf[j] = raw ? 1.0 : fast_factor(cexp[j]);
    for (i = 0; i < m; i++)
        T->b[i] = raw ? fmpz_get_d(P->b + i) : scaled(P->b + i, -T->rexp[i]);
    for (j = 0; j < N; j++)
        T->c[j] = raw ? fmpz_get_d(P->c + j) : scaled(P->c + j, -cexp[j] - T->oexp);
    for (i = 0, k = 0; i < m; i++)
    {
        const fmpz * row = fmpz_mat_entry(P->A, i, 0);
        double rf = raw ? 1.0 : fast_factor(T->rexp[i]);

        for (j = 0; j < N; j++)
        {
            const fmpz * a = row + j;
            if (fmpz_is_zero(a))
                continue;
            T->row[k] = (int) i;
            T->col[k] = (int) j;
            if (raw)
                T->val[k] = fmpz_get_d(a);
            else if (rf != 0 && cf[j] != 0 && !COEFF_IS_MPZ(*a) && FLINT_ABS(*a) < (WORD(1) << 53))
                T->val[k] = (double) *a * cf[j] * rf;
            else
                T->val[k] = scaled(a, -cexp[j] - T->rexp[i]);
            k++;
        }
    }
    flint_free(cf);
    flint_free(cexp);
}

void
wc_lp_scaled_clear(wc_lp_scaled_struct * T)
{
    flint_free(T->rexp);
    flint_free(T->row);
    flint_free(T->col);
    flint_free(T->val);
    flint_free(T->b);
    flint_free(T->c);
}
