/*
 * lp.c -- integer standard-form LPs and their exact certificates.
 *
 * The solve is: GLPK proposes a basis (doubles), FLINT recomputes the
 * basic primal and dual solutions exactly and checks the certificate
 * (A x = b, x >= 0, A^T y <= c, c^T x = b^T y).  A basis that fails is
 * repaired -- glp_exact when GLPK can see the true data, then our own
 * exact pivots -- and checked again.  Nothing unverified leaves this file.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "lp_internal.h"

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

int
_wc_lp_fits_53_bits(const wc_lp_t P)
{
    slong i, j;

    for (i = 0; i < P->m; i++)
    {
        if (fmpz_bits(P->b + i) > 53)
            return 0;
        for (j = 0; j < P->N; j++)
            if (fmpz_bits(fmpz_mat_entry(P->A, i, j)) > 53)
                return 0;
    }
    for (j = 0; j < P->N; j++)
        if (fmpz_bits(P->c + j) > 53)
            return 0;
    return 1;
}

/* ---------------------------------------------------------- CPLEX LP text */

static void
write_term(FILE * out, const fmpz_t a, slong var, int * first, slong * on_line)
{
    char * s;

    if (fmpz_is_zero(a))
        return;
    s = fmpz_get_str(NULL, 10, a);
    if (s[0] == '-')
        fprintf(out, " - %s x%ld", s + 1, var + 1);
    else
        fprintf(out, "%s%s x%ld", *first ? " " : " + ", s, var + 1);
    flint_free(s);
    *first = 0;
    if (++*on_line == 8)
    {
        fputs("\n   ", out);
        *on_line = 0;
    }
}

int
wc_lp_write_cplex(FILE * out, const wc_lp_t P, const char * comment)
{
    slong i, j, on_line;
    int first;
    const char * p = comment;

    while (p != NULL && *p != '\0')
    {
        const char * nl = strchr(p, '\n');
        int len = nl ? (int) (nl - p) : (int) strlen(p);
        fprintf(out, "\\ %.*s\n", len, p);
        p = nl ? nl + 1 : NULL;
    }
    fputs("Minimize\n obj:", out);
    first = 1;
    on_line = 0;
    for (j = 0; j < P->N; j++)
        write_term(out, P->c + j, j, &first, &on_line);
    if (first)
        fputs(" 0 x1", out);
    fputs("\nSubject To\n", out);
    for (i = 0; i < P->m; i++)
    {
        char * s;

        fprintf(out, " c%ld:", i + 1);
        first = 1;
        on_line = 0;
        for (j = 0; j < P->N; j++)
            write_term(out, fmpz_mat_entry(P->A, i, j), j, &first, &on_line);
        if (first)
            fputs(" 0 x1", out);
        s = fmpz_get_str(NULL, 10, P->b + i);
        fprintf(out, " = %s\n", s);
        flint_free(s);
    }
    /* all variables are >= 0, the format's default: no Bounds section */
    fputs("End\n", out);
    return ferror(out) ? WC_ERR_IO : WC_OK;
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
}

void
wc_lp_solution_clear(wc_lp_solution_t S)
{
    _fmpq_vec_clear(S->x, S->N + 1);
    _fmpq_vec_clear(S->y, S->m + 1);
    fmpq_clear(S->value);
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

/* Recomputes the basic solution of basis exactly and keeps it if it is a
 * certificate of optimality. */
static int
certify_basis(wc_lp_solution_t S, const wc_lp_t P, const slong * basis, int how)
{
    char why[128];

    if (_wc_basis_solution(S->x, S->y, P, basis) != 0)
        return 0;
    if (!wc_lp_check_optimal(P, S->x, S->y, why, sizeof(why)))
        return 0;
    dot_fmpz_fmpq(S->value, P->c, S->x, P->N);
    S->status = WC_LP_OPTIMAL;
    S->certified_by = how;
    S->verified = 1;
    return 1;
}

/* Keeps y if it is a checked Farkas vector. */
static int
certify_farkas(wc_lp_solution_t S, const wc_lp_t P, const fmpq * y, int how)
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

/* The phase-1 LP of P: minimise 1^T s s.t. A x + diag(sgn) s = b, x, s >= 0.
 * Always feasible and bounded; a dual optimum with value > 0 is a Farkas
 * vector of P. */
static void
phase_one_lp(wc_lp_t Q, const wc_lp_t P)
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

int
wc_lp_solve(wc_lp_solution_t S, const wc_lp_t P, int method,
            wc_progress_fn progress, void * ctx, wc_error_t err)
{
    slong m = P->m;
    slong * basis = flint_malloc((m + 1) * sizeof(slong));
    int gstatus = GLPK_OTHER, have_basis = 0, status = WC_OK, xstatus;
    int fits = _wc_lp_fits_53_bits(P);
    fmpq * farkas;

    S->verified = 0;
    if (method != WC_METHOD_PIVOTS)
    {
        int exact = (method == WC_METHOD_GLPK_EXACT && fits);
        wc_error_t gerr;

        if (progress) progress(ctx, exact ? "glpk simplex + glp_exact" : "glpk simplex", 0, 0);
        if (_wc_glpk_basis(basis, &gstatus, P, exact, gerr) == WC_OK)
        {
            have_basis = (gstatus == GLPK_OPTIMAL);
            if (progress) progress(ctx, "exact check of the basis", 0, 0);
            if (have_basis && certify_basis(S, P, basis,
                                            exact ? WC_CERT_GLPK_EXACT : WC_CERT_GLPK_SIMPLEX))
                goto done;
            if (have_basis && !exact && fits
                && _wc_glpk_basis(basis, &gstatus, P, 1, gerr) == WC_OK
                && gstatus == GLPK_OPTIMAL
                && certify_basis(S, P, basis, WC_CERT_GLPK_EXACT))
                goto done;
        }
        if (gstatus == GLPK_INFEASIBLE)
        {
            /* the dual of the phase-1 LP, certified the same way, is the
               Farkas vector */
            wc_lp_t Q;
            wc_lp_solution_t T;

            phase_one_lp(Q, P);
            wc_lp_solution_init(T, Q->m, Q->N);
            if (wc_lp_solve(T, Q, method, progress, ctx, gerr) == WC_OK
                && fmpq_sgn(T->value) > 0)
                certify_farkas(S, P, T->y, T->certified_by);
            wc_lp_solution_clear(T);
            wc_lp_clear(Q);
            if (S->verified)
                goto done;
        }
    }

    /* repair (or solve from scratch) with exact rational pivots */
    if (progress) progress(ctx, "exact simplex", 0, 0);
    farkas = _fmpq_vec_init(m + 1);
    if (_wc_exact_simplex(basis, &xstatus, farkas, P, have_basis ? basis : NULL,
                          progress, ctx, err) == WC_OK)
    {
        if (xstatus == WC_LP_OPTIMAL)
            certify_basis(S, P, basis, WC_CERT_EXACT_PIVOTS);
        else
            certify_farkas(S, P, farkas, WC_CERT_EXACT_PIVOTS);
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
