/*
 * glpk_basis.c -- GLPK as a source of candidate bases, and nothing more.
 *
 * GLPK only ever sees doubles, so what it returns is a guess: the basis
 * (which columns are basic), never a value.  For the double simplex every
 * column and row is scaled by a power of two first, which keeps huge
 * integers in range and leaves the basis structure unchanged.  glp_exact
 * is given the raw integers, and only when all of them fit in 53 bits, so
 * that it sees the true LP (proofs/DERIVATIONS.md section 8).  GLPK's aborts go through
 * glp_error_hook and come back here as an error value.
 */
#include <math.h>
#include <setjmp.h>
#include <string.h>
#include <glpk.h>
#include "lp/lp.h"

/* The simplex iterations GLPK may take on an m x N LP (a simplex that
 * takes more than a few times m + N pivots is cycling, in practice). */
#define WC_GLPK_ITERATION_LIMIT(m, N) ((int) FLINT_MIN(10 * ((m) + (N)) + 1000, 100000000))

static void
glpk_abort_hook(void * info)
{
    longjmp(*(jmp_buf *) info, 1);
}

/* Loads T (P's doubles from wc_lp_scale, m rows, N columns) into lp. */
static void
load_problem(glp_prob * lp, const wc_lp_scaled_struct * T, slong m, slong N)
{
    slong i, j, k;
    int * ia = flint_malloc((T->nz + 1) * sizeof(int));
    int * ja = flint_malloc((T->nz + 1) * sizeof(int));
    double * ar = flint_malloc((T->nz + 1) * sizeof(double));

    for (k = 0; k < T->nz; k++)
    {
        ia[k + 1] = T->row[k] + 1;
        ja[k + 1] = T->col[k] + 1;
        ar[k + 1] = T->val[k];
    }
    glp_set_obj_dir(lp, GLP_MIN);
    glp_add_rows(lp, (int) m);
    glp_add_cols(lp, (int) N);
    for (i = 0; i < m; i++)
        glp_set_row_bnds(lp, (int) i + 1, GLP_FX, T->b[i], T->b[i]);
    for (j = 0; j < N; j++)
    {
        glp_set_col_bnds(lp, (int) j + 1, GLP_LO, 0.0, 0.0);
        glp_set_obj_coef(lp, (int) j + 1, T->c[j]);
    }
    glp_load_matrix(lp, (int) T->nz, ia, ja, ar);
    flint_free(ia);
    flint_free(ja);
    flint_free(ar);
}

int
wc_glpk_basis(slong * basis, int * glpk_status, const wc_lp_t P,
               int exact, const slong * warm, wc_error_t err)
{
    return wc_glpk_candidate(basis, NULL, glpk_status, P, exact, warm, err);
}

int
wc_glpk_candidate(slong * basis, double * dual, int * glpk_status,
                   const wc_lp_t P, int exact, const slong * warm, wc_error_t err)
{
    wc_lp_scaled_struct T, raw;     /* scaled, and for glp_exact raw */
    jmp_buf env;
    glp_prob * volatile lp = NULL;
    glp_prob * volatile lpx = NULL;
    glp_smcp parm;
    slong i, j, nb;
    int ret, st;

    *glpk_status = GLPK_OTHER;
    if (P->m == 0 || P->N == 0)
        return wc_error_set(err, WC_ERR_SOLVER, "empty LP: nothing for GLPK to do");

    /* (both before setjmp: neither changes until it is freed) */
    wc_lp_scale(&T, P, 0);
    if (exact)
        wc_lp_scale(&raw, P, 1);
    if (setjmp(env))
    {
        /* GLPK aborted; after its error hook the whole environment must go */
        glp_free_env();
        wc_lp_scaled_clear(&T);
        if (exact)
            wc_lp_scaled_clear(&raw);
        return wc_error_set(err, WC_ERR_SOLVER, "GLPK aborted (caught by glp_error_hook)");
    }
    glp_error_hook(glpk_abort_hook, &env);
    glp_term_out(GLP_OFF);

    lp = glp_create_prob();
    load_problem(lp, &T, P->m, P->N);
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    /* GLPK's simplex can cycle on badly scaled or degenerate LPs: bound it
       by iterations (deterministic, unlike a time limit); past the bound
       the caller falls back to the exact simplex */
    parm.it_lim = WC_GLPK_ITERATION_LIMIT(P->m, P->N);
    if (dual == NULL)
        glp_scale_prob(lp, GLP_SF_AUTO);    /* (a candidate: powers of two suffice) */
    if (warm != NULL)
    {
        /* rows: basic when their artificial is; columns: basic when listed */
        for (i = 0; i < P->m; i++)
            glp_set_row_stat(lp, (int) i + 1, GLP_NS);
        for (j = 0; j < P->N; j++)
            glp_set_col_stat(lp, (int) j + 1, GLP_NL);
        for (i = 0; i < P->m; i++)
        {
            if (warm[i] >= P->N)
                glp_set_row_stat(lp, (int) (warm[i] - P->N) + 1, GLP_BS);
            else
                glp_set_col_stat(lp, (int) warm[i] + 1, GLP_BS);
        }
        ret = glp_simplex(lp, &parm);
        if (ret == GLP_EBADB || ret == GLP_ESING || ret == GLP_ECOND)
        {
            glp_adv_basis(lp, 0);       /* the warm basis is unusable here */
            ret = glp_simplex(lp, &parm);
        }
    }
    else
    {
        glp_adv_basis(lp, 0);
        ret = glp_simplex(lp, &parm);
    }
    st = glp_get_status(lp);
    if (ret == 0 && exact)
    {
        /* the same basis, on the raw integers, into GLPK's exact simplex */
        lpx = glp_create_prob();
        load_problem(lpx, &raw, P->m, P->N);
        for (i = 0; i < P->m; i++)
            glp_set_row_stat(lpx, (int) i + 1, glp_get_row_stat(lp, (int) i + 1));
        for (j = 0; j < P->N; j++)
            glp_set_col_stat(lpx, (int) j + 1, glp_get_col_stat(lp, (int) j + 1));
        glp_delete_prob(lp);
        lp = lpx;
        ret = glp_exact(lp, &parm);
        st = glp_get_status(lp);
    }

    if (ret == 0 && (st == GLP_OPT || st == GLP_FEAS))
        *glpk_status = (st == GLP_OPT) ? GLPK_OPTIMAL : GLPK_OTHER;
    else if (ret == 0 && st == GLP_NOFEAS)
        *glpk_status = GLPK_INFEASIBLE;

    nb = 0;
    for (i = 0; i < P->m; i++)
        if (glp_get_row_stat(lp, (int) i + 1) == GLP_BS && nb < P->m)
            basis[nb++] = P->N + i;
    for (j = 0; j < P->N; j++)
        if (glp_get_col_stat(lp, (int) j + 1) == GLP_BS && nb < P->m)
            basis[nb++] = j;
    if (nb != P->m)
        *glpk_status = GLPK_OTHER;
    for (i = 0; dual != NULL && i < P->m; i++)
        dual[i] = exact ? glp_get_row_dual(lp, (int) i + 1)
                        : ldexp(glp_get_row_dual(lp, (int) i + 1), (int) (T.oexp - T.rexp[i]));
    wc_lp_scaled_clear(&T);
    if (exact)
        wc_lp_scaled_clear(&raw);

    glp_delete_prob(lp);
    glp_error_hook(NULL, NULL);
    return WC_OK;
}
