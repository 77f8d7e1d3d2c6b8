/*
 * dixon.c N SEED -- the floor of a certified dense interpolation: the two
 * exact solves (primal B x = b and dual B^T y = c) of an N x N basis of
 * atom columns (x_i^T w - x_a^T w)_+ for bench/gen.py-like integer data
 * (|x_ij| <= 1000, random integer directions w, hyperplanes through a
 * random sample a, as the vertex dictionary's atoms), by FLINT's Dixon
 * p-adic solver.  A column of an empty half plane (a hull vertex and an
 * outward w) is drawn again, and so is a basis singular modulo a prime
 * (Dixon's solver took 10-16 times as long to reject a singular one as to
 * solve).  Prints "N seconds" of the first nonsingular one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <flint/fmpz_mat.h>
#include <flint/nmod_mat.h>

/* Whether B has full rank modulo a 62-bit prime (then over Q too). */
static int
full_rank_mod_p(const fmpz_mat_t B)
{
    slong n = fmpz_mat_nrows(B);
    nmod_mat_t R;
    int full;

    nmod_mat_init(R, n, n, n_nextprime(UWORD(1) << 62, 1));
    fmpz_mat_get_nmod_mat(R, B);
    full = nmod_mat_rank(R) == n;
    nmod_mat_clear(R);
    return full;
}

/* B := a random basis of atom columns, b := random labels. */
static void
draw(fmpz_mat_t B, fmpz_mat_t b, slong n, flint_rand_t st)
{
    long * x = malloc(2 * n * sizeof(long));
    slong i, j;

    for (i = 0; i < 2 * n; i++)
        x[i] = (long) n_randint(st, 2001) - 1000;
    for (j = 0; j < n; j++)
    {
        int nonzero = 0;
        while (!nonzero)        /* an empty half plane: drawn again */
        {
            long w0 = (long) n_randint(st, 2001) - 1000, w1 = (long) n_randint(st, 2001) - 1000;
            slong a = (slong) n_randint(st, n);
            for (i = 0; i < n; i++)
            {
                long t = (x[2 * i] - x[2 * a]) * w0 + (x[2 * i + 1] - x[2 * a + 1]) * w1;
                fmpz_set_si(fmpz_mat_entry(B, i, j), t > 0 ? t : 0);
                nonzero |= t > 0;
            }
        }
    }
    for (i = 0; i < n; i++)
        fmpz_set_si(fmpz_mat_entry(b, i, 0), (slong) n_randint(st, 11) - 5);
    free(x);
}

int
main(int argc, char ** argv)
{
    slong n;
    fmpz_mat_t B, Bt, X, b;
    fmpz_t den;
    flint_rand_t st;
    struct timespec t0, t1;
    int ok = 0, tries;

    if (argc != 3 || (n = atol(argv[1])) < 1)
    {
        fprintf(stderr, "usage: dixon N SEED\n");
        return 2;
    }
    flint_randinit(st);
    flint_randseed(st, (ulong) atol(argv[2]), 1);
    fmpz_mat_init(B, n, n);
    fmpz_mat_init(Bt, n, n);
    fmpz_mat_init(X, n, 1);
    fmpz_mat_init(b, n, 1);
    fmpz_init(den);
    for (tries = 0; !ok && tries < 20; tries++)
    {
        draw(B, b, n, st);
        if (!full_rank_mod_p(B))
            continue;
        fmpz_mat_transpose(Bt, B);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        ok = fmpz_mat_solve_dixon(X, den, B, b) && fmpz_mat_solve_dixon(X, den, Bt, b);
        clock_gettime(CLOCK_MONOTONIC, &t1);
    }
    if (ok)
        printf("%ld %.3f\n", (long) n,
               (double) (t1.tv_sec - t0.tv_sec) + 1e-9 * (double) (t1.tv_nsec - t0.tv_nsec));
    else
        fprintf(stderr, "dixon: 20 singular draws\n");
    fmpz_mat_clear(B);
    fmpz_mat_clear(Bt);
    fmpz_mat_clear(X);
    fmpz_mat_clear(b);
    fmpz_clear(den);
    flint_randclear(st);
    return ok ? 0 : 1;
}
