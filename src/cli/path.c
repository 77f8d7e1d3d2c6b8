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
"                   [--max-atoms N] [--quiet]\n"
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
"               \"alpha\"}]}], \"intercept_free\", \"dictionary_size\"}\n"
"    --bias, --intercept, --max-atoms, --quiet   as for 'wedgecert solve'\n";

int
cmd_path(int argc, char ** argv)
{
    cli_args_t A;
    wc_data_t D;
    wc_dict_t V;
    wc_lasso_path_t P;
    wc_error_t err;
    fmpq * z;
    fmpq_t xi, zero;
    slong k, a, d;
    int status = cli_parse_args(&A, argc, argv, "path", path_usage, CLI_OPT_SOLVER);

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
    wc_lasso_path_init(P);
    fmpq_init(xi);
    fmpq_init(zero);
    if (cli_read_data(D, &A))
    {
        status = EXIT_DATA;
        goto cleanup;
    }
    if (wc_dict_build(V, D, A.p->bias, WC_DICT_FULL, A.p->max_atoms,
                      A.p->progress, A.p->progress_ctx, err) != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A.path, err->msg);
        status = EXIT_DATA;
        goto cleanup;
    }
    z = _fmpq_vec_init(V->len + 1);
    if (wc_lasso_path(P, z, xi, D, V, A.p->bias || A.p->intercept, zero,
                      A.p->progress, A.p->progress_ctx, err) != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A.path, err->msg);
        status = EXIT_SOLVER;
        _fmpq_vec_clear(z, V->len + 1);
        goto cleanup;
    }
    _fmpq_vec_clear(z, V->len + 1);
    d = D->d;

    if (A.json)
        printf("{\"intercept_free\": %s, \"dictionary_size\": %ld, \"breakpoints\": [",
               (A.p->bias || A.p->intercept) ? "true" : "false", V->len);
    else
        printf("exact Lasso path over %ld atoms, %ld breakpoints\n", V->len, P->len);
    for (k = 0; k < P->len; k++)
    {
        const wc_lasso_point_struct * q = P->point + k;

        if (A.json)
        {
            printf("%s{\"beta\": ", k ? ", " : "");
            cli_json_fmpq(stdout, q->beta);
            printf(", \"beta_approx\": ");
            cli_json_approx(stdout, q->beta);
            printf(", \"value\": ");
            cli_json_fmpq(stdout, q->value);
            printf(", \"value_approx\": ");
            cli_json_approx(stdout, q->value);
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
            if (A.json)
            {
                printf("%s{\"coords\": ", a ? ", " : "");
                cli_json_index_list(stdout, V->T + u * d, V->k[u]);
                printf(", \"samples\": ");
                cli_json_index_list(stdout, V->S + u * d, wc_dict_nsamples(V, u));
                printf(", \"sign\": %d, \"alpha\": ", V->sign[u]);
                cli_json_fmpq(stdout, q->z + a);
                printf("}");
            }
            else
            {
                slong t;
                printf("    alpha = ");
                cli_text_fmpq(stdout, q->z + a);
                printf("   [T = {");
                for (t = 0; t < V->k[u]; t++)
                    printf("%s%ld", t ? "," : "", V->T[u * d + t]);
                printf("}, S = {");
                for (t = 0; t < wc_dict_nsamples(V, u); t++)
                    printf("%s%ld", t ? "," : "", V->S[u * d + t]);
                printf("}, %c]\n", V->sign[u] > 0 ? '+' : '-');
            }
        }
        if (A.json)
            printf("]}");
    }
    if (A.json)
        printf("]}\n");

cleanup:
    fmpq_clear(xi);
    fmpq_clear(zero);
    wc_lasso_path_clear(P);
    wc_dict_clear(V);
    wc_data_clear(D);
    cli_args_clear(&A);
    return status;
}
