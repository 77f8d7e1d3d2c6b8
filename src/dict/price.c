/*
 * price.c -- pricing every atom of V against a dual point without ever
 * storing V (streaming column generation, proofs/DERIVATIONS.md sections 2 and 5).
 *
 * The origins (k, T, S) are numbered by rank, so any range of ranks can be
 * priced on its own: wc_price_range is a pure function of (data, dual,
 * range), and wc_price_all (spread.c) spreads a range over OpenMP
 * threads and processes.  The
 * answer -- the K most violated atoms, ranked by |P_u| / ||w'||_1 and then
 * by key, one a direction and at most per_group a pivot (wc_top_struct,
 * top.c) -- does not depend on how the ranges were cut, nor on the order
 * in which a range's atoms are priced, so it is the same for any number
 * of threads.
 *
 * Per atom, integers throughout: w' from the integer data (a Hodge dual of
 * sample differences), t_i = <X_i, w'> + b', P_u = sum_i Y_i (t_i)_+.
 * When the data bounds keep every intermediate below 2^52, w' and b' are
 * computed in doubles, exactly (grades k <= 4, wc_enum_direction_d).
 * A double filter comes first: with every X_ij, w'_j, b' and partial sum of
 * t_i an integer below 2^52, the t_i are exact in doubles, and the only
 * rounding is in y_i ~ Y_i / scale and in the sum, bounded by
 *     |fl(P) - P / scale| <= (n + 32) 2^-52 sum_i |y_i| |t_i|
 * (relative error <= 2^-50 in each y_i, gamma_{n+1} for the sum, with room
 * to spare).  An atom whose bound proves |P_u| <= thr ||w'||_1 is not
 * violated -- that is a proof, not an estimate; an atom whose bound proves
 * it cannot enter the current top K is skipped; every other atom is
 * evaluated exactly in fmpz arithmetic, and only exact values are ranked.
 */
#include <math.h>
#include <stdlib.h>
#include <flint/fmpq_vec.h>
#include "dict/dict.h"

#define TWO52 4503599627370496.0
/* The double filter is used only when every y_i / scale lies within
 * 2^(+-EXP_LIMIT) (no underflow or overflow in binary64), and its error
 * bounds get TINY added, which covers the subnormal rounding of a product
 * that might underflow. */
#define EXP_LIMIT 900
#define TINY 1e-300
/* the fewest atoms through the same samples that are priced by a sweep:
 * measured with the radix sort of sweep.c (interp d = 3 n = 200, planted
 * l1 d = 3 n = 200, seconds): 64 11.4 / 10.7, 32 10.0 / 9.7, 16 9.7 / 9.9;
 * with the 16-bit first sort, grades 2 and 3 (bench/price_bench, d = 3
 * n = 300 / n = 200, two runs each): 32 1.27-1.29 / 0.36-0.38 s, 12
 * 1.19-1.29 / 0.33-0.34, 8 1.20-1.21 / 0.34-0.35; grade 4 keeps 32 (its
 * tail goes to pass 2; interp d = 4 n = 120: 32 19.5 s, 12 21.9 s) */
#define SWEEP_MIN 32
#define SWEEP_MIN3 12

/* -------------------------------------------------------------- the dual */

void
wc_dual_init(wc_dual_t y, const fmpz * Y, const fmpz_t thr, slong n)
{
    slong i;
    fmpq_t q;

    y->n = n;
    y->Y = _fmpz_vec_init(n);
    _fmpz_vec_set(y->Y, Y, n);
    fmpz_init_set(y->thr, thr);
    fmpz_init(y->scale);
    if (!fmpz_is_zero(thr))
        fmpz_set(y->scale, thr);
    else
        _fmpz_vec_height(y->scale, Y, n);
    y->yd = NULL;
    y->thr_d = fmpz_is_zero(thr) ? 0.0 : 1.0;
    if (fmpz_is_zero(y->scale))
        return;
    /* doubles only when no y_i underflows or overflows */
    fmpq_init(q);
    y->yd = flint_malloc(n * sizeof(double));
    for (i = 0; i < n && y->yd != NULL; i++)
    {
        if (fmpz_is_zero(Y + i))
        {
            y->yd[i] = 0.0;
            continue;
        }
        if (fmpz_bits(Y + i) > fmpz_bits(y->scale) + EXP_LIMIT
            || fmpz_bits(Y + i) + EXP_LIMIT < fmpz_bits(y->scale))
        {
            flint_free(y->yd);
            y->yd = NULL;
            break;
        }
        fmpq_set_fmpz_frac(q, Y + i, y->scale);
        y->yd[i] = fmpq_get_d(q);
    }
    fmpq_clear(q);
}

void
wc_dual_clear(wc_dual_t y)
{
    _fmpz_vec_clear(y->Y, y->n);
    fmpz_clear(y->thr);
    fmpz_clear(y->scale);
    flint_free(y->yd);
}

/* --------------------------------------------------------------- pricing */

typedef struct {
    slong d, n;
    slong * T, * S;
    double * wT;        /* d */
    fmpz * w;           /* d + 1: w' and b' */
    fmpz_mat_t M;
    fmpz * t;           /* n */
    double * td;        /* n */
    fmpz_t Pp, Pm, s;
    wc_cand_struct * cand;
    ulong group, group_of;  /* the group of origin group_of */
    wc_sweep_t sweep;   /* the atoms through k - 1 samples (k = 2, 3, 4) */
    fmpz_t l1, lim;     /* ||w'||_1 and thr ||w'||_1 of the atom */
    wc_group_floor_t fc;
    int defer;          /* the current (k, T) defers its tail to pass 2 */
    double run_floor;   /* run_best of the sweep table's run */
} price_work;

static void
work_init(price_work * W, slong n, slong d)
{
    W->n = n;
    W->d = d;
    W->T = flint_malloc((d + 1) * sizeof(slong));
    W->S = flint_calloc(d + 1, sizeof(slong));
    W->wT = flint_malloc((d + 1) * sizeof(double));
    W->w = _fmpz_vec_init(d + 1);
    /* rows of k - 1 <= n samples (no bias: k - 1 <= n, so k <= n + 1) */
    fmpz_mat_init(W->M, FLINT_MIN(d, n + 1), FLINT_MIN(d, n + 1));
    W->t = _fmpz_vec_init(n);
    W->td = flint_malloc((n + 1) * sizeof(double));
    fmpz_init(W->Pp);
    fmpz_init(W->Pm);
    fmpz_init(W->s);
    W->cand = wc_cand_new(d);
    W->group_of = UWORD_MAX;
    wc_sweep_init(W->sweep, n);
    fmpz_init(W->l1);
    fmpz_init(W->lim);
    W->fc.group = W->fc.changes = 0;
    W->fc.floor = -1.0;
    W->defer = 0;
    W->run_floor = -1.0;
}

static void
work_clear(price_work * W)
{
    _fmpz_vec_clear(W->w, W->d + 1);
    flint_free(W->T);
    flint_free(W->S);
    flint_free(W->wT);
    fmpz_mat_clear(W->M);
    _fmpz_vec_clear(W->t, W->n);
    flint_free(W->td);
    fmpz_clear(W->Pp);
    fmpz_clear(W->Pm);
    fmpz_clear(W->s);
    wc_cand_free(W->cand, W->d);
    wc_sweep_clear(W->sweep);
    fmpz_clear(W->l1);
    fmpz_clear(W->lim);
}

/*
 * The largest lower bound, proved by the table's double prices, of |P| /
 * l1 over the atoms of the run through s's samples with last sample in
 * [from, from + len): one group of wc_enum_group (its samples but the
 * last are the table's S[0 .. k-2]); -1 if the run has none.  With one
 * atom a group (per_group 1), an atom A of the run whose price is proved
 * below it is never taken, so price_atom need not price it exactly: the
 * atom B of the bound ranks above A, so B is violated if A is, and the
 * walk of wc_top_struct meets B first; after B the group is full (B or an
 * atom above it taken), or the walk is over.
 */
static double
run_best(const wc_sweep_struct * s, slong from, slong len)
{
    double best = -1.0;
    slong i, sgn;

    for (i = from; i < from + len; i++)
        for (sgn = 0; sgn < 2 && s->l1[i] > 0; sgn++)
            best = FLINT_MAX(best, (fabs(s->P[2 * i + sgn]) - s->err[2 * i + sgn])
                                   * WC_SAFE_LO / s->l1[i] * WC_SAFE_LO);
    return best;
}

/* 1 if W's sweep table holds the atoms through S[0 .. k-2] in T (k = 2,
 * 3, 4): kept from the last atom, or built when `left` atoms through them
 * remain to be priced, at least SWEEP_MIN3 (k = 4: SWEEP_MIN; a sort of
 * the n samples pays for itself against that many passes over them). */
static int
sweep_table(price_work * W, const wc_enum_t E, const wc_dual_t y, slong k, slong left)
{
    wc_sweep_struct * s = W->sweep;
    slong j, l;

    for (j = 0; j < k - 1 && s->k == k && s->S[j] == W->S[j]; j++)
        ;
    for (l = 0; j == k - 1 && s->k == k && l < k && s->T[l] == W->T[l]; l++)
        ;
    if (j == k - 1 && s->k == k && l == k)
        return 1;
    if (left < (k == 4 ? SWEEP_MIN : SWEEP_MIN3) || !wc_sweep_usable(E, y, k, W->T))
        return 0;
    wc_sweep_pivot(s, E, y, k, W->T, W->S);
    W->run_floor = run_best(s, W->S[k - 1], left);
    return 1;
}

/* The double filter: P+- ~ fl(sum y_i (+-t_i)_+) / scale with error
 * bounds err[0..1], for t_i = b + <x_i|_T, wT>; 0 when some t_i could
 * reach 2^52 (then the t_i would not be exact). */
static int
filter(double * P, double * err, double * td, const wc_enum_t E,
       const wc_dual_t y, slong k, const slong * T, const double * wT, double b)
{
    slong n = E->n, i, j;
    double lim = fabs(b), pp = 0, pm = 0, ap = 0, am = 0;
    const double * yd = y->yd;

    for (j = 0; j < k; j++)
        lim += fabs(wT[j]) * E->xmax[T[j]];
    if (!(lim < TWO52))
        return 0;
    if (k > 4)
    {
        for (i = 0; i < n; i++)
            td[i] = b;
        for (j = 0; j < k; j++)
            for (i = 0; i < n; i++)
                td[i] += wT[j] * E->xd[T[j] * n + i];
        for (i = 0; i < n; i++)
        {
            double v = yd[i] * td[i];
            if (td[i] > 0)
                pp += v, ap += fabs(v);
            else
                pm -= v, am += fabs(v);
        }
    }
    else
    {
        /* one fused pass, two independent sums (the error bound holds for
           any order of summation), selections without branches */
        const double * x0 = E->xd + T[0] * n;
        const double * x1 = k > 1 ? E->xd + T[1] * n : x0;
        const double * x2 = k > 2 ? E->xd + T[2] * n : x0;
        const double * x3 = k > 3 ? E->xd + T[3] * n : x0;
        double w0 = wT[0], w1 = k > 1 ? wT[1] : 0.0;
        double w2 = k > 2 ? wT[2] : 0.0, w3 = k > 3 ? wT[3] : 0.0;
        double sp0 = 0, sp1 = 0, sm0 = 0, sm1 = 0, tp0 = 0, tp1 = 0, tm0 = 0, tm1 = 0;

        /* v (t > 0) is v or 0 and v - v (t > 0) the rest, both exact */
        for (i = 0; i + 1 < n; i += 2)
        {
            double t0 = b + w0 * x0[i] + w1 * x1[i] + w2 * x2[i] + w3 * x3[i];
            double t1 = b + w0 * x0[i + 1] + w1 * x1[i + 1] + w2 * x2[i + 1] + w3 * x3[i + 1];
            double v0 = yd[i] * t0, v1 = yd[i + 1] * t1;
            double p0 = v0 * (double) (t0 > 0), p1 = v1 * (double) (t1 > 0);
            double q0 = v0 - p0, q1 = v1 - p1;

            sp0 += p0; sp1 += p1;
            sm0 -= q0; sm1 -= q1;
            tp0 += fabs(p0); tp1 += fabs(p1);
            tm0 += fabs(q0); tm1 += fabs(q1);
        }
        if (i < n)
        {
            double t0 = b + w0 * x0[i] + w1 * x1[i] + w2 * x2[i] + w3 * x3[i];
            double v0 = yd[i] * t0, p0 = v0 * (double) (t0 > 0), q0 = v0 - p0;

            sp0 += p0;
            sm0 -= q0;
            tp0 += fabs(p0);
            tm0 += fabs(q0);
        }
        pp = sp0 + sp1;
        pm = sm0 + sm1;
        ap = tp0 + tp1;
        am = tm0 + tm1;
    }
    P[0] = pp;
    P[1] = pm;
    err[0] = (double) (n + 32) * (ap / TWO52) + TINY;
    err[1] = (double) (n + 32) * (am / TWO52) + TINY;
    return 1;
}

/* The double prices of the atom through sample i from the sweep table. */
static int
table_prices(double * P, double * err, const wc_sweep_struct * s, slong i)
{
    slong sgn;

    for (sgn = 0; sgn < 2; sgn++)
    {
        P[sgn] = s->P[2 * i + sgn];
        err[sgn] = s->err[2 * i + sgn];
    }
    return 1;
}

/* The double filter of the atom (k, W->T, W->S): from the sweep table of
 * the atoms through S[0 .. k-2] when k = 2, 3 or 4 (`left` atoms through them
 * remain in the range), else by filter. */
static int
double_prices(double * P, double * err, price_work * W, const wc_enum_t E,
              const wc_dual_t y, slong k, const double * wT, double b, slong left)
{
    if (k < 2 || k > 4 || !sweep_table(W, E, y, k, left))
        return filter(P, err, W->td, E, y, k, W->T, wT, b);
    return table_prices(P, err, W->sweep, W->S[k - 1]);
}

/* The group of origin g (W's), 0 for all when top has no per_group. */
static ulong
atom_group(price_work * W, const wc_top_t top, const wc_enum_t E, slong k, ulong g)
{
    if (top->per_group == 0)
        return 0;
    if (W->group_of != g)
    {
        W->group = wc_enum_group(E, k, W->T, W->S);
        W->group_of = g;
    }
    return W->group;
}

/* Offers the atom (origin g, sign sgn: W's direction w, its exact price
 * P and l1) to top, its direction made primitive. */
static void
offer(wc_top_t top, price_work * W, const wc_enum_t E, slong k, ulong g, slong sgn,
      const fmpz_t P, const fmpz_t l1, const fmpz_t scale)
{
    slong d = W->d;
    wc_cand_struct * c = W->cand;
    fmpz_t content;

    c->key = 2 * g + sgn;
    c->group = atom_group(W, top, E, k, g);
    fmpz_abs(c->P, P);
    fmpz_set(c->l1, l1);
    if (sgn == 0)
        _fmpz_vec_set(c->wb, W->w, d + 1);
    else
        _fmpz_vec_neg(c->wb, W->w, d + 1);
    fmpz_init(content);
    _fmpz_vec_content(content, c->wb, d + 1);
    _fmpz_vec_scalar_divexact_fmpz(c->wb, c->wb, d + 1, content);
    fmpz_clear(content);
    wc_top_insert(top, c, scale);
}

/* P+ = sum Y_i (t_i)_+ and P- = sum Y_i (-t_i)_+, exactly. */
static void
exact_prices(price_work * W, const wc_enum_t E, const wc_dual_t y, slong k)
{
    slong n = E->n, d = E->d, i, j;

    fmpz_zero(W->Pp);
    fmpz_zero(W->Pm);
    for (i = 0; i < n; i++)
    {
        fmpz * t = W->t + i;

        fmpz_set(t, W->w + d);
        for (j = 0; j < k; j++)
            fmpz_addmul(t, E->X + i * d + W->T[j], W->w + W->T[j]);
        if (fmpz_sgn(t) > 0)
            fmpz_addmul(W->Pp, y->Y + i, t);
        else if (fmpz_sgn(t) < 0)
            fmpz_submul(W->Pm, y->Y + i, t);
    }
}

/*
 * The exact step of the atom (k, W->T, W->S), origin g: each sign is
 * offered to top with its exact price unless the double prices P +- err
 * (have_double; l1d = ||w'_T||_1 in doubles) prove that it is not
 * violated or cannot enter top.
 */
static void
price_atom(wc_top_t top, price_work * W, const wc_enum_t E, const wc_dual_t y, slong k,
           ulong g, int have_double, const double * P, const double * err, double l1d,
           double run_floor)
{
    slong sgn, j;
    int exact_done = 0;

    for (sgn = 0; sgn < 2; sgn++)
    {
        fmpz * Pu;

        if (have_double)
        {
            double hi = (fabs(P[sgn]) + err[sgn]) * WC_SAFE_HI;

            if (y->thr_d > 0 && hi < y->thr_d * l1d * WC_SAFE_LO)
                continue;                   /* proved: not violated */
            if (y->thr_d == 0 && hi <= TINY * 2)
                continue;                   /* every term is zero */
            if (top->len == top->cap && hi / l1d < top->worst_lo)
                continue;                   /* proved: not among the top K */
            if (top->per_group > 0
                && hi / l1d < wc_top_group_floor(&W->fc, top, atom_group(W, top, E, k, g)))
                continue;                   /* proved: its group is full above it */
            if (top->per_group == 1 && hi / l1d < run_floor)
                continue;                   /* proved: a violated atom of its group ranks above */
        }
        if (!exact_done)
        {
            if (y->yd != NULL && (E->dd >> k & 1))
                wc_enum_direction_raw(W->w, W->M, E, k, W->T, W->S);
            fmpz_zero(W->l1);
            for (j = 0; j < k; j++)
                if (fmpz_sgn(W->w + W->T[j]) >= 0)
                    fmpz_add(W->l1, W->l1, W->w + W->T[j]);
                else
                    fmpz_sub(W->l1, W->l1, W->w + W->T[j]);
            fmpz_mul(W->lim, W->l1, y->thr);
            exact_prices(W, E, y, k);
            exact_done = 1;
            top->exact++;
        }
        Pu = sgn == 0 ? W->Pp : W->Pm;
        if (fmpz_cmpabs(Pu, W->lim) > 0)
            offer(top, W, E, k, g, sgn, Pu, W->l1, y->scale);
    }
}

/* 1 if the atoms of grade k on W->T with tail pivots go to pass 2 */
static int
defers(const price_work * W, const wc_enum_t E, const wc_dual_t y, slong k)
{
    return k == 4 && y->yd != NULL && (E->dd >> 4 & 1) && wc_sweep_usable(E, y, 4, W->T);
}

/* the tail: the pivot S[0 .. 2] has fewer than SWEEP_MIN atoms after it */
static int
in_tail(const wc_enum_t E, const slong * S)
{
    return E->n - 1 - S[2] < SWEEP_MIN;
}

/* origin(s0, s1 + 1, s2, s3) - origin(s0, s1, s2, s3) = C(n - 2 - s1, 2):
 * the C(n - 1 - s1, 2) subsets under (s0, s1) less the n - 2 - s1 pairs
 * of them that start at s1 + 1 and come before (s2, s3) under s1 + 1 */
static ulong
step(slong n, slong s1)
{
    return (ulong) ((n - 2 - s1) * (n - 3 - s1) / 2);
}

/*
 * The atoms of one pivot of pass 2 (T = W->T, samples s0 < s2 < s3 with
 * s2 in the tail): S = (s0, s1, s2, s3) for s0 < s1 < s2, the first with
 * origin g0, those in [g_lo, g_hi).  S lies on the pivot (s0, s2, s3)
 * with s1 turning, and the sweep about it prices S with the same w':
 * <n(v), w> = det[w; v2; v3; v1] = det[w; v1; v2; v3], an even
 * permutation of the rows.  One sweep when SWEEP_MIN of them are in the
 * range, else the filter.
 */
static void
price_tail_pivot(wc_top_t top, price_work * W, const wc_enum_t E, const wc_dual_t y,
                 const slong * Q, ulong g0, ulong g_lo, ulong g_hi)
{
    slong n = E->n, s1, j, in = 0;
    ulong g;
    int sweep;

    for (s1 = Q[0] + 1, g = g0; s1 < Q[1]; g += step(n, s1), s1++)
        in += g >= g_lo && g < g_hi;
    sweep = in >= SWEEP_MIN;
    if (sweep)
        wc_sweep_pivot(W->sweep, E, y, 4, W->T, Q);
    for (s1 = Q[0] + 1, g = g0; s1 < Q[1]; g += step(n, s1), s1++)
    {
        double wT[4], b = 0.0, P[2], err[2], l1d = 0.0;
        int have_double;

        if (g < g_lo || g >= g_hi)
            continue;
        W->S[0] = Q[0], W->S[1] = s1, W->S[2] = Q[1], W->S[3] = Q[2];
        if (sweep && (l1d = W->sweep->l1[s1]) > 0)
            have_double = table_prices(P, err, W->sweep, s1);
        else if (!wc_enum_direction_d(wT, &b, E, 4, W->T, W->S))
            continue;
        else
        {
            for (j = 0, l1d = 0.0; j < 4; j++)
                l1d += fabs(wT[j]);
            have_double = sweep ? table_prices(P, err, W->sweep, s1)
                                : filter(P, err, W->td, E, y, 4, W->T, wT, b);
        }
        price_atom(top, W, E, y, 4, g, have_double, P, err, l1d, -1.0);
    }
}

/* Pass 2 of wc_price_range: the atoms of [g_lo, g_hi) pass 1 deferred
 * (grade 4, defers, in_tail), pivot by pivot of price_tail_pivot. */
static void
price_deferred(wc_top_t top, price_work * W, const wc_enum_t E, const wc_dual_t y,
               ulong g_lo, ulong g_hi)
{
    slong n = E->n, d = E->d, S[4], Q[3];
    ulong nS, lo, hi, t;

    if (!E->bias || d < 4 || E->kmin > 4 || n < 4)
        return;
    nS = wc_binomial(n, 4);
    lo = FLINT_MAX(g_lo, E->first[4 - E->kmin]);
    hi = FLINT_MIN(g_hi, E->first[5 - E->kmin]);
    if (lo >= hi)
        return;
    for (t = (lo - E->first[4 - E->kmin]) / nS; ; t++)
    {
        ulong base = E->first[4 - E->kmin] + t * nS;
        slong s0, s0_hi;

        if (base >= hi)
            break;
        wc_subset_unrank(W->T, t, d, 4);
        if (!defers(W, E, y, 4))
            continue;
        wc_subset_unrank(S, FLINT_MAX(lo, base) - base, n, 4);
        s0 = S[0];
        wc_subset_unrank(S, FLINT_MIN(hi, base + nS) - 1 - base, n, 4);
        for (s0_hi = S[0]; s0 <= s0_hi; s0++)
            for (Q[1] = FLINT_MAX(s0 + 2, n - SWEEP_MIN); Q[1] < n - 1; Q[1]++)
                for (Q[2] = Q[1] + 1; Q[2] < n; Q[2]++)
                {
                    S[0] = Q[0] = s0, S[1] = s0 + 1, S[2] = Q[1], S[3] = Q[2];
                    price_tail_pivot(top, W, E, y, Q, base + wc_subset_rank(S, n, 4), g_lo, g_hi);
                }
    }
}

/*
 * Pass 1 walks the range in rank order; the atoms of grade 4 whose pivot
 * has too few atoms left for a sweep (in_tail: a fifth of them at n =
 * 150) wait for pass 2, which sweeps them about another pivot.  The order
 * of the atoms does not change top (wc_top_struct's walk).
 */
void
wc_price_range(wc_top_t top, const wc_enum_t E, const wc_dual_t y,
                ulong g_lo, ulong g_hi)
{
    slong n = E->n, d = E->d, k, ns, j;
    ulong g;
    price_work W;
    double P[2], err[2];

    if (g_lo >= g_hi)
        return;
    work_init(&W, n, d);
    wc_enum_origin(&k, W.T, W.S, E, g_lo);
    W.defer = defers(&W, E, y, k);
    for (g = g_lo; g < g_hi; g++)
    {
        int have_double = 0;
        double l1d = 0.0, run_floor = -1.0;

        if (g > g_lo)
        {
            /* the next origin: S, then T, then k */
            ns = E->bias ? k : k - 1;
            if (!wc_subset_next(W.S, n, ns))
            {
                for (j = 0; j < ns; j++)
                    W.S[j] = j;
                if (!wc_subset_next(W.T, d, k))
                    wc_enum_origin(&k, W.T, W.S, E, g);
                W.defer = defers(&W, E, y, k);
            }
        }
        if (W.defer && in_tail(E, W.S))
            continue;                           /* pass 2 */
        if (y->yd != NULL && (E->dd >> k & 1))
        {
            /* doubles first; fmpz only for the atoms the filter leaves */
            double wT[4], b = 0.0;
            slong left = (slong) FLINT_MIN((ulong) (n - W.S[k - 1]), g_hi - g);

            if (k >= 2 && k <= 4 && sweep_table(&W, E, y, k, left)
                && (l1d = W.sweep->l1[W.S[k - 1]]) > 0)
            {
                have_double = table_prices(P, err, W.sweep, W.S[k - 1]);   /* no w' */
                run_floor = W.run_floor;
            }
            else if (!wc_enum_direction_d(wT, &b, E, k, W.T, W.S))
                continue;
            else
            {
                for (j = 0, l1d = 0.0; j < k; j++)
                    l1d += fabs(wT[j]);
                have_double = double_prices(P, err, &W, E, y, k, wT, b, left);
            }
        }
        else if (!wc_enum_direction_raw(W.w, W.M, E, k, W.T, W.S))
            continue;
        else if (y->yd != NULL && E->xd != NULL)
        {
            double * wT = W.wT, b;

            for (j = 0; j < k; j++)
            {
                wT[j] = fmpz_get_d(W.w + W.T[j]);
                l1d += fabs(wT[j]);
            }
            b = fmpz_get_d(W.w + d);
            /* exact in doubles only below 2^51 */
            for (j = 0; j < k && fmpz_bits(W.w + W.T[j]) <= 51; j++)
                ;
            if (j == k && fmpz_bits(W.w + d) <= 51)
                have_double = filter(P, err, W.td, E, y, k, W.T, wT, b);
        }
        price_atom(top, &W, E, y, k, g, have_double, P, err, l1d, run_floor);
    }
    price_deferred(top, &W, E, y, g_lo, g_hi);
    work_clear(&W);
}
