/*
 * dict_bench.c -- the exact dictionary build against the same enumeration
 * in C doubles (the floor for this computation), in one process.
 *
 * usage: dict_bench N D SEED   (data: integers in [-20, 20], splitmix64)
 * prints: n d exact_atoms double_atoms exact_seconds double_seconds ratio
 * (the double loop does not remove duplicates, so it counts more atoms)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "wedgecert.h"
#include "bench.h"

/* det of the m x m row-major matrix A by Gaussian elimination in doubles */
static double
det_d(double * A, int m)
{
    double r = 1;
    int c, i, j, p;

    for (c = 0; c < m; c++)
    {
        for (p = c, i = c + 1; i < m; i++)
            if (fabs(A[i * m + c]) > fabs(A[p * m + c]))
                p = i;
        if (A[p * m + c] == 0)
            return 0;
        if (p != c)
        {
            for (j = 0; j < m; j++)
            {
                double t = A[p * m + j]; A[p * m + j] = A[c * m + j]; A[c * m + j] = t;
            }
            r = -r;
        }
        r *= A[c * m + c];
        for (i = c + 1; i < m; i++)
        {
            double f = A[i * m + c] / A[c * m + c];
            for (j = c; j < m; j++)
                A[i * m + j] -= f * A[c * m + j];
        }
    }
    return r;
}

/* the same enumeration as wc_dict_build (bias), in doubles; returns atoms */
static long
double_dictionary(const double * X, int n, int d, double * out)
{
    long count = 0;
    slong T[16], S[16];
    int k, i, j, t;
    double M[256], w[16];

    for (k = 1; k <= d; k++)
    {
        for (j = 0; j < k; j++) T[j] = j;
        do
        {
            for (j = 0; j < k; j++) S[j] = j;
            do
            {
                double l1 = 0, b = 0;
                for (t = 0; t < k; t++)
                {
                    int c = 0;
                    for (i = 0; i < k - 1; i++)
                        for (j = 0, c = 0; j < k; j++)
                            if (j != t)
                                M[i * (k - 1) + c++] = X[S[i + 1] * d + T[j]] - X[S[0] * d + T[j]];
                    w[t] = (t & 1 ? -1 : 1) * det_d(M, k - 1);
                    l1 += fabs(w[t]);
                }
                if (l1 == 0)
                    goto next;
                for (t = 0; t < k; t++)
                    b -= X[S[0] * d + T[t]] * w[t] / l1;
                out[(count % 1024)] = b;
                count += 2;
            next:;
            } while (wc_subset_next(S, n, k));
        } while (wc_subset_next(T, d, k));
    }
    return count;
}

int
main(int argc, char ** argv)
{
    int n, d, i, j;
    double * X, * out, t0, t1, t2;
    long atoms_d;
    wc_data_t D;
    wc_dict_t V;
    wc_error_t err;

    if (argc != 4)
    {
        fprintf(stderr, "usage: dict_bench N D SEED\n");
        return 2;
    }
    n = atoi(argv[1]);
    d = atoi(argv[2]);
    state = strtoull(argv[3], NULL, 10);
    X = malloc(sizeof(double) * n * d);
    out = malloc(sizeof(double) * 1024);
    wc_data_init(D);
    D->n = n;
    D->d = d;
    fmpq_mat_clear(D->X);
    fmpq_mat_init(D->X, n, d);
    for (i = 0; i < n; i++)
        for (j = 0; j < d; j++)
        {
            long long v = next_int(20);
            X[i * d + j] = (double) v;
            fmpq_set_si(fmpq_mat_entry(D->X, i, j), v, 1);
        }
    wc_dict_init(V);
    t0 = now();
    wc_dict_build(V, D, 1, WC_DICT_FULL, 0, NULL, NULL, err);
    t1 = now();
    atoms_d = double_dictionary(X, n, d, out);
    t2 = now();
    printf("%d %d %ld %ld %.4f %.4f %.2f\n", n, d, V->len, atoms_d, t1 - t0, t2 - t1,
           (t1 - t0) / (t2 - t1 > 1e-9 ? t2 - t1 : 1e-9));
    wc_dict_clear(V);
    wc_data_clear(D);
    free(X);
    free(out);
    flint_cleanup();
    return 0;
}
