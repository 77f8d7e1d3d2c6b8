/*
 * exact_simplex.c -- basic solutions in exact arithmetic, and the exact
 * rational simplex that repairs a basis GLPK got wrong.
 *
 * Revised simplex, recomputing B^{-1} by an exact FLINT solve at every
 * step (m is the number of samples: small), Dantzig's rule while the
 * objective improves and Bland's after 50 degenerate pivots, so it cannot
 * cycle.  It is the slow, sure path.
 */
#ifdef _OPENMP
#include <omp.h>
#endif
#include <flint/fmpq_vec.h>
#include "lp/lp.h"

/* Entry i of basic variable v's column: A_v's, or sgn_i e_i for an
 * artificial. */
static void
basis_entry(fmpz_t e, const wc_lp_t P, slong v, slong i)
{
    if (v < P->N)
        fmpz_set(e, fmpz_mat_entry(P->A, i, v));
    else
        fmpz_set_si(e, i != v - P->N ? 0 : fmpz_sgn(P->b + i) < 0 ? -1 : 1);
}

/* The m x m basis matrix of basis. */
static void
basis_matrix(fmpz_mat_t B, const wc_lp_t P, const slong * basis)
{
    slong m = P->m, r, i;

    for (i = 0; i < m; i++)
        for (r = 0; r < m; r++)
            basis_entry(fmpz_mat_entry(B, i, r), P, basis[r], i);
}

/* Solves B z = rhs (transpose: B^T z = rhs); 0 if B is singular. */
static int
solve(fmpq_mat_t z, const fmpz_mat_t B, const fmpz_mat_t rhs, int transpose)
{
    int ok;

    if (transpose)
    {
        fmpz_mat_t BT;
        fmpz_mat_init(BT, B->c, B->r);
        fmpz_mat_transpose(BT, B);
        ok = fmpq_mat_solve_fmpz_mat(z, BT, rhs);
        fmpz_mat_clear(BT);
    }
    else
        ok = fmpq_mat_solve_fmpz_mat(z, B, rhs);
    return ok;
}

/*
 * Solves B z = b and B^T w = c; 0 if B is singular.  From 25 rows on, by
 * Dixon's p-adic lifting (FLINT's), one inverse of B modulo a prime
 * serves both, (B^T)^-1 = (B^-1)^T mod p, and the two liftings run on two
 * OpenMP threads when there are two: a certification is these two
 * solves.  Below 25 rows, solve() each.  Measured on the final basis of
 * interp d = 2 n = 700 (bench/gen.py seed 1): 0.96 + 1.00 s as two
 * solves, 1.79 s from one inverse, 1.19 s with the liftings on two
 * threads.
 */
#define SHARED_INVERSE_MIN 25

static int
solve_both(fmpq_mat_t z, fmpq_mat_t w, const fmpz_mat_t B, const fmpz_mat_t b,
           const fmpz_mat_t c)
{
    slong m = B->r;
    fmpz_mat_t BT, X[2];
    fmpz_t N[2], D[2], mod[2];
    nmod_mat_t inv[2];
    mp_limb_t p;
    int ok = 1, k;

    if (m < SHARED_INVERSE_MIN)
        return solve(z, B, b, 0) && solve(w, B, c, 1);
    fmpz_mat_init(BT, m, m);
    fmpz_mat_transpose(BT, B);
    for (k = 0; k < 2; k++)
    {
        fmpz_mat_init(X[k], m, 1);
        fmpz_init(N[k]);
        fmpz_init(D[k]);
        fmpz_init(mod[k]);
        nmod_mat_init(inv[k], m, m, 1);
    }
    fmpz_mat_solve_bound(N[0], D[0], B, b);
    fmpz_mat_solve_bound(N[1], D[1], BT, c);
    p = fmpz_mat_find_good_prime_and_invert(inv[0], B, D[0]);
    if (p == 0)
        ok = 0;                 /* singular */
    else
    {
        _nmod_mat_set_mod(inv[1], p);
        nmod_mat_transpose(inv[1], inv[0]);
#ifdef _OPENMP
#pragma omp parallel for num_threads(2) schedule(static, 1) if (omp_get_max_threads() > 1)
#endif
        for (k = 0; k < 2; k++)
            _fmpz_mat_solve_dixon(X[k], mod[k], k ? BT : B, k ? c : b, inv[k], p, N[k], D[k]);
        ok = fmpq_mat_set_fmpz_mat_mod_fmpz(z, X[0], mod[0])
             && fmpq_mat_set_fmpz_mat_mod_fmpz(w, X[1], mod[1]);
    }
    for (k = 0; k < 2; k++)
    {
        fmpz_mat_clear(X[k]);
        fmpz_clear(N[k]);
        fmpz_clear(D[k]);
        fmpz_clear(mod[k]);
        nmod_mat_clear(inv[k]);
    }
    fmpz_mat_clear(BT);
    return ok;
}

/* Cost of variable v in phase 1 (artificials 1) or phase 2 (c, artificials 0). */
static void
cost(fmpz_t r, const wc_lp_t P, slong v, int phase)
{
    if (v >= P->N)
        fmpz_set_ui(r, phase == 1);
    else if (phase == 1)
        fmpz_zero(r);
    else
        fmpz_set(r, P->c + v);
}

/* The row of basic variable v's only nonzero entry, or -1 if it has
 * none or more than one. */
static slong
single_row(const wc_lp_t P, slong v)
{
    slong i, row = -1;

    if (v >= P->N)
        return v - P->N;
    for (i = 0; i < P->m; i++)
        if (!fmpz_is_zero(fmpz_mat_entry(P->A, i, v)))
        {
            if (row >= 0)
                return -1;
            row = i;
        }
    return row;
}

/* The entries z_0, ..., z_{len-1} (rows of fmpq_mat columns) as X / D. */
static void
over_common_den(fmpz * X, fmpz_t D, fmpq * const * z, slong len)
{
    slong r;
    fmpq * v = flint_malloc((len + 1) * sizeof(fmpq));

    for (r = 0; r < len; r++)
        v[r] = *z[r];           /* a shallow copy */
    _fmpq_vec_get_fmpz_vec_fmpz(X, D, v, len);
    flint_free(v);
}

/*
 * xB = B^{-1} b and y = B^{-T} c_B (y NULL: xB alone); 0 if B is
 * singular.  The basic columns with a single nonzero entry (loss slacks,
 * artificials), each in a row no other of them has, are eliminated
 * first.  With U those columns, R their rows, G the other k columns and
 * R' the other k rows, B[R', U] = 0, so B is singular exactly when
 * M = B[R', G] is, and (u in U, r its row)
 *     M x_G = b_R',           x_u = (b_r - B[r, G] x_G) / B[r, u],
 *     y_r = c_u / B[r, u],    M^T y_R' = c_G - B[R, G]^T y_R.
 * The exact solves are k x k: the optimal basis of planted l1 d = 2
 * n = 1000 (bench/gen.py seed 1, beta 1/10) has k = 277 of 1000.
 */
static int
basis_solve(fmpq_mat_t xB, fmpq_mat_t y, const wc_lp_t P, const slong * basis, int phase)
{
    slong m = P->m, k = 0, nU = 0, a, g, j, r;
    slong * at = flint_malloc((m + 1) * sizeof(slong));    /* u's row */
    slong * U = flint_malloc((m + 1) * sizeof(slong));     /* U's basis positions */
    slong * G = flint_malloc((m + 1) * sizeof(slong));     /* G's basis positions */
    slong * Rp = flint_malloc((m + 1) * sizeof(slong));    /* R' */
    char * taken = flint_calloc(m + 1, 1);
    fmpq ** q = flint_malloc((m + 1) * sizeof(fmpq *));
    fmpz * X = _fmpz_vec_init(m + 1);
    fmpz_t D, e, t;
    fmpz_mat_t M, rhs, crhs;
    fmpq_mat_t z, w;
    int ok;

    fmpz_init(D); fmpz_init(e); fmpz_init(t);
    for (r = 0; r < m; r++)
    {
        at[r] = single_row(P, basis[r]);
        if (at[r] >= 0 && !taken[at[r]])
        {
            taken[at[r]] = 1;
            U[nU++] = r;
        }
        else
            G[k++] = r;         /* a second multiple of e_i too: M singular */
    }
    for (r = 0, a = 0; r < m; r++)
        if (!taken[r])
            Rp[a++] = r;
    fmpz_mat_init(M, k, k);
    fmpz_mat_init(rhs, k, 1);
    fmpz_mat_init(crhs, k, 1);
    fmpq_mat_init(z, k, 1);
    fmpq_mat_init(w, k, 1);
    for (a = 0; a < k; a++)
    {
        for (g = 0; g < k; g++)
            basis_entry(fmpz_mat_entry(M, a, g), P, basis[G[g]], Rp[a]);
        fmpz_set(fmpz_mat_entry(rhs, a, 0), P->b + Rp[a]);
    }
    if (y != NULL)              /* y_R = X / D; crhs = D (c_G - B[R, G]^T y_R) */
    {
        for (j = 0; j < nU; j++)
        {
            r = U[j];
            cost(t, P, basis[r], phase);
            basis_entry(e, P, basis[r], at[r]);
            fmpq_set_fmpz_frac(fmpq_mat_entry(y, at[r], 0), t, e);
            q[j] = fmpq_mat_entry(y, at[r], 0);
        }
        over_common_den(X, D, q, nU);
        for (g = 0; g < k; g++)
        {
            fmpz * c = fmpz_mat_entry(crhs, g, 0);
            cost(t, P, basis[G[g]], phase);
            fmpz_mul(c, t, D);
            for (j = 0; j < nU; j++)
            {
                basis_entry(e, P, basis[G[g]], at[U[j]]);
                fmpz_submul(c, e, X + j);
            }
        }
    }
    ok = k == 0 || (y == NULL ? solve(z, M, rhs, 0) : solve_both(z, w, M, rhs, crhs));
    if (ok && y != NULL)
        for (a = 0; a < k; a++)
            fmpq_div_fmpz(fmpq_mat_entry(y, Rp[a], 0), fmpq_mat_entry(w, a, 0), D);
    if (ok)                     /* x_G = z = X / D; x_u = (D b_r - B[r, G] X) / (D B[r, u]) */
    {
        for (g = 0; g < k; g++)
        {
            fmpq_set(fmpq_mat_entry(xB, G[g], 0), fmpq_mat_entry(z, g, 0));
            q[g] = fmpq_mat_entry(z, g, 0);
        }
        over_common_den(X, D, q, k);
        for (j = 0; j < nU; j++)
        {
            r = U[j];
            fmpz_mul(t, D, P->b + at[r]);
            for (g = 0; g < k; g++)
            {
                basis_entry(e, P, basis[G[g]], at[r]);
                fmpz_submul(t, e, X + g);
            }
            basis_entry(e, P, basis[r], at[r]);
            fmpz_mul(e, e, D);
            fmpq_set_fmpz_frac(fmpq_mat_entry(xB, r, 0), t, e);
        }
    }
    fmpz_mat_clear(M); fmpz_mat_clear(rhs); fmpz_mat_clear(crhs);
    fmpq_mat_clear(z); fmpq_mat_clear(w);
    fmpz_clear(D); fmpz_clear(e); fmpz_clear(t);
    _fmpz_vec_clear(X, m + 1);
    flint_free(at); flint_free(U); flint_free(G); flint_free(Rp);
    flint_free(taken); flint_free(q);
    return ok;
}

int
wc_basis_solution(fmpq * x, fmpq * y, const wc_lp_t P, const slong * basis)
{
    slong m = P->m, r;
    fmpq_mat_t xB, yv;
    int status = 0;

    fmpq_mat_init(xB, m, 1);
    fmpq_mat_init(yv, m, 1);
    if (!basis_solve(xB, yv, P, basis, 2))
        status = 1;
    else
    {
        for (r = 0; r < P->N; r++)
            fmpq_zero(x + r);
        for (r = 0; r < m; r++)
        {
            if (basis[r] < P->N)
                fmpq_set(x + basis[r], fmpq_mat_entry(xB, r, 0));
            else if (!fmpq_is_zero(fmpq_mat_entry(xB, r, 0)))
                status = 2;
            fmpq_set(y + r, fmpq_mat_entry(yv, r, 0));
        }
    }
    fmpq_mat_clear(xB);
    fmpq_mat_clear(yv);
    return status;
}

/* Primal feasible for phase 2: x_B >= 0 and every basic artificial zero. */
static int
feasible_for_phase2(const fmpq_mat_t xB, const wc_lp_t P, const slong * basis)
{
    slong r;

    for (r = 0; r < P->m; r++)
    {
        const fmpq * v = fmpq_mat_entry(xB, r, 0);
        if (fmpq_sgn(v) < 0 || (basis[r] >= P->N && !fmpq_is_zero(v)))
            return 0;
    }
    return 1;
}

#define MAX_PIVOTS 1000000

/* One phase of the simplex from a basis that is feasible for it. */
/* Pivots between progress reports, and the run of degenerate pivots
 * after which Bland's rule takes over from Dantzig's. */
#define PROGRESS_EVERY 50
#define BLAND_AFTER 50

/* obj := c_B^T x_B for this phase's costs. */
static void
basic_objective(fmpq_t obj, const fmpq_mat_t xB, const wc_lp_t P, const slong * basis,
                int phase)
{
    slong r;
    fmpz_t cv;
    fmpq_t t;

    fmpz_init(cv);
    fmpq_init(t);
    fmpq_zero(obj);
    for (r = 0; r < P->m; r++)
    {
        cost(cv, P, basis[r], phase);
        fmpq_mul_fmpz(t, fmpq_mat_entry(xB, r, 0), cv);
        fmpq_add(obj, obj, t);
    }
    fmpz_clear(cv);
    fmpq_clear(t);
}

/* The entering column for the dual y: the most negative reduced cost
 * (Dantzig), or with bland the first negative one; -1 if none (optimal). */
static slong
entering(const wc_lp_t P, const fmpq_mat_t y, const char * in_basis, int phase, int bland)
{
    slong m = P->m, r, v, i, enter = -1;
    fmpq ** yv = flint_malloc((m + 1) * sizeof(fmpq *));
    fmpz * Y = _fmpz_vec_init(m + 1);
    fmpz_t D, s, cv, best_rc;

    fmpz_init(D); fmpz_init(s); fmpz_init(cv); fmpz_init(best_rc);
    for (r = 0; r < m; r++)
        yv[r] = fmpq_mat_entry(y, r, 0);
    over_common_den(Y, D, yv, m);
    flint_free(yv);
    for (v = 0; v < P->N && (enter < 0 || !bland); v++)
    {
        if (in_basis[v])
            continue;
        fmpz_zero(s);
        for (i = 0; i < m; i++)
            fmpz_addmul(s, fmpz_mat_entry(P->A, i, v), Y + i);
        cost(cv, P, v, phase);
        fmpz_mul(cv, cv, D);
        fmpz_sub(s, s, cv);         /* -(reduced cost) * D */
        if (fmpz_sgn(s) > 0 && (enter < 0 || fmpz_cmp(s, best_rc) > 0))
        {
            enter = v;
            fmpz_set(best_rc, s);
        }
    }
    fmpz_clear(D); fmpz_clear(s); fmpz_clear(cv); fmpz_clear(best_rc);
    _fmpz_vec_clear(Y, m + 1);
    return enter;
}

/* The ratio test for the direction delta: the leaving row, or -1 when
 * the LP is unbounded.  In phase 2 a basic artificial must stay at zero,
 * so any move of it blocks at once; ties go to the smallest index. */
static slong
leaving(const fmpq_mat_t xB, const fmpq_mat_t delta, const slong * basis, slong N,
        int phase)
{
    slong r, leave = -1;
    fmpq_t ratio, best;

    fmpq_init(ratio);
    fmpq_init(best);
    for (r = 0; r < xB->r; r++)
    {
        const fmpq * dr = fmpq_mat_entry(delta, r, 0);

        if (phase == 2 && basis[r] >= N && !fmpq_is_zero(dr))
            fmpq_zero(ratio);
        else if (fmpq_sgn(dr) > 0)
            fmpq_div(ratio, fmpq_mat_entry(xB, r, 0), dr);
        else
            continue;
        if (leave < 0 || fmpq_cmp(ratio, best) < 0
            || (fmpq_equal(ratio, best) && basis[r] < basis[leave]))
        {
            leave = r;
            fmpq_set(best, ratio);
        }
    }
    fmpq_clear(ratio);
    fmpq_clear(best);
    return leave;
}

static int
run_phase(slong * basis, const wc_lp_t P, int phase, fmpq_mat_t y, slong max_pivots,
          wc_progress_fn progress, void * ctx, wc_error_t err)
{
    slong m = P->m, N = P->N, r, it, i;
    char * in_basis = flint_calloc(N + m + 1, 1);
    fmpq_mat_t xB, delta;
    fmpz_mat_t B, col;
    fmpq_t obj, last_obj;
    slong stalled = 0;
    int status = WC_OK;

    fmpq_mat_init(xB, m, 1);
    fmpq_mat_init(delta, m, 1);
    fmpz_mat_init(B, m, m);
    fmpz_mat_init(col, m, 1);
    fmpq_init(obj); fmpq_init(last_obj);

    for (r = 0; r < m; r++)
        in_basis[basis[r]] = 1;

    for (it = 0; ; it++)
    {
        slong enter = -1, leave = -1;

        if (progress != NULL && it > 0 && it % PROGRESS_EVERY == 0)
            progress(ctx, phase == 1 ? "exact simplex, phase 1" : "exact simplex, phase 2", it, 0);
        if (!basis_solve(xB, y, P, basis, phase))
        {
            status = wc_error_set(err, WC_ERR_SOLVER, "exact simplex: singular basis");
            break;
        }

        /* Dantzig's rule (the most negative reduced cost) while the
           objective improves; Bland's rule (the first negative one) after
           BLAND_AFTER degenerate pivots in a row, which cannot cycle */
        basic_objective(obj, xB, P, basis, phase);
        if (it == 0 || fmpq_cmp(obj, last_obj) < 0)
            stalled = 0;
        else
            stalled++;
        fmpq_swap(last_obj, obj);
        enter = entering(P, y, in_basis, phase, stalled >= BLAND_AFTER);
        if (enter < 0)
            break;      /* optimal for this phase */
        if (it == max_pivots)
        {
            status = wc_error_set(err, WC_ERR_SOLVER, "exact simplex: pivot limit reached");
            break;
        }

        basis_matrix(B, P, basis);
        for (i = 0; i < m; i++)
            fmpz_set(fmpz_mat_entry(col, i, 0), fmpz_mat_entry(P->A, i, enter));
        solve(delta, B, col, 0);

        leave = leaving(xB, delta, basis, N, phase);
        if (leave < 0)
        {
            status = wc_error_set(err, WC_ERR_SOLVER, "exact simplex: LP is unbounded");
            break;
        }
        in_basis[basis[leave]] = 0;
        in_basis[enter] = 1;
        basis[leave] = enter;
    }

    flint_free(in_basis);
    fmpq_mat_clear(xB);
    fmpq_mat_clear(delta);
    fmpz_mat_clear(B);
    fmpz_mat_clear(col);
    fmpq_clear(obj); fmpq_clear(last_obj);
    return status;
}

int
wc_exact_simplex(slong * basis, int * status, fmpq * farkas,
                  const wc_lp_t P, const slong * warm,
                  wc_progress_fn progress, void * ctx, wc_error_t err)
{
    slong m = P->m, r;
    fmpq_mat_t xB, y;
    int ret = WC_OK, warm_ok = 0;

    fmpq_mat_init(xB, m, 1);
    fmpq_mat_init(y, m, 1);
    *status = WC_LP_OPTIMAL;

    if (warm != NULL)
    {
        for (r = 0; r < m; r++)
            basis[r] = warm[r];
        warm_ok = basis_solve(xB, NULL, P, basis, 2)
                  && feasible_for_phase2(xB, P, basis);
    }
    if (!warm_ok)
    {
        fmpq_t total;

        for (r = 0; r < m; r++)
            basis[r] = P->N + r;    /* all artificials: x_s = |b| */
        ret = run_phase(basis, P, 1, y, MAX_PIVOTS, progress, ctx, err);
        if (ret == WC_OK)
        {
            basis_solve(xB, y, P, basis, 1);
            fmpq_init(total);
            for (r = 0; r < m; r++)
                if (basis[r] >= P->N)
                    fmpq_add(total, total, fmpq_mat_entry(xB, r, 0));
            if (fmpq_sgn(total) > 0)
            {
                *status = WC_LP_INFEASIBLE;
                for (r = 0; r < m; r++)
                    fmpq_set(farkas + r, fmpq_mat_entry(y, r, 0));
            }
            fmpq_clear(total);
        }
    }
    if (ret == WC_OK && *status == WC_LP_OPTIMAL)
        ret = run_phase(basis, P, 2, y, MAX_PIVOTS, progress, ctx, err);

    fmpq_mat_clear(xB);
    fmpq_mat_clear(y);
    return ret;
}

int
wc_exact_repair(slong * basis, const wc_lp_t P, slong max_pivots)
{
    fmpq_mat_t xB, y;
    wc_error_t err;
    int ok;

    fmpq_mat_init(xB, P->m, 1);
    fmpq_mat_init(y, P->m, 1);
    ok = basis_solve(xB, NULL, P, basis, 2) && feasible_for_phase2(xB, P, basis)
         && run_phase(basis, P, 2, y, max_pivots, NULL, NULL, err) == WC_OK;
    fmpq_mat_clear(xB);
    fmpq_mat_clear(y);
    return ok;
}
