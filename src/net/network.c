/*
 * network.c -- networks from other solvers: the type (a last block of
 * neurons, after an optional trunk of hidden layers), exact evaluation
 * through every layer, the penalty, and each neuron's nearest atom.
 * Reading them is read.c.
 */
#include <stdarg.h>
#include <string.h>
#include <flint/fmpq_vec.h>
#include "net/net.h"

void
wc_network_init(wc_network_t N, slong d)
{
    memset(N, 0, sizeof(wc_network_struct));
    N->d = d;
    fmpq_init(N->xi);
}

void
wc_network_clear(wc_network_t N)
{
    slong i;

    for (i = 0; i < N->alloc * N->d; i++)
        fmpq_clear(N->w + i);
    for (i = 0; i < N->alloc; i++)
    {
        fmpq_clear(N->b + i);
        fmpq_clear(N->alpha + i);
    }
    flint_free(N->w);
    flint_free(N->b);
    flint_free(N->alpha);
    fmpq_clear(N->xi);
    for (i = 0; i < N->nlayers; i++)
    {
        _fmpq_vec_clear(N->W[i], N->width[i + 1] * N->width[i]);
        _fmpq_vec_clear(N->bl[i], N->width[i + 1]);
    }
    flint_free(N->W);
    flint_free(N->bl);
    flint_free(N->width);
    memset(N, 0, sizeof(wc_network_struct));
}

void
wc_network_grow(wc_network_t N)
{
    slong a, i;

    if (N->m < N->alloc)
        return;
    a = 2 * N->alloc + 8;
    N->w = flint_realloc(N->w, a * N->d * sizeof(fmpq));
    N->b = flint_realloc(N->b, a * sizeof(fmpq));
    N->alpha = flint_realloc(N->alpha, a * sizeof(fmpq));
    for (i = N->alloc * N->d; i < a * N->d; i++)
        fmpq_init(N->w + i);
    for (i = N->alloc; i < a; i++)
    {
        fmpq_init(N->b + i);
        fmpq_init(N->alpha + i);
    }
    N->alloc = a;
}

/* ------------------------------------------------------------ evaluation */

void
wc_network_trunk(fmpq_mat_t H, const wc_network_t N, const fmpq_mat_t X, slong layers)
{
    slong i, l, u, t, n = X->r;
    fmpq_mat_t A, B;

    fmpq_mat_init(A, n, X->c);
    fmpq_mat_set(A, X);
    for (l = 0; l < layers; l++)
    {
        slong in = N->width[l], out = N->width[l + 1];

        fmpq_mat_init(B, n, out);
        for (i = 0; i < n; i++)
            for (u = 0; u < out; u++)
            {
                fmpq * h = fmpq_mat_entry(B, i, u);

                fmpq_set(h, N->bl[l] + u);
                for (t = 0; t < in; t++)
                    fmpq_addmul(h, N->W[l] + u * in + t, fmpq_mat_entry(A, i, t));
                if (fmpq_sgn(h) < 0)
                    fmpq_zero(h);
            }
        fmpq_mat_swap(A, B);
        fmpq_mat_clear(B);
    }
    fmpq_mat_swap(H, A);
    fmpq_mat_clear(A);
}

void
wc_network_eval(fmpq * f, const wc_network_t N, const wc_data_t D)
{
    slong i, j, t, d = N->d;
    fmpq_t s;
    fmpq_mat_t H;

    fmpq_init(s);
    fmpq_mat_init(H, 0, 0);
    wc_network_trunk(H, N, D->X, N->nlayers);   /* the samples themselves for two layers */
    for (i = 0; i < D->n; i++)
    {
        fmpq_set(f + i, N->xi);
        for (j = 0; j < N->m; j++)
        {
            fmpq_set(s, N->b + j);
            for (t = 0; t < d; t++)
                fmpq_addmul(s, fmpq_mat_entry(H, i, t), N->w + j * d + t);
            if (fmpq_sgn(s) > 0)
                fmpq_addmul(f + i, s, N->alpha + j);
        }
    }
    fmpq_mat_clear(H);
    fmpq_clear(s);
}

/* ||w_j||_1 */
static void
neuron_l1(fmpq_t l1, const wc_network_t N, slong j)
{
    wc_qvec_l1(l1, N->w + j * N->d, N->d);
}

void
wc_network_penalty(fmpq_t r, const wc_network_t N)
{
    slong j;
    fmpq_t l1, a;

    fmpq_init(l1);
    fmpq_init(a);
    fmpq_zero(r);
    for (j = 0; j < N->m; j++)
    {
        neuron_l1(l1, N, j);
        fmpq_abs(a, N->alpha + j);
        fmpq_addmul(r, a, l1);
    }
    fmpq_clear(l1);
    fmpq_clear(a);
}

slong
wc_network_nearest_atom(fmpq_t dist, const wc_network_t N, slong j, const wc_dict_t V)
{
    slong d = N->d, u, t, best = -1;
    fmpq * wn = _fmpq_vec_init(d), * wu = _fmpq_vec_init(d);
    fmpq_t l1, bn, bu, e, s;

    fmpq_init(l1); fmpq_init(bn); fmpq_init(bu); fmpq_init(e); fmpq_init(s);
    neuron_l1(l1, N, j);
    if (!fmpq_is_zero(l1))
    {
        for (t = 0; t < d; t++)
            fmpq_div(wn + t, N->w + j * d + t, l1);
        fmpq_div(bn, N->b + j, l1);
        for (u = 0; u < V->len; u++)
        {
            wc_dict_direction(wu, bu, V, u);
            fmpq_sub(e, bn, bu);
            fmpq_abs(e, e);
            for (t = 0; t < d; t++)
            {
                fmpq_sub(s, wn + t, wu + t);
                fmpq_abs(s, s);
                fmpq_add(e, e, s);
            }
            if (best < 0 || fmpq_cmp(e, dist) < 0)
            {
                fmpq_set(dist, e);
                best = u;
            }
        }
    }
    fmpq_clear(l1); fmpq_clear(bn); fmpq_clear(bu); fmpq_clear(e); fmpq_clear(s);
    _fmpq_vec_clear(wn, d);
    _fmpq_vec_clear(wu, d);
    return best;
}
