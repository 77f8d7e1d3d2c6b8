/*
 * l2.c -- standard weight decay: the l2 penalty's optimum bracketed
 * exactly (proofs/DERIVATIONS.md section 12).
 *
 * A working set of rational directions (w, b) is kept; its LP has the
 * irrational costs ||w||_2 and is solved in doubles (the squared loss's
 * QP: by the exact Lasso path on costs rounded to doubles) -- a candidate
 * only.  The upper bound is the cost of the network
 * read off the candidate with rational weights (interp: the candidate's
 * basis solved exactly, so that the outputs equal the labels), enclosed
 * from above with MPFR.  The lower bound is the dual objective of the
 * candidate's dual point made exactly feasible: its loss constraints
 * (boxes, 1^T v = 0) repaired in rationals, then scaled by t so that every
 * face of the arrangement passes max |k^T v| / ||w|| <= bound, decided by
 * comparing squares (dict/cells.c).  The most violated face points join the
 * working set, until the bracket is narrow enough.
 */
#include <math.h>
#include <string.h>
#include <mpfr.h>
#include <flint/fmpq_vec.h>
#include "train/train.h"
#include "base/base.h"

/* GCC 12 takes FLINT's fmpq (two words) passed on for an fmpz (one) in
 * some inlined calls: a false report, as in make check-asan's flags */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wstringop-overread"
#endif

#define L2_MAX_ROUNDS 100
#define L2_WORK_LIMIT 4e10      /* multiply-adds of one face walk */

/* ------------------------------------------------ the lower bound */

/* The candidate's dual with its loss constraints restored: boxes (l1:
 * |v_i| <= 1, hinge: 0 <= y_i v_i <= 1) and 1^T v = 0 with an intercept
 * (moving entries within their boxes; v = 0 if they cannot). */
static void
repair_dual(fmpq * v, const wc_data_t D, const wc_problem_t p)
{
    slong n = D->n, i;
    int box = p->loss == WC_LOSS_L1 || p->loss == WC_LOSS_HINGE;
    fmpq * lo = _fmpq_vec_init(n), * hi = _fmpq_vec_init(n);
    fmpq_t s, t;
    fmpq_init(s);
    fmpq_init(t);
    for (i = 0; box && i < n; i++)
    {
        int pos = p->loss == WC_LOSS_L1 || fmpq_sgn(D->y + i) > 0;
        int neg = p->loss == WC_LOSS_L1 || fmpq_sgn(D->y + i) < 0;
        fmpq_set_si(lo + i, -neg, 1);
        fmpq_set_si(hi + i, pos, 1);
        if (fmpq_cmp(v + i, lo + i) < 0)
            fmpq_set(v + i, lo + i);
        if (fmpq_cmp(v + i, hi + i) > 0)
            fmpq_set(v + i, hi + i);
    }
    if (wc_has_intercept(p))
    {
        for (i = 0; i < n; i++)
            fmpq_add(s, s, v + i);
        for (i = 0; i < n && !fmpq_is_zero(s); i++)
        {
            if (!box)
            {
                wc_fmpq_div_si(t, s, n - i);
                fmpq_sub(v + i, v + i, t);
                fmpq_sub(s, s, t);
                continue;
            }
            fmpq_sub(t, v + i, fmpq_sgn(s) > 0 ? lo + i : hi + i);     /* the room */
            if (fmpq_sgn(s) > 0 ? fmpq_cmp(t, s) > 0 : fmpq_cmp(t, s) < 0)
                fmpq_set(t, s);
            fmpq_sub(v + i, v + i, t);
            fmpq_sub(s, s, t);
        }
        if (!fmpq_is_zero(s))
            wc_qvec_zero(v, n);
    }
    _fmpq_vec_clear(lo, n);
    _fmpq_vec_clear(hi, n);
    fmpq_clear(s);
    fmpq_clear(t);
}

/* the largest violation of a dual point and the K most violated points */
typedef struct {
    fmpz_t bfq, bn2, n2;
    slong anchor, atom;     /* the witness: a face point or an atom */
    fmpz bq[3];
    slong K, len;
    double thr, thr0;
    double * r;
    slong * anc;
    fmpz * qs;
} price_t;

static void
price_init(price_t * P, slong K, double thr)
{
    memset(P, 0, sizeof(*P));
    fmpz_init(P->bfq);
    fmpz_init_set_ui(P->bn2, 1);
    fmpz_init(P->n2);
    for (int k = 0; k < 3; k++)
        fmpz_init(P->bq + k);
    P->anchor = P->atom = -1;
    P->K = K;
    P->thr = P->thr0 = thr;
    P->r = flint_malloc((K + 1) * sizeof(double));
    P->anc = flint_malloc((K + 1) * sizeof(slong));
    P->qs = _fmpz_vec_init(3 * (K + 1));
}

static void
price_clear(price_t * P)
{
    fmpz_clear(P->bfq);
    fmpz_clear(P->bn2);
    fmpz_clear(P->n2);
    for (int k = 0; k < 3; k++)
        fmpz_clear(P->bq + k);
    flint_free(P->r);
    flint_free(P->anc);
    _fmpz_vec_clear(P->qs, 3 * (P->K + 1));
}

static void
price_visit(void * ctx, slong anchor, const fmpz * q, const fmpz_t fq)
{
    price_t * P = ctx;
    fmpz_t a, b;
    slong i, k;
    fmpz_init(a);
    fmpz_init(b);
    fmpz_zero(P->n2);
    for (k = 0; k < 3; k++)
        fmpz_addmul(P->n2, q + k, q + k);
    fmpz_mul(a, fq, fq);
    fmpz_mul(a, a, P->bn2);
    fmpz_mul(b, P->bfq, P->bfq);
    fmpz_mul(b, b, P->n2);
    if (fmpz_cmp(a, b) > 0)     /* fq^2 / n2 > bfq^2 / bn2 */
    {
        fmpz_abs(P->bfq, fq);
        fmpz_set(P->bn2, P->n2);
        P->anchor = anchor;
        for (k = 0; k < 3; k++)
            fmpz_set(P->bq + k, q + k);
    }
    double r = fabs(fmpz_get_d(fq)) / sqrt(fmpz_get_d(P->n2));
    if (r > P->thr && (P->len < P->K || r > P->r[P->len - 1]))
    {
        for (i = FLINT_MIN(P->len, P->K - 1); i > 0 && P->r[i - 1] < r; i--)
        {
            P->r[i] = P->r[i - 1];
            P->anc[i] = P->anc[i - 1];
            for (k = 0; k < 3; k++)
                fmpz_swap(P->qs + 3 * i + k, P->qs + 3 * (i - 1) + k);
        }
        P->r[i] = r;
        P->anc[i] = anchor;
        for (k = 0; k < 3; k++)
            fmpz_set(P->qs + 3 * i + k, q + k);
        P->len = FLINT_MIN(P->len + 1, P->K);
    }
    fmpz_clear(a);
    fmpz_clear(b);
}

/* the direction of a face point q of anchor a: w about 2^40 q / max |q|,
 * its kink through x_a (b = 0 without an anchor) */
static void
face_direction(fmpq * w, fmpq_t b, const fmpz * q, slong anchor, const wc_data_t D)
{
    slong d = D->d, k;
    fmpz_t m, t;
    fmpz_init(m);
    fmpz_init(t);
    for (k = 0; k < d; k++)
        if (fmpz_cmpabs(q + k, m) > 0)
            fmpz_abs(m, q + k);
    for (k = 0; k < d; k++)     /* round(2^40 q_k / max) = floor((2^41 q_k + max) / (2 max)) */
    {
        fmpz_mul_2exp(t, q + k, 41);
        fmpz_add(t, t, m);
        fmpz_fdiv_q(fmpq_numref(w + k), t, m);
        fmpz_fdiv_q_2exp(fmpq_numref(w + k), fmpq_numref(w + k), 1);
        fmpz_one(fmpq_denref(w + k));
        fmpq_div_2exp(w + k, w + k, 40);    /* max |w_k| = 1 */
    }
    fmpq_zero(b);
    for (k = 0; anchor >= 0 && k < d; k++)
        fmpq_submul(b, fmpq_mat_entry(D->X, anchor, k), w + k);
    fmpz_clear(m);
    fmpz_clear(t);
}

/* M2 := max (k^T v)^2 / ||w||^2 over every face point (FULL; P collects
 * the K most violated) or over the atoms (SAMPLES).  RETURNS the number
 * of points checked. */
static ulong
dual_max(fmpq_t M2, price_t * P, const fmpq * v, const fmpz * X, const fmpz_t Lx,
         const wc_l2_atoms_t * A, const wc_data_t D, const wc_problem_t p, int dict)
{
    slong n = D->n, j;
    ulong count;
    if (dict == WC_DICT_SAMPLES)
    {
        fmpq_t s;
        fmpq_init(s);
        fmpq_zero(M2);
        for (j = 0; j < A->len; j++)
        {
            _fmpq_vec_dot(s, v, A->col + j * n, n);
            fmpq_mul(s, s, s);
            fmpq_div(s, s, A->c2 + j);
            if (fmpq_cmp(s, M2) > 0)
            {
                fmpq_set(M2, s);
                P->atom = j;
            }
        }
        fmpq_clear(s);
        return A->len;
    }
    fmpz * V = _fmpz_vec_init(n);
    fmpz_t den;
    fmpz_init(den);
    _fmpq_vec_get_fmpz_vec_fmpz(V, den, v, n);
    P->thr *= fmpz_get_d(den) * fmpz_get_d(Lx);
    count = wc_cells_walk(X, n, D->d, V, p->bias, price_visit, P);
    fmpz_mul(den, den, Lx);
    fmpz_mul(den, den, den);
    fmpz_mul(fmpq_denref(M2), P->bn2, den);
    fmpz_mul(fmpq_numref(M2), P->bfq, P->bfq);
    fmpq_canonicalise(M2);
    _fmpz_vec_clear(V, n);
    fmpz_clear(den);
    return count;
}

/* t := a rational in (0, 1] with t^2 M2 <= bound^2 (1 when M2 <= bound^2),
 * within 2^-100 of the largest such */
static void
feasible_scale(fmpq_t t, const fmpq_t M2, const fmpq_t bound)
{
    fmpq_t b2, r;
    fmpq_init(b2);
    fmpq_init(r);
    fmpq_mul(b2, bound, bound);
    if (fmpq_cmp(M2, b2) <= 0)
        fmpq_one(t);
    else
    {
        mpfr_t x, y;
        mpq_t q;
        mpfr_inits2(WC_L2_PREC, x, y, (mpfr_ptr) 0);
        mpq_init(q);
        fmpq_div(r, b2, M2);
        fmpq_get_mpq(q, r);
        mpfr_set_q(x, q, MPFR_RNDD);
        mpfr_sqrt(x, x, MPFR_RNDD);
        mpfr_mul_2si(y, x, -100, MPFR_RNDN);
        mpfr_sub(x, x, y, MPFR_RNDD);
        wc_l2_q_of_mpfr(t, x);
        mpq_clear(q);
        mpfr_clears(x, y, (mpfr_ptr) 0);
        fmpq_mul(r, t, t);      /* rounding was downward: proved, but checked */
        fmpq_mul(r, r, M2);
        while (fmpq_cmp(r, b2) > 0)
        {
            fmpq_div_2exp(t, t, 1);
            fmpq_mul(r, t, t);
            fmpq_mul(r, r, M2);
        }
    }
    fmpq_clear(b2);
    fmpq_clear(r);
}

/* v := t v for the feasible t, and lower := the dual objective of v */
static void
lower_bound(fmpq_t lower, fmpq * v, const fmpq_t M2, const wc_data_t D, const wc_problem_t p)
{
    slong n = D->n;
    fmpq_t t, yv, vv, bound;
    fmpq_init(t);
    fmpq_init(yv);
    fmpq_init(vv);
    fmpq_init(bound);
    if (p->loss == WC_LOSS_INTERP)
        fmpq_one(bound);
    else
        fmpq_set(bound, p->beta);
    feasible_scale(t, M2, bound);
    _fmpq_vec_dot(yv, D->y, v, n);
    if (p->loss == WC_LOSS_SQUARED)     /* max of t y^T v - t^2 ||v||^2 / 2 */
    {
        _fmpq_vec_dot(vv, v, v, n);
        if (fmpq_sgn(yv) <= 0)
            fmpq_zero(t);
        else if (!fmpq_is_zero(vv))
        {
            fmpq_div(vv, yv, vv);
            if (fmpq_cmp(vv, t) < 0)
                fmpq_set(t, vv);
        }
    }
    for (slong i = 0; i < n; i++)
        fmpq_mul(v + i, v + i, t);
    if (p->loss == WC_LOSS_HINGE)       /* sum y_i v_i = sum |v_i| */
    {
        fmpq_zero(lower);
        for (slong i = 0; i < n; i++)
        {
            fmpq_abs(yv, v + i);
            fmpq_add(lower, lower, yv);
        }
    }
    else
        _fmpq_vec_dot(lower, D->y, v, n);
    if (p->loss == WC_LOSS_SQUARED)
    {
        _fmpq_vec_dot(vv, v, v, n);
        fmpq_div_2exp(vv, vv, 1);
        fmpq_sub(lower, lower, vv);
    }
    fmpq_clear(t);
    fmpq_clear(yv);
    fmpq_clear(vv);
    fmpq_clear(bound);
}

/* ---------------------------------------------------------- solve */

void
wc_l2_result_init(wc_l2_result_t R)
{
    memset(R, 0, sizeof(*R));
    fmpq_init(R->lower);
    fmpq_init(R->upper);
    fmpq_init(R->tolerance);
    fmpq_init(R->loss);
    fmpq_init(R->penalty_lo);
    fmpq_init(R->penalty_hi);
    fmpq_init(R->xi);
    fmpq_init(R->witness_b);
    fmpq_init(R->witness_r2);
    R->witness_anchor = -1;
}

void
wc_l2_result_clear(wc_l2_result_t R)
{
    fmpq_clear(R->lower);
    fmpq_clear(R->upper);
    fmpq_clear(R->tolerance);
    fmpq_clear(R->loss);
    fmpq_clear(R->penalty_lo);
    fmpq_clear(R->penalty_hi);
    fmpq_clear(R->xi);
    fmpq_clear(R->witness_b);
    fmpq_clear(R->witness_r2);
    _fmpq_vec_clear(R->w, R->nneurons * R->d);
    _fmpq_vec_clear(R->b, R->nneurons);
    _fmpq_vec_clear(R->alpha, R->nneurons);
    _fmpq_vec_clear(R->dual, R->n);
    _fmpq_vec_clear(R->witness_w, R->d);
}

static int
l2_check_args(const wc_data_t D, const wc_problem_t p, const fmpq_t tol, wc_error_t err)
{
    if (D->y == NULL)
        return wc_error_set(err, WC_ERR_ARG, "--penalty l2 needs labelled data");
    if (D->d > 3 || D->d < 1)
        return wc_error_set(err, WC_ERR_ARG, "--penalty l2 is implemented for d = 1, 2, 3 "
                            "(the data have d = %ld)", D->d);
    if (fmpq_sgn(tol) <= 0)
        return wc_error_set(err, WC_ERR_ARG, "--tolerance must be positive");
    if (p->loss != WC_LOSS_INTERP && fmpq_sgn(p->beta) <= 0)
        return wc_error_set(err, WC_ERR_ARG, "--beta must be positive");
    for (slong i = 0; p->loss == WC_LOSS_HINGE && i < D->n; i++)
        if (!fmpq_is_one(D->y + i) && !(fmpz_equal_si(fmpq_numref(D->y + i), -1)
                                         && fmpz_is_one(fmpq_denref(D->y + i))))
            return wc_error_set(err, WC_ERR_ARG, "the hinge loss needs labels -1 and +1 "
                                "(sample %ld)", i + 1);
    if (p->dict == WC_DICT_FULL && wc_cells_work(D->n, D->d, p->bias) > L2_WORK_LIMIT)
        return wc_error_set(err, WC_ERR_ARG, "--penalty l2: checking every face of the "
                            "arrangement of n = %ld samples in d = %ld takes about %.3g "
                            "multiply-adds, above the limit %.3g", D->n, D->d,
                            wc_cells_work(D->n, D->d, p->bias), L2_WORK_LIMIT);
    return WC_OK;
}

/* the witness of R from the final check's largest violation */
static void
set_witness(wc_l2_result_t R, const price_t * P, const fmpq_t M2, const wc_l2_atoms_t * A,
            const wc_data_t D, const wc_problem_t p)
{
    fmpq_t b2;
    fmpq_init(b2);
    if (p->loss == WC_LOSS_INTERP)
        fmpq_one(b2);
    else
        fmpq_mul(b2, p->beta, p->beta);
    fmpq_div(R->witness_r2, M2, b2);     /* b2 is scratch from here */
    R->witness_anchor = P->anchor;
    if (P->atom >= 0)
    {
        wc_qvec_set(R->witness_w, A->w + P->atom * D->d, D->d);
        fmpq_set(R->witness_b, A->b + P->atom);
    }
    else
    {
        fmpq_t wk, bk;
        fmpq_init(wk);
        fmpq_init(bk);
        fmpz_t mx;
        fmpz_init(mx);
        for (slong k = 0; k < D->d; k++)
            if (fmpz_cmpabs(P->bq + k, mx) > 0)
                fmpz_abs(mx, P->bq + k);
        if (fmpz_is_zero(mx))
            fmpz_one(mx);
        for (slong k = 0; k < D->d; k++)    /* w = q / max |q_k| */
        {
            fmpq_set_fmpz_frac(wk, P->bq + k, mx);
            fmpq_set(R->witness_w + k, wk);
            if (P->anchor >= 0)
                fmpq_submul(bk, fmpq_mat_entry(D->X, P->anchor, k), wk);
        }
        fmpq_set(R->witness_b, bk);
        fmpz_clear(mx);
        fmpq_clear(wk);
        fmpq_clear(bk);
    }
    fmpq_clear(b2);
}

/* One round: the candidate, both bounds, the K most violated face points
 * in P.  RETURNS WC_OK, or an error; *infeasible set when the working LP
 * has no solution. */
static int
l2_round(wc_l2_result_t R, price_t * P, int * infeasible, const wc_l2_atoms_t * A,
         const fmpz * X, const fmpz_t Lx, const wc_data_t D, const wc_problem_t p,
         wc_error_t err)
{
    slong n = D->n, N = A->len;
    double * a = flint_calloc(N + 1, sizeof(double));
    double xi = 0;
    char * basic = flint_calloc(N + 1, 1);
    int rc = WC_OK, st = 0;
    fmpq * v2 = _fmpq_vec_init(n);
    fmpq_t M2, M2b, L2;
    fmpq_init(M2);
    fmpq_init(M2b);
    fmpq_init(L2);
    *infeasible = 0;
    if (p->loss == WC_LOSS_SQUARED)
        st = wc_l2_lasso_candidate(a, A, D, p, R->rounds > 1 ? R->dual : NULL, err) == WC_OK
             ? 0 : -2;
    else
        st = wc_l2_float_lp(a, &xi, R->dual, v2, basic, A, D, p);
    if (st == 1)
        *infeasible = 1;
    else if (st == -2)
        rc = WC_ERR_SOLVER;
    else if (st != 0)
        rc = wc_error_set(err, WC_ERR_SOLVER, "l2: GLPK failed on the working LP "
                          "(%ld directions)", N);
    else
        rc = wc_l2_exact_network(R, A, a, xi, basic, D, p, err);
    if (rc == WC_OK && !*infeasible)
    {
        if (p->loss != WC_LOSS_SQUARED)     /* squared: v = y - f, set with the network */
            repair_dual(R->dual, D, p);
        R->checks = dual_max(M2, P, R->dual, X, Lx, A, D, p, R->dict);
        lower_bound(R->lower, R->dual, M2, D, p);
        if (p->loss != WC_LOSS_SQUARED)     /* GLPK's own dual: is it better? */
        {
            price_t Q;
            price_init(&Q, P->K, P->thr0);
            repair_dual(v2, D, p);
            dual_max(M2b, &Q, v2, X, Lx, A, D, p, R->dict);
            lower_bound(L2, v2, M2b, D, p);
            if (fmpq_cmp(L2, R->lower) > 0)
            {
                price_t T = *P;
                *P = Q;
                Q = T;
                fmpq_swap(R->lower, L2);
                fmpq_swap(M2, M2b);
                wc_qvec_set(R->dual, v2, n);
            }
            else    /* the bound from the basis, the columns from GLPK's dual */
            {
                price_t T = *P;
                P->len = Q.len, P->r = Q.r, P->anc = Q.anc, P->qs = Q.qs;
                Q.len = T.len, Q.r = T.r, Q.anc = T.anc, Q.qs = T.qs;
            }
            price_clear(&Q);
        }
        set_witness(R, P, M2, A, D, p);
    }
    _fmpq_vec_clear(v2, n);
    fmpq_clear(M2);
    fmpq_clear(M2b);
    fmpq_clear(L2);
    flint_free(a);
    flint_free(basic);
    return rc;
}

int
wc_l2_solve(wc_l2_result_t R, const wc_data_t D, const wc_problem_t p,
            const fmpq_t tolerance, wc_error_t err)
{
    slong n = D->n, d = D->d;
    int rc = l2_check_args(D, p, tolerance, err), infeasible = 0;
    wc_l2_atoms_t A;
    fmpz_t Lx;
    fmpz_mat_t XM;      /* the integer data Lx * D->X */
    fmpq * w;
    fmpq_t b, gap;

    if (rc != WC_OK)
        return rc;
    R->n = n;
    R->d = d;
    R->dict = p->dict;
    R->dual = _fmpq_vec_init(n);
    R->witness_w = _fmpq_vec_init(d);
    fmpq_set(R->tolerance, tolerance);
    fmpz_init(Lx);
    fmpq_init(b);
    fmpq_init(gap);
    w = _fmpq_vec_init(d);
    fmpz_mat_init(XM, n, d);
    fmpq_mat_get_fmpz_mat_matwise(XM, Lx, D->X);
    wc_l2_atoms_init(&A, n, d);
    rc = wc_l2_atoms_seed(&A, D, p, p->dict, err);
    for (R->rounds = 1; rc == WC_OK; R->rounds++)
    {
        price_t P;
        slong added = 0;
        price_init(&P, n + 16, wc_l2_loss_beta(p) * (1 + 1e-12));
        rc = l2_round(R, &P, &infeasible, &A, XM->entries, Lx, D, p, err);
        if (rc == WC_OK && !infeasible)
        {
            fmpq_sub(gap, R->upper, R->lower);
            fmpq_mul(b, tolerance, R->upper);
            R->reached = fmpq_cmp(gap, b) <= 0;
            for (slong i = 0; !R->reached && p->dict == WC_DICT_FULL && i < P.len; i++)
            {
                face_direction(w, b, P.qs + 3 * i, P.anc[i], D);
                added += wc_l2_atoms_push(&A, w, b, D, 1);
            }
            if (p->progress)
                p->progress(p->progress_ctx, "l2 rounds", R->rounds, 0);
        }
        price_clear(&P);
        if (rc != WC_OK || infeasible || added == 0 || R->rounds >= L2_MAX_ROUNDS)
            break;
    }
    R->status = infeasible ? WC_LP_INFEASIBLE : WC_LP_OPTIMAL;
    wc_l2_atoms_clear(&A);
    fmpz_mat_clear(XM);
    _fmpq_vec_clear(w, d);
    fmpz_clear(Lx);
    fmpq_clear(b);
    fmpq_clear(gap);
    return rc;
}

int
wc_l2_witness(wc_l2_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err)
{
    fmpz_t Lx;
    fmpz_mat_t XM;
    fmpq_t M2;
    price_t P;
    int rc = l2_check_args(D, p, R->tolerance, err);

    if (rc != WC_OK)
        return rc;
    if (wc_cells_work(D->n, D->d, p->bias) > L2_WORK_LIMIT)
        return wc_error_set(err, WC_ERR_ARG, "the face walk of n = %ld in d = %ld is above "
                            "the limit", D->n, D->d);
    fmpz_init(Lx);
    fmpq_init(M2);
    fmpz_mat_init(XM, D->n, D->d);
    fmpq_mat_get_fmpz_mat_matwise(XM, Lx, D->X);
    price_init(&P, 1, wc_l2_loss_beta(p));
    dual_max(M2, &P, R->dual, XM->entries, Lx, NULL, D, p, WC_DICT_FULL);
    set_witness(R, &P, M2, NULL, D, p);
    price_clear(&P);
    fmpz_mat_clear(XM);
    fmpz_clear(Lx);
    fmpq_clear(M2);
    return WC_OK;
}
