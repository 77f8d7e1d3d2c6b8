/*
 * price_bench.c -- one full streamed pricing of the dictionary (hidden
 * biases) with the angular sweep (lines through one sample, planes
 * through two) against the same pricing atom by atom, in one process,
 * one thread.
 *
 * usage: price_bench N D SEED   (data: integers in [-1000, 1000], dual in
 *        [-1000, 1000], splitmix64; the top K = N + 16 of the dual, as a
 *        column-generation round asks for)
 * prints: n d atoms sweep_seconds per_atom_seconds ratio same
 * (same: 1 when both routes return the same keys in the same order)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <flint/fmpq_vec.h>
#include "wedgecert.h"
#include "bench.h"
#include "dict/dict.h"

/* seconds of one pricing into top */
static double
price(wc_top_t top, wc_enum_t E, const wc_dual_t y, int sweep)
{
    double t0 = now();

    E->sweep = sweep;
    wc_price_all(top, E, y, 0, E->G, 1, NULL, NULL);
    return now() - t0;
}

int
main(int argc, char ** argv)
{
    slong n, d, i, j, K;
    wc_data_t D;
    wc_enum_t E;
    wc_dual_t y;
    wc_top_t a, b;
    fmpz * Y;
    fmpz_t thr;
    double ts, tp;
    int same;

    if (argc != 4)
    {
        fprintf(stderr, "usage: price_bench N D SEED\n");
        return 2;
    }
    n = atol(argv[1]);
    d = atol(argv[2]);
    state = strtoull(argv[3], NULL, 10);
    wc_data_init(D);
    D->n = n;
    D->d = d;
    fmpq_mat_init(D->X, n, d);
    D->y = _fmpq_vec_init(n);
    for (i = 0; i < n; i++)
        for (j = 0; j < d; j++)
            fmpq_set_si(fmpq_mat_entry(D->X, i, j), next_int(1000), 1);
    Y = _fmpz_vec_init(n);
    for (i = 0; i < n; i++)
        fmpz_set_si(Y + i, next_int(1000));
    fmpz_init_set_ui(thr, 1);
    wc_enum_init(E, D, 1, WC_DICT_FULL);
    wc_dual_init(y, Y, thr, n);
    K = n + 16;
    wc_top_init(a, K, 0, d);        /* the plain top K: no limit a pivot */
    wc_top_init(b, K, 0, d);
    ts = price(a, E, y, 1);
    tp = price(b, E, y, 0);
    same = (a->len == b->len);
    for (i = 0; same && i < a->len; i++)
        same = (a->c[i]->key == b->c[i]->key);
    printf("%ld %ld %lu %.3f %.3f %.3f %d\n", n, d, 2 * E->G, ts, tp, ts / tp, same);
    wc_top_clear(a);
    wc_top_clear(b);
    wc_dual_clear(y);
    wc_enum_clear(E);
    wc_data_clear(D);
    _fmpz_vec_clear(Y, n);
    fmpz_clear(thr);
    flint_cleanup();
    return !same;
}
