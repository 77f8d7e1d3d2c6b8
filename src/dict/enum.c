/*
 * enum.c -- the origins (k, T, S) of the vertex dictionary V numbered by
 * rank, and the direction (w', b') of each: one exact integer route with
 * its double fast path (proofs/DERIVATIONS.md section 2).
 */
#include <math.h>
#include <string.h>
#include "dict/dict.h"

#define TWO52 4503599627370496.0

/* ------------------------------------------------------------ enumeration */

void
wc_enum_init(wc_enum_t E, const wc_data_t D, int bias, int kind)
{
    slong n = D->n, d = D->d, i, j, k;
    fmpz_t t;

    memset(E, 0, sizeof(wc_enum_struct));
    E->n = n;
    E->d = d;
    E->bias = bias;
    E->kmin = (kind == WC_DICT_SAMPLES) ? d : 1;
    E->sweep = 1;
    E->first = flint_calloc(d - E->kmin + 2, sizeof(ulong));
    for (k = E->kmin; k <= d; k++)
    {
        slong ns = bias ? k : k - 1;
        ulong c = ns > n ? 0 : wc_binomial(d, k) * wc_binomial(n, ns);
        E->first[k - E->kmin + 1] = E->first[k - E->kmin] + c;
    }
    E->G = E->first[d - E->kmin + 1];

    fmpz_init(E->Lx);
    fmpz_init(t);
    fmpz_one(E->Lx);
    for (i = 0; i < n; i++)
        for (j = 0; j < d; j++)
            fmpz_lcm(E->Lx, E->Lx, fmpq_denref(fmpq_mat_entry(D->X, i, j)));
    E->X = _fmpz_vec_init(n * d);
    E->xmax = flint_calloc(d + 1, sizeof(double));
    E->xd = flint_malloc((n * d + 1) * sizeof(double));
    for (i = 0; i < n; i++)
        for (j = 0; j < d; j++)
        {
            const fmpq * x = fmpq_mat_entry(D->X, i, j);
            fmpz * X = E->X + i * d + j;

            fmpz_divexact(t, E->Lx, fmpq_denref(x));
            fmpz_mul(X, t, fmpq_numref(x));
            if (E->xd != NULL && fmpz_bits(X) <= 50)
            {
                E->xd[j * n + i] = (double) fmpz_get_si(X);
                E->xmax[j] = FLINT_MAX(E->xmax[j], fabs(E->xd[j * n + i]));
            }
            else if (E->xd != NULL)
            {
                flint_free(E->xd);
                E->xd = NULL;
            }
        }
    fmpz_clear(t);

    /* grades whose directions are exact in doubles: rows of |entries| <= R,
       minors of order k - 1 <= (k - 1)! R^(k-1) (every partial sum of the
       cofactor expansion too), b' <= k xm max|w'| */
    E->dd = 0;
    if (E->xd != NULL)
    {
        double xm = 0.0, R, fact = 1.0, pw = 1.0;

        for (j = 0; j < d; j++)
            xm = FLINT_MAX(xm, E->xmax[j]);
        R = (bias ? 2.0 : 1.0) * xm;
        for (k = 1; k <= FLINT_MIN(d, 4); k++)
        {
            if (k > 1)
            {
                fact *= (double) (k - 1);
                pw *= R;
            }
            if (fact * pw * (1.0 + (double) k * xm) < TWO52 / 2)
                E->dd |= 1u << k;
        }
    }
}

void
wc_enum_clear(wc_enum_t E)
{
    _fmpz_vec_clear(E->X, E->n * E->d);
    fmpz_clear(E->Lx);
    flint_free(E->first);
    flint_free(E->xd);
    flint_free(E->xmax);
}

void
wc_enum_origin(slong * k, slong * T, slong * S, const wc_enum_t E, ulong g)
{
    slong kk = E->kmin, ns;
    ulong r, nS;

    while (g >= E->first[kk - E->kmin + 1])
        kk++;
    ns = E->bias ? kk : kk - 1;
    nS = wc_binomial(E->n, ns);
    r = g - E->first[kk - E->kmin];
    wc_subset_unrank(T, r / nS, E->d, kk);
    wc_subset_unrank(S, r % nS, E->n, ns);
    *k = kk;
}

ulong
wc_enum_key(const wc_enum_t E, slong k, const slong * T, const slong * S, int sign)
{
    slong ns = E->bias ? k : k - 1;
    ulong g = E->first[k - E->kmin]
              + wc_subset_rank(T, E->d, k) * wc_binomial(E->n, ns)
              + wc_subset_rank(S, E->n, ns);

    return 2 * g + (sign < 0);
}

ulong
wc_enum_align(const wc_enum_t E, ulong g)
{
    slong k, ns, j, * T, * S;
    ulong r;

    if (g >= E->G)
        return E->G;
    T = flint_malloc(2 * (E->d + 1) * sizeof(slong));
    S = T + E->d + 1;
    wc_enum_origin(&k, T, S, E, g);
    ns = E->bias ? k : k - 1;
    for (j = 1; j < ns && S[j] == S[0] + j; j++)
        ;
    r = g;
    if (j < ns)
    {
        r -= wc_subset_rank(S, E->n, ns);           /* the (k, T) block's start */
        if (S[0] + ns >= E->n)
            r += wc_binomial(E->n, ns);             /* the next (k, T) */
        else
        {
            for (j = ns - 1; j >= 0; j--)
                S[j] = S[0] + 1 + j;
            r += wc_subset_rank(S, E->n, ns);
        }
    }
    flint_free(T);
    return r;
}

static ulong
mix(ulong h, slong v)
{
    h = (h + (ulong) v + 1) * UWORD(0x9E3779B97F4A7C15);
    return h ^ (h >> 29);
}

/* A hash, not a rank: two groups that collide are one larger group, which
 * changes which violated atoms a round takes, never whether it takes one. */
ulong
wc_enum_group(const wc_enum_t E, slong k, const slong * T, const slong * S)
{
    slong ns = E->bias ? k : k - 1, j = ns <= 2 ? FLINT_MIN(ns, 1) : ns - 1, i;
    ulong h = (ulong) k;

    for (i = 0; i < k; i++)
        h = mix(h, T[i]);
    for (i = 0; i < j; i++)
        h = mix(h, S[i]);
    return h;
}

/* -------------------------------------------------------------- directions */

/*
 * The one exact route to an atom's direction: rows x_s|_T (no bias) or
 * (x_s - x_s0)|_T (bias) of the integer data X = Lx * data, their Hodge
 * dual w'_T (a generalized cross product), and b' = -<X_s0|_T, w'_T>.
 * M is scratch of at least (k - 1) x k entries.
 */
int
wc_enum_direction_raw(fmpz * w, fmpz_mat_t M, const wc_enum_t E, slong k,
                      const slong * T, const slong * S)
{
    slong d = E->d, r, j, ns = E->bias ? k : k - 1;
    const fmpz * X = E->X;

    _fmpz_vec_zero(w, d + 1);
    if (k == 1)
        fmpz_one(w + T[0]);
    else
    {
        fmpz_mat_t R;
        fmpz * wT = _fmpz_vec_init(k);

        R->entries = NULL;
        fmpz_mat_window_init(R, M, 0, 0, k - 1, k);
        for (r = 0; r < k - 1; r++)
            for (j = 0; j < k; j++)
                if (E->bias)
                    fmpz_sub(fmpz_mat_entry(R, r, j), X + S[r + 1] * d + T[j], X + S[0] * d + T[j]);
                else
                    fmpz_set(fmpz_mat_entry(R, r, j), X + S[r] * d + T[j]);
        if (k == 2)
        {
            fmpz_set(wT + 0, fmpz_mat_entry(R, 0, 1));
            fmpz_neg(wT + 1, fmpz_mat_entry(R, 0, 0));
        }
        else
            wc_hodge_dual_fmpz(wT, R);
        fmpz_mat_window_clear(R);
        for (j = 0; j < k; j++)
            fmpz_swap(w + T[j], wT + j);
        _fmpz_vec_clear(wT, k);
    }
    if (_fmpz_vec_is_zero(w, d))
        return 0;
    if (E->bias && ns > 0)
        for (j = 0; j < k; j++)
            fmpz_submul(w + d, X + S[0] * d + T[j], w + T[j]);
    return 1;
}

/* 3 x 3 determinant of the columns c0, c1, c2 of the rows r0, r1, r2. */
static double
det3(const double * r0, const double * r1, const double * r2, int c0, int c1, int c2)
{
    return r0[c0] * (r1[c1] * r2[c2] - r1[c2] * r2[c1])
         - r0[c1] * (r1[c0] * r2[c2] - r1[c2] * r2[c0])
         + r0[c2] * (r1[c0] * r2[c1] - r1[c1] * r2[c0]);
}

int
wc_enum_direction_d(double * wT, double * b, const wc_enum_t E, slong k,
            const slong * T, const slong * S)
{
    slong n = E->n, r, j;
    double R[3][4] = {{0.0}};
    const double * x = E->xd;

    for (r = 0; r < k - 1; r++)
        for (j = 0; j < k; j++)
            R[r][j] = E->bias ? x[T[j] * n + S[r + 1]] - x[T[j] * n + S[0]]
                              : x[T[j] * n + S[r]];
    if (k == 1)
        wT[0] = 1.0;
    else if (k == 2)
    {
        wT[0] = R[0][1];
        wT[1] = -R[0][0];
    }
    else if (k == 3)
    {
        wT[0] = R[0][1] * R[1][2] - R[0][2] * R[1][1];
        wT[1] = R[0][2] * R[1][0] - R[0][0] * R[1][2];
        wT[2] = R[0][0] * R[1][1] - R[0][1] * R[1][0];
    }
    else
    {
        wT[0] = det3(R[0], R[1], R[2], 1, 2, 3);
        wT[1] = -det3(R[0], R[1], R[2], 0, 2, 3);
        wT[2] = det3(R[0], R[1], R[2], 0, 1, 3);
        wT[3] = -det3(R[0], R[1], R[2], 0, 1, 2);
    }
    for (j = 0; j < k && wT[j] == 0.0; j++)
        ;
    if (j == k)
        return 0;
    *b = 0.0;
    for (j = 0; j < k && E->bias; j++)
        *b -= x[T[j] * n + S[0]] * wT[j];
    return 1;
}

/*
 * The primitive direction in the data's own coordinates: (Lx w'_X, b'_X)
 * / content is the ray of the rational (w', b'), since scaling every
 * sample by Lx > 0 scales w' by Lx^(k-1) and b' by Lx^k.  The double
 * route when bit k of E->dd says it is exact, else the fmpz route.
 */
int
wc_enum_direction(fmpz * wb, const wc_enum_t E, slong k, const slong * T, const slong * S)
{
    slong d = E->d, j;
    fmpz_t c;

    if (E->dd >> k & 1)
    {
        double wT[4], b;
        ulong g = 0;

        if (!wc_enum_direction_d(wT, &b, E, k, T, S))
            return 0;
        _fmpz_vec_zero(wb, d + 1);
        for (j = 0; j < k; j++)
            fmpz_set_si(wb + T[j], (slong) wT[j]);
        fmpz_set_si(wb + d, (slong) b);
        if (fmpz_is_one(E->Lx))
        {
            for (j = 0; j < k; j++)
                g = n_gcd(g, (ulong) fabs(wT[j]));
            g = n_gcd(g, (ulong) fabs(b));
            if (g > 1)
                _fmpz_vec_scalar_divexact_ui(wb, wb, d + 1, g);
            return 1;
        }
    }
    else
    {
        fmpz_mat_t M;
        int nonzero;

        fmpz_mat_init(M, k, k);
        nonzero = wc_enum_direction_raw(wb, M, E, k, T, S);
        fmpz_mat_clear(M);
        if (!nonzero)
            return 0;
    }
    fmpz_init(c);
    for (j = 0; j < k; j++)
        fmpz_mul(wb + T[j], wb + T[j], E->Lx);
    _fmpz_vec_content(c, wb, d + 1);
    _fmpz_vec_scalar_divexact_fmpz(wb, wb, d + 1, c);
    fmpz_clear(c);
    return 1;
}
