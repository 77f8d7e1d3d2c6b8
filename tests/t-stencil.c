/*
 * t-stencil.c -- the row operation of train/stencil.c on random data.
 *
 * Random integer samples (d = 1..4, n up to 40, duplicates likely) with
 * labels of denominators 1..3, so that the rows carry different factors
 * rho_i.  Checked on every data set:
 *   - the map is unit triangular: each row is replaced at most once, by
 *     rows other than itself that no earlier step replaced (so M is
 *     invertible and reads original rows only);
 *   - each step reproduces its sample: with lambda_q = l_q rho_jq / rho_r,
 *     sum_q lambda_q = 1 and sum_q lambda_q x_jq = x_r;
 *   - the fact the map is for: for a random (w, b), the ReLU column
 *     rho_i (w^T x_i + b)_+ mapped by M is exactly 0 in every replaced row
 *     whose sample and stencil lie in one closed half-space of w, b, and
 *     every row no step replaced is unchanged;
 *   - the same data give the same map.
 * And on degenerate data: no step when n <= d + 1, when all samples are
 * one point, when 2-D samples are collinear, when d is above
 * WC_STENCIL_MAX_D, or when a coordinate is beyond doubles' comfortable
 * range (10^80).
 */
#include <math.h>
#include <string.h>
#include "train/train.h"
#include "check.h"

static void
random_data(wc_data_t D, slong n, slong d, slong range, flint_rand_t state)
{
    slong i, c;

    wc_data_init(D);
    wc_data_set_shape(D, n, d, 1);
    for (i = 0; i < n; i++)
    {
        for (c = 0; c < d; c++)
            fmpq_set_si(fmpq_mat_entry(D->X, i, c), (slong) n_randint(state, 2 * range + 1) - range, 1);
        fmpq_set_si(D->y + i, (slong) n_randint(state, 9) - 4, 1 + n_randint(state, 3));
    }
}

static double
x_of(const wc_data_t D, slong i, slong c)
{
    return fmpq_get_d(fmpq_mat_entry(D->X, i, c));
}

static double
rho_of(const wc_data_t D, const wc_problem_t p, slong i)
{
    return fmpz_get_d(wc_row_scale(D, p, i));
}

/* 1 if M is unit triangular as lp.h requires. */
static int
triangular(const wc_rowmap_struct * M, slong n)
{
    char * replaced = flint_calloc(n + 1, 1);
    slong t, q, s;
    int ok = 1;

    for (t = 0; t < M->len; t++)
    {
        for (q = M->start[t]; q < M->start[t + 1]; q++)
        {
            ok &= M->j[q] >= 0 && M->j[q] < n && M->j[q] != M->r[t] && !replaced[M->j[q]];
            for (s = M->start[t]; s < q; s++)
                ok &= M->j[s] != M->j[q];
        }
        ok &= M->r[t] >= 0 && M->r[t] < n && !replaced[M->r[t]];
        replaced[M->r[t]] = 1;
    }
    flint_free(replaced);
    return ok;
}

/* 1 if every step reproduces its sample (to 1e-9 of its size). */
static int
reproduces(const wc_rowmap_struct * M, const wc_data_t D, const wc_problem_t p)
{
    slong t, q, c, r;
    int ok = 1;

    for (t = 0; t < M->len; t++)
    {
        double sum = 0;
        r = M->r[t];
        for (q = M->start[t]; q < M->start[t + 1]; q++)
            sum += M->l[q] * rho_of(D, p, M->j[q]) / rho_of(D, p, r);
        ok &= fabs(sum - 1) < 1e-9;
        for (c = 0; c < D->d; c++)
        {
            double s = 0, size = fabs(x_of(D, r, c));
            for (q = M->start[t]; q < M->start[t + 1]; q++)
            {
                double lam = M->l[q] * rho_of(D, p, M->j[q]) / rho_of(D, p, r);
                s += lam * x_of(D, M->j[q], c);
                size += fabs(lam * x_of(D, M->j[q], c));
            }
            ok &= fabs(s - x_of(D, r, c)) <= 1e-9 * (1 + size);
        }
    }
    return ok;
}

/* Checks the zeros of M times a random ReLU column; RETURNS 1 if all
 * hold, counting the rows the half-space fact applied to in *zeros. */
static int
relu_zeros(slong * zeros, const wc_rowmap_struct * M, const wc_data_t D,
           const wc_problem_t p, flint_rand_t state)
{
    slong n = D->n, d = D->d, i, c, t, q;
    double * a = flint_malloc(n * sizeof(double)), * v = flint_malloc(n * sizeof(double));
    double * side = flint_malloc(n * sizeof(double)), w[8], b;
    char * replaced = flint_calloc(n + 1, 1);
    int ok = 1;

    for (c = 0; c < d; c++)
        w[c] = (double) n_randint(state, 7) - 3;
    b = (double) n_randint(state, 11) - 5;
    for (i = 0; i < n; i++)
    {
        side[i] = b;
        for (c = 0; c < d; c++)
            side[i] += w[c] * x_of(D, i, c);
        a[i] = v[i] = rho_of(D, p, i) * (side[i] > 0 ? side[i] : 0);
    }
    wc_rowmap_apply(v, M);
    for (t = 0; t < M->len; t++)
    {
        int up = side[M->r[t]] >= 0, down = side[M->r[t]] <= 0;
        for (q = M->start[t]; q < M->start[t + 1]; q++)
        {
            up &= side[M->j[q]] >= 0;
            down &= side[M->j[q]] <= 0;
        }
        if (up || down)
        {
            ok &= v[M->r[t]] == 0;
            (*zeros)++;
        }
        replaced[M->r[t]] = 1;
    }
    for (i = 0; i < n; i++)
        ok &= replaced[i] || v[i] == a[i];
    flint_free(a);
    flint_free(v);
    flint_free(side);
    flint_free(replaced);
    return ok;
}

static int
same_map(const wc_rowmap_struct * M, const wc_rowmap_struct * N)
{
    slong nz = M->start[M->len];

    return M->len == N->len && N->start[N->len] == nz
           && memcmp(M->r, N->r, M->len * sizeof(slong)) == 0
           && memcmp(M->start, N->start, (M->len + 1) * sizeof(slong)) == 0
           && memcmp(M->j, N->j, nz * sizeof(slong)) == 0
           && memcmp(M->l, N->l, nz * sizeof(double)) == 0;
}

/* The number of steps of the map of D. */
static slong
steps_of(const wc_data_t D, const wc_problem_t p)
{
    wc_rowmap_struct M;
    slong len;

    wc_stencil_rowmap(&M, D, p);
    len = M.len;
    wc_rowmap_clear(&M);
    return len;
}

int
main(void)
{
    flint_rand_t state;
    slong iter, steps = 0, zeros = 0, k;
    wc_problem_t p;

    flint_randinit(state);
    wc_problem_init(p);
    p->bias = 1;

    TEST_BEGIN("stencil: unit triangular, reproduces each sample, zero where affine");
    for (iter = 0; iter < 300; iter++)
    {
        slong d = 1 + n_randint(state, 4), n = 1 + n_randint(state, 40);
        wc_data_t D;
        wc_rowmap_struct M, N;
        int ok;

        random_data(D, n, d, 1 + n_randint(state, 6), state);
        wc_stencil_rowmap(&M, D, p);
        wc_stencil_rowmap(&N, D, p);
        steps += M.len;
        ok = triangular(&M, n) && reproduces(&M, D, p) && same_map(&M, &N);
        for (k = 0; k < 5; k++)
            ok &= relu_zeros(&zeros, &M, D, p, state);
        CHECKF(ok, printf("    n = %ld, d = %ld, %ld steps: %d %d %d\n", n, d, M.len,
                          triangular(&M, n), reproduces(&M, D, p), same_map(&M, &N)));
        wc_rowmap_clear(&M);
        wc_rowmap_clear(&N);
        wc_data_clear(D);
    }
    /* the facts were tested, not vacuous */
    CHECKF(steps > 1000 && zeros > 1000, printf("    %ld steps, %ld zeros\n", steps, zeros));
    TEST_END();
    printf("    (%ld steps, %ld zero rows checked)\n", steps, zeros);

    TEST_BEGIN("stencil: no step on degenerate data");
    {
        wc_data_t D;
        slong i, d;

        for (d = 1; d <= WC_STENCIL_MAX_D; d++)     /* n <= d + 1 */
        {
            random_data(D, d + 1, d, 5, state);
            CHECK(steps_of(D, p) == 0);
            wc_data_clear(D);
        }
        random_data(D, 30, 3, 5, state);            /* one point */
        for (i = 0; i < 30; i++)
        {
            fmpq_set_si(fmpq_mat_entry(D->X, i, 0), 2, 1);
            fmpq_set_si(fmpq_mat_entry(D->X, i, 1), -1, 1);
            fmpq_set_si(fmpq_mat_entry(D->X, i, 2), 7, 3);
        }
        CHECK(steps_of(D, p) == 0);
        wc_data_clear(D);
        random_data(D, 30, 2, 5, state);            /* collinear: x_2 = 2 x_1 - 1 */
        for (i = 0; i < 30; i++)
        {
            fmpq_set_si(fmpq_mat_entry(D->X, i, 0), i - 15, 1);
            fmpq_set_si(fmpq_mat_entry(D->X, i, 1), 2 * i - 31, 1);
        }
        CHECK(steps_of(D, p) == 0);
        wc_data_clear(D);
        random_data(D, 40, WC_STENCIL_MAX_D + 1, 5, state);
        CHECK(steps_of(D, p) == 0);
        wc_data_clear(D);
        random_data(D, 40, 2, 5, state);            /* one coordinate 10^80 */
        fmpz_set_ui(fmpq_numref(fmpq_mat_entry(D->X, 7, 1)), 10);
        fmpz_pow_ui(fmpq_numref(fmpq_mat_entry(D->X, 7, 1)), fmpq_numref(fmpq_mat_entry(D->X, 7, 1)), 80);
        CHECK(steps_of(D, p) == 0);
        wc_data_clear(D);
        random_data(D, 40, WC_STENCIL_MAX_D, 5, state);     /* the control */
        CHECK(steps_of(D, p) > 0);
        wc_data_clear(D);
    }
    TEST_END();

    wc_problem_clear(p);
    flint_randclear(state);
    flint_cleanup();
    TESTS_DONE();
}
