/*
 * print.c -- what every command prints: usage errors, exact values and
 * their labelled approximations, atom origins, in JSON and in text.
 */
#include <stdarg.h>
#include <string.h>
#include <mpfr.h>
#include "cli.h"

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
cli_short_str(char * buf, size_t size, const fmpq_t x)
{
    char * s = wc_fmpq_get_str(x);

    if (strlen(s) <= CLI_SHORT_EXACT)
        snprintf(buf, size, "%s", s);
    else
    {
        char a[64];
        approx_str(a, sizeof(a), x, text_digits);
        snprintf(buf, size, "~%s (%zu digits; exact in --json)", a, strlen(s));
    }
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
