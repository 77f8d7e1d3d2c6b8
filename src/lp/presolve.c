/*
 * presolve.c -- exact LP presolve: proportional rows (redundant, or a
 * Farkas vector at once) and proportional columns (only the cheapest per
 * unit is needed).  The solution of the smaller LP is checked on the
 * whole LP (lp.c).
 */
#include <stdlib.h>
#include "lp/lp.h"

/*
 * Duplicate samples make rows of A proportional, which the double simplex
 * handles badly (singular bases).  Exactly: row i = g_i r with r primitive;
 * two such rows are redundant when b_i / g_i = b_j / g_j, and otherwise
 * y = e_i / g_i - e_j / g_j (or its negative) is a Farkas vector.  A zero
 * row with b_i != 0 gives y = sign(b_i) e_i.  Returns 1 and fills farkas if
 * infeasibility was found; else 0 with keep[0..*mk) the rows to keep.
 */
int
wc_lp_presolve_rows(slong * keep, slong * mk, fmpq * farkas, const wc_lp_t P)
{
    slong m = P->m, N = P->N, i, j, t, r;
    fmpz * g = _fmpz_vec_init(m);
    ulong * hash = flint_malloc((m + 1) * sizeof(ulong));
    char * dropped = flint_calloc(m + 1, 1);
    fmpz_t q, s1, s2;
    int infeasible = 0;

    fmpz_init(q); fmpz_init(s1); fmpz_init(s2);
    for (i = 0; i < m; i++)
    {
        const fmpz * row = fmpz_mat_entry(P->A, i, 0);
        ulong h = WC_HASH_INIT;

        _fmpz_vec_content(g + i, row, N);
        for (j = 0; j < N && fmpz_is_zero(row + j); j++)
            ;
        if (j < N && fmpz_sgn(row + j) < 0)
            fmpz_neg(g + i, g + i);         /* first nonzero of r is positive */
        for (j = 0; j < N && !fmpz_is_zero(g + i); j++)
        {
            fmpz_divexact(q, row + j, g + i);
            h = wc_hash_step(h, q);
        }
        hash[i] = h;
    }
    for (i = 0; i < m && !infeasible; i++)
    {
        if (fmpz_is_zero(g + i))
        {
            dropped[i] = 1;
            if (!fmpz_is_zero(P->b + i))
            {
                wc_qvec_zero(farkas, m);
                fmpq_set_si(farkas + i, fmpz_sgn(P->b + i), 1);
                infeasible = 1;
            }
            continue;
        }
        for (t = 0; t < i && !dropped[i]; t++)
        {
            if (dropped[t] || hash[t] != hash[i] || fmpz_is_zero(g + t))
                continue;
            for (j = 0; j < N; j++)     /* A_t g_i = A_i g_t entrywise */
            {
                fmpz_mul(s1, fmpz_mat_entry(P->A, t, j), g + i);
                fmpz_mul(s2, fmpz_mat_entry(P->A, i, j), g + t);
                if (!fmpz_equal(s1, s2))
                    break;
            }
            if (j < N)
                continue;
            dropped[i] = 1;
            fmpz_mul(s1, P->b + t, g + i);
            fmpz_mul(s2, P->b + i, g + t);
            if (!fmpz_equal(s1, s2))
            {
                /* b^T y = b_t / g_t - b_i / g_i, made positive */
                int sg = fmpz_cmp(s1, s2) * fmpz_sgn(g + i) * fmpz_sgn(g + t) > 0 ? 1 : -1;
                wc_qvec_zero(farkas, m);
                fmpz_set_si(q, sg);
                fmpq_set_fmpz_frac(farkas + t, q, g + t);
                fmpz_set_si(q, -sg);
                fmpq_set_fmpz_frac(farkas + i, q, g + i);
                infeasible = 1;
            }
        }
    }
    for (i = 0, r = 0; i < m; i++)
        if (!dropped[i])
            keep[r++] = i;
    *mk = r;
    fmpz_clear(q); fmpz_clear(s1); fmpz_clear(s2);
    _fmpz_vec_clear(g, m);
    flint_free(hash);
    flint_free(dropped);
    return infeasible;
}

/*
 * Columns that are positive multiples of one another (the same feature on
 * the data, from different atoms) are interchangeable; only the cheapest
 * per unit is needed, and zero columns of nonnegative cost never are.
 * Fills keep[0..*nk) with the columns to keep.
 */
void
wc_lp_presolve_columns(slong * keep, slong * nk, const wc_lp_t P)
{
    slong m = P->m, N = P->N, i, j, t, r;
    fmpz * g = _fmpz_vec_init(N);
    fmpz * col = _fmpz_vec_init(m + 1);
    wc_keyed_t * key = flint_malloc((N + 1) * sizeof(wc_keyed_t));
    char * dropped = flint_calloc(N + 1, 1);
    fmpz_t s1, s2;

    fmpz_init(s1); fmpz_init(s2);
    for (j = 0; j < N; j++)
    {
        ulong h = WC_HASH_INIT;

        for (i = 0; i < m; i++)
            fmpz_set(col + i, fmpz_mat_entry(P->A, i, j));
        _fmpz_vec_content(g + j, col, m);
        for (i = 0; i < m && !fmpz_is_zero(g + j); i++)
        {
            fmpz_divexact(s1, col + i, g + j);
            h = wc_hash_step(h, s1);
        }
        key[j].hash = h;
        key[j].u = j;
        if (fmpz_is_zero(g + j) && fmpz_sgn(P->c + j) >= 0)
            dropped[j] = 1;
    }
    qsort(key, N, sizeof(wc_keyed_t), wc_keyed_cmp);
    for (r = 0; r < N; r = t)
    {
        slong a, c;
        for (t = r + 1; t < N && key[t].hash == key[r].hash; t++)
            ;
        for (a = r; a < t; a++)
            for (c = a + 1; c < t; c++)
            {
                slong ja = key[a].u, jc = key[c].u, loser;
                if (dropped[ja] || dropped[jc])
                    continue;
                for (i = 0; i < m; i++)      /* A_ja g_jc = A_jc g_ja */
                {
                    fmpz_mul(s1, fmpz_mat_entry(P->A, i, ja), g + jc);
                    fmpz_mul(s2, fmpz_mat_entry(P->A, i, jc), g + ja);
                    if (!fmpz_equal(s1, s2))
                        break;
                }
                if (i < m)
                    continue;
                /* cost per unit c / g: drop the dearer, on a tie the later */
                fmpz_mul(s1, P->c + ja, g + jc);
                fmpz_mul(s2, P->c + jc, g + ja);
                loser = fmpz_cmp(s1, s2) > 0 ? ja : fmpz_cmp(s1, s2) < 0 ? jc : FLINT_MAX(ja, jc);
                dropped[loser] = 1;
            }
    }
    for (j = 0, r = 0; j < N; j++)
        if (!dropped[j])
            keep[r++] = j;
    *nk = r;
    fmpz_clear(s1); fmpz_clear(s2);
    _fmpz_vec_clear(g, N);
    _fmpz_vec_clear(col, m + 1);
    flint_free(key);
    flint_free(dropped);
}
