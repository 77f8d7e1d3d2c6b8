/*
 * vertex.c -- the vertex dictionary V as a dictionary of the
 * column-generation engine (lp/colgen.c), at the level of the training
 * problem (proofs/DERIVATIONS.md sections 2, 3 and 5).
 *
 * A member is an atom, keyed 2 g + (sign < 0) by the rank g of its origin
 * (dict/enum.c); it brings the LP columns +-rho_i q_u k_ui of
 * wc_problem_lp.  The engine's dual y becomes v = rho y, and an atom is
 * violated when |k_u^T v| exceeds the column bound of section 3: 1
 * (interp), num(beta) (l1, hinge), 0 for a Farkas vector, num(beta_e) for
 * the elastic guide.
 *
 * Pricing is streamed (dict/price.c: V enumerated by rank, never stored)
 * or, for MATERIALISED, done over a built V in plain rationals -- an
 * independent route which must choose exactly the same atoms.
 */
#include <stdlib.h>
#include <string.h>
#include <flint/fmpq_vec.h>
#include "train/train.h"

/*
 * K, the number of atoms a round may add: n + 16, or 2n + 16 when a
 * pricing pass costs far more than the working LP: G > n^3 origins (d = 4
 * from n = 11 on; d = 3 has G = n^3 / 6 + O(n^2)), where fewer, fuller
 * rounds are cheaper.  A function of (n, G) only, so the rounds do not
 * depend on timing.  Measured with diverse rounds (seconds, one run each,
 * n + 16 / 2n + 16): interp d = 3 n = 300 34.9 / 42.2, n = 200 9.3 /
 * 10.0; planted l1 d = 3 n = 300 37.6 / 44.4, n = 200 8.8 / 9.7; interp
 * d = 4 n = 120 26.5 / 23.8, n = 100 11.5 / 10.8.  (Before diverse
 * rounds the bound was G > 32 n^2, which gave d = 3 2n + 16 too.)
 */
static slong
round_size(slong n, ulong G)
{
    return (double) G > (double) n * n * n ? 2 * n + 16 : n + 16;
}

/*
 * Diverse rounds: at most this many of a round's K atoms turn about one
 * pivot (wc_enum_group: the sample a line turns about at d = 2, the two
 * samples a plane turns about at d = 3, three at d = 4).  The most
 * violated atoms crowd about a few pivots -- neighbours in the
 * arrangement, nearly the same column -- of which the working LP uses one
 * or two.  Measured
 * (bench/gen.py seed 1, bias, certified seconds and rounds; one run each,
 * without the limit -> with it): interp d = 2 n = 300 12.7 s, 43 rounds
 * -> 10.0 s, 32; d = 3 n = 200 18.8 s, 90 -> 11.3 s, 29; d = 4 n = 100
 * 19.9 s, 100 -> 15.0 s, 42; planted l1 d = 2 n = 200 4.1 s, 36 -> 1.8 s,
 * 18; n = 400 40 s, 49 -> 19 s, 27; d = 3 n = 200 19.9 s, 100 -> 11.2 s,
 * 28; n = 400 304 s, 248 -> 150 s, 51.  Same optima.  One a pivot at
 * d = 2 was slower than two (planted n = 200 / 400: 3.7 / 25.9 s against
 * 2.3 / 20.6), two at d = 3 and 4 slower than one (interp d = 3 15.1
 * against 13.6 s, d = 4 23.4 against 17.2).  Under the row map of
 * stencil.c (use_rowmap), where a round's LP costs less, one at d = 2
 * too: interp n = 500 / 700 / 1000 11.6 / 31.4 / 104 s against
 * 13.4 / 34.6 / 115, 39 / 40 / 46 rounds against 53 / 53 / 67 (the
 * measurements of use_rowmap for l1 and hinge are with one).
 */
static slong
group_size(slong d, int mapped)
{
    return d <= 2 && !mapped ? 2 : 1;
}

/*
 * The working LP (Clp's pivots over thousands of dense columns), not
 * pricing, is the cost of a round while a pricing pass is cheap: G <=
 * EAGER_G n^2 origins (d = 2, and d = 3 up to n of about 750, where the
 * sweep prices); then the engine drops members early (colgen.c, with the
 * measurements).  At d = 4 (G about n^4 / 24) pricing dominates.  Earlier
 * still (eager 2) at d = 2 and for the losses with slack columns (l1,
 * hinge): not for interpolation at d = 3, where a round's pricing weighs
 * more (colgen.c has the measurements).
 */
#define EAGER_G 128

/*
 * Whether Clp solves the working LPs under the row map of stencil.c
 * (lp/rowmap.c): for interpolation, with Clp's own scaling off (the
 * comment at clp_basis.c's map_columns says why), and for l1 and hinge
 * at d <= 2, with it on.  Measured (bench/gen.py, bias, certified
 * seconds, one run each, 2 threads; the same optima): interp d = 2
 * n = 500 / 700 10.7 / 28.5 s against 24.9 / 80.6 (n = 1000: 91 s),
 * d = 3 n = 300 14.3 s against 20.5; planted l1 (beta = 1/10) d = 2
 * n = 400 / 600 4.4 / 21.2 s against 13.5 / 42.5, seeds 2 and 3 at
 * n = 600 30.6 / 16.7 s against 105 / 57.4 (with Clp's scaling off
 * 16.4 / 40.4 s at seed 1), but d = 3 n = 300 19.2 s against 16.0; hinge
 * d = 2 n = 400 4.7 s against 6.8.  Interp with Clp's scaling on: 30.0 s
 * at d = 2 n = 700.
 */
static int
use_rowmap(const wc_data_t D, const wc_problem_t p)
{
    if (wc_lp_engine_pick(p->engine) != WC_ENGINE_CLP)
        return 0;
    return p->loss == WC_LOSS_INTERP ? D->d <= WC_STENCIL_MAX_D : D->d <= 2;
}

/*
 * Rounds guided by GLPK's dual price V in segments: the G origins are cut
 * into NSEG fixed ranges, priced from where the last round stopped, until
 * K violated atoms are found (partial pricing; the answer is then the top
 * K of the segments priced).  A certified dual is always priced over all
 * of V.  Both routes below obey the same rule, so they choose the same
 * atoms.
 */
#define NSEG 16

static ulong
seg_start(ulong G, slong s)
{
    return (G / NSEG) * (ulong) s + (G % NSEG) * (ulong) s / NSEG;    /* G s / NSEG */
}

/* ------------------------------------------- pricing over a built V */

/* Every atom of V with its key, duplicates included, built by the
 * route of wc_dict_build (wc_enum_direction) in enumeration order. */
static void
build_all(wc_dict_t A, ulong ** key, const wc_enum_t E, const wc_data_t D, int kind)
{
    slong d = D->d, k;
    slong * T = flint_malloc((d + 1) * sizeof(slong));
    slong * S = flint_malloc((d + 1) * sizeof(slong));
    fmpz * wb = _fmpz_vec_init(d + 1);
    ulong g;

    wc_dict_start(A, D->n, d, E->bias, kind);
    *key = flint_malloc((2 * E->G + 1) * sizeof(ulong));
    for (g = 0; g < E->G; g++)
    {
        wc_enum_origin(&k, T, S, E, g);
        if (!wc_enum_direction(wb, E, k, T, S))
            continue;
        (*key)[A->len] = 2 * g;
        wc_dict_push(A, k, T, E->bias ? k : k - 1, S, +1, wb);
        (*key)[A->len] = 2 * g + 1;
        wc_dict_push(A, k, T, E->bias ? k : k - 1, S, -1, wb);
    }
    flint_free(T);
    flint_free(S);
    _fmpz_vec_clear(wb, d + 1);
}

typedef struct {
    fmpq_t s;           /* |k_u^T v| */
    ulong key, group;
    slong u;
} priced_atom;

static int
priced_cmp(const void * a, const void * b)
{
    const priced_atom * x = a, * y = b;
    int c = fmpq_cmp(y->s, x->s);

    if (c != 0)
        return c;
    return (x->key > y->key) - (x->key < y->key);
}

/* keys[0..*len) := the K atoms of A in the segments marked in done with
 * the largest |k_u^T v| > bound (then the smaller key), one a direction in
 * a group (its smallest key), at most per_group of a group (0: any; the
 * walk of wc_top_struct), by plain rational arithmetic. */
static void
price_materialised(ulong * keys, slong * len, slong K, slong per_group, const wc_dict_t A,
                   const ulong * akey, const char * done, const wc_enum_t E,
                   const wc_data_t D, const fmpq * v, const fmpq_t bound)
{
    slong u, nv = 0, i, j, d = A->d, s, same;
    ulong G = E->G;
    priced_atom * viol = flint_malloc((A->len + 1) * sizeof(priced_atom));
    fmpq * k = _fmpq_vec_init(D->n);

    for (u = 0; u < A->len; u++)
    {
        for (s = 0; akey[u] / 2 >= seg_start(G, s + 1); s++)
            ;
        if (!done[s])
            continue;
        fmpq_init(viol[nv].s);
        wc_dict_column(k, A, D, u);
        _fmpq_vec_dot(viol[nv].s, k, v, D->n);
        fmpq_abs(viol[nv].s, viol[nv].s);
        if (fmpq_cmp(viol[nv].s, bound) <= 0)
        {
            fmpq_clear(viol[nv].s);
            continue;
        }
        viol[nv].key = akey[u];
        viol[nv].group = per_group > 0
                         ? wc_enum_group(E, A->k[u], A->T + u * d, A->S + u * d) : 0;
        viol[nv].u = u;
        nv++;
    }
    qsort(viol, nv, sizeof(priced_atom), priced_cmp);
    for (i = 0, *len = 0; i < nv && *len < K; i++)
    {
        int copy = 0;

        /* an equal direction has an equal price: look back in the block */
        for (j = *len - 1; j >= 0 && !copy && fmpq_equal(viol[j].s, viol[i].s); j--)
            copy = viol[j].group == viol[i].group
                   && _fmpz_vec_equal(A->wb + viol[j].u * (d + 1), A->wb + viol[i].u * (d + 1), d + 1);
        for (j = 0, same = 0; per_group > 0 && j < *len; j++)
            same += viol[j].group == viol[i].group;
        if (!copy && (per_group == 0 || same < per_group))
        {
            fmpq_swap(viol[*len].s, viol[i].s);
            viol[*len].key = viol[i].key;
            viol[*len].group = viol[i].group;
            viol[*len].u = viol[i].u;
            (*len)++;
        }
    }
    for (i = 0; i < *len; i++)
        keys[i] = viol[i].key;
    for (i = 0; i < nv; i++)
        fmpq_clear(viol[i].s);
    _fmpq_vec_clear(k, D->n);
    flint_free(viol);
}

/*
 * Pricing threads: --threads N when given, else OMP_NUM_THREADS when set;
 * otherwise every core, but one below THREADS_MIN_ATOMS atoms, where a
 * pricing is too short to pay for waking the others (the answer is the
 * same for any count).  Measured (bench/gen.py seed 7, interp with bias,
 * the default route, median of 15-60 runs, 2 cores; 2 threads / 1):
 * d = 3 n = 18 (2,658 atoms) 26.0 / 18.4 ms, d = 4 n = 12 (3,638) 20.7 /
 * 15.8, d = 4 n = 16 (9,688) 27.8 / 25.7, d = 3 n = 30 (10,910) 38.7 /
 * 36.9; d = 2 n = 100 (10,300) 186 / 196, d = 4 n = 20 (21,250) 39.5 /
 * 41.6, d = 3 n = 60 (79,420) 149 / 174.
 */
#define THREADS_MIN_ATOMS 10000

static int
pricing_threads(const wc_data_t D, const wc_problem_struct * p)
{
    const char * env = getenv("OMP_NUM_THREADS");

    if (p->threads > 0)
        return p->threads;
    if (env != NULL && env[0] != '\0')
        return 0;               /* OpenMP's count */
    return wc_dict_bound(D->n, D->d, p->bias, p->dict) < THREADS_MIN_ATOMS ? 1 : 0;
}

/* keys[0..*len) := the K most violated atoms of V for the dual point v
 * (|k_u^T v| > bound), at most per_group a pivot (wc_top_struct's walk),
 * streamed or over all atoms built; with partial, segment by segment from
 * *next until K are found. */
static void
price(ulong * keys, slong * len, slong K, slong per_group, wc_result_struct * R, const wc_enum_t E,
      const wc_dict_t A, const ulong * akey, const wc_data_t D, const fmpq * v,
      const fmpq_t bound, const wc_problem_struct * p, int partial, slong * next)
{
    slong n = D->n, i, s, seg;
    int streamed = (R->columns == WC_COLUMNS_STREAMED);
    fmpz * Y = NULL;
    fmpz_t Dy, thr;
    wc_dual_t y;
    wc_top_t top;
    char done[NSEG];
    ulong priced = 0;           /* origins priced so far */

    memset(done, 0, NSEG);
    if (streamed)
    {
        /* |sum v_i k_ui| > bound  <=>  |sum Y_i (t_i)_+| > bound Lx Dy ||w'||_1 */
        Y = _fmpz_vec_init(n);
        fmpz_init(Dy);
        fmpz_init(thr);
        _fmpq_vec_get_fmpz_vec_fmpz(Y, Dy, v, n);
        fmpz_mul(thr, fmpq_numref(bound), E->Lx);
        fmpz_mul(thr, thr, Dy);
        wc_dual_init(y, Y, thr, n);
        wc_top_init(top, K, per_group, D->d);
    }
    *len = 0;
    for (s = 0; s < NSEG; s++)
    {
        seg = partial ? (*next + s) % NSEG : s;
        done[seg] = 1;
        if (streamed)
        {
            wc_price_all(top, E, y, seg_start(E->G, seg), seg_start(E->G, seg + 1),
                          pricing_threads(D, p), NULL, NULL);
            *len = top->len;
        }
        else if (partial || s == NSEG - 1)
            price_materialised(keys, len, K, per_group, A, akey, done, E, D, v, bound);
        priced += seg_start(E->G, seg + 1) - seg_start(E->G, seg);
        if (p->progress != NULL)
            p->progress(p->progress_ctx, "atoms priced", (slong) FLINT_MIN(2 * priced, WORD_MAX),
                        (slong) FLINT_MIN(2 * E->G, WORD_MAX));
        if (partial && *len >= K)
        {
            *next = (seg + 1) % NSEG;
            break;
        }
    }
    if (streamed)
    {
        for (i = 0; i < top->len; i++)
            keys[i] = top->c[i]->key;
        R->exact_prices += top->exact;
        wc_top_clear(top);
        wc_dual_clear(y);
        _fmpz_vec_clear(Y, n);
        fmpz_clear(Dy);
        fmpz_clear(thr);
    }
}

/*
 * The guide LP (the engine's, for interp while the working set still
 * cannot interpolate): the elastic problem, the l1 loss over the same
 * working set, always feasible, with beta = max |x_ij| (1 for X = 0), so
 * that the guide does not depend on the scale of the data.  Its dual
 * bounds |k_u^T v| by beta, which lets in only atoms that pay for
 * themselves; the phase-1 LP (beta = 0) lets in every atom with
 * k_u^T v != 0, and a beta above every |k_u^T v| lets in none.
 */
static void
elastic_problem(wc_problem_t q, const wc_data_t D, const wc_problem_t p)
{
    slong i, j;
    fmpq_t t;

    *q = *p;
    q->loss = WC_LOSS_L1;
    fmpq_init(q->beta);
    fmpq_init(t);
    for (i = 0; i < D->n; i++)
        for (j = 0; j < D->d; j++)
        {
            fmpq_abs(t, fmpq_mat_entry(D->X, i, j));
            if (fmpq_cmp(t, q->beta) > 0)
                fmpq_set(q->beta, t);
        }
    if (fmpq_is_zero(q->beta))
        fmpq_one(q->beta);
    fmpq_clear(t);
}


/* ---------------------------------------------- the engine's dictionary */

typedef struct {
    const wc_data_struct * D;
    const wc_problem_struct * p;
    wc_problem_t elastic;
    wc_result_struct * R;       /* columns mode; exact_prices counted */
    wc_enum_t E;
    wc_dict_t full;             /* MATERIALISED: every atom, duplicates too */
    ulong * fkey;               /* and their keys */
    slong next_seg;
    slong group;                /* group_size */
    wc_dict_t one;              /* one atom, for its column */
    fmpq * v;
} vertex_dict;

static void
vertex_column(fmpz * a, fmpz_t cost, ulong key, int guide, void * ctx)
{
    vertex_dict * X = ctx;

    wc_dict_start(X->one, X->D->n, X->D->d, X->p->bias, X->p->dict);
    wc_dict_join(X->one, X->E, key);
    wc_problem_column_enum(a, cost, X->one, 0, X->E, X->D, guide ? X->elastic : X->p);
}

static slong
vertex_price(ulong * keys, slong K, const fmpq * y, int test, int partial, void * ctx)
{
    vertex_dict * X = ctx;
    const wc_problem_struct * p = X->p;
    slong i, len;
    fmpq_t bound;

    /* v_i = rho_i y_i: the dual on unscaled rows (up to obj_scale) */
    for (i = 0; i < X->D->n; i++)
        fmpq_mul_fmpz(X->v + i, y + i, wc_row_scale(X->D, p, i));
    fmpq_init(bound);
    if (test == WC_PRICE_FARKAS)
        ;
    else if (test == WC_PRICE_GUIDE)
        fmpz_set(fmpq_numref(bound), fmpq_numref(X->elastic->beta));
    else if (p->loss == WC_LOSS_INTERP)
        fmpq_one(bound);
    else
        fmpz_set(fmpq_numref(bound), fmpq_numref(p->beta));
    price(keys, &len, K, X->group, X->R, X->E, X->full, X->fkey, X->D, X->v, bound, p,
          partial, &X->next_seg);
    fmpq_clear(bound);
    return len;
}

int
wc_solve_columns(wc_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err)
{
    slong n = D->n, u;
    int status;
    fmpz_t gscale;
    wc_lp_t base, gbase;
    wc_dict_t none;
    vertex_dict X;
    wc_colgen_dict_struct V;
    wc_rowmap_struct rows;
    wc_colgen_t C;

    X.D = D;
    X.p = p;
    X.R = R;
    elastic_problem(X.elastic, D, p);
    wc_enum_init(X.E, D, p->bias, p->dict);
    wc_dict_init(X.full);
    X.fkey = NULL;
    if (R->columns == WC_COLUMNS_MATERIALISED)
        build_all(X.full, &X.fkey, X.E, D, p->dict);
    X.next_seg = 0;
    X.group = group_size(D->d, 0);
    wc_dict_init(X.one);
    X.v = _fmpq_vec_init(n);

    /* the LPs over no atom: their rows, b and fixed columns */
    fmpz_init(gscale);
    wc_dict_init(none);
    wc_dict_start(none, n, D->d, p->bias, p->dict);
    status = wc_problem_lp(base, R->obj_scale, D, none, p, err);
    if (status == WC_OK && wc_problem_lp(gbase, gscale, D, none, X.elastic, err) != WC_OK)
    {
        wc_lp_clear(base);
        status = err->code;
    }
    if (status == WC_OK)
    {
        V.width = 2;
        V.K = round_size(n, X.E->G);
        V.eager = X.E->G > (ulong) (EAGER_G * n * n) ? 0
                  : D->d <= 2 || p->loss != WC_LOSS_INTERP ? 2 : 1;
        V.base = base;
        V.guide = gbase;
        V.rows = NULL;
        if (V.eager && base->m == n && use_rowmap(D, p))
        {
            wc_stencil_rowmap(&rows, D, p);
            rows.engine_scales = (p->loss != WC_LOSS_INTERP);
            V.rows = &rows;
            X.group = group_size(D->d, 1);
        }
        V.column = vertex_column;
        V.price = vertex_price;
        V.ctx = &X;
        wc_colgen_init(C);
        status = wc_colgen_solve(C, R->lp, R->sol, &V, p->method, p->engine, p->progress,
                                 p->progress_ctx, err);
        R->rounds = C->rounds;
        wc_dict_start(R->V, n, D->d, p->bias, p->dict);
        for (u = 0; u < C->len; u++)
            wc_dict_join(R->V, X.E, C->keys[u]);
        wc_colgen_clear(C);
        if (V.rows != NULL)
            wc_rowmap_clear(&rows);
        wc_lp_clear(base);
        wc_lp_clear(gbase);
    }
    wc_dict_clear(none);
    fmpz_clear(gscale);
    wc_enum_clear(X.E);
    wc_dict_clear(X.full);
    flint_free(X.fkey);
    wc_dict_clear(X.one);
    _fmpq_vec_clear(X.v, n);
    fmpq_clear(X.elastic->beta);
    return status;
}
