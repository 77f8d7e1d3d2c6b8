/*
 * lp.c -- integer standard-form LPs and their exact certificates.
 *
 * The solve is: GLPK proposes a basis (doubles), FLINT recomputes the
 * basic primal and dual solutions exactly and checks the certificate
 * (A x = b, x >= 0, A^T y <= c, c^T x = b^T y).  A basis that fails is
 * repaired -- a few exact pivots, the float simplex again on the exact
 * reduced costs (dual refinement), glp_exact when GLPK can see the true
 * data, then our own exact pivots -- and checked again.  Nothing
 * unverified leaves this file.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "lp/lp.h"

/* A float basis that fails its exact check is repaired by exact pivots
 * (FLINT solves) first: at most REPAIR_PIVOTS of them, then by the dual
 * refinement below, then by GLPK's exact simplex when every entry has at
 * most GLP_EXACT_BITS bits; with larger entries glp_exact's rational
 * arithmetic is the slow route (l1 loss, d = 3, 150 samples, 43-bit
 * entries: 60 s, where ten exact pivots took 1 s; 200 samples: over
 * 270 s, the repair 8 s), and exact pivots go on to the optimum. */
#define REPAIR_PIVOTS 24
#define GLP_EXACT_BITS 32

void
wc_lp_init(wc_lp_t P, slong m, slong N)
{
    P->m = m;
    P->N = N;
    fmpz_mat_init(P->A, m, N);
    P->b = _fmpz_vec_init(m);
    P->c = _fmpz_vec_init(N);
}

void
wc_lp_clear(wc_lp_t P)
{
    fmpz_mat_clear(P->A);
    _fmpz_vec_clear(P->b, P->m);
    _fmpz_vec_clear(P->c, P->N);
}

/* The most bits of an entry of A, b or c. */
static flint_bitcnt_t
max_bits(const wc_lp_t P)
{
    flint_bitcnt_t bits = 0;
    slong i, j;

    for (i = 0; i < P->m; i++)
    {
        bits = FLINT_MAX(bits, fmpz_bits(P->b + i));
        for (j = 0; j < P->N; j++)
            bits = FLINT_MAX(bits, fmpz_bits(fmpz_mat_entry(P->A, i, j)));
    }
    for (j = 0; j < P->N; j++)
        bits = FLINT_MAX(bits, fmpz_bits(P->c + j));
    return bits;
}

int
wc_lp_fits_53_bits(const wc_lp_t P)
{
    return max_bits(P) <= 53;
}

/* ------------------------------------------------------------ certificates */

/* out_j = (A^T Y)_j over integers, for Y integral (m entries). */
static void
transpose_times(fmpz_t out, const wc_lp_t P, slong j, const fmpz * Y)
{
    slong i;

    fmpz_zero(out);
    for (i = 0; i < P->m; i++)
        fmpz_addmul(out, fmpz_mat_entry(P->A, i, j), Y + i);
}

int
wc_lp_check_optimal(const wc_lp_t P, const fmpq * x, const fmpq * y,
                    char * why, size_t size)
{
    slong i, j, m = P->m, N = P->N;
    fmpz * X = _fmpz_vec_init(N + 1);
    fmpz * Y = _fmpz_vec_init(m + 1);
    fmpz_t dx, dy, s, t;
    int ok = 0;

    fmpz_init(dx); fmpz_init(dy); fmpz_init(s); fmpz_init(t);
    _fmpq_vec_get_fmpz_vec_fmpz(X, dx, x, N);     /* x = X / dx */
    _fmpq_vec_get_fmpz_vec_fmpz(Y, dy, y, m);     /* y = Y / dy */

    for (j = 0; j < N; j++)
        if (fmpz_sgn(X + j) < 0)
        {
            snprintf(why, size, "primal infeasible: x%ld < 0", j + 1);
            goto done;
        }
    for (i = 0; i < m; i++)
    {
        fmpz_zero(s);
        for (j = 0; j < N; j++)
            if (!fmpz_is_zero(X + j))
                fmpz_addmul(s, fmpz_mat_entry(P->A, i, j), X + j);
        fmpz_mul(t, P->b + i, dx);
        if (!fmpz_equal(s, t))
        {
            snprintf(why, size, "primal infeasible: row %ld of A x = b fails", i + 1);
            goto done;
        }
    }
    for (j = 0; j < N; j++)
    {
        transpose_times(s, P, j, Y);
        fmpz_mul(t, P->c + j, dy);
        if (fmpz_cmp(s, t) > 0)
        {
            snprintf(why, size, "dual infeasible: column %ld has A^T y > c", j + 1);
            goto done;
        }
    }
    /* c^T x dy = b^T y dx, both sides integers */
    fmpz_zero(s);
    for (j = 0; j < N; j++)
        fmpz_addmul(s, P->c + j, X + j);
    fmpz_mul(s, s, dy);
    fmpz_zero(t);
    for (i = 0; i < m; i++)
        fmpz_addmul(t, P->b + i, Y + i);
    fmpz_mul(t, t, dx);
    if (!fmpz_equal(s, t))
    {
        snprintf(why, size, "objectives differ: c^T x != b^T y");
        goto done;
    }
    ok = 1;
done:
    fmpz_clear(dx); fmpz_clear(dy); fmpz_clear(s); fmpz_clear(t);
    _fmpz_vec_clear(X, N + 1);
    _fmpz_vec_clear(Y, m + 1);
    return ok;
}

int
wc_lp_check_farkas(const wc_lp_t P, const fmpq * y, char * why, size_t size)
{
    slong i, j, m = P->m;
    fmpz * Y = _fmpz_vec_init(m + 1);
    fmpz_t dy, s;
    int ok = 0;

    fmpz_init(dy); fmpz_init(s);
    _fmpq_vec_get_fmpz_vec_fmpz(Y, dy, y, m);
    for (j = 0; j < P->N; j++)
    {
        transpose_times(s, P, j, Y);
        if (fmpz_sgn(s) > 0)
        {
            snprintf(why, size, "not a Farkas vector: column %ld has A^T y > 0", j + 1);
            goto done;
        }
    }
    fmpz_zero(s);
    for (i = 0; i < m; i++)
        fmpz_addmul(s, P->b + i, Y + i);
    if (fmpz_sgn(s) <= 0)
    {
        snprintf(why, size, "not a Farkas vector: b^T y <= 0");
        goto done;
    }
    ok = 1;
done:
    fmpz_clear(dy); fmpz_clear(s);
    _fmpz_vec_clear(Y, m + 1);
    return ok;
}

/* -------------------------------------------------------------- solutions */

void
wc_lp_solution_init(wc_lp_solution_t S, slong m, slong N)
{
    S->status = WC_LP_OPTIMAL;
    S->certified_by = WC_CERT_GLPK_SIMPLEX;
    S->verified = 0;
    S->m = m;
    S->N = N;
    S->x = _fmpq_vec_init(N + 1);
    S->y = _fmpq_vec_init(m + 1);
    fmpq_init(S->value);
    S->basis = flint_malloc((m + 1) * sizeof(slong));
    for (N = 0; N < m; N++)
        S->basis[N] = -1;
}

void
wc_lp_solution_clear(wc_lp_solution_t S)
{
    _fmpq_vec_clear(S->x, S->N + 1);
    _fmpq_vec_clear(S->y, S->m + 1);
    fmpq_clear(S->value);
    flint_free(S->basis);
}

/* r = sum_i a_i x_i. */
static void
dot_fmpz_fmpq(fmpq_t r, const fmpz * a, const fmpq * x, slong len)
{
    fmpq_t s, t;
    slong i;

    fmpq_init(s);
    fmpq_init(t);
    for (i = 0; i < len; i++)
        if (!fmpq_is_zero(x + i))
        {
            fmpq_mul_fmpz(t, x + i, a + i);
            fmpq_add(s, s, t);
        }
    fmpq_swap(r, s);
    fmpq_clear(s);
    fmpq_clear(t);
}

/* Keeps S's x and y, the exact basic solution of basis, if they are a
 * certificate of optimality. */
static int
certify_solved(wc_lp_solution_t S, const wc_lp_t P, const slong * basis, int how)
{
    char why[128];

    if (!wc_lp_check_optimal(P, S->x, S->y, why, sizeof(why)))
        return 0;
    dot_fmpz_fmpq(S->value, P->c, S->x, P->N);
    S->status = WC_LP_OPTIMAL;
    S->certified_by = how;
    S->verified = 1;
    memcpy(S->basis, basis, P->m * sizeof(slong));
    return 1;
}

/* The same with S's x and y recomputed for basis first. */
static int
certify_basis(wc_lp_solution_t S, const wc_lp_t P, const slong * basis, int how)
{
    return wc_basis_solution(S->x, S->y, P, basis) == 0 && certify_solved(S, P, basis, how);
}

/* Exact pivots from a float basis that failed its check, at most
 * max_pivots of them (each is three exact solves of the basis), kept if
 * they end in a checked optimum; basis is left as it was.  A float simplex
 * that stops on a reduced cost it rounded to the wrong sign is usually a
 * few pivots from the exact optimum. */
static int
repair(wc_lp_solution_t S, const wc_lp_t P, const slong * basis, slong max_pivots,
       wc_progress_fn progress, void * ctx)
{
    slong * b = flint_malloc((P->m + 1) * sizeof(slong));
    int ok;

    if (progress) progress(ctx, "exact repair of the basis", 0, 0);
    memcpy(b, basis, P->m * sizeof(slong));
    ok = wc_exact_repair(b, P, max_pivots)
         && certify_basis(S, P, b, WC_CERT_EXACT_PIVOTS);
    flint_free(b);
    return ok;
}

/*
 * Dual refinement.  b is primal feasible (exactly), but some exact reduced
 * costs d = c - A^T y of its basis are negative, too small for the float
 * engine to see: it takes column j scaled by 2^-e_j (e_j the bits of its
 * largest entry, scale.c) and its tolerance is about 1e-7 of the largest
 * scaled cost.  The LP min d^T x s.t. A x = b, x >= 0 has the same feasible
 * set and objective c^T x - b^T y, so the same optimal bases.  Scaled by
 * one power of two so that the most negative d_j 2^-e_j is about
 * -2^REFINE_BITS, and without the columns whose scaled d_j is above
 * 2^REFINE_BITS (never basic in b, and far from entering), it shows the
 * engine exactly where b fails, and the engine pivots on from b.  Its
 * basis is checked on the whole LP, and the next round starts from it,
 * REFINE_ROUNDS times at most.  (Iterative refinement in the sense of exact
 * LP solvers such as SoPlex, on the dual side only.)  Measured: a planted
 * l1 instance (d = 2, n = 200, 32-bit entries) where the engine's basis
 * failed its check and neither 1,000 exact pivots nor 13 minutes of
 * glp_exact reached the optimum; with refinement the whole solve took 7 s.
 */
#define REFINE_ROUNDS 8
#define REFINE_BITS 20

/* Q := the refinement LP of b's basis (its columns keep[0..Q->N) of P);
 * solved: S's x and y are already b's basic solution.  RETURNS 0 if b is
 * singular or not primal feasible, or no reduced cost is negative. */
static int
refinement_lp(wc_lp_t Q, slong * keep, wc_lp_solution_t S, const wc_lp_t P, const slong * b,
              int solved)
{
    slong m = P->m, N = P->N, i, j, low = WORD_MIN, kept = 0;
    slong * e = flint_calloc(N + 1, sizeof(slong));
    fmpz * d = _fmpz_vec_init(N + 1);
    fmpz * Y = _fmpz_vec_init(m + 1);
    fmpz_t dy, t;
    int ok = 0;

    fmpz_init(dy); fmpz_init(t);
    if (!solved && wc_basis_solution(S->x, S->y, P, b) != 0)
        goto done;
    for (j = 0; j < N; j++)
        if (fmpq_sgn(S->x + j) < 0)
            goto done;
    _fmpq_vec_get_fmpz_vec_fmpz(Y, dy, S->y, m);
    for (j = 0; j < N; j++)
    {
        for (i = 0; i < m; i++)
            e[j] = FLINT_MAX(e[j], (slong) fmpz_bits(fmpz_mat_entry(P->A, i, j)));
        transpose_times(d + j, P, j, Y);
        fmpz_mul(t, P->c + j, dy);
        fmpz_sub(d + j, t, d + j);              /* d_j dy */
        if (fmpz_sgn(d + j) < 0)
            low = FLINT_MAX(low, (slong) fmpz_bits(d + j) - e[j]);
    }
    if (low == WORD_MIN)
        goto done;
    for (j = 0; j < N; j++)
    {
        slong shift = REFINE_BITS - low;

        if (shift >= 0)
            fmpz_mul_2exp(d + j, d + j, shift);
        else if (fmpz_sgn(d + j) < 0)
            fmpz_fdiv_q_2exp(d + j, d + j, -shift);     /* stays negative */
        else
            fmpz_cdiv_q_2exp(d + j, d + j, -shift);
        if (fmpz_sgn(d + j) <= 0 || (slong) fmpz_bits(d + j) <= REFINE_BITS + e[j])
            keep[kept++] = j;
    }
    wc_lp_init(Q, m, kept);
    for (j = 0; j < kept; j++)
    {
        for (i = 0; i < m; i++)
            fmpz_set(fmpz_mat_entry(Q->A, i, j), fmpz_mat_entry(P->A, i, keep[j]));
        fmpz_set(Q->c + j, d + keep[j]);
    }
    _fmpz_vec_set(Q->b, P->b, m);
    ok = 1;
done:
    fmpz_clear(dy); fmpz_clear(t);
    _fmpz_vec_clear(Y, m + 1);
    _fmpz_vec_clear(d, N + 1);
    flint_free(e);
    return ok;
}

/* solved: S's x and y are basis's basic solution (the failed check's). */
static int
refine(wc_lp_solution_t S, const wc_lp_t P, const slong * basis, int solved, int engine,
       wc_progress_fn progress, void * ctx)
{
    slong m = P->m, N = P->N, round, i, j;
    slong * b = flint_malloc((m + 1) * sizeof(slong));
    slong * next = flint_malloc((m + 1) * sizeof(slong));
    slong * warm = flint_malloc((m + 1) * sizeof(slong));
    slong * keep = flint_malloc((N + 1) * sizeof(slong));
    slong * pos = flint_malloc((N + 1) * sizeof(slong));
    int ok = 0, status, proposed;
    wc_error_t err;
    wc_lp_t Q;

    if (progress) progress(ctx, "refinement of the basis", 0, 0);
    memcpy(b, basis, m * sizeof(slong));
    for (round = 0; round < REFINE_ROUNDS && !ok; round++)
    {
        if (!refinement_lp(Q, keep, S, P, b, solved))
            break;
        for (j = 0; j < N; j++)
            pos[j] = -1;
        for (j = 0; j < Q->N; j++)
            pos[keep[j]] = j;
        for (i = 0; i < m; i++)         /* b's columns are all kept (d = 0) */
            warm[i] = b[i] < N ? pos[b[i]] : Q->N + b[i] - N;
        proposed = wc_lp_candidate(engine, next, NULL, &status, Q, warm, NULL, err) == WC_OK
                   && status == GLPK_OPTIMAL;
        if (proposed)
        {
            for (i = 0; i < m; i++)
                b[i] = next[i] < Q->N ? keep[next[i]] : N + next[i] - Q->N;
            solved = wc_basis_solution(S->x, S->y, P, b) == 0;
            ok = solved && certify_solved(S, P, b, WC_CERT_GLPK_SIMPLEX);
        }
        wc_lp_clear(Q);
        if (!proposed)
            break;
    }
    flint_free(b);
    flint_free(next);
    flint_free(warm);
    flint_free(keep);
    flint_free(pos);
    return ok;
}

int
wc_lp_certify_warm(wc_lp_solution_t S, const wc_lp_t P, const slong * basis, int engine)
{
    int solved = wc_basis_solution(S->x, S->y, P, basis) == 0;

    return (solved && certify_solved(S, P, basis, WC_CERT_GLPK_SIMPLEX))
           || refine(S, P, basis, solved, engine, NULL, NULL)
           || repair(S, P, basis, REPAIR_PIVOTS, NULL, NULL);
}

/* Keeps y if it is a checked Farkas vector. */
int
wc_lp_certify_farkas(wc_lp_solution_t S, const wc_lp_t P, const fmpq * y, int how)
{
    char why[128];
    slong i;

    if (!wc_lp_check_farkas(P, y, why, sizeof(why)))
        return 0;
    for (i = 0; i < P->m; i++)
        fmpq_set(S->y + i, y + i);
    for (i = 0; i < P->N; i++)
        fmpq_zero(S->x + i);
    dot_fmpz_fmpq(S->value, P->b, y, P->m);
    S->status = WC_LP_INFEASIBLE;
    S->certified_by = how;
    S->verified = 1;
    return 1;
}

/* Keeps (x, y) if it is an optimality certificate of P, swapping x and y
 * into S; the one place a solution mapped back from a smaller LP (presolve,
 * column generation) is stored. */
int
wc_lp_store_optimal(wc_lp_solution_t S, const wc_lp_t P, fmpq * x, fmpq * y, int how,
              char * why, size_t size)
{
    slong i;

    if (!wc_lp_check_optimal(P, x, y, why, size))
        return 0;
    for (i = 0; i < P->N; i++)
        fmpq_swap(S->x + i, x + i);
    for (i = 0; i < P->m; i++)
        fmpq_swap(S->y + i, y + i);
    dot_fmpz_fmpq(S->value, P->c, S->x, P->N);
    S->status = WC_LP_OPTIMAL;
    S->certified_by = how;
    S->verified = 1;
    return 1;
}

/* The phase-1 LP of P: minimise 1^T s s.t. A x + diag(sgn) s = b, x, s >= 0.
 * Always feasible and bounded; a dual optimum with value > 0 is a Farkas
 * vector of P. */
void
wc_lp_phase_one(wc_lp_t Q, const wc_lp_t P)
{
    slong i, j;

    wc_lp_init(Q, P->m, P->N + P->m);
    for (i = 0; i < P->m; i++)
    {
        for (j = 0; j < P->N; j++)
            fmpz_set(fmpz_mat_entry(Q->A, i, j), fmpz_mat_entry(P->A, i, j));
        fmpz_set_si(fmpz_mat_entry(Q->A, i, P->N + i), fmpz_sgn(P->b + i) < 0 ? -1 : 1);
        fmpz_set(Q->b + i, P->b + i);
        fmpz_one(Q->c + P->N + i);
    }
}

/* The simplex variant on P as it is.  warm: a basis known to be primal
 * feasible (or NULL), where the exact simplex starts when GLPK gives no
 * usable basis.  phase_one: P is a phase-1 LP, always feasible, so a GLPK
 * verdict of infeasibility is wrong and must not lead to another phase-1
 * LP. */
static int
solve_core(wc_lp_solution_t S, const wc_lp_t P, int method, int phase_one,
           const slong * warm, wc_progress_fn progress, void * ctx, wc_error_t err)
{
    slong m = P->m;
    slong * basis = flint_malloc((m + 1) * sizeof(slong));
    int gstatus = GLPK_OTHER, have_basis = 0, status = WC_OK, xstatus;
    flint_bitcnt_t bits = max_bits(P);
    int fits = (bits <= 53);
    fmpq * farkas;

    S->verified = 0;
    if (method != WC_METHOD_PIVOTS)
    {
        int exact = (method == WC_METHOD_GLPK_EXACT && fits);
        wc_error_t gerr;

        if (progress) progress(ctx, exact ? "glpk simplex + glp_exact" : "glpk simplex", 0, 0);
        if (wc_glpk_basis(basis, &gstatus, P, exact, warm, gerr) == WC_OK)
        {
            have_basis = (gstatus == GLPK_OPTIMAL);
            if (progress) progress(ctx, "exact check of the basis", 0, 0);
            if (have_basis && certify_basis(S, P, basis,
                                            exact ? WC_CERT_GLPK_EXACT : WC_CERT_GLPK_SIMPLEX))
                goto done;
            if (have_basis && repair(S, P, basis, REPAIR_PIVOTS, progress, ctx))
                goto done;
            if (have_basis && !exact && refine(S, P, basis, 0, WC_ENGINE_GLPK, progress, ctx))
                goto done;
            if (have_basis && !exact && bits <= GLP_EXACT_BITS
                && wc_glpk_basis(basis, &gstatus, P, 1, warm, gerr) == WC_OK
                && gstatus == GLPK_OPTIMAL
                && certify_basis(S, P, basis, WC_CERT_GLPK_EXACT))
                goto done;
        }
        if (gstatus == GLPK_INFEASIBLE && !phase_one)
        {
            /* the dual of the phase-1 LP, certified the same way, is the
               Farkas vector */
            wc_lp_t Q;
            wc_lp_solution_t T;

            wc_lp_phase_one(Q, P);
            wc_lp_solution_init(T, Q->m, Q->N);
            if (solve_core(T, Q, method, 1, NULL, progress, ctx, gerr) == WC_OK
                && fmpq_sgn(T->value) > 0)
                wc_lp_certify_farkas(S, P, T->y, T->certified_by);
            wc_lp_solution_clear(T);
            wc_lp_clear(Q);
            if (S->verified)
                goto done;
        }
    }

    /* repair (or solve from scratch) with exact rational pivots */
    if (progress) progress(ctx, "exact simplex", 0, 0);
    farkas = _fmpq_vec_init(m + 1);
    if (wc_exact_simplex(basis, &xstatus, farkas, P, have_basis ? basis : warm,
                          progress, ctx, err) == WC_OK)
    {
        if (xstatus == WC_LP_OPTIMAL)
            certify_basis(S, P, basis, WC_CERT_EXACT_PIVOTS);
        else
            wc_lp_certify_farkas(S, P, farkas, WC_CERT_EXACT_PIVOTS);
        if (!S->verified)
            status = wc_error_set(err, WC_ERR_SOLVER,
                "internal error: the exact simplex result failed its own check");
    }
    else
        status = WC_ERR_SOLVER;
    _fmpq_vec_clear(farkas, m + 1);

done:
    flint_free(basis);
    return status;
}

/* --------------------------------------------------- the simplex variant */

int
wc_lp_simplex_core(wc_lp_solution_t S, const wc_lp_t P, int method,
                   wc_progress_fn progress, void * ctx, wc_error_t err)
{
    return solve_core(S, P, method, 0, NULL, progress, ctx, err);
}

/* Presolve (proportional rows and columns), then the variant on what is
 * left; the redundant rows and columns get dual and primal value 0, and
 * the result is checked on the whole LP. */
int
wc_lp_solve_presolved(wc_lp_solution_t S, const wc_lp_t P, int method, wc_lp_core_fn core,
                      wc_progress_fn progress, void * ctx, wc_error_t err)
{
    slong m = P->m, N = P->N, mk, nk, i, j;
    slong * keep = flint_malloc((m + 1) * sizeof(slong));
    slong * keepc = flint_malloc((N + 1) * sizeof(slong));
    fmpq * y = _fmpq_vec_init(m + 1);
    fmpq * x = _fmpq_vec_init(N + 1);
    int status = WC_OK;
    char why[128];
    wc_lp_t Q;
    wc_lp_solution_t T;

    S->verified = 0;
    if (wc_lp_presolve_rows(keep, &mk, y, P))
    {
        if (!wc_lp_certify_farkas(S, P, y, WC_CERT_PRESOLVE))
            status = wc_error_set(err, WC_ERR_SOLVER,
                "internal error: the Farkas vector of two proportional rows failed its check");
        goto done;
    }
    wc_lp_presolve_columns(keepc, &nk, P);
    if (mk == m && nk == N)
    {
        status = core(S, P, method, progress, ctx, err);
        goto done;
    }
    wc_lp_init(Q, mk, nk);
    for (i = 0; i < mk; i++)
    {
        for (j = 0; j < nk; j++)
            fmpz_set(fmpz_mat_entry(Q->A, i, j), fmpz_mat_entry(P->A, keep[i], keepc[j]));
        fmpz_set(Q->b + i, P->b + keep[i]);
    }
    for (j = 0; j < nk; j++)
        fmpz_set(Q->c + j, P->c + keepc[j]);
    wc_lp_solution_init(T, mk, nk);
    status = core(T, Q, method, progress, ctx, err);
    if (status == WC_OK)
    {
        for (i = 0; i < mk; i++)
            fmpq_set(y + keep[i], T->y + i);
        for (j = 0; j < nk; j++)
            fmpq_set(x + keepc[j], T->x + j);
        if (T->status == WC_LP_INFEASIBLE ? !wc_lp_certify_farkas(S, P, y, T->certified_by)
            : !wc_lp_store_optimal(S, P, x, y, T->certified_by, why, sizeof(why)))
            status = wc_error_set(err, WC_ERR_SOLVER,
                "internal error: the solution of the presolved LP failed its check");
    }
    wc_lp_solution_clear(T);
    wc_lp_clear(Q);
done:
    flint_free(keep);
    flint_free(keepc);
    _fmpq_vec_clear(y, m + 1);
    _fmpq_vec_clear(x, N + 1);
    return status;
}

int
wc_lp_solve_simplex(wc_lp_solution_t S, const wc_lp_t P, int method,
                    wc_progress_fn progress, void * ctx, wc_error_t err)
{
    return wc_lp_solve_presolved(S, P, method, wc_lp_simplex_core, progress, ctx, err);
}
