/*
 * workset.c -- the working set W of column generation (colgen.c): its
 * members and their columns, the working LP over them, the members
 * dropped between rounds, and W as keys again at the end.
 */
#include <stdlib.h>
#include <string.h>
#include "lp/lp.h"

void
wc_colgen_init(wc_colgen_t C)
{
    C->keys = NULL;
    C->cols = NULL;
    C->len = C->alloc = C->m = 0;
    C->rounds = 0;
}

void
wc_colgen_clear(wc_colgen_t C)
{
    flint_free(C->keys);
    _fmpz_vec_clear(C->cols, C->alloc * (C->m + 1));
    wc_colgen_init(C);
}

/* Room for len members in C (m rows). */
static void
fit(wc_colgen_t C, slong len, slong m)
{
    slong alloc = FLINT_MAX(len, 2 * C->alloc), i;

    if (len <= C->alloc)
        return;
    C->keys = flint_realloc(C->keys, alloc * sizeof(ulong));
    C->cols = flint_realloc(C->cols, alloc * (m + 1) * sizeof(fmpz));
    for (i = C->alloc * (m + 1); i < alloc * (m + 1); i++)
        fmpz_init(C->cols + i);
    C->alloc = alloc;
    C->m = m;
}

/*
 * Members.  A dictionary of width 2 offers each key as two columns, a and
 * -a at one cost; at most one of them prices violated (their reduced costs
 * add up to twice the cost, which is positive, or to 0 against a Farkas
 * vector).  A member of W is a key with a sign, 2 key + (1 for -a), one
 * column of the working LP.  When the working LP is the cost of a round
 * (an eager dictionary) a key joins with its violated sign alone: half
 * the columns for the engine's simplex and the exact checks; the other
 * sign joins as a member of its own if it turns violated later.
 * Otherwise, and while the working LP is infeasible (b must lie in the
 * cone of W's columns, not only in their span), a key joins with both.
 * Measured (bench/gen.py seed 1, bias, certified seconds, one run, both
 * signs -> the violated one): interp d = 2 n = 500 46.7 -> 29.7 (Clp 26
 * s of it), d = 3 n = 300 24.6 -> 23.6 (Clp 13.4 -> 8.4 s, 56 -> 71
 * rounds); planted l1 d = 2 n = 400 25.6 -> 17.9, d = 3 n = 300 32.9 ->
 * 28.7.  Not eager, d = 4 n = 150: the violated sign alone took 82 rounds
 * against 68 (40 s against 35), so both join there.  At the end (widen)
 * W becomes its keys again, with both columns each.
 */
static ulong
member_key(const wc_colgen_dict_struct * V, ulong member)
{
    return V->width == 2 ? member >> 1 : member;
}

/* The working LP's column of member (its dictionary column, negated for a
 * member of sign -), and its cost; guide: in the guide LP's scaling. */
static void
member_column(fmpz * a, fmpz_t cost, ulong member, int guide,
              const wc_colgen_dict_struct * V)
{
    V->column(a, cost, member_key(V, member), guide, V->ctx);
    if (V->width == 2 && (member & 1))
        _fmpz_vec_neg(a, a, V->base->m);
}

/* Appends member with its column and cost a (m + 1 entries). */
void
wc_colgen_join(wc_colgen_t C, ulong member, const fmpz * a, slong m)
{
    fit(C, C->len + 1, m);
    _fmpz_vec_set(C->cols + C->len * (m + 1), a, m + 1);
    C->keys[C->len++] = member;
}

/* The working LP over the members of C: member j owns columns w j ..
 * w j + w - 1 (w = 2: the second the negation of the first), the base
 * LP's columns follow.  guide: the dictionary's guide LP (its columns
 * asked afresh; the working LP's come from C). */
void
wc_colgen_working_lp(wc_lp_t Q, const wc_colgen_t C, const wc_colgen_dict_struct * V,
                     slong w, int guide)
{
    const wc_lp_struct * B = guide ? V->guide : V->base;
    slong m = B->m, L = C->len, i, j, u;
    fmpz * a = _fmpz_vec_init(m + 1);
    fmpz * cost = a + m;

    wc_lp_init(Q, m, w * L + B->N);
    for (u = 0; u < L; u++)
    {
        if (guide)
            member_column(a, cost, C->keys[u], 1, V);
        else
            _fmpz_vec_set(a, C->cols + u * (m + 1), m + 1);
        for (i = 0; i < m; i++)
        {
            fmpz_set(fmpz_mat_entry(Q->A, i, w * u), a + i);
            if (w == 2)
                fmpz_neg(fmpz_mat_entry(Q->A, i, w * u + 1), a + i);
        }
        for (j = 0; j < w; j++)
            fmpz_set(Q->c + w * u + j, cost);
    }
    for (i = 0; i < m; i++)
    {
        for (j = 0; j < B->N; j++)
            fmpz_set(fmpz_mat_entry(Q->A, i, w * L + j), fmpz_mat_entry(B->A, i, j));
        fmpz_set(Q->b + i, B->b + i);
    }
    for (j = 0; j < B->N; j++)
        fmpz_set(Q->c + w * L + j, B->c + j);
    _fmpz_vec_clear(a, m + 1);
}

/* Drops the members of W aged max_age, renumbering the basis warm (of
 * the working LP: members' columns first, then the base LP's, *warm_N in
 * all). */
void
wc_colgen_drop(wc_colgen_t C, slong * age, slong * warm, slong * warm_N, slong * warm_L,
               slong m, slong max_age)
{
    slong L = C->len, u, i, kept = 0;
    char * keep = flint_malloc(L + 1);
    slong * pos = flint_malloc((L + 1) * sizeof(slong));

    for (u = 0; u < L; u++)
        keep[u] = age[u] < max_age;
    for (i = 0; i < m; i++)
        if (warm[i] < L)
            keep[warm[i]] = 1;          /* basic: stays */
    for (u = 0; u < L; u++)
    {
        pos[u] = kept;
        if (keep[u])
        {
            C->keys[kept] = C->keys[u];
            _fmpz_vec_swap(C->cols + kept * (m + 1), C->cols + u * (m + 1), m + 1);
            age[kept] = age[u];
            kept++;
        }
    }
    for (i = 0; i < m; i++)
        warm[i] = warm[i] < L ? pos[warm[i]] : warm[i] - (L - kept);
    *warm_N -= L - kept;
    *warm_L = kept;
    C->len = kept;
    flint_free(keep);
    flint_free(pos);
}

/* Pairs (key, member) in order. */
static int
pair_cmp(const void * a, const void * b)
{
    const ulong * x = a, * y = b;

    return x[0] != y[0] ? (x[0] > y[0]) - (x[0] < y[0]) : (x[1] > y[1]) - (x[1] < y[1]);
}

/*
 * W as keys again, each with both its columns, the working LP of a width-2
 * dictionary as callers know it (with solved: Q rebuilt so, S carried
 * over).  Member u of key r goes to column 2 r' or 2 r' + 1 (its sign) of
 * the r'-th key, the base columns and the artificials after them.  S stays
 * an exact certificate: the same A x = b and c^T x = b^T y, y within the
 * costs on W's columns (checked) and on every other column of the
 * dictionary (the last pricing: nothing violated outside W).
 */
void
wc_colgen_widen(wc_colgen_t C, wc_lp_t Q, wc_lp_solution_t S,
                const wc_colgen_dict_struct * V, int solved)
{
    slong m = V->base->m, L = C->len, NB = V->base->N, u, i, len = 0, N;
    slong * at = flint_malloc((2 * L + 1) * sizeof(slong));
    slong * first = at + L;
    ulong * by_key = flint_malloc((2 * L + 1) * sizeof(ulong));
    fmpq * x;

    /* first[u]: the first member of u's key (W sorted by key, then member) */
    for (u = 0; u < L; u++)
    {
        by_key[2 * u] = C->keys[u] >> 1;
        by_key[2 * u + 1] = u;
    }
    qsort(by_key, L, 2 * sizeof(ulong), pair_cmp);
    for (i = 0; i < L; i++)
        first[by_key[2 * i + 1]] = i > 0 && by_key[2 * i] == by_key[2 * i - 2]
                                   ? first[by_key[2 * i - 1]] : (slong) by_key[2 * i + 1];
    for (u = 0; u < L; u++)
        at[u] = (first[u] == u ? 2 * len++ : at[first[u]] & ~(slong) 1) + (C->keys[u] & 1);
    N = 2 * len + NB;
    if (solved && S->N == L + NB)
    {
        x = _fmpq_vec_init(N + 1);     /* as wc_lp_solution_init */
        for (u = 0; u < S->N; u++)
            fmpq_swap(x + (u < L ? at[u] : u - L + 2 * len), S->x + u);
        for (i = 0; i < m; i++)
            if (S->basis[i] >= 0)
                S->basis[i] = S->basis[i] < L ? at[S->basis[i]]
                            : S->basis[i] - L + 2 * len;
        _fmpq_vec_clear(S->x, S->N + 1);
        S->x = x;
        S->N = N;
    }
    for (u = 0; u < L; u++)
        if (first[u] == u)
        {
            ulong key = C->keys[u];
            fmpz * a = C->cols + (at[u] / 2) * (m + 1);

            _fmpz_vec_swap(a, C->cols + u * (m + 1), m + 1);
            if (key & 1)
                _fmpz_vec_neg(a, a, m);
            C->keys[at[u] / 2] = key >> 1;
        }
    C->len = len;
    if (solved)
    {
        wc_lp_clear(Q);
        wc_colgen_working_lp(Q, C, V, 2, 0);
    }
    flint_free(at);
    flint_free(by_key);
}
