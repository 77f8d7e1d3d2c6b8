/*
 * dict.c -- 'wedgecert dict DATA': export the vertex dictionary K, so that
 * numerical solvers can be run on exactly our problem.
 */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "cli.h"

static const char dict_usage[] =
"NAME\n"
"    wedgecert dict - export the vertex dictionary of a data set\n"
"\n"
"SYNOPSIS\n"
"    wedgecert dict DATA [--bias] [--dict full|samples] (--csv | --json)\n"
"                   [--max-atoms N]\n"
"\n"
"DESCRIPTION\n"
"    Writes every atom u of the dictionary V (proofs/DERIVATIONS.md 2) with its\n"
"    origin (coordinate set T, sample set S, sign), its normalised direction\n"
"    (w, b) with ||w||_1 = 1, and its feature column k_u = (X w + b)_+ on the\n"
"    samples.  A solver given K = [k_u] solves exactly wedgecert's LP.\n"
"\n"
"OPTIONS\n"
"    --csv      a header line, then one atom a row: T and S as\n"
"               ';'-separated index lists ('' when empty), sign (+1/-1),\n"
"               w_1..w_d and b as exact p/q, then k_1..k_n as exact p/q,\n"
"               then k_1..k_n as doubles (the nearest binary64)\n"
"    --json     {\"n\", \"d\", \"bias\", \"dictionary\", \"atoms\": [{\"coords\",\n"
"               \"samples\", \"sign\", \"w\", \"b\", \"column\", \"column_approx\"}]}\n"
"    --bias, --dict, --max-atoms   as for 'wedgecert solve'\n";

static void
csv_index_list(FILE * out, const slong * v, slong len)
{
    slong j;

    for (j = 0; j < len; j++)
        fprintf(out, "%s%ld", j ? ";" : "", v[j]);
}

static void
csv_fmpq(FILE * out, const fmpq_t x)
{
    char * s = wc_fmpq_get_str(x);
    fprintf(out, ",%s", s);
    flint_free(s);
}

void
cli_dict_write(FILE * out, const wc_dict_t V, const wc_data_t D, int csv)
{
    slong u, t, n = D->n, d = D->d;
    fmpq * w = _fmpq_vec_init(d), * k = _fmpq_vec_init(n);
    fmpq_t b;

    fmpq_init(b);
    if (csv)
    {
        fprintf(out, "T,S,sign");
        for (t = 0; t < d; t++)
            fprintf(out, ",w%ld", t + 1);
        fprintf(out, ",b");
        for (t = 0; t < n; t++)
            fprintf(out, ",k%ld", t + 1);
        for (t = 0; t < n; t++)
            fprintf(out, ",k%ld_approx", t + 1);
        fprintf(out, "\n");
    }
    else
        fprintf(out, "{\"n\": %ld, \"d\": %ld, \"bias\": %s, \"dictionary\": \"%s\", \"atoms\": [",
                n, d, V->bias ? "true" : "false", V->kind == WC_DICT_SAMPLES ? "samples" : "full");
    for (u = 0; u < V->len; u++)
    {
        wc_dict_direction(w, b, V, u);
        wc_dict_column(k, V, D, u);
        if (csv)
        {
            csv_index_list(out, V->T + u * d, V->k[u]);
            fprintf(out, ",");
            csv_index_list(out, V->S + u * d, wc_dict_nsamples(V, u));
            fprintf(out, ",%d", V->sign[u]);
            for (t = 0; t < d; t++)
                csv_fmpq(out, w + t);
            csv_fmpq(out, b);
            for (t = 0; t < n; t++)
                csv_fmpq(out, k + t);
            for (t = 0; t < n; t++)
            {
                fprintf(out, ",");
                cli_json_approx(out, k + t);
            }
            fprintf(out, "\n");
        }
        else
        {
            fprintf(out, "%s{", u ? ", " : "");
            cli_json_origin(out, V, u);
            fprintf(out, ", \"w\": ");
            cli_json_fmpq_list(out, w, d);
            fprintf(out, ", \"b\": ");
            cli_json_fmpq(out, b);
            fprintf(out, ", \"column\": ");
            cli_json_fmpq_list(out, k, n);
            fprintf(out, ", \"column_approx\": [");
            for (t = 0; t < n; t++)
            {
                fprintf(out, "%s", t ? ", " : "");
                cli_json_approx(out, k + t);
            }
            fprintf(out, "]}");
        }
    }
    if (!csv)
        fprintf(out, "]}\n");
    fmpq_clear(b);
    _fmpq_vec_clear(w, d);
    _fmpq_vec_clear(k, n);
}

int
cmd_dict(int argc, char ** argv)
{
    cli_args A;
    wc_data_t D;
    wc_dict_t V;
    wc_error_t err;
    int csv, json, status;

    status = cli_parse_args(&A, argc, argv, "dict", dict_usage, CLI_OPT_DICT | CLI_OPT_CSV);
    if (status >= 0)
        return status;
    csv = A.csv;
    json = A.json;
    if (csv == json)
    {
        cli_args_clear(&A);
        return cli_usage_error("dict", "expected exactly one of --csv and --json");
    }
    wc_data_init(D);
    wc_dict_init(V);
    status = EXIT_OK;
    if (cli_read_data(D, &A, 1))
        status = EXIT_DATA;
    else if (wc_dict_build(V, D, A.p->bias, A.p->dict, A.p->max_atoms,
                           A.p->progress, A.p->progress_ctx, err) != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A.path, err->msg);
        status = EXIT_DATA;
    }
    if (status != EXIT_OK)
        goto cleanup;

    cli_dict_write(stdout, V, D, csv);

cleanup:
    wc_dict_clear(V);
    wc_data_clear(D);
    cli_args_clear(&A);
    return status;
}
