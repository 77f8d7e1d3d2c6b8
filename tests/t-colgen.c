/*
 * t-colgen.c -- the column-generation engine (lp/colgen.c) with a toy
 * dictionary, against the full LP solved by the simplex variant.
 *
 * The toy dictionary: G members, member u a random integer column a_u at
 * cost c_u > 0, width 1 or 2 (a_u and -a_u), in front of a base LP whose
 * fixed columns are none (the rows may then be infeasible), or +-e_i at a
 * random cost (always feasible).  Its pricing is plain exact arithmetic:
 * the top K by violation |a_u^T y| - c_u (or A_u^T y - c_u, width 1),
 * partial when asked, from a rotating start.  The guide LP, when there is
 * one, is the elastic problem: base columns +-e_i at cost 1, members at
 * cost 1.  Checked on every instance:
 *   - the engine and the full LP agree on the status, and on the optimal
 *     value (which the engine reports for its working LP);
 *   - the engine's (x, y), x mapped onto the full LP, passes
 *     wc_lp_check_optimal there, or y passes wc_lp_check_farkas there;
 *   - the working set has no key twice, and every member of it is a real
 *     member (key < G).
 * Half the Clp instances have Clp solve under a random row operation
 * (lp/rowmap.c), which may change the candidate and nothing else.  The
 * row operation itself is checked against its dense matrix, built by
 * textbook row operations on the identity: M v, M^T y and the scaled
 * map, exactly (small integers and halves, exact in doubles).
 * Rounding noise: a toy whose guide pricing, finding nothing violated,
 * returns one of 200 members that are never violated (as a rounded dual
 * shows ties of a degenerate optimum; the engine takes none) reaches the
 * clean toy's optimum in at most 2 r + 2 rounds where the clean one took
 * r; without the certified round once the engine keeps its basis
 * (colgen.c, kept_basis) the noise goes on for its 200 members.
 */
#include <math.h>
#include <stdlib.h>
#include <flint/fmpq_vec.h>
#include "lp/lp.h"
#include "check.h"

typedef struct {
    slong m, G, width, K, next;
    fmpz_mat_t A;           /* m x G: the members' columns */
    fmpz * c;               /* G: their costs */
    fmpz * viol;            /* scratch */
    slong * order;
    int count_guide;        /* pricings of a guide dual */
    slong live, noise;      /* members from live on are never violated; */
    slong next_noise;       /* a guide pricing that finds nothing returns */
} toy_dict;                 /* one of them (noise != 0): a rounding error */

static void
toy_column(fmpz * a, fmpz_t cost, ulong key, int guide, void * ctx)
{
    toy_dict * T = ctx;
    slong i;

    for (i = 0; i < T->m; i++)
        fmpz_set(a + i, fmpz_mat_entry(T->A, i, key));
    if (guide)
        fmpz_one(cost);
    else
        fmpz_set(cost, T->c + key);
}

static const fmpz * toy_viol;

static int
toy_cmp(const void * a, const void * b)
{
    slong x = *(const slong *) a, y = *(const slong *) b;
    int c = fmpz_cmp(toy_viol + y, toy_viol + x);

    return c != 0 ? c : (x > y) - (x < y);
}

static slong
toy_price(ulong * keys, slong K, const fmpq * y, int test, int partial, void * ctx)
{
    toy_dict * T = ctx;
    slong i, u, g, nv = 0, start = T->next;
    fmpz * Y = _fmpz_vec_init(T->m);
    fmpz_t D, s, lim;

    fmpz_init(D);
    fmpz_init(s);
    fmpz_init(lim);
    _fmpq_vec_get_fmpz_vec_fmpz(Y, D, y, T->m);
    T->count_guide += (test == WC_PRICE_GUIDE);
    for (g = 0; g < T->G && !(partial && nv >= K); g++)
    {
        u = partial ? (start + g) % T->G : g;
        fmpz_zero(s);
        for (i = 0; i < T->m; i++)
            fmpz_addmul(s, fmpz_mat_entry(T->A, i, u), Y + i);
        if (T->width == 2)
            fmpz_abs(s, s);
        if (test == WC_PRICE_COST)
            fmpz_mul(lim, T->c + u, D);
        else if (test == WC_PRICE_GUIDE)
            fmpz_set(lim, D);
        else
            fmpz_zero(lim);
        fmpz_sub(T->viol + u, s, lim);      /* violation, scaled by D > 0 */
        if (fmpz_sgn(T->viol + u) > 0)
            T->order[nv++] = u;
        if (partial)
            T->next = (u + 1) % T->G;
    }
    if (T->noise && partial && test == WC_PRICE_COST && nv == 0)
    {
        T->order[nv++] = T->live + T->next_noise;
        T->next_noise = (T->next_noise + 1) % (T->G - T->live);
        T->noise++;
    }
    toy_viol = T->viol;
    qsort(T->order, nv, sizeof(slong), toy_cmp);
    for (i = 0; i < nv && i < K; i++)
        keys[i] = (ulong) T->order[i];
    fmpz_clear(D);
    fmpz_clear(s);
    fmpz_clear(lim);
    _fmpz_vec_clear(Y, T->m);
    return i;
}

/* A toy of m rows, G members (their columns and costs to be set), all
 * live and no noise. */
static void
toy_init(toy_dict * T, slong m, slong G, slong width, slong K)
{
    T->m = m;
    T->G = T->live = G;
    T->width = width;
    T->K = K;
    T->next = T->next_noise = T->noise = 0;
    T->count_guide = 0;
    fmpz_mat_init(T->A, m, G);
    T->c = _fmpz_vec_init(G);
    T->viol = _fmpz_vec_init(G);
    T->order = flint_malloc(G * sizeof(slong));
}

static void
toy_clear(toy_dict * T)
{
    fmpz_mat_clear(T->A);
    _fmpz_vec_clear(T->c, T->G);
    _fmpz_vec_clear(T->viol, T->G);
    flint_free(T->order);
}

/* The dictionary of the toy T over base (guide: or NULL), no row map. */
static void
toy_colgen_dict(wc_colgen_dict_struct * V, toy_dict * T, const wc_lp_struct * base,
                const wc_lp_struct * guide, int eager)
{
    V->width = T->width;
    V->K = T->K;
    V->eager = eager;
    V->base = base;
    V->guide = guide;
    V->rows = NULL;
    V->column = toy_column;
    V->price = toy_price;
    V->ctx = T;
}

static void
print_toy(const toy_dict * T, const wc_lp_t base)
{
    slong i;

    printf("    m = %ld, G = %ld, width = %ld, K = %ld\n    members' columns =\n",
           T->m, T->G, T->width, T->K);
    fmpz_mat_print_pretty(T->A);
    printf("\n    costs = ");
    for (i = 0; i < T->G; i++)
        fmpz_print(T->c + i), printf(" ");
    printf("\n    b = ");
    for (i = 0; i < base->m; i++)
        fmpz_print(base->b + i), printf(" ");
    printf("\n    base columns: %ld\n", base->N);
}

/* The full LP: every member's columns, then the base LP's. */
static void
full_lp(wc_lp_t P, const toy_dict * T, const wc_lp_t base)
{
    slong w = T->width, i, j, u;

    wc_lp_init(P, T->m, w * T->G + base->N);
    for (u = 0; u < T->G; u++)
        for (j = 0; j < w; j++)
        {
            for (i = 0; i < T->m; i++)
                fmpz_set(fmpz_mat_entry(P->A, i, w * u + j), fmpz_mat_entry(T->A, i, u));
            if (j == 1)
                for (i = 0; i < T->m; i++)
                    fmpz_neg(fmpz_mat_entry(P->A, i, w * u + j), fmpz_mat_entry(P->A, i, w * u + j));
            fmpz_set(P->c + w * u + j, T->c + u);
        }
    for (i = 0; i < T->m; i++)
    {
        for (j = 0; j < base->N; j++)
            fmpz_set(fmpz_mat_entry(P->A, i, w * T->G + j), fmpz_mat_entry(base->A, i, j));
        fmpz_set(P->b + i, base->b + i);
    }
    for (j = 0; j < base->N; j++)
        fmpz_set(P->c + w * T->G + j, base->c + j);
}

/* base with +-e_i columns at cost (cost), or none. */
static void
slack_lp(wc_lp_t B, slong m, const fmpz * b, int slacks, slong cost)
{
    slong i;

    wc_lp_init(B, m, slacks ? 2 * m : 0);
    for (i = 0; i < m; i++)
    {
        fmpz_set(B->b + i, b + i);
        if (slacks)
        {
            fmpz_one(fmpz_mat_entry(B->A, i, 2 * i));
            fmpz_set_si(fmpz_mat_entry(B->A, i, 2 * i + 1), -1);
            fmpz_set_si(B->c + 2 * i, cost);
            fmpz_set_si(B->c + 2 * i + 1, cost);
        }
    }
}

/* A random row operation on m rows, built as wc_stencil_rowmap builds
 * one (in a random order, the last row first, each step reading rows
 * earlier in the order): coefficients k / 2, |k| <= 4. */
static void
random_rowmap(wc_rowmap_struct * M, slong m, flint_rand_t state)
{
    slong * order = flint_malloc((m + 1) * sizeof(slong)), j[3], t, q, s, e;
    double l[3];

    for (t = 0; t < m; t++)
        order[t] = t;
    for (t = m - 1; t > 0; t--)
    {
        s = (slong) n_randint(state, t + 1);
        e = order[t], order[t] = order[s], order[s] = e;
    }
    wc_rowmap_init(M);
    for (t = m - 1; t >= 1; t--)
    {
        slong k = 1 + (slong) n_randint(state, FLINT_MIN(t, 3));
        if (n_randint(state, 3) == 0)
            continue;
        for (q = 0; q < k; q++)
        {
            do
                j[q] = order[n_randint(state, t)];
            while ((q > 0 && j[q] == j[0]) || (q > 1 && j[q] == j[1]));
            l[q] = ((double) n_randint(state, 9) - 4) / 2;
        }
        wc_rowmap_push(M, order[t], j, l, k);
    }
    flint_free(order);
}

/* The dense matrix of M: the identity with M's steps applied in order as
 * row operations. */
static double *
dense_rowmap(const wc_rowmap_struct * M, slong m)
{
    double * A = flint_calloc(m * m + 1, sizeof(double));
    slong t, q, c;

    for (c = 0; c < m; c++)
        A[c * m + c] = 1;
    for (t = 0; t < M->len; t++)
        for (q = M->start[t]; q < M->start[t + 1]; q++)
            for (c = 0; c < m; c++)
                A[M->r[t] * m + c] -= M->l[q] * A[M->j[q] * m + c];
    return A;
}

/* The textbook scaling wc_lp_scale must give (lp.h): column j's scale
 * 2^-cexp_j with cexp_j its largest bit length, row i's 2^-rexp_i with
 * rexp_i the largest bits - cexp_j in it, an entry a as mant(a)
 * 2^(bits(a) - cexp_j - rexp_i), exponents beyond +-900 clamped (above) or
 * flushed to 0 (below). */
static double
textbook_scaled(const fmpz_t a, slong e)
{
    slong ea;
    double m = fmpz_get_d_2exp(&ea, a);

    ea += e;
    return ea > 900 ? ldexp(m, 900) : ea < -900 ? 0.0 : ldexp(m, (int) ea);
}

static void
check_scale(flint_rand_t state)
{
    slong iter;

    TEST_BEGIN("scale: wc_lp_scale = the textbook power-of-two scaling, entries to 2^1200");
    for (iter = 0; iter < 300; iter++)
    {
        slong m = 1 + n_randint(state, 12), N = 1 + n_randint(state, 14), i, j, k = 0;
        slong * cexp = flint_malloc(N * sizeof(slong)), * rexp = flint_malloc(m * sizeof(slong));
        slong bits = iter % 4 == 0 ? 1200 : iter % 4 == 1 ? 80 : iter % 4 == 2 ? 54 : 20;
        int ok = 1;
        wc_lp_scaled_struct T;
        wc_lp_t P;

        wc_lp_init(P, m, N);
        for (i = 0; i < m; i++)
            for (j = 0; j < N; j++)
                if (n_randint(state, 3))        /* a third zeros: empty rows, columns */
                    fmpz_randtest(fmpz_mat_entry(P->A, i, j), state, 1 + n_randint(state, bits));
        for (i = 0; i < m; i++)
            fmpz_randtest(P->b + i, state, 1 + n_randint(state, bits));
        for (j = 0; j < N; j++)
            fmpz_randtest_not_zero(P->c + j, state, 1 + n_randint(state, bits));
        wc_lp_scale(&T, P, 0);
        for (j = 0; j < N; j++)
        {
            cexp[j] = 0;
            for (i = 0; i < m; i++)
                cexp[j] = FLINT_MAX(cexp[j], (slong) fmpz_bits(fmpz_mat_entry(P->A, i, j)));
        }
        for (i = 0; i < m; i++)
        {
            rexp[i] = WORD_MIN;
            for (j = 0; j < N; j++)
                if (!fmpz_is_zero(fmpz_mat_entry(P->A, i, j)))
                    rexp[i] = FLINT_MAX(rexp[i],
                                        (slong) fmpz_bits(fmpz_mat_entry(P->A, i, j)) - cexp[j]);
            rexp[i] = rexp[i] == WORD_MIN ? 0 : rexp[i];
            ok &= T.rexp[i] == rexp[i] && T.b[i] == textbook_scaled(P->b + i, -rexp[i]);
        }
        for (j = 0; j < N; j++)
            ok &= T.c[j] == textbook_scaled(P->c + j, -cexp[j] - T.oexp);
        for (i = 0; i < m; i++)         /* the nonzeros, row by row */
            for (j = 0; j < N; j++)
            {
                const fmpz * a = fmpz_mat_entry(P->A, i, j);
                if (fmpz_is_zero(a))
                    continue;
                ok &= k < T.nz && T.row[k] == i && T.col[k] == j
                      && T.val[k] == textbook_scaled(a, -cexp[j] - rexp[i]);
                k++;
            }
        ok &= k == T.nz;
        CHECKF(ok, printf("m=%ld N=%ld bits=%ld\n", m, N, bits));
        wc_lp_scaled_clear(&T);
        wc_lp_clear(P);
        flint_free(cexp);
        flint_free(rexp);
    }
    TEST_END();
}

static void
check_rowmaps(flint_rand_t state)
{
    slong iter, i, c, steps = 0;

    TEST_BEGIN("rowmap: M v, M^T y and the scaled map agree with the dense matrix");
    for (iter = 0; iter < 200; iter++)
    {
        slong m = 1 + n_randint(state, 12);
        double * v = flint_malloc(m * sizeof(double)), * y = flint_malloc(m * sizeof(double));
        double * w = flint_malloc(m * sizeof(double)), * A;
        slong * rexp = flint_malloc(m * sizeof(slong));
        wc_rowmap_struct M, D;
        int ok = 1;

        random_rowmap(&M, m, state);
        A = dense_rowmap(&M, m);
        steps += M.len;
        for (i = 0; i < m; i++)
        {
            v[i] = (double) n_randint(state, 21) - 10;
            y[i] = (double) n_randint(state, 21) - 10;
            rexp[i] = (slong) n_randint(state, 9) - 4;
            w[i] = ldexp(v[i], (int) -rexp[i]);
        }
        wc_rowmap_scale(&D, &M, rexp);
        wc_rowmap_apply(w, &D);     /* diag(2^-rexp) M v */
        for (i = 0; i < m; i++)
        {
            double mv = 0, mty = 0;
            for (c = 0; c < m; c++)
            {
                mv += A[i * m + c] * v[c];
                mty += A[c * m + i] * y[c];
            }
            ok &= ldexp(mv, (int) -rexp[i]) == w[i];
            w[i] = mty;
        }
        wc_rowmap_dual(y, &M, m);
        for (i = 0; i < m; i++)
            ok &= y[i] == w[i];
        CHECKF(ok, printf("    m = %ld, %ld steps\n", m, M.len));
        flint_free(D.l);
        wc_rowmap_clear(&M);
        flint_free(A);
        flint_free(v);
        flint_free(y);
        flint_free(w);
        flint_free(rexp);
    }
    CHECKF(steps > 200, printf("    %ld steps in all\n", steps));
    TEST_END();

    TEST_BEGIN("rowmap: an entry that cancels up to rounding is an exact zero");
    {
        /* 0.1 - (0.1 / 11) 11 is -2^-56 in doubles, a zero of exact
           arithmetic that rounding left */
        slong j = 1;
        volatile double l = 0.1 / 11, v[2] = { 0.1, 11 };
        double u[2] = { 0.1, 11 };
        wc_rowmap_struct M;

        CHECK(v[0] - l * v[1] != 0);
        wc_rowmap_init(&M);
        wc_rowmap_push(&M, 0, &j, (const double *) &l, 1);
        wc_rowmap_apply(u, &M);
        CHECK(u[0] == 0 && u[1] == 11);
        wc_rowmap_clear(&M);
    }
    TEST_END();
}

int
main(void)
{
    flint_rand_t state;
    slong iter, infeasible = 0, optimal = 0, guided = 0, mapped = 0, noise = 0;

    flint_randinit(state);
    check_scale(state);
    check_rowmaps(state);
    TEST_BEGIN("colgen: the engine with a toy dictionary agrees with the full LP");
    for (iter = 0; iter < 300; iter++)
    {
        toy_dict T;
        /* a third of the instances: many rows, one member a round, so
           that the working LP stays infeasible long enough for the guide */
        int longer = (iter % 3 == 0);
        slong m = longer ? 8 + n_randint(state, 5) : 1 + n_randint(state, 5), i, u, j, w;
        fmpz * b = _fmpz_vec_init(m);
        int slacks = n_randint(state, 2), use_guide = n_randint(state, 2), engine;
        int nonneg = !slacks && n_randint(state, 2);
        char why[128];
        wc_lp_t base, guide, P, Q;
        wc_lp_solution_t S, F;
        wc_colgen_t C;
        wc_colgen_dict_struct V;
        wc_rowmap_struct rows;
        wc_error_t err;

        w = nonneg ? 1 : 1 + n_randint(state, 2);
        toy_init(&T, m, 1 + n_randint(state, 60), w, longer ? 1 : 1 + n_randint(state, 6));
        for (u = 0; u < T.G; u++)
        {
            for (i = 0; i < m; i++)
                fmpz_set_si(fmpz_mat_entry(T.A, i, u), nonneg ? (slong) n_randint(state, 6)
                                                       : (slong) n_randint(state, 11) - 5);
            fmpz_set_ui(T.c + u, 1 + n_randint(state, 9));
        }
        for (i = 0; i < m; i++)
            fmpz_set_si(b + i, (slong) n_randint(state, 21) - 10);
        slack_lp(base, m, b, slacks, 1 + (slong) n_randint(state, 20));
        slack_lp(guide, m, b, 1, 1);

        full_lp(P, &T, base);
        wc_lp_solution_init(F, P->m, P->N);
        CHECKF(wc_lp_solve_simplex(F, P, WC_METHOD_AUTO, NULL, NULL, err) == WC_OK,
               (print_toy(&T, base), printf("    %s\n", err->msg)));

        /* width 2 eager: one sign a member */
        toy_colgen_dict(&V, &T, base, use_guide ? guide : NULL, (int) n_randint(state, 3));
        wc_colgen_init(C);
        wc_lp_init(Q, 0, 0);
        wc_lp_solution_init(S, 0, 0);
        engine = wc_lp_engine_available(WC_ENGINE_CLP) && n_randint(state, 2)
                 ? WC_ENGINE_CLP : WC_ENGINE_GLPK;
        if (engine == WC_ENGINE_CLP && n_randint(state, 2))
        {
            random_rowmap(&rows, m, state);
            V.rows = &rows;
            mapped++;
        }
        if (wc_colgen_solve(C, Q, S, &V, (int) n_randint(state, 3), engine, NULL, NULL, err)
            != WC_OK)
            CHECKF(0, (print_toy(&T, base), printf("    %s\n", err->msg)));
        else
        {
            fmpq * x = _fmpq_vec_init(P->N);
            int ok = 1;

            for (u = 0; u < C->len; u++)
            {
                ok &= C->keys[u] < (ulong) T.G;
                for (j = 0; j < u; j++)
                    ok &= C->keys[j] != C->keys[u];
            }
            CHECKF(ok, (print_toy(&T, base), printf("    a key twice, or not a member\n")));
            CHECKF(S->status == F->status,
                   (print_toy(&T, base), printf("    engine %d, full LP %d\n", S->status, F->status)));
            if (ok && S->status == WC_LP_OPTIMAL)
            {
                optimal++;
                for (u = 0; u < C->len; u++)
                    for (j = 0; j < w; j++)
                        fmpq_add(x + w * C->keys[u] + j, x + w * C->keys[u] + j, S->x + w * u + j);
                for (j = 0; j < base->N; j++)
                    fmpq_set(x + w * T.G + j, S->x + w * C->len + j);
                CHECKF(wc_lp_check_optimal(P, x, S->y, why, sizeof(why)),
                       (print_toy(&T, base), printf("    %s\n", why)));
                CHECKF(F->status != WC_LP_OPTIMAL || fmpq_equal(S->value, F->value),
                       (print_toy(&T, base), printf("    values: "), fmpq_print(S->value),
                        printf(" vs "), fmpq_print(F->value), printf("\n")));
            }
            else if (S->status == WC_LP_INFEASIBLE)
            {
                infeasible++;
                CHECKF(wc_lp_check_farkas(P, S->y, why, sizeof(why)),
                       (print_toy(&T, base), printf("    %s\n", why)));
            }
            guided += T.count_guide > 0;
            _fmpq_vec_clear(x, P->N);
        }
        if (V.rows != NULL)
            wc_rowmap_clear(&rows);
        wc_colgen_clear(C);
        wc_lp_solution_clear(S);
        wc_lp_solution_clear(F);
        wc_lp_clear(Q);
        wc_lp_clear(P);
        wc_lp_clear(base);
        wc_lp_clear(guide);
        toy_clear(&T);
        _fmpz_vec_clear(b, m);
    }
    /* the instances reach both answers (the test can fail both ways) */
    CHECKF(optimal > 30 && infeasible > 30 && guided > 0
           && (mapped > 30 || !wc_lp_engine_available(WC_ENGINE_CLP)),
           printf("    %ld optimal, %ld infeasible, %ld mapped\n", optimal, infeasible, mapped));
    TEST_END();
    printf("    (%ld optimal, %ld infeasible, %ld priced a guide dual, %ld Clp under a row map)\n",
           optimal, infeasible, guided, mapped);

    TEST_BEGIN("colgen: a guide pricing's rounding noise, atoms the engine does not take, "
               "ends in a certified round");
    for (iter = 0; iter < 60; iter++)
    {
        toy_dict T;
        slong m = 1 + n_randint(state, 5), i, u, rounds[2], noisy;
        fmpz * b = _fmpz_vec_init(m);
        int engine = wc_lp_engine_available(WC_ENGINE_CLP) && iter % 2 ? WC_ENGINE_CLP
                                                                        : WC_ENGINE_GLPK;
        fmpq_t value[2];
        wc_lp_t base, Q;
        wc_lp_solution_t S;
        wc_colgen_t C;
        wc_colgen_dict_struct V;
        wc_error_t err;

        toy_init(&T, m, 200 + 1 + n_randint(state, 30), 2, 2 + n_randint(state, 5));
        T.live = T.G - 200;         /* 200 members the noise returns */
        for (u = 0; u < T.G; u++)
        {
            for (i = 0; i < m; i++)
                fmpz_set_si(fmpz_mat_entry(T.A, i, u), (slong) n_randint(state, 11) - 5);
            if (u < T.live)
                fmpz_set_ui(T.c + u, 1 + n_randint(state, 9));
            else    /* Hadamard: |y_i| <= (5 sqrt 5)^4 20 sqrt 5 < 10^6, |a^T y| < 10^9 */
                fmpz_set_ui(T.c + u, 1000000000);
        }
        for (i = 0; i < m; i++)
            fmpz_set_si(b + i, (slong) n_randint(state, 21) - 10);
        slack_lp(base, m, b, 1, 1 + (slong) n_randint(state, 20));
        toy_colgen_dict(&V, &T, base, NULL, (int) n_randint(state, 3));
        for (noisy = 0; noisy < 2; noisy++)
        {
            T.next = T.next_noise = 0;
            T.count_guide = 0;
            T.noise = noisy;
            fmpq_init(value[noisy]);
            wc_colgen_init(C);
            wc_lp_init(Q, 0, 0);
            wc_lp_solution_init(S, 0, 0);
            rounds[noisy] = -1;
            if (wc_colgen_solve(C, Q, S, &V, WC_METHOD_AUTO, engine, NULL, NULL, err) == WC_OK
                && S->status == WC_LP_OPTIMAL)
            {
                rounds[noisy] = C->rounds;
                fmpq_set(value[noisy], S->value);
            }
            wc_colgen_clear(C);
            wc_lp_solution_clear(S);
            wc_lp_clear(Q);
        }
        noise += T.noise > 1;
        /* each noisy guide pricing is answered by a certified round next,
           where the clean run certified at once */
        CHECKF(rounds[0] > 0 && rounds[1] > 0 && fmpq_equal(value[0], value[1])
               && rounds[1] <= 2 * rounds[0] + 2,
               (print_toy(&T, base),
                printf("    rounds %ld clean, %ld noisy (%ld noise), engine %d\n",
                       rounds[0], rounds[1], T.noise - 1, engine)));
        fmpq_clear(value[0]);
        fmpq_clear(value[1]);
        wc_lp_clear(base);
        toy_clear(&T);
        _fmpz_vec_clear(b, m);
    }
    CHECKF(noise > 10, printf("    noise in %ld instances\n", noise));
    TEST_END();

    TEST_BEGIN("colgen: wc_lp_solve_colgen agrees with wc_lp_solve_simplex");
    for (iter = 0; iter < 100; iter++)
    {
        slong m = 1 + n_randint(state, 5), N = 1 + n_randint(state, 80), i, j;
        char why[128];
        wc_lp_t P;
        wc_lp_solution_t S1, S2;
        wc_error_t err;

        wc_lp_init(P, m, N);
        for (i = 0; i < m; i++)
        {
            for (j = 0; j < N; j++)
                fmpz_set_si(fmpz_mat_entry(P->A, i, j), (slong) n_randint(state, 9) - 4);
            fmpz_set_si(P->b + i, (slong) n_randint(state, 15) - 7);
        }
        for (j = 0; j < N; j++)
            fmpz_set_ui(P->c + j, n_randint(state, 6));
        wc_lp_solution_init(S1, m, N);
        wc_lp_solution_init(S2, m, N);
        if (wc_lp_solve_simplex(S1, P, WC_METHOD_AUTO, NULL, NULL, err) != WC_OK
            || wc_lp_solve_colgen(S2, P, WC_METHOD_AUTO, NULL, NULL, err) != WC_OK)
            CHECKF(0, printf("    %s\n", err->msg));
        else
        {
            /* an unbounded LP (no dual) is not this layer's input: c >= 0
               keeps every LP here bounded below by 0 */
            CHECKF(S1->status == S2->status
                   && (S2->status != WC_LP_OPTIMAL || fmpq_equal(S1->value, S2->value))
                   && (S2->status == WC_LP_OPTIMAL
                       ? wc_lp_check_optimal(P, S2->x, S2->y, why, sizeof(why))
                       : wc_lp_check_farkas(P, S2->y, why, sizeof(why))),
                   (printf("    m = %ld, N = %ld, A =\n", m, N), fmpz_mat_print_pretty(P->A),
                    printf("\n")));
        }
        wc_lp_solution_clear(S1);
        wc_lp_solution_clear(S2);
        wc_lp_clear(P);
    }
    TEST_END();

    flint_randclear(state);
    flint_cleanup();
    TESTS_DONE();
}
