/*
 * error.c -- error reports, and exact values as text.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include "base/base.h"

void
wc_error_init(wc_error_t err)
{
    err->code = WC_OK;
    err->msg[0] = '\0';
}

int
wc_error_set(wc_error_t err, int code, const char * fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    err->code = code;
    return code;
}

void
wc_qvec_l1(fmpq_t r, const fmpq * v, slong len)
{
    slong i;
    fmpq_t a;

    fmpq_init(a);
    fmpq_zero(r);
    for (i = 0; i < len; i++)
    {
        fmpq_abs(a, v + i);
        fmpq_add(r, r, a);
    }
    fmpq_clear(a);
}

const char *
wc_loss_name(int loss)
{
    static const char * const name[] = { "interp", "l1", "hinge", "squared" };

    return loss >= WC_LOSS_INTERP && loss <= WC_LOSS_SQUARED ? name[loss] : "unknown";
}

char *
wc_fmpq_get_str(const fmpq_t x)
{
    return fmpq_get_str(NULL, 10, x);
}

int
wc_qvec_set_d(fmpq * y, const double * yd, slong m)
{
    slong i;

    for (i = 0; i < m; i++)
    {
        int e;
        double f = frexp(yd[i], &e);

        if (!isfinite(yd[i]))
            return 0;
        fmpz_set_d(fmpq_numref(y + i), ldexp(f, 53));     /* exact */
        fmpz_one(fmpq_denref(y + i));
        if (e >= 53)
            fmpq_mul_2exp(y + i, y + i, e - 53);
        else
            fmpq_div_2exp(y + i, y + i, 53 - e);
    }
    return 1;
}
