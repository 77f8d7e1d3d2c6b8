/*
 * deep.c -- deep ReLU networks in 1-D: the Lasso over the reflection
 * dictionary of depth L (dict/mirrors.c), solved as the LP of
 * wc_problem_lp with the features as its columns, certified the same way,
 * and read off as a deep network of width-1 chains (proofs/DERIVATIONS.md
 * section 10).
 *
 * LP duality proves the value optimal over the dictionary; the chains
 * prove a deep network attains it at equal (balanced) cost; that this is
 * the deep training optimum is the cited theorem of Zeger, Wang and
 * Pilanci (arXiv 2403.01046), not proved here.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "train/train.h"

void
wc_deep_result_init(wc_deep_result_t R)
{
    memset(R, 0, sizeof(wc_deep_result_struct));
    fmpq_init(R->value);
    fmpq_init(R->xi);
    fmpz_init(R->obj_scale);
    wc_mirrors_init(R->M);
    wc_lp_init(R->lp, 0, 0);
    wc_lp_solution_init(R->sol, 0, 0);
}

void
wc_deep_result_clear(wc_deep_result_t R)
{
    fmpq_clear(R->value);
    fmpq_clear(R->xi);
    fmpz_clear(R->obj_scale);
    flint_free(R->feature);
    if (R->alpha != NULL)
        _fmpq_vec_clear(R->alpha, R->nneurons);
    if (R->dual != NULL)
        _fmpq_vec_clear(R->dual, R->n);
    if (R->outputs != NULL)
        _fmpq_vec_clear(R->outputs, R->n);
    wc_mirrors_clear(R->M);
    wc_lp_clear(R->lp);
    wc_lp_solution_clear(R->sol);
    memset(R, 0, sizeof(wc_deep_result_struct));
}

/* The LP: feature u's columns +-A_u first (2u, 2u + 1), then those of the
 * problem's LP over no atom (the intercept, the loss slacks). */
static int
deep_lp(wc_lp_t P, fmpz_t obj_scale, const wc_mirrors_t M, const wc_data_t D,
        const wc_problem_t p, wc_error_t err)
{
    slong n = D->n, L = M->len, i, j, u;
    fmpz * a = _fmpz_vec_init(n);
    fmpz_t cost;
    wc_dict_t none;
    wc_lp_t B;
    int status;

    wc_dict_init(none);
    wc_dict_start(none, n, 1, 1, WC_DICT_FULL);
    status = wc_problem_lp(B, obj_scale, D, none, p, err);
    wc_dict_clear(none);
    if (status != WC_OK)
    {
        _fmpz_vec_clear(a, n);
        return status;
    }
    fmpz_init(cost);
    wc_lp_init(P, n, 2 * L + B->N);
    for (u = 0; u < L; u++)
    {
        wc_problem_column_of(a, cost, M->col + u * n, D, p);
        for (i = 0; i < n; i++)
        {
            fmpz_set(fmpz_mat_entry(P->A, i, 2 * u), a + i);
            fmpz_neg(fmpz_mat_entry(P->A, i, 2 * u + 1), a + i);
        }
        fmpz_set(P->c + 2 * u, cost);
        fmpz_set(P->c + 2 * u + 1, cost);
    }
    for (i = 0; i < n; i++)
    {
        for (j = 0; j < B->N; j++)
            fmpz_set(fmpz_mat_entry(P->A, i, 2 * L + j), fmpz_mat_entry(B->A, i, j));
        fmpz_set(P->b + i, B->b + i);
    }
    for (j = 0; j < B->N; j++)
        fmpz_set(P->c + 2 * L + j, B->c + j);
    fmpz_clear(cost);
    _fmpz_vec_clear(a, n);
    wc_lp_clear(B);
    return WC_OK;
}

void
wc_deep_outputs(fmpq * out, const wc_mirrors_t M, const slong * feature, const fmpq * alpha,
                slong len, const fmpq_t xi, const wc_data_t D, const fmpq * x, slong npts)
{
    fmpq * a = _fmpq_vec_init(3);
    fmpq_t g;
    slong t, j;

    fmpq_init(g);
    for (t = 0; t < npts; t++)
        fmpq_set(out + t, xi);
    for (j = 0; j < len; j++)
    {
        wc_mirrors_anchors(a, M, D, feature[j]);
        wc_mirrors_levels(a, M->L, a, M->s + feature[j] * (M->L - 1));   /* in place */
        for (t = 0; t < npts; t++)
        {
            wc_mirrors_eval(g, x + t, M->L, a, M->s + feature[j] * (M->L - 1));
            fmpq_addmul(out + t, alpha + j, g);
        }
    }
    fmpq_clear(g);
    _fmpq_vec_clear(a, 3);
}

/* The features in use: feature[j], alpha[j] for the nonzero z_u. */
static void
read_network(wc_deep_result_t R, const fmpq * z)
{
    slong u, j;

    for (u = 0; u < R->M->len; u++)
        R->nneurons += !fmpq_is_zero(z + u);
    R->feature = flint_malloc((R->nneurons + 1) * sizeof(slong));
    R->alpha = _fmpq_vec_init(R->nneurons);
    for (u = 0, j = 0; u < R->M->len; u++)
        if (!fmpq_is_zero(z + u))
        {
            fmpq_set(R->alpha + j, z + u);
            R->feature[j++] = u;
        }
}

/* f(x_i) of R's network on the samples, through its layers. */
static void
sample_outputs(wc_deep_result_t R, const wc_data_t D)
{
    fmpq * x = _fmpq_vec_init(D->n);
    slong i;

    for (i = 0; i < D->n; i++)
        fmpq_set(x + i, fmpq_mat_entry(D->X, i, 0));
    R->outputs = _fmpq_vec_init(D->n);
    wc_deep_outputs(R->outputs, R->M, R->feature, R->alpha, R->nneurons, R->xi, D, x, D->n);
    _fmpq_vec_clear(x, D->n);
}

/* The squared loss: the exact Lasso path over the features down to beta,
 * certified by its KKT conditions over every feature (as for two layers). */
static int
deep_squared(wc_deep_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err)
{
    slong n = D->n, len = R->M->len;
    fmpq * z = _fmpq_vec_init(len + 1);
    wc_lasso_path_t path;
    int status;

    wc_lasso_path_init(path);
    status = wc_lasso_path_columns(path, z, R->xi, D, R->M->col, len, 1, p->beta,
                                   p->progress, p->progress_ctx, err);
    wc_lasso_path_clear(path);
    if (status == WC_OK)
    {
        read_network(R, z);
        sample_outputs(R, D);
        R->dual = _fmpq_vec_init(n);
        R->status = WC_LP_OPTIMAL;
        R->certified_by = WC_CERT_LASSO_KKT;
        R->verified = R->network_checked =
            wc_lasso_kkt_check(R->value, R->dual, R->M->col, len, z, R->outputs, D, p);
        if (!R->verified)
            status = wc_error_set(err, WC_ERR_SOLVER,
                "internal error: the deep Lasso solution failed its exact KKT check");
    }
    _fmpq_vec_clear(z, len + 1);
    return status;
}

int
wc_deep_solve(wc_deep_result_t R, const wc_data_t D, const wc_problem_t p0, int depth,
              wc_error_t err)
{
    slong n = D->n, L, u, i;
    fmpq * z;
    fmpq_t penalty, obj;
    wc_problem_t p;
    int status;

    wc_deep_result_clear(R);
    wc_deep_result_init(R);
    wc_error_init(err);
    R->n = n;
    R->L = depth;
    *p = *p0;           /* shares beta: read only */
    p->bias = 1;        /* the chains' biases, and the free intercept */
    if (D->y == NULL)
        return wc_error_set(err, WC_ERR_ARG, "the data set has no labels");
    if (p->loss != WC_LOSS_INTERP && fmpq_sgn(p->beta) <= 0)
        return wc_error_set(err, WC_ERR_ARG, "beta must be positive");
    if ((status = wc_mirrors_build(R->M, D, depth, p->max_atoms, err)) != WC_OK)
        return status;
    if (p->loss == WC_LOSS_SQUARED)
        return deep_squared(R, D, p, err);
    wc_lp_clear(R->lp);
    if ((status = deep_lp(R->lp, R->obj_scale, R->M, D, p, err)) != WC_OK)
    {
        wc_lp_init(R->lp, 0, 0);
        return status;
    }
    wc_lp_solution_clear(R->sol);
    wc_lp_solution_init(R->sol, R->lp->m, R->lp->N);
    if ((status = wc_lp_solve(R->sol, R->lp, p->method, p->progress, p->progress_ctx, err)) != WC_OK)
        return status;
    R->status = R->sol->status;
    R->certified_by = R->sol->certified_by;
    R->verified = R->sol->verified;
    R->dual = _fmpq_vec_init(n);
    for (i = 0; i < n; i++)     /* v = rho y (a Farkas vector), / obj_scale when optimal */
    {
        fmpq_mul_fmpz(R->dual + i, R->sol->y + i, wc_row_scale(D, p, i));
        if (R->status == WC_LP_OPTIMAL)
            fmpq_div_fmpz(R->dual + i, R->dual + i, R->obj_scale);
    }
    if (R->status == WC_LP_INFEASIBLE)
        return WC_OK;

    /* the network: the features in use */
    L = R->M->len;
    fmpq_div_fmpz(R->value, R->sol->value, R->obj_scale);
    fmpq_sub(R->xi, R->sol->x + 2 * L, R->sol->x + 2 * L + 1);
    z = _fmpq_vec_init(L + 1);
    for (u = 0; u < L; u++)
    {
        fmpz_t q;

        fmpz_init(q);               /* alpha_u = q_u (z'+ - z'-) */
        wc_column_lcd(q, R->M->col + u * n, n);
        fmpq_sub(z + u, R->sol->x + 2 * u, R->sol->x + 2 * u + 1);
        fmpq_mul_fmpz(z + u, z + u, q);
        fmpz_clear(q);
    }
    read_network(R, z);
    _fmpq_vec_clear(z, L + 1);

    /* the network evaluated through its layers reproduces the value */
    sample_outputs(R, D);
    fmpq_init(penalty);
    fmpq_init(obj);
    wc_qvec_l1(penalty, R->alpha, R->nneurons);
    R->network_checked = wc_training_objective(obj, R->outputs, penalty, D, p)
                         && fmpq_equal(obj, R->value);
    fmpq_clear(obj);
    fmpq_clear(penalty);
    if (!R->network_checked)
        return wc_error_set(err, WC_ERR_SOLVER, "internal error: the deep network read off "
                            "the certified LP optimum does not reproduce its value");
    return WC_OK;
}
