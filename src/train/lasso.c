/*
 * lasso.c -- the squared loss, exactly: the Lasso homotopy (LARS-Lasso)
 * in rational arithmetic.
 *
 *   minimise (1/2) ||K z + xi 1 - y||^2 + beta ||z||_1
 *
 * With a free intercept, xi = mean(y - K z) eliminates it: columns and
 * labels are centred.  The path starts at beta_0 = max_j |k_j^T y| with
 * z = 0 and follows the KKT conditions K_A^T r = beta s_A down to the
 * requested beta.  On each piece z moves along a direction found by an
 * exact convex QP over the equicorrelation set (below), and a piece ends
 * when a resting correlation reaches +-beta (the atom joins) or a nonzero
 * coefficient reaches 0 (it leaves).  All breakpoints are exact rationals,
 * and each is checked against the KKT conditions before it is recorded.
 * Columns equal up to sign are one feature (z is free in sign); other
 * dependent columns (ReLU pairs (t)_+ - (-t)_+ = t make them common)
 * leave the direction's Gram matrix singular, which the QP allows.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "train/train.h"

void
wc_lasso_path_init(wc_lasso_path_t P)
{
    memset(P, 0, sizeof(wc_lasso_path_struct));
}

void
wc_lasso_path_clear(wc_lasso_path_t P)
{
    slong k;

    for (k = 0; k < P->len; k++)
    {
        fmpq_clear(P->point[k].beta);
        fmpq_clear(P->point[k].value);
        flint_free(P->point[k].atom);
        _fmpq_vec_clear(P->point[k].z, P->point[k].nactive + 1);
    }
    flint_free(P->point);
    wc_lasso_path_init(P);
}

/* The distinct (centred) columns up to sign: K[j n + i], atom[j] the
 * first column (of the dictionary's) equal to it or to its negative
 * (flip[j]). */
typedef struct {
    slong n, L;
    fmpq * K;
    slong * atom;
    char * flip;        /* column j is -k_atom[j] (centred) */
    fmpq * y;
} lasso_data;

static void
lasso_columns(lasso_data * S, const wc_data_t D, const fmpq * cols, slong len, int intercept)
{
    slong n = D->n, u, i, L = 0, t;
    wc_keyed_t * key = flint_malloc((len + 1) * sizeof(wc_keyed_t));
    fmpq * all = _fmpq_vec_init(n * (len + 1));
    char * dup = flint_calloc(len + 1, 1);
    char * flip = flint_calloc(len + 1, 1);
    fmpq_t mean;
    fmpz_t nz;

    fmpq_init(mean);
    fmpz_init_set_si(nz, n);
    for (u = 0; u < len; u++)
    {
        ulong h = WC_HASH_INIT;
        for (i = 0; i < n; i++)
            fmpq_set(all + u * n + i, cols + u * n + i);
        if (intercept)
        {
            fmpq_zero(mean);
            for (i = 0; i < n; i++)
                fmpq_add(mean, mean, all + u * n + i);
            fmpq_div_fmpz(mean, mean, nz);
            for (i = 0; i < n; i++)
                fmpq_sub(all + u * n + i, all + u * n + i, mean);
        }
        /* z_j is free in sign, so k and -k are the same feature: store
           each column with its first nonzero entry positive */
        for (i = 0; i < n && fmpq_is_zero(all + u * n + i); i++)
            ;
        flip[u] = (i < n && fmpq_sgn(all + u * n + i) < 0);
        for (i = 0; i < n && flip[u]; i++)
            fmpq_neg(all + u * n + i, all + u * n + i);
        for (i = 0; i < n; i++)
        {
            h = wc_hash_step(h, fmpq_numref(all + u * n + i));
            h = wc_hash_step(h, fmpq_denref(all + u * n + i));
        }
        key[u].hash = h;
        key[u].u = u;
    }
    qsort(key, len, sizeof(wc_keyed_t), wc_keyed_cmp);
    for (u = 0; u < len; u = t)
    {
        slong a, b;
        for (t = u + 1; t < len && key[t].hash == key[u].hash; t++)
            ;
        for (a = u; a < t; a++)
            for (b = a + 1; b < t; b++)
                if (!dup[key[b].u] && wc_qvec_equal(all + key[a].u * n, all + key[b].u * n, n))
                    dup[key[b].u] = 1;
    }
    /* zero columns never enter; duplicates are the same feature */
    S->n = n;
    S->K = _fmpq_vec_init(n * (len + 1));
    S->atom = flint_malloc((len + 1) * sizeof(slong));
    S->flip = flint_malloc(len + 1);
    for (u = 0; u < len; u++)
    {
        int zero = 1;
        for (i = 0; i < n; i++)
            zero = zero && fmpq_is_zero(all + u * n + i);
        if (dup[u] || zero)
            continue;
        for (i = 0; i < n; i++)
            fmpq_swap(S->K + L * n + i, all + u * n + i);
        S->flip[L] = flip[u];
        S->atom[L++] = u;
    }
    S->L = L;
    S->y = _fmpq_vec_init(n);
    fmpq_zero(mean);
    for (i = 0; i < n; i++)
        fmpq_add(mean, mean, D->y + i);
    fmpq_div_fmpz(mean, mean, nz);
    for (i = 0; i < n; i++)
    {
        fmpq_set(S->y + i, D->y + i);
        if (intercept)
            fmpq_sub(S->y + i, S->y + i, mean);
    }
    fmpq_clear(mean);
    fmpz_clear(nz);
    _fmpq_vec_clear(all, n * (len + 1));
    flint_free(key);
    flint_free(dup);
    flint_free(flip);
}

static void
lasso_clear(lasso_data * S)
{
    _fmpq_vec_clear(S->K, S->n * (S->L + 1));
    _fmpq_vec_clear(S->y, S->n);
    flint_free(S->atom);
    flint_free(S->flip);
}

/* (1/2) ||y - K z||^2 + beta ||z||_1 on the centred problem, which is the
 * objective with the optimal intercept. */
static void
lasso_value(fmpq_t v, const lasso_data * S, const fmpq * z, const fmpq_t beta)
{
    slong i, j, n = S->n;
    fmpq * r = _fmpq_vec_init(n);
    fmpq_t t, l1;

    fmpq_init(t);
    fmpq_init(l1);
    for (i = 0; i < n; i++)
        fmpq_set(r + i, S->y + i);
    for (j = 0; j < S->L; j++)
    {
        if (fmpq_is_zero(z + j))
            continue;
        for (i = 0; i < n; i++)
        {
            fmpq_mul(t, z + j, S->K + j * n + i);
            fmpq_sub(r + i, r + i, t);
        }
    }
    wc_qvec_l1(l1, z, S->L);
    _fmpq_vec_dot(v, r, r, n);
    fmpq_div_2exp(v, v, 1);
    fmpq_mul(t, beta, l1);
    fmpq_add(v, v, t);
    fmpq_clear(t);
    fmpq_clear(l1);
    _fmpq_vec_clear(r, n);
}

static void
record(wc_lasso_path_t P, const lasso_data * S, const fmpq * z, const fmpq_t beta)
{
    wc_lasso_point_struct * q;
    slong j, m = 0;

    if (P->len == P->alloc)
    {
        P->alloc = 2 * P->alloc + 8;
        P->point = flint_realloc(P->point, P->alloc * sizeof(wc_lasso_point_struct));
    }
    q = P->point + P->len++;
    fmpq_init(q->beta);
    fmpq_init(q->value);
    fmpq_set(q->beta, beta);
    lasso_value(q->value, S, z, beta);
    for (j = 0; j < S->L; j++)
        m += !fmpq_is_zero(z + j);
    q->nactive = m;
    q->atom = flint_malloc((m + 1) * sizeof(slong));
    q->z = _fmpq_vec_init(m + 1);
    for (j = 0, m = 0; j < S->L; j++)
        if (!fmpq_is_zero(z + j))
        {
            q->atom[m] = S->atom[j];
            if (S->flip[j])
                fmpq_neg(q->z + m++, z + j);
            else
                fmpq_set(q->z + m++, z + j);
        }
}

/*
 * The direction of the next piece.  At a breakpoint beta let E be the
 * equicorrelation set {j : |c_j| = beta}, s_j = sign c_j, and B c E the
 * atoms with z_j = 0.  The next piece moves z by g d (d_j = s_j e_j,
 * supported on E) while beta falls by g, and it satisfies the KKT
 * conditions for small g > 0 exactly when e solves
 *
 *     minimise (1/2) e^T M e - 1^T e   subject to e_j >= 0 (j in B),
 *
 * M = S K_E^T K_E S: its multipliers mu = M e - 1 are the rates
 * s_j k_j^T u - 1 at which the correlations move inside (u = K_E d), zero
 * on the moving atoms and >= 0 on the others (proofs/DERIVATIONS.md).
 * Joins into a dependent active set and ties of joins and leaves are
 * therefore not special cases.  The solver is the primal active-set
 * method in exact arithmetic; 1_F = A_F^T r / beta lies in the range of
 * every M_FF, so every subproblem M_FF x = 1_F is consistent.
 */

/* A solution x of M_FF x_F = 1_F, x = 0 off F = {j : !W[j]}; 0 if none. */
static int
face_minimiser(fmpq * x, const fmpq_mat_t M, const char * W, slong m)
{
    slong * F = flint_malloc((m + 1) * sizeof(slong));
    slong f = 0, i, j, col, rank;
    fmpq_mat_t A, R;
    int ok = 1;

    for (j = 0; j < m; j++)
        if (!W[j])
            F[f++] = j;
    fmpq_mat_init(A, f, f + 1);
    fmpq_mat_init(R, f, f + 1);
    for (i = 0; i < f; i++)
    {
        for (j = 0; j < f; j++)
            fmpq_set(fmpq_mat_entry(A, i, j), fmpq_mat_entry(M, F[i], F[j]));
        fmpq_one(fmpq_mat_entry(A, i, f));
    }
    rank = fmpq_mat_rref(R, A);
    wc_qvec_zero(x, m);
    for (i = 0, col = 0; i < rank && ok; i++, col++)
    {
        while (fmpq_is_zero(fmpq_mat_entry(R, i, col)))
            col++;
        if (col == f)
            ok = 0;             /* a pivot in the right-hand side */
        else
            fmpq_set(x + F[col], fmpq_mat_entry(R, i, f));
    }
    fmpq_mat_clear(A);
    fmpq_mat_clear(R);
    flint_free(F);
    return ok;
}

/* The active-set iterations a direction may take before it is an error. */
#define WC_LASSO_QP_MAX_ITER(m) (50 * ((m) + 1) * ((m) + 1))

/* e (m entries) solving the direction QP above; 0 if the method fails
 * (an inconsistent face or no convergence: an internal error). */
static int
direction_qp(fmpq * e, const fmpq_mat_t M, const char * bounded, slong m)
{
    char * W = flint_malloc(m + 1);
    fmpq * x = _fmpq_vec_init(m + 1), * g = _fmpq_vec_init(m + 1);
    fmpq_t t, step;
    slong it, j, block;
    int ok = 0;

    fmpq_init(t);
    fmpq_init(step);
    memcpy(W, bounded, m);
    wc_qvec_zero(e, m);
    for (it = 0; it < WC_LASSO_QP_MAX_ITER(m); it++)
    {
        for (j = 0; j < m; j++)         /* g = M e - 1 */
        {
            slong b;
            fmpq_set_si(g + j, -1, 1);
            for (b = 0; b < m; b++)
                fmpq_addmul(g + j, fmpq_mat_entry(M, j, b), e + b);
        }
        for (j = 0; j < m && (W[j] || fmpq_is_zero(g + j)); j++)
            ;
        if (j == m)
        {
            /* e minimises over its face: free the first bound whose
               multiplier is negative (Bland), or stop at the optimum */
            for (j = 0; j < m && !(W[j] && fmpq_sgn(g + j) < 0); j++)
                ;
            if (j == m)
            {
                ok = 1;
                break;
            }
            W[j] = 0;
            continue;
        }
        if (!face_minimiser(x, M, W, m))
            break;
        /* step from e towards x, stopped by the first bound it meets */
        fmpq_one(step);
        block = -1;
        for (j = 0; j < m; j++)
        {
            fmpq_sub(x + j, x + j, e + j);
            if (W[j] || !bounded[j] || fmpq_sgn(x + j) >= 0)
                continue;
            fmpq_div(t, e + j, x + j);
            fmpq_neg(t, t);
            if (fmpq_cmp(t, step) < 0)
            {
                fmpq_set(step, t);
                block = j;
            }
        }
        for (j = 0; j < m; j++)
            fmpq_addmul(e + j, step, x + j);
        if (block >= 0)
        {
            fmpq_zero(e + block);
            W[block] = 1;
        }
    }
    fmpq_clear(t);
    fmpq_clear(step);
    _fmpq_vec_clear(x, m + 1);
    _fmpq_vec_clear(g, m + 1);
    flint_free(W);
    return ok;
}

/* The KKT conditions at (z, beta), recomputed from z alone: r = y - K z,
 * |k_j^T r| <= beta for every column and k_j^T r = beta sign z_j where
 * z_j != 0.  (Columns and y are centred when the intercept is free, so
 * 1^T r = 0 holds by construction.) */
static int
lasso_kkt_holds(const lasso_data * S, const fmpq * z, const fmpq_t beta)
{
    slong n = S->n, i, j;
    fmpq * r = _fmpq_vec_init(n);
    fmpq_t c, t;
    int ok = 1;

    fmpq_init(c);
    fmpq_init(t);
    for (i = 0; i < n; i++)
        fmpq_set(r + i, S->y + i);
    for (j = 0; j < S->L; j++)
        if (!fmpq_is_zero(z + j))
            for (i = 0; i < n; i++)
                fmpq_submul(r + i, z + j, S->K + j * n + i);
    for (j = 0; j < S->L && ok; j++)
    {
        _fmpq_vec_dot(c, S->K + j * n, r, n);
        if (fmpq_is_zero(z + j))
        {
            fmpq_abs(c, c);
            ok = fmpq_cmp(c, beta) <= 0;
        }
        else
        {
            fmpq_mul_si(t, beta, fmpq_sgn(z + j));
            ok = fmpq_equal(c, t);
        }
    }
    fmpq_clear(c);
    fmpq_clear(t);
    _fmpq_vec_clear(r, n);
    return ok;
}

/* The state of the homotopy: z, the correlations c = K^T (y - K z), beta. */
typedef struct {
    fmpq * z, * c;
    fmpq_t beta;
} lasso_state;

/*
 * One piece: from the breakpoint (z, c, beta) down to the next event or to
 * target.  Events are an atom at rest whose correlation reaches +-(beta -
 * g) (it joins) and a nonzero coefficient reaching 0 (it leaves); the
 * moving atoms keep |c_j| = beta - g by construction.  0 on an internal
 * error.
 */
static int
lasso_piece(lasso_state * X, const lasso_data * S, const fmpq_t target)
{
    slong n = S->n, L = S->L, m = 0, a, b, i, j, side;
    slong * E = flint_malloc((L + 1) * sizeof(slong));
    char * bounded = flint_malloc(L + 1), * moving = flint_calloc(L + 1, 1);
    fmpq * d = _fmpq_vec_init(L + 1), * av = _fmpq_vec_init(L + 1);
    fmpq * u = _fmpq_vec_init(n), * e;
    fmpq_mat_t M;
    fmpq_t t, g, gamma;
    int ok;

    fmpq_init(t);
    fmpq_init(g);
    fmpq_init(gamma);
    for (j = 0; j < L; j++)
    {
        fmpq_abs(t, X->c + j);
        if (fmpq_equal(t, X->beta))
        {
            bounded[m] = fmpq_is_zero(X->z + j);
            E[m++] = j;
        }
    }
    fmpq_mat_init(M, m, m);
    for (a = 0; a < m; a++)
        for (b = a; b < m; b++)
        {
            _fmpq_vec_dot(t, S->K + E[a] * n, S->K + E[b] * n, n);
            if (fmpq_sgn(X->c + E[a]) != fmpq_sgn(X->c + E[b]))
                fmpq_neg(t, t);
            fmpq_set(fmpq_mat_entry(M, a, b), t);
            fmpq_set(fmpq_mat_entry(M, b, a), t);
        }
    e = _fmpq_vec_init(m + 1);
    ok = m > 0 && direction_qp(e, M, bounded, m);
    for (a = 0; a < m && ok; a++)
    {
        j = E[a];
        fmpq_mul_si(d + j, e + a, fmpq_sgn(X->c + j));
        moving[j] = !fmpq_is_zero(d + j) || !fmpq_is_zero(X->z + j);
        for (i = 0; i < n && !fmpq_is_zero(d + j); i++)
            fmpq_addmul(u + i, d + j, S->K + j * n + i);
    }

    /* the next event: the target, a join, or a coefficient at zero */
    fmpq_sub(gamma, X->beta, target);
    for (j = 0; j < L && ok; j++)
    {
        _fmpq_vec_dot(av + j, S->K + j * n, u, n);
        if (moving[j])
        {
            /* leaves where z_j + g d_j = 0, g = -z_j / d_j > 0 */
            if (fmpq_is_zero(d + j) || fmpq_is_zero(X->z + j))
                continue;
            fmpq_div(g, X->z + j, d + j);
            fmpq_neg(g, g);
            if (fmpq_sgn(g) > 0 && fmpq_cmp(g, gamma) < 0)
                fmpq_set(gamma, g);
            continue;
        }
        /* joins where c_j - g a_j = side (beta - g):
           g = (beta - side c_j) / (1 - side a_j) > 0 */
        for (side = 1; side >= -1; side -= 2)
        {
            fmpq_mul_si(t, av + j, side);
            fmpq_sub_si(t, t, 1);
            fmpq_neg(t, t);
            if (fmpq_is_zero(t))
                continue;
            fmpq_mul_si(g, X->c + j, side);
            fmpq_sub(g, X->beta, g);
            fmpq_div(g, g, t);
            if (fmpq_sgn(g) > 0 && fmpq_cmp(g, gamma) < 0)
                fmpq_set(gamma, g);
        }
    }
    /* move */
    for (j = 0; j < L && ok; j++)
    {
        fmpq_addmul(X->z + j, gamma, d + j);
        fmpq_submul(X->c + j, gamma, av + j);
    }
    if (ok)
        fmpq_sub(X->beta, X->beta, gamma);

    fmpq_mat_clear(M);
    _fmpq_vec_clear(e, m + 1);
    _fmpq_vec_clear(d, L + 1);
    _fmpq_vec_clear(av, L + 1);
    _fmpq_vec_clear(u, n);
    fmpq_clear(t);
    fmpq_clear(g);
    fmpq_clear(gamma);
    flint_free(E);
    flint_free(bounded);
    flint_free(moving);
    return ok;
}

/* z on the dictionary's columns, and the optimal intercept mean(y - K z). */
static void
lasso_solution(fmpq * zV, fmpq_t xi, const lasso_data * S, const fmpq * z,
               const wc_data_t D, const fmpq * cols, slong len, int intercept)
{
    slong n = D->n, i, j;

    wc_qvec_zero(zV, len);
    for (j = 0; j < S->L; j++)
    {
        fmpq_set(zV + S->atom[j], z + j);
        if (S->flip[j])
            fmpq_neg(zV + S->atom[j], zV + S->atom[j]);
    }
    fmpq_zero(xi);
    if (intercept)
    {
        fmpz_t nz;

        fmpz_init_set_si(nz, n);
        for (i = 0; i < n; i++)
            fmpq_add(xi, xi, D->y + i);
        for (j = 0; j < S->L; j++)
            if (!fmpq_is_zero(z + j))
                for (i = 0; i < n; i++)
                    fmpq_submul(xi, zV + S->atom[j], cols + S->atom[j] * n + i);
        fmpq_div_fmpz(xi, xi, nz);
        fmpz_clear(nz);
    }
}

int
wc_lasso_path(wc_lasso_path_t P, fmpq * zV, fmpq_t xi, const wc_data_t D,
              const wc_dict_t V, int intercept, const fmpq_t target,
              wc_progress_fn progress, void * ctx, wc_error_t err)
{
    slong n = D->n, u;
    fmpq * cols = _fmpq_vec_init(n * (V->len + 1));
    int status;

    for (u = 0; u < V->len; u++)
        wc_dict_column(cols + u * n, V, D, u);
    status = wc_lasso_path_columns(P, zV, xi, D, cols, V->len, intercept, target,
                                   progress, ctx, err);
    _fmpq_vec_clear(cols, n * (V->len + 1));
    return status;
}

int
wc_lasso_path_columns(wc_lasso_path_t P, fmpq * zV, fmpq_t xi, const wc_data_t D,
                      const fmpq * cols, slong len, int intercept, const fmpq_t target,
                      wc_progress_fn progress, void * ctx, wc_error_t err)
{
    lasso_data S;
    lasso_state X;
    slong n = D->n, j, it;
    fmpq_t t;
    int status = WC_OK;

    wc_lasso_path_clear(P);
    lasso_columns(&S, D, cols, len, intercept);
    X.z = _fmpq_vec_init(S.L + 1);
    X.c = _fmpq_vec_init(S.L + 1);
    fmpq_init(X.beta);
    fmpq_init(t);

    /* start: z = 0, c = K^T y, beta_0 = max |c_j| */
    for (j = 0; j < S.L; j++)
    {
        _fmpq_vec_dot(X.c + j, S.K + j * n, S.y, n);
        fmpq_abs(t, X.c + j);
        if (fmpq_cmp(t, X.beta) > 0)
            fmpq_set(X.beta, t);
    }
    if (fmpq_cmp(target, X.beta) > 0)
        fmpq_set(X.beta, target);
    /* every breakpoint is checked from z alone before it is recorded:
       a path that fails its KKT conditions is never returned */
    for (it = 0; status == WC_OK; it++)
    {
        if (!lasso_kkt_holds(&S, X.z, X.beta))
        {
            char * bs = wc_fmpq_get_str(X.beta);
            status = wc_error_set(err, WC_ERR_SOLVER,
                "internal error: the Lasso path failed its exact KKT check at beta = %s", bs);
            flint_free(bs);
            break;
        }
        record(P, &S, X.z, X.beta);
        if (fmpq_equal(X.beta, target))
            break;
        if (progress != NULL && it % 20 == 0)
            progress(ctx, "lasso path", it, 0);
        if (!lasso_piece(&X, &S, target))
        {
            char * bs = wc_fmpq_get_str(X.beta);
            status = wc_error_set(err, WC_ERR_SOLVER,
                "internal error: no direction for the Lasso path at beta = %s", bs);
            flint_free(bs);
        }
    }
    if (status == WC_OK)
        lasso_solution(zV, xi, &S, X.z, D, cols, len, intercept);
    fmpq_clear(X.beta);
    fmpq_clear(t);
    _fmpq_vec_clear(X.z, S.L + 1);
    _fmpq_vec_clear(X.c, S.L + 1);
    lasso_clear(&S);
    return status;
}
