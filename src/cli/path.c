/*
 * path.c -- 'wedgecert path DATA': the exact regularisation path of the
 * squared loss.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "cli.h"

static const char path_usage[] =
"NAME\n"
"    wedgecert path - the exact Lasso regularisation path (squared loss)\n"
"\n"
"SYNOPSIS\n"
"    wedgecert path DATA [--bias] [--intercept] [--loss squared] [--json]\n"
"                   [--max-atoms N] [--svg FILE] [--depth L] [--quiet]\n"
"\n"
"DESCRIPTION\n"
"    Follows the minimisers of (1/2) sum_i (f(x_i) - y_i)^2 + beta R over the\n"
"    complete vertex dictionary from beta_0 = max_u |k_u^T (y - mean)|, where\n"
"    the network is empty, down to beta = 0.  Between two breakpoints every\n"
"    output weight is affine in beta; at each breakpoint (exact) the output\n"
"    lists the optimal value and the active atoms with their signs and\n"
"    weights.  At beta = 0 the path meets the minimum-norm interpolant\n"
"    (the optimum of --loss interp).\n"
"\n"
"OPTIONS\n"
"    --json     {\"breakpoints\": [{\"beta\", \"beta_approx\", \"value\",\n"
"               \"value_approx\", \"active\": [{\"coords\", \"samples\", \"sign\",\n"
"               \"alpha\"}]}], \"pieces\": [{\"beta_from\", \"beta_to\",\n"
"               \"value_quadratic\": [c0, c1, c2]}] (the value is\n"
"               c2 beta^2 + c1 beta + c0 on the piece), \"intercept_free\",\n"
"               \"dictionary_size\"}\n"
"    --depth L   the path of a deep network in 1-D over the reflection\n"
"                dictionary of depth L (2, 3, 4; biases implied): breakpoints\n"
"                name features by signs, samples j and reflection flag k\n"
"    --svg FILE  a picture: the optimal value (above) and every coefficient\n"
"                (below) against beta, breakpoints dashed\n"
"    --bias, --intercept, --max-atoms, --quiet   as for 'wedgecert solve'\n";


/* The origin of column u: an atom of V, or (M != NULL) a feature of the
 * reflection dictionary, '"signs": "+-", "samples": [j...], "reflection": k'. */
static void
print_origin(const wc_dict_t V, const wc_mirrors_struct * M, slong u, int json)
{
    slong l, L1 = M != NULL ? M->L - 1 : 0;

    if (M == NULL)
    {
        (json ? cli_json_origin : cli_text_origin)(stdout, V, u);
        return;
    }
    printf(json ? "\"signs\": \"" : "s = ");
    for (l = 0; l < L1; l++)
        putchar(M->s[u * L1 + l] > 0 ? '+' : '-');
    printf(json ? "\", \"samples\": [" : ", j = (");
    for (l = 0; l < L1; l++)
        printf("%s%ld", l ? (json ? ", " : ",") : "", M->j[u * L1 + l]);
    printf(json ? "], \"reflection\": %d" : "), k = %d", M->k[u]);
}

/* The breakpoints of P, each with its active atoms (of V, or features of
 * M), JSON or text. */
static void
print_breakpoints(const wc_lasso_path_t P, const wc_dict_t V, const wc_mirrors_struct * M,
                  int json, int intercept)
{
    slong k, a, size = M != NULL ? M->len : V->len;

    if (json)
        printf("{\"intercept_free\": %s, \"dictionary_size\": %ld, \"breakpoints\": [",
               intercept ? "true" : "false", size);
    else
        printf("exact Lasso path over %ld %s, %ld breakpoints\n", size,
               M != NULL ? "features of the reflection dictionary" : "atoms", P->len);
    for (k = 0; k < P->len; k++)
    {
        const wc_lasso_point_struct * q = P->point + k;

        if (json)
        {
            printf("%s{", k ? ", " : "");
            cli_json_exact(stdout, "beta", q->beta);
            printf(", ");
            cli_json_exact(stdout, "value", q->value);
            printf(", \"active\": [");
        }
        else
        {
            printf("beta = ");
            cli_text_fmpq(stdout, q->beta);
            printf(": value ");
            cli_text_fmpq(stdout, q->value);
            printf(", %ld active\n", q->nactive);
        }
        for (a = 0; a < q->nactive; a++)
        {
            slong u = q->atom[a];
            if (json)
            {
                printf("%s{", a ? ", " : "");
                print_origin(V, M, u, 1);
                printf(", \"alpha\": ");
                cli_json_fmpq(stdout, q->z + a);
                printf("}");
            }
            else
            {
                printf("    alpha = ");
                cli_text_fmpq(stdout, q->z + a);
                printf("   [");
                print_origin(V, M, u, 0);
                printf("]\n");
            }
        }
        if (json)
            printf("]}");
    }
}

/* The value between breakpoints: a quadratic in beta on each piece. */
static void
print_pieces(const wc_lasso_path_t P, const wc_dict_t V, const wc_mirrors_struct * M,
             const wc_data_t D, const wc_problem_t p, int json)
{
    slong k;

    /* the value between breakpoints: a quadratic in beta on each piece */
    if (json)
        printf("], \"pieces\": [");
    for (k = 0; k + 1 < P->len; k++)
    {
        fmpq c[3];

        fmpq_init(c + 0); fmpq_init(c + 1); fmpq_init(c + 2);
        if (M != NULL)
            wc_lasso_piece_quadratic_columns(c, P->point + k, P->point + k + 1, M->col, D, 1);
        else
            wc_lasso_piece_quadratic(c, P->point + k, P->point + k + 1, V, D,
                                     p->bias || p->intercept);
        if (json)
        {
            printf("%s{\"beta_from\": ", k ? ", " : "");
            cli_json_fmpq(stdout, P->point[k].beta);
            printf(", \"beta_to\": ");
            cli_json_fmpq(stdout, P->point[k + 1].beta);
            printf(", \"value_quadratic\": ");
            cli_json_fmpq_list(stdout, c, 3);
            printf("}");
        }
        else
        {
            printf("for beta in [");
            cli_text_fmpq(stdout, P->point[k + 1].beta);
            printf(", ");
            cli_text_fmpq(stdout, P->point[k].beta);
            printf("]: value = (");
            cli_text_fmpq(stdout, c + 2);
            printf(") beta^2 + (");
            cli_text_fmpq(stdout, c + 1);
            printf(") beta + (");
            cli_text_fmpq(stdout, c + 0);
            printf(")\n");
        }
        fmpq_clear(c + 0); fmpq_clear(c + 1); fmpq_clear(c + 2);
    }
    if (json)
        printf("]}\n");
}

/* The picture of the path: the value and every coefficient against beta. */
static int
write_svg(const char * path, const wc_lasso_path_t P, const wc_dict_t V, const wc_data_t D,
          const wc_problem_t p, const char * data)
{
    char l0[200];
    const char * legend[3] = { l0, "above: the optimal value; below: each coefficient", NULL };

    snprintf(l0, sizeof(l0), "%s: the exact Lasso path, %ld breakpoints (dashed)", data, P->len);
    return cli_svg_path(path, P, V, D, p->bias || p->intercept, "wedgecert path", legend);
}

int
cmd_path(int argc, char ** argv)
{
    cli_args A;
    wc_data_t D;
    wc_dict_t V;
    wc_lasso_path_t P;
    wc_error_t err;
    fmpq * z;
    fmpq_t xi, zero;
    int status = cli_parse_args(&A, argc, argv, "path", path_usage,
                                CLI_OPT_SOLVER | CLI_OPT_SVG | CLI_OPT_DEPTH);
    wc_mirrors_t M;

    if (status >= 0)
        return status;
    if (A.p->loss != WC_LOSS_SQUARED && A.p->loss != WC_LOSS_INTERP)
    {
        cli_args_clear(&A);
        return cli_usage_error("path", "the path is for --loss squared only");
    }
    status = EXIT_OK;
    wc_data_init(D);
    wc_dict_init(V);
    wc_mirrors_init(M);
    wc_lasso_path_init(P);
    fmpq_init(xi);
    fmpq_init(zero);
    if (cli_read_data(D, &A, 1))
    {
        status = EXIT_DATA;
        goto cleanup;
    }
    /* the dictionary: V, or with --depth the reflection dictionary */
    if (A.depth != 0 ? wc_mirrors_build(M, D, A.depth, A.p->max_atoms, err) != WC_OK
                     : wc_dict_build(V, D, A.p->bias, WC_DICT_FULL, A.p->max_atoms,
                                     A.p->progress, A.p->progress_ctx, err) != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A.path, err->msg);
        status = EXIT_DATA;
        goto cleanup;
    }
    if (A.depth != 0)
        A.p->bias = 1;          /* the chains' biases and the free intercept */
    z = _fmpq_vec_init((A.depth ? M->len : V->len) + 1);
    status = A.depth != 0
        ? wc_lasso_path_columns(P, z, xi, D, M->col, M->len, 1, zero,
                                A.p->progress, A.p->progress_ctx, err)
        : wc_lasso_path(P, z, xi, D, V, A.p->bias || A.p->intercept, zero,
                        A.p->progress, A.p->progress_ctx, err);
    _fmpq_vec_clear(z, (A.depth ? M->len : V->len) + 1);
    if (status != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A.path, err->msg);
        status = EXIT_SOLVER;
        goto cleanup;
    }
    if (A.svg_path != NULL && A.depth != 0)
    {
        status = cli_usage_error("path", "--svg is not drawn for --depth yet");
        goto cleanup;
    }
    if (A.svg_path != NULL && !write_svg(A.svg_path, P, V, D, A.p, A.path))
    {
        status = EXIT_OUTPUT;
        goto cleanup;
    }
    print_breakpoints(P, V, A.depth ? M : NULL, A.json, A.p->bias || A.p->intercept);
    print_pieces(P, V, A.depth ? M : NULL, D, A.p, A.json);

cleanup:
    fmpq_clear(xi);
    fmpq_clear(zero);
    wc_lasso_path_clear(P);
    wc_mirrors_clear(M);
    wc_dict_clear(V);
    wc_data_clear(D);
    cli_args_clear(&A);
    return status;
}
