/*
 * blade.c -- the exterior algebra of Q^d in exact arithmetic.
 *
 * A k-blade is stored by its Pluecker coordinates, the k x k minors of the
 * k x d matrix of its vectors, on column subsets in lexicographic order.
 * Rational rows are cleared to integer rows first (one denominator a row),
 * so all determinants are taken over Z and divided once at the end.
 */
#include <flint/fmpq_vec.h>
#include "algebra/algebra.h"

/* ------------------------------------------------------------- subsets */

ulong
wc_binomial(ulong n, ulong k)
{
    ulong r = 1, i, hi, lo;

    if (k > n)
        return 0;
    if (k > n - k)
        k = n - k;
    for (i = 1; i <= k; i++)
    {
        /* r = r * (n - k + i) / i, exact at every step */
        umul_ppmm(hi, lo, r, n - k + i);
        if (hi >= i)
            return UWORD_MAX;
        {
            ulong q, rem;
            udiv_qrnnd(q, rem, hi, lo, i);
            (void) rem;
            r = q;
        }
    }
    return r;
}

ulong
wc_subset_rank(const slong * I, slong n, slong k)
{
    ulong rank = 0;
    slong i, j, prev = -1;

    for (i = 0; i < k; i++)
    {
        for (j = prev + 1; j < I[i]; j++)
            rank += wc_binomial(n - 1 - j, k - 1 - i);
        prev = I[i];
    }
    return rank;
}

void
wc_subset_unrank(slong * I, ulong rank, slong n, slong k)
{
    slong i, j = 0;

    for (i = 0; i < k; i++, j++)
    {
        for (;; j++)
        {
            ulong c = wc_binomial(n - 1 - j, k - 1 - i);
            if (rank < c)
                break;
            rank -= c;
        }
        I[i] = j;
    }
}

int
wc_subset_next(slong * I, slong n, slong k)
{
    slong i = k - 1;

    while (i >= 0 && I[i] == n - k + i)
        i--;
    if (i < 0)
        return 0;
    I[i]++;
    for (i++; i < k; i++)
        I[i] = I[i - 1] + 1;
    return 1;
}

/* -------------------------------------------------------------- blades */

void
wc_blade_init(wc_blade_t B, slong k, slong d)
{
    B->k = k;
    B->d = d;
    B->len = (slong) wc_binomial(d, k);
    B->coords = _fmpq_vec_init(B->len);
}

void
wc_blade_clear(wc_blade_t B)
{
    _fmpq_vec_clear(B->coords, B->len);
}

/* num / den[i] = row i of V, with den[i] > 0 the least common denominator. */
static void
clear_row_denominators(fmpz_mat_t num, fmpz * den, const fmpq_mat_t V)
{
    fmpq_mat_get_fmpz_mat_rowwise(num, den, V);
}

static void
det_fmpz(fmpz_t r, const fmpz_mat_t A)
{
    if (A->r == 0)
        fmpz_one(r);
    else
        fmpz_mat_det(r, A);
}

void
wc_blade_set_rows(wc_blade_t B, const fmpq_mat_t V)
{
    slong k = V->r, d = V->c, i, j, r;
    slong * I = flint_malloc((k + 1) * sizeof(slong));
    fmpz_mat_t num, sub;
    fmpz * den = _fmpz_vec_init(k + 1);
    fmpz_t dprod, minor;

    wc_blade_clear(B);
    wc_blade_init(B, k, d);
    fmpz_mat_init(num, k, d);
    fmpz_mat_init(sub, k, k);
    fmpz_init(dprod);
    fmpz_init(minor);

    clear_row_denominators(num, den, V);
    fmpz_one(dprod);
    for (i = 0; i < k; i++)
        fmpz_mul(dprod, dprod, den + i);

    for (i = 0; i < k; i++)
        I[i] = i;
    for (r = 0; r < B->len; r++)
    {
        for (i = 0; i < k; i++)
            for (j = 0; j < k; j++)
                fmpz_set(fmpz_mat_entry(sub, i, j), fmpz_mat_entry(num, i, I[j]));
        det_fmpz(minor, sub);
        fmpq_set_fmpz_frac(B->coords + r, minor, dprod);
        wc_subset_next(I, d, k);
    }

    fmpz_clear(minor);
    fmpz_clear(dprod);
    _fmpz_vec_clear(den, k + 1);
    fmpz_mat_clear(sub);
    fmpz_mat_clear(num);
    flint_free(I);
}

void
wc_blade_wedge(wc_blade_t C, const wc_blade_t A, const wc_blade_t B)
{
    slong a = A->k, b = B->k, k = a + b, d = A->d, r, p, q;
    slong * I = flint_malloc((k + 1) * sizeof(slong));
    slong * P = flint_malloc((a + 1) * sizeof(slong));
    slong * J = flint_malloc((a + 1) * sizeof(slong));
    slong * K = flint_malloc((b + 1) * sizeof(slong));
    fmpq_t t;
    wc_blade_t R;

    fmpq_init(t);
    wc_blade_init(R, k, d);     /* grade above d: no coordinates, zero */

    for (p = 0; p < k; p++)
        I[p] = p;
    for (r = 0; r < R->len; r++)
    {
        /* split I into J (positions P) and K = I \ J; the sign is the
           parity of the shuffle that sorts J followed by K */
        for (p = 0; p < a; p++)
            P[p] = p;
        do
        {
            slong inv = 0, nj = 0, nk = 0;

            for (p = 0, q = 0; p < k; p++)
            {
                if (q < a && P[q] == p)
                {
                    J[nj++] = I[p];
                    inv += p - q;
                    q++;
                }
                else
                    K[nk++] = I[p];
            }
            fmpq_mul(t, A->coords + wc_subset_rank(J, d, a),
                        B->coords + wc_subset_rank(K, d, b));
            if (inv & 1)
                fmpq_sub(R->coords + r, R->coords + r, t);
            else
                fmpq_add(R->coords + r, R->coords + r, t);
        } while (wc_subset_next(P, k, a));
        wc_subset_next(I, d, k);
    }

    wc_blade_clear(C);
    *C = *R;
    fmpq_clear(t);
    flint_free(I);
    flint_free(P);
    flint_free(J);
    flint_free(K);
}

int
wc_blade_equal(const wc_blade_t A, const wc_blade_t B)
{
    slong i;

    if (A->k != B->k || A->d != B->d)
        return 0;
    for (i = 0; i < A->len; i++)
        if (!fmpq_equal(A->coords + i, B->coords + i))
            return 0;
    return 1;
}

void
wc_blade_norm2(fmpq_t r, const wc_blade_t B)
{
    fmpq_t t;
    slong i;

    fmpq_init(t);
    fmpq_zero(r);
    for (i = 0; i < B->len; i++)
    {
        fmpq_mul(t, B->coords + i, B->coords + i);
        fmpq_add(r, r, t);
    }
    fmpq_clear(t);
}

/* ---------------------------------------------- determinants and duals */

void
wc_gram_det(fmpq_t r, const fmpq_mat_t V)
{
    fmpq_mat_t VT, G;

    if (V->r == 0)
    {
        fmpq_one(r);
        return;
    }
    fmpq_mat_init(VT, V->c, V->r);
    fmpq_mat_init(G, V->r, V->r);
    fmpq_mat_transpose(VT, V);
    fmpq_mat_mul(G, V, VT);
    fmpq_mat_det(r, G);
    fmpq_mat_clear(G);
    fmpq_mat_clear(VT);
}

void
wc_hodge_dual_fmpz(fmpz * w, const fmpz_mat_t V)
{
    slong d = V->c, m = V->r, t, i, j, c;
    fmpz_mat_t sub;

    fmpz_mat_init(sub, m, m);
    for (t = 0; t < d; t++)
    {
        for (i = 0; i < m; i++)
            for (j = 0, c = 0; j < d; j++)
                if (j != t)
                    fmpz_set(fmpz_mat_entry(sub, i, c++), fmpz_mat_entry(V, i, j));
        det_fmpz(w + t, sub);
        if (t & 1)
            fmpz_neg(w + t, w + t);
    }
    fmpz_mat_clear(sub);
}

void
wc_hodge_dual(fmpq * w, const fmpq_mat_t V)
{
    slong m = V->r, d = V->c, i;
    fmpz_mat_t num;
    fmpz * den = _fmpz_vec_init(m + 1);
    fmpz * wz = _fmpz_vec_init(d);
    fmpz_t dprod;

    fmpz_mat_init(num, m, d);
    fmpz_init(dprod);
    clear_row_denominators(num, den, V);
    fmpz_one(dprod);
    for (i = 0; i < m; i++)
        fmpz_mul(dprod, dprod, den + i);
    wc_hodge_dual_fmpz(wz, num);
    for (i = 0; i < d; i++)
        fmpq_set_fmpz_frac(w + i, wz + i, dprod);
    fmpz_clear(dprod);
    fmpz_mat_clear(num);
    _fmpz_vec_clear(wz, d);
    _fmpz_vec_clear(den, m + 1);
}

void
wc_volume(fmpq_t r, const fmpq_mat_t V)
{
    slong m = V->r, i;
    fmpz_mat_t num;
    fmpz * den = _fmpz_vec_init(m + 1);
    fmpz_t det, dprod;

    fmpz_mat_init(num, m, V->c);
    fmpz_init(det);
    fmpz_init(dprod);
    clear_row_denominators(num, den, V);
    fmpz_one(dprod);
    for (i = 0; i < m; i++)
        fmpz_mul(dprod, dprod, den + i);
    det_fmpz(det, num);
    fmpq_set_fmpz_frac(r, det, dprod);
    fmpz_clear(dprod);
    fmpz_clear(det);
    fmpz_mat_clear(num);
    _fmpz_vec_clear(den, m + 1);
}

void
wc_simplex_volume(fmpq_t r, const fmpq_mat_t P)
{
    slong d = P->c, i, j;
    fmpq_mat_t E;
    fmpz_t fact;

    fmpq_mat_init(E, d, d);
    fmpz_init(fact);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            fmpq_sub(fmpq_mat_entry(E, i, j), fmpq_mat_entry(P, i + 1, j),
                     fmpq_mat_entry(P, 0, j));
    wc_volume(r, E);
    fmpz_fac_ui(fact, d);
    fmpq_div_fmpz(r, r, fact);
    fmpz_clear(fact);
    fmpq_mat_clear(E);
}

int
wc_dist2_to_span(fmpq_t r, const fmpq * x, const fmpq_mat_t V)
{
    slong k = V->r, d = V->c, i, j;
    fmpq_mat_t W;
    fmpq_t g;

    fmpq_init(g);
    wc_gram_det(g, V);
    if (fmpq_is_zero(g))
    {
        fmpq_clear(g);
        return WC_ERR_ARG;
    }
    fmpq_mat_init(W, k + 1, d);
    for (i = 0; i < k; i++)
        for (j = 0; j < d; j++)
            fmpq_set(fmpq_mat_entry(W, i, j), fmpq_mat_entry(V, i, j));
    for (j = 0; j < d; j++)
        fmpq_set(fmpq_mat_entry(W, k, j), x + j);
    wc_gram_det(r, W);
    fmpq_div(r, r, g);
    fmpq_mat_clear(W);
    fmpq_clear(g);
    return WC_OK;
}

int
wc_signed_dist2(fmpq_t r, const fmpq * x, const fmpq_mat_t V)
{
    slong d = V->c;
    fmpq * w = _fmpq_vec_init(d);
    fmpq_t s, n2;
    int status = WC_OK;

    fmpq_init(s);
    fmpq_init(n2);
    wc_hodge_dual(w, V);
    _fmpq_vec_dot(s, x, w, d);
    _fmpq_vec_dot(n2, w, w, d);     /* ||*B||^2 = ||B||^2 */
    if (fmpq_is_zero(n2))
        status = WC_ERR_ARG;
    else
    {
        fmpq_mul(r, s, s);
        fmpq_div(r, r, n2);
        if (fmpq_sgn(s) < 0)
            fmpq_neg(r, r);
    }
    fmpq_clear(n2);
    fmpq_clear(s);
    _fmpq_vec_clear(w, d);
    return status;
}
