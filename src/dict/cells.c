/*
 * cells.c -- the faces of a central plane arrangement in R^3, and the
 * exact maximum over the unit ball of a dual point's ReLU sum on them
 * (proofs/DERIVATIONS.md section 12).
 *
 * For integer vectors u_j and weights V_j, f(w) = sum_j V_j (u_j^T w)_+
 * is linear on each face of the arrangement {u_j^T w = 0}.  The maximum of
 * |f| over ||w|| <= 1 is attained in the relative interior of some face F
 * with span S, where it equals |f(q)| / ||q|| for q = proj_S(+-c_F) and
 * c_F = sum over the samples positive on F of V_j u_j.  So visiting, for
 * every face, the points q and -q visits the maximiser; every visited
 * point is a point of the domain, so the largest |f(q)| / ||q|| seen is
 * the maximum exactly.  Faces are found plane by plane: in the plane of
 * normal n the other planes cut lines, sorted by angle; a 2-face lies
 * between two consecutive rays, the two 3-cells beside it are reached by
 * stepping off the plane along +-n, and every ray is a line of some plane.
 * d < 3 is embedded with zero coordinates.
 */
#include <string.h>
#include "dict/dict.h"

typedef struct {
    fmpz r[3];
} ray_t;

static void
cross(fmpz * c, const fmpz * a, const fmpz * b)
{
    fmpz_t t;
    fmpz_init(t);
    fmpz_mul(c + 0, a + 1, b + 2); fmpz_submul(c + 0, a + 2, b + 1);
    fmpz_mul(c + 1, a + 2, b + 0); fmpz_submul(c + 1, a + 0, b + 2);
    fmpz_mul(t, a + 0, b + 1); fmpz_submul(t, a + 1, b + 0);
    fmpz_swap(c + 2, t);
    fmpz_clear(t);
}

static void
dot(fmpz_t r, const fmpz * a, const fmpz * b)
{
    fmpz_mul(r, a + 0, b + 0);
    fmpz_addmul(r, a + 1, b + 1);
    fmpz_addmul(r, a + 2, b + 2);
}

static int
is_zero3(const fmpz * a)
{
    return fmpz_is_zero(a + 0) && fmpz_is_zero(a + 1) && fmpz_is_zero(a + 2);
}

/* a := a / content(a) */
static void
primitive(fmpz * a)
{
    fmpz_t g;
    fmpz_init(g);
    fmpz_gcd(g, a + 0, a + 1);
    fmpz_gcd(g, g, a + 2);
    if (!fmpz_is_zero(g) && !fmpz_is_one(g))
        for (int t = 0; t < 3; t++)
            fmpz_divexact(a + t, a + t, g);
    fmpz_clear(g);
}

/* sign of det(n, a, b) = n . (a x b) */
static int
turn(const fmpz * n, const fmpz * a, const fmpz * b)
{
    fmpz c[3];
    fmpz_t s;
    int r;
    for (int t = 0; t < 3; t++)
        fmpz_init(c + t);
    fmpz_init(s);
    cross(c, a, b);
    dot(s, n, c);
    r = fmpz_sgn(s);
    fmpz_clear(s);
    for (int t = 0; t < 3; t++)
        fmpz_clear(c + t);
    return r;
}

/* 0 for rays in the half turn [0, pi) from ref around n, else 1 */
static int
half(const fmpz * n, const fmpz * ref, const fmpz * r)
{
    int t = turn(n, ref, r);
    if (t != 0)
        return t < 0;
    fmpz_t s;
    fmpz_init(s);
    dot(s, ref, r);
    t = fmpz_sgn(s) < 0;
    fmpz_clear(s);
    return t;
}

/* a before b counter-clockwise around n from ref (h: their halves) */
static int
before(const fmpz * n, const ray_t * a, int ha, const ray_t * b, int hb)
{
    return ha != hb ? ha < hb : turn(n, a->r, b->r) > 0;
}

/* Sorts R[0..L) by angle around n from R[0] (a merge sort: no global
 * comparison context). */
static void
sort_rays(ray_t * R, slong L, const fmpz * n)
{
    ray_t * T = flint_malloc(L * sizeof(ray_t));
    int * H = flint_malloc(2 * L * sizeof(int)), * HT = H + L;
    fmpz ref[3];
    for (int k = 0; k < 3; k++)
    {
        fmpz_init(ref + k);
        fmpz_set(ref + k, R[0].r + k);
    }
    for (slong i = 0; i < L; i++)
        H[i] = half(n, ref, R[i].r);
    for (slong w = 1; w < L; w *= 2)
    {
        for (slong lo = 0; lo < L; lo += 2 * w)
        {
            slong mid = FLINT_MIN(lo + w, L), hi = FLINT_MIN(lo + 2 * w, L);
            slong i = lo, j = mid, o = lo;
            while (i < mid || j < hi)
            {
                slong pick = (j >= hi || (i < mid && !before(n, R + j, H[j], R + i, H[i]))) ? i++ : j++;
                T[o] = R[pick];     /* the fmpz words move, nothing is copied deep */
                HT[o++] = H[pick];
            }
        }
        memcpy(R, T, L * sizeof(ray_t));
        memcpy(H, HT, L * sizeof(int));
    }
    for (int k = 0; k < 3; k++)
        fmpz_clear(ref + k);
    flint_free(T);
    flint_free(H);
}

typedef struct {
    slong m;
    const fmpz * U;         /* m x 3 */
    const fmpz * V;         /* m */
    wc_cell_visit_fn visit;
    void * ctx;
    slong anchor;
    ulong visited;
    fmpz_t fq, s;
    fmpz q[3];
} walk_t;

/* f(q) = sum_j V_j (u_j^T q)_+ and the visit, for q != 0 */
static void
visit(walk_t * W, const fmpz * q)
{
    if (is_zero3(q))
        return;
    fmpz_zero(W->fq);
    for (slong j = 0; j < W->m; j++)
    {
        dot(W->s, W->U + 3 * j, q);
        if (fmpz_sgn(W->s) > 0)
            fmpz_addmul(W->fq, W->V + j, W->s);
    }
    W->visited++;
    W->visit(W->ctx, W->anchor, q, W->fq);
}

static void
visit_pm(walk_t * W, fmpz * q)
{
    visit(W, q);
    for (int t = 0; t < 3; t++)
        fmpz_neg(q + t, q + t);
    visit(W, q);
}

/* The faces around the interior point p of a 2-face of the plane of normal
 * n: the 2-face's projection of c and the two 3-cells beside it. */
static void
faces_at(walk_t * W, const fmpz * n, const fmpz * p)
{
    fmpz c[3], cp[3], cm[3];
    fmpz_t s, t, nn;
    for (int k = 0; k < 3; k++)
    {
        fmpz_init(c + k); fmpz_init(cp + k); fmpz_init(cm + k);
    }
    fmpz_init(s); fmpz_init(t); fmpz_init(nn);
    for (slong j = 0; j < W->m; j++)
    {
        const fmpz * u = W->U + 3 * j;
        dot(s, u, p);
        if (fmpz_sgn(s) > 0)
            for (int k = 0; k < 3; k++)
                fmpz_addmul(c + k, W->V + j, u + k);
        else if (fmpz_is_zero(s))
        {
            dot(t, u, n);
            fmpz * side = fmpz_sgn(t) > 0 ? cp : cm;
            if (!fmpz_is_zero(t))
                for (int k = 0; k < 3; k++)
                    fmpz_addmul(side + k, W->V + j, u + k);
        }
    }
    for (int k = 0; k < 3; k++)
    {
        fmpz_add(cp + k, cp + k, c + k);
        fmpz_add(cm + k, cm + k, c + k);
    }
    visit_pm(W, cp);
    visit_pm(W, cm);
    /* q = (n.n) c - (c.n) n, the projection of c onto the plane, scaled */
    dot(nn, n, n);
    dot(s, c, n);
    for (int k = 0; k < 3; k++)
    {
        fmpz_mul(c + k, c + k, nn);
        fmpz_submul(c + k, s, n + k);
    }
    visit_pm(W, c);
    fmpz_clear(s); fmpz_clear(t); fmpz_clear(nn);
    for (int k = 0; k < 3; k++)
    {
        fmpz_clear(c + k); fmpz_clear(cp + k); fmpz_clear(cm + k);
    }
}

/* Every face on the plane of normal n. */
static void
plane_faces(walk_t * W, const fmpz * n, ray_t * R)
{
    slong L = 0, k, j;
    fmpz p[3];
    for (k = 0; k < 3; k++)
        fmpz_init(p + k);
    for (j = 0; j < W->m; j++)
    {
        cross(R[L].r, n, W->U + 3 * j);
        if (is_zero3(R[L].r))
            continue;
        primitive(R[L].r);
        for (k = 0; k < 3; k++)
            fmpz_neg(R[L + 1].r + k, R[L].r + k);
        L += 2;
    }
    if (L == 0)
    {
        /* no other plane cuts this one: one 2-face, any point of it */
        fmpz e[3];
        for (k = 0; k < 3; k++)
            fmpz_init(e + k);
        for (k = 0; k < 3 && is_zero3(p); k++)
        {
            fmpz_one(e + k);
            cross(p, n, e);
            fmpz_zero(e + k);
        }
        for (k = 0; k < 3; k++)
            fmpz_clear(e + k);
        faces_at(W, n, p);
    }
    else
    {
        sort_rays(R, L, n);
        slong u = 0;
        for (j = 0; j < L; j++)     /* equal rays are adjacent: keep one */
            if (u == 0 || !(fmpz_equal(R[j].r, R[u - 1].r)
                            && fmpz_equal(R[j].r + 1, R[u - 1].r + 1)
                            && fmpz_equal(R[j].r + 2, R[u - 1].r + 2)))
            {
                if (u != j)
                    for (k = 0; k < 3; k++)
                        fmpz_swap(R[u].r + k, R[j].r + k);
                u++;
            }
        for (j = 0; j < u; j++)
        {
            const fmpz * a = R[j].r, * b = R[(j + 1) % u].r;
            for (k = 0; k < 3; k++)
                fmpz_set(p + k, a + k);
            visit(W, p);
            if (turn(n, a, b) > 0)
                for (k = 0; k < 3; k++)
                    fmpz_add(p + k, a + k, b + k);
            else
                cross(p, n, a);     /* a half turn: its middle */
            faces_at(W, n, p);
        }
    }
    for (k = 0; k < 3; k++)
        fmpz_clear(p + k);
}

/* sign-normalised primitive direction: the plane it is the normal of */
static void
plane_key(fmpz * a)
{
    primitive(a);
    int t = 0;
    while (t < 3 && fmpz_is_zero(a + t))
        t++;
    if (t < 3 && fmpz_sgn(a + t) < 0)
        for (int k = 0; k < 3; k++)
            fmpz_neg(a + k, a + k);
}

static int
key_cmp(const void * pa, const void * pb)
{
    const fmpz * a = ((const ray_t *) pa)->r, * b = ((const ray_t *) pb)->r;
    for (int k = 0; k < 3; k++)
    {
        int c = fmpz_cmp(a + k, b + k);
        if (c != 0)
            return c;
    }
    return 0;
}

ulong
wc_cells_walk(const fmpz * X, slong n, slong d, const fmpz * V, int bias,
              wc_cell_visit_fn fn, void * ctx)
{
    walk_t W;
    slong m = n, na = bias ? n : 1;
    fmpz * U = _fmpz_vec_init(3 * m);
    ray_t * R = flint_calloc(2 * m + 1, sizeof(ray_t));
    ray_t * P = flint_calloc(m + 1, sizeof(ray_t));
    W.m = m;
    W.U = U;
    W.V = V;
    W.visit = fn;
    W.ctx = ctx;
    W.visited = 0;
    fmpz_init(W.fq);
    fmpz_init(W.s);
    for (slong a = 0; a < na; a++)
    {
        slong np = 0, j, k;
        W.anchor = bias ? a : -1;
        for (j = 0; j < m; j++)
            for (k = 0; k < 3; k++)
            {
                if (k >= d)
                    fmpz_zero(U + 3 * j + k);
                else if (bias)
                    fmpz_sub(U + 3 * j + k, X + j * d + k, X + a * d + k);
                else
                    fmpz_set(U + 3 * j + k, X + j * d + k);
            }
        for (j = 0; j < m; j++)
        {
            if (is_zero3(U + 3 * j))
                continue;
            for (k = 0; k < 3; k++)
                fmpz_set(P[np].r + k, U + 3 * j + k);
            plane_key(P[np].r);
            np++;
        }
        qsort(P, np, sizeof(ray_t), key_cmp);
        for (j = 0; j < np; j++)
            if (j == 0 || key_cmp(P + j, P + j - 1) != 0)
                plane_faces(&W, P[j].r, R);
    }
    for (slong j = 0; j < 2 * m + 1; j++)
        for (int k = 0; k < 3; k++)
            fmpz_clear(R[j].r + k);
    for (slong j = 0; j < m + 1; j++)
        for (int k = 0; k < 3; k++)
            fmpz_clear(P[j].r + k);
    flint_free(R);
    flint_free(P);
    _fmpz_vec_clear(U, 3 * m);
    fmpz_clear(W.fq);
    fmpz_clear(W.s);
    return W.visited;
}

double
wc_cells_work(slong n, slong d, int bias)
{
    double m = n, planes = n, lines = d == 3 ? 2.0 * n : 2.0;
    return (bias ? n : 1) * planes * lines * 8.0 * m;
}
