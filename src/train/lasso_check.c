/*
 * lasso_check.c -- what is read off an exact Lasso solution: its KKT
 * certificate checked on its own (proofs/DERIVATIONS.md section 6), and the
 * optimal value between two breakpoints of the path as a quadratic in beta.
 */
#include <flint/fmpq_vec.h>
#include "train/train.h"

/* The piece's quadratic, the outputs from the atoms of V or (V = NULL)
 * from the columns cols. */
static void
piece_quadratic(fmpq * c, const wc_lasso_point_struct * a, const wc_lasso_point_struct * b,
                const wc_dict_struct * V, const fmpq * cols, const wc_data_t D, int intercept)
{
    slong n = D->n, m = a->nactive + b->nactive, j, i, len = 0;
    slong * atom = flint_malloc((m + 1) * sizeof(slong));
    fmpq * alpha = _fmpq_vec_init(m + 1), * f = _fmpq_vec_init(n);
    fmpq_t mid, xi, pen, vm, t, h, d1, d2;

    fmpq_init(mid); fmpq_init(xi); fmpq_init(pen); fmpq_init(vm); fmpq_init(t);
    fmpq_init(h); fmpq_init(d1); fmpq_init(d2);
    for (j = 0; j < a->nactive; j++)
    {
        atom[len] = a->atom[j];
        fmpq_div_2exp(alpha + len++, a->z + j, 1);
    }
    for (j = 0; j < b->nactive; j++)
    {
        slong q;
        for (q = 0; q < len && atom[q] != b->atom[j]; q++)
            ;
        if (q == len)
            atom[len++] = b->atom[j];
        fmpq_div_2exp(t, b->z + j, 1);
        fmpq_add(alpha + q, alpha + q, t);
    }
    fmpq_add(mid, a->beta, b->beta);
    fmpq_div_2exp(mid, mid, 1);
    if (V != NULL)
        wc_network_outputs(f, V, atom, alpha, len, xi, D);
    else
        for (j = 0; j < len; j++)
            for (i = 0; i < n; i++)
                fmpq_addmul(f + i, alpha + j, cols + atom[j] * n + i);
    if (intercept)
    {
        for (i = 0; i < n; i++)
        {
            fmpq_sub(t, D->y + i, f + i);
            fmpq_add(xi, xi, t);
        }
        fmpz_set_si(fmpq_denref(t), n);      /* xi := xi / n */
        fmpz_one(fmpq_numref(t));
        fmpq_mul(xi, xi, t);
        for (i = 0; i < n; i++)
            fmpq_add(f + i, f + i, xi);
    }
    wc_qvec_l1(pen, alpha, len);
    {
        wc_problem_t q;
        wc_problem_init(q);
        q->loss = WC_LOSS_SQUARED;
        fmpq_set(q->beta, mid);
        wc_training_objective(vm, f, pen, D, q);
        wc_problem_clear(q);
    }
    /* through (b, vb), (mid, vm), (a, va) with h = (a - b) / 2:
       c2 = (va - 2 vm + vb) / (2 h^2), slope at mid = (va - vb) / (2 h) */
    fmpq_sub(h, a->beta, b->beta);
    fmpq_div_2exp(h, h, 1);
    fmpq_add(d2, a->value, b->value);
    fmpq_sub(d2, d2, vm);
    fmpq_sub(d2, d2, vm);
    fmpq_mul(t, h, h);
    fmpq_mul_2exp(t, t, 1);
    fmpq_div(c + 2, d2, t);
    fmpq_sub(d1, a->value, b->value);
    fmpq_div(d1, d1, h);
    fmpq_div_2exp(d1, d1, 1);                  /* slope at mid */
    fmpq_mul(t, c + 2, mid);
    fmpq_mul_2exp(t, t, 1);
    fmpq_sub(c + 1, d1, t);                    /* c1 = slope - 2 c2 mid */
    fmpq_mul(t, c + 2, mid);
    fmpq_mul(t, t, mid);
    fmpq_sub(c + 0, vm, t);
    fmpq_mul(t, c + 1, mid);
    fmpq_sub(c + 0, c + 0, t);                 /* c0 = vm - c2 mid^2 - c1 mid */

    fmpq_clear(mid); fmpq_clear(xi); fmpq_clear(pen); fmpq_clear(vm); fmpq_clear(t);
    fmpq_clear(h); fmpq_clear(d1); fmpq_clear(d2);
    _fmpq_vec_clear(alpha, m + 1);
    _fmpq_vec_clear(f, n);
    flint_free(atom);
}

int
wc_lasso_kkt_check(fmpq_t value, fmpq * r, const fmpq * cols, slong len, const fmpq * z,
                   const fmpq * f, const wc_data_t D, const wc_problem_t p)
{
    slong n = D->n, i, u;
    fmpq_t s, t, dual_obj;
    int ok;

    fmpq_init(s);
    fmpq_init(t);
    fmpq_init(dual_obj);
    for (i = 0; i < n; i++)
        fmpq_sub(r + i, D->y + i, f + i);
    for (i = 0; i < n; i++)
        fmpq_add(s, s, r + i);
    ok = !wc_has_intercept(p) || fmpq_is_zero(s);
    for (u = 0; u < len && ok; u++)
    {
        _fmpq_vec_dot(s, cols + u * n, r, n);
        if (!fmpq_is_zero(z + u))
        {
            fmpq_mul_si(t, p->beta, fmpq_sgn(z + u));
            ok = fmpq_equal(s, t);
        }
        else
        {
            fmpq_abs(s, s);
            ok = fmpq_cmp(s, p->beta) <= 0;
        }
    }
    /* value = (1/2) ||r||^2 + beta ||z||_1, equal to the dual objective */
    wc_qvec_l1(t, z, len);
    ok = ok && wc_training_objective(value, f, t, D, p);
    _fmpq_vec_dot(dual_obj, D->y, r, n);
    _fmpq_vec_dot(s, r, r, n);
    fmpq_div_2exp(s, s, 1);
    fmpq_sub(dual_obj, dual_obj, s);
    ok = ok && fmpq_equal(dual_obj, value);
    fmpq_clear(s);
    fmpq_clear(t);
    fmpq_clear(dual_obj);
    return ok;
}

void
wc_lasso_piece_quadratic(fmpq * c, const wc_lasso_point_struct * a,
                         const wc_lasso_point_struct * b, const wc_dict_t V,
                         const wc_data_t D, int intercept)
{
    piece_quadratic(c, a, b, V, NULL, D, intercept);
}

void
wc_lasso_piece_quadratic_columns(fmpq * c, const wc_lasso_point_struct * a,
                                 const wc_lasso_point_struct * b, const fmpq * cols,
                                 const wc_data_t D, int intercept)
{
    piece_quadratic(c, a, b, NULL, cols, D, intercept);
}
