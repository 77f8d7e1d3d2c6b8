/*
 * lasso.c -- the squared loss, exactly: the Lasso homotopy (LARS-Lasso)
 * in rational arithmetic.
 *
 *   minimise (1/2) ||K z + xi 1 - y||^2 + beta ||z||_1
 *
 * With a free intercept, xi = mean(y - K z) eliminates it: columns and
 * labels are centred.  The path starts at beta_0 = max_j |k_j^T y| with
 * z = 0 and follows the KKT conditions K_A^T r = beta s_A down to the
 * requested beta: on each piece z_A moves along d = (K_A^T K_A)^{-1} s_A,
 * and a piece ends when an inactive correlation reaches +-beta (the atom
 * joins) or an active coefficient reaches 0 (it leaves).  All breakpoints
 * are exact rationals; simultaneous events (ties) are taken together.
 * Columns equal up to sign are one feature (z is free in sign); other
 * dependent active columns (ReLU pairs (t)_+ - (-t)_+ = t make them
 * common) leave G singular but consistent, and any solution serves.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "internal.h"

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

static int
vec_equal(const fmpq * a, const fmpq * b, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        if (!fmpq_equal(a + i, b + i))
            return 0;
    return 1;
}

/* Some solution of G d = s, also when G is singular (dependent active
 * columns: the fit K_A d is the same for every solution, and any of them
 * keeps K_A^T r = beta s_A along the piece); 0 if there is none. */
static int
solve_consistent(fmpq_mat_t d, const fmpq_mat_t G, const fmpq_mat_t s)
{
    slong m = G->r, i, j, rank, col;
    fmpq_mat_t Aug, R;
    int ok = 1;

    if (fmpq_mat_solve(d, G, s))
        return 1;
    fmpq_mat_init(Aug, m, m + 1);
    fmpq_mat_init(R, m, m + 1);
    for (i = 0; i < m; i++)
    {
        for (j = 0; j < m; j++)
            fmpq_set(fmpq_mat_entry(Aug, i, j), fmpq_mat_entry(G, i, j));
        fmpq_set(fmpq_mat_entry(Aug, i, m), fmpq_mat_entry(s, i, 0));
    }
    rank = fmpq_mat_rref(R, Aug);
    fmpq_mat_zero(d);
    for (i = 0, col = 0; i < rank; i++)
    {
        while (col <= m && fmpq_is_zero(fmpq_mat_entry(R, i, col)))
            col++;
        if (col == m)
        {
            ok = 0;             /* a pivot in the right-hand side */
            break;
        }
        fmpq_set(fmpq_mat_entry(d, col, 0), fmpq_mat_entry(R, i, m));
    }
    fmpq_mat_clear(Aug);
    fmpq_mat_clear(R);
    return ok;
}

/* The distinct (centred) columns of V up to sign: K[j n + i], atom[j] the
 * first atom of V with that column or its negative (flip[j]). */
typedef struct {
    slong n, L;
    fmpq * K;
    slong * atom;
    char * flip;        /* column j is -k_atom[j] (centred) */
    fmpq * y;
} lasso_t;

static void
lasso_columns(lasso_t * S, const wc_data_t D, const wc_dict_t V, int intercept)
{
    slong n = D->n, u, i, L = 0, t;
    fmpq * k = _fmpq_vec_init(n);
    wc_keyed_t * key = flint_malloc((V->len + 1) * sizeof(wc_keyed_t));
    fmpq * all = _fmpq_vec_init(n * (V->len + 1));
    char * dup = flint_calloc(V->len + 1, 1);
    char * flip = flint_calloc(V->len + 1, 1);
    fmpq_t mean;
    fmpz_t nz;

    fmpq_init(mean);
    fmpz_init_set_si(nz, n);
    for (u = 0; u < V->len; u++)
    {
        ulong h = WC_HASH_INIT;
        wc_dict_column(all + u * n, V, D, u);
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
            h = _wc_hash_step(h, fmpq_numref(all + u * n + i));
            h = _wc_hash_step(h, fmpq_denref(all + u * n + i));
        }
        key[u].hash = h;
        key[u].u = u;
    }
    qsort(key, V->len, sizeof(wc_keyed_t), _wc_keyed_cmp);
    for (u = 0; u < V->len; u = t)
    {
        slong a, b;
        for (t = u + 1; t < V->len && key[t].hash == key[u].hash; t++)
            ;
        for (a = u; a < t; a++)
            for (b = a + 1; b < t; b++)
                if (!dup[key[b].u] && vec_equal(all + key[a].u * n, all + key[b].u * n, n))
                    dup[key[b].u] = 1;
    }
    /* zero columns never enter; duplicates are the same feature */
    S->n = n;
    S->K = _fmpq_vec_init(n * (V->len + 1));
    S->atom = flint_malloc((V->len + 1) * sizeof(slong));
    S->flip = flint_malloc(V->len + 1);
    for (u = 0; u < V->len; u++)
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
    _fmpq_vec_clear(all, n * (V->len + 1));
    _fmpq_vec_clear(k, n);
    flint_free(key);
    flint_free(dup);
    flint_free(flip);
}

static void
lasso_clear(lasso_t * S)
{
    _fmpq_vec_clear(S->K, S->n * (S->L + 1));
    _fmpq_vec_clear(S->y, S->n);
    flint_free(S->atom);
    flint_free(S->flip);
}

/* (1/2) ||y - K z||^2 + beta ||z||_1 on the centred problem, which is the
 * objective with the optimal intercept. */
static void
lasso_value(fmpq_t v, const lasso_t * S, const fmpq * z, const fmpq_t beta)
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
        fmpq_abs(t, z + j);
        fmpq_add(l1, l1, t);
    }
    _fmpq_vec_dot(v, r, r, n);
    fmpq_div_2exp(v, v, 1);
    fmpq_mul(t, beta, l1);
    fmpq_add(v, v, t);
    fmpq_clear(t);
    fmpq_clear(l1);
    _fmpq_vec_clear(r, n);
}

static void
record(wc_lasso_path_t P, const lasso_t * S, const fmpq * z, const fmpq_t beta)
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

int
wc_lasso_path(wc_lasso_path_t P, fmpq * zV, fmpq_t xi, const wc_data_t D,
              const wc_dict_t V, int intercept, const fmpq_t target,
              wc_progress_fn progress, void * ctx, wc_error_t err)
{
    lasso_t S;
    slong n = D->n, L, i, j, a, na = 0, it;
    fmpq * z, * c, * av, * uvec;
    slong * act;
    signed char * sgn;
    char * in_a, * was_nonzero;
    fmpq_t beta, gamma, g, t, one;
    int status = WC_OK;

    wc_lasso_path_clear(P);
    lasso_columns(&S, D, V, intercept);
    L = S.L;
    z = _fmpq_vec_init(L + 1);
    c = _fmpq_vec_init(L + 1);
    av = _fmpq_vec_init(L + 1);
    uvec = _fmpq_vec_init(n);
    act = flint_malloc((L + 1) * sizeof(slong));
    sgn = flint_calloc(L + 1, 1);
    in_a = flint_calloc(L + 1, 1);
    was_nonzero = flint_calloc(L + 1, 1);
    fmpq_init(beta); fmpq_init(gamma); fmpq_init(g); fmpq_init(t); fmpq_init(one);
    fmpq_one(one);

    /* start: z = 0, c = K^T y, beta_0 = max |c_j|, all maximisers join */
    for (j = 0; j < L; j++)
    {
        _fmpq_vec_dot(c + j, S.K + j * n, S.y, n);
        fmpq_abs(t, c + j);
        if (fmpq_cmp(t, beta) > 0)
            fmpq_set(beta, t);
    }
    if (fmpq_cmp(target, beta) >= 0 || fmpq_is_zero(beta))
    {
        record(P, &S, z, target);
        goto done;
    }
    for (j = 0; j < L; j++)
    {
        fmpq_abs(t, c + j);
        if (fmpq_equal(t, beta))
        {
            act[na++] = j;
            in_a[j] = 1;
            sgn[j] = fmpq_sgn(c + j);
        }
    }
    record(P, &S, z, beta);

    for (it = 0; ; it++)
    {
        fmpq_mat_t G, s, d;
        int singular;

        if (progress != NULL && it % 20 == 0)
            progress(ctx, "lasso path", it, 0);

        /* direction: (K_A^T K_A) d = s_A, u = K_A d, a_j = k_j^T u */
        fmpq_mat_init(G, na, na);
        fmpq_mat_init(s, na, 1);
        fmpq_mat_init(d, na, 1);
        for (a = 0; a < na; a++)
        {
            slong b;
            for (b = 0; b < na; b++)
                _fmpq_vec_dot(fmpq_mat_entry(G, a, b), S.K + act[a] * n, S.K + act[b] * n, n);
            fmpq_set_si(fmpq_mat_entry(s, a, 0), sgn[act[a]], 1);
        }
        singular = !solve_consistent(d, G, s);

        /* an active coefficient still at 0 whose direction points against
           its sign cannot follow the path: it leaves before any move */
        for (a = 0; a < na && !singular; a++)
            if (fmpq_is_zero(z + act[a])
                && fmpq_sgn(fmpq_mat_entry(d, a, 0)) * sgn[act[a]] < 0)
                break;
        if (!singular && a < na)
        {
            in_a[act[a]] = 2;
            act[a] = act[--na];
            fmpq_mat_clear(G);
            fmpq_mat_clear(s);
            fmpq_mat_clear(d);
            if (na == 0)
            {
                status = wc_error_set(err, WC_ERR_SOLVER,
                    "the Lasso path has no consistent direction (degenerate ties)");
                break;
            }
            continue;
        }
        if (!singular)
        {
            for (i = 0; i < n; i++)
                fmpq_zero(uvec + i);
            for (a = 0; a < na; a++)
                for (i = 0; i < n; i++)
                {
                    fmpq_mul(t, fmpq_mat_entry(d, a, 0), S.K + act[a] * n + i);
                    fmpq_add(uvec + i, uvec + i, t);
                }
            for (j = 0; j < L; j++)
                _fmpq_vec_dot(av + j, S.K + j * n, uvec, n);

            /* the next event: the target, a join, or a coefficient at zero */
            fmpq_sub(gamma, beta, target);
            for (j = 0; j < L; j++)
            {
                slong side;

                if (in_a[j])
                    continue;
                /* c_j - g a_j = side (beta - g), side = +1 and -1:
                   g = (beta - side c_j) / (1 - side a_j) */
                for (side = 1; side >= -1; side -= 2)
                {
                    fmpq_mul_si(t, av + j, side);
                    fmpq_sub(t, one, t);
                    if (fmpq_is_zero(t))
                        continue;
                    fmpq_mul_si(g, c + j, side);
                    fmpq_sub(g, beta, g);
                    fmpq_div(g, g, t);
                    if (fmpq_sgn(g) > 0 && fmpq_cmp(g, gamma) < 0)
                        fmpq_set(gamma, g);
                }
            }
            for (a = 0; a < na; a++)
            {
                const fmpq * da = fmpq_mat_entry(d, a, 0);
                if (fmpq_is_zero(da))
                    continue;
                fmpq_div(g, z + act[a], da);
                fmpq_neg(g, g);
                if (fmpq_sgn(g) > 0 && fmpq_cmp(g, gamma) < 0)
                    fmpq_set(gamma, g);
            }

            /* move to the event */
            for (a = 0; a < na; a++)
                was_nonzero[act[a]] = !fmpq_is_zero(z + act[a]);
            for (a = 0; a < na; a++)
            {
                fmpq_mul(t, gamma, fmpq_mat_entry(d, a, 0));
                fmpq_add(z + act[a], z + act[a], t);
            }
            for (j = 0; j < L; j++)
            {
                fmpq_mul(t, gamma, av + j);
                fmpq_sub(c + j, c + j, t);
            }
            fmpq_sub(beta, beta, gamma);
        }
        if (singular)
        {
            char * bs = wc_fmpq_get_str(beta);
            status = wc_error_set(err, WC_ERR_SOLVER,
                "internal error: inconsistent KKT system on the Lasso path at beta = %s", bs);
            flint_free(bs);
            break;
        }
        record(P, &S, z, beta);
        fmpq_mat_clear(G);
        fmpq_mat_clear(s);
        fmpq_mat_clear(d);
        if (fmpq_equal(beta, target))
            break;

        /* the events at this breakpoint, all of them (ties) */
        for (a = 0; a < na; )
        {
            if (fmpq_is_zero(z + act[a]) && was_nonzero[act[a]])
            {
                in_a[act[a]] = 2;       /* left just now: not back at once */
                act[a] = act[--na];
            }
            else
                a++;
        }
        for (j = 0; j < L; j++)
        {
            fmpq_abs(t, c + j);
            if (in_a[j] == 2)
                in_a[j] = 0;
            else if (!in_a[j] && fmpq_equal(t, beta))
            {
                act[na++] = j;
                in_a[j] = 1;
                sgn[j] = fmpq_sgn(c + j);
            }
        }
        /* keep the active set in index order: deterministic output */
        for (a = 1; a < na; a++)
        {
            slong key = act[a], b = a - 1;
            while (b >= 0 && act[b] > key)
            {
                act[b + 1] = act[b];
                b--;
            }
            act[b + 1] = key;
        }
    }

done:
    if (status == WC_OK)
    {
        /* z on the atoms of V, and the optimal intercept */
        for (j = 0; j < V->len; j++)
            fmpq_zero(zV + j);
        for (j = 0; j < L; j++)
        {
            fmpq_set(zV + S.atom[j], z + j);
            if (S.flip[j])
                fmpq_neg(zV + S.atom[j], zV + S.atom[j]);
        }
        fmpq_zero(xi);
        if (intercept)
        {
            fmpq * k = _fmpq_vec_init(n);
            fmpz_t nz;
            fmpz_init_set_si(nz, n);
            for (i = 0; i < n; i++)
                fmpq_add(xi, xi, D->y + i);
            for (j = 0; j < L; j++)
            {
                if (fmpq_is_zero(z + j))
                    continue;
                wc_dict_column(k, V, D, S.atom[j]);
                for (i = 0; i < n; i++)
                {
                    fmpq_mul(t, zV + S.atom[j], k + i);
                    fmpq_sub(xi, xi, t);
                }
            }
            fmpq_div_fmpz(xi, xi, nz);
            fmpz_clear(nz);
            _fmpq_vec_clear(k, n);
        }
    }
    fmpq_clear(beta); fmpq_clear(gamma); fmpq_clear(g); fmpq_clear(t); fmpq_clear(one);
    _fmpq_vec_clear(z, L + 1);
    _fmpq_vec_clear(c, L + 1);
    _fmpq_vec_clear(av, L + 1);
    _fmpq_vec_clear(uvec, n);
    flint_free(act);
    flint_free(sgn);
    flint_free(in_a);
    flint_free(was_nonzero);
    lasso_clear(&S);
    return status;
}
