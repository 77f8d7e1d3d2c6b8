/*
 * t-exact_simplex.c -- the exact rational simplex on its own, against
 * wc_lp_check_optimal and wc_lp_check_farkas.
 *
 * Random integer LPs A x = b, x >= 0 (small, with zero columns, repeated
 * columns and degenerate right-hand sides b = 0 mixed in), solved from the
 * artificial basis and again warm-started from the optimal basis found:
 *   - an optimal answer's basic solution (wc_basis_solution) passes
 *     wc_lp_check_optimal, and the warm start gives the same value;
 *   - an infeasible answer's Farkas vector passes wc_lp_check_farkas;
 *   - LPs built feasible (b = A x0, x0 >= 0) and bounded (c = A^T y0 + s,
 *     s >= 0) are never reported infeasible;
 *   - the repair (wc_exact_repair) from the optimal basis of another cost
 *     vector -- primal feasible, not optimal in general -- reaches the
 *     optimum's value, and with no pivots allowed it succeeds exactly when
 *     that basis already passes the check.
 */
#include <flint/fmpq_vec.h>
#include "wedgecert.h"
#include "lp/lp.h"
#include "check.h"

static void
print_lp(const wc_lp_t P)
{
    printf("    A =\n");
    fmpz_mat_print_pretty(P->A);
    printf("\n    b = "), _fmpz_vec_print(P->b, P->m);
    printf("\n    c = "), _fmpz_vec_print(P->c, P->N), printf("\n");
}

/* v = c^T x */
static void
lp_value(fmpq_t v, const wc_lp_t P, const fmpq * x)
{
    slong j;
    fmpq_t t;

    fmpq_init(t);
    fmpq_zero(v);
    for (j = 0; j < P->N; j++)
    {
        fmpq_mul_fmpz(t, x + j, P->c + j);
        fmpq_add(v, v, t);
    }
    fmpq_clear(t);
}

/* A random LP; feasible and bounded by construction when built != 0. */
static void
random_lp(wc_lp_t P, flint_rand_t state, int built)
{
    slong m = 1 + n_randint(state, 4), N = 1 + n_randint(state, 9), i, j;

    wc_lp_init(P, m, N);
    for (i = 0; i < m; i++)
        for (j = 0; j < N; j++)
            if (j % 4 != 3)     /* every fourth column zero */
                fmpz_set_si(fmpz_mat_entry(P->A, i, j), (slong) n_randint(state, 7) - 3);
    if (N > 2)                  /* a repeated column */
        for (i = 0; i < m; i++)
            fmpz_set(fmpz_mat_entry(P->A, i, N - 1), fmpz_mat_entry(P->A, i, 0));
    if (built)
    {
        for (j = 0; j < N; j++)
        {
            slong x0 = n_randint(state, 3) ? 0 : n_randint(state, 4);
            for (i = 0; i < m; i++)
                fmpz_addmul_ui(P->b + i, fmpz_mat_entry(P->A, i, j), x0);
            fmpz_set_ui(P->c + j, n_randint(state, 3));
        }
        for (i = 0; i < m; i++)
        {
            slong y0 = (slong) n_randint(state, 5) - 2;
            for (j = 0; j < N; j++)
                fmpz_addmul_si(P->c + j, fmpz_mat_entry(P->A, i, j), y0);
        }
    }
    else
    {
        for (i = 0; i < m; i++)
            fmpz_set_si(P->b + i, n_randint(state, 3) ? (slong) n_randint(state, 9) - 4 : 0);
        for (j = 0; j < N; j++)
            fmpz_set_si(P->c + j, (slong) n_randint(state, 9) - 2);
    }
}

int
main(void)
{
    flint_rand_t state;
    slong iter;
    char why[256];

    flint_randinit(state);
    TEST_BEGIN("exact simplex: optimal bases pass the check (cold and warm), Farkas vectors too");
    for (iter = 0; iter < 2000; iter++)
    {
        int built = iter % 2, status, status2;
        wc_lp_t P;
        slong * basis, * basis2;
        fmpq * x, * y, * farkas;
        fmpq_t v1, v2;
        wc_error_t err;

        random_lp(P, state, built);
        basis = flint_malloc(P->m * sizeof(slong));
        basis2 = flint_malloc(P->m * sizeof(slong));
        x = _fmpq_vec_init(P->N);
        y = _fmpq_vec_init(P->m);
        farkas = _fmpq_vec_init(P->m);
        fmpq_init(v1);
        fmpq_init(v2);
        if (wc_exact_simplex(basis, &status, farkas, P, NULL, NULL, NULL, err) != WC_OK)
        {
            /* an unbounded LP has no optimum: only the unbuilt ones may */
            CHECKF(!built, print_lp(P));
        }
        else if (status == WC_LP_OPTIMAL)
        {
            CHECKF(wc_basis_solution(x, y, P, basis) == 0
                   && wc_lp_check_optimal(P, x, y, why, sizeof(why)),
                   (printf("    %s\n", why), print_lp(P)));
            lp_value(v1, P, x);
            /* warm from the optimal basis: the same value, at once */
            CHECKF(wc_exact_simplex(basis2, &status2, farkas, P, basis, NULL, NULL, err) == WC_OK
                   && status2 == WC_LP_OPTIMAL && wc_basis_solution(x, y, P, basis2) == 0
                   && wc_lp_check_optimal(P, x, y, why, sizeof(why))
                   && (lp_value(v2, P, x), fmpq_equal(v1, v2)),
                   (printf("    warm: %s\n", why), print_lp(P)));
        }
        else
            CHECKF(!built && wc_lp_check_farkas(P, farkas, why, sizeof(why)),
                   (printf("    %s\n", why), print_lp(P)));
        fmpq_clear(v1);
        fmpq_clear(v2);
        _fmpq_vec_clear(x, P->N);
        _fmpq_vec_clear(y, P->m);
        _fmpq_vec_clear(farkas, P->m);
        flint_free(basis);
        flint_free(basis2);
        wc_lp_clear(P);
    }
    TEST_END();

    TEST_BEGIN("exact repair: from a feasible basis of another cost to the optimum");
    for (iter = 0; iter < 1000; iter++)
    {
        int status, optimal_already;
        wc_lp_t P;
        slong * basis, * basis2, j;
        fmpz * c;
        fmpq * x, * y, * farkas;
        fmpq_t v1, v2;
        wc_error_t err;

        random_lp(P, state, 1);
        basis = flint_malloc(P->m * sizeof(slong));
        basis2 = flint_malloc(P->m * sizeof(slong));
        x = _fmpq_vec_init(P->N);
        y = _fmpq_vec_init(P->m);
        farkas = _fmpq_vec_init(P->m);
        c = _fmpz_vec_init(P->N);
        fmpq_init(v1);
        fmpq_init(v2);
        CHECK(wc_exact_simplex(basis, &status, farkas, P, NULL, NULL, NULL, err) == WC_OK
              && status == WC_LP_OPTIMAL && wc_basis_solution(x, y, P, basis) == 0);
        lp_value(v1, P, x);
        /* the optimum of nonnegative costs c' (bounded): feasible for P */
        _fmpz_vec_swap(c, P->c, P->N);
        for (j = 0; j < P->N; j++)
            fmpz_set_ui(P->c + j, n_randint(state, 5));
        CHECK(wc_exact_simplex(basis, &status, farkas, P, NULL, NULL, NULL, err) == WC_OK
              && status == WC_LP_OPTIMAL);
        _fmpz_vec_swap(c, P->c, P->N);
        optimal_already = wc_basis_solution(x, y, P, basis) == 0
                          && wc_lp_check_optimal(P, x, y, why, sizeof(why));
        for (j = 0; j < P->m; j++)
            basis2[j] = basis[j];
        CHECKF(wc_exact_repair(basis2, P, 0) == optimal_already, print_lp(P));
        CHECKF(wc_exact_repair(basis, P, 1000) && wc_basis_solution(x, y, P, basis) == 0
               && wc_lp_check_optimal(P, x, y, why, sizeof(why))
               && (lp_value(v2, P, x), fmpq_equal(v1, v2)),
               (printf("    %s\n", why), print_lp(P)));
        fmpq_clear(v1);
        fmpq_clear(v2);
        _fmpz_vec_clear(c, P->N);
        _fmpq_vec_clear(x, P->N);
        _fmpq_vec_clear(y, P->m);
        _fmpq_vec_clear(farkas, P->m);
        flint_free(basis);
        flint_free(basis2);
        wc_lp_clear(P);
    }
    TEST_END();
    flint_randclear(state);
    flint_cleanup();
    TESTS_DONE();
}
