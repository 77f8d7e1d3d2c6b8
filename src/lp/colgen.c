/*
 * colgen.c -- the column-generation engine, fed by any dictionary
 * (wc_colgen_dict_struct in lp.h: the vertex dictionary streamed or built,
 * the columns of an explicit LP, and whatever comes next).
 *
 *   working set W (empty)  ->  working LP over W  ->  the engine's dual
 *   (GLPK's or Clp's, a guide, from the last round's basis; while the
 *   engine finds the working LP infeasible, the dual of its phase-1 LP,
 *   and after ELASTIC_AFTER rounds that of the dictionary's guide LP)
 *     ->  the dictionary prices it (partial pricing allowed)
 *     ->  the K most violated members join W  ->  ...
 *   until the engine's dual prices clean; then the working LP is certified
 *   (lp.c), its exact dual is priced over the whole dictionary, and the
 *   rounds go on until that too finds nothing.
 *
 * Then (x, y) is optimal for the LP over the whole dictionary: primal
 * feasible, and dual feasible for every column, those of W by the exact
 * check of the working LP, the others by the exact pricing.  An
 * infeasible working LP gives a Farkas vector y; members with A_u^T y > 0
 * join until none is left, and then y is a Farkas vector for the whole
 * dictionary (proofs/DERIVATIONS.md section 5).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <flint/fmpq_vec.h>
#include "lp/lp.h"

#define MAX_ROUNDS 100000

/*
 * The guide LP takes over while the working set still cannot satisfy the
 * rows after ELASTIC_AFTER rounds.  For the vertex dictionary it is the
 * elastic l1 problem over W; measured on three infeasible 3-D sets (n =
 * 120-150, no biases, presolve off): 6-11 rounds and 0.9-3.2 s, where the
 * phase-1 guide took 6-51 rounds and up to 69 s.  Feasible problems leave
 * phase 1 within 4-5 rounds (bench data, d = 2, 3), so they are guided by
 * phase 1 alone.
 */
#define ELASTIC_AFTER 8

/*
 * Dropping columns keeps the working LP small: once W has more than
 * DROP_SIZE width (m + K) members (a key of width 2 joins as two members
 * here, see Members below), a member that has been nonbasic in the engine's
 * basis for DROP_AGE rounds in a row leaves W (a nonbasic column can go
 * without changing the basis).  It may come back when priced again.
 * After DROP_ROUNDS rounds nothing is dropped, so the rounds end: W only
 * grows, by members violated for its own dual.  An eager dictionary (the
 * working LP dominates its rounds) drops after EAGER_AGE rounds beyond
 * EAGER_SIZE (m + K): more rounds, each cheaper.  Measured (vertex
 * dictionary, bench/gen.py seed 1, certified seconds, eager / not):
 * interp d = 2 n = 300 14.0 / 20.0, d = 3 n = 200 20.6 / 25.5, d = 4
 * n = 100 26.3 / 23.5 (pricing dominates there: not eager); planted l1
 * d = 2 n = 200 4.8 / 6.5, d = 3 n = 200 19.8 / 26.0.  With one column
 * a member (Members below) EAGER2_AGE rounds suit some eager dictionaries
 * better (train/vertex.c says which): age 3 / 2, interp d = 2 n = 300
 * 5.2 / 4.8, n = 500 28.9 / 24.7; planted l1 d = 2 n = 400 17.4 / 13.2,
 * d = 3 n = 300 28.1 / 17.8; hinge (beta 1/10) d = 2 n = 400 7.1 / 7.0,
 * d = 3 n = 200 3.9 / 3.8; but interp d = 3 n = 200 5.8 / 5.7, n = 300
 * 23.3 / 24.2, n = 350 36 / 40 (76 / 121 rounds: pricing weighs more).
 *
 * Nothing is dropped in a round whose working LP the engine solved no
 * better than the last round's (a stall: a degenerate working LP, the
 * engine's dual moving between optimal duals of equal value).  Dropping
 * there lets W cycle: measured on planted l1 d = 2 n = 400 (bench/gen.py
 * seed 1), W stayed near 1,340 members for 300 rounds while the same
 * 416 violated atoms came back each round, until DROP_ROUNDS ended the
 * dropping (314 rounds, 85 s); not dropping on a stall: 49 rounds, 40 s.
 * The interpolation bench instances never stall (unchanged).
 */
#define DROP_AGE 5
#define DROP_SIZE 2
#define EAGER_AGE 3
#define EAGER2_AGE 2
#define EAGER_SIZE 1
#define DROP_ROUNDS 300

/* The working LP with no column: min 0 s.t. 0 = b.  Its certified answer
 * (y = b is a Farkas vector unless b = 0, where x = (), y = 0 is optimal). */
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
    S->certified_by = WC_CERT_EMPTY_LP;
    S->verified = 1;
}

/* How a dual is to be priced. */
enum { GUIDE_NONE = 0, GUIDE_OPTIMAL = 1, GUIDE_FARKAS = 2, GUIDE_ELASTIC = 3 };

/* The engine's dual yd of P's phase-1 LP, from warm (or NULL), into
 * basis (a basis of P too: P's artificial of row i is the phase-1 LP's
 * slack of row i, and so is the latter's own artificial).  RETURNS 1 if P
 * looks infeasible (b^T yd > 0, the phase-1 value), 0 if it looks
 * feasible, -1 if the engine gave no optimum. */
static int
phase_one_guide(double * yd, slong * basis, const wc_lp_t P, int engine, const slong * warm,
                const wc_rowmap_struct * rows)
{
    slong m = P->m, i;
    slong * qbasis = flint_malloc((m + 1) * sizeof(slong));
    int gstatus = GLPK_OTHER, result = -1;
    double value = 0, scale = 0;
    wc_error_t gerr;
    wc_lp_t Q;

    wc_lp_phase_one(Q, P);
    if (wc_lp_candidate(engine, qbasis, yd, &gstatus, Q, warm, rows, gerr) == WC_OK
        && gstatus == GLPK_OPTIMAL)
    {
        for (i = 0; i < m; i++)
        {
            double bi = fmpz_get_d(P->b + i);
            basis[i] = qbasis[i] < Q->N ? qbasis[i] : qbasis[i] - m;
            value += bi * yd[i];
            scale += fabs(bi * yd[i]);
        }
        result = value > 1e-9 * scale;
    }
    wc_lp_clear(Q);
    flint_free(qbasis);
    return result;
}

/*
 * The engine's dual of the working LP P as a guide for pricing:
 * GUIDE_OPTIMAL with basis (of P) when the engine finds P optimal; when P
 * is infeasible, GUIDE_FARKAS with the dual of P's phase-1 LP (members
 * with A_u^T y > 0 can reduce the infeasibility), or with elastic
 * GUIDE_ELASTIC with the dual of the guide LP over W; GUIDE_NONE
 * otherwise.  A warm basis with an artificial in it (the last round's
 * phase-1 basis, say) goes to the phase-1 LP first, and on to P from
 * there when P looks feasible.  *warm (in: basis holds one): 1 if basis
 * is a basis of P to start the next round from.  Only a guide: the last
 * round always prices a certified dual.
 */
static int
candidate_dual(fmpq * y, slong * basis, int * warm, const wc_lp_t P, int method,
               int engine, const wc_colgen_t C, const wc_colgen_dict_struct * V, int elastic)
{
    slong m = P->m, i;
    double * yd = flint_malloc((m + 1) * sizeof(double));
    int gstatus = GLPK_OTHER, guide = GUIDE_NONE, have_warm = *warm, artificial = 0;
    wc_error_t gerr;
    wc_lp_t Q;

    for (i = 0; have_warm && i < m; i++)
        artificial |= basis[i] >= P->N;
    *warm = 0;
    if (P->N == 0 || method == WC_METHOD_PIVOTS)
        ;
    else if (artificial && !elastic && phase_one_guide(yd, basis, P, engine, basis, V->rows) == 1)
        guide = GUIDE_FARKAS;
    else if (wc_lp_candidate(engine, basis, yd, &gstatus, P, have_warm ? basis : NULL,
                             V->rows, gerr) == WC_OK)
    {
        if (gstatus == GLPK_OPTIMAL)
            guide = GUIDE_OPTIMAL;
        else if (gstatus == GLPK_INFEASIBLE && !elastic)
            guide = phase_one_guide(yd, basis, P, engine, NULL, V->rows) == 1 ? GUIDE_FARKAS
                                                                               : GUIDE_NONE;
        else if (gstatus == GLPK_INFEASIBLE)
        {
            slong * qbasis = flint_malloc((m + 1) * sizeof(slong));
            wc_colgen_working_lp(Q, C, V, 1, 1);
            if (wc_lp_candidate(engine, qbasis, yd, &gstatus, Q, NULL, NULL, gerr) == WC_OK
                && gstatus == GLPK_OPTIMAL)
                guide = GUIDE_ELASTIC;
            wc_lp_clear(Q);
            flint_free(qbasis);
        }
    }
    *warm = guide == GUIDE_OPTIMAL || guide == GUIDE_FARKAS;
    if (guide != GUIDE_NONE && !wc_qvec_set_d(y, yd, m))
        guide = GUIDE_NONE;
    flint_free(yd);
    return guide;
}

static int
key_cmp(const void * a, const void * b)
{
    ulong x = *(const ulong *) a, y = *(const ulong *) b;

    return (x > y) - (x < y);
}

/* The state of the rounds. */
typedef struct {
    slong m, K;
    int engine;             /* WC_ENGINE_*: where candidates come from */
    slong * warm;           /* the engine's or the last certified basis */
    slong warm_N, warm_L;   /* the working LP that warm is a basis of */
    int have_warm;
    slong * age;            /* rounds each member has been nonbasic */
    ulong * sorted;         /* the keys of W, sorted */
    ulong * found;          /* the keys a pricing returns */
    ulong * fresh;          /* the new members among them (2 K at most) */
    fmpz * fcols;           /* their columns and costs (m + 1 each) */
    fmpz * Y;               /* y on a common denominator (its signs) */
    fmpq * y;
    double value;           /* the engine's optimum of the last round ... */
    int stalled;            /* ... and whether this round's was not lower */
    slong * cmp;            /* 2 m: the engine's basis before and after */
    slong nfound;           /* how many keys the last pricing returned */
} rounds_state;

/*
 * Whether the engine ended the round in the basis it started from (cmp:
 * before, after).  Its dual is then the last round's up to rounding; if
 * that round's pricing returned fewer than K keys, all are in W and the
 * engine took none: a guide priced again finds only ties of a degenerate
 * optimum, a few each round, so the round is certified at once.  Planted
 * l1 d = 2 n = 1000: 42 -> 34 rounds (rounds 34-42 took 0 Clp iterations
 * and added 1-47 atoms each); d = 3 n = 400: 134 -> 124 rounds, 60 -> 47 s.
 */
static int
kept_basis(rounds_state * st)
{
    slong m = st->m, i;

    memcpy(st->cmp + m, st->warm, m * sizeof(slong));
    qsort(st->cmp, m, sizeof(slong), key_cmp);      /* indices >= 0 */
    qsort(st->cmp + m, m, sizeof(slong), key_cmp);
    for (i = 0; i < m && st->cmp[i] == st->cmp[m + i]; i++)
        ;
    return i == m;
}

/* Certifies the working LP Q into S (the engine's basis checked exactly,
 * repaired or refined, else the whole route of wc_lp_solve_simplex) and
 * keeps its basis warm. */
static int
certify_working(wc_lp_solution_t S, const wc_lp_t Q, rounds_state * st, int method,
                wc_progress_fn progress, void * ctx, wc_error_t err)
{
    int status = WC_OK;

    wc_lp_solution_clear(S);
    wc_lp_solution_init(S, Q->m, Q->N);
    if (Q->N == 0)
        solve_empty(S, Q);
    else if (!(st->have_warm && wc_lp_certify_warm(S, Q, st->warm, st->engine)))
        status = wc_lp_solve_simplex(S, Q, method, progress, ctx, err);
    if (status == WC_OK && S->status == WC_LP_OPTIMAL && S->basis[0] >= 0)
    {
        memcpy(st->warm, S->basis, st->m * sizeof(slong));
        st->have_warm = 1;      /* the next round starts here */
    }
    return status;
}

/* Whether the engine's optimum of the working LP Q (its dual st->y,
 * guide GUIDE_OPTIMAL) is no lower than the last round's; keeps it for
 * the next round (a non-optimal guide forgets it).  Doubles: this only
 * decides whether members are dropped. */
static int
guide_stalled(rounds_state * st, const wc_lp_t Q, int guide)
{
    double value = 0, last = st->value;
    slong i;

    if (guide != GUIDE_OPTIMAL)
    {
        st->value = HUGE_VAL;
        return 0;
    }
    for (i = 0; i < st->m; i++)
        value += fmpz_get_d(Q->b + i) * fmpq_get_d(st->y + i);
    st->value = value;
    return last != HUGE_VAL && value >= last - 1e-12 * fabs(last);
}

/* The keys st->found[0..len) a pricing of st->y returned, as the members
 * st->fresh with their columns st->fcols, less those W (st->sorted, L
 * members) holds already: a rounding error of the engine's dual.  RETURNS
 * how many.  A width-2 key joins with the sign of a^T y, exactly, or with
 * both (both: y is a Farkas vector or a guide's: the working LP is
 * infeasible, and a column with both signs makes b in its span enough).
 * The exact dual's violated sign is never in W (W's columns price within
 * their costs), so a round that finds keys finds new members. */
static slong
new_members(rounds_state * st, const wc_colgen_dict_struct * V, slong L, slong len,
            int both)
{
    slong m = st->m, i, j = 0, s;
    int sign = V->width == 2 && !both, signs = V->width == 2 && both ? 2 : 1;
    fmpz_t dot;

    fmpz_init(dot);
    if (sign)
        _fmpq_vec_get_fmpz_vec_fmpz(st->Y, dot, st->y, m);
    for (i = 0; i < len; i++)
    {
        fmpz * a = st->fcols + j * (m + 1);
        ulong member = st->found[i], x[2];
        slong k = 0;

        /* the members the key would add, less those in W (once the sign
           is known: the column comes first then) */
        if (!sign)
            for (s = 0; s < signs; s++)
            {
                x[k] = signs == 2 ? 2 * member + s : member;
                k += bsearch(x + k, st->sorted, L, sizeof(ulong), key_cmp) == NULL;
            }
        if (!sign && k == 0)
            continue;
        V->column(a, a + m, member, 0, V->ctx);
        if (sign)
        {
            _fmpz_vec_dot(dot, a, st->Y, m);
            x[0] = 2 * member + (fmpz_sgn(dot) < 0);
            if (bsearch(x, st->sorted, L, sizeof(ulong), key_cmp) != NULL)
                continue;
            if (x[0] & 1)
                _fmpz_vec_neg(a, a, m);
            k = 1;
        }
        for (s = 0; s < k; s++)
        {
            fmpz * col = st->fcols + j * (m + 1);

            if (col != a)
                _fmpz_vec_set(col, a, m + 1);
            if (signs == 2 && (x[s] & 1))
                _fmpz_vec_neg(col, col, m);         /* -a */
            st->fresh[j++] = x[s];
        }
    }
    fmpz_clear(dot);
    return j;
}

/* One round's pricing: the engine's dual first, the certified dual once
 * that prices clean; keys already in W (a rounding error of that dual) are
 * not new.  Returns how many joined st->fresh, or -1 on an error. */
static slong
price_round(wc_colgen_t C, wc_lp_t Q, wc_lp_solution_t S, rounds_state * st,
            const wc_colgen_dict_struct * V, int method,
            wc_progress_fn progress, void * ctx, wc_error_t err)
{
    slong L = C->len, i, j, len = 0;
    int guide, certified, test, had_warm = st->have_warm;

    if (L > 0)
    {
        memcpy(st->sorted, C->keys, L * sizeof(ulong));
        qsort(st->sorted, L, sizeof(ulong), key_cmp);
    }
    if (had_warm)
        memcpy(st->cmp, st->warm, st->m * sizeof(slong));
    guide = candidate_dual(st->y, st->warm, &st->have_warm, Q, method, st->engine, C, V,
                           V->guide != NULL && C->rounds > ELASTIC_AFTER);
    certified = guide == GUIDE_NONE
                || (guide == GUIDE_OPTIMAL && had_warm && st->nfound < st->K && kept_basis(st));
    st->stalled = guide_stalled(st, Q, guide);
    if (st->have_warm)
    {
        for (j = 0; j < L; j++)
            st->age[j]++;
        for (i = 0; i < st->m; i++)
            if (st->warm[i] < L)
                st->age[st->warm[i]] = 0;
    }
    for ( ; certified < 2; certified++)
    {
        if (certified)
        {
            if (certify_working(S, Q, st, method, progress, ctx, err) != WC_OK)
                return -1;
            for (i = 0; i < st->m; i++)
                fmpq_set(st->y + i, S->y + i);
            test = S->status == WC_LP_INFEASIBLE ? WC_PRICE_FARKAS : WC_PRICE_COST;
        }
        else
            test = guide == GUIDE_FARKAS ? WC_PRICE_FARKAS
                 : guide == GUIDE_ELASTIC ? WC_PRICE_GUIDE : WC_PRICE_COST;
        len = st->nfound = V->price(st->found, st->K, st->y, test, !certified, V->ctx);
        len = new_members(st, V, L, len, test != WC_PRICE_COST || !V->eager);
        if (len > 0)
            break;
    }
    return len;
}

int
wc_colgen_solve(wc_colgen_t C, wc_lp_t Q, wc_lp_solution_t S,
                const wc_colgen_dict_struct * V, int method, int engine,
                wc_progress_fn progress, void * ctx, wc_error_t err)
{
    slong m = V->base->m, K = V->K, i, len;
    int status = WC_OK;
    rounds_state st;

    st.engine = engine;
    st.m = m;
    st.K = K;
    st.warm = flint_malloc((m + 1) * sizeof(slong));
    st.warm_N = st.warm_L = 0;
    st.have_warm = 0;
    st.age = NULL;
    st.sorted = NULL;
    st.found = flint_malloc((K + 1) * sizeof(ulong));
    st.nfound = K;
    st.cmp = flint_malloc((2 * m + 1) * sizeof(slong));
    st.fresh = flint_malloc((2 * K + 1) * sizeof(ulong));
    st.fcols = _fmpz_vec_init(2 * K * (m + 1));
    st.Y = _fmpz_vec_init(m);
    st.y = _fmpq_vec_init(m);
    st.value = HUGE_VAL;
    st.stalled = 0;
    wc_colgen_clear(C);

    for (C->rounds = 1; ; C->rounds++)
    {
        slong L = C->len;

        if (C->rounds > MAX_ROUNDS)
        {
            status = wc_error_set(err, WC_ERR_SOLVER,
                "internal error: column generation did not end in %d rounds", MAX_ROUNDS);
            break;
        }
        wc_lp_clear(Q);
        wc_colgen_working_lp(Q, C, V, 1, 0);
        if (progress != NULL)
            progress(ctx, "column generation round", C->rounds, 0);
        st.sorted = flint_realloc(st.sorted, (L + 1) * sizeof(ulong));
        st.age = flint_realloc(st.age, (L + 2 * K + 1) * sizeof(slong));

        /* the last basis, renumbered: the members of W keep their columns,
           the base LP's columns and the artificials after them move up */
        for (i = 0; st.have_warm && i < m; i++)
            st.warm[i] += st.warm[i] >= st.warm_N ? Q->N - st.warm_N
                        : st.warm[i] >= st.warm_L ? L - st.warm_L : 0;
        st.warm_N = Q->N;
        st.warm_L = L;

        len = price_round(C, Q, S, &st, V, method, progress, ctx, err);
        if (len < 0)
        {
            status = err->code;
            break;
        }
        if (progress != NULL)
        {
            progress(ctx, "working set", C->len, 0);
            progress(ctx, "violated", len, 0);
        }
        if (len == 0)
            break;          /* nothing violated: certified over the whole dictionary */
        if (st.have_warm && !st.stalled && C->rounds <= DROP_ROUNDS
            && L > (V->eager ? EAGER_SIZE : DROP_SIZE * V->width) * (m + K))
            wc_colgen_drop(C, st.age, st.warm, &st.warm_N, &st.warm_L, m,
                     V->eager == 2 ? EAGER2_AGE : V->eager ? EAGER_AGE : DROP_AGE);
        for (i = 0; i < len; i++)
        {
            st.age[C->len] = 0;
            wc_colgen_join(C, st.fresh[i], st.fcols + i * (m + 1), m);
        }
    }
    if (V->width == 2)
        wc_colgen_widen(C, Q, S, V, status == WC_OK);
    flint_free(st.warm);
    flint_free(st.age);
    flint_free(st.sorted);
    flint_free(st.found);
    flint_free(st.cmp);
    flint_free(st.fresh);
    _fmpz_vec_clear(st.fcols, 2 * K * (m + 1));
    _fmpz_vec_clear(st.Y, m);
    _fmpq_vec_clear(st.y, m);
    return status;
}
