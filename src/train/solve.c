/*
 * solve.c -- a training problem solved: the route (full LP, or column
 * generation over the vertex dictionary), and the network read off a
 * certified optimum.  The LP itself is built in problem.c.
 *
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "train/train.h"

/* ------------------------------------------------------------ the result */

void
wc_result_init(wc_result_t R)
{
    memset(R, 0, sizeof(wc_result_struct));
    fmpq_init(R->net_objective);
    fmpq_init(R->value);
    fmpq_init(R->xi);
    fmpz_init(R->obj_scale);
    wc_dict_init(R->V);
    wc_lp_init(R->lp, 0, 0);
    wc_lp_solution_init(R->sol, 0, 0);
}

void
wc_result_clear(wc_result_t R)
{
    fmpq_clear(R->value);
    fmpq_clear(R->xi);
    fmpz_clear(R->obj_scale);
    flint_free(R->atom);
    if (R->alpha != NULL)
        _fmpq_vec_clear(R->alpha, R->nneurons);
    if (R->farkas != NULL)
        _fmpq_vec_clear(R->farkas, R->n);
    if (R->dual != NULL)
        _fmpq_vec_clear(R->dual, R->n);
    if (R->outputs != NULL)
        _fmpq_vec_clear(R->outputs, R->n);
    fmpq_clear(R->net_objective);
    wc_dict_clear(R->V);
    wc_lp_clear(R->lp);
    wc_lp_solution_clear(R->sol);
    memset(R, 0, sizeof(wc_result_struct));
}

int
wc_solve_prepare(wc_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err)
{
    int status;
    ulong memory;

    wc_result_clear(R);
    wc_result_init(R);
    wc_error_init(err);
    R->n = D->n;
    R->columns = wc_columns_mode(D, p);

    if (D->y == NULL)
        return wc_error_set(err, WC_ERR_ARG, "the data set has no labels");
    if (p->loss != WC_LOSS_INTERP && fmpq_sgn(p->beta) <= 0)
        return wc_error_set(err, WC_ERR_ARG, "beta must be positive");
    /* work that cannot finish is refused before it starts: the size of V,
       then the memory of the route */
    status = wc_dict_check_size(D->n, D->d, p->bias, p->dict, p->max_atoms,
                                R->columns != WC_COLUMNS_STREAMED, err);
    if (status != WC_OK)
        return status;
    memory = wc_solve_memory(D, p, R->columns);
    if (p->max_memory != 0 && memory > p->max_memory)
        return wc_error_set(err, WC_ERR_ARG, "solving would need at least %.3g GB "
            "(n = %ld, d = %ld), more than the limit of %.3g GB (--max-memory raises it)",
            (double) memory / 1e9, D->n, D->d, (double) p->max_memory / 1e9);
    if (R->columns != WC_COLUMNS_FULL)
        return WC_OK;   /* V is never stored (vertex.c), or built there */
    status = wc_dict_build(R->V, D, p->bias, p->dict, p->max_atoms,
                           p->progress, p->progress_ctx, err);
    if (status != WC_OK)
        return status;
    if (p->loss == WC_LOSS_SQUARED)
    {
        /* a QP: no LP to build; the Lasso path runs in wc_solve_finish */
        fmpz_one(R->obj_scale);
        return WC_OK;
    }
    wc_lp_clear(R->lp);
    status = wc_problem_lp(R->lp, R->obj_scale, D, R->V, p, err);
    if (status != WC_OK)
        wc_lp_init(R->lp, 0, 0);
    return status;
}

/*
 * The squared loss: the exact Lasso path down to beta, then the KKT
 * conditions checked on their own, with r = y - f:  1^T r = 0 (free
 * intercept), k_u^T r = beta sign(alpha_u) on the neurons, and
 * |k_u^T r| <= beta for every atom of V.  Then r is an optimal dual point:
 * y^T r - (1/2) ||r||^2 equals the objective (proofs/DERIVATIONS.md).
 */
static int
finish_squared(wc_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err)
{
    slong n = D->n, L = R->V->len, u, j;
    fmpq * z = _fmpq_vec_init(L + 1), * cols;
    wc_lasso_path_t path;
    int status, ok;

    wc_lasso_path_init(path);
    status = wc_lasso_path(path, z, R->xi, D, R->V, wc_has_intercept(p), p->beta,
                           p->progress, p->progress_ctx, err);
    wc_lasso_path_clear(path);
    if (status != WC_OK)
    {
        _fmpq_vec_clear(z, L + 1);
        return status;
    }
    for (u = 0; u < L; u++)
        R->nneurons += !fmpq_is_zero(z + u);
    R->atom = flint_malloc((R->nneurons + 1) * sizeof(slong));
    R->alpha = _fmpq_vec_init(R->nneurons);
    for (u = 0, j = 0; u < L; u++)
        if (!fmpq_is_zero(z + u))
        {
            R->atom[j] = u;
            fmpq_set(R->alpha + j++, z + u);
        }
    R->outputs = _fmpq_vec_init(n);
    R->dual = _fmpq_vec_init(n);
    wc_network_outputs(R->outputs, R->V, R->atom, R->alpha, R->nneurons, R->xi, D);

    /* KKT, exactly, over every atom of V */
    cols = _fmpq_vec_init(n * (L + 1));
    for (u = 0; u < L; u++)
        wc_dict_column(cols + u * n, R->V, D, u);
    ok = wc_lasso_kkt_check(R->value, R->dual, cols, L, z, R->outputs, D, p);
    _fmpq_vec_clear(cols, n * (L + 1));
    fmpq_set(R->net_objective, R->value);

    R->status = WC_LP_OPTIMAL;
    R->certified_by = WC_CERT_LASSO_KKT;
    R->verified = ok;
    R->network_checked = ok;
    _fmpq_vec_clear(z, L + 1);
    if (!ok)
        return wc_error_set(err, WC_ERR_SOLVER,
            "internal error: the Lasso solution failed its exact KKT check");
    return WC_OK;
}

int
wc_solve(wc_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err)
{
    int status = wc_solve_prepare(R, D, p, err);

    return status != WC_OK ? status : wc_solve_finish(R, D, p, err);
}

int
wc_solve_finish(wc_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err)
{
    slong n = D->n, L, u, j, i;
    const fmpq * x;
    int status;

    if (p->loss == WC_LOSS_INTERP && R->columns != WC_COLUMNS_FULL && !p->no_presolve)
    {
        /* what the data shows needs no column generation */
        fmpq * v = _fmpq_vec_init(n);
        if (wc_interp_conflict(v, D, p))
        {
            R->status = WC_LP_INFEASIBLE;
            R->certified_by = WC_CERT_PRESOLVE;
            R->verified = 1;
            R->farkas = v;
            return WC_OK;
        }
        _fmpq_vec_clear(v, n);
    }

    if (p->loss == WC_LOSS_SQUARED)
        return finish_squared(R, D, p, err);
    if (R->columns != WC_COLUMNS_FULL)
        status = wc_solve_columns(R, D, p, err);
    else
    {
        wc_lp_solution_clear(R->sol);
        wc_lp_solution_init(R->sol, R->lp->m, R->lp->N);
        status = (p->colgen == WC_COLGEN_ALWAYS ? wc_lp_solve_colgen
                  : p->colgen == WC_COLGEN_NEVER ? wc_lp_solve_simplex : wc_lp_solve)
                 (R->sol, R->lp, p->method, p->progress, p->progress_ctx, err);
    }
    if (status != WC_OK)
        return status;

    R->status = R->sol->status;
    R->certified_by = R->sol->certified_by;
    R->verified = R->sol->verified;
    L = R->V->len;
    x = R->sol->x;

    if (R->status == WC_LP_INFEASIBLE)
    {
        /* the LP dual lives on scaled rows: v_i = rho_i y_i, recovered from
           column xi+ or from b = rho y entrywise */
        R->farkas = _fmpq_vec_init(n);
        for (i = 0; i < n; i++)
            fmpq_mul_fmpz(R->farkas + i, R->sol->y + i, wc_row_scale(D, p, i));
        return WC_OK;
    }

    fmpq_div_fmpz(R->value, R->sol->value, R->obj_scale);
    if (wc_has_intercept(p))
        fmpq_sub(R->xi, x + 2 * L, x + 2 * L + 1);

    for (u = 0; u < L; u++)
        R->nneurons += !fmpq_equal(x + 2 * u, x + 2 * u + 1);
    R->atom = flint_malloc((R->nneurons + 1) * sizeof(slong));
    R->alpha = _fmpq_vec_init(R->nneurons);
    for (u = 0, j = 0; u < L; u++)
    {
        fmpq * k;
        fmpz_t q;

        if (fmpq_equal(x + 2 * u, x + 2 * u + 1))
            continue;
        /* alpha_u = q_u (z'+ - z'-), q_u recomputed from the column */
        k = _fmpq_vec_init(n);
        fmpz_init(q);
        wc_atom_scale(q, k, R->V, D, u);
        fmpq_sub(R->alpha + j, x + 2 * u, x + 2 * u + 1);
        fmpq_mul_fmpz(R->alpha + j, R->alpha + j, q);
        R->atom[j++] = u;
        fmpz_clear(q);
        _fmpq_vec_clear(k, n);
    }

    /* the dual point of DERIVATIONS.md section 3: v = rho y_LP / obj_scale */
    R->dual = _fmpq_vec_init(n);
    for (i = 0; i < n; i++)
    {
        fmpq_mul_fmpz(R->dual + i, R->sol->y + i, wc_row_scale(D, p, i));
        fmpq_div_fmpz(R->dual + i, R->dual + i, R->obj_scale);
    }

    /* evaluate the network itself and recompute its training objective */
    {
        fmpq_t penalty;

        fmpq_init(penalty);
        R->outputs = _fmpq_vec_init(n);
        wc_network_outputs(R->outputs, R->V, R->atom, R->alpha, R->nneurons, R->xi, D);
        wc_qvec_l1(penalty, R->alpha, R->nneurons);     /* ||w_j||_1 = 1 */
        R->network_checked = wc_training_objective(R->net_objective, R->outputs, penalty, D, p)
                             && fmpq_equal(R->net_objective, R->value);
        fmpq_clear(penalty);
    }
    if (!R->network_checked)
        return wc_error_set(err, WC_ERR_SOLVER, "internal error: the network read off "
                            "the certified LP optimum does not reproduce its value");
    return WC_OK;
}
