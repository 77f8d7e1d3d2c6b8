/*
 * clp_basis.c -- COIN-OR Clp as a second source of candidate bases (its
 * C interface), behind the same contract as glpk_basis.c: Clp sees the
 * power-of-two scaled doubles of lp/scale.c and returns a basis and a
 * dual, a guess that FLINT checks.  Built only where Clp is installed
 * (WC_HAVE_CLP, set by the Makefile from pkg-config).
 */
#include <math.h>
#include <string.h>
#include "lp/lp.h"

int
wc_lp_engine_available(int engine)
{
#ifdef WC_HAVE_CLP
    return engine == WC_ENGINE_AUTO || engine == WC_ENGINE_GLPK || engine == WC_ENGINE_CLP;
#else
    return engine == WC_ENGINE_AUTO || engine == WC_ENGINE_GLPK;
#endif
}

int
wc_lp_engine_pick(int engine)
{
    if (engine != WC_ENGINE_AUTO)
        return engine;
    return wc_lp_engine_available(WC_ENGINE_CLP) ? WC_ENGINE_CLP : WC_ENGINE_GLPK;
}

int
wc_lp_candidate(int engine, slong * basis, double * dual, int * status, const wc_lp_t P,
                const slong * warm, const wc_rowmap_struct * M, wc_error_t err)
{
    /* Clp failing (an abort caught) leaves the round to GLPK */
    if (wc_lp_engine_pick(engine) == WC_ENGINE_CLP
        && wc_clp_candidate(basis, dual, status, P, warm, M, err) == WC_OK)
        return WC_OK;
    return wc_glpk_candidate(basis, dual, status, P, 0, warm, err);
}

#ifdef WC_HAVE_CLP
#include <setjmp.h>
#include <signal.h>
#include <Clp_C_Interface.h>

/* Clp reports an impossible state by assert(), i.e. abort(): while Clp
 * runs, SIGABRT jumps back here and the round goes to GLPK (the model is
 * leaked, once). */
static sigjmp_buf clp_abort_env;

static void
clp_abort_handler(int sig)
{
    (void) sig;
    siglongjmp(clp_abort_env, 1);
}

/* Clp's status codes of a variable (ClpSimplex::Status). */
enum { CLP_BASIC = 1, CLP_AT_LOWER = 3 };

/* The N columns in (start, index, value), column-major with m rows, :=
 * D times them (new arrays, the old ones freed).  Clp's own scaling stays
 * off for such an LP unless D->engine_scales: a mapped column is a
 * difference, many entries far below its largest, and for interpolation
 * under Clp's geometric scaling its optimality test passed bases whose
 * reduced costs were down to -16 times the cost (measured: each such
 * basis costs a round of pricing and another solve, 244 rounds where 55
 * do).  With the slack columns of l1 and hinge Clp's scaling served
 * better (vertex.c has the measurements). */
static void
map_columns(CoinBigIndex ** start, int ** index, double ** value, slong m, slong N,
            const wc_rowmap_struct * D)
{
    CoinBigIndex * s = flint_malloc((N + 2) * sizeof(CoinBigIndex)), nz = 0, k;
    CoinBigIndex room = (*start)[N] + m + 1;
    int * t = flint_malloc(room * sizeof(int));
    double * u = flint_malloc(room * sizeof(double));
    double * v = flint_calloc(m + 1, sizeof(double));
    slong i, j;

    for (j = 0; j < N; j++)
    {
        if (nz + m > room)
        {
            room = 2 * room;
            t = flint_realloc(t, room * sizeof(int));
            u = flint_realloc(u, room * sizeof(double));
        }
        s[j] = nz;
        for (k = (*start)[j]; k < (*start)[j + 1]; k++)
            v[(*index)[k]] = (*value)[k];
        wc_rowmap_apply(v, D);
        for (i = 0; i < m; i++)
            if (v[i] != 0)
            {
                t[nz] = (int) i;
                u[nz++] = v[i];
                v[i] = 0;
            }
    }
    s[N] = nz;
    flint_free(v);
    flint_free(*start);
    flint_free(*index);
    flint_free(*value);
    *start = s;
    *index = t;
    *value = u;
}

/* Loads the scaled P, or D times it, into model (column-major, as Clp
 * takes it). */
static void
load(Clp_Simplex * model, const wc_lp_scaled_struct * T, const wc_lp_t P,
     const wc_rowmap_struct * D)
{
    slong m = P->m, N = P->N, j, k;
    CoinBigIndex * start = flint_calloc(N + 2, sizeof(CoinBigIndex));
    int * index = flint_malloc((T->nz + 1) * sizeof(int));
    double * value = flint_malloc((T->nz + 1) * sizeof(double));

    for (k = 0; k < T->nz; k++)
        start[T->col[k] + 1]++;
    for (j = 0; j < N; j++)
        start[j + 1] += start[j];
    for (k = 0; k < T->nz; k++)     /* start[j] runs ahead while filling */
    {
        CoinBigIndex at = start[T->col[k]]++;
        index[at] = T->row[k];
        value[at] = T->val[k];
    }
    for (j = N; j > 0; j--)
        start[j] = start[j - 1];
    start[0] = 0;
    if (D != NULL)
        map_columns(&start, &index, &value, m, N, D);
    Clp_loadProblem(model, (int) N, (int) m, start, index, value,
                    NULL, NULL, T->c, T->b, T->b);
    flint_free(start);
    flint_free(index);
    flint_free(value);
}

/* Scales x[0..len) by one power of two so that its largest entry is at
 * most 2^LARGE (Clp takes 1e30 for infinity, and asserts on large
 * bounds); RETURNS the exponent e applied (x := x 2^-e). */
#define LARGE 60
static slong
tame(double * x, slong len)
{
    double top = 0;
    slong i;
    int e;

    for (i = 0; i < len; i++)
        top = FLINT_MAX(top, fabs(x[i]));
    if (!(top > ldexp(1.0, LARGE)))
        return 0;
    frexp(top, &e);
    for (i = 0; i < len; i++)
        x[i] = ldexp(x[i], LARGE - e);
    return e - LARGE;
}

/*
 * A round's primal simplex from the warm basis can stall on a degenerate
 * working LP: with the l1 loss (most slack columns basic at zero) Clp's
 * primal took 9,000-22,000 iterations (9-22 m) in four rounds of planted
 * d = 2 n = 1000 (bench/gen.py seed 1, beta 1/10), 29 s of its 55 s, where
 * its dual simplex from the slack basis (dual feasible: the costs are
 * >= 0) took 660-1,400 iterations, 0.06-0.4 s.  Started afresh in every
 * round that dual jumps between the optimal duals of a degenerate working
 * LP, and the rounds stall (planted d = 2 n = 400 ran past 13 minutes
 * against 4 s); so the warm primal stays, and only a round past CAP_ROWS m
 * iterations goes to the dual simplex from the slack basis.  Measured
 * (certified seconds, one run each, warm primal / capped at 2 m): planted
 * d = 2 n = 400 4.0 / 4.0, n = 600 18.4 / 12.2 (seeds 2 and 3: 32.0 /
 * 18.2, 16.1 / 11.3), n = 1000 75.0 / 31.1; with the cap at 1 m n = 1000
 * stalled past 300 s, at 4 m it took 48.9 s.  Interpolation's rounds stay
 * near 1-2 m (d = 2 n = 700: the same 39 rounds at 2 m and 3 m; n = 1000:
 * three rounds reach 2 m, 49 rounds against 48, Clp's time the same).
 */
#define CAP_ROWS 2

int
wc_clp_candidate(slong * basis, double * dual, int * status, const wc_lp_t P,
                 const slong * warm, const wc_rowmap_struct * M, wc_error_t err)
{
    return wc_clp_candidate_capped(basis, dual, status, P, warm, M, CAP_ROWS * P->m, err);
}

int
wc_clp_candidate_capped(slong * basis, double * dual, int * status, const wc_lp_t P,
                        const slong * warm, const wc_rowmap_struct * M, slong cap,
                        wc_error_t err)
{
    slong m = P->m, N = P->N, i, j, nb = 0, ce;
    slong most = FLINT_MIN(10 * (m + N) + 1000, 100000000);     /* iterations */
    wc_lp_scaled_struct T;
    wc_rowmap_struct D;         /* M for the scaled rows */
    Clp_Simplex * model;
    struct sigaction on_abort, before;
    int st;

    *status = GLPK_OTHER;
    if (m == 0 || N == 0)
        return wc_error_set(err, WC_ERR_SOLVER, "empty LP: nothing for Clp to do");
    wc_lp_scale(&T, P, 0);
    if (M != NULL)
    {
        wc_rowmap_scale(&D, M, T.rexp);
        wc_rowmap_apply(T.b, &D);
    }
    memset(&on_abort, 0, sizeof(on_abort));
    on_abort.sa_handler = clp_abort_handler;
    sigemptyset(&on_abort.sa_mask);
    sigaction(SIGABRT, &on_abort, &before);
    if (sigsetjmp(clp_abort_env, 1))
    {
        sigaction(SIGABRT, &before, NULL);
        wc_lp_scaled_clear(&T);
        if (M != NULL)
            flint_free(D.l);
        return wc_error_set(err, WC_ERR_SOLVER, "Clp aborted (caught)");
    }
    tame(T.b, m);               /* scales x only: the basis and y stay */
    ce = tame(T.c, N);          /* scales y by 2^-ce */
    model = Clp_newModel();
    Clp_setLogLevel(model, 0);
    load(model, &T, P, M != NULL ? &D : NULL);
    if (M != NULL && !M->engine_scales)     /* the comment at map_columns says why */
        Clp_scaling(model, 0);
    Clp_setMaximumIterations(model, (int) most);
    if (warm != NULL)
    {
        /* columns, then rows: basic when listed (a row when its artificial is) */
        unsigned char * s = flint_malloc(N + m);
        memset(s, CLP_AT_LOWER, N + m);
        for (i = 0; i < m; i++)
            s[warm[i]] = CLP_BASIC;
        Clp_copyinStatus(model, s);
        Clp_setMaximumIterations(model, (int) FLINT_MIN(cap, most));
        Clp_primal(model, 0);
        if (Clp_status(model) == 3 && cap < most)       /* stopped at the cap */
        {
            memset(s, CLP_AT_LOWER, N);
            memset(s + N, CLP_BASIC, m);        /* the slack basis */
            Clp_copyinStatus(model, s);
            Clp_setMaximumIterations(model, (int) most);
            Clp_dual(model, 0);
        }
        flint_free(s);
    }
    else
        Clp_dual(model, 0);     /* (no presolve: a candidate needs none) */
    st = Clp_status(model);
    if (st == 0)
        *status = GLPK_OPTIMAL;
    else if (st == 1)
        *status = GLPK_INFEASIBLE;
    for (i = 0; i < m && nb < m; i++)
        if (Clp_getRowStatus(model, (int) i) == CLP_BASIC)
            basis[nb++] = N + i;
    for (j = 0; j < N && nb < m; j++)
        if (Clp_getColumnStatus(model, (int) j) == CLP_BASIC)
            basis[nb++] = j;
    if (nb != m)
        *status = GLPK_OTHER;
    if (dual != NULL)
    {
        const double * y = Clp_getRowPrice(model);
        for (i = 0; i < m; i++)
            dual[i] = ldexp(y[i], (int) (T.oexp + ce - T.rexp[i]));
        if (M != NULL)
            wc_rowmap_dual(dual, M, m);
    }
    Clp_deleteModel(model);
    sigaction(SIGABRT, &before, NULL);
    wc_lp_scaled_clear(&T);
    if (M != NULL)
        flint_free(D.l);
    return WC_OK;
}

#else

int
wc_clp_candidate_capped(slong * basis, double * dual, int * status, const wc_lp_t P,
                        const slong * warm, const wc_rowmap_struct * M, slong cap,
                        wc_error_t err)
{
    (void) basis; (void) dual; (void) P; (void) warm; (void) M; (void) cap;
    *status = GLPK_OTHER;
    return wc_error_set(err, WC_ERR_SOLVER, "wedgecert was built without COIN-OR Clp");
}

int
wc_clp_candidate(slong * basis, double * dual, int * status, const wc_lp_t P,
                 const slong * warm, const wc_rowmap_struct * M, wc_error_t err)
{
    return wc_clp_candidate_capped(basis, dual, status, P, warm, M, 0, err);
}

#endif
