/*
 * top.c -- the K most violated atoms of a pricing (wc_top_struct): the
 * walk over the violated atoms in rank order, kept online as atoms come
 * in any order, and the merge of the tops of two ranges.
 */
#include <string.h>
#include <flint/fmpq.h>
#include "dict/dict.h"

wc_cand_struct *
wc_cand_new(slong d)
{
    wc_cand_struct * c = flint_malloc(sizeof(wc_cand_struct));

    fmpz_init(c->P);
    fmpz_init(c->l1);
    c->wb = _fmpz_vec_init(d + 1);
    return c;
}

void
wc_cand_free(wc_cand_struct * c, slong d)
{
    fmpz_clear(c->P);
    fmpz_clear(c->l1);
    _fmpz_vec_clear(c->wb, d + 1);
    flint_free(c);
}

void
wc_top_init(wc_top_t top, slong cap, slong per_group, slong d)
{
    top->len = 0;
    top->cap = FLINT_MAX(cap, 1);
    top->per_group = FLINT_MAX(per_group, 0);
    top->changes = 0;
    top->d = d;
    top->c = flint_malloc((top->cap + 1) * sizeof(wc_cand_struct *));
    top->worst_lo = 0.0;
    top->exact = 0;
}

void
wc_top_clear(wc_top_t top)
{
    slong i;

    for (i = 0; i < top->len; i++)
        wc_cand_free(top->c[i], top->d);
    flint_free(top->c);
}

/* sign of |P_b| / l1_b - |P_a| / l1_a: negative when a ranks first */
static int
ratio_cmp(const wc_cand_struct * a, const wc_cand_struct * b)
{
    fmpz_t s, t;
    int c;

    fmpz_init(s);
    fmpz_init(t);
    fmpz_mul(s, a->P, b->l1);
    fmpz_mul(t, b->P, a->l1);
    c = fmpz_cmp(t, s);
    fmpz_clear(s);
    fmpz_clear(t);
    return c;
}

/* Rank order: larger |P| / l1 first, then the smaller key. */
static int
cand_cmp(const wc_cand_struct * a, const wc_cand_struct * b)
{
    int c = ratio_cmp(a, b);

    if (c != 0)
        return c;
    return (a->key > b->key) - (a->key < b->key);
}

static int
same_ratio(const wc_cand_struct * a, const wc_cand_struct * b)
{
    return ratio_cmp(a, b) == 0;
}

/* a copy of c in the same group and direction */
static int
same_atom(const wc_cand_struct * a, const wc_cand_struct * c, slong d)
{
    return a->group == c->group && _fmpz_vec_equal(a->wb, c->wb, d + 1);
}

/* A lower bound for |P| / (l1 scale), P, l1, scale >= 0 (l1 scale > 0),
 * in doubles: each conversion and the product and quotient err by at most
 * 2^-52 relatively, far inside WC_SAFE_LO; beyond 1000 bits, by fmpq. */
static double
ratio_lo(const fmpz_t P, const fmpz_t l1, const fmpz_t scale)
{
    double r;

    if (fmpz_bits(P) < 1000 && fmpz_bits(l1) < 1000 && fmpz_bits(scale) < 1000)
        r = fmpz_get_d(P) / (fmpz_get_d(l1) * fmpz_get_d(scale));
    else
    {
        fmpq_t q;
        fmpz_t den;

        fmpq_init(q);
        fmpz_init(den);
        fmpz_mul(den, l1, scale);
        fmpq_set_fmpz_frac(q, P, den);
        r = fmpq_get_d(q);
        fmpq_clear(q);
        fmpz_clear(den);
    }
    return r * WC_SAFE_LO;
}

static void
top_remove(wc_top_t top, slong i)
{
    wc_cand_free(top->c[i], top->d);
    memmove(top->c + i, top->c + i + 1, (top->len - i - 1) * sizeof(void *));
    top->len--;
}

/*
 * Inserts a copy of c, keeping one candidate an atom (a group and a
 * direction: equal directions have equal columns, so equal ratios, and sit
 * in one block of equal ratio; the smaller key stays) and at most
 * per_group of one group.  This keeps the walk of wc_top_struct over the
 * atoms seen so far: c is skipped if its group is full above it; else it
 * takes the place of its copy under a larger key, or pushes out the
 * group's last member, or the last of all -- and an atom once skipped or
 * pushed out stays out, as more atoms only push further.
 */
void
wc_top_insert(wc_top_t top, const wc_cand_struct * c, const fmpz_t scale)
{
    slong lo = 0, hi = top->len, i, d = top->d, same = 0, dup = -1;
    wc_cand_struct * e;

    while (lo < hi)
    {
        slong mid = (lo + hi) / 2;
        if (cand_cmp(top->c[mid], c) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (i = lo - 1; i >= 0 && same_ratio(top->c[i], c); i--)
        if (same_atom(top->c[i], c, d))
            return;                         /* an earlier key is kept */
    for (i = 0; top->per_group > 0 && i < lo; i++)
        if (top->c[i]->group == c->group && ++same == top->per_group)
            return;                         /* its group is full above it */
    for (i = lo; i < top->len && same_ratio(top->c[i], c); i++)
        if (same_atom(top->c[i], c, d))
        {
            top_remove(top, dup = i);       /* c's key is smaller */
            break;
        }
    for (i = lo; dup < 0 && top->per_group > 0 && i < top->len; i++)
        if (top->c[i]->group == c->group && ++same == top->per_group)
        {
            top_remove(top, i);             /* the group's last member */
            break;
        }
    if (lo >= top->cap)
        return;
    e = wc_cand_new(d);
    e->key = c->key;
    e->group = c->group;
    fmpz_set(e->P, c->P);
    fmpz_set(e->l1, c->l1);
    _fmpz_vec_set(e->wb, c->wb, d + 1);
    e->lo = fmpz_is_zero(c->l1) || fmpz_is_zero(scale) ? 0.0 : ratio_lo(c->P, c->l1, scale);
    memmove(top->c + lo + 1, top->c + lo, (top->len - lo) * sizeof(void *));
    top->c[lo] = e;
    if (++top->len > top->cap)
        wc_cand_free(top->c[--top->len], d);
    /* the worst kept ratio, rounded down, in the filter's units */
    if (top->len == top->cap)
        top->worst_lo = top->c[top->len - 1]->lo;
    top->changes++;
}

double
wc_top_group_floor(wc_group_floor_t * f, const wc_top_t top, ulong group)
{
    slong i, same = 0;

    if (f->group == group && f->changes == top->changes)
        return f->floor;
    f->group = group;
    f->changes = top->changes;
    f->floor = -1.0;
    for (i = 0; i < top->len; i++)
        if (top->c[i]->group == group && ++same == top->per_group)
        {
            f->floor = top->c[i]->lo;
            break;
        }
    return f->floor;
}

/* Appends a copy of a candidate to part as it is (no ranking): a part
 * read back for wc_top_merge, which ranks it. */
void
wc_top_push(wc_top_t part, const wc_cand_struct * c)
{
    wc_cand_struct * e;

    if (part->len >= part->cap)
        return;
    e = wc_cand_new(part->d);
    e->key = c->key;
    e->group = c->group;
    fmpz_set(e->P, c->P);
    fmpz_set(e->l1, c->l1);
    _fmpz_vec_set(e->wb, c->wb, part->d + 1);
    e->lo = 0.0;
    part->c[part->len++] = e;
}

/*
 * Why merging gives the same answer for any cut of the ranks: an atom
 * (group, direction) the global walk takes is, in the part holding its
 * first key, taken by that part's walk too, under the same key -- the atoms
 * ranked above it there are copies of distinct atoms ranked above it in
 * all, so there are no more of them, in its group or in all; a copy under
 * a later key in another part loses to it here.
 */
void
wc_top_merge(wc_top_t top, const wc_top_t part, const wc_dual_t y)
{
    slong i;

    for (i = 0; i < part->len; i++)
        wc_top_insert(top, part->c[i], y->scale);
    top->exact += part->exact;
}
