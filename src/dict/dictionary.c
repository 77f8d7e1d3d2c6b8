/*
 * dictionary.c -- the complete vertex dictionary V (proofs/DERIVATIONS.md section 2).
 *
 * Every atom is a generalized cross product of samples restricted to a
 * coordinate subset T: the hyperplane through k samples (with hidden
 * biases) or through the origin and k-1 samples (without), inside the
 * coordinates T.  Atoms are stored as primitive integer vectors (w', b'),
 * which makes "exact duplicate direction" a plain integer comparison.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <flint/fmpq_vec.h>
#include "dict/dict.h"

/* At most this many atoms are reserved at once when V is built (beyond,
 * the arrays grow by doubling): 2^22 atoms, about 100 MB for d = 3. */
#define DICT_RESERVE_MAX (UWORD(1) << 22)

void
wc_dict_init(wc_dict_t V)
{
    memset(V, 0, sizeof(wc_dict_struct));
}

void
wc_dict_clear(wc_dict_t V)
{
    if (V->alloc > 0)
    {
        _fmpz_vec_clear(V->wb, V->alloc * (V->d + 1));
        _fmpz_vec_clear(V->l1, V->alloc);
        flint_free(V->k);
        flint_free(V->sign);
        flint_free(V->T);
        flint_free(V->S);
    }
    wc_dict_init(V);
}

ulong
wc_dict_bound(slong n, slong d, int bias, int kind)
{
    ulong total = 0;
    slong k;

    /* (stops once saturated, or once no sample set is left: d may be huge) */
    for (k = (kind == WC_DICT_SAMPLES ? d : 1);
         k <= d && total != UWORD_MAX && (bias ? k : k - 1) <= n; k++)
        total = wc_sat_add(total, wc_sat_mul(wc_binomial(d, k),
                                       wc_binomial(n, bias ? k : k - 1)));
    return wc_sat_mul(total, 2);
}

int
wc_dict_check_size(slong n, slong d, int bias, int kind, ulong max_atoms, int built,
                   wc_error_t err)
{
    ulong bound = wc_dict_bound(n, d, bias, kind), entries;
    char size[32];

    if (bound == UWORD_MAX)
        snprintf(size, sizeof(size), "more than 1.8e19");
    else
        snprintf(size, sizeof(size), "up to %lu", bound);
    if (max_atoms != 0 && bound > max_atoms)
        return wc_error_set(err, WC_ERR_ARG,
            "the dictionary has %s atoms (n = %ld, d = %ld), more than the limit "
            "of %lu (%s; --max-atoms raises it)", size, n, d, max_atoms,
            built ? "V and its LP are held in memory" : "every round prices every atom");
    /* the LP over a built V is dense: n rows of 2 |V| entries */
    entries = wc_sat_mul(bound, (ulong) n);
    if (built && max_atoms != 0 && entries / WC_LP_ENTRIES_PER_ATOM > max_atoms)
        return wc_error_set(err, WC_ERR_ARG,
            "the LP over the dictionary would have %lu x (%s) entries (n = %ld, d = %ld), "
            "more than %lu x the limit of %lu atoms (--max-atoms raises it, or "
            "--columns stream never builds it)", (ulong) n, size, n, d,
            (ulong) WC_LP_ENTRIES_PER_ATOM, max_atoms);
    return WC_OK;
}

slong
wc_dict_nsamples(const wc_dict_t V, slong u)
{
    return V->bias ? V->k[u] : V->k[u] - 1;
}

static void
dict_reserve(wc_dict_t V, slong alloc)
{
    slong old = V->alloc, d = V->d, i;

    if (alloc <= old)
        return;
    V->k = flint_realloc(V->k, alloc * sizeof(slong));
    V->sign = flint_realloc(V->sign, alloc);
    V->T = flint_realloc(V->T, alloc * d * sizeof(slong));
    V->S = flint_realloc(V->S, alloc * d * sizeof(slong));
    V->wb = flint_realloc(V->wb, alloc * (d + 1) * sizeof(fmpz));
    V->l1 = flint_realloc(V->l1, alloc * sizeof(fmpz));
    for (i = old * (d + 1); i < alloc * (d + 1); i++)
        fmpz_init(V->wb + i);
    for (i = old; i < alloc; i++)
        fmpz_init(V->l1 + i);
    V->alloc = alloc;
}

void
wc_dict_push(wc_dict_t V, slong k, const slong * T, slong ns, const slong * S,
          int sign, const fmpz * wb)
{
    slong u = V->len, d = V->d, j;

    if (u == V->alloc)
        dict_reserve(V, 2 * V->alloc + 64);
    V->k[u] = k;
    V->sign[u] = (signed char) sign;
    memcpy(V->T + u * d, T, k * sizeof(slong));
    memcpy(V->S + u * d, S, ns * sizeof(slong));
    fmpz_zero(V->l1 + u);
    for (j = 0; j <= d; j++)
    {
        if (sign > 0)
            fmpz_set(V->wb + u * (d + 1) + j, wb + j);
        else
            fmpz_neg(V->wb + u * (d + 1) + j, wb + j);
        if (j < d)
        {
            if (fmpz_sgn(wb + j) >= 0) fmpz_add(V->l1 + u, V->l1 + u, wb + j);
            else fmpz_sub(V->l1 + u, V->l1 + u, wb + j);
        }
    }
    V->len++;
}

/* ------------------------------------------------------ exact duplicates */


/* Keeps the atoms u with keep[u] != 0, in order. */
static void
dict_keep(wc_dict_t V, const char * keep)
{
    slong len = V->len, d = V->d, u, out;

    for (u = 0, out = 0; u < len; u++)
    {
        if (!keep[u])
            continue;
        if (out != u)
        {
            V->k[out] = V->k[u];
            V->sign[out] = V->sign[u];
            memcpy(V->T + out * d, V->T + u * d, d * sizeof(slong));
            memcpy(V->S + out * d, V->S + u * d, d * sizeof(slong));
            _fmpz_vec_swap(V->wb + out * (d + 1), V->wb + u * (d + 1), d + 1);
            fmpz_swap(V->l1 + out, V->l1 + u);
        }
        out++;
    }
    V->len = out;
}

/* Removes atoms whose direction equals an earlier atom's; keeps order.
 * One pass over an open-addressing table of (hash, atom): O(|V|). */
static void
dict_dedupe(wc_dict_t V)
{
    slong len = V->len, d = V->d, u, j;
    ulong size = 16, mask, h, pos;
    char * keep = flint_malloc(len + 1);
    wc_keyed_t * table;

    while (size < 2 * (ulong) len)
        size *= 2;
    mask = size - 1;
    table = flint_malloc(size * sizeof(wc_keyed_t));
    for (pos = 0; pos < size; pos++)
        table[pos].u = -1;
    for (u = 0; u < len; u++)
    {
        const fmpz * wb = V->wb + u * (d + 1);

        h = WC_HASH_INIT;
        for (j = 0; j <= d; j++)
            h = wc_hash_step(h, wb + j);
        keep[u] = 1;
        for (pos = h & mask; table[pos].u >= 0; pos = (pos + 1) & mask)
            if (table[pos].hash == h
                && _fmpz_vec_equal(V->wb + table[pos].u * (d + 1), wb, d + 1))
            {
                keep[u] = 0;    /* the earlier atom stays */
                break;
            }
        if (keep[u])
        {
            table[pos].hash = h;
            table[pos].u = u;
        }
    }
    dict_keep(V, keep);
    flint_free(table);
    flint_free(keep);
}


/* --------------------------------------------------------------- building */

void
wc_dict_start(wc_dict_t V, slong n, slong d, int bias, int kind)
{
    wc_dict_clear(V);
    V->n = n;
    V->d = d;
    V->bias = bias;
    V->kind = kind;
}

int
wc_dict_build(wc_dict_t V, const wc_data_t D, int bias, int kind,
              ulong max_atoms, wc_progress_fn progress, void * ctx,
              wc_error_t err)
{
    slong n = D->n, d = D->d, k, j, ns;
    slong * T = flint_malloc((d + 1) * sizeof(slong));
    slong * S = flint_malloc((d + 1) * sizeof(slong));
    fmpz * wb = _fmpz_vec_init(d + 1);
    ulong bound = wc_dict_bound(n, d, bias, kind);
    slong done = 0;
    wc_enum_t E;

    wc_dict_start(V, n, d, bias, kind);
    if (wc_dict_check_size(n, d, bias, kind, max_atoms, 1, err) != WC_OK)
    {
        flint_free(T); flint_free(S);
        _fmpz_vec_clear(wb, d + 1);
        return err->code;
    }
    wc_enum_init(E, D, bias, kind);
    /* room for the atoms at once, up to 2^22 (beyond, growth by doubling) */
    dict_reserve(V, (slong) FLINT_MIN(bound, DICT_RESERVE_MAX));

    for (k = (kind == WC_DICT_SAMPLES ? d : 1); k <= d; k++)
    {
        ns = bias ? k : k - 1;
        if (ns > n)
            continue;
        for (j = 0; j < k; j++)
            T[j] = j;
        do
        {
            for (j = 0; j < ns; j++)
                S[j] = j;
            do
            {
                if (progress != NULL && (++done & 4095) == 0)
                    progress(ctx, "dictionary", done, (slong) (bound / 2));
                if (!wc_enum_direction(wb, E, k, T, S))
                    continue;   /* dependent samples: no hyperplane */
                wc_dict_push(V, k, T, ns, S, +1, wb);
                wc_dict_push(V, k, T, ns, S, -1, wb);
            } while (wc_subset_next(S, n, ns));
        } while (wc_subset_next(T, d, k));
    }

    dict_dedupe(V);

    wc_enum_clear(E);
    flint_free(T);
    flint_free(S);
    _fmpz_vec_clear(wb, d + 1);
    return WC_OK;
}

void
wc_dict_join(wc_dict_t V, const wc_enum_t E, ulong key)
{
    slong k, d = E->d;
    slong * T = flint_malloc((d + 1) * sizeof(slong));
    slong * S = flint_malloc((d + 1) * sizeof(slong));
    fmpz * wb = _fmpz_vec_init(d + 1);

    wc_enum_origin(&k, T, S, E, key / 2);
    if (wc_enum_direction(wb, E, k, T, S))
        wc_dict_push(V, k, T, E->bias ? k : k - 1, S, (key & 1) ? -1 : +1, wb);
    flint_free(T);
    flint_free(S);
    _fmpz_vec_clear(wb, d + 1);
}

/* ---------------------------------------------------------------- reading */

void
wc_dict_direction(fmpq * w, fmpq_t b, const wc_dict_t V, slong u)
{
    slong d = V->d, j;

    for (j = 0; j < d; j++)
        fmpq_set_fmpz_frac(w + j, V->wb + u * (d + 1) + j, V->l1 + u);
    fmpq_set_fmpz_frac(b, V->wb + u * (d + 1) + d, V->l1 + u);
}

void
wc_dict_column(fmpq * col, const wc_dict_t V, const wc_data_t D, slong u)
{
    slong d = V->d, i, j;
    const fmpz * wb = V->wb + u * (d + 1);
    fmpq_t t, s;

    fmpq_init(t);
    fmpq_init(s);
    for (i = 0; i < D->n; i++)
    {
        fmpz_set(fmpq_numref(s), wb + d);          /* s = b' + <x_i, w'> */
        fmpz_one(fmpq_denref(s));
        for (j = 0; j < d; j++)
        {
            fmpq_mul_fmpz(t, fmpq_mat_entry(D->X, i, j), wb + j);
            fmpq_add(s, s, t);
        }
        if (fmpq_sgn(s) > 0)
            fmpq_div_fmpz(col + i, s, V->l1 + u);
        else
            fmpq_zero(col + i);
    }
    fmpq_clear(t);
    fmpq_clear(s);
}
