/*
 * checknet.c -- 'wedgecert check-net DATA NET': a network from somebody
 * else's solver against the certified optimum.
 *
 * NET is read exactly: decimals mean what is written, hex floats (%a) and
 * p/q too; --binary64 rounds each number to the nearest double first (what
 * the solver really held).  Then everything is exact arithmetic.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <mpfr.h>
#include <flint/fmpq_vec.h>
#include "cli.h"

static const char checknet_usage[] =
"NAME\n"
"    wedgecert check-net - compare a trained network with the exact optimum\n"
"\n"
"SYNOPSIS\n"
"    wedgecert check-net DATA NET [--bias] [--intercept] [--loss L] [--beta Q]\n"
"                        [--binary64] [--json] [--svg FILE] [--quiet]\n"
"                        [--penalty l2 [--tolerance Q]]\n"
"\n"
"DESCRIPTION\n"
"    NET is a two-layer ReLU network f(x) = sum_j alpha_j (x^T w_j + b_j)_+ + xi,\n"
"    either JSON in the shape of 'solve --json' ({\"neurons\": [{\"w\": [...],\n"
"    \"b\": ..., \"alpha\": ...}], \"intercept\": ...}, numbers as JSON numbers\n"
"    or strings) or CSV: one neuron a row 'w_1,...,w_d,b,alpha' and a row\n"
"    'intercept,xi'.  Numbers may be decimals, p/q or hex floats (%a).\n"
"    NET may be a deep network: JSON with \"layers\" (as 'solve --trunk'\n"
"    prints it); its last block is then compared with the optimum given its\n"
"    trunk, and each hidden unit is reported with its nearest atom of the\n"
"    vertex dictionary of its layer's input (a diagnostic).\n"
"    Reports, exactly (approximations beside): the network's training\n"
"    objective loss(f) + beta sum |alpha_j| ||w_j||_1, the certified optimum\n"
"    over the complete vertex dictionary, the absolute and relative gap,\n"
"    for interp the worst violation max |f(x_i) - y_i|, and for each neuron\n"
"    the nearest atom of V (l1 distance of the directions normalised to\n"
"    ||w||_1 = 1), so one sees whether training found the wedge neurons.\n"
"\n"
"OPTIONS\n"
"    --penalty l2  weight decay (d <= 3): the network's objective enclosed\n"
"                (MPFR), the optimum bracketed (as 'solve --penalty l2'), and\n"
"                the gap as a bracket: JSON network_objective_lower/_upper,\n"
"                optimum_lower_bound/_upper_bound, gap_lower, gap_upper\n"
"    --binary64  round every number of NET to the nearest double first;\n"
"                by default 0.1 means exactly 1/10\n"
"    --json      one JSON object: \"objective\", \"penalty\", \"optimal_value\",\n"
"                \"gap\", \"relative_gap\" (each with _approx; objective and\n"
"                gaps null for interp when the network does not\n"
"                interpolate: it has no finite objective), \"max_violation\",\n"
"                \"optimal\" (true only for an exactly optimal network),\n"
"                \"neurons\": [{\"nearest\": {...}, \"distance\"}]\n"
"    --svg FILE  a picture (d = 1 or 2) of the given network on the data,\n"
"                with its objective and the certified optimum\n"
"    The problem options are those of 'wedgecert solve'.\n";

/* ----------------------------------------------------------------- main */

static void
report_json(const wc_net_report_struct * r, const wc_network_t N, const wc_data_t D,
            const wc_result_t Rv, ulong max_atoms)
{
    slong n = D->n, d = Rv->V->d, j, u;
    fmpq * wu = _fmpq_vec_init(d);
    fmpq_t bu;

    fmpq_init(bu);
    /* a network that does not interpolate has no objective (it is
       infinite) and no gap: only its penalty and its violation */
    printf("{");
    if (r->feasible)
        cli_json_exact(stdout, "objective", r->obj);
    else
        printf("\"objective\": null, \"objective_approx\": null");
    printf(", ");
    cli_json_exact(stdout, "penalty", r->penalty);
    printf(", ");
    cli_json_exact(stdout, "optimal_value", Rv->value);
    printf(", ");
    if (r->feasible)
        cli_json_exact(stdout, "gap", r->gap);
    else
        printf("\"gap\": null, \"gap_approx\": null");
    printf(", ");
    if (fmpq_is_zero(Rv->value) || !r->feasible)
        printf("\"relative_gap\": null, \"relative_gap_approx\": null");
    else
        cli_json_exact(stdout, "relative_gap", r->rel);
    printf(", \"feasible\": %s, ", r->feasible ? "true" : "false");
    cli_json_exact(stdout, "max_violation", r->viol);
    printf(", \"optimal\": %s, \"outputs\": ", r->optimal ? "true" : "false");
    cli_json_fmpq_list(stdout, r->f, n);
    printf(", \"neurons\": [");
    for (j = 0; j < N->m; j++)
    {
        printf("%s{\"nearest\": ", j ? ", " : "");
        if (r->nearest[j] < 0)
        {
            printf("null, \"distance\": null, \"distance_approx\": null}");
            continue;
        }
        u = r->nearest[j];
        wc_dict_direction(wu, bu, Rv->V, u);
        printf("{");
        cli_json_origin(stdout, Rv->V, u);
        printf(", \"w\": ");
        cli_json_fmpq_list(stdout, wu, d);
        printf(", \"b\": ");
        cli_json_fmpq(stdout, bu);
        printf("}, ");
        cli_json_exact(stdout, "distance", r->ndist + j);
        printf("}");
    }
    printf("]");
    if (N->nlayers > 0)
        cli_hidden_layers(N, D, max_atoms, 1);
    printf("}\n");
    fmpq_clear(bu);
    _fmpq_vec_clear(wu, d);
}

static void
report_text(const wc_net_report_struct * r, const wc_network_t N, const wc_result_t Rv, int loss,
            const char * net_path)
{
    slong j, u;

    printf("network: %ld neuron%s from %s\n", N->m, N->m == 1 ? "" : "s", net_path);
    if (r->feasible)
    {
        printf("objective of the given network = ");
        cli_text_fmpq(stdout, r->obj);
    }
    else
    {
        printf("the given network does not interpolate: its objective is infinite and\n"
               "there is no gap to the optimum; its penalty R = ");
        cli_text_fmpq(stdout, r->penalty);
    }
    printf("\ncertified optimum (complete dictionary) = ");
    cli_text_fmpq(stdout, Rv->value);
    if (r->feasible)
    {
        printf("\ngap = ");
        cli_text_fmpq(stdout, r->gap);
        if (!fmpq_is_zero(Rv->value))
        {
            printf(", relative gap = ");
            cli_text_fmpq(stdout, r->rel);
        }
    }
    printf("\n");
    if (loss == WC_LOSS_INTERP)
    {
        printf("worst interpolation violation max |f(x_i) - y_i| = ");
        cli_text_fmpq(stdout, r->viol);
        printf("\n");
    }
    printf("verdict: %s\n", r->optimal ? "exactly optimal"
           : r->feasible ? "not optimal" : "infeasible (does not interpolate)");
    if (N->nlayers > 0)
        printf("         (its last block, against the optimum given its %ld hidden layer%s:\n"
               "         nothing is claimed of the trunk itself)\n", N->nlayers,
               N->nlayers == 1 ? "" : "s");
    for (j = 0; j < N->m; j++)
    {
        if (r->nearest[j] < 0)
        {
            printf("  neuron %ld: w = 0, no direction\n", j + 1);
            continue;
        }
        u = r->nearest[j];
        printf("  neuron %ld: nearest atom ", j + 1);
        cli_text_origin(stdout, Rv->V, u);
        printf(" at l1 distance ");
        cli_text_fmpq(stdout, r->ndist + j);
        printf("\n");
    }
}

/* 0 (with the reason) if N has biases or an intercept the problem has not */
static int
net_fits(const wc_network_t N, const wc_problem_t p, const char * net_path)
{
    for (slong j = 0; j < N->m; j++)
        if (!fmpq_is_zero(N->b + j) && !p->bias)
        {
            fprintf(stderr, "%s: error: neuron %ld has a bias b != 0, but the problem has "
                    "no hidden biases (use --bias)\n", net_path, j + 1);
            return 0;
        }
    if (!fmpq_is_zero(N->xi) && !p->bias && !p->intercept)
    {
        fprintf(stderr, "%s: error: the network has an intercept, but the problem has none "
                "(use --intercept or --bias)\n", net_path);
        return 0;
    }
    return 1;
}

int
cmd_check_net(int argc, char ** argv)
{
    cli_args A;
    wc_data_t D, F;
    wc_result_t R;
    wc_error_t err;
    wc_network_t N;
    char ** rest = flint_malloc((argc + 1) * sizeof(char *));
    const char * net_path = NULL;
    int i, nrest = 0, binary64 = 0, status, positional = 0;
    slong d;

    /* NET (the second positional argument) and --binary64 are ours; the
       rest is the shared problem syntax */
    for (i = 0; i < argc; i++)
    {
        int value = i > 1 && cli_option_takes_value(argv[i - 1], CLI_OPT_SOLVER | CLI_OPT_SVG);
        if (i > 0 && strcmp(argv[i], "--binary64") == 0)
            binary64 = 1;
        else if (i > 0 && !value && (argv[i][0] != '-' || argv[i][1] == '\0') && ++positional == 2)
            net_path = argv[i];
        else
            rest[nrest++] = argv[i];
    }
    status = cli_parse_args(&A, nrest, rest, "check-net", checknet_usage,
                            CLI_OPT_SOLVER | CLI_OPT_SVG);
    flint_free(rest);
    if (status >= 0)
        return status;
    if (net_path == NULL)
    {
        cli_args_clear(&A);
        return cli_usage_error("check-net", "expected DATA and NET files");
    }
    wc_data_init(D);
    wc_data_init(F);
    wc_result_init(R);
    wc_network_init(N, 0);
    status = EXIT_OK;
    if (cli_read_data(D, &A, 1))
    {
        status = EXIT_DATA;
        goto cleanup;
    }
    d = D->d;
    wc_network_clear(N);
    wc_network_init(N, d);
    if (wc_network_read(N, net_path, binary64, err) != WC_OK)
    {
        fprintf(stderr, "%s\n", err->msg);
        status = EXIT_DATA;
        goto cleanup;
    }
    if (!net_fits(N, A.p, net_path))
    {
        status = EXIT_DATA;
        goto cleanup;
    }
    if (A.p->penalty == WC_PENALTY_L2)
    {
        status = cli_checknet_l2(&A, D, N);
        goto cleanup;
    }
    A.p->dict = WC_DICT_FULL;
    /* the nearest atoms are searched in V itself: it must be built */
    if (A.p->columns != WC_COLUMNS_AUTO && A.p->columns != WC_COLUMNS_FULL)
    {
        fprintf(stderr, "wedgecert check-net: error: needs --columns full (the nearest "
                "atoms are searched in the whole dictionary)\n");
        status = EXIT_USAGE;
        goto cleanup;
    }
    A.p->columns = WC_COLUMNS_FULL;
    /* a deep network: its last block against the optimum given its trunk */
    if (N->nlayers > 0)
        cli_features(F, N, D);
    if (wc_solve(R, N->nlayers > 0 ? F : D, A.p, err) != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A.path, err->msg);
        status = err->code == WC_ERR_SOLVER ? EXIT_SOLVER : EXIT_DATA;
        goto cleanup;
    }
    if (R->status != WC_LP_OPTIMAL)
    {
        fprintf(stderr, "%s: error: no network interpolates this data (the problem is "
                "infeasible; 'wedgecert solve' prints the Farkas certificate)\n", A.path);
        status = EXIT_DATA;
        goto cleanup;
    }

    {
        wc_net_report_t rep;

        wc_net_report_init(rep, N, D, R, A.p);
        if (A.svg_path != NULL && !cli_svg_check_net(A.svg_path, rep, N, D, A.path))
            status = EXIT_OUTPUT;
        else if (A.json)
            report_json(rep, N, D, R, A.p->max_atoms);
        else
        {
            report_text(rep, N, R, A.p->loss, net_path);
            if (N->nlayers > 0)
                cli_hidden_layers(N, D, A.p->max_atoms, 0);
        }
        wc_net_report_clear(rep);
    }

cleanup:
    wc_data_clear(F);
    wc_network_clear(N);
    wc_result_clear(R);
    wc_data_clear(D);
    cli_args_clear(&A);
    return status;
}
