/*
 * t-lp.c -- properties of the exact LP layer on random integer LPs.
 *
 * Each LP is built around a known primal point x0 >= 0 (b = A x0) and a
 * known dual point y0 with reduced costs s >= 0 (c = A^T y0 + s), so it is
 * feasible and bounded, and weak duality brackets its optimum:
 * b^T y0 <= OPT <= c^T x0.  Checked for every method (GLPK's double
 * simplex, glp_exact, our exact simplex alone):
 *   - the answer is verified and passes wc_lp_check_optimal;
 *   - all methods agree on the optimal value, which lies in the bracket;
 *   - a tampered x (one entry moved by 1/7) or y (one entry moved so that a
 *     dual constraint breaks) is rejected by the check;
 *   - an LP made infeasible (a row repeated with a shifted right-hand
 *     side, or negated) gets a Farkas vector that wc_lp_check_farkas
 *     accepts and that fails once negated; with proportional rows the
 *     presolve certifies it.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "wedgecert.h"
#include "check.h"

static void
print_lp(const wc_lp_t P)
{
    slong i;

    printf("    LP m = %ld, N = %ld\n    A =\n", P->m, P->N);
    fmpz_mat_print_pretty(P->A);
    printf("\n    b = ");
    for (i = 0; i < P->m; i++)
        fmpz_print(P->b + i), printf(" ");
    printf("\n    c = ");
    for (i = 0; i < P->N; i++)
        fmpz_print(P->c + i), printf(" ");
    printf("\n");
}

/* A random feasible, bounded LP; lo = b^T y0 and hi = c^T x0. */
static void
random_lp(wc_lp_t P, fmpq_t lo, fmpq_t hi, flint_rand_t state)
{
    slong m = 1 + n_randint(state, 5), N = m + 1 + n_randint(state, 8), i, j;
    fmpz * x0 = _fmpz_vec_init(N), * y0 = _fmpz_vec_init(m);
    fmpz_t t;

    fmpz_init(t);
    wc_lp_init(P, m, N);
    for (i = 0; i < m; i++)
        for (j = 0; j < N; j++)
            fmpz_set_si(fmpz_mat_entry(P->A, i, j), (slong) n_randint(state, 13) - 6);
    for (j = 0; j < N; j++)
        fmpz_set_ui(x0 + j, n_randint(state, 3) ? n_randint(state, 5) : 0);
    for (i = 0; i < m; i++)
        fmpz_set_si(y0 + i, (slong) n_randint(state, 9) - 4);
    for (i = 0; i < m; i++)
        for (j = 0; j < N; j++)
            fmpz_addmul(P->b + i, fmpz_mat_entry(P->A, i, j), x0 + j);
    for (j = 0; j < N; j++)
    {
        fmpz_set_ui(P->c + j, n_randint(state, 4));     /* the reduced cost s_j */
        for (i = 0; i < m; i++)
            fmpz_addmul(P->c + j, fmpz_mat_entry(P->A, i, j), y0 + i);
    }
    _fmpz_vec_dot(t, P->b, y0, m);
    fmpq_set_fmpz_frac(lo, t, fmpq_denref(lo));        /* denominator 1 */
    _fmpz_vec_dot(t, P->c, x0, N);
    fmpq_set_fmpz_frac(hi, t, fmpq_denref(hi));
    fmpz_clear(t);
    _fmpz_vec_clear(x0, N);
    _fmpz_vec_clear(y0, m);
}

/* P with row r repeated (times f) and a right-hand side off by shift. */
static void
conflicting_row(wc_lp_t Q, const wc_lp_t P, slong r, slong f, slong shift)
{
    slong i, j;

    wc_lp_init(Q, P->m + 1, P->N);
    for (i = 0; i < P->m; i++)
    {
        for (j = 0; j < P->N; j++)
            fmpz_set(fmpz_mat_entry(Q->A, i, j), fmpz_mat_entry(P->A, i, j));
        fmpz_set(Q->b + i, P->b + i);
    }
    for (j = 0; j < P->N; j++)
    {
        fmpz_mul_si(fmpz_mat_entry(Q->A, P->m, j), fmpz_mat_entry(P->A, r, j), f);
        fmpz_set(Q->c + j, P->c + j);
    }
    fmpz_mul_si(Q->b + P->m, P->b + r, f);
    fmpz_add_si(Q->b + P->m, Q->b + P->m, shift);
}

int
main(void)
{
    static const int methods[] = { WC_METHOD_AUTO, WC_METHOD_GLPK_EXACT, WC_METHOD_PIVOTS };
    flint_rand_t state;
    slong iter;
    char why[256];

    flint_randinit(state);

    TEST_BEGIN("every method's optimum is verified, agrees, and lies in the weak-duality bracket");
    for (iter = 0; iter < 300; iter++)
    {
        wc_lp_t P;
        fmpq_t lo, hi, first;
        int k;

        fmpq_init(lo); fmpq_init(hi); fmpq_init(first);
        random_lp(P, lo, hi, state);
        for (k = 0; k < 3; k++)
        {
            wc_lp_solution_t S;
            wc_error_t err;

            wc_lp_solution_init(S, P->m, P->N);
            CHECKF(wc_lp_solve_simplex(S, P, methods[k], NULL, NULL, err) == WC_OK
                   && S->verified && S->status == WC_LP_OPTIMAL
                   && wc_lp_check_optimal(P, S->x, S->y, why, sizeof(why))
                   && fmpq_cmp(lo, S->value) <= 0 && fmpq_cmp(S->value, hi) <= 0
                   && (k == 0 || fmpq_equal(S->value, first)),
                   (printf("    method %d: %s\n", methods[k], why), print_lp(P)));
            if (k == 0)
                fmpq_set(first, S->value);
            wc_lp_solution_clear(S);
        }
        wc_lp_clear(P);
        fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(first);
    }
    TEST_END();

    TEST_BEGIN("wc_lp_check_optimal rejects a tampered primal or dual point");
    for (iter = 0; iter < 300; iter++)
    {
        wc_lp_t P;
        wc_lp_solution_t S;
        wc_error_t err;
        fmpq_t lo, hi, t;
        slong j, i;

        fmpq_init(lo); fmpq_init(hi); fmpq_init(t);
        random_lp(P, lo, hi, state);
        wc_lp_solution_init(S, P->m, P->N);
        if (wc_lp_solve(S, P, WC_METHOD_AUTO, NULL, NULL, err) == WC_OK)
        {
            /* from a random column on, the first with a nonzero entry:
               moving its x_j breaks A x = b */
            slong j0 = n_randint(state, P->N), step;

            fmpq_set_si(t, 1, 7);
            for (step = 0, i = P->m; step < P->N && i == P->m; step++)
                for (j = (j0 + step) % P->N, i = 0;
                     i < P->m && fmpz_is_zero(fmpz_mat_entry(P->A, i, j)); i++)
                    ;
            if (i < P->m)
            {
                fmpq_add(S->x + j, S->x + j, t);
                CHECKF(!wc_lp_check_optimal(P, S->x, S->y, why, sizeof(why)), print_lp(P));
                fmpq_sub(S->x + j, S->x + j, t);
            }
            /* raise y_i until A_j^T y > c_j for a column j with A_ij > 0 */
            for (j = 0; j < P->N; j++)
                for (i = 0; i < P->m; i++)
                    if (fmpz_sgn(fmpz_mat_entry(P->A, i, j)) > 0)
                        goto found;
            j = -1;
        found:
            if (j >= 0)
            {
                fmpq_set_si(t, 1000, 1);
                fmpq_add(S->y + i, S->y + i, t);
                CHECKF(!wc_lp_check_optimal(P, S->x, S->y, why, sizeof(why)), print_lp(P));
            }
        }
        wc_lp_solution_clear(S);
        wc_lp_clear(P);
        fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(t);
    }
    TEST_END();

    TEST_BEGIN("an infeasible LP gets a Farkas vector (presolve for proportional rows)");
    for (iter = 0; iter < 300; iter++)
    {
        wc_lp_t P, Q;
        fmpq_t lo, hi;
        slong f = (iter % 3 == 0) ? 1 : (iter % 3 == 1) ? -2 : 3;
        int k = iter % 3;

        fmpq_init(lo); fmpq_init(hi);
        random_lp(P, lo, hi, state);
        conflicting_row(Q, P, n_randint(state, P->m), f, 1 + (slong) n_randint(state, 3));
        {
            wc_lp_solution_t S;
            wc_error_t err;
            slong i;

            wc_lp_solution_init(S, Q->m, Q->N);
            CHECKF(wc_lp_solve_simplex(S, Q, methods[k], NULL, NULL, err) == WC_OK
                   && S->verified && S->status == WC_LP_INFEASIBLE
                   && wc_lp_check_farkas(Q, S->y, why, sizeof(why)),
                   (printf("    method %d: %s\n", methods[k], why), print_lp(Q)));
            /* proportional rows: the presolve proves it (the repeated row
               with a nonzero A_r; a zero row with b != 0 is caught too) */
            CHECKF(S->certified_by == WC_CERT_PRESOLVE, print_lp(Q));
            for (i = 0; i < Q->m; i++)
                fmpq_neg(S->y + i, S->y + i);
            CHECKF(!wc_lp_check_farkas(Q, S->y, why, sizeof(why)), print_lp(Q));
            wc_lp_solution_clear(S);
        }
        wc_lp_clear(P);
        wc_lp_clear(Q);
        fmpq_clear(lo); fmpq_clear(hi);
    }
    TEST_END();

    flint_randclear(state);
    flint_cleanup();
    TESTS_DONE();
}
