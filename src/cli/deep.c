/*
 * deep.c -- 'wedgecert solve DATA --depth L': the certified optimum of a
 * deep ReLU network in 1-D over the reflection dictionary, printed as a
 * deep network of width-1 chains, layer by layer.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "cli.h"

/* Chain j's layer l (1-based, l < L): weight s_l and bias -s_l g_l(a_l). */
static void
chain_layer(fmpq_t b, int * s, const wc_deep_result_t R, const wc_data_t D, slong j, int l)
{
    slong u = R->feature[j], L1 = R->L - 1;
    fmpq * a = _fmpq_vec_init(3);

    wc_mirrors_anchors(a, R->M, D, u);
    wc_mirrors_levels(a, R->L, a, R->M->s + u * L1);           /* in place */
    *s = R->M->s[u * L1 + l - 1];
    fmpq_set(b, a + l - 1);                                     /* g_l(a_l) */
    if (*s > 0)
        fmpq_neg(b, b);
    _fmpq_vec_clear(a, 3);
}

/* The deep network as JSON: hidden layers {"W", "b"} (a ReLU after each),
 * then the last block's neurons and the intercept; chain j is unit j of
 * every layer. */
static void
print_network_json(const wc_deep_result_t R, const wc_data_t D)
{
    slong m = R->nneurons, j, t;
    int l, s;
    fmpq_t b;

    fmpq_init(b);
    printf(", \"layers\": [");
    for (l = 1; l < R->L - 1; l++)
    {
        printf("%s{\"W\": [", l > 1 ? ", " : "");
        for (j = 0; j < m; j++)
        {
            chain_layer(b, &s, R, D, j, l);
            printf("%s[", j ? ", " : "");
            for (t = 0; t < (l == 1 ? 1 : m); t++)
                printf("%s\"%d\"", t ? ", " : "", l == 1 || t == j ? s : 0);
            printf("]");
        }
        printf("], \"b\": [");
        for (j = 0; j < m; j++)
        {
            chain_layer(b, &s, R, D, j, l);
            printf("%s", j ? ", " : "");
            cli_json_fmpq(stdout, b);
        }
        printf("]}");
    }
    printf("], \"neurons\": [");
    for (j = 0; j < m; j++)
    {
        chain_layer(b, &s, R, D, j, R->L - 1);
        printf("%s{\"w\": [", j ? ", " : "");
        for (t = 0; t < (R->L == 2 ? 1 : m); t++)
            printf("%s\"%d\"", t ? ", " : "", R->L == 2 || t == j ? s : 0);
        printf("], \"b\": ");
        cli_json_fmpq(stdout, b);
        printf(", \"alpha\": ");
        cli_json_fmpq(stdout, R->alpha + j);
        printf("}");
    }
    printf("], ");
    cli_json_exact(stdout, "intercept", R->xi);
    fmpq_clear(b);
}

static void
print_json(const wc_deep_result_t R, const wc_data_t D, const wc_problem_t p)
{
    printf("{\"status\": \"%s\", \"verified\": %s, \"n\": %ld, \"d\": 1, \"loss\": \"%s\"",
           R->status == WC_LP_OPTIMAL ? "optimal" : "infeasible", R->verified ? "true" : "false",
           D->n, wc_loss_name(p->loss));
    if (p->loss != WC_LOSS_INTERP)
    {
        printf(", ");
        cli_json_exact(stdout, "beta", p->beta);
    }
    printf(", \"depth\": %d, \"dictionary\": \"mirrors-%d\", \"dictionary_size\": %ld, "
           "\"dictionary_bound\": %lu", R->L, R->L, R->M->len, wc_mirrors_bound(D->n, R->L));
    if (R->status == WC_LP_INFEASIBLE)
    {
        printf(", \"farkas\": ");
        cli_json_fmpq_list(stdout, R->dual, D->n);
        printf("}\n");
        return;
    }
    printf(", ");
    cli_json_exact(stdout, "optimal_value", R->value);
    printf(", \"network_checked\": %s", R->network_checked ? "true" : "false");
    print_network_json(R, D);
    printf(", \"dual\": ");
    cli_json_fmpq_list(stdout, R->dual, D->n);
    printf("}\n");
}

static void
print_text(const wc_deep_result_t R, const wc_data_t D, const wc_problem_t p, const char * path)
{
    slong j;
    int l, s;
    fmpq_t b;

    printf("data: %s (n = %ld samples, d = 1)\n", path, D->n);
    printf("problem: loss %s", wc_loss_name(p->loss));
    if (p->loss != WC_LOSS_INTERP)
    {
        printf(", beta = ");
        cli_text_fmpq(stdout, p->beta);
    }
    printf(", a deep network of depth %d (hidden biases, free intercept)\n", R->L);
    printf("dictionary: the reflection dictionary of depth %d, %ld features (of %lu candidates)\n",
           R->L, R->M->len, wc_mirrors_bound(D->n, R->L));
    if (R->status == WC_LP_INFEASIBLE)
    {
        printf("status: infeasible\nFarkas vector v (checked exactly): ");
        cli_text_fmpq_list(stdout, R->dual, D->n);
        printf("\n");
        return;
    }
    printf("status: optimal\noptimal value = ");
    cli_text_fmpq(stdout, R->value);
    if (R->certified_by == WC_CERT_LASSO_KKT)
        printf("\ncertified: the exact Lasso path down to beta; its KKT conditions checked\n"
               "           exactly over every feature of the reflection dictionary\n");
    else
        printf("\ncertified: exact primal and dual recomputed in FLINT; dual feasible over\n"
               "           every feature of the reflection dictionary (LP duality: proved)\n");
    printf("check: the deep network below, evaluated exactly through its layers on every\n"
           "       sample, reproduces the value: %s\n", R->network_checked ? "yes" : "NO");
    printf("verdict: the optimum over the reflection dictionary, attained by the deep\n"
           "         network below (balanced, its l_%d weight penalty equals sum |alpha|);\n"
           "         that it is the optimum of training any depth-%d network is the\n"
           "         theorem of Zeger, Wang and Pilanci (arXiv 2403.01046), cited, not\n"
           "         proved here\n", R->L, R->L);
    printf("network: %ld chain%s of width 1, intercept xi = ", R->nneurons,
           R->nneurons == 1 ? "" : "s");
    cli_text_fmpq(stdout, R->xi);
    printf("\n");
    fmpq_init(b);
    for (j = 0; j < R->nneurons; j++)
    {
        printf("  chain %ld: alpha = ", j + 1);
        cli_text_fmpq(stdout, R->alpha + j);
        printf("\n");
        for (l = 1; l < R->L; l++)
        {
            chain_layer(b, &s, R, D, j, l);
            if (l == 1)
                printf("    layer 1: h1 = (%sx + ", s > 0 ? "" : "-");
            else
                printf("    layer %d: h%d = (%sh%d + ", l, l, s > 0 ? "" : "-", l - 1);
            cli_text_fmpq(stdout, b);
            printf(")_+\n");
        }
        printf("    output: alpha * h%d\n", R->L - 1);
    }
    fmpq_clear(b);
}

static int
write_cert(const char * path, const wc_deep_result_t R, const wc_data_t D, const wc_problem_t p)
{
    cli_out o;
    FILE * f = cli_out_open(&o, path);

    return f != NULL && cli_out_close(&o, wc_deep_certificate_write(f, R, D, p) == WC_OK,
                                      "certificate");
}

int
cli_solve_deep(cli_args * A, const wc_data_t D)
{
    wc_deep_result_t R;
    wc_error_t err;
    int status = EXIT_OK;

    if (A->lp_path != NULL || A->svg_path != NULL)
        return cli_usage_error("solve", "--depth: --write-lp and --svg are not offered yet");
    if (A->p->dict != WC_DICT_FULL || A->p->columns != WC_COLUMNS_AUTO)
        return cli_usage_error("solve", "--depth has its own dictionary: no --dict or --columns");
    wc_deep_result_init(R);
    if (wc_deep_solve(R, D, A->p, A->depth, err) != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A->path, err->msg);
        status = err->code == WC_ERR_SOLVER ? EXIT_SOLVER : EXIT_DATA;
    }
    else if (A->cert_path != NULL && !write_cert(A->cert_path, R, D, A->p))
        status = EXIT_OUTPUT;
    else if (A->json)
        print_json(R, D, A->p);
    else
        print_text(R, D, A->p, A->path);
    wc_deep_result_clear(R);
    return status;
}

int
cli_compare_depths(cli_args * A, const wc_data_t D)
{
    wc_deep_result_t R[3];
    wc_error_t err;
    int L, status = EXIT_OK;
    fmpq_t gain;

    fmpq_init(gain);
    for (L = 2; L <= A->depth; L++)
        wc_deep_result_init(R[L - 2]);
    for (L = 2; L <= A->depth && status == EXIT_OK; L++)
        if (wc_deep_solve(R[L - 2], D, A->p, L, err) != WC_OK)
        {
            fprintf(stderr, "%s: error: depth %d: %s\n", A->path, L, err->msg);
            status = err->code == WC_ERR_SOLVER ? EXIT_SOLVER : EXIT_DATA;
        }
    if (status == EXIT_OK && A->json)
        printf("{\"loss\": \"%s\", \"depths\": [", wc_loss_name(A->p->loss));
    else if (status == EXIT_OK)
        printf("the exact value of depth (%s loss; each optimum certified over the reflection\n"
               "dictionary of its depth; proofs/DERIVATIONS.md section 10):\n",
               wc_loss_name(A->p->loss));
    for (L = 2; L <= A->depth && status == EXIT_OK; L++)
    {
        const wc_deep_result_struct * r = R[L - 2];
        int feasible = r->status == WC_LP_OPTIMAL;

        if (A->json)
        {
            printf("%s{\"depth\": %d, \"features\": %ld, ", L > 2 ? ", " : "", L, r->M->len);
            if (feasible)
                cli_json_exact(stdout, "value", r->value);
            else
                printf("\"value\": \"infeasible\", \"value_approx\": null");
        }
        else
        {
            printf("  depth %d: %6ld features, optimal value ", L, r->M->len);
            if (feasible)
                cli_text_fmpq(stdout, r->value);
            else
                printf("infeasible");
        }
        if (L > 2 && feasible && R[L - 3]->status == WC_LP_OPTIMAL)
        {
            /* what one more layer gains, exactly */
            fmpq_sub(gain, R[L - 3]->value, r->value);
            if (A->json)
            {
                printf(", ");
                cli_json_exact(stdout, "gain_over_previous", gain);
            }
            else
            {
                printf("   (depth %d gains ", L);
                cli_text_fmpq(stdout, gain);
                printf(")");
            }
        }
        printf(A->json ? "}" : "\n");
    }
    if (status == EXIT_OK && A->json)
        printf("]}\n");
    for (L = 2; L <= A->depth; L++)
        wc_deep_result_clear(R[L - 2]);
    fmpq_clear(gain);
    return status;
}
