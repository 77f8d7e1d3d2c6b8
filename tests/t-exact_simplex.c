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
 *     that basis already passes the check;
 *   - wc_basis_solution on 25-60 rows (one inverse modulo a prime for the
 *     primal and the dual solve, the two liftings on two threads): the
 *     products A_B x_B and A_B^T y, taken here, give b and c_B exactly,
 *     with entries up to 2^100 and artificials in the basis, single
 *     entries (eliminated first) among the columns; a basis is refused as
 *     singular exactly when its rank (fmpz_mat_rank) is below m;
 *   - wc_lp_certify_warm from such a basis of a larger LP (20 rows) reaches
 *     the exact simplex's optimum with either engine, also where 24 exact
 *     pivots alone do not (the dual refinement of lp.c; such cases must
 *     occur, or the test proves nothing).
 */
#include <string.h>
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

/* v := P's optimal value, and basis := an optimal basis of P with its
 * costs replaced by random ones in [0, 5) (bounded, so it exists): feasible
 * for P, not optimal in general.  x, y, farkas: room for P's answers. */
static void
basis_of_other_cost(slong * basis, fmpq_t v, wc_lp_t P, flint_rand_t state,
                    fmpq * x, fmpq * y, fmpq * farkas)
{
    fmpz * c = _fmpz_vec_init(P->N);
    int status;
    slong j;
    wc_error_t err;

    CHECK(wc_exact_simplex(basis, &status, farkas, P, NULL, NULL, NULL, err) == WC_OK
          && status == WC_LP_OPTIMAL && wc_basis_solution(x, y, P, basis) == 0);
    lp_value(v, P, x);
    _fmpz_vec_swap(c, P->c, P->N);
    for (j = 0; j < P->N; j++)
        fmpz_set_ui(P->c + j, n_randint(state, 5));
    CHECK(wc_exact_simplex(basis, &status, farkas, P, NULL, NULL, NULL, err) == WC_OK
          && status == WC_LP_OPTIMAL);
    _fmpz_vec_swap(c, P->c, P->N);
    _fmpz_vec_clear(c, P->N);
}

/* A feasible, bounded LP of m rows and N columns with entries of about
 * bits bits: b = A x0 (x0 >= 0 sparse), c = A^T y0 + s (s >= 0). */
static void
larger_lp(wc_lp_t P, flint_rand_t state, slong m, slong N, flint_bitcnt_t bits)
{
    slong i, j;
    fmpz_t t;

    fmpz_init(t);
    wc_lp_init(P, m, N);
    for (i = 0; i < m; i++)
        for (j = 0; j < N; j++)
            fmpz_randtest(fmpz_mat_entry(P->A, i, j), state, bits);
    for (j = 0; j < N; j++)
    {
        fmpz_set_ui(t, n_randint(state, 4) ? 0 : 1 + n_randint(state, 9));
        for (i = 0; i < m; i++)
            fmpz_addmul(P->b + i, fmpz_mat_entry(P->A, i, j), t);
        fmpz_set_ui(P->c + j, n_randint(state, 1000));
    }
    for (i = 0; i < m; i++)
    {
        fmpz_set_si(t, (slong) n_randint(state, 5) - 2);
        for (j = 0; j < N; j++)
            fmpz_addmul(P->c + j, fmpz_mat_entry(P->A, i, j), t);
    }
    fmpz_clear(t);
}

/* The certify_warm test for one engine; RETURNS how many cases needed
 * more than the capped repair. */
static slong
test_certify_warm(flint_rand_t state, int engine, slong cases)
{
    slong iter, beyond_repair = 0;
    char why[256];

    for (iter = 0; iter < cases; iter++)
    {
        wc_lp_t P;
        wc_lp_solution_t S;
        slong * basis, * copy;
        fmpq * x, * y, * farkas;
        fmpq_t v1, v2;

        larger_lp(P, state, 20, 80, 4 + n_randint(state, 12));
        basis = flint_malloc(P->m * sizeof(slong));
        copy = flint_malloc(P->m * sizeof(slong));
        x = _fmpq_vec_init(P->N);
        y = _fmpq_vec_init(P->m);
        farkas = _fmpq_vec_init(P->m);
        fmpq_init(v1);
        fmpq_init(v2);
        basis_of_other_cost(basis, v1, P, state, x, y, farkas);
        memcpy(copy, basis, P->m * sizeof(slong));
        beyond_repair += !wc_exact_repair(copy, P, 24);
        wc_lp_solution_init(S, P->m, P->N);
        CHECKF(wc_lp_certify_warm(S, P, basis, engine) && S->verified
               && wc_lp_check_optimal(P, S->x, S->y, why, sizeof(why))
               && (lp_value(v2, P, S->x), fmpq_equal(v1, v2)),
               (printf("    engine %d: %s\n", engine, why), print_lp(P)));
        wc_lp_solution_clear(S);
        fmpq_clear(v1);
        fmpq_clear(v2);
        _fmpq_vec_clear(x, P->N);
        _fmpq_vec_clear(y, P->m);
        _fmpq_vec_clear(farkas, P->m);
        flint_free(basis);
        flint_free(copy);
        wc_lp_clear(P);
    }
    return beyond_repair;
}

/* Clp's candidate from a feasible basis that is not optimal (of other
 * costs), its primal capped at 0 iterations (so only the dual simplex
 * from the slack basis can end optimal) and not capped: both optimal, of
 * P's optimal value once FLINT certifies them.  RETURNS 1 if the warm
 * basis was not optimal (the cap took effect), 0 if it was. */
static int
clp_cap_case(flint_rand_t state)
{
    wc_lp_t P;
    wc_lp_solution_t S;
    slong * warm, * basis, cap, m;
    fmpq * x, * y, * farkas;
    fmpq_t v;
    char why[256];
    int status, capped;
    wc_error_t err;

    larger_lp(P, state, 10 + n_randint(state, 30), 40 + n_randint(state, 120),
              4 + n_randint(state, 12));
    m = P->m;
    warm = flint_malloc(m * sizeof(slong));
    basis = flint_malloc(m * sizeof(slong));
    x = _fmpq_vec_init(P->N);
    y = _fmpq_vec_init(m);
    farkas = _fmpq_vec_init(m);
    fmpq_init(v);
    basis_of_other_cost(warm, v, P, state, x, y, farkas);
    capped = !(wc_basis_solution(x, y, P, warm) == 0
               && wc_lp_check_optimal(P, x, y, why, sizeof(why)));
    for (cap = 0; cap < 2; cap++)
    {
        CHECKF(wc_clp_candidate_capped(basis, NULL, &status, P, warm, NULL,
                                       cap ? WORD(1) << 40 : 0, err) == WC_OK
               && status == GLPK_OPTIMAL,
               (printf("    cap %s: status %d\n", cap ? "none" : "0", status), print_lp(P)));
        wc_lp_solution_init(S, m, P->N);
        CHECKF(wc_lp_certify_warm(S, P, basis, WC_ENGINE_CLP) && S->verified
               && fmpq_equal(S->value, v),
               (printf("    cap %s: not certified at the optimum\n", cap ? "none" : "0"),
                print_lp(P)));
        wc_lp_solution_clear(S);
    }
    fmpq_clear(v);
    _fmpq_vec_clear(x, P->N);
    _fmpq_vec_clear(y, m);
    _fmpq_vec_clear(farkas, m);
    flint_free(warm);
    flint_free(basis);
    wc_lp_clear(P);
    return capped;
}

/* a[0 .. len) in a random order (Fisher and Yates). */
static void
shuffle(slong * a, slong len, flint_rand_t state)
{
    slong i, u, v;

    for (i = len - 1; i > 0; i--)
    {
        u = n_randint(state, i + 1);
        v = a[i], a[i] = a[u], a[u] = v;
    }
}

/* The regular bases basis_solution_case has checked by their products
 * (half the cases are built to be regular: most must be). */
static slong regular_cases;

/* The rank of the basis matrix: columns A_v, artificials sgn_i e_i. */
static slong
basis_rank(const wc_lp_t P, const slong * basis)
{
    slong m = P->m, i, r, rank;
    fmpz_mat_t B;

    fmpz_mat_init(B, m, m);
    for (r = 0; r < m; r++)
        for (i = 0; i < m; i++)
            if (basis[r] < P->N)
                fmpz_set(fmpz_mat_entry(B, i, r), fmpz_mat_entry(P->A, i, basis[r]));
            else if (basis[r] - P->N == i)
                fmpz_set_si(fmpz_mat_entry(B, i, r), fmpz_sgn(P->b + i) < 0 ? -1 : 1);
    rank = fmpz_mat_rank(B);
    fmpz_mat_clear(B);
    return rank;
}

/* How basis_solution_case builds its basis. */
enum { DENSE, TWICE, SINGLES, SINGLES_ONE_ROW, SINGLE_ON_ARTIFICIAL, CASE_KINDS };

/* A random LP of m >= 25 rows (entries up to 2^bits) and a basis of it:
 * columns 0 .. m - 4 and three artificials (rows m - 3 .. m - 1).  kind
 * TWICE puts column 0 in twice; SINGLES makes a random number of those
 * columns single entries in rows of their own (eliminated before the
 * exact solve), SINGLES_ONE_ROW two of them in one row, and
 * SINGLE_ON_ARTIFICIAL one of them in an artificial's row (both
 * singular).  Checks wc_basis_solution's answer by its products, and
 * that it calls the basis singular exactly when its rank (FLINT's
 * fmpz_mat_rank, here) is below m.  RETURNS 1 if it passed. */
static int
basis_solution_case(flint_rand_t state, slong m, flint_bitcnt_t bits, int kind)
{
    slong N = m + 5, i, j, r, singles = 0, * basis = flint_malloc(m * sizeof(slong));
    slong * row = flint_malloc(m * sizeof(slong));
    fmpq * x = _fmpq_vec_init(N), * y = _fmpq_vec_init(m);
    fmpq_t s, t;
    wc_lp_t P;
    int status, ok = 1, singular = kind == TWICE || kind == SINGLES_ONE_ROW
                                   || kind == SINGLE_ON_ARTIFICIAL;

    wc_lp_init(P, m, N);
    if (kind >= SINGLES)
        singles = 2 + n_randint(state, m - 4);  /* 2 .. m - 3 */
    for (i = 0; i < m - 3; i++)     /* the single entries' rows: distinct */
        row[i] = i;
    shuffle(row, m - 3, state);
    if (kind == SINGLES_ONE_ROW)
        row[1] = row[0];
    else if (kind == SINGLE_ON_ARTIFICIAL)
        row[0] = m - 1 - n_randint(state, 3);
    for (i = 0; i < m; i++)
    {
        for (j = 0; j < N; j++)
            if (j >= singles)
                fmpz_randtest(fmpz_mat_entry(P->A, i, j), state, bits);
            else if (i == row[j])
                fmpz_randtest_not_zero(fmpz_mat_entry(P->A, i, j), state, bits);
        fmpz_randtest(P->b + i, state, bits);
    }
    for (j = 0; j < N; j++)
        fmpz_randtest(P->c + j, state, bits);
    for (r = 0; r < m; r++)
        basis[r] = r < m - 3 ? r : N + r;
    if (kind == TWICE)
        basis[1] = basis[0];
    shuffle(basis, m, state);   /* in a random order */
    status = wc_basis_solution(x, y, P, basis);
    fmpq_init(s);
    fmpq_init(t);
    /* singular by its rank (few small columns left by SINGLES can be) */
    singular |= basis_rank(P, basis) < m;
    if (singular || status == 1)
        ok = singular && status == 1;
    else                        /* 0, or 2: an artificial is nonzero, y is still set */
    {
        int residual = 0;       /* an artificial's row not met by the columns */

        regular_cases++;
        for (j = 0; j < N; j++)     /* nonbasic columns: x = 0 */
            ok &= j < m - 3 || fmpq_is_zero(x + j);
        for (i = 0; i < m; i++)
        {
            fmpq_zero(s);
            for (j = 0; j < m - 3; j++)
            {
                fmpq_mul_fmpz(t, x + j, fmpz_mat_entry(P->A, i, j));
                fmpq_add(s, s, t);
            }
            if (i < m - 3)      /* the rows without an artificial: exact */
                ok &= fmpz_equal(fmpq_numref(s), P->b + i) && fmpz_is_one(fmpq_denref(s));
            else
                residual |= !(fmpz_equal(fmpq_numref(s), P->b + i)
                              && fmpz_is_one(fmpq_denref(s)));
        }
        ok &= status == (residual ? 2 : 0);
        for (r = 0; r < m; r++)     /* A_B^T y = c_B, an artificial's cost 0 */
        {
            fmpq_zero(s);
            for (i = 0; i < m; i++)
            {
                if (basis[r] < N)
                    fmpq_mul_fmpz(t, y + i, fmpz_mat_entry(P->A, i, basis[r]));
                else if (basis[r] - N == i)
                    fmpq_mul_si(t, y + i, fmpz_sgn(P->b + i) < 0 ? -1 : 1);
                else
                    fmpq_zero(t);
                fmpq_add(s, s, t);
            }
            ok &= basis[r] < N ? fmpz_equal(fmpq_numref(s), P->c + basis[r])
                                 && fmpz_is_one(fmpq_denref(s))
                               : fmpq_is_zero(s);
        }
    }
    fmpq_clear(s);
    fmpq_clear(t);
    _fmpq_vec_clear(x, N);
    _fmpq_vec_clear(y, m);
    flint_free(basis);
    flint_free(row);
    wc_lp_clear(P);
    return ok;
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
        int optimal_already;
        wc_lp_t P;
        slong * basis, * basis2, j;
        fmpq * x, * y, * farkas;
        fmpq_t v1, v2;

        random_lp(P, state, 1);
        basis = flint_malloc(P->m * sizeof(slong));
        basis2 = flint_malloc(P->m * sizeof(slong));
        x = _fmpq_vec_init(P->N);
        y = _fmpq_vec_init(P->m);
        farkas = _fmpq_vec_init(P->m);
        fmpq_init(v1);
        fmpq_init(v2);
        basis_of_other_cost(basis, v1, P, state, x, y, farkas);
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
        _fmpq_vec_clear(x, P->N);
        _fmpq_vec_clear(y, P->m);
        _fmpq_vec_clear(farkas, P->m);
        flint_free(basis);
        flint_free(basis2);
        wc_lp_clear(P);
    }
    TEST_END();

    TEST_BEGIN("basis solution on 25-60 rows: A_B x_B = b, A_B^T y = c_B, single entries "
               "eliminated; singular bases refused");
    for (iter = 0; iter < 60; iter++)
    {
        static const char * what[CASE_KINDS] = { "a dense basis", "a column twice",
            "single entries", "two single entries in one row",
            "a single entry in an artificial's row" };
        slong m = 25 + n_randint(state, 36);
        flint_bitcnt_t bits = iter % 3 == 0 ? 100 : 1 + n_randint(state, 20);
        int kind = iter % 6 == 5 ? SINGLES : iter % 6;
        CHECKF(basis_solution_case(state, m, bits, kind),
               printf("    m = %ld, entries of %lu bits, %s\n", (long) m, (unsigned long) bits,
                      what[kind]));
    }
    CHECKF(regular_cases >= 20, printf("    %ld regular bases\n", (long) regular_cases));
    TEST_END();

    TEST_BEGIN("clp: a warm primal stopped at its cap goes on by the dual simplex, to the optimum");
    if (wc_lp_engine_available(WC_ENGINE_CLP))
    {
        slong capped = 0;
        for (iter = 0; iter < 40; iter++)
            capped += clp_cap_case(state);
        CHECKF(capped >= 20, printf("    only %ld warm bases were not optimal\n", (long) capped));
    }
    TEST_END();

    TEST_BEGIN("certify_warm: the engine's refinement reaches the optimum beyond 24 exact pivots");
    {
        slong beyond = test_certify_warm(state, WC_ENGINE_GLPK, 20);
        CHECKF(beyond > 0, printf("    no case needed more than 24 exact pivots\n"));
        if (wc_lp_engine_available(WC_ENGINE_CLP))
            CHECKF(test_certify_warm(state, WC_ENGINE_CLP, 20) > 0,
                   printf("    Clp: no case needed more than 24 exact pivots\n"));
    }
    TEST_END();
    flint_randclear(state);
    flint_cleanup();
    TESTS_DONE();
}
