/*
 * interp.c -- infeasible interpolation seen in the data, before any LP.
 */
#include <stdlib.h>
#include <flint/fmpq_mat.h>
#include <flint/fmpq_vec.h>
#include "train/train.h"

/*
 * Interpolation is infeasible, visibly in the data, when samples whose rows
 * are proportional in every column of V carry labels that cannot follow.
 * With hidden biases the rows of identical samples are equal; without,
 * x_i = s_i r (s_i >= 0, r on a ray) gives k_i = s_i k(r) for every atom.
 * So any network's outputs satisfy f_i = s_i g_c(i) + xi (g_c the output
 * at the class representative r_c, xi the intercept or 0), and when these
 * equations in (g, xi) have no solution, neither does interpolation.  The
 * conflicts found are among at most four samples, and the Farkas vector is
 * supported on them: A^T v = 0 for the reduced system A (g, xi) = y gives
 * k_u^T v = sum_c k_u(r_c) sum_{i in c} s_i v_i = 0 and 1^T v = 0
 * (proofs/DERIVATIONS.md section 5).
 */
typedef struct {
    slong n;
    int icpt;
    slong * cls;        /* the class of each sample */
    fmpq * s;           /* its scale s_i */
    const fmpq * y;
} interp_class_set;

/* v (n entries) := a Farkas vector of the reduced system restricted to the
 * k <= 4 samples idx: A^T v = 0, y^T v > 0.  Returns 0 if they are
 * consistent after all. */
static int
reduced_farkas(fmpq * v, const interp_class_set * C, const slong * idx, slong k)
{
    slong c[5], nc = 0, i, j, r, col, rank, f;
    fmpq_mat_t At, R;
    fmpq_t yv;
    int found = 0;

    for (i = 0; i < k; i++)
    {
        for (j = 0; j < nc && c[j] != C->cls[idx[i]]; j++)
            ;
        if (j == nc)
            c[nc++] = C->cls[idx[i]];
    }
    fmpq_mat_init(At, nc + C->icpt, k);         /* the transpose of A */
    fmpq_mat_init(R, nc + C->icpt, k);
    for (i = 0; i < k; i++)
    {
        for (j = 0; c[j] != C->cls[idx[i]]; j++)
            ;
        fmpq_set(fmpq_mat_entry(At, j, i), C->s + idx[i]);
        if (C->icpt)
            fmpq_one(fmpq_mat_entry(At, nc, i));
    }
    rank = fmpq_mat_rref(R, At);
    fmpq_init(yv);
    /* the null space of A^T: one vector per free column f */
    for (f = 0; f < k && !found; f++)
    {
        for (r = 0, col = 0; r < rank; r++, col++)
        {
            while (fmpq_is_zero(fmpq_mat_entry(R, r, col)))
                col++;
            if (col == f)
                break;
        }
        if (r < rank)
            continue;           /* a pivot column */
        wc_qvec_zero(v, C->n);
        fmpq_one(v + idx[f]);
        for (r = 0, col = 0; r < rank; r++, col++)
        {
            while (fmpq_is_zero(fmpq_mat_entry(R, r, col)))
                col++;
            fmpq_neg(v + idx[col], fmpq_mat_entry(R, r, f));
        }
        fmpq_zero(yv);
        for (i = 0; i < k; i++)
            fmpq_addmul(yv, v + idx[i], C->y + idx[i]);
        found = !fmpq_is_zero(yv);
        for (i = 0; i < k && fmpq_sgn(yv) < 0; i++)
            fmpq_neg(v + idx[i], v + idx[i]);
    }
    fmpq_clear(yv);
    fmpq_mat_clear(At);
    fmpq_mat_clear(R);
    return found;
}

/* Sorts the samples into classes of proportional rows: C->cls, C->s. */
static void
interp_classes(interp_class_set * C, const wc_data_t D, const wc_problem_t p)
{
    slong n = D->n, d = D->d, i, j, a, b;
    int rays = !p->bias;
    fmpq * r = _fmpq_vec_init(n * d);           /* x_i / s_i */
    wc_keyed_t * key = flint_malloc((n + 1) * sizeof(wc_keyed_t));

    C->n = n;
    C->icpt = wc_has_intercept(p);
    C->cls = flint_malloc((n + 1) * sizeof(slong));
    C->s = _fmpq_vec_init(n);
    C->y = D->y;
    for (i = 0; i < n; i++)
    {
        ulong h = WC_HASH_INIT;

        fmpq_one(C->s + i);
        if (rays)
        {
            for (j = 0; j < d && fmpq_is_zero(fmpq_mat_entry(D->X, i, j)); j++)
                ;
            if (j < d)
                fmpq_abs(C->s + i, fmpq_mat_entry(D->X, i, j));
            else
                fmpq_zero(C->s + i);        /* x_i = 0: every k_i = 0 */
        }
        for (j = 0; j < d; j++)
        {
            if (!fmpq_is_zero(C->s + i))
                fmpq_div(r + i * d + j, fmpq_mat_entry(D->X, i, j), C->s + i);
            h = wc_hash_step(h, fmpq_numref(r + i * d + j));
            h = wc_hash_step(h, fmpq_denref(r + i * d + j));
        }
        key[i].hash = h;
        key[i].u = i;
        C->cls[i] = -1;
    }
    qsort(key, n, sizeof(wc_keyed_t), wc_keyed_cmp);
    for (a = 0; a < n; a++)
    {
        if (C->cls[key[a].u] >= 0)
            continue;
        C->cls[key[a].u] = key[a].u;
        for (b = a + 1; b < n && key[b].hash == key[a].hash; b++)
            if (C->cls[key[b].u] < 0 && wc_qvec_equal(r + key[a].u * d, r + key[b].u * d, d))
                C->cls[key[b].u] = key[a].u;
    }
    _fmpq_vec_clear(r, n * d);
    flint_free(key);
}

/*
 * v := a Farkas vector and 1 when the classes' equations conflict; else 0.
 * Per class: the first sample a, a second b with s_b != s_a (with an
 * intercept) fixing the class's line, and every other sample checked
 * against it ({a, c} or {a, b, c} conflict).  With an intercept and no
 * biases, xi is fixed by a class's line (where it meets s = 0) or by a
 * sample x_i = 0 (xi = y_i): the first such fixing is the reference, and
 * each later one is checked against it (3 or 4 samples).
 */
int
wc_interp_conflict(fmpq * v, const wc_data_t D, const wc_problem_t p)
{
    interp_class_set C;
    slong n = D->n, i, c, ref[2], nref = 0;
    slong * first = flint_malloc((n + 1) * sizeof(slong));
    slong * second = flint_malloc((n + 1) * sizeof(slong));
    int found = 0, fixes_xi = p->intercept && !p->bias;

    interp_classes(&C, D, p);
    for (i = 0; i < n; i++)
        first[i] = second[i] = -1;
    for (i = 0; i < n && !found; i++)
    {
        slong idx[4], k = 0, fix[2], nfix = 0;

        c = C.cls[i];
        if (first[c] < 0)
        {
            first[c] = i;
            idx[k++] = i;               /* alone, a zero sample can conflict */
            if (fixes_xi && fmpq_is_zero(C.s + i))
                fix[nfix++] = i;        /* x_i = 0: xi = y_i */
        }
        else if (second[c] < 0 && fixes_xi && !fmpq_equal(C.s + i, C.s + first[c]))
        {
            second[c] = i;              /* the class's line fixes xi */
            fix[nfix++] = first[c];
            fix[nfix++] = i;
        }
        else
        {
            idx[k++] = first[c];
            if (second[c] >= 0)
                idx[k++] = second[c];
            idx[k++] = i;
        }
        if (nfix > 0 && nref == 0)
        {
            ref[0] = fix[0];
            ref[1] = fix[nfix - 1];
            nref = nfix;
        }
        else if (nfix > 0)
        {
            /* this fixing of xi against the reference one */
            for (k = 0; k < nref; k++)
                idx[k] = ref[k];
            for (c = 0; c < nfix; c++)
                idx[k++] = fix[c];
        }
        found = reduced_farkas(v, &C, idx, k);
    }
    flint_free(first);
    flint_free(second);
    flint_free(C.cls);
    _fmpq_vec_clear(C.s, n);
    return found;
}
