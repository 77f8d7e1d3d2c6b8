/*
 * t-lasso.c -- the exact Lasso homotopy on random data (d = 1, 2; with and
 * without the free intercept; small integer grids, so that ties,
 * duplicate samples and dependent columns are common).
 *
 * At the requested beta and at every breakpoint of the path, the KKT
 * conditions are recomputed here, from the columns of V and the solution
 * alone: with r = y - K z - xi 1, 1^T r = 0 (free intercept),
 * k_u^T r = beta sign z_u where z_u != 0, |k_u^T r| <= beta everywhere.
 * The value recorded at a breakpoint is (1/2) ||r||^2 + beta ||z||_1, and
 * the breakpoints fall strictly.
 */
#include <flint/fmpq_vec.h>
#include "wedgecert.h"
#include "check.h"

/* 1 if (z on V, xi) satisfies the KKT conditions at beta; value := the
 * objective. */
static int
kkt(fmpq_t value, const wc_data_t D, const wc_dict_t V, const fmpq * z,
    const fmpq_t xi, const fmpq_t beta, int icpt)
{
    slong n = D->n, u, i;
    fmpq * k = _fmpq_vec_init(n), * r = _fmpq_vec_init(n);
    fmpq_t c, t, l1;
    int ok = 1;

    fmpq_init(c); fmpq_init(t); fmpq_init(l1);
    for (i = 0; i < n; i++)
        fmpq_sub(r + i, D->y + i, xi);
    for (u = 0; u < V->len; u++)
        if (!fmpq_is_zero(z + u))
        {
            wc_dict_column(k, V, D, u);
            for (i = 0; i < n; i++)
                fmpq_submul(r + i, z + u, k + i);
            fmpq_abs(t, z + u);
            fmpq_add(l1, l1, t);
        }
    fmpq_zero(c);
    for (i = 0; i < n; i++)
        fmpq_add(c, c, r + i);
    ok = !icpt || fmpq_is_zero(c);
    for (u = 0; u < V->len && ok; u++)
    {
        wc_dict_column(k, V, D, u);
        _fmpq_vec_dot(c, k, r, n);
        if (fmpq_is_zero(z + u))
        {
            fmpq_abs(c, c);
            ok = fmpq_cmp(c, beta) <= 0;
        }
        else
        {
            fmpq_mul_si(t, beta, fmpq_sgn(z + u));
            ok = fmpq_equal(c, t);
        }
    }
    _fmpq_vec_dot(value, r, r, n);
    fmpq_div_2exp(value, value, 1);
    fmpq_addmul(value, beta, l1);
    fmpq_clear(c); fmpq_clear(t); fmpq_clear(l1);
    _fmpq_vec_clear(k, n);
    _fmpq_vec_clear(r, n);
    return ok;
}

static void
print_data(const wc_data_t D, const fmpq_t beta, int bias)
{
    slong i, j;

    printf("    bias %d, beta ", bias);
    fmpq_print(beta);
    printf(", data (x; y):\n");
    for (i = 0; i < D->n; i++)
    {
        printf("     ");
        for (j = 0; j < D->d; j++)
            printf(" "), fmpq_print(fmpq_mat_entry(D->X, i, j));
        printf(" ; "), fmpq_print(D->y + i), printf("\n");
    }
}

int
main(void)
{
    flint_rand_t state;
    slong iter;

    flint_randinit(state);
    TEST_BEGIN("the Lasso solution and every breakpoint satisfy the KKT conditions");
    for (iter = 0; iter < 250; iter++)
    {
        wc_data_t D;
        wc_dict_t V;
        wc_lasso_path_t P;
        wc_error_t err;
        slong n = 2 + n_randint(state, 6), d = 1 + n_randint(state, 2), i, j, q;
        int bias = n_randint(state, 2), icpt = bias || n_randint(state, 2);
        fmpq * z;
        fmpq_t xi, beta, value;

        wc_data_init(D);
        wc_data_set_shape(D, n, d, 1);
        for (i = 0; i < n; i++)
        {
            for (j = 0; j < d; j++)
                fmpq_set_si(fmpq_mat_entry(D->X, i, j), (slong) n_randint(state, 7) - 3, 1);
            fmpq_set_si(D->y + i, (slong) n_randint(state, 9) - 4, 1 + n_randint(state, 2));
        }
        fmpq_init(xi); fmpq_init(beta); fmpq_init(value);
        fmpq_set_si(beta, 1 + n_randint(state, 40), 1 + n_randint(state, 20));
        wc_dict_init(V);
        wc_lasso_path_init(P);
        wc_dict_build(V, D, bias, WC_DICT_FULL, 0, NULL, NULL, err);
        z = _fmpq_vec_init(V->len + 1);
        CHECKF(wc_lasso_path(P, z, xi, D, V, icpt, beta, NULL, NULL, err) == WC_OK
               && kkt(value, D, V, z, xi, beta, icpt)
               && fmpq_equal(value, P->point[P->len - 1].value)
               && fmpq_equal(beta, P->point[P->len - 1].beta),
               print_data(D, beta, bias));
        /* every breakpoint: its own KKT conditions, with the intercept
           that is optimal for its z, and falling betas */
        for (q = 0; q < P->len; q++)
        {
            const wc_lasso_point_struct * p = P->point + q;
            fmpq * zq = _fmpq_vec_init(V->len + 1), * k = _fmpq_vec_init(n);
            slong a;

            fmpq_zero(xi);
            if (icpt)
            {
                for (i = 0; i < n; i++)
                    fmpq_add(xi, xi, D->y + i);
                for (a = 0; a < p->nactive; a++)
                {
                    fmpq_set(zq + p->atom[a], p->z + a);
                    wc_dict_column(k, V, D, p->atom[a]);
                    for (i = 0; i < n; i++)
                        fmpq_submul(xi, p->z + a, k + i);
                }
                {
                    fmpz_t nz;
                    fmpz_init_set_si(nz, n);
                    fmpq_div_fmpz(xi, xi, nz);
                    fmpz_clear(nz);
                }
            }
            else
                for (a = 0; a < p->nactive; a++)
                    fmpq_set(zq + p->atom[a], p->z + a);
            CHECKF(kkt(value, D, V, zq, xi, p->beta, icpt) && fmpq_equal(value, p->value)
                   && (q == 0 || fmpq_cmp(p->beta, P->point[q - 1].beta) < 0),
                   (printf("    breakpoint %ld\n", q), print_data(D, p->beta, bias)));
            _fmpq_vec_clear(zq, V->len + 1);
            _fmpq_vec_clear(k, n);
        }
        _fmpq_vec_clear(z, V->len + 1);
        wc_lasso_path_clear(P);
        wc_dict_clear(V);
        wc_data_clear(D);
        fmpq_clear(xi); fmpq_clear(beta); fmpq_clear(value);
    }
    TEST_END();
    flint_randclear(state);
    flint_cleanup();
    TESTS_DONE();
}
