/*
 * t-price.c -- streamed pricing (src/price.c) against a second route.
 *
 * For random data (small rationals with repeated points, so that equal
 * directions and tied prices abound; or entries above 2^50, where the
 * double filter is off) and random integer duals:
 *   - origin <-> key is a bijection onto 0..2G-1 in wc_dict_build's order;
 *   - the top K of the streamed pricer equals the brute-force top K over
 *     the built dictionary (plain fmpq columns, sorted by |k_u^T v| and
 *     then by key), for K small and K large;
 *   - pricing any cut of the ranks into ranges and merging gives the same
 *     answer as one range, and as 1 and 2 OpenMP threads.
 */
#include <stdlib.h>
#include <flint/fmpq_vec.h>
#include "check.h"
#include "dict/dict.h"

typedef struct { fmpq_t s; ulong key; } bf_t;

static int
bf_cmp(const void * a, const void * b)
{
    const bf_t * x = a, * y = b;
    int c = fmpq_cmp(y->s, x->s);
    return c ? c : (x->key > y->key) - (x->key < y->key);
}

/* keys of the top K by brute force over V; returns how many */
static slong
brute_top(ulong * keys, slong K, const wc_dict_t V, const wc_enum_t E,
          const wc_data_t D, const fmpq * v, const fmpq_t bound)
{
    slong u, nv = 0, i;
    bf_t * b = flint_malloc((V->len + 1) * sizeof(bf_t));
    fmpq * k = _fmpq_vec_init(D->n);

    for (u = 0; u < V->len; u++)
    {
        fmpq_init(b[nv].s);
        wc_dict_column(k, V, D, u);
        _fmpq_vec_dot(b[nv].s, k, v, D->n);
        fmpq_abs(b[nv].s, b[nv].s);
        b[nv].key = wc_enum_key(E, V->k[u], V->T + u * V->d, V->S + u * V->d, V->sign[u]);
        if (fmpq_cmp(b[nv].s, bound) > 0)
            nv++;
        else
            fmpq_clear(b[nv].s);
    }
    qsort(b, nv, sizeof(bf_t), bf_cmp);
    for (i = 0; i < nv; i++)
    {
        if (i < K)
            keys[i] = b[i].key;
        fmpq_clear(b[i].s);
    }
    flint_free(b);
    _fmpq_vec_clear(k, D->n);
    return FLINT_MIN(nv, K);
}

static void
random_data(wc_data_t D, flint_rand_t st, slong n, slong d, int big)
{
    slong i, j;

    wc_data_clear(D);
    wc_data_init(D);
    D->n = n;
    D->d = d;
    fmpq_mat_init(D->X, n, d);
    D->y = _fmpq_vec_init(n);
    for (i = 0; i < n; i++)
    {
        if (i > 0 && n_randint(st, 5) == 0)
        {
            for (j = 0; j < d; j++)         /* a repeated point */
                fmpq_set(fmpq_mat_entry(D->X, i, j),
                         fmpq_mat_entry(D->X, n_randint(st, i), j));
            continue;
        }
        for (j = 0; j < d; j++)
        {
            fmpq * x = fmpq_mat_entry(D->X, i, j);
            if (big)
                fmpz_randtest(fmpq_numref(x), st, 70);
            else
                fmpz_set_si(fmpq_numref(x), (slong) n_randint(st, 9) - 4);
            fmpz_set_ui(fmpq_denref(x), 1 + n_randint(st, 3));
            fmpq_canonicalise(x);
        }
    }
}

int
main(void)
{
    flint_rand_t st;
    slong iter;
    int big;

    flint_randinit(st);

    TEST_BEGIN("origin -> key -> origin is the enumeration order of wc_dict_build");
    for (iter = 0; iter < 40; iter++)
    {
        wc_data_t D;
        wc_enum_t E;
        slong n = 1 + n_randint(st, 7), d = 1 + n_randint(st, 4), k, T[8], S[8];
        int bias = n_randint(st, 2), kind = n_randint(st, 2);
        ulong g;

        wc_data_init(D);
        random_data(D, st, n, d, 0);
        wc_enum_init(E, D, bias, kind);
        CHECK(2 * E->G == wc_dict_bound(n, d, bias, kind));
        for (g = 0; g < E->G; g++)
        {
            wc_enum_origin(&k, T, S, E, g);
            CHECKF(wc_enum_key(E, k, T, S, +1) == 2 * g && wc_enum_key(E, k, T, S, -1) == 2 * g + 1,
                   printf("n=%ld d=%ld bias=%d g=%lu\n", n, d, bias, g));
        }
        wc_enum_clear(E);
        wc_data_clear(D);
    }
    TEST_END();

    for (big = 0; big < 2; big++)
    {
        TEST_BEGIN(big ? "streamed top K = brute force top K (entries above 2^50: exact path)"
                       : "streamed top K = brute force top K (small data: filter, ties, duplicates)");
        for (iter = 0; iter < 60; iter++)
        {
            wc_data_t D;
            wc_dict_t V;
            wc_enum_t E;
            wc_dual_t y;
            wc_error_t err;
            slong n = 1 + n_randint(st, 8), d = 1 + n_randint(st, 3), i, len, cut;
            slong K = n_randint(st, 2) ? 1 + n_randint(st, 4) : 200;
            int bias = n_randint(st, 2), kind = n_randint(st, 4) == 0;
            fmpz * Y = _fmpz_vec_init(n);
            fmpq * v = _fmpq_vec_init(n);
            ulong * keys = flint_malloc((K + 1) * sizeof(ulong));
            fmpz_t thr;
            fmpq_t bound;
            wc_top_t t1, t2, tc;

            fmpz_init(thr);
            fmpq_init(bound);
            wc_data_init(D);
            wc_dict_init(V);
            random_data(D, st, n, d, big);
            wc_dict_build(V, D, bias, kind, 0, NULL, NULL, err);
            wc_enum_init(E, D, bias, kind);
            for (i = 0; i < n; i++)
            {
                fmpz_set_si(Y + i, (slong) n_randint(st, 7) - 3);
                fmpq_set_fmpz_frac(v + i, Y + i, (fmpz *) &(fmpz){1});
            }
            /* bound b (integer, sometimes 0): thr = b Lx */
            fmpq_set_si(bound, (slong) n_randint(st, 3), 1);
            fmpz_mul(thr, fmpq_numref(bound), E->Lx);
            wc_dual_init(y, Y, thr, n);

            len = brute_top(keys, K, V, E, D, v, bound);

            wc_top_init(t1, K, d);
            wc_top_init(t2, K, d);
            wc_top_init(tc, K, d);
            wc_price_all(t1, E, y, 0, E->G, 1, NULL, NULL);
            wc_price_all(t2, E, y, 0, E->G, 2, NULL, NULL);
            /* random cut into three ranges, priced apart, merged */
            {
                ulong a = E->G ? n_randint(st, E->G + 1) : 0, b = E->G ? n_randint(st, E->G + 1) : 0, c;
                wc_top_t p;
                if (a > b) { c = a; a = b; b = c; }
                for (cut = 0; cut < 3; cut++)
                {
                    ulong lo = cut == 0 ? 0 : cut == 1 ? a : b;
                    ulong hi = cut == 0 ? a : cut == 1 ? b : E->G;
                    wc_top_init(p, K, d);
                    wc_price_range(p, E, y, lo, hi);
                    wc_top_merge(tc, p, y);
                    wc_top_clear(p);
                }
            }
            CHECKF(t1->len == len && t2->len == len && tc->len == len,
                   printf("n=%ld d=%ld bias=%d K=%ld: brute %ld, streamed %ld/%ld/%ld\n",
                          n, d, bias, K, len, t1->len, t2->len, tc->len));
            for (i = 0; i < len && i < t1->len && i < t2->len && i < tc->len; i++)
                CHECKF(t1->c[i]->key == keys[i] && t2->c[i]->key == keys[i] && tc->c[i]->key == keys[i],
                       printf("n=%ld d=%ld bias=%d K=%ld rank %ld: brute key %lu, streamed %lu/%lu/%lu\n",
                              n, d, bias, K, i, keys[i], t1->c[i]->key, t2->c[i]->key, tc->c[i]->key));
            wc_top_clear(t1);
            wc_top_clear(t2);
            wc_top_clear(tc);
            wc_dual_clear(y);
            wc_enum_clear(E);
            wc_dict_clear(V);
            wc_data_clear(D);
            _fmpz_vec_clear(Y, n);
            _fmpq_vec_clear(v, n);
            flint_free(keys);
            fmpz_clear(thr);
            fmpq_clear(bound);
        }
        TEST_END();
    }

    flint_randclear(st);
    flint_cleanup();
    TESTS_DONE();
}
