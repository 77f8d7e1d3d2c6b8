/*
 * t-price.c -- streamed pricing (src/price.c) against a second route.
 *
 * For random data (small rationals with repeated points, so that equal
 * directions and tied prices abound; or entries above 2^50, where the
 * double filter is off) and random integer duals:
 *   - origin <-> key is a bijection onto 0..2G-1 in wc_dict_build's order,
 *     and wc_enum_align finds the next origin that starts a first sample;
 *   - the top K of the streamed pricer equals the brute-force top K over
 *     the built dictionary (plain fmpq columns, sorted by |k_u^T v| and
 *     then by key), for K small and K large;
 *   - pricing any cut of the ranks into ranges and merging gives the same
 *     answer as one range, and as 1 and 2 OpenMP threads;
 *   - with at most c atoms a group (wc_enum_group), the same against a
 *     brute-force walk over every atom, copies included, with and without
 *     the sweep;
 *   - the angular sweep (sweep.c), on data with duplicates, many
 *     collinear points, directions 2^-48 apart, and fans of directions
 *     too close for its first sort: each of its prices lies within its error bound of
 *     the exact price (rationals compared exactly), the bound is small, and
 *     the top K with the sweep equals the top K without it and, for some,
 *     the brute-force top K.
 */
#include <math.h>
#include <stdlib.h>
#include <gmp.h>
#include <flint/fmpq_vec.h>
#include "check.h"
#include "dict/dict.h"
#include "train/train.h"

/* a priced atom: |k_u^T v|, key, group (brute_walk), place in its dictionary */
typedef struct { fmpq_t s; ulong key, group; slong u; } bf_t;

static int
bf_cmp(const void * a, const void * b)
{
    const bf_t * x = a, * y = b;
    int c = fmpq_cmp(y->s, x->s);
    return c ? c : (x->key > y->key) - (x->key < y->key);
}

/* b->s := |k_u^T v| for atom u of A (col: scratch); 1 if above bound,
 * else 0 with b->s cleared */
static int
bf_price(bf_t * b, const wc_dict_t A, slong u, const wc_data_t D, fmpq * col,
         const fmpq * v, const fmpq_t bound)
{
    fmpq_init(b->s);
    wc_dict_column(col, A, D, u);
    _fmpq_vec_dot(b->s, col, v, D->n);
    fmpq_abs(b->s, b->s);
    b->u = u;
    if (fmpq_cmp(b->s, bound) > 0)
        return 1;
    fmpq_clear(b->s);
    return 0;
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
        b[nv].key = wc_enum_key(E, V->k[u], V->T + u * V->d, V->S + u * V->d, V->sign[u]);
        nv += bf_price(b + nv, V, u, D, k, v, bound);
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

/* keys of the walk of wc_top_struct by brute force: every atom of every
 * origin (copies included) priced by fmpq columns, in rank order, skipped
 * when its group already holds its direction or c atoms; returns how many */
static slong
brute_walk(ulong * keys, slong K, slong c, const wc_enum_t E, const wc_data_t D,
           int kind, const fmpq * v, const fmpq_t bound)
{
    slong d = D->d, n = D->n, k, i, j, len = 0, nv = 0, T[8], S[8];
    fmpz * wb = _fmpz_vec_init(d + 1);
    fmpq * col = _fmpq_vec_init(n);
    bf_t * w = flint_malloc((2 * E->G + 1) * sizeof(bf_t));
    wc_dict_t A;
    ulong g;

    wc_dict_init(A);
    wc_dict_start(A, n, d, E->bias, kind);
    for (g = 0; g < E->G; g++)
    {
        int sg;
        wc_enum_origin(&k, T, S, E, g);
        if (!wc_enum_direction(wb, E, k, T, S))
            continue;
        for (sg = 0; sg < 2; sg++)
        {
            wc_dict_push(A, k, T, E->bias ? k : k - 1, S, sg ? -1 : +1, wb);
            w[nv].key = 2 * g + sg;
            w[nv].group = wc_enum_group(E, k, T, S);
            nv += bf_price(w + nv, A, A->len - 1, D, col, v, bound);
        }
    }
    qsort(w, nv, sizeof(bf_t), bf_cmp);
    for (i = 0; i < nv; i++)
    {
        slong same = 0, copy = 0;
        for (j = 0; j < len; j++)
            if (w[j].group == w[i].group)
            {
                same++;
                copy |= _fmpz_vec_equal(A->wb + w[j].u * (d + 1), A->wb + w[i].u * (d + 1), d + 1);
            }
        if (!copy && same < c && len < K)
        {
            fmpq_swap(w[len].s, w[i].s);
            w[len].key = w[i].key;
            w[len].group = w[i].group;
            w[len].u = w[i].u;
            keys[len++] = w[i].key;
        }
    }
    for (i = 0; i < nv; i++)
        fmpq_clear(w[i].s);
    flint_free(w);
    wc_dict_clear(A);
    _fmpz_vec_clear(wb, d + 1);
    _fmpq_vec_clear(col, n);
    return len;
}

static void
random_data(wc_data_t D, flint_rand_t st, slong n, slong d, int big)
{
    slong i, j;

    wc_data_set_shape(D, n, d, 1);
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

/* data for the sweep: integers in [-R, R], one point in four repeated,
 * one in four on the line through two earlier points */
static void
sweep_data(wc_data_t D, flint_rand_t st, slong n, slong d, slong R)
{
    slong i, j;

    wc_data_set_shape(D, n, d, 1);
    for (i = 0; i < n; i++)
    {
        int how = i > 1 ? (int) n_randint(st, 4) : 3;
        slong a = n_randint(st, FLINT_MAX(i, 1)), b = n_randint(st, FLINT_MAX(i, 1));
        slong m = (slong) n_randint(st, 5) - 2;

        for (j = 0; j < d; j++)
        {
            fmpz * x = fmpq_numref(fmpq_mat_entry(D->X, i, j));
            const fmpz * xa = fmpq_numref(fmpq_mat_entry(D->X, a, j));
            const fmpz * xb = fmpq_numref(fmpq_mat_entry(D->X, b, j));

            if (how == 0)
                fmpz_set(x, xa);
            else if (how == 1)      /* x_a + m (x_b - x_a): collinear */
            {
                fmpz_sub(x, xb, xa);
                fmpz_mul_si(x, x, m);
                fmpz_add(x, x, xa);
            }
            else
                fmpz_set_si(x, (slong) n_randint(st, 2 * R + 1) - R);
            if (fmpz_cmp_si(x, R) > 0 || fmpz_cmp_si(x, -R) < 0)
                how = 2, j = -1;    /* out of [-R, R]: a random point */
        }
    }
}

/* data whose directions from sample 0 (the origin) come in triples: lattice
 * neighbours (a, b), (c, d) with a d - b c = 1 and entries near 2^24 --
 * angles 2^-48 apart, which rounded angles misorder -- and (2a, 2b), of the
 * first's angle: the neighbour must not come between them; or a fan */
static void
neighbour_data(wc_data_t D, flint_rand_t st, slong n, int fan)
{
    slong i;

    sweep_data(D, st, n, 2, 1);
    fmpq_zero(fmpq_mat_entry(D->X, 0, 0));
    fmpq_zero(fmpq_mat_entry(D->X, 0, 1));
    for (i = 1; fan && i < n; i++)
    {
        /* or a fan: (2^24, b), |b| <= 2^10, angles in a few buckets of the
           sweep's first sort, in random order */
        fmpz_set_ui(fmpq_numref(fmpq_mat_entry(D->X, i, 0)), UWORD(1) << 24);
        fmpz_set_si(fmpq_numref(fmpq_mat_entry(D->X, i, 1)), (slong) n_randint(st, 2049) - 1024);
    }
    for (i = 1; !fan && i + 2 < n; i += 3)
    {
        ulong a, b, s, t;
        slong sx = n_randint(st, 2) ? 1 : -1, sy = n_randint(st, 2) ? 1 : -1;
        int swap = n_randint(st, 2);

        do {            /* n_xgcd needs a >= b */
            a = (UWORD(1) << 23) + n_randint(st, UWORD(1) << 23);
            b = (UWORD(1) << 22) + n_randint(st, a - (UWORD(1) << 22));
        } while (n_xgcd(&s, &t, a, b) != 1);        /* s a - t b = 1 */
        fmpz_set_si(fmpq_numref(fmpq_mat_entry(D->X, i, swap)), sx * (slong) a);
        fmpz_set_si(fmpq_numref(fmpq_mat_entry(D->X, i, !swap)), sy * (slong) b);
        fmpz_set_si(fmpq_numref(fmpq_mat_entry(D->X, i + 1, swap)), sx * (slong) t);
        fmpz_set_si(fmpq_numref(fmpq_mat_entry(D->X, i + 1, !swap)), sy * (slong) s);
        fmpz_mul_2exp(fmpq_numref(fmpq_mat_entry(D->X, i + 2, 0)), fmpq_numref(fmpq_mat_entry(D->X, i, 0)), 1);
        fmpz_mul_2exp(fmpq_numref(fmpq_mat_entry(D->X, i + 2, 1)), fmpq_numref(fmpq_mat_entry(D->X, i, 1)), 1);
    }
}

/* 1 if |p - P / scale| <= e, the doubles taken exactly */
static int
within(double p, double e, const fmpz_t P, const fmpz_t scale)
{
    mpq_t a;
    fmpq_t q, r;
    int ok;

    mpq_init(a);
    fmpq_init(q);
    fmpq_init(r);
    fmpq_set_fmpz_frac(q, P, scale);
    mpq_set_d(a, p);
    fmpq_set_mpq(r, a);
    fmpq_sub(q, q, r);
    fmpq_abs(q, q);
    mpq_set_d(a, e);
    fmpq_set_mpq(r, a);
    ok = fmpq_cmp(q, r) <= 0;
    mpq_clear(a);
    fmpq_clear(q);
    fmpq_clear(r);
    return ok;
}

/* the sweep's prices of the atoms (k, T, S[0 .. k-2] + {s}) against exact
 * ones from wc_enum_direction_raw (w', b' in integers) */
static void
check_sweep_pivot(const wc_enum_t E, const wc_dual_t y, wc_sweep_t W, slong k,
                  const slong * T, const slong * S)
{
    slong n = E->n, d = E->d, s, i, j, sgn, S2[4];
    fmpz_t P, t;
    fmpz * w = _fmpz_vec_init(d + 1);
    fmpz_mat_t M;
    double mass, wl1;

    fmpz_init(P); fmpz_init(t);
    fmpz_mat_init(M, 4, 4);
    wc_sweep_pivot(W, E, y, k, T, S);
    for (s = 0; s < n; s++)
    {
        for (j = 0; j < k - 1; j++)
            S2[j] = S[j];
        S2[k - 1] = s;
        if (!wc_enum_direction_raw(w, M, E, k, T, S2))
            continue;           /* w' = 0: no atom */
        for (j = 0, wl1 = 0.0; j < k; j++)
            wl1 += fabs(fmpz_get_d(w + T[j]));
        for (sgn = 0; sgn < 2; sgn++)
        {
            fmpz_zero(P);
            mass = 0.0;
            for (i = 0; i < n; i++)
            {
                double vl1 = 0.0;

                fmpz_set(t, w + d);
                for (j = 0; j < k; j++)
                {
                    fmpz_addmul(t, E->X + i * d + T[j], w + T[j]);
                    vl1 += fabs(E->xd[T[j] * n + i] - E->xd[T[j] * n + S[0]]);
                }
                if (sgn)
                    fmpz_neg(t, t);
                if (fmpz_sgn(t) > 0)
                    fmpz_addmul(P, y->Y + i, t);
                mass += fabs(y->yd[i]) * vl1 * wl1;
            }
            CHECKF(within(W->P[2 * s + sgn], W->err[2 * s + sgn], P, y->scale),
                   printf("n=%ld k=%ld S0=%ld s=%ld sgn=%ld: sweep %.17g +- %.3g\n", n, k, S[0],
                          s, sgn, W->P[2 * s + sgn], W->err[2 * s + sgn]));
            CHECKF(W->err[2 * s + sgn] <= 1e-9 * mass + 1e-290,
                   printf("n=%ld k=%ld: bound %.3g for a mass %.3g\n", n, k,
                          W->err[2 * s + sgn], mass));
        }
    }
    fmpz_clear(P); fmpz_clear(t);
    fmpz_mat_clear(M);
    _fmpz_vec_clear(w, d + 1);
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
        ulong g, a;

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
        /* wc_enum_align: the first origin from g on with S = (s, s + 1, ..) */
        for (g = 0, a = E->G + 1; g <= E->G; g++)
        {
            for (a = a > g && a <= E->G ? a : g; a < E->G; a++)
            {
                slong j, ns;

                wc_enum_origin(&k, T, S, E, a);
                ns = bias ? k : k - 1;
                for (j = 1; j < ns && S[j] == S[0] + j; j++)
                    ;
                if (j >= ns)
                    break;
            }
            CHECKF(wc_enum_align(E, g) == a,
                   printf("n=%ld d=%ld bias=%d: align(%lu) = %lu, not %lu\n", n, d, bias, g,
                          wc_enum_align(E, g), a));
        }
        wc_enum_clear(E);
        wc_data_clear(D);
    }
    TEST_END();

    TEST_BEGIN("an atom's LP column by integer arithmetic = by rational (every atom, loss, label)");
    for (iter = 0; iter < 120; iter++)
    {
        wc_data_t D;
        wc_enum_t E;
        wc_dict_t one;
        wc_problem_t p;
        slong n = 1 + n_randint(st, 8), d = 1 + n_randint(st, 3), i;
        int bias = n_randint(st, 2), kind = n_randint(st, 4) == 0, big = iter % 3 == 0;
        fmpz * a1 = _fmpz_vec_init(n), * a2 = _fmpz_vec_init(n);
        fmpq * k = _fmpq_vec_init(n);
        fmpz_t c1, c2;
        ulong key;

        fmpz_init(c1);
        fmpz_init(c2);
        wc_data_init(D);
        wc_dict_init(one);
        wc_problem_init(p);
        random_data(D, st, n, d, big);
        p->bias = bias;
        p->dict = kind;
        p->loss = (int) n_randint(st, 3) == 0 ? WC_LOSS_INTERP
                : n_randint(st, 2) ? WC_LOSS_L1 : WC_LOSS_HINGE;
        fmpq_set_si(p->beta, 1 + (slong) n_randint(st, 5), 1 + n_randint(st, 7));
        for (i = 0; i < n; i++)         /* labels: their denominators scale rows */
            if (p->loss == WC_LOSS_HINGE)
                fmpq_set_si(D->y + i, n_randint(st, 2) ? 1 : -1, 1);
            else
                fmpq_set_si(D->y + i, (slong) n_randint(st, 21) - 10, 1 + n_randint(st, 6));
        wc_enum_init(E, D, bias, kind);
        for (key = 0; key < 2 * E->G; key++)
        {
            wc_dict_start(one, n, d, bias, kind);
            wc_dict_join(one, E, key);
            if (one->len == 0)
                continue;
            wc_problem_column(a1, c1, k, one, 0, D, p);
            wc_problem_column_enum(a2, c2, one, 0, E, D, p);
            CHECKF(_fmpz_vec_equal(a1, a2, n) && fmpz_equal(c1, c2),
                   printf("n=%ld d=%ld bias=%d kind=%d loss=%d big=%d key=%lu\n",
                          n, d, bias, kind, p->loss, big, key));
        }
        wc_enum_clear(E);
        wc_dict_clear(one);
        wc_problem_clear(p);
        wc_data_clear(D);
        _fmpz_vec_clear(a1, n);
        _fmpz_vec_clear(a2, n);
        _fmpq_vec_clear(k, n);
        fmpz_clear(c1);
        fmpz_clear(c2);
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

            wc_top_init(t1, K, 0, d);
            wc_top_init(t2, K, 0, d);
            wc_top_init(tc, K, 0, d);
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
                    wc_top_init(p, K, 0, d);
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

    TEST_BEGIN("sweep: every price within its proved bound of the exact price");
    for (iter = 0; iter < 60; iter++)
    {
        wc_data_t D;
        wc_enum_t E;
        wc_dual_t y;
        wc_sweep_t W;
        int nb = iter % 4 == 3;
        slong n = iter % 8 == 7 ? 40 + n_randint(st, 40) : 2 + n_randint(st, 80);
        slong d = nb ? 2 : 2 + n_randint(st, 3), i, k, T[4], S[3];
        fmpz * Y = _fmpz_vec_init(n);
        fmpz_t thr;

        fmpz_init(thr);
        wc_data_init(D);
        if (nb)
            neighbour_data(D, st, n, iter % 8 == 7);
        else
            sweep_data(D, st, n, d, iter % 3 == 0 ? 3 : iter % 3 == 1 ? 1000
                                    : d == 2 ? 6000000 : d == 3 ? 6000 : 2000);
        wc_enum_init(E, D, 1, WC_DICT_FULL);
        for (i = 0; i < n; i++)
            fmpz_randtest(Y + i, st, iter % 2 ? 10 : 80);
        fmpz_set_ui(thr, 1 + n_randint(st, 100));
        wc_dual_init(y, Y, thr, n);
        k = nb ? 2 : 2 + (slong) n_randint(st, d - 1);
        wc_subset_unrank(T, n_randint(st, wc_binomial(d, k)), d, k);
        wc_sweep_init(W, n);
        CHECK(wc_sweep_usable(E, y, k, T));
        if (wc_sweep_usable(E, y, k, T))
            for (i = 0; i < FLINT_MIN(n, 4); i++)
            {
                S[0] = nb && i == 0 ? 0 : (slong) n_randint(st, n);
                S[1] = n_randint(st, n);
                S[2] = n_randint(st, n);
                check_sweep_pivot(E, y, W, k, T, S);
            }
        wc_sweep_clear(W);
        wc_dual_clear(y);
        wc_enum_clear(E);
        wc_data_clear(D);
        _fmpz_vec_clear(Y, n);
        fmpz_clear(thr);
    }
    TEST_END();

    TEST_BEGIN("sweep: the top K with the sweep = without it = brute force");
    for (iter = 0; iter < 32; iter++)
    {
        wc_data_t D;
        wc_dict_t V;
        wc_enum_t E;
        wc_dual_t y;
        wc_error_t err;
        slong d = iter % 8 >= 6 ? 4 : 2 + (iter % 4 == 3), i, len = 0;
        slong n = d == 4 ? 50 + n_randint(st, 16) : 70 + n_randint(st, 60);
        slong K = n_randint(st, 2) && d < 4 ? 1 + (slong) n_randint(st, 8) : 2 * n;
        int brute = iter % 6 == 0 && d < 4;
        fmpz * Y = _fmpz_vec_init(n);
        fmpq * v = _fmpq_vec_init(n);
        ulong * keys = flint_malloc((K + 1) * sizeof(ulong));
        fmpz_t thr;
        fmpq_t bound;
        wc_top_t t0, t1, t2;

        fmpz_init(thr);
        fmpq_init(bound);
        wc_data_init(D);
        wc_dict_init(V);
        sweep_data(D, st, n, d, iter % 2 ? 4 : 500);
        wc_enum_init(E, D, 1, WC_DICT_FULL);
        /* at d = 4 a dual of one sign too: P+ and P- far apart, so that
           a price taken for the other sign's would lose atoms */
        for (i = 0; i < n; i++)
        {
            fmpz_set_si(Y + i, (slong) n_randint(st, 9) - (d == 4 && iter % 8 == 6 ? 0 : 4));
            fmpq_set_fmpz_frac(v + i, Y + i, (fmpz *) &(fmpz){1});
        }
        fmpq_set_si(bound, (slong) n_randint(st, 3) * (iter % 2 ? 4 : 500), 1);
        fmpz_mul(thr, fmpq_numref(bound), E->Lx);
        wc_dual_init(y, Y, thr, n);
        if (brute)
        {
            wc_dict_build(V, D, 1, WC_DICT_FULL, 0, NULL, NULL, err);
            len = brute_top(keys, K, V, E, D, v, bound);
        }
        wc_top_init(t0, K, 0, d);
        wc_top_init(t1, K, 0, d);
        wc_top_init(t2, K, 0, d);
        E->sweep = 0;
        wc_price_all(t0, E, y, 0, E->G, 1, NULL, NULL);
        E->sweep = 1;
        wc_price_all(t1, E, y, 0, E->G, 1, NULL, NULL);
        wc_price_all(t2, E, y, 0, E->G, 2, NULL, NULL);
        CHECKF(t1->len == t0->len && t2->len == t0->len && (!brute || t0->len == len),
               printf("n=%ld d=%ld K=%ld: %ld without, %ld/%ld with the sweep, brute %ld\n",
                      n, d, K, t0->len, t1->len, t2->len, len));
        for (i = 0; i < t0->len && i < t1->len && i < t2->len; i++)
            CHECKF(t1->c[i]->key == t0->c[i]->key && t2->c[i]->key == t0->c[i]->key
                   && (!brute || i >= len || keys[i] == t0->c[i]->key),
                   printf("n=%ld d=%ld K=%ld rank %ld: key %lu without, %lu/%lu with\n",
                          n, d, K, i, t0->c[i]->key, t1->c[i]->key, t2->c[i]->key));
        wc_top_clear(t0);
        wc_top_clear(t1);
        wc_top_clear(t2);
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

    TEST_BEGIN("at most c a group: streamed walk = brute-force walk, any cut, 1 and 2 threads"
               " (and with duals the doubles cannot rank)");
    for (iter = 0; iter < 90; iter++)
    {
        wc_data_t D;
        wc_enum_t E;
        wc_dual_t y;
        int sweep = iter % 5 == 4, bias = sweep || n_randint(st, 2), kind = !sweep && n_randint(st, 4) == 0;
        slong n = sweep ? 66 + n_randint(st, 20) : 1 + n_randint(st, 9);
        slong d = sweep ? 2 + (iter % 10 == 9) : 1 + n_randint(st, 3), i, j, len, cut;
        slong K = n_randint(st, 2) ? 1 + (slong) n_randint(st, 6) : 3 * n, c = 1 + (slong) n_randint(st, 2);
        fmpz * Y = _fmpz_vec_init(n);
        fmpq * v = _fmpq_vec_init(n);
        ulong * keys = flint_malloc((K + 1) * sizeof(ulong));
        fmpz_t thr;
        fmpq_t bound;
        wc_top_t t[4];

        fmpz_init(thr);
        fmpq_init(bound);
        wc_data_init(D);
        /* cancel: the second half of the points repeats the first, with
           duals +-2^45 apart that cancel in every price: the sweep's error
           bounds are then far wider than the gaps between the exact prices
           of one group (the run floor of price.c must stay a lower bound) */
        int cancel = sweep && iter % 3 == 0;

        if (sweep)
            sweep_data(D, st, n, d, iter % 2 ? 4 : 500);
        else
            random_data(D, st, n, d, iter % 7 == 6);
        for (i = n / 2; cancel && i < 2 * (n / 2); i++)
            for (j = 0; j < d; j++)
                fmpq_set(fmpq_mat_entry(D->X, i, j), fmpq_mat_entry(D->X, i - n / 2, j));
        wc_enum_init(E, D, bias, kind);
        for (i = 0; i < n; i++)
        {
            fmpz_set_si(Y + i, (slong) n_randint(st, 9) - 4);
            if (cancel && i < 2 * (n / 2))
                fmpz_add_si(Y + i, Y + i, i < n / 2 ? WORD(1) << 45 : -(WORD(1) << 45));
            fmpq_set_fmpz_frac(v + i, Y + i, (fmpz *) &(fmpz){1});
        }
        fmpq_set_si(bound, (slong) n_randint(st, 3) * (sweep && iter % 2 == 0 ? 500 : 1), 1);
        fmpz_mul(thr, fmpq_numref(bound), E->Lx);
        wc_dual_init(y, Y, thr, n);
        len = brute_walk(keys, K, c, E, D, kind, v, bound);
        for (i = 0; i < 4; i++)
            wc_top_init(t[i], K, c, d);
        E->sweep = 0;
        wc_price_all(t[0], E, y, 0, E->G, 1, NULL, NULL);
        E->sweep = 1;
        wc_price_all(t[1], E, y, 0, E->G, 1, NULL, NULL);
        wc_price_all(t[2], E, y, 0, E->G, 2, NULL, NULL);
        {
            ulong a = n_randint(st, E->G + 1), b = n_randint(st, E->G + 1), e;
            wc_top_t p;
            if (a > b) { e = a; a = b; b = e; }
            for (cut = 0; cut < 3; cut++)
            {
                wc_top_init(p, K, c, d);
                wc_price_range(p, E, y, cut == 0 ? 0 : cut == 1 ? a : b,
                               cut == 0 ? a : cut == 1 ? b : E->G);
                wc_top_merge(t[3], p, y);
                wc_top_clear(p);
            }
        }
        for (cut = 0; cut < 4; cut++)
        {
            CHECKF(t[cut]->len == len,
                   printf("n=%ld d=%ld bias=%d K=%ld c=%ld route %ld: brute %ld, streamed %ld\n",
                          n, d, bias, K, c, cut, len, t[cut]->len));
            for (i = 0; i < len && i < t[cut]->len; i++)
                CHECKF(t[cut]->c[i]->key == keys[i],
                       printf("n=%ld d=%ld K=%ld c=%ld route %ld rank %ld: brute %lu, streamed %lu\n",
                              n, d, K, c, cut, i, keys[i], t[cut]->c[i]->key));
            wc_top_clear(t[cut]);
        }
        wc_dual_clear(y);
        wc_enum_clear(E);
        wc_data_clear(D);
        _fmpz_vec_clear(Y, n);
        _fmpq_vec_clear(v, n);
        flint_free(keys);
        fmpz_clear(thr);
        fmpq_clear(bound);
    }
    TEST_END();

    flint_randclear(st);
    flint_cleanup();
    TESTS_DONE();
}
