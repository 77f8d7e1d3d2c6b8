/*
 * dispatch.c -- wc_lp_solve's variants over an explicit LP: column
 * generation over P's columns (the engine of colgen.c with P's columns as
 * its dictionary), and the dispatcher choosing by size.
 */
#include <stdlib.h>
#include <flint/fmpq_vec.h>
#include "lp/lp.h"

/* The columns of an explicit LP as a dictionary for colgen.c: member j is
 * column j; pricing is exact over every column, ranked by violation per
 * unit cost (per unit of ||A_j||_1 for a Farkas vector or a free column)
 * -- a heuristic in doubles; the test itself is exact. */
typedef struct {
    double score;
    slong j;
} scored_column;

typedef struct {
    const wc_lp_struct * P;
    scored_column * viol;
    slong next;         /* partial pricing: the segment to start from */
} matrix_dict;

/* Partial pricing of a guide dual: the columns in MATRIX_SEG segments,
 * from where the last one stopped, until K violated ones are found. */
#define MATRIX_SEG 16

static void
matrix_column(fmpz * a, fmpz_t cost, ulong key, int guide, void * ctx)
{
    const matrix_dict * M = ctx;
    slong i;

    (void) guide;
    for (i = 0; i < M->P->m; i++)
        fmpz_set(a + i, fmpz_mat_entry(M->P->A, i, key));
    fmpz_set(cost, M->P->c + key);
}

static int
score_cmp(const void * a, const void * b)
{
    const scored_column * x = a, * y = b;

    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return (x->j > y->j) - (x->j < y->j);       /* ties by index: deterministic */
}

static slong
matrix_price(ulong * keys, slong K, const fmpq * y, int test, int partial, void * ctx)
{
    matrix_dict * M = ctx;
    const wc_lp_struct * P = M->P;
    slong m = P->m, i, j, g, nv = 0, start = M->next;
    fmpz * Y = _fmpz_vec_init(m + 1);
    fmpz_t D, s, t;

    fmpz_init(D); fmpz_init(s); fmpz_init(t);
    _fmpq_vec_get_fmpz_vec_fmpz(Y, D, y, m);
    for (g = 0; g < MATRIX_SEG && !(partial && nv >= K); g++)
    {
        slong seg = partial ? (start + g) % MATRIX_SEG : g;

        for (j = P->N * seg / MATRIX_SEG; j < P->N * (seg + 1) / MATRIX_SEG; j++)
        {
            fmpz_zero(s);
            for (i = 0; i < m; i++)
                fmpz_addmul(s, fmpz_mat_entry(P->A, i, j), Y + i);
            if (test == WC_PRICE_COST)
                fmpz_mul(t, P->c + j, D);
            else
                fmpz_zero(t);
            if (fmpz_cmp(s, t) <= 0)
                continue;
            fmpz_sub(s, s, t);
            if (test == WC_PRICE_COST && !fmpz_is_zero(P->c + j))
                fmpz_set(t, P->c + j);
            else
            {
                fmpz_zero(t);
                for (i = 0; i < m; i++)
                    if (fmpz_sgn(fmpz_mat_entry(P->A, i, j)) >= 0)
                        fmpz_add(t, t, fmpz_mat_entry(P->A, i, j));
                    else
                        fmpz_sub(t, t, fmpz_mat_entry(P->A, i, j));
            }
            M->viol[nv].score = fmpz_get_d(s) / fmpz_get_d(t);
            M->viol[nv].j = j;
            nv++;
        }
        if (partial)
            M->next = (seg + 1) % MATRIX_SEG;
    }
    qsort(M->viol, nv, sizeof(scored_column), score_cmp);
    for (j = 0; j < nv && j < K; j++)
        keys[j] = (ulong) M->viol[j].j;
    fmpz_clear(D); fmpz_clear(s); fmpz_clear(t);
    _fmpz_vec_clear(Y, m + 1);
    return j;
}

/* Column generation over P's columns, the answer checked on all of P. */
static int
colgen_core(wc_lp_solution_t S, const wc_lp_t P, int method,
             wc_progress_fn progress, void * ctx, wc_error_t err)
{
    slong m = P->m, N = P->N, u;
    fmpq * x = _fmpq_vec_init(N + 1);
    fmpq * y = _fmpq_vec_init(m + 1);
    int status;
    char why[128];
    matrix_dict M;
    wc_colgen_dict_struct V;
    wc_colgen_t C;
    wc_lp_t base, Q;
    wc_lp_solution_t T;

    wc_lp_init(base, m, 0);
    _fmpz_vec_set(base->b, P->b, m);
    M.P = P;
    M.viol = flint_malloc((N + 1) * sizeof(scored_column));
    M.next = 0;
    V.width = 1;
    V.K = FLINT_MAX(m, 20);
    V.eager = 0;
    V.rows = NULL;
    V.base = base;
    V.guide = NULL;
    V.column = matrix_column;
    V.price = matrix_price;
    V.ctx = &M;
    wc_colgen_init(C);
    wc_lp_init(Q, 0, 0);
    wc_lp_solution_init(T, 0, 0);
    status = wc_colgen_solve(C, Q, T, &V, method, WC_ENGINE_GLPK, progress, ctx, err);
    if (status == WC_OK)
    {
        for (u = 0; u < C->len; u++)
            fmpq_set(x + C->keys[u], T->x + u);
        for (u = 0; u < m; u++)
            fmpq_set(y + u, T->y + u);
        if (T->status == WC_LP_INFEASIBLE ? !wc_lp_certify_farkas(S, P, y, T->certified_by)
            : !wc_lp_store_optimal(S, P, x, y, T->certified_by, why, sizeof(why)))
            status = wc_error_set(err, WC_ERR_SOLVER,
                "internal error: column generation's answer failed its check on the whole LP: %s",
                T->status == WC_LP_INFEASIBLE ? "not a Farkas vector" : why);
    }
    wc_lp_solution_clear(T);
    wc_lp_clear(Q);
    wc_lp_clear(base);
    wc_colgen_clear(C);
    flint_free(M.viol);
    _fmpq_vec_clear(x, N + 1);
    _fmpq_vec_clear(y, m + 1);
    return status;
}

/* ------------------------------------------------------------ the variants */

int
wc_lp_solve_colgen(wc_lp_solution_t S, const wc_lp_t P, int method,
                   wc_progress_fn progress, void * ctx, wc_error_t err)
{
    return wc_lp_solve_presolved(S, P, method, colgen_core, progress, ctx, err);
}

/* After presolve: column generation when P is large. */
static int
auto_core(wc_lp_solution_t S, const wc_lp_t P, int method,
          wc_progress_fn progress, void * ctx, wc_error_t err)
{
    if (P->N > WC_COLGEN_MIN_COLUMNS)
        return colgen_core(S, P, method, progress, ctx, err);
    return wc_lp_simplex_core(S, P, method, progress, ctx, err);
}

int
wc_lp_solve(wc_lp_solution_t S, const wc_lp_t P, int method,
            wc_progress_fn progress, void * ctx, wc_error_t err)
{
    return wc_lp_solve_presolved(S, P, method, auto_core, progress, ctx, err);
}
