/*
 * main.c -- the wedgecert command-line tool: dispatch and shared printers.
 */
#include <stdarg.h>
#include <string.h>
#include <mpfr.h>
#include "cli.h"

static const char usage[] =
"NAME\n"
"    wedgecert - exact wedge-product features and certified optimal ReLU networks\n"
"\n"
"SYNOPSIS\n"
"    wedgecert COMMAND [OPTIONS] FILE...\n"
"    wedgecert --help | --version\n"
"\n"
"COMMANDS\n"
"    wedge FILE     wedge product, norm, volume and Hodge dual of the rows of\n"
"                   a matrix, in exact rational arithmetic\n"
"    solve DATA     certified globally optimal two-layer ReLU network for a\n"
"                   labelled data set (exact LP over the vertex dictionary)\n"
"    predict DATA   decide whether wedges of samples alone attain the optimum\n"
"                   (the paper's prediction), with a witness when they do not\n"
"    dict DATA      export the vertex dictionary (exact and binary64 columns)\n"
"    check-net DATA NET\n"
"                   a network from another solver against the exact optimum\n"
"    oracle         reproducible exact test oracles: data, optimum, certificate\n"
"    path DATA      the exact Lasso regularisation path of the squared loss\n"
"    eval NET POINTS\n"
"                   a network (solve --json, or another solver's) evaluated\n"
"                   exactly on new points\n"
"\n"
"    Run 'wedgecert COMMAND --help' for the options of each command.\n"
"\n"
"INPUT\n"
"    CSV text, one row a line, comma-separated exact rationals: integers of\n"
"    any size, p/q, or decimals with an optional exponent (0.1 is exactly\n"
"    1/10).  Blank lines and '#' comments are skipped; a first row with no\n"
"    numeric field is a header.  FILE '-' reads standard input.\n"
"\n"
"EXIT STATUS\n"
"    0 success, 1 unreadable or malformed input, 2 bad command line,\n"
"    3 a result could not be certified, 4 an output could not be written\n"
"    (no partial file is left), 130 interrupted (Ctrl-C).\n";

int
cli_usage_error(const char * cmd, const char * fmt, ...)
{
    va_list ap;

    fprintf(stderr, "wedgecert %s: error: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'wedgecert %s --help'.\n", cmd);
    return EXIT_USAGE;
}

int
cli_is_help(const char * arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

void
cli_json_fmpq(FILE * out, const fmpq_t x)
{
    char * s = wc_fmpq_get_str(x);
    fprintf(out, "\"%s\"", s);
    flint_free(s);
}

void
cli_json_exact(FILE * out, const char * key, const fmpq_t x)
{
    fprintf(out, "\"%s\": ", key);
    cli_json_fmpq(out, x);
    fprintf(out, ", \"%s_approx\": ", key);
    cli_json_approx(out, x);
}

void
cli_json_origin(FILE * out, const wc_dict_t V, slong u)
{
    fprintf(out, "\"coords\": ");
    cli_json_index_list(out, V->T + u * V->d, V->k[u]);
    fprintf(out, ", \"samples\": ");
    cli_json_index_list(out, V->S + u * V->d, wc_dict_nsamples(V, u));
    fprintf(out, ", \"sign\": %d", V->sign[u]);
}

void
cli_json_fmpq_list(FILE * out, const fmpq * v, slong len)
{
    slong j;

    fputc('[', out);
    for (j = 0; j < len; j++)
    {
        if (j) fputs(", ", out);
        cli_json_fmpq(out, v + j);
    }
    fputc(']', out);
}

void
cli_json_index_list(FILE * out, const slong * v, slong len)
{
    slong j;

    fputc('[', out);
    for (j = 0; j < len; j++)
        fprintf(out, "%s%ld", j ? ", " : "", v[j]);
    fputc(']', out);
}

void
cli_text_fmpq_list(FILE * out, const fmpq * v, slong len)
{
    slong j;

    for (j = 0; j < len; j++)
    {
        fputs(j ? ", " : "", out);
        cli_text_short(out, v + j);
    }
}

void
cli_text_origin(FILE * out, const wc_dict_t V, slong u)
{
    slong t, d = V->d;

    fprintf(out, "T = {");
    for (t = 0; t < V->k[u]; t++)
        fprintf(out, "%s%ld", t ? "," : "", V->T[u * d + t]);
    fprintf(out, "}, S = {");
    for (t = 0; t < wc_dict_nsamples(V, u); t++)
        fprintf(out, "%s%ld", t ? "," : "", V->S[u * d + t]);
    fprintf(out, "}, %c", V->sign[u] > 0 ? '+' : '-');
}

/* Text output: significant digits of approximations, and whether long
 * exact values are printed whole (--digits, --exact). */
static int text_digits = CLI_DEFAULT_DIGITS, text_exact;

void
cli_set_text_format(int digits, int exact)
{
    text_digits = digits;
    text_exact = exact;
}

/* x to the nearest double, printed with digits significant digits. */
static void
approx_str(char * buf, size_t size, const fmpq_t x, int digits)
{
    mpfr_t f;
    mpq_t q;

    mpfr_init2(f, 53);
    mpq_init(q);
    fmpq_get_mpq(q, x);
    mpfr_set_q(f, q, MPFR_RNDN);
    mpfr_snprintf(buf, size, "%.*Rg", digits, f);
    mpq_clear(q);
    mpfr_clear(f);
}

void
cli_approx_str(char * buf, size_t size, const fmpq_t x)
{
    approx_str(buf, size, x, 17);       /* JSON: the double, round trip */
}

void
cli_json_approx(FILE * out, const fmpq_t x)
{
    char buf[64];

    cli_approx_str(buf, sizeof(buf), x);
    if (strchr(buf, 'n') != NULL)   /* inf or nan: not a JSON number */
        fputs("null", out);
    else
        fputs(buf, out);
}

void
cli_text_fmpq(FILE * out, const fmpq_t x)
{
    char * s = wc_fmpq_get_str(x);
    char buf[64];

    approx_str(buf, sizeof(buf), x, text_digits);
    if (text_exact || strlen(s) <= CLI_SHORT_EXACT)
    {
        fputs(s, out);
        if (!fmpz_is_one(fmpq_denref(x)))
            fprintf(out, "  (~ %s)", buf);
    }
    else
        fprintf(out, "~ %s  (exact: %zu characters; --exact prints it, --json holds it)",
                buf, strlen(s));
    flint_free(s);
}

void
cli_text_short(FILE * out, const fmpq_t x)
{
    char * s = wc_fmpq_get_str(x);

    if (text_exact || strlen(s) <= CLI_SHORT_EXACT)
        fputs(s, out);
    else
    {
        char buf[64];
        approx_str(buf, sizeof(buf), x, text_digits);
        fprintf(out, "~%s", buf);
    }
    flint_free(s);
}

/* The subcommand argv[1]; its exit status. */
static int
run_command(int argc, char ** argv)
{
    if (strcmp(argv[1], "wedge") == 0)
        return cmd_wedge(argc - 1, argv + 1);
    if (strcmp(argv[1], "solve") == 0)
        return cmd_solve(argc - 1, argv + 1);
    if (strcmp(argv[1], "predict") == 0)
        return cmd_predict(argc - 1, argv + 1);
    if (strcmp(argv[1], "dict") == 0)
        return cmd_dict(argc - 1, argv + 1);
    if (strcmp(argv[1], "check-net") == 0)
        return cmd_check_net(argc - 1, argv + 1);
    if (strcmp(argv[1], "oracle") == 0)
        return cmd_oracle(argc - 1, argv + 1);
    if (strcmp(argv[1], "path") == 0)
        return cmd_path(argc - 1, argv + 1);
    if (strcmp(argv[1], "eval") == 0)
        return cmd_eval(argc - 1, argv + 1);
    fprintf(stderr, "wedgecert: error: unknown command '%s'\n"
                    "Try 'wedgecert --help'.\n", argv[1]);
    return EXIT_USAGE;
}

int
main(int argc, char ** argv)
{
    int status;

    if (argc < 2)
    {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    cli_checked_memory();
    cli_catch_interrupts();
    if (cli_is_help(argv[1]))
    {
        fputs(usage, stdout);
        status = EXIT_OK;
    }
    else if (strcmp(argv[1], "--version") == 0)
    {
        printf("wedgecert %s (FLINT %s, GMP %s)\n", WC_VERSION,
               FLINT_VERSION, gmp_version);
        status = EXIT_OK;
    }
    else
        status = run_command(argc, argv);
    /* a full disk or a closed pipe is an error, not a success */
    if (!cli_stdout_close() && status == EXIT_OK)
        status = EXIT_OUTPUT;
    return status;
}
