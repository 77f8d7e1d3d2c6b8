/*
 * predict.c -- deciding the paper's prediction P on given data, exactly.
 *
 * The restricted dictionary (sample wedges, k = d) is a subset of V, so
 * its optimum is never below the full one.  If it is strictly above, the
 * restricted dual point v cannot be dual feasible for V (else weak duality
 * would bound the full optimum from below by the restricted one), so some
 * atom violates |k_u^T v| <= bound: that atom is the witness.
 */
#include <flint/fmpq_vec.h>
#include "train/train.h"

void
wc_prediction_init(wc_prediction_t P)
{
    P->verdict = WC_PREDICTION_FAILS;
    P->holds = 0;
    P->dictionaries_equal = -1;
    wc_result_init(P->full);
    wc_result_init(P->samples);
    fmpq_init(P->gap);
    P->witness = -1;
    fmpq_init(P->witness_value);
    fmpq_init(P->bound);
}

void
wc_prediction_clear(wc_prediction_t P)
{
    wc_result_clear(P->full);
    wc_result_clear(P->samples);
    fmpq_clear(P->gap);
    fmpq_clear(P->witness_value);
    fmpq_clear(P->bound);
}

/* The atom of V with the largest |k_u^T v| (first on ties). */
static slong
most_violated(fmpq_t best, const wc_dict_t V, const wc_data_t D, const fmpq * v)
{
    slong u, arg = -1;
    fmpq * k = _fmpq_vec_init(D->n);
    fmpq_t s;

    fmpq_init(s);
    for (u = 0; u < V->len; u++)
    {
        wc_dict_column(k, V, D, u);
        _fmpq_vec_dot(s, k, v, D->n);
        fmpq_abs(s, s);
        if (arg < 0 || fmpq_cmp(s, best) > 0)
        {
            fmpq_set(best, s);
            arg = u;
        }
    }
    fmpq_clear(s);
    _fmpq_vec_clear(k, D->n);
    return arg;
}

int
wc_predict(wc_prediction_t P, const wc_data_t D, const wc_problem_t p, wc_error_t err)
{
    wc_problem_t q;
    int status;
    const fmpq * v;

    *q = *p;        /* shares beta: read only */
    q->dict = WC_DICT_FULL;
    if ((status = wc_solve(P->full, D, q, err)) != WC_OK)
        return status;
    q->dict = WC_DICT_SAMPLES;
    if ((status = wc_solve(P->samples, D, q, err)) != WC_OK)
        return status;

    /* the sample wedges are a subset of V (k = d is all there is in 1-D);
       both built and deduplicated, equal sizes mean equal sets */
    P->dictionaries_equal = D->d == 1 ? 1
        : P->full->columns != WC_COLUMNS_FULL || P->samples->columns != WC_COLUMNS_FULL ? -1
        : P->full->V->len == P->samples->V->len;
    if (P->full->status == WC_LP_INFEASIBLE)
    {
        /* every subset of an infeasible dictionary is infeasible too */
        if (P->samples->status != WC_LP_INFEASIBLE)
            return wc_error_set(err, WC_ERR_SOLVER,
                "internal error: the sample wedges are feasible where V is not");
        P->verdict = WC_PREDICTION_INFEASIBLE;
        return WC_OK;
    }
    if (P->samples->status == WC_LP_OPTIMAL)
    {
        fmpq_sub(P->gap, P->samples->value, P->full->value);
        P->holds = fmpq_is_zero(P->gap);
        P->verdict = P->holds ? WC_PREDICTION_HOLDS : WC_PREDICTION_FAILS;
        if (P->holds)
            return WC_OK;
        if (p->loss == WC_LOSS_INTERP)
            fmpq_one(P->bound);
        else
            fmpq_set(P->bound, p->beta);
        v = P->samples->dual;
    }
    else
    {
        fmpq_zero(P->bound);
        v = P->samples->farkas;
    }
    if (P->full->columns == WC_COLUMNS_FULL)
        P->witness = most_violated(P->witness_value, P->full->V, D, v);
    else        /* V was never stored: price it, and keep the witness */
        P->witness = wc_dict_join_most_violated(P->full->V, P->witness_value, D, p->bias,
                                            WC_DICT_FULL, v, p->threads);
    if (P->witness < 0 || fmpq_cmp(P->witness_value, P->bound) <= 0)
        return wc_error_set(err, WC_ERR_SOLVER,
            "internal error: no atom of V violates the restricted dual, against weak duality");
    return WC_OK;
}
