/*
 * report.c -- a network from another solver against the certified
 * optimum: its exact outputs, objective, gap, and each neuron's nearest
 * atom of V.
 */
#include <flint/fmpq_vec.h>
#include "net/net.h"

void
wc_net_report_init(wc_net_report_t r, const wc_network_t N, const wc_data_t D,
                   const wc_result_t Rv, const wc_problem_t p)
{
    slong i, j;
    fmpq_t s;

    fmpq_init(s);
    r->n = D->n;
    r->m = N->m;
    fmpq_init(r->penalty); fmpq_init(r->obj); fmpq_init(r->gap);
    fmpq_init(r->rel); fmpq_init(r->viol);
    r->f = _fmpq_vec_init(D->n);
    r->nearest = flint_malloc((N->m + 1) * sizeof(slong));
    r->ndist = _fmpq_vec_init(N->m + 1);
    /* the given network, exactly; its penalty; its neurons' atoms */
    wc_network_eval(r->f, N, D);
    for (i = 0; i < D->n; i++)
    {
        fmpq_sub(s, r->f + i, D->y + i);
        fmpq_abs(s, s);
        if (fmpq_cmp(s, r->viol) > 0)
            fmpq_set(r->viol, s);
    }
    wc_network_penalty(r->penalty, N);
    for (j = 0; j < N->m; j++)
        r->nearest[j] = wc_network_nearest_atom(r->ndist + j, N, j, Rv->V);
    r->feasible = wc_training_objective(r->obj, r->f, r->penalty, D, p);
    fmpq_sub(r->gap, r->obj, Rv->value);
    if (!fmpq_is_zero(Rv->value))
    {
        fmpq_div(r->rel, r->gap, Rv->value);
        fmpq_abs(r->rel, r->rel);
    }
    r->optimal = r->feasible && fmpq_is_zero(r->gap);
    fmpq_clear(s);
}

void
wc_net_report_clear(wc_net_report_t r)
{
    slong n = r->n, m = r->m;

    fmpq_clear(r->penalty); fmpq_clear(r->obj); fmpq_clear(r->gap);
    fmpq_clear(r->rel); fmpq_clear(r->viol);
    _fmpq_vec_clear(r->f, n);
    _fmpq_vec_clear(r->ndist, m + 1);
    flint_free(r->nearest);
}

int
wc_network_layer_report(slong * atom, fmpq * dist, wc_dict_t V, const wc_network_t N, slong l,
                        const wc_data_t D, ulong max_atoms, wc_error_t err)
{
    slong u, t, in = N->width[l], out = N->width[l + 1];
    wc_data_t H;
    wc_network_t T;
    int status;

    wc_data_init(H);
    fmpq_mat_clear(H->X);
    fmpq_mat_init(H->X, 0, 0);
    wc_network_trunk(H->X, N, D->X, l);         /* the layer's input */
    H->n = D->n;
    H->d = in;
    status = wc_dict_build(V, H, 1, WC_DICT_FULL, max_atoms, NULL, NULL, err);
    if (status == WC_OK)
    {
        wc_network_init(T, in);
        for (u = 0; u < out; u++)
        {
            wc_network_grow(T);
            for (t = 0; t < in; t++)
                fmpq_set(T->w + u * in + t, N->W[l] + u * in + t);
            fmpq_set(T->b + u, N->bl[l] + u);
            fmpq_one(T->alpha + u);
            T->m++;
        }
        for (u = 0; u < out; u++)
            atom[u] = wc_network_nearest_atom(dist + u, T, u, V);
        wc_network_clear(T);
    }
    wc_data_clear(H);
    return status;
}
