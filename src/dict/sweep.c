/*
 * sweep.c -- the double filter of every atom through k - 1 given samples
 * (lines through one sample, k = 2; planes through two, k = 3; hyperplanes
 * of R^4 through three, k = 4) by an angular sweep (proofs/DERIVATIONS.md
 * section 5).
 *
 * With hidden biases, the atom of grade k on coordinates T with origin
 * S = {s_0 .. s_{k-2}, s} has w' = n(v_s), t_i = <n(v_s), v_i>, where
 * v_i = x_i - x_{s_0} on T and n(v) is the Hodge dual of the rows
 * v_{s_1} .. v_{s_{k-2}}, v: (v_b, -v_a) for k = 2, u x v for k = 3 with
 * the axis u = v_{s_1}, the 4-D cross product of u, u2 = v_{s_2} and v
 * for k = 4 (the axis a plane).  Seen along the axis, the points turn
 * about the pivot, and sign t_i = sigma orient(v_s, v_i) with orient the
 * exact 2-D orientation about the axis (cross(v, w), resp. det[u, v, w],
 * det[w, u, u2, v]) and sigma = -1 for k = 2, +1 for k = 3, 4.  So with
 * V = sum_i y_i v_i and V_H the same sum over the open half-plane H =
 * {orient(v_s, .) > 0},
 *     sum_{t_i > 0} y_i t_i = <n(v_s), V_H>           (k = 3, 4),
 *     sum_{t_i < 0} y_i t_i = <n(v_s), V_H>           (k = 2),
 * and the other sign is the difference with <n(v_s), V>; points on the
 * plane add t = 0 either way.  Sorted by angle, the half-planes of
 * consecutive directions are windows of one cyclic sequence that only
 * slide forward: one sort and O(n) additions for all atoms through the
 * pivot, instead of a pass over the samples per atom.
 *
 * Exactness: the angular order is exact (the 2-D coordinates, normals
 * and orientations are integers below 2^53 for |X_ij| below 2^25 (k = 2),
 * 2^15 (k = 3) or 2^11 (k = 4: normals below 6 (2^12)^3, orientations
 * below 24 (2^12)^4 < 2^53), so exact in doubles), so every window holds exactly
 * the right points; the sums carry rounding only, bounded by the textbook
 * bound of recursive summation: after j additions and removals of terms
 * a_l, |fl(V_c) - V_c| <= (j + 4) 2^-52 sum_l |a_l| per coordinate c (the
 * 4 covers the rounding of y_i and of the products).  The bound on each
 * price follows, and the atoms it cannot clear are priced exactly in
 * price.c, so the top K is the same as without the sweep.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "dict/dict.h"

#define U52 (1.0 / 4503599627370496.0)       /* 2^-52 */
#define TINY 1e-300
#define TWO61 2305843009213693952.0

/* one point seen from the pivot: v on T, its normal n(v), its 2-D
 * coordinates about the axis, a rounded angle, its sample */
typedef struct {
    double v[4], nv[4], X, Y, key;
    slong i;
} sweep_item;

/* the exact half of the plane: 0 for angles in [0, pi), 1 in [pi, 2 pi) */
static int
half(const sweep_item * p)
{
    return p->Y < 0 || (p->Y == 0 && p->X < 0);
}

/* <n(v_p), v_q> exactly (the coordinates beyond k are 0): t_q of the +
 * atom through p */
static double
t_of(const sweep_item * p, const sweep_item * q)
{
    return p->nv[0] * q->v[0] + p->nv[1] * q->v[1] + p->nv[2] * q->v[2]
           + p->nv[3] * q->v[3];
}

/* orient(p, q) = sigma t_q of the + atom through p: > 0 when q lies less
 * than pi counterclockwise of p about the axis */
static double
orient(const sweep_item * p, const sweep_item * q, slong dim)
{
    return dim == 2 ? -t_of(p, q) : t_of(p, q);
}

/* -1, 0, 1 as the angle of p is below, equal to or above that of q */
static int
angle_cmp(const sweep_item * p, const sweep_item * q, slong dim)
{
    int hp = half(p), hq = half(q);
    double o;

    if (hp != hq)
        return hp - hq;
    o = orient(p, q, dim);
    return (o < 0) - (o > 0);
}

/* 1 if the angle of p is surely above that of q by their rounded angles
 * alone: these err by less than 2^-49 (a sum and a quotient of exact
 * coordinates, values below 4), so a difference above 2^-40 is real */
static int
surely_after(const sweep_item * p, const sweep_item * q)
{
    return p->key - q->key > 0x1p-40;
}

/* a monotone stand-in for the angle in [0, 4), rounded (the diamond angle) */
static double
pseudo_angle(double x, double y)
{
    if (y >= 0)
        return x >= 0 ? y / (x + y) : 1 - x / (y - x);
    return x < 0 ? 2 - y / (-x - y) : 3 + x / (x - y);
}

/*
 * Sorts a[0 .. m) by the bits from bit `from` up (a multiple of 8), stably,
 * into a or b (scratch of m words) and returns which: least significant
 * digit first, 8 bits a pass, skipping the passes whose digit all share.
 */
static uint64_t *
radix_sort(uint64_t * a, uint64_t * b, slong m, slong from)
{
    slong cnt[257], i, shift;
    uint64_t * t;

    for (shift = from; shift < 64; shift += 8)
    {
        memset(cnt, 0, sizeof(cnt));
        for (i = 0; i < m; i++)
            cnt[((a[i] >> shift) & 255) + 1]++;
        for (i = 1; i <= 256 && cnt[i] < m; i++)
            ;
        if (i <= 256)
            continue;               /* one digit: the order stands */
        for (i = 1; i <= 256; i++)
            cnt[i] += cnt[i - 1];
        for (i = 0; i < m; i++)
            b[cnt[(a[i] >> shift) & 255]++] = a[i];
        t = a, a = b, b = t;
    }
    return a;
}

void
wc_sweep_init(wc_sweep_t W, slong n)
{
    W->k = 0;
    W->P = flint_malloc(2 * (n + 1) * sizeof(double));
    W->err = flint_malloc(2 * (n + 1) * sizeof(double));
    W->l1 = flint_malloc((n + 1) * sizeof(double));
    /* the points, the same sorted, and two sort keys a point */
    W->item = flint_malloc((n + 1) * (2 * sizeof(sweep_item) + 2 * sizeof(uint64_t)));
}

void
wc_sweep_clear(wc_sweep_t W)
{
    flint_free(W->P);
    flint_free(W->err);
    flint_free(W->l1);
    flint_free(W->item);
}

int
wc_sweep_usable(const wc_enum_t E, const wc_dual_t y, slong k, const slong * T)
{
    double lim = k == 2 ? 33554432.0 : k == 3 ? 32768.0 : 2048.0;   /* 2^25, 2^15, 2^11 */
    slong j;

    if (!(E->sweep && E->bias && E->xd != NULL && y->yd != NULL && k >= 2 && k <= 4))
        return 0;
    for (j = 0; j < k; j++)
        if (!(E->xmax[T[j]] < lim))
            return 0;
    return 1;
}

static double
det3(double a0, double a1, double a2, double b0, double b1, double b2,
     double c0, double c1, double c2)
{
    return a0 * (b1 * c2 - b2 * c1) - a1 * (b0 * c2 - b2 * c0) + a2 * (b0 * c1 - b1 * c0);
}

/* n(v) for the item, <n(v), w> = det[w; u; u2; v] (the Hodge dual of
 * wc_enum_direction_raw): (v_b, -v_a), u x v, or the 4-D cross product */
static void
normal(double * nv, const double * v, const double * u, const double * u2, slong dim)
{
    slong j, c[3], l;

    if (dim == 2)
    {
        nv[0] = v[1];
        nv[1] = -v[0];
        return;
    }
    if (dim == 3)
    {
        nv[0] = u[1] * v[2] - u[2] * v[1];
        nv[1] = u[2] * v[0] - u[0] * v[2];
        nv[2] = u[0] * v[1] - u[1] * v[0];
        return;
    }
    for (j = 0; j < 4; j++)
    {
        /* the cofactor of w_j in the first row: (-1)^j times the minor
           of (u, u2, v) without column j */
        for (l = 0; l < 3; l++)
            c[l] = l < j ? l : l + 1;
        nv[j] = det3(u[c[0]], u[c[1]], u[c[2]], u2[c[0]], u2[c[1]], u2[c[2]],
                     v[c[0]], v[c[1]], v[c[2]]);
        if (j % 2 == 1)
            nv[j] = -nv[j];
    }
}

/* The 2-D frame of the 4-D sweep about the plane of u, u2 (and h[a] =
 * n(e_a), so that n(v) = sum_a v_a h[a]): X = det[v; u;
 * u2; e_a] = <ha, v>, Y = det[v; u; u2; e_b] = <hb, v>, for the largest D =
 * det[e_b; u; u2; e_a] > 0; then X_p Y_q - X_q Y_p = D det[v_q; u; u2; v_p]
 * = D <n(v_p), v_q> (both sides are alternating in (v_p, v_q), vanish on
 * the plane, and agree at (e_b, e_a)), so the frame turns as orient does.
 * All 0 when u and u2 are dependent (then every atom is 0). */
static void
frame4(double * ha, double * hb, double h[4][4], const double * u, const double * u2)
{
    double e[4] = {0, 0, 0, 0}, best = 0;
    slong a, b, ba = 0, bb = 1;

    for (a = 0; a < 4; a++)
    {
        e[a] = 1;
        normal(h[a], e, u, u2, 4);
        e[a] = 0;
    }
    for (a = 0; a < 4; a++)
        for (b = 0; b < 4; b++)
            if (h[a][b] > best)
                best = h[a][b], ba = a, bb = b;
    for (b = 0; b < 4; b++)
    {
        ha[b] = best > 0 ? h[ba][b] : 0;
        hb[b] = best > 0 ? h[bb][b] : 0;
    }
}

/* out[0 .. m) := the items it[key[i] & low] in the order of key, made
 * exact by an insertion sort with the exact comparison (the rounded keys
 * may misorder nearly equal angles, or leave them in one bucket); 0 if
 * that took more than 4 m + 64 moves (then out is not sorted), unless
 * dim < 0 (sort by -dim whatever it takes). */
static int
exact_order(sweep_item * out, const sweep_item * it, const uint64_t * key, slong m,
            uint64_t low, slong dim)
{
    slong i, j, moves = 0, cap = dim < 0 ? WORD_MAX : 4 * m + 64;

    dim = FLINT_ABS(dim);
    for (i = 0; i < m; i++)
        out[i] = it[key[i] & low];
    for (i = 1; i < m; i++)
    {
        sweep_item t;

        if (surely_after(out + i, out + i - 1))
            continue;       /* out[i - 1] is the last of out[0 .. i) */
        t = out[i];
        for (j = i; j > 0 && angle_cmp(&t, out + j - 1, dim) < 0; j--)
            out[j] = out[j - 1];
        out[j] = t;
        if ((moves += i - j) > cap)
            return 0;
    }
    return 1;
}

/* The points off the axis, seen from the pivot, into *sorted[0..m), sorted
 * exactly by angle; the 2-D frame about u is e1 = u x e_c (c: u's smallest
 * coordinate), e2 = u x e1, so that (e1, e2, u) is right-handed (k = 4:
 * frame4).  X and Y are exact integers (the half planes); |e2| = |u| |e1|,
 * so the rounded angle is taken of (|u| X, Y): of (X, Y) it crowded all
 * points near pi/2 and 3 pi/2 (|u| is about 1000 on the bench data), a
 * few buckets of the first sort, and the exact pass made up the order
 * with 2.2 angle comparisons a point (bench/price_bench 300 3 1: 27.6
 * million for 12.9 million points, 0.1 million with the scale; the
 * sweep 1.09 -> 0.85 s).  A positive scale of X keeps the order of the
 * angles, and its rounding (2^-52 relative) keeps the key within 2^-49. */
static slong
sort_by_angle(sweep_item ** sorted, wc_sweep_t W, const wc_enum_t E)
{
    slong n = E->n, dim = W->k, m = 0, i, j, c = 0, ib;
    const double * x = E->xd;
    const slong * T = W->T, p = W->S[0];
    sweep_item * it = W->item, * out = it + (n + 1);
    uint64_t * key = (uint64_t *) (out + (n + 1)), low;
    double u[4] = {0, 0, 0, 0}, u2[4] = {0, 0, 0, 0};
    double e1[4] = {0, 0, 0, 0}, e2[4] = {0, 0, 0, 0}, ec[3] = {0, 0, 0}, h[4][4], xs = 1;

    if (dim == 4)
    {
        for (j = 0; j < 4; j++)
        {
            u[j] = x[T[j] * n + W->S[1]] - x[T[j] * n + p];
            u2[j] = x[T[j] * n + W->S[2]] - x[T[j] * n + p];
        }
        frame4(e1, e2, h, u, u2);
    }
    if (dim == 3)
    {
        for (j = 0; j < 3; j++)
            u[j] = x[T[j] * n + W->S[1]] - x[T[j] * n + p];
        for (j = 1; j < 3; j++)
            if (fabs(u[j]) < fabs(u[c]))
                c = j;
        ec[c] = 1;
        normal(e1, ec, u, NULL, 3);
        normal(e2, e1, u, NULL, 3);
        xs = sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
    }
    for (i = 0; i < n; i++)
    {
        sweep_item * q = it + m;

        for (j = 0; j < 4; j++)
            q->v[j] = q->nv[j] = 0.0;
        for (j = 0; j < dim; j++)
            q->v[j] = x[T[j] * n + i] - x[T[j] * n + p];
        if (dim == 2)
            q->X = q->v[0], q->Y = q->v[1];
        else
        {
            q->X = e1[0] * q->v[0] + e1[1] * q->v[1] + e1[2] * q->v[2] + e1[3] * q->v[3];
            q->Y = e2[0] * q->v[0] + e2[1] * q->v[1] + e2[2] * q->v[2] + e2[3] * q->v[3];
        }
        if (q->X == 0 && q->Y == 0)
            continue;           /* the pivot, its copies, the axis: t = 0 */
        if (dim == 4)           /* integer terms and sums below 2^53: exact */
            for (j = 0; j < 4; j++)
                q->nv[j] = q->v[0] * h[0][j] + q->v[1] * h[1][j] + q->v[2] * h[2][j]
                           + q->v[3] * h[3][j];
        else
            normal(q->nv, q->v, u, u2, dim);
        q->key = pseudo_angle(q->X * xs, q->Y);
        q->i = i;
        m++;
    }
    /* sort keys: the rounded angle in fixed point (2^61 a unit, so it
       rises with the angle), the low bits replaced by the point's place */
    ib = FLINT_BIT_COUNT(m);
    low = (UINT64_C(1) << ib) - 1;
    for (i = 0; i < m; i++)
        key[i] = ((uint64_t) (it[i].key * TWO61) & ~low) | (uint64_t) i;
    /* first by the top 16 bits alone, which leaves few points a bucket
       for the exact pass; all bits when that pass finds much disorder */
    if (!exact_order(out, it, radix_sort(key, key + (n + 1), m, 48), m, low, dim))
    {
        for (i = 0; i < m; i++)
            key[i] = ((uint64_t) (it[i].key * TWO61) & ~low) | (uint64_t) i;
        exact_order(out, it, radix_sort(key, key + (n + 1), m, 0), m, low, -dim);
    }
    *sorted = out;
    return m;
}

/* A running sum of y_i v_i with its error bound. */
typedef struct {
    double s[4], a[4];          /* the sum, and sum |terms| since reset */
    slong ops;
} run_sum;

static void
run_add(run_sum * r, double yi, const double * v, int sign)
{
    slong j;

    for (j = 0; j < 4; j++)
    {
        double t = yi * v[j];

        r->s[j] += sign * t;
        r->a[j] += fabs(t);
    }
    r->ops++;
}

/* <nv, S> and its error bound, from S's bound */
static double
dot_bound(double * err, const double * nv, const run_sum * r)
{
    double P = 0.0, e = TINY;
    slong j;

    for (j = 0; j < 4; j++)
    {
        P += nv[j] * r->s[j];
        e += fabs(nv[j]) * ((double) (r->ops + 4) * U52 * r->a[j] + 3 * U52 * fabs(r->s[j]));
    }
    *err = e;
    return P;
}

void
wc_sweep_pivot(wc_sweep_t W, const wc_enum_t E, const wc_dual_t y, slong k,
               const slong * T, const slong * S)
{
    slong m, q, g1, e, s, u, j;
    const double * yd = y->yd;
    sweep_item * it;
    run_sum all, win;

    W->k = k;
    for (j = 0; j < k; j++)
        W->T[j] = T[j];
    for (j = 0; j < k - 1; j++)
        W->S[j] = S[j];
    m = sort_by_angle(&it, W, E);
    memset(W->l1, 0, E->n * sizeof(double));       /* 0: not in the table */
    memset(&all, 0, sizeof(all));
    for (q = 0; q < m; q++)
        run_add(&all, yd[it[q].i], it[q].v, 1);
    memset(&win, 0, sizeof(win));
    s = e = 0;
    for (q = 0; q < m; q = g1)
    {
        /* the group [q, g1) of one angle; its window starts at g1 */
        for (g1 = q + 1; g1 < m && !surely_after(it + g1, it + q)
                         && angle_cmp(it + g1, it + q, k) == 0; g1++)
            ;
        if (e <= g1)
        {
            memset(&win, 0, sizeof(win));   /* a fresh sum: exact zero */
            s = e = g1;
        }
        for ( ; s < g1; s++)                /* s < g1 <= m: no wrap */
            run_add(&win, yd[it[s].i], it[s].v, -1);
        /* orient(q, .) > 0: the open half-plane ahead */
        for ( ; e < q + m && orient(it + q, it + e % m, k) > 0; e++)
            run_add(&win, yd[it[e % m].i], it[e % m].v, 1);
        for (u = q; u < g1; u++)
        {
            double ew, ea, Qw = dot_bound(&ew, it[u].nv, &win), Qa = dot_bound(&ea, it[u].nv, &all);
            double ed = ew + ea + 2 * U52 * (fabs(Qw) + fabs(Qa));
            slong i = it[u].i;

            /* k = 3, 4: P+ = Qw, P- = Qw - Qa; k = 2: P- = -Qw, P+ = Qa - Qw */
            W->l1[i] = fabs(it[u].nv[0]) + fabs(it[u].nv[1]) + fabs(it[u].nv[2])
                       + fabs(it[u].nv[3]);
            W->P[2 * i] = k >= 3 ? Qw : Qa - Qw;
            W->err[2 * i] = k >= 3 ? ew : ed;
            W->P[2 * i + 1] = k >= 3 ? Qw - Qa : -Qw;
            W->err[2 * i + 1] = k >= 3 ? ed : ew;
        }
    }
}
