/*
 * t-cells.c -- the face walk of src/dict/cells.c against a second route.
 *
 * For random small integer data (with repeated and collinear points) in
 * d = 1, 2, 3, with and without bias, and random integer weights V
 * (1^T V = 0 with bias), the exact maximum M of |sum_j V_j (x_j^T w + b)_+|
 * over ||w|| <= 1 found by the walk is compared with a brute-force search
 * in doubles: many random unit directions w, each with every breakpoint
 * b = -x_a^T w (and b = 0 without bias), then a local refinement of the
 * best ones.  The search can only find values <= M (every one is a point of
 * the domain) and must come within 1e-6 of M; the walk's own witness q
 * attains M when re-evaluated in doubles.
 */
#include <math.h>
#include <stdlib.h>
#include "check.h"
#include "dict/dict.h"

typedef struct {
    double best;        /* max |fq| / ||q|| in doubles */
    double q[3];
    slong anchor;
    fmpq_t M2;          /* exact max fq^2 / ||q||^2 */
} best_t;

static void
keep(void * ctx, slong anchor, const fmpz * q, const fmpz_t fq)
{
    best_t * B = ctx;
    fmpq_t r;
    fmpz_t n2;
    fmpq_init(r);
    fmpz_init(n2);
    for (int k = 0; k < 3; k++)
        fmpz_addmul(n2, q + k, q + k);
    fmpz_mul(fmpq_numref(r), fq, fq);
    fmpz_set(fmpq_denref(r), n2);
    fmpq_canonicalise(r);
    if (fmpq_cmp(r, B->M2) > 0)
    {
        fmpq_set(B->M2, r);
        B->anchor = anchor;
        for (int k = 0; k < 3; k++)
            B->q[k] = fmpz_get_d(q + k);
    }
    fmpq_clear(r);
    fmpz_clear(n2);
}

/* |sum_j V_j (x_j^T w + b)_+| maximised over the breakpoints b */
static double
value_at(const double * w, const double * X, const double * V, slong n, slong d, int bias)
{
    double best = 0;
    for (slong a = -1; a < (bias ? n : 0); a++)
    {
        double b = 0, s = 0;
        if (a >= 0)
            for (slong k = 0; k < d; k++)
                b -= X[a * d + k] * w[k];
        for (slong j = 0; j < n; j++)
        {
            double t = b;
            for (slong k = 0; k < d; k++)
                t += X[j * d + k] * w[k];
            if (t > 0)
                s += V[j] * t;
        }
        best = fmax(best, fabs(s));
    }
    return best;
}

/* w := the unit vector of c + step * (a random point of the cube); the
 * best's value and direction kept in *best, bw */
static void
try_near(double * best, double * bw, const double * c, double step, const double * X,
         const double * V, slong n, slong d, int bias, flint_rand_t st)
{
    double w[3] = {0, 0, 0}, nn = 0;
    for (slong k = 0; k < d; k++)
    {
        w[k] = c[k] + step * (n_randint(st, 2000001) - 1000000.0) / 1e6;
        nn += w[k] * w[k];
    }
    if (nn == 0)
        return;
    for (slong k = 0; k < d; k++)
        w[k] /= sqrt(nn);
    double v = value_at(w, X, V, n, d, bias);
    if (v > *best)
    {
        *best = v;
        for (slong k = 0; k < d; k++)
            bw[k] = w[k];
    }
}

/* random directions, then a local refinement of the best */
static double
search(const double * X, const double * V, slong n, slong d, int bias, flint_rand_t st)
{
    double best = 0, bw[3] = {1, 0, 0}, zero[3] = {0, 0, 0};
    for (int it = 0; it < 20000; it++)
        try_near(&best, bw, zero, 1.0, X, V, n, d, bias, st);
    for (double step = 0.05; step > 1e-12; step *= 0.8)
        for (int it = 0; it < 400; it++)
        {
            double c[3] = {bw[0], bw[1], bw[2]};
            try_near(&best, bw, c, step, X, V, n, d, bias, st);
        }
    return best;
}

int
main(void)
{
    flint_rand_t st;
    flint_randinit(st);
    TEST_BEGIN("cells: the walk's maximum is the maximum over the ball (d = 1, 2, 3)");
    for (int trial = 0; trial < 90; trial++)
    {
        slong d = 1 + trial % 3, n = 2 + n_randint(st, d == 3 ? 7 : 10);
        int bias = (trial / 3) % 2;
        fmpz * X = _fmpz_vec_init(n * d), * V = _fmpz_vec_init(n);
        double * Xd = flint_malloc(n * d * sizeof(double)), * Vd = flint_malloc(n * sizeof(double));
        for (slong i = 0; i < n; i++)
        {
            for (slong k = 0; k < d; k++)
            {
                if (i > 0 && n_randint(st, 6) == 0)     /* repeats and shared coordinates */
                    fmpz_set(X + i * d + k, X + (i - 1) * d + k);
                else
                    fmpz_set_si(X + i * d + k, (slong) n_randint(st, 11) - 5);
            }
            fmpz_set_si(V + i, (slong) n_randint(st, 21) - 10);
        }
        if (bias)   /* 1^T V = 0 */
        {
            fmpz_t s;
            fmpz_init(s);
            for (slong i = 1; i < n; i++)
                fmpz_add(s, s, V + i);
            fmpz_neg(V, s);
            fmpz_clear(s);
        }
        for (slong i = 0; i < n * d; i++)
            Xd[i] = fmpz_get_d(X + i);
        for (slong i = 0; i < n; i++)
            Vd[i] = fmpz_get_d(V + i);
        best_t B;
        fmpq_init(B.M2);
        B.anchor = -2;
        wc_cells_walk(X, n, d, V, bias, keep, &B);
        double M = sqrt(fmpq_get_d(B.M2));
        double S = search(Xd, Vd, n, d, bias, st);
        CHECKF(S <= M * (1 + 1e-12) + 1e-12 && S >= M * (1 - 1e-6) - 1e-9,
               printf("  d=%ld n=%ld bias=%d walk %.12g search %.12g\n", d, n, bias, M, S));
        if (M > 0)
        {
            double w[3] = {B.q[0], B.q[1], B.q[2]}, nn = 0, s = 0;
            for (int k = 0; k < 3; k++)
                nn += w[k] * w[k];
            for (int k = 0; k < 3; k++)
                w[k] /= sqrt(nn);
            for (slong j = 0; j < n; j++)
            {
                double t = 0;
                for (slong k = 0; k < d; k++)
                    t += (Xd[j * d + k] - (B.anchor >= 0 ? Xd[B.anchor * d + k] : 0)) * w[k];
                s += t > 0 ? Vd[j] * t : 0;
            }
            CHECKF(fabs(fabs(s) - M) <= 1e-9 * (1 + M),
                   printf("  witness %.12g vs %.12g\n", fabs(s), M));
        }
        fmpq_clear(B.M2);
        _fmpz_vec_clear(X, n * d);
        _fmpz_vec_clear(V, n);
        flint_free(Xd);
        flint_free(Vd);
    }
    TEST_END();
    flint_randclear(st);
    TESTS_DONE();
}
