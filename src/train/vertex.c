/*
 * stream.c -- column generation over the vertex dictionary V, at the level
 * of the training problem (proofs/DERIVATIONS.md sections 2, 3 and 5).
 *
 *   working set W (empty)  ->  LP over W  ->  GLPK's dual (a guide; while
 *   GLPK finds the LP over W infeasible, the dual of its phase-1 LP, and
 *   after ELASTIC_AFTER rounds that of the elastic l1 problem over W)
 *     ->  price V against it (partial: segment by segment until K are found)
 *     ->  the K most violated join W  ->  ...
 *   until GLPK's dual prices clean; then the working LP is certified
 *   (lp.c), its exact dual is priced over all of V, and the rounds go on
 *   until that too finds nothing.
 *
 * Then (x, y) is optimal for the LP over all of V: primal feasible, and
 * dual feasible for every column, those of W by the exact check of the
 * working LP, the others by the exact pricing.  An infeasible working LP
 * gives a Farkas vector y; atoms with k_u^T v != 0 join until none is
 * left, and then y is a Farkas vector for V.
 *
 * Pricing is streamed (price.c: V enumerated by rank, never stored) or,
 * for MATERIALISED, done over a built V in plain rationals -- an
 * independent route which must choose exactly the same atoms.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <flint/fmpq_vec.h>
#include "train/train.h"

#define MAX_ROUNDS 100000

/*
 * K, the number of atoms a round may add: n + 16, or 2n + 16 when a
 * pricing pass (G origins, each O(n)) costs far more than the working LP
 * (about n^2 a pivot): then fewer, fuller rounds are cheaper.  A function
 * of (n, G) only, so the rounds do not depend on timing.
 */
static slong
round_size(slong n, ulong G)
{
    return G > (ulong) (32 * n * n) ? 2 * n + 16 : n + 16;
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
    ulong key;
    slong u;
} priced_t;

static int
priced_cmp(const void * a, const void * b)
{
    const priced_t * x = a, * y = b;
    int c = fmpq_cmp(y->s, x->s);

    if (c != 0)
        return c;
    return (x->key > y->key) - (x->key < y->key);
}

/* keys[0..*len) := the K atoms of A in the segments marked in done with
 * the largest |k_u^T v| > bound (then the smaller key), one a direction
 * (its smallest key), by plain rational arithmetic. */
static void
price_materialised(ulong * keys, slong * len, slong K, const wc_dict_t A,
                   const ulong * akey, const char * done, ulong G,
                   const wc_data_t D, const fmpq * v, const fmpq_t bound)
{
    slong u, nv = 0, i, j, d = A->d, s;
    priced_t * viol = flint_malloc((A->len + 1) * sizeof(priced_t));
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
        viol[nv].u = u;
        nv++;
    }
    qsort(viol, nv, sizeof(priced_t), priced_cmp);
    for (i = 0, *len = 0; i < nv; i++)
    {
        /* an equal direction has an equal price: look back in the block */
        for (j = *len - 1; j >= 0 && fmpq_equal(viol[j].s, viol[i].s); j--)
            if (_fmpz_vec_equal(A->wb + viol[j].u * (d + 1), A->wb + viol[i].u * (d + 1), d + 1))
                break;
        if ((j < 0 || !fmpq_equal(viol[j].s, viol[i].s)) && *len < K)
        {
            fmpq_swap(viol[*len].s, viol[i].s);
            viol[*len].key = viol[i].key;
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

/* ------------------------------------------------------------ the rounds */

static int
key_cmp(const void * a, const void * b)
{
    ulong x = *(const ulong *) a, y = *(const ulong *) b;

    return (x > y) - (x < y);
}

/* Appends the atom of key to W (its direction from the rational data). */
static void
join(wc_dict_t W, const wc_enum_t E, const wc_data_t D, ulong key)
{
    slong k, d = D->d;
    slong * T = flint_malloc((d + 1) * sizeof(slong));
    slong * S = flint_malloc((d + 1) * sizeof(slong));
    fmpz * wb = _fmpz_vec_init(d + 1);

    wc_enum_origin(&k, T, S, E, key / 2);
    if (wc_enum_direction(wb, E, k, T, S))
        wc_dict_push(W, k, T, E->bias ? k : k - 1, S, (key & 1) ? -1 : +1, wb);
    flint_free(T);
    flint_free(S);
    _fmpz_vec_clear(wb, d + 1);
}

/* The LP over the empty working set of interp without an intercept has no
 * column: min 0 s.t. 0 = b.  Its certified answer is written here (y = b
 * is a Farkas vector unless b = 0, where x = (), y = 0 is optimal). */
static void
solve_empty(wc_lp_solution_t S, const wc_lp_t P)
{
    slong i;

    S->status = _fmpz_vec_is_zero(P->b, P->m) ? WC_LP_OPTIMAL : WC_LP_INFEASIBLE;
    fmpq_zero(S->value);
    for (i = 0; i < P->m; i++)
    {
        fmpq_set_si(S->y + i, 0, 1);
        fmpz_set(fmpq_numref(S->y + i), P->b + i);
        fmpz_addmul(fmpq_numref(S->value), P->b + i, P->b + i);
        S->basis[i] = P->N + i;
    }
    S->certified_by = WC_CERT_PRESOLVE;
    S->verified = 1;
}

/* keys[0..*len) := the K most violated atoms of V for the dual point v
 * (|k_u^T v| > bound), streamed or over all atoms built; with partial,
 * segment by segment from *next until K are found. */
static void
price(ulong * keys, slong * len, slong K, wc_result_t R, const wc_enum_t E,
      const wc_dict_t A, const ulong * akey, const wc_data_t D, const fmpq * v,
      const fmpq_t bound, const wc_problem_t p, int partial, slong * next)
{
    slong n = D->n, i, s, seg;
    int streamed = (R->columns == WC_COLUMNS_STREAMED);
    fmpz * Y = NULL;
    fmpz_t Dy, thr;
    wc_dual_t y;
    wc_top_t top;
    char done[NSEG];

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
        wc_top_init(top, K, D->d);
    }
    *len = 0;
    for (s = 0; s < NSEG; s++)
    {
        seg = partial ? (*next + s) % NSEG : s;
        done[seg] = 1;
        if (streamed)
        {
            wc_price_all(top, E, y, seg_start(E->G, seg), seg_start(E->G, seg + 1),
                          p->threads, NULL, NULL);
            *len = top->len;
        }
        else if (partial || s == NSEG - 1)
            price_materialised(keys, len, K, A, akey, done, E->G, D, v, bound);
        if (p->progress != NULL)
            p->progress(p->progress_ctx, "pricing", s + 1, NSEG);
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

/* v := rho y for GLPK's dual y, read exactly off its doubles; 0 if some
 * y_i is not finite. */
static int
exact_of_doubles(fmpq * v, const double * y, const wc_data_t D, const wc_problem_t p)
{
    slong i;

    for (i = 0; i < D->n; i++)
    {
        int e;
        double f = frexp(y[i], &e);

        if (!isfinite(y[i]))
            return 0;
        fmpz_set_d(fmpq_numref(v + i), ldexp(f, 53));     /* exact */
        fmpz_one(fmpq_denref(v + i));
        if (e >= 53)
            fmpq_mul_2exp(v + i, v + i, e - 53);
        else
            fmpq_div_2exp(v + i, v + i, 53 - e);
        fmpq_mul_fmpz(v + i, v + i, wc_row_scale(D, p, i));
    }
    return 1;
}

/*
 * The elastic problem guides interp while its working set still cannot
 * interpolate after ELASTIC_AFTER rounds: the l1 loss over the same
 * working set, always feasible, with beta = max |x_ij| (1 for X = 0), so
 * that the guide does not depend on the scale of the data.  Its dual
 * bounds |k_u^T v| by beta, which lets in only atoms that pay for
 * themselves; the phase-1 LP (beta = 0) lets in every atom with
 * k_u^T v != 0, and a beta above every |k_u^T v| lets in none.  Feasible
 * problems leave phase 1 within 4-5 rounds (bench data, d = 2, 3), so
 * they are guided as before.  Measured on three infeasible 3-D sets
 * (n = 120-150, no biases, presolve off): 6-11 rounds and 0.9-3.2 s,
 * where the phase-1 guide took 6-51 rounds and up to 69 s.
 */
#define ELASTIC_AFTER 8

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

/*
 * GLPK's dual of the working LP P as a guide for pricing (v_i = rho_i y_i):
 * returns GUIDE_OPTIMAL with basis (of P) when GLPK finds P optimal; when
 * GLPK finds P infeasible (interp only: the other LPs always are
 * feasible), GUIDE_FARKAS with the dual of P's phase-1 LP (atoms with
 * k_u^T v != 0 can reduce the infeasibility), or with elastic != NULL
 * GUIDE_ELASTIC with the dual of the elastic problem over the working set
 * W; GUIDE_NONE otherwise.  Only a guide: the last round always prices a
 * certified dual.
 */
enum { GUIDE_NONE = 0, GUIDE_OPTIMAL = 1, GUIDE_FARKAS = 2, GUIDE_ELASTIC = 3 };

static int
candidate_dual(fmpq * v, slong * basis, int have_warm, const wc_lp_t P,
               const wc_dict_t W, const wc_data_t D, const wc_problem_t p,
               const wc_problem_t elastic)
{
    slong m = P->m;
    double * y = flint_malloc((m + 1) * sizeof(double));
    int gstatus = GLPK_OTHER, guide = GUIDE_NONE;
    wc_error_t gerr;

    if (P->N > 0 && WC_METHOD_BASIS(p->method) != WC_METHOD_PIVOTS
        && wc_glpk_candidate(basis, y, &gstatus, P, 0, have_warm ? basis : NULL,
                              gerr) == WC_OK)
    {
        if (gstatus == GLPK_OPTIMAL)
            guide = GUIDE_OPTIMAL;
        else if (gstatus == GLPK_INFEASIBLE && elastic == NULL)
        {
            wc_lp_t Q;
            slong * qbasis = flint_malloc((m + 1) * sizeof(slong));

            wc_lp_phase_one(Q, P);
            if (wc_glpk_candidate(qbasis, y, &gstatus, Q, 0, NULL, gerr) == WC_OK
                && gstatus == GLPK_OPTIMAL)
                guide = GUIDE_FARKAS;
            wc_lp_clear(Q);
            flint_free(qbasis);
        }
        else if (gstatus == GLPK_INFEASIBLE)
        {
            wc_lp_t Q;
            fmpz_t scale;
            slong * qbasis = flint_malloc((m + 1) * sizeof(slong));

            fmpz_init(scale);
            if (wc_problem_lp(Q, scale, D, W, elastic, gerr) == WC_OK)
            {
                if (wc_glpk_candidate(qbasis, y, &gstatus, Q, 0, NULL, gerr) == WC_OK
                    && gstatus == GLPK_OPTIMAL)
                    guide = GUIDE_ELASTIC;
                wc_lp_clear(Q);
            }
            fmpz_clear(scale);
            flint_free(qbasis);
        }
    }
    if (guide != GUIDE_NONE && !exact_of_doubles(v, y, D, p))
        guide = GUIDE_NONE;
    flint_free(y);
    return guide;
}

/*
 * Dropping columns keeps the working LP small: once W has more than
 * DROP_SIZE (n + K) atoms, an atom that has been nonbasic in GLPK's basis
 * for DROP_AGE rounds in a row leaves W (a nonbasic column can go without
 * changing the basis).  It may come back when priced again.  After
 * DROP_ROUNDS rounds nothing is dropped, so the rounds end: W only grows,
 * by atoms violated for its own dual.
 */
#define DROP_AGE 5
#define DROP_SIZE 2
#define DROP_ROUNDS 300

/* Drops the atoms of W aged DROP_AGE, renumbering the basis warm (of the
 * LP over W: atoms 2u, 2u + 1, then the other columns, N in all). */
static void
drop_old(wc_dict_t W, ulong * wkey, slong * age, slong * warm, slong * warm_N,
         slong * warm_L, slong m)
{
    slong L = W->len, u, i, kept = 0;
    char * keep = flint_malloc(L + 1);
    slong * pos = flint_malloc((L + 1) * sizeof(slong));

    for (u = 0; u < L; u++)
        keep[u] = age[u] < DROP_AGE;
    for (i = 0; i < m; i++)
        if (warm[i] < 2 * L)
            keep[warm[i] / 2] = 1;      /* basic: stays */
    for (u = 0; u < L; u++)
    {
        pos[u] = kept;
        if (keep[u])
        {
            wkey[kept] = wkey[u];
            age[kept] = age[u];
            kept++;
        }
    }
    for (i = 0; i < m; i++)
        warm[i] = warm[i] < 2 * L ? 2 * pos[warm[i] / 2] + (warm[i] & 1)
                                  : warm[i] - 2 * (L - kept);
    *warm_N -= 2 * (L - kept);
    *warm_L = kept;
    wc_dict_keep(W, keep);
    flint_free(keep);
    flint_free(pos);
}

int
wc_solve_columns(wc_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err)
{
    slong n = D->n, K, len = 0, i, j;
    int status = WC_OK;
    ulong * wkey = NULL;                /* the key of each atom of W */
    ulong * inW = NULL;                 /* the same, sorted */
    slong * age = NULL;                 /* rounds each atom of W has been nonbasic */
    slong * warm = flint_malloc((n + 1) * sizeof(slong));
    slong warm_N = 0, warm_L = 0;       /* the LP that warm is a basis of */
    int have_warm = 0;
    int method = (p->method & ~WC_METHOD_COLGEN) | WC_METHOD_NO_COLGEN;
    wc_dict_t full;                     /* MATERIALISED: every atom, duplicates too */
    ulong * fkey = NULL;                /* and their keys */
    slong next_seg = 0;
    wc_enum_t E;
    fmpq * v = _fmpq_vec_init(n);
    ulong * keys;
    fmpq_t bound;
    wc_problem_t elastic;

    fmpq_init(bound);
    elastic_problem(elastic, D, p);
    wc_dict_init(full);
    wc_enum_init(E, D, p->bias, p->dict);
    if (R->columns == WC_COLUMNS_MATERIALISED)
        build_all(full, &fkey, E, D, p->dict);
    wc_dict_start(R->V, n, D->d, p->bias, p->dict);
    K = round_size(n, E->G);
    keys = flint_malloc(K * sizeof(ulong));

    for (R->rounds = 1; ; R->rounds++)
    {
        slong L = R->V->len;
        int certified, guide;

        if (R->rounds > MAX_ROUNDS)
        {
            status = wc_error_set(err, WC_ERR_SOLVER,
                "internal error: column generation did not end in %d rounds", MAX_ROUNDS);
            break;
        }
        wc_lp_clear(R->lp);
        if ((status = wc_problem_lp(R->lp, R->obj_scale, D, R->V, p, err)) != WC_OK)
        {
            wc_lp_init(R->lp, 0, 0);
            break;
        }
        if (p->progress != NULL)
            p->progress(p->progress_ctx, "column generation round", R->rounds, 0);
        wkey = flint_realloc(wkey, (L + K + 1) * sizeof(ulong));
        inW = flint_realloc(inW, (L + K + 1) * sizeof(ulong));
        age = flint_realloc(age, (L + K + 1) * sizeof(slong));
        memcpy(inW, wkey, L * sizeof(ulong));
        qsort(inW, L, sizeof(ulong), key_cmp);

        /* GLPK's last basis, renumbered: the atoms of W keep their columns,
           the intercept and slack columns after them move up */
        for (i = 0; have_warm && i < n; i++)
            warm[i] += warm[i] >= warm_N ? R->lp->N - warm_N
                     : warm[i] >= 2 * warm_L ? 2 * (L - warm_L) : 0;
        warm_N = R->lp->N;
        warm_L = L;
        /* GLPK's dual first; the certified dual once that prices clean */
        guide = candidate_dual(v, warm, have_warm, R->lp, R->V, D, p,
                               R->rounds > ELASTIC_AFTER ? elastic : NULL);
        certified = (guide == GUIDE_NONE);
        have_warm = (guide == GUIDE_OPTIMAL);
        if (have_warm)
        {
            for (j = 0; j < L; j++)
                age[j]++;
            for (i = 0; i < n; i++)
                if (warm[i] < 2 * L)
                    age[warm[i] / 2] = 0;
        }
        for ( ; certified < 2; certified++)
        {
            if (certified)
            {
                /* GLPK's basis, checked exactly; else the whole repair */
                wc_lp_solution_clear(R->sol);
                wc_lp_solution_init(R->sol, R->lp->m, R->lp->N);
                if (R->lp->N == 0)
                    solve_empty(R->sol, R->lp);
                else if (!(have_warm && wc_lp_certify_basis(R->sol, R->lp, warm))
                         && (status = wc_lp_solve(R->sol, R->lp, method, p->progress,
                                                  p->progress_ctx, err)) != WC_OK)
                    goto done;
                if (R->sol->status == WC_LP_OPTIMAL && R->sol->basis[0] >= 0)
                {
                    memcpy(warm, R->sol->basis, n * sizeof(slong));
                    have_warm = 1;      /* the next round starts here */
                }
                /* v_i = rho_i y_i: the dual on unscaled rows (up to obj_scale) */
                for (i = 0; i < n; i++)
                    fmpq_mul_fmpz(v + i, R->sol->y + i, wc_row_scale(D, p, i));
            }
            /* the column bound of DERIVATIONS.md section 3 on the LP's rows: 1
               (interp), num(beta) (l1, hinge), 0 for a Farkas vector */
            fmpq_zero(bound);
            if (certified ? R->sol->status == WC_LP_INFEASIBLE : guide == GUIDE_FARKAS)
                ;
            else if (!certified && guide == GUIDE_ELASTIC)
                fmpz_set(fmpq_numref(bound), fmpq_numref(elastic->beta));
            else if (p->loss == WC_LOSS_INTERP)
                fmpq_one(bound);
            else
                fmpz_set(fmpq_numref(bound), fmpq_numref(p->beta));
            price(keys, &len, K, R, E, full, fkey, D, v, bound, p, !certified, &next_seg);
            /* GLPK's dual may violate W's own columns by a rounding error:
               those atoms (each found under its first key) are not new */
            for (i = 0, j = 0; i < len; i++)
                if (bsearch(keys + i, inW, L, sizeof(ulong), key_cmp) == NULL)
                    keys[j++] = keys[i];
            len = j;
            if (len > 0)
                break;
        }
        if (len == 0)
            break;          /* nothing violated: certified over all of V */
        if (have_warm && R->rounds <= DROP_ROUNDS && L > DROP_SIZE * (n + K))
            drop_old(R->V, wkey, age, warm, &warm_N, &warm_L, n);
        for (i = 0; i < len; i++)
        {
            join(R->V, E, D, keys[i]);
            wkey[R->V->len - 1] = keys[i];
            age[R->V->len - 1] = 0;
        }
    }

done:
    flint_free(wkey);
    flint_free(inW);
    flint_free(age);
    flint_free(warm);
    wc_enum_clear(E);
    wc_dict_clear(full);
    flint_free(fkey);
    _fmpq_vec_clear(v, n);
    flint_free(keys);
    fmpq_clear(bound);
    fmpq_clear(elastic->beta);
    return status;
}

slong
wc_join_most_violated(wc_dict_t V, fmpq_t value, const wc_data_t D, int bias,
                       int kind, const fmpq * v, int threads)
{
    slong n = D->n, u = -1;
    fmpz * Y = _fmpz_vec_init(n);
    fmpq * k = _fmpq_vec_init(n);
    fmpz_t Dy, zero;
    wc_enum_t E;
    wc_dual_t y;
    wc_top_t top;

    fmpz_init(Dy);
    fmpz_init(zero);
    wc_enum_init(E, D, bias, kind);
    _fmpq_vec_get_fmpz_vec_fmpz(Y, Dy, v, n);
    wc_dual_init(y, Y, zero, n);       /* bound 0: every k_u^T v != 0 counts */
    wc_top_init(top, 1, D->d);
    wc_price_all(top, E, y, 0, E->G, threads, NULL, NULL);
    fmpq_zero(value);
    if (top->len > 0)
    {
        join(V, E, D, top->c[0]->key);
        u = V->len - 1;
        wc_dict_column(k, V, D, u);
        _fmpq_vec_dot(value, k, v, n);
        fmpq_abs(value, value);
    }
    wc_top_clear(top);
    wc_dual_clear(y);
    wc_enum_clear(E);
    _fmpz_vec_clear(Y, n);
    _fmpq_vec_clear(k, n);
    fmpz_clear(Dy);
    fmpz_clear(zero);
    return u;
}
