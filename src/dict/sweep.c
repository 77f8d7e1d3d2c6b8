/*
 * sweep.c -- the double filter of every line atom through one sample, by
 * an angular sweep (proofs/DERIVATIONS.md section 5).
 *
 * The atoms of grade 2 with hidden biases, coordinates T = (a, b) and
 * origin S = {p, s}, are the lines through samples p and s in the (a, b)
 * plane.  With v_i = x_i - x_p restricted to T and v = v_s, the + atom has
 * t_i = -cross(v, v_i) and the - atom t_i = cross(v, v_i), so
 *     P- = sum_{cross(v, v_i) > 0} y_i cross(v, v_i) = cross(v, V_W),
 *     P+ = P- - cross(v, V),
 * where V = sum_i y_i v_i and V_W is the same sum over the open half-plane
 * W left of v (points on the line add cross = 0 either way).  Sorted by
 * angle, the half-planes of consecutive directions are windows of one
 * cyclic sequence that slide forward, so all n - 1 lines through p cost
 * one sort and O(n) additions instead of n - 1 passes over the samples.
 *
 * Exactness: the angular order is exact (cross products of integers below
 * 2^26 are exact in doubles), so every window holds exactly the right
 * points; the sums carry rounding only, bounded by the textbook bound of
 * recursive summation: after k additions and removals of terms a_j,
 *     |fl(V_c) - V_c| <= (k + 4) 2^-52 sum_j |a_j|
 * per coordinate c (the 4 covers the rounding of y_i and of the products).
 * The bound on each P is then derived as in price.c's filter, and the
 * atoms it cannot clear are priced exactly there, so the top K is the
 * same as without the sweep.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "dict/dict.h"

#define U52 (1.0 / 4503599627370496.0)       /* 2^-52 */
#define TWO25 33554432.0
#define TINY 1e-300

/* the exact half of the plane: 0 for angles in [0, pi), 1 in [pi, 2 pi) */
static int
half(double x, double y)
{
    return y < 0 || (y == 0 && x < 0);
}

/* exact sign of cross((ax, ay), (bx, by)) for integers below 2^26 */
static int
cross_sign(double ax, double ay, double bx, double by)
{
    double c = ax * by - ay * bx;

    return (c > 0) - (c < 0);
}

/* -1, 0, 1 as the angle of u is below, equal to or above that of v */
static int
angle_cmp(double ux, double uy, double vx, double vy)
{
    int hu = half(ux, uy), hv = half(vx, vy);

    if (hu != hv)
        return hu - hv;
    return -cross_sign(ux, uy, vx, vy);
}

/* a monotone stand-in for the angle in [0, 4), rounded (the diamond angle) */
static double
pseudo_angle(double x, double y)
{
    if (y >= 0)
        return x >= 0 ? y / (x + y) : 1 - x / (y - x);
    return x < 0 ? 2 - y / (-x - y) : 3 + x / (x - y);
}

typedef struct {
    double key;
    slong i;
} sweep_item;

static int
item_cmp(const void * a, const void * b)
{
    double x = ((const sweep_item *) a)->key, y = ((const sweep_item *) b)->key;

    return (x > y) - (x < y);
}

void
wc_sweep_init(wc_sweep_t W, slong n)
{
    W->p = -1;
    W->a = W->b = -1;
    W->P = flint_malloc(2 * (n + 1) * sizeof(double));
    W->err = flint_malloc(2 * (n + 1) * sizeof(double));
    W->item = flint_malloc((n + 1) * sizeof(sweep_item));
}

void
wc_sweep_clear(wc_sweep_t W)
{
    flint_free(W->P);
    flint_free(W->err);
    flint_free(W->item);
}

int
wc_sweep_usable(const wc_enum_t E, const wc_dual_t y, slong a, slong b)
{
    return E->sweep && E->bias && E->xd != NULL && y->yd != NULL
           && E->xmax[a] < TWO25 && E->xmax[b] < TWO25;
}

/* Sorts the v_i (i != p, v_i != 0) exactly by angle into W->item[0..m). */
static slong
sort_by_angle(wc_sweep_t W, const wc_enum_t E, slong p)
{
    slong n = E->n, m = 0, i, j;
    const double * xa = E->xd + W->a * n, * xb = E->xd + W->b * n;
    sweep_item * it = W->item;

    for (i = 0; i < n; i++)
    {
        double vx = xa[i] - xa[p], vy = xb[i] - xb[p];

        if (i == p || (vx == 0 && vy == 0))
            continue;
        it[m].key = pseudo_angle(vx, vy);
        it[m++].i = i;
    }
    qsort(it, m, sizeof(sweep_item), item_cmp);
    /* the rounded keys may misorder nearly equal angles: an insertion
       sort with the exact comparison makes the order exact */
    for (i = 1; i < m; i++)
    {
        sweep_item t = it[i];
        double tx = xa[t.i] - xa[p], ty = xb[t.i] - xb[p];

        for (j = i; j > 0 && angle_cmp(tx, ty, xa[it[j - 1].i] - xa[p],
                                       xb[it[j - 1].i] - xb[p]) < 0; j--)
            it[j] = it[j - 1];
        it[j] = t;
    }
    return m;
}

/* A running sum of y_i v_i with its error bound. */
typedef struct {
    double x, y, ax, ay;        /* the sum, and sum |terms| since reset */
    slong ops;
} run_sum;

static void
run_add(run_sum * s, double yi, double vx, double vy, int sign)
{
    double tx = yi * vx, ty = yi * vy;

    s->x += sign * tx;
    s->y += sign * ty;
    s->ax += fabs(tx);
    s->ay += fabs(ty);
    s->ops++;
}

/* P = cross(v, S) and its error bound, from S's bound */
static double
cross_bound(double * err, double vx, double vy, const run_sum * s)
{
    double ex = (double) (s->ops + 4) * U52 * s->ax, ey = (double) (s->ops + 4) * U52 * s->ay;
    double P = vx * s->y - vy * s->x;

    *err = fabs(vx) * ey + fabs(vy) * ex + 2 * U52 * (fabs(vx * s->y) + fabs(vy * s->x)) + TINY;
    return P;
}

void
wc_sweep_pivot(wc_sweep_t W, const wc_enum_t E, const wc_dual_t y, slong a, slong b, slong p)
{
    slong n = E->n, m, q, g1, e, s, u;
    const double * xa = E->xd + a * n, * xb = E->xd + b * n, * yd = y->yd;
    const sweep_item * it;
    run_sum all, win;

    W->a = a;
    W->b = b;
    W->p = p;
    m = sort_by_angle(W, E, p);
    it = W->item;
    memset(&all, 0, sizeof(all));
    for (q = 0; q < m; q++)
        run_add(&all, yd[it[q].i], xa[it[q].i] - xa[p], xb[it[q].i] - xb[p], 1);
    memset(&win, 0, sizeof(win));
    s = e = 0;
    for (q = 0; q < m; q = g1)
    {
        double rx = xa[it[q].i] - xa[p], ry = xb[it[q].i] - xb[p];

        /* the group [q, g1) of one angle; its window starts at g1 */
        for (g1 = q + 1; g1 < m && angle_cmp(xa[it[g1].i] - xa[p], xb[it[g1].i] - xb[p],
                                             rx, ry) == 0; g1++)
            ;
        if (e <= g1)
        {
            memset(&win, 0, sizeof(win));   /* a fresh sum: exact zero */
            s = e = g1;
        }
        for ( ; s < g1; s++)
        {
            slong i = it[s % m].i;
            run_add(&win, yd[i], xa[i] - xa[p], xb[i] - xb[p], -1);
        }
        for ( ; e < q + m; e++)
        {
            slong i = it[e % m].i;
            if (cross_sign(rx, ry, xa[i] - xa[p], xb[i] - xb[p]) <= 0)
                break;
            run_add(&win, yd[i], xa[i] - xa[p], xb[i] - xb[p], 1);
        }
        for (u = q; u < g1; u++)
        {
            slong i = it[u].i;
            double vx = xa[i] - xa[p], vy = xb[i] - xb[p], e1, e2, Pm, c;

            Pm = cross_bound(&e1, vx, vy, &win);
            c = cross_bound(&e2, vx, vy, &all);
            W->P[2 * i + 1] = Pm;
            W->err[2 * i + 1] = e1;
            W->P[2 * i] = Pm - c;
            W->err[2 * i] = e1 + e2 + 2 * U52 * (fabs(Pm) + fabs(c));
        }
    }
}
