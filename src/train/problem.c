/*
 * problem.c -- training problems as exact LPs (proofs/DERIVATIONS.md
 * sections 1-3), the route they take and the memory it needs.
 *
 * Scaling, once, before anything touches a double:
 *   column u:   K'_u = q_u k_u with q_u the least common denominator of
 *               k_u, so z_u = q_u z'_u and the cost of z'_u is q_u;
 *   row i:      multiplied by rho_i = den(y_i) (hinge: by y_i = +-1);
 *   objective:  multiplied by den(beta) (interp: 1).
 * LP column layout: z'+_u, z'-_u for every atom u (2u, 2u+1); then the
 * intercept xi+, xi- when present; then the loss slacks: e+_i, e-_i (l1)
 * or e_i, s_i (hinge: y_i f(x_i) + e_i - s_i = 1).
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "train/train.h"

void
wc_problem_init(wc_problem_t p)
{
    memset(p, 0, sizeof(wc_problem_struct));
    fmpq_init(p->beta);
    fmpq_one(p->beta);
    p->loss = WC_LOSS_INTERP;
    p->dict = WC_DICT_FULL;
    p->method = WC_METHOD_AUTO;
    p->engine = WC_ENGINE_AUTO;
    p->columns = WC_COLUMNS_AUTO;
    p->threads = 0;
}

void
wc_problem_clear(wc_problem_t p)
{
    fmpq_clear(p->beta);
}

void
wc_column_lcd(fmpz_t q, const fmpq * k, slong n)
{
    slong i;

    fmpz_one(q);
    for (i = 0; i < n; i++)
        fmpz_lcm(q, q, fmpq_denref(k + i));
}

/* k = the feature column of atom u, q = its least common denominator. */
void
wc_atom_scale(fmpz_t q, fmpq * k, const wc_dict_t V, const wc_data_t D, slong u)
{
    wc_dict_column(k, V, D, u);
    wc_column_lcd(q, k, D->n);
}

void
wc_problem_column(fmpz * a, fmpz_t cost, fmpq * k, const wc_dict_t V, slong u,
                  const wc_data_t D, const wc_problem_t p)
{
    wc_dict_column(k, V, D, u);
    wc_problem_column_of(a, cost, k, D, p);
}

void
wc_problem_column_of(fmpz * a, fmpz_t cost, const fmpq * k, const wc_data_t D,
                     const wc_problem_t p)
{
    slong i;
    fmpz_t q;

    fmpz_init(q);
    wc_column_lcd(q, k, D->n);
    for (i = 0; i < D->n; i++)
    {
        fmpz_divexact(a + i, q, fmpq_denref(k + i));
        fmpz_mul(a + i, a + i, fmpq_numref(k + i));
        fmpz_mul(a + i, a + i, wc_row_scale(D, p, i));
    }
    if (p->loss == WC_LOSS_INTERP)
        fmpz_set(cost, q);
    else
        fmpz_mul(cost, q, fmpq_numref(p->beta));
    fmpz_clear(q);
}

/*
 * The same column by integer arithmetic on E's data X = Lx x (the data of
 * D scaled to integers): with t_i = Lx b' + <X_i, w'>, k_i = (t_i)_+ /
 * (Lx l1), and k_i's reduced denominator is Lx l1 / gcd(t_i, Lx l1), so
 * q = Lx l1 / G with G = gcd(Lx l1, the positive t_i) and a_i = rho_i
 * (t_i)_+ / G: no rational arithmetic, the same integers.
 */
void
wc_problem_column_enum(fmpz * a, fmpz_t cost, const wc_dict_t V, slong u, const wc_enum_t E,
                       const wc_data_t D, const wc_problem_t p)
{
    slong d = V->d, i, j;
    const fmpz * wb = V->wb + u * (d + 1);
    fmpz_t den, G, b;

    fmpz_init(den);
    fmpz_init(G);
    fmpz_init(b);
    fmpz_mul(den, E->Lx, V->l1 + u);
    fmpz_mul(b, E->Lx, wb + d);
    fmpz_set(G, den);
    for (i = 0; i < D->n; i++)
    {
        fmpz_set(a + i, b);
        for (j = 0; j < d; j++)
            fmpz_addmul(a + i, E->X + i * d + j, wb + j);
        if (fmpz_sgn(a + i) > 0)
        {
            if (!fmpz_is_one(G))
                fmpz_gcd(G, G, a + i);
        }
        else
            fmpz_zero(a + i);
    }
    for (i = 0; i < D->n; i++)
        if (!fmpz_is_zero(a + i))
        {
            fmpz_divexact(a + i, a + i, G);
            fmpz_mul(a + i, a + i, wc_row_scale(D, p, i));
        }
    fmpz_divexact(cost, den, G);
    if (p->loss != WC_LOSS_INTERP)
        fmpz_mul(cost, cost, fmpq_numref(p->beta));
    fmpz_clear(den);
    fmpz_clear(G);
    fmpz_clear(b);
}

/* rho_i: the factor row i of the LP carries (den(y_i), or y_i for hinge). */
const fmpz *
wc_row_scale(const wc_data_t D, const wc_problem_t p, slong i)
{
    return p->loss == WC_LOSS_HINGE ? fmpq_numref(D->y + i) : fmpq_denref(D->y + i);
}

int
wc_problem_lp(wc_lp_t P, fmpz_t obj_scale, const wc_data_t D,
              const wc_dict_t V, const wc_problem_t p, wc_error_t err)
{
    slong n = D->n, L = V->len, i, u, col;
    int icpt = wc_has_intercept(p), hinge = (p->loss == WC_LOSS_HINGE);
    slong N = 2 * L + (icpt ? 2 : 0) + (p->loss == WC_LOSS_INTERP ? 0 : 2 * n);
    fmpq * k;
    fmpz * rho, * a;
    fmpz_t cu;

    if (D->y == NULL)
        return wc_error_set(err, WC_ERR_ARG, "the data set has no labels");
    if (p->loss != WC_LOSS_INTERP && fmpq_sgn(p->beta) <= 0)
        return wc_error_set(err, WC_ERR_ARG, "beta must be positive");
    k = _fmpq_vec_init(n);
    rho = _fmpz_vec_init(n);
    for (i = 0; i < n; i++)
    {
        if (hinge && !fmpq_equal_si(D->y + i, 1) && !fmpq_equal_si(D->y + i, -1))
        {
            char * s = wc_fmpq_get_str(D->y + i);
            wc_error_set(err, WC_ERR_ARG, "sample %ld has label %s; the hinge "
                         "loss needs labels -1 or +1", i + 1, s);
            flint_free(s);
            _fmpq_vec_clear(k, n);
            _fmpz_vec_clear(rho, n);
            return err->code;
        }
        fmpz_set(rho + i, wc_row_scale(D, p, i));
    }

    a = _fmpz_vec_init(n);
    fmpz_init(cu);
    wc_lp_init(P, n, N);
    if (p->loss == WC_LOSS_INTERP)
        fmpz_one(obj_scale);
    else
        fmpz_set(obj_scale, fmpq_denref(p->beta));

    for (u = 0; u < L; u++)
    {
        wc_problem_column(a, cu, k, V, u, D, p);
        for (i = 0; i < n; i++)
        {
            fmpz_set(fmpz_mat_entry(P->A, i, 2 * u), a + i);
            fmpz_neg(fmpz_mat_entry(P->A, i, 2 * u + 1), a + i);
        }
        fmpz_set(P->c + 2 * u, cu);
        fmpz_set(P->c + 2 * u + 1, cu);
    }
    col = 2 * L;
    if (icpt)
    {
        for (i = 0; i < n; i++)
        {
            fmpz_set(fmpz_mat_entry(P->A, i, col), rho + i);
            fmpz_neg(fmpz_mat_entry(P->A, i, col + 1), rho + i);
        }
        col += 2;
    }
    for (i = 0; i < n && p->loss != WC_LOSS_INTERP; i++)
    {
        /* l1: +-rho_i e_i at cost den(beta); hinge: e_i at that cost, -e_i free */
        if (hinge)
            fmpz_one(fmpz_mat_entry(P->A, i, col + 2 * i));
        else
            fmpz_set(fmpz_mat_entry(P->A, i, col + 2 * i), rho + i);
        fmpz_neg(fmpz_mat_entry(P->A, i, col + 2 * i + 1), fmpz_mat_entry(P->A, i, col + 2 * i));
        fmpz_set(P->c + col + 2 * i, obj_scale);
        if (!hinge)
            fmpz_set(P->c + col + 2 * i + 1, obj_scale);
    }
    for (i = 0; i < n; i++)     /* hinge: 1; else rho_i y_i = numerator of y_i */
    {
        if (hinge)
            fmpz_one(P->b + i);
        else
            fmpz_set(P->b + i, fmpq_numref(D->y + i));
    }

    _fmpz_vec_clear(a, n);
    fmpz_clear(cu);
    _fmpq_vec_clear(k, n);
    _fmpz_vec_clear(rho, n);
    return WC_OK;
}

int
wc_columns_mode(const wc_data_t D, const wc_problem_t p)
{
    if (p->loss == WC_LOSS_SQUARED)
        return WC_COLUMNS_FULL;
    if (p->columns != WC_COLUMNS_AUTO)
        return p->columns;
    return wc_dict_bound(D->n, D->d, p->bias, p->dict) > WC_STREAM_MIN_ATOMS
           ? WC_COLUMNS_STREAMED : WC_COLUMNS_FULL;
}

ulong
wc_solve_memory(const wc_data_t D, const wc_problem_t p, int columns)
{
    ulong atoms = wc_dict_bound(D->n, D->d, p->bias, p->dict), per, lp;

    if (columns == WC_COLUMNS_STREAMED)
        atoms = FLINT_MIN(atoms, wc_sat_mul(64, (ulong) D->n + 16));
    per = wc_sat_mul(24, (ulong) D->d + 1);
    lp = wc_sat_mul(wc_sat_mul(16, (ulong) D->n), atoms);
    per = wc_sat_mul(per, atoms);
    return wc_sat_add(per, lp);
}

/* ------------------------------------------------- outputs and objective */

/*
 * f_i = xi + sum_j alpha_j k_j(x_i) with one common denominator: column
 * j is K_j / c_j (K_j integers), beta_j = alpha_j / c_j, L the lcm of the
 * denominators of xi and the beta_j, a_j = L beta_j; then f_i = (L xi +
 * sum_j a_j K_ij) / L, an integer sum reduced once -- not a gcd after each
 * of the len additions, each over the lcm of the denominators so far.
 */
void
wc_network_outputs(fmpq * out, const wc_dict_t V, const slong * atom,
                   const fmpq * alpha, slong len, const fmpq_t xi,
                   const wc_data_t D)
{
    slong n = D->n, i, j;
    fmpq * k = _fmpq_vec_init(n);
    fmpq * beta = _fmpq_vec_init(len);
    fmpz * K = _fmpz_vec_init(n * len), * a = _fmpz_vec_init(len);
    fmpz_t L;

    fmpz_init_set(L, fmpq_denref(xi));
    for (j = 0; j < len; j++)
    {
        wc_dict_column(k, V, D, atom[j]);
        _fmpq_vec_get_fmpz_vec_fmpz(K + j * n, a + j, k, n);
        fmpq_div_fmpz(beta + j, alpha + j, a + j);
        fmpz_lcm(L, L, fmpq_denref(beta + j));
    }
    for (j = 0; j < len; j++)
    {
        fmpz_divexact(a + j, L, fmpq_denref(beta + j));
        fmpz_mul(a + j, a + j, fmpq_numref(beta + j));
    }
    for (i = 0; i < n; i++)
    {
        fmpz_divexact(fmpq_numref(out + i), L, fmpq_denref(xi));
        fmpz_mul(fmpq_numref(out + i), fmpq_numref(out + i), fmpq_numref(xi));
        for (j = 0; j < len; j++)
            fmpz_addmul(fmpq_numref(out + i), a + j, K + j * n + i);
        fmpz_set(fmpq_denref(out + i), L);
        fmpq_canonicalise(out + i);
    }
    fmpz_clear(L);
    _fmpz_vec_clear(a, len);
    _fmpz_vec_clear(K, n * len);
    _fmpq_vec_clear(beta, len);
    _fmpq_vec_clear(k, n);
}

int
wc_training_objective(fmpq_t obj, const fmpq * f, const fmpq_t penalty,
                      const wc_data_t D, const wc_problem_t p)
{
    slong i;
    fmpq_t t, loss;
    int ok = 1;

    fmpq_init(t);
    fmpq_init(loss);
    for (i = 0; i < D->n; i++)
    {
        if (p->loss == WC_LOSS_INTERP)
            ok = ok && fmpq_equal(f + i, D->y + i);
        else if (p->loss == WC_LOSS_L1)
        {
            fmpq_sub(t, f + i, D->y + i);
            fmpq_abs(t, t);
            fmpq_add(loss, loss, t);
        }
        else if (p->loss == WC_LOSS_SQUARED)
        {
            fmpq_sub(t, f + i, D->y + i);
            fmpq_mul(t, t, t);
            fmpq_div_2exp(t, t, 1);
            fmpq_add(loss, loss, t);
        }
        else
        {
            fmpq_mul(t, f + i, D->y + i);       /* (1 - y_i f_i)_+ */
            fmpq_sub_si(t, t, 1);
            if (fmpq_sgn(t) < 0)
                fmpq_sub(loss, loss, t);
        }
    }
    if (p->loss == WC_LOSS_INTERP)
        fmpq_set(obj, penalty);
    else
    {
        fmpq_mul(t, p->beta, penalty);
        fmpq_add(obj, loss, t);
    }
    fmpq_clear(t);
    fmpq_clear(loss);
    return ok;
}
