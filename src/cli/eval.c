/*
 * eval.c -- 'wedgecert eval NET POINTS': a network on new points, exactly.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "cli.h"

static const char eval_usage[] =
"NAME\n"
"    wedgecert eval - evaluate a network exactly on new points\n"
"\n"
"SYNOPSIS\n"
"    wedgecert eval NET POINTS [--binary64] [--json]\n"
"\n"
"DESCRIPTION\n"
"    NET is a two-layer ReLU network f(x) = sum_j alpha_j (x^T w_j + b_j)_+ + xi\n"
"    as 'check-net' reads it: the JSON of 'solve --json' (or any JSON of that\n"
"    shape) or CSV rows 'w_1,...,w_d,b,alpha' and 'intercept,xi'.  POINTS is\n"
"    a CSV file of points x (d columns, no label), exact as every input.\n"
"    Prints f(x) for every point, exactly, with its nearest double beside\n"
"    it.  NET's width d is taken from POINTS.\n"
"\n"
"OPTIONS\n"
"    --binary64  round every number of NET to the nearest double first\n"
"    --json      {\"d\", \"points\", \"values\": [\"p/q\", ...], \"values_approx\"}\n";

int
cmd_eval(int argc, char ** argv)
{
    const char * paths[2] = { NULL, NULL };
    int i, npaths = 0, json = 0, binary64 = 0, status = EXIT_OK;
    wc_data_t X;
    wc_network_t N;
    wc_error_t err;
    fmpq * f;
    slong k;

    for (i = 1; i < argc; i++)
    {
        if (cli_is_help(argv[i]))
        {
            fputs(eval_usage, stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--binary64") == 0)
            binary64 = 1;
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("eval", "unknown option '%s'", argv[i]);
        else if (npaths == 2)
            return cli_usage_error("eval", "expected NET and POINTS, found a third file '%s'", argv[i]);
        else
            paths[npaths++] = argv[i];
    }
    if (npaths != 2)
        return cli_usage_error("eval", "expected NET and POINTS");
    wc_data_init(X);
    if (wc_data_read(X, paths[1], 0, err) != WC_OK)
    {
        fprintf(stderr, "%s\n", err->msg);
        wc_data_clear(X);
        return EXIT_DATA;
    }
    wc_network_init(N, X->d);
    if (wc_network_read(N, paths[0], binary64, err) != WC_OK)
    {
        fprintf(stderr, "%s\n", err->msg);
        wc_network_clear(N);
        wc_data_clear(X);
        return EXIT_DATA;
    }
    f = _fmpq_vec_init(X->n);
    wc_network_eval(f, N, X);
    if (json)
    {
        printf("{\"d\": %ld, \"points\": %ld, \"values\": ", X->d, X->n);
        cli_json_fmpq_list(stdout, f, X->n);
        printf(", \"values_approx\": [");
        for (k = 0; k < X->n; k++)
        {
            printf("%s", k ? ", " : "");
            cli_json_approx(stdout, f + k);
        }
        printf("]}\n");
    }
    else
        for (k = 0; k < X->n; k++)
        {
            cli_text_fmpq(stdout, f + k);
            printf("\n");
        }
    _fmpq_vec_clear(f, X->n);
    wc_network_clear(N);
    wc_data_clear(X);
    return status;
}
