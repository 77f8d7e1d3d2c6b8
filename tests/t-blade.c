/*
 * t-blade.c -- properties of the exterior algebra on random rational
 * matrices (sizes 1..7, entries up to a few hundred bits).
 */
#include <flint/fmpq_vec.h>
#include "wedgecert.h"
#include "check.h"

#define ITERS 200

static void
random_matrix(fmpq_mat_t A, flint_rand_t st)
{
    slong i, j;
    flint_bitcnt_t bits = 1 + n_randint(st, 300);

    for (i = 0; i < A->r; i++)
        for (j = 0; j < A->c; j++)
            fmpq_randtest(fmpq_mat_entry(A, i, j), st, bits);
}

/* An independent determinant: the Leibniz expansion over all permutations. */
static void
leibniz_det(fmpq_t r, const fmpq_mat_t A)
{
    slong n = A->r, perm[8], c[8], i, sign = 1;
    fmpq_t t;

    fmpq_init(t);
    fmpq_zero(r);
    for (i = 0; i < n; i++)
        perm[i] = i, c[i] = 0;
    /* Heap's algorithm: each step swaps two entries, flipping the sign */
    for (i = 0;;)
    {
        slong j;
        fmpq_one(t);
        for (j = 0; j < n; j++)
            fmpq_mul(t, t, fmpq_mat_entry(A, j, perm[j]));
        if (sign > 0) fmpq_add(r, r, t); else fmpq_sub(r, r, t);
        while (i < n && c[i] >= i)
            c[i++] = 0;
        if (i >= n)
            break;
        {
            slong a = (i % 2 == 0) ? 0 : c[i], tmp = perm[a];
            perm[a] = perm[i]; perm[i] = tmp;
        }
        c[i]++;
        i = 0;
        sign = -sign;
    }
    fmpq_clear(t);
}

static void
print_mat(const char * name, const fmpq_mat_t A)
{
    printf("  %s = ", name);
    fmpq_mat_print(A);
    printf("\n");
}

int
main(void)
{
    flint_rand_t st;
    slong it;

    flint_randinit(st);

    TEST_BEGIN("subset rank/unrank/next agree");
    {
        slong n, k, I[8], J[8];
        for (n = 0; n <= 8; n++)
            for (k = 0; k <= n; k++)
            {
                ulong r = 0, total = wc_binomial(n, k);
                for (it = 0; it < k; it++) I[it] = it;
                do {
                    CHECKF(wc_subset_rank(I, n, k) == r, printf("  n=%ld k=%ld r=%lu\n", n, k, r));
                    wc_subset_unrank(J, r, n, k);
                    for (it = 0; it < k; it++)
                        CHECKF(J[it] == I[it], printf("  n=%ld k=%ld r=%lu\n", n, k, r));
                    r++;
                } while (wc_subset_next(I, n, k));
                CHECKF(r == total, printf("  n=%ld k=%ld counted %lu\n", n, k, r));
            }
        CHECK(wc_binomial(64, 32) == UWORD(1832624140942590534));
        CHECK(wc_binomial(200, 100) == UWORD_MAX);
    }
    TEST_END();

    TEST_BEGIN("det by minors equals the Leibniz expansion");
    for (it = 0; it < ITERS; it++)
    {
        slong d = 1 + n_randint(st, 6);
        fmpq_mat_t A; fmpq_t a, b;
        fmpq_mat_init(A, d, d); fmpq_init(a); fmpq_init(b);
        random_matrix(A, st);
        wc_volume(a, A);
        leibniz_det(b, A);
        CHECKF(fmpq_equal(a, b), print_mat("A", A));
        fmpq_mat_clear(A); fmpq_clear(a); fmpq_clear(b);
    }
    TEST_END();

    TEST_BEGIN("<x, *(v_1..v_{d-1})> = det[x; v_1; ...; v_{d-1}]");
    for (it = 0; it < ITERS; it++)
    {
        slong d = 1 + n_randint(st, 7), i, j;
        fmpq_mat_t V, M; fmpq * w = _fmpq_vec_init(d); fmpq * x = _fmpq_vec_init(d);
        fmpq_t lhs, rhs;
        fmpq_mat_init(V, d - 1, d); fmpq_mat_init(M, d, d); fmpq_init(lhs); fmpq_init(rhs);
        random_matrix(V, st);
        for (j = 0; j < d; j++)
            fmpq_randtest(x + j, st, 200);
        wc_hodge_dual(w, V);
        _fmpq_vec_dot(lhs, x, w, d);
        for (j = 0; j < d; j++)
            fmpq_set(fmpq_mat_entry(M, 0, j), x + j);
        for (i = 0; i < d - 1; i++)
            for (j = 0; j < d; j++)
                fmpq_set(fmpq_mat_entry(M, i + 1, j), fmpq_mat_entry(V, i, j));
        fmpq_mat_det(rhs, M);     /* FLINT's own det: a second route */
        CHECKF(fmpq_equal(lhs, rhs), print_mat("[x; V]", M));
        fmpq_mat_clear(V); fmpq_mat_clear(M); fmpq_clear(lhs); fmpq_clear(rhs);
        _fmpq_vec_clear(w, d); _fmpq_vec_clear(x, d);
    }
    TEST_END();

    TEST_BEGIN("cross product and rotation in low dimension");
    {
        fmpq_mat_t V; fmpq w[3];
        fmpq_mat_init(V, 2, 3);
        for (it = 0; it < 3; it++) fmpq_init(w + it);
        for (it = 0; it < 3; it++)
        {
            fmpq_set_si(fmpq_mat_entry(V, 0, it), it + 1, 1);   /* (1,2,3) */
            fmpq_set_si(fmpq_mat_entry(V, 1, it), it + 4, 1);   /* (4,5,6) */
        }
        wc_hodge_dual(w, V);    /* (1,2,3) x (4,5,6) = (-3, 6, -3) by hand */
        CHECK(fmpq_equal_si(w + 0, -3) && fmpq_equal_si(w + 1, 6) && fmpq_equal_si(w + 2, -3));
        fmpq_mat_clear(V);
        fmpq_mat_init(V, 1, 2);
        fmpq_set_si(fmpq_mat_entry(V, 0, 0), 5, 7);
        fmpq_set_si(fmpq_mat_entry(V, 0, 1), -2, 3);
        wc_hodge_dual(w, V);    /* d = 2: *(v) = (v_2, -v_1) */
        CHECK(fmpq_equal(w + 0, fmpq_mat_entry(V, 0, 1)));
        fmpq_neg(w + 1, w + 1);
        CHECK(fmpq_equal(w + 1, fmpq_mat_entry(V, 0, 0)));
        fmpq_mat_clear(V);
        for (it = 0; it < 3; it++) fmpq_clear(w + it);
    }
    TEST_END();

    TEST_BEGIN("swapping two vectors negates the blade");
    for (it = 0; it < ITERS; it++)
    {
        slong d = 1 + n_randint(st, 7), k = 2 + n_randint(st, 6), a, b, j;
        fmpq_mat_t V; wc_blade_t B1, B2;
        if (k > d) k = d;
        if (k < 2) continue;
        fmpq_mat_init(V, k, d);
        random_matrix(V, st);
        wc_blade_init(B1, k, d); wc_blade_init(B2, k, d);
        wc_blade_set_rows(B1, V);
        a = n_randint(st, k); b = (a + 1 + n_randint(st, k - 1)) % k;
        for (j = 0; j < d; j++)
            fmpq_swap(fmpq_mat_entry(V, a, j), fmpq_mat_entry(V, b, j));
        wc_blade_set_rows(B2, V);
        for (j = 0; j < B2->len; j++)
            fmpq_neg(B2->coords + j, B2->coords + j);
        CHECKF(wc_blade_equal(B1, B2), print_mat("V (after swap)", V));
        wc_blade_clear(B1); wc_blade_clear(B2); fmpq_mat_clear(V);
    }
    TEST_END();

    TEST_BEGIN("Cauchy-Binet: sum of squared minors = det(V V^T)");
    for (it = 0; it < ITERS; it++)
    {
        slong d = 1 + n_randint(st, 7), k = n_randint(st, d + 1);
        fmpq_mat_t V; wc_blade_t B; fmpq_t a, b;
        fmpq_mat_init(V, k, d); fmpq_init(a); fmpq_init(b);
        random_matrix(V, st);
        if (n_randint(st, 4) == 0 && k >= 2)    /* dependent rows: both 0 */
        {
            slong j;
            for (j = 0; j < d; j++)
                fmpq_mul_2exp(fmpq_mat_entry(V, 1, j), fmpq_mat_entry(V, 0, j), 1);
        }
        wc_blade_init(B, k, d);
        wc_blade_set_rows(B, V);
        wc_blade_norm2(a, B);
        wc_gram_det(b, V);
        CHECKF(fmpq_equal(a, b), print_mat("V", V));
        wc_blade_clear(B); fmpq_mat_clear(V); fmpq_clear(a); fmpq_clear(b);
    }
    TEST_END();

    TEST_BEGIN("volume(AB) = volume(A) volume(B)");
    for (it = 0; it < ITERS; it++)
    {
        slong d = 1 + n_randint(st, 7);
        fmpq_mat_t A, B, C; fmpq_t a, b, c;
        fmpq_mat_init(A, d, d); fmpq_mat_init(B, d, d); fmpq_mat_init(C, d, d);
        fmpq_init(a); fmpq_init(b); fmpq_init(c);
        random_matrix(A, st); random_matrix(B, st);
        fmpq_mat_mul(C, A, B);
        wc_volume(a, A); wc_volume(b, B); wc_volume(c, C);
        fmpq_mul(a, a, b);
        CHECKF(fmpq_equal(a, c), (print_mat("A", A), print_mat("B", B)));
        fmpq_mat_clear(A); fmpq_mat_clear(B); fmpq_mat_clear(C);
        fmpq_clear(a); fmpq_clear(b); fmpq_clear(c);
    }
    TEST_END();

    TEST_BEGIN("wedge is associative and agrees with minors of stacked rows");
    for (it = 0; it < ITERS; it++)
    {
        slong d = 1 + n_randint(st, 7), ka, kb, kc, i, j;
        fmpq_mat_t A, B, C, S;
        wc_blade_t bA, bB, bC, AB, ABC1, BC, ABC2, direct;
        ka = n_randint(st, 3); kb = n_randint(st, 3); kc = n_randint(st, 3);
        fmpq_mat_init(A, ka, d); fmpq_mat_init(B, kb, d); fmpq_mat_init(C, kc, d);
        fmpq_mat_init(S, ka + kb + kc, d);
        random_matrix(A, st); random_matrix(B, st); random_matrix(C, st);
        for (i = 0; i < ka + kb + kc; i++)
            for (j = 0; j < d; j++)
                fmpq_set(fmpq_mat_entry(S, i, j),
                    i < ka ? fmpq_mat_entry(A, i, j)
                    : i < ka + kb ? fmpq_mat_entry(B, i - ka, j)
                    : fmpq_mat_entry(C, i - ka - kb, j));
        wc_blade_init(bA, ka, d); wc_blade_init(bB, kb, d); wc_blade_init(bC, kc, d);
        wc_blade_init(AB, 0, d); wc_blade_init(ABC1, 0, d);
        wc_blade_init(BC, 0, d); wc_blade_init(ABC2, 0, d);
        wc_blade_init(direct, 0, d);
        wc_blade_set_rows(bA, A); wc_blade_set_rows(bB, B); wc_blade_set_rows(bC, C);
        wc_blade_wedge(AB, bA, bB); wc_blade_wedge(ABC1, AB, bC);
        wc_blade_wedge(BC, bB, bC); wc_blade_wedge(ABC2, bA, BC);
        CHECKF(wc_blade_equal(ABC1, ABC2), print_mat("stacked", S));
        if (ka + kb + kc <= d)
        {
            wc_blade_set_rows(direct, S);
            CHECKF(wc_blade_equal(ABC1, direct), print_mat("stacked", S));
        }
        else
            CHECK(ABC1->len == 0);
        wc_blade_clear(bA); wc_blade_clear(bB); wc_blade_clear(bC);
        wc_blade_clear(AB); wc_blade_clear(ABC1); wc_blade_clear(BC);
        wc_blade_clear(ABC2); wc_blade_clear(direct);
        fmpq_mat_clear(A); fmpq_mat_clear(B); fmpq_mat_clear(C); fmpq_mat_clear(S);
    }
    TEST_END();

    TEST_BEGIN("distances: signed hyperplane distance, Gram ratio, simplex volume");
    for (it = 0; it < ITERS; it++)
    {
        slong d = 2 + n_randint(st, 5), i, j;
        fmpq_mat_t V, P; fmpq * x = _fmpq_vec_init(d); fmpq_t s, g, vol, simp, fact;
        fmpq_mat_init(V, d - 1, d); fmpq_mat_init(P, d + 1, d);
        fmpq_init(s); fmpq_init(g); fmpq_init(vol); fmpq_init(simp); fmpq_init(fact);
        random_matrix(V, st);
        for (j = 0; j < d; j++)
            fmpq_randtest(x + j, st, 100);
        if (wc_signed_dist2(s, x, V) == WC_OK)
        {
            CHECK(wc_dist2_to_span(g, x, V) == WC_OK);
            fmpq_abs(s, s);
            CHECKF(fmpq_equal(s, g), print_mat("V", V));
        }
        /* simplex with p_0 = 0 and p_i = the rows of [x; V]: det / d! */
        for (j = 0; j < d; j++)
            fmpq_set(fmpq_mat_entry(P, 1, j), x + j);
        for (i = 0; i < d - 1; i++)
            for (j = 0; j < d; j++)
                fmpq_set(fmpq_mat_entry(P, i + 2, j), fmpq_mat_entry(V, i, j));
        wc_simplex_volume(simp, P);
        {
            fmpq_mat_t M;
            fmpq_mat_init(M, d, d);
            for (i = 0; i < d; i++)
                for (j = 0; j < d; j++)
                    fmpq_set(fmpq_mat_entry(M, i, j), fmpq_mat_entry(P, i + 1, j));
            leibniz_det(vol, M);
            fmpq_mat_clear(M);
        }
        fmpz_fac_ui(fmpq_numref(fact), d);
        fmpq_mul(simp, simp, fact);
        CHECKF(fmpq_equal(simp, vol), print_mat("P", P));
        fmpq_mat_clear(V); fmpq_mat_clear(P); _fmpq_vec_clear(x, d);
        fmpq_clear(s); fmpq_clear(g); fmpq_clear(vol); fmpq_clear(simp); fmpq_clear(fact);
    }
    TEST_END();

    flint_randclear(st);
    flint_cleanup();
    TESTS_DONE();
}
