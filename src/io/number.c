/*
 * number.c -- one number, exactly: a decimal or p/q (wc_rational_parse)
 * or a hex float (%a), optionally rounded to the nearest binary64.  The
 * numbers of networks read from other solvers (network.c).
 */
#include <mpfr.h>
#include "io/io.h"

/* Exact value of a hex float [-]0x<hex>[.<hex>][p[+-]<dec>]; 0 if it is not one. */
static int
parse_hex_float(fmpq_t r, const char * s, size_t len)
{
    size_t i = 0;
    int neg = 0, digits = 0;
    slong frac = 0, e = 0, eneg = 0;
    fmpz_t m;

    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    if (i + 2 > len || s[i] != '0' || (s[i + 1] != 'x' && s[i + 1] != 'X'))
        return 0;
    fmpz_init(m);
    for (i += 2; i < len; i++)
    {
        int v = (s[i] >= '0' && s[i] <= '9') ? s[i] - '0'
              : (s[i] >= 'a' && s[i] <= 'f') ? s[i] - 'a' + 10
              : (s[i] >= 'A' && s[i] <= 'F') ? s[i] - 'A' + 10 : -1;
        if (s[i] == '.' && frac == 0)
        {
            frac = -1;      /* from now on count fraction digits */
            continue;
        }
        if (v < 0)
            break;
        fmpz_mul_ui(m, m, 16);
        fmpz_add_ui(m, m, v);
        digits++;
        if (frac < 0)
            frac--;
    }
    frac = frac < 0 ? -frac - 1 : 0;
    if (i < len && (s[i] == 'p' || s[i] == 'P'))
    {
        size_t start = ++i;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            eneg = s[i++] == '-';
        for (; i < len && s[i] >= '0' && s[i] <= '9' && e < 100000; i++)
            e = 10 * e + (s[i] - '0');
        if (i == start + (size_t) (start < len && (s[start] == '-' || s[start] == '+')))
            digits = 0;     /* no exponent digits */
    }
    if (i != len || digits == 0)
    {
        fmpz_clear(m);
        return 0;
    }
    e = (eneg ? -e : e) - 4 * frac;
    fmpz_set(fmpq_numref(r), m);
    fmpz_one(fmpq_denref(r));
    if (e >= 0)
        fmpq_mul_2exp(r, r, e);
    else
        fmpq_div_2exp(r, r, -e);
    if (neg)
        fmpq_neg(r, r);
    fmpz_clear(m);
    return 1;
}

int
wc_number_parse(fmpq_t r, const char * s, size_t len, int binary64, const char ** why)
{
    size_t where;

    *why = NULL;
    if (!parse_hex_float(r, s, len) && wc_rational_parse(r, s, len, why, &where) != 0)
    {
        *why = "expected a number (decimal, p/q or hex float)";
        return 0;
    }
    if (binary64)
    {
        mpfr_t f;
        mpq_t q;

        mpfr_init2(f, 53);
        mpq_init(q);
        fmpq_get_mpq(q, r);
        mpfr_set_q(f, q, MPFR_RNDN);
        if (!mpfr_number_p(f))
        {
            mpq_clear(q);
            mpfr_clear(f);
            *why = "the number overflows binary64";
            return 0;
        }
        mpfr_get_q(q, f);
        fmpq_set_mpq(r, q);
        mpq_clear(q);
        mpfr_clear(f);
    }
    return 1;
}

