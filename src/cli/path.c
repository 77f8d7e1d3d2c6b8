/*
 * path.c -- 'wedgecert path DATA': the exact regularisation path of the
 * squared loss.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "cli.h"

static void
fmpq_div_si_local(fmpq_t x, slong n)
{
    fmpz_t d;

    fmpz_init_set_si(d, n);
    fmpq_div_fmpz(x, x, d);
    fmpz_clear(d);
}

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
"               \"alpha\"}]}], \"pieces\": [{\"beta_from\", \"beta_to\",\n"
"               \"value_quadratic\": [c0, c1, c2]}] (the value is\n"
"               c2 beta^2 + c1 beta + c0 on the piece), \"intercept_free\",\n"
"               \"dictionary_size\"}\n"
"    --bias, --intercept, --max-atoms, --quiet   as for 'wedgecert solve'\n";

/* The optimal value on the piece between breakpoints a and b, as the
 * quadratic c2 beta^2 + c1 beta + c0: z is affine in beta there, so the
 * value is a quadratic, fixed by its values at the two ends and at the
 * midpoint (z the average of the two ends, intercept refitted). */
static void
piece_quadratic(fmpq * c, const wc_lasso_point_struct * a, const wc_lasso_point_struct * b,
                const wc_dict_t V, const wc_data_t D, const wc_problem_t p)
{
    slong n = D->n, m = a->nactive + b->nactive, j, i, len = 0;
    slong * atom = flint_malloc((m + 1) * sizeof(slong));
    fmpq * alpha = _fmpq_vec_init(m + 1), * f = _fmpq_vec_init(n);
    fmpq_t mid, xi, pen, vm, t, h, d1, d2;

    fmpq_init(mid); fmpq_init(xi); fmpq_init(pen); fmpq_init(vm); fmpq_init(t);
    fmpq_init(h); fmpq_init(d1); fmpq_init(d2);
    for (j = 0; j < a->nactive; j++)
    {
        atom[len] = a->atom[j];
        fmpq_div_2exp(alpha + len++, a->z + j, 1);
    }
    for (j = 0; j < b->nactive; j++)
    {
        slong q;
        for (q = 0; q < len && atom[q] != b->atom[j]; q++)
            ;
        if (q == len)
            atom[len++] = b->atom[j];
        fmpq_div_2exp(t, b->z + j, 1);
        fmpq_add(alpha + q, alpha + q, t);
    }
    fmpq_add(mid, a->beta, b->beta);
    fmpq_div_2exp(mid, mid, 1);
    wc_network_outputs(f, V, atom, alpha, len, xi, D);
    if (p->bias || p->intercept)
    {
        for (i = 0; i < n; i++)
        {
            fmpq_sub(t, D->y + i, f + i);
            fmpq_add(xi, xi, t);
        }
        fmpq_div_si_local(xi, n);
        for (i = 0; i < n; i++)
            fmpq_add(f + i, f + i, xi);
    }
    for (j = 0; j < len; j++)
    {
        fmpq_abs(t, alpha + j);
        fmpq_add(pen, pen, t);
    }
    {
        wc_problem_t q;
        wc_problem_init(q);
        q->loss = WC_LOSS_SQUARED;
        fmpq_set(q->beta, mid);
        wc_training_objective(vm, f, pen, D, q);
        wc_problem_clear(q);
    }
    /* through (b, vb), (mid, vm), (a, va) with h = (a - b) / 2:
       c2 = (va - 2 vm + vb) / (2 h^2), slope at mid = (va - vb) / (2 h) */
    fmpq_sub(h, a->beta, b->beta);
    fmpq_div_2exp(h, h, 1);
    fmpq_add(d2, a->value, b->value);
    fmpq_sub(d2, d2, vm);
    fmpq_sub(d2, d2, vm);
    fmpq_mul(t, h, h);
    fmpq_mul_2exp(t, t, 1);
    fmpq_div(c + 2, d2, t);
    fmpq_sub(d1, a->value, b->value);
    fmpq_div(d1, d1, h);
    fmpq_div_2exp(d1, d1, 1);                  /* slope at mid */
    fmpq_mul(t, c + 2, mid);
    fmpq_mul_2exp(t, t, 1);
    fmpq_sub(c + 1, d1, t);                    /* c1 = slope - 2 c2 mid */
    fmpq_mul(t, c + 2, mid);
    fmpq_mul(t, t, mid);
    fmpq_sub(c + 0, vm, t);
    fmpq_mul(t, c + 1, mid);
    fmpq_sub(c + 0, c + 0, t);                 /* c0 = vm - c2 mid^2 - c1 mid */

    fmpq_clear(mid); fmpq_clear(xi); fmpq_clear(pen); fmpq_clear(vm); fmpq_clear(t);
    fmpq_clear(h); fmpq_clear(d1); fmpq_clear(d2);
    _fmpq_vec_clear(alpha, m + 1);
    _fmpq_vec_clear(f, n);
    flint_free(atom);
}

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
    slong k, a;
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
    if (cli_read_data(D, &A, 1))
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
            if (A.json)
            {
                printf("%s{", a ? ", " : "");
                cli_json_origin(stdout, V, u);
                printf(", \"alpha\": ");
                cli_json_fmpq(stdout, q->z + a);
                printf("}");
            }
            else
            {
                printf("    alpha = ");
                cli_text_fmpq(stdout, q->z + a);
                printf("   [");
                cli_text_origin(stdout, V, u);
                printf("]\n");
            }
        }
        if (A.json)
            printf("]}");
    }
    /* the value between breakpoints: a quadratic in beta on each piece */
    if (A.json)
        printf("], \"pieces\": [");
    for (k = 0; k + 1 < P->len; k++)
    {
        fmpq c[3];

        fmpq_init(c + 0); fmpq_init(c + 1); fmpq_init(c + 2);
        piece_quadratic(c, P->point + k, P->point + k + 1, V, D, A.p);
        if (A.json)
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
