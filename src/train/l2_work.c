/*
 * l2_work.c -- the l2 penalty's working set and its candidates: rational
 * directions and their columns, the working LP (GLPK, doubles) with the
 * exact dual of its basis, the squared loss's exact Lasso path, and the
 * network read off a candidate with its cost enclosed (MPFR).
 */
#include <math.h>
#include <string.h>
#include <glpk.h>
#include <mpfr.h>
#include <flint/fmpq_vec.h>
#include "train/train.h"
#include "base/base.h"

/* GCC 12 takes FLINT's fmpq (two words) passed on for an fmpz (one) in
 * some inlined calls: a false report, as in make check-asan's flags */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wstringop-overread"
#endif


void
wc_l2_atoms_init(wc_l2_atoms_t * A, slong n, slong d)
{
    memset(A, 0, sizeof(*A));
    A->n = n;
    A->d = d;
}

void
wc_l2_atoms_clear(wc_l2_atoms_t * A)
{
    _fmpq_vec_clear(A->w, A->alloc * A->d);
    _fmpq_vec_clear(A->b, A->alloc);
    _fmpq_vec_clear(A->c2, A->alloc);
    _fmpq_vec_clear(A->col, A->alloc * A->n);
    flint_free(A->cost);
    flint_free(A->cold);
    flint_free(A->key);
}

static void
direction_key(double * key, const fmpq * w, const fmpq_t b, slong d)
{
    double m = 0;
    for (slong k = 0; k <= d; k++)
    {
        key[k] = fmpq_get_d(k < d ? w + k : b);
        m = fmax(m, fabs(key[k]));
    }
    for (slong k = 0; k <= d; k++)
        key[k] = m > 0 ? key[k] / m : 0;
}

/* Appends (w, b) unless (check) some atom has a positive multiple of it.
 * RETURNS 1 if added. */
int
wc_l2_atoms_push(wc_l2_atoms_t * A, const fmpq * w, const fmpq_t b, const wc_data_t D, int check)
{
    slong n = A->n, d = A->d, j, k, i;
    double key[4];
    fmpq_t r, t;
    fmpq_init(r);
    fmpq_init(t);
    direction_key(key, w, b, d);
    for (j = 0; j < (check ? A->len : 0); j++)    /* the same direction: proportional (w, b) */
    {
        int same = 1, set = 0;
        for (k = 0; k <= d && same; k++)
            same = fabs(key[k] - A->key[j * (d + 1) + k]) < 1e-9;
        for (k = 0; k <= d && same; k++)
        {
            const fmpq * a = k < d ? w + k : b, * c = k < d ? A->w + j * d + k : A->b + j;
            if (fmpq_is_zero(a) || fmpq_is_zero(c))
                same = fmpq_is_zero(a) && fmpq_is_zero(c);
            else if (!set)
            {
                fmpq_div(r, a, c);
                same = fmpq_sgn(r) > 0;
                set = 1;
            }
            else
            {
                fmpq_mul(t, r, c);
                same = fmpq_equal(t, a);
            }
        }
        if (same)
            break;
    }
    if (check && j < A->len)
    {
        fmpq_clear(r);
        fmpq_clear(t);
        return 0;
    }
    if (A->len == A->alloc)
    {
        slong na = FLINT_MAX(64, 2 * A->alloc);
        A->w = flint_realloc(A->w, na * d * sizeof(fmpq));
        A->b = flint_realloc(A->b, na * sizeof(fmpq));
        A->c2 = flint_realloc(A->c2, na * sizeof(fmpq));
        A->col = flint_realloc(A->col, na * n * sizeof(fmpq));
        A->cost = flint_realloc(A->cost, na * sizeof(double));
        A->cold = flint_realloc(A->cold, na * n * sizeof(double));
        A->key = flint_realloc(A->key, na * (d + 1) * sizeof(double));
        for (i = A->alloc; i < na; i++)
        {
            for (k = 0; k < d; k++)
                fmpq_init(A->w + i * d + k);
            fmpq_init(A->b + i);
            fmpq_init(A->c2 + i);
            for (k = 0; k < n; k++)
                fmpq_init(A->col + i * n + k);
        }
        A->alloc = na;
    }
    j = A->len++;
    memcpy(A->key + j * (d + 1), key, (d + 1) * sizeof(double));
    fmpq_set(A->b + j, b);
    fmpq_zero(A->c2 + j);
    for (k = 0; k < d; k++)
    {
        fmpq_set(A->w + j * d + k, w + k);
        fmpq_addmul(A->c2 + j, w + k, w + k);
    }
    A->cost[j] = sqrt(fmpq_get_d(A->c2 + j));
    for (i = 0; i < n; i++)
    {
        fmpq * c = A->col + j * n + i;
        fmpq_set(c, b);
        for (k = 0; k < d; k++)
            fmpq_addmul(c, fmpq_mat_entry(D->X, i, k), w + k);
        if (fmpq_sgn(c) < 0)
            fmpq_zero(c);
        A->cold[j * n + i] = fmpq_get_d(c);
    }
    fmpq_clear(r);
    fmpq_clear(t);
    return 1;
}

/* The vertex dictionary's directions (kind FULL or SAMPLES) as the seed. */
int
wc_l2_atoms_seed(wc_l2_atoms_t * A, const wc_data_t D, const wc_problem_t p, int kind, wc_error_t err)
{
    wc_dict_t V;
    fmpq * w = _fmpq_vec_init(D->d);
    fmpq_t b;
    int rc;
    fmpq_init(b);
    wc_dict_init(V);
    rc = wc_dict_build(V, D, p->bias, kind, p->max_atoms, NULL, NULL, err);
    if (rc == WC_OK)
        for (slong u = 0; u < V->len; u++)
        {
            wc_dict_direction(w, b, V, u);
            wc_l2_atoms_push(A, w, b, D, 0);   /* V has no duplicates */
        }
    wc_dict_clear(V);
    _fmpq_vec_clear(w, D->d);
    fmpq_clear(b);
    return rc;
}

/* ---------------------------------------------------- the candidates */

double
wc_l2_loss_beta(const wc_problem_t p)
{
    return p->loss == WC_LOSS_INTERP ? 1.0 : fmpq_get_d(p->beta);
}

/* ||w|| of atom j (times beta) as a rational within 2^-WC_L2_PREC relative:
 * the cost the exact dual of a basis is solved for */
static void
cost_rational(fmpq_t c, const wc_l2_atoms_t * A, slong j, const wc_problem_t p)
{
    mpfr_t x;
    mpq_t q;
    mpfr_init2(x, WC_L2_PREC);
    mpq_init(q);
    fmpq_get_mpq(q, A->c2 + j);
    mpfr_set_q(x, q, MPFR_RNDN);
    mpfr_sqrt(x, x, MPFR_RNDN);
    mpfr_get_q(q, x);
    fmpq_set_mpq(c, q);
    if (p->loss != WC_LOSS_INTERP)
        fmpq_mul(c, c, p->beta);
    mpq_clear(q);
    mpfr_clear(x);
}

/* v := the exact dual of GLPK's final basis, B^T lambda = c_B with the
 * costs of cost_rational (hinge: v_i = y_i lambda_i).  RETURNS 1, or 0
 * when the basis matrix is singular in exact arithmetic. */
static int
basis_dual(fmpq * v, glp_prob * lp, const wc_l2_atoms_t * A, const wc_data_t D,
           const wc_problem_t p, int icol, int first_slack)
{
    slong n = A->n, r = 0, i, j;
    int hinge = p->loss == WC_LOSS_HINGE, ok;
    fmpq_mat_t M, c, lam;
    fmpq_mat_init(M, n, n);
    fmpq_mat_init(c, n, 1);
    fmpq_mat_init(lam, n, 1);
    for (i = 0; i < n && r < n; i++)        /* basic auxiliaries: lambda_i = 0 */
        if (glp_get_row_stat(lp, i + 1) == GLP_BS)
            fmpq_one(fmpq_mat_entry(M, r++, i));
    for (j = 1; j <= glp_get_num_cols(lp) && r < n; j++)
    {
        if (glp_get_col_stat(lp, j) != GLP_BS)
            continue;
        for (i = 0; i < n; i++)
        {
            fmpq * e = fmpq_mat_entry(M, r, i);
            if (j == icol)
                fmpq_one(e);
            else if (first_slack && j >= first_slack)
                fmpq_set_si(e, ((j - first_slack) % n == i) * ((j - first_slack) < n ? 1 : -1), 1);
            else
            {
                fmpq_set(e, A->col + ((j - 1) / 2) * n + i);
                if ((j - 1) % 2)
                    fmpq_neg(e, e);
            }
            if (hinge && j != icol && !(first_slack && j >= first_slack))
                fmpq_mul(e, e, D->y + i);
            else if (hinge && j == icol)
                fmpq_set(e, D->y + i);
        }
        if (first_slack && j >= first_slack)
            fmpq_one(fmpq_mat_entry(c, r, 0));
        else if (j != icol)
            cost_rational(fmpq_mat_entry(c, r, 0), A, (j - 1) / 2, p);
        r++;
    }
    ok = r == n && fmpq_mat_solve_fraction_free(lam, M, c);
    for (i = 0; ok && i < n; i++)
    {
        fmpq_set(v + i, fmpq_mat_entry(lam, i, 0));
        if (hinge)
            fmpq_mul(v + i, v + i, D->y + i);
    }
    fmpq_mat_clear(M);
    fmpq_mat_clear(c);
    fmpq_mat_clear(lam);
    return ok;
}

/* The working LP in doubles (interp, l1, hinge): alpha a[j], intercept
 * *xi, the row duals as v (hinge: y_i times the dual), and which atoms are
 * basic; v is the exact dual of the final basis (basis_dual), or GLPK's
 * doubles read exactly.  RETURNS 0 (optimal), 1 (infeasible) or -1 (GLPK
 * failed). */
int
wc_l2_float_lp(double * a, double * xi, fmpq * v, fmpq * v2, char * basic, const wc_l2_atoms_t * A,
         const wc_data_t D, const wc_problem_t p)
{
    int first = 0;
    slong n = A->n, N = A->len, i, j;
    int loss = p->loss, rc = -1, icol = 0;
    double beta = wc_l2_loss_beta(p);
    glp_prob * lp = glp_create_prob();
    int * ind = flint_malloc((n + 1) * sizeof(int));
    double * val = flint_malloc((n + 1) * sizeof(double)), * y = flint_malloc(n * sizeof(double));
    glp_smcp parm;

    glp_set_obj_dir(lp, GLP_MIN);
    glp_add_rows(lp, n);
    for (i = 0; i < n; i++)
    {
        y[i] = fmpq_get_d(D->y + i);
        if (loss == WC_LOSS_HINGE)
            glp_set_row_bnds(lp, i + 1, GLP_LO, 1.0, 0.0);
        else
            glp_set_row_bnds(lp, i + 1, GLP_FX, y[i], y[i]);
    }
    glp_add_cols(lp, 2 * N);
    for (j = 0; j < 2 * N; j++)
    {
        slong len = 0;
        for (i = 0; i < n; i++)
        {
            double k = A->cold[(j / 2) * n + i] * (j % 2 ? -1.0 : 1.0);
            if (k != 0)
            {
                ind[++len] = i + 1;
                val[len] = loss == WC_LOSS_HINGE ? y[i] * k : k;
            }
        }
        glp_set_mat_col(lp, j + 1, len, ind, val);
        glp_set_col_bnds(lp, j + 1, GLP_LO, 0.0, 0.0);
        glp_set_obj_coef(lp, j + 1, beta * A->cost[j / 2]);
    }
    if (wc_has_intercept(p))
    {
        icol = glp_add_cols(lp, 1);
        for (i = 0; i < n; i++)
        {
            ind[i + 1] = i + 1;
            val[i + 1] = loss == WC_LOSS_HINGE ? y[i] : 1.0;
        }
        glp_set_mat_col(lp, icol, n, ind, val);
        glp_set_col_bnds(lp, icol, GLP_FR, 0.0, 0.0);
    }
    if (loss != WC_LOSS_INTERP)     /* slacks: l1 e+ and e-, hinge s */
    {
        first = glp_add_cols(lp, loss == WC_LOSS_L1 ? 2 * n : n);
        for (j = 0; j < (loss == WC_LOSS_L1 ? 2 * n : n); j++)
        {
            ind[1] = j % n + 1;
            val[1] = j < n ? 1.0 : -1.0;
            glp_set_mat_col(lp, first + j, 1, ind, val);
            glp_set_col_bnds(lp, first + j, GLP_LO, 0.0, 0.0);
            glp_set_obj_coef(lp, first + j, 1.0);
        }
    }
    glp_term_out(GLP_OFF);
    glp_scale_prob(lp, GLP_SF_AUTO);
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    parm.it_lim = 20000;
    glp_simplex(lp, &parm);
    /* then tighter: the lower bound loses what the dual violates (any
       basis gives proved bounds; a tighter one narrows them) */
    parm.tol_dj = 1e-11;
    parm.it_lim = 5000;
    glp_unscale_prob(lp);       /* tolerances on the columns as they are */
    int ret = glp_simplex(lp, &parm);
    if (ret == 0 || ret == GLP_EITLIM)
    {
        int st = glp_get_status(lp);
        if (st == GLP_OPT || st == GLP_FEAS)
        {
            for (j = 0; j < N; j++)
            {
                a[j] = glp_get_col_prim(lp, 2 * j + 1) - glp_get_col_prim(lp, 2 * j + 2);
                basic[j] = glp_get_col_stat(lp, 2 * j + 1) == GLP_BS
                           || glp_get_col_stat(lp, 2 * j + 2) == GLP_BS;
            }
            *xi = icol ? glp_get_col_prim(lp, icol) : 0.0;
            basic[N] = icol && glp_get_col_stat(lp, icol) == GLP_BS;
            for (i = 0; i < n; i++)
            {
                double vi = glp_get_row_dual(lp, i + 1) * (loss == WC_LOSS_HINGE ? y[i] : 1.0);
                wc_qvec_set_d(v2 + i, &vi, 1);
            }
            if (!basis_dual(v, lp, A, D, p, icol, first))
                wc_qvec_set(v, v2, n);
            rc = 0;
        }
        else if (st == GLP_NOFEAS)
            rc = 1;
    }
    glp_delete_prob(lp);
    flint_free(ind);
    flint_free(val);
    flint_free(y);
    return rc;
}

/* The exact Lasso path (train/lasso.c) over the columns S[0..m) scaled to
 * k_j / c_j (c_j = ||w_j|| as a double, read exactly), so that its penalty
 * sum |z_j| is sum c_j |alpha_j|: a[S[i]] := z_i / c_j as a double.
 * RETURNS WC_OK or the path's error. */
static int
lasso_on(double * a, const slong * S, slong m, const wc_l2_atoms_t * A, const wc_data_t D,
         const wc_problem_t p, wc_error_t err)
{
    slong n = A->n, i, j;
    fmpq * cols = _fmpq_vec_init(m * n + 1), * z = _fmpq_vec_init(m + 1), * c = _fmpq_vec_init(m + 1);
    fmpq_t xi;
    wc_lasso_path_t P;
    int rc;
    fmpq_init(xi);
    wc_lasso_path_init(P);
    for (j = 0; j < m; j++)
    {
        wc_qvec_set_d(c + j, A->cost + S[j], 1);
        for (i = 0; i < n; i++)
            fmpq_div(cols + j * n + i, A->col + S[j] * n + i, c + j);
    }
    rc = wc_lasso_path_columns(P, z, xi, D, cols, m, wc_has_intercept(p), p->beta,
                               NULL, NULL, err);
    for (j = 0; rc == WC_OK && j < m; j++)
    {
        fmpq_div(z + j, z + j, c + j);
        a[S[j]] = fmpq_get_d(z + j);
    }
    wc_lasso_path_clear(P);
    fmpq_clear(xi);
    _fmpq_vec_clear(cols, m * n + 1);
    _fmpq_vec_clear(z, m + 1);
    _fmpq_vec_clear(c, m + 1);
    return rc;
}

/* The squared loss's candidate: the exact Lasso path over the columns
 * whose |k_j^T v| / c_j under the previous round's dual v (the first
 * round: the centred labels) is within 2% of the largest, then again with
 * the columns whose KKT condition the result violates, until none does:
 * the result is the path's answer over all of them.
 * RETURNS WC_OK or the path's error. */
int
wc_l2_lasso_candidate(double * a, const wc_l2_atoms_t * A, const wc_data_t D,
                      const wc_problem_t p, const fmpq * vprev, wc_error_t err)
{
    slong n = A->n, N = A->len, i, j, m = 0;
    int icpt = wc_has_intercept(p), rc = WC_OK;
    double * ratio = flint_malloc((N + 1) * sizeof(double)), * r = flint_malloc(n * sizeof(double));
    double top = 0, beta = wc_l2_loss_beta(p);
    slong * S = flint_malloc((N + 1) * sizeof(slong));
    char * in = flint_calloc(N + 1, 1);

    for (i = 0; i < n; i++)     /* the first round: the labels, centred */
    {
        r[i] = fmpq_get_d(vprev != NULL ? vprev + i : D->y + i);
        top += r[i] / n;
    }
    for (i = 0; icpt && vprev == NULL && i < n; i++)
        r[i] -= top;
    top = 0;
    for (j = 0; j < N; j++)
    {
        double s = 0;
        for (i = 0; i < n; i++)
            s += A->cold[j * n + i] * r[i];
        ratio[j] = fabs(s) / A->cost[j];
        top = fmax(top, ratio[j]);
    }
    for (j = 0; j < N; j++)
        if (ratio[j] >= 0.98 * top)
        {
            S[m++] = j;
            in[j] = 1;
        }
    while (rc == WC_OK)
    {
        slong joined = 0;
        double mean = 0;
        for (j = 0; j < N; j++)
            a[j] = 0;
        rc = lasso_on(a, S, m, A, D, p, err);
        for (i = 0; i < n; i++)         /* the residual, centred with an intercept */
        {
            r[i] = fmpq_get_d(D->y + i);
            for (j = 0; j < m; j++)
                r[i] -= a[S[j]] * A->cold[S[j] * n + i];
            mean += r[i] / n;
        }
        for (i = 0; icpt && i < n; i++)
            r[i] -= mean;
        for (j = 0; rc == WC_OK && j < N; j++)
        {
            double s = 0;
            if (in[j])
                continue;
            for (i = 0; i < n; i++)
                s += A->cold[j * n + i] * r[i];
            if (fabs(s) > beta * A->cost[j] * (1 + 1e-12))
            {
                S[m++] = j;
                in[j] = 1;
                joined++;
            }
        }
        if (joined == 0)
            break;
    }
    flint_free(ratio);
    flint_free(r);
    flint_free(S);
    flint_free(in);
    return rc;
}

void
wc_l2_q_of_mpfr(fmpq_t r, const mpfr_t x)
{
    mpq_t t;
    mpq_init(t);
    mpfr_get_q(t, x);
    fmpq_set_mpq(r, t);
    mpq_clear(t);
}

void
wc_l2_cost_enclose(fmpq_t lo, fmpq_t hi, const fmpq * alpha, const fmpq * c2, slong len)
{
    mpfr_t s, t, sum[2];
    mpq_t q;
    mpfr_rnd_t rnd[2] = {MPFR_RNDD, MPFR_RNDU};
    mpfr_inits2(WC_L2_PREC, s, t, sum[0], sum[1], (mpfr_ptr) 0);
    mpq_init(q);
    mpfr_set_zero(sum[0], 1);
    mpfr_set_zero(sum[1], 1);
    for (slong j = 0; j < len; j++)
        for (int e = 0; e < 2; e++)
        {
            fmpq_get_mpq(q, c2 + j);
            mpfr_set_q(s, q, rnd[e]);
            mpfr_sqrt(s, s, rnd[e]);
            fmpq_get_mpq(q, alpha + j);
            mpq_abs(q, q);
            mpfr_mul_q(s, s, q, rnd[e]);
            mpfr_add(sum[e], sum[e], s, rnd[e]);
        }
    /* a margin of 2^-120 (relative) both ways, so that a checker's own
       enclosure of each root, finer than that, proves the same bounds */
    mpfr_mul_2si(t, sum[0], -120, MPFR_RNDU);
    mpfr_sub(sum[0], sum[0], t, MPFR_RNDD);
    mpfr_mul_2si(t, sum[1], -120, MPFR_RNDU);
    mpfr_add(sum[1], sum[1], t, MPFR_RNDU);
    wc_l2_q_of_mpfr(lo, sum[0]);
    wc_l2_q_of_mpfr(hi, sum[1]);
    mpq_clear(q);
    mpfr_clears(s, t, sum[0], sum[1], (mpfr_ptr) 0);
}

/* The network read off the candidate, exactly: R's neurons, xi, loss,
 * penalty enclosure and upper bound.  RETURNS WC_OK, or WC_ERR_SOLVER when
 * the interp basis does not reproduce the labels exactly. */
int
wc_l2_exact_network(wc_l2_result_t R, const wc_l2_atoms_t * A, const double * a, double xi,
              const char * basic, const wc_data_t D, const wc_problem_t p, wc_error_t err)
{
    slong n = A->n, d = A->d, N = A->len, i, j, m = 0;
    fmpq * alpha = _fmpq_vec_init(N + 1), * f = _fmpq_vec_init(n), * c2;
    fmpq_t x, zero;
    int icpt = wc_has_intercept(p), rc = WC_OK;

    fmpq_init(x);
    fmpq_init(zero);
    if (p->loss == WC_LOSS_INTERP)
    {
        /* the basic columns (and the intercept, if basic) solved exactly:
           K_B z = y */
        icpt = basic[N];
        slong nb = icpt;
        slong * cols = flint_malloc((N + 1) * sizeof(slong));
        for (j = 0; j < N; j++)
            if (basic[j])
                cols[nb++] = j;
        fmpq_mat_t M, Y, Z;
        fmpq_mat_init(M, n, nb);
        fmpq_mat_init(Y, n, 1);
        fmpq_mat_init(Z, nb, 1);
        for (i = 0; i < n; i++)
        {
            fmpq_set(fmpq_mat_entry(Y, i, 0), D->y + i);
            for (j = 0; j < nb; j++)
                if (j < icpt)
                    fmpq_one(fmpq_mat_entry(M, i, j));
                else
                    fmpq_set(fmpq_mat_entry(M, i, j), A->col + cols[j] * n + i);
        }
        if (!fmpq_mat_can_solve_fraction_free(Z, M, Y))
            rc = wc_error_set(err, WC_ERR_SOLVER, "l2: the candidate basis does not "
                              "interpolate the labels exactly");
        else
        {
            if (icpt)
                fmpq_set(x, fmpq_mat_entry(Z, 0, 0));
            for (j = icpt; j < nb; j++)
                fmpq_set(alpha + cols[j], fmpq_mat_entry(Z, j, 0));
        }
        fmpq_mat_clear(M);
        fmpq_mat_clear(Y);
        fmpq_mat_clear(Z);
        flint_free(cols);
    }
    else
    {
        wc_qvec_set_d(alpha, a, N);
        if (icpt)
            wc_qvec_set_d(x, &xi, 1);
    }
    if (rc == WC_OK)
    {
        for (i = 0; i < n; i++)
        {
            fmpq_zero(f + i);
            for (j = 0; j < N; j++)
                if (!fmpq_is_zero(alpha + j))
                    fmpq_addmul(f + i, alpha + j, A->col + j * n + i);
        }
        if (p->loss == WC_LOSS_SQUARED && icpt)    /* the best intercept, exactly */
        {
            fmpq_zero(x);
            for (i = 0; i < n; i++)
            {
                fmpq_add(x, x, D->y + i);
                fmpq_sub(x, x, f + i);
            }
            wc_fmpq_div_si(x, x, n);
        }
        for (i = 0; i < n; i++)
            fmpq_add(f + i, f + i, x);
        for (i = 0; p->loss == WC_LOSS_SQUARED && i < n; i++)   /* its dual: y - f */
            fmpq_sub(R->dual + i, D->y + i, f + i);
        if (!wc_training_objective(R->loss, f, zero, D, p))
            rc = wc_error_set(err, WC_ERR_SOLVER, "l2: the network's outputs differ "
                              "from the labels");
    }
    if (rc == WC_OK)
    {
        for (j = 0; j < N; j++)
            m += !fmpq_is_zero(alpha + j);
        _fmpq_vec_clear(R->w, R->nneurons * d);
        _fmpq_vec_clear(R->b, R->nneurons);
        _fmpq_vec_clear(R->alpha, R->nneurons);
        R->nneurons = m;
        R->w = _fmpq_vec_init(m * d);
        R->b = _fmpq_vec_init(m);
        R->alpha = _fmpq_vec_init(m);
        c2 = _fmpq_vec_init(m);
        for (j = 0, m = 0; j < N; j++)
            if (!fmpq_is_zero(alpha + j))
            {
                wc_qvec_set(R->w + m * d, A->w + j * d, d);
                fmpq_set(R->b + m, A->b + j);
                fmpq_set(R->alpha + m, alpha + j);
                fmpq_set(c2 + m, A->c2 + j);
                m++;
            }
        fmpq_set(R->xi, x);
        wc_l2_cost_enclose(R->penalty_lo, R->penalty_hi, R->alpha, c2, m);
        _fmpq_vec_clear(c2, m);
        if (p->loss == WC_LOSS_INTERP)
            fmpq_set(R->upper, R->penalty_hi);
        else
        {
            fmpq_mul(R->upper, p->beta, R->penalty_hi);
            fmpq_add(R->upper, R->upper, R->loss);
        }
    }
    fmpq_clear(x);
    fmpq_clear(zero);
    _fmpq_vec_clear(alpha, N + 1);
    _fmpq_vec_clear(f, n);
    return rc;
}
