/*
 * csv.c -- exact rationals and CSV data sets.
 *
 * Nothing here ever touches a double: every token is read digit by digit
 * into an fmpz numerator and denominator.  Every error names the file,
 * line and column (1-based, in bytes) and says what was expected.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "io/io.h"

/* ------------------------------------------------------- one rational */

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads the digits s[*i..] into z (z = 10^len z + digits); returns count. */
static size_t
read_digits(fmpz_t z, const char * s, size_t len, size_t * i)
{
    size_t start = *i;
    char * buf;

    while (*i < len && is_digit(s[*i]))
        (*i)++;
    if (*i == start)
        return 0;
    buf = flint_malloc(*i - start + 1);
    memcpy(buf, s + start, *i - start);
    buf[*i - start] = '\0';
    fmpz_set_str(z, buf, 10);
    flint_free(buf);
    return *i - start;
}

#define FAIL(msg, pos) do { *why = (msg); *where = (pos); goto fail; } while (0)

int
wc_rational_parse(fmpq_t r, const char * s, size_t len,
                  const char ** why, size_t * where)
{
    fmpz_t num, den, frac, pow;
    size_t i = 0, nint, nfrac = 0;
    int neg = 0, ok = 0;
    slong exp10 = 0;

    fmpz_init(num);
    fmpz_init(den);
    fmpz_init(frac);
    fmpz_init(pow);

    if (len == 0)
        FAIL("expected a number, found an empty field", 0);
    if (s[i] == '+' || s[i] == '-')
        neg = (s[i++] == '-');

    nint = read_digits(num, s, len, &i);

    if (i < len && s[i] == '/')
    {
        if (nint == 0)
            FAIL("expected digits before '/'", i);
        i++;
        if (read_digits(den, s, len, &i) == 0)
            FAIL("expected a denominator (digits) after '/'", i);
        if (i < len)
            FAIL("unexpected character after p/q", i);
        if (fmpz_is_zero(den))
            FAIL("division by zero: the denominator is 0", i - 1);
        fmpq_set_fmpz_frac(r, num, den);    /* canonicalises */
        ok = 1;
        goto done;
    }

    if (i < len && s[i] == '.')
    {
        i++;
        nfrac = read_digits(frac, s, len, &i);
    }
    if (nint == 0 && nfrac == 0)
        FAIL("expected a number (integer, p/q or decimal)", i < len ? i : 0);

    if (i < len && (s[i] == 'e' || s[i] == 'E'))
    {
        size_t estart = ++i;
        int eneg = 0;
        slong e = 0;

        if (i < len && (s[i] == '+' || s[i] == '-'))
            eneg = (s[i++] == '-');
        if (i >= len || !is_digit(s[i]))
            FAIL("expected exponent digits after 'e'", i);
        for (; i < len && is_digit(s[i]); i++)
        {
            e = 10 * e + (s[i] - '0');
            if (e > WC_MAX_EXPONENT)
                FAIL("exponent out of range (|e| <= 100000)", estart);
        }
        exp10 = eneg ? -e : e;
    }
    if (i < len)
        FAIL("unexpected character in number", i);

    /* value = (int . frac) * 10^exp10 = (int * 10^nfrac + frac) * 10^(exp10 - nfrac) */
    fmpz_set_ui(pow, 10);
    fmpz_pow_ui(pow, pow, nfrac);
    fmpz_mul(num, num, pow);
    fmpz_add(num, num, frac);
    exp10 -= (slong) nfrac;
    fmpz_set_ui(pow, 10);
    fmpz_pow_ui(pow, pow, (ulong) (exp10 < 0 ? -exp10 : exp10));
    if (exp10 >= 0)
    {
        fmpz_mul(num, num, pow);
        fmpz_one(den);
    }
    else
        fmpz_set(den, pow);
    fmpq_set_fmpz_frac(r, num, den);
    ok = 1;

done:
    if (neg)
        fmpq_neg(r, r);
fail:
    fmpz_clear(num);
    fmpz_clear(den);
    fmpz_clear(frac);
    fmpz_clear(pow);
    return ok ? 0 : WC_ERR_PARSE;
}

#undef FAIL

/* ------------------------------------------------------------- data sets */

void
wc_data_init(wc_data_t D)
{
    D->n = D->d = 0;
    fmpq_mat_init(D->X, 0, 0);
    D->y = NULL;
}

void
wc_data_clear(wc_data_t D)
{
    fmpq_mat_clear(D->X);
    if (D->y != NULL)
        _fmpq_vec_clear(D->y, D->n);
    wc_data_init(D);
}

void
wc_data_set_shape(wc_data_t D, slong n, slong d, int labelled)
{
    wc_data_clear(D);
    fmpq_mat_clear(D->X);
    D->n = n;
    D->d = d;
    fmpq_mat_init(D->X, n, d);
    D->y = labelled ? _fmpq_vec_init(n) : NULL;
}

/* Length of the valid UTF-8 sequence at s, or 0 if it is not valid. */
static size_t
utf8_len(const unsigned char * s, size_t avail)
{
    size_t n, k;
    unsigned int c = s[0];

    if (c < 0x80)
        return c == 0 ? 0 : 1;
    if (c >= 0xc2 && c <= 0xdf) n = 2;
    else if (c >= 0xe0 && c <= 0xef) n = 3;
    else if (c >= 0xf0 && c <= 0xf4) n = 4;
    else return 0;
    if (n > avail)
        return 0;
    for (k = 1; k < n; k++)
        if ((s[k] & 0xc0) != 0x80)
            return 0;
    if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f)
        || (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f))
        return 0;       /* overlong, surrogate, or beyond U+10FFFF */
    return n;
}

/* A field of the current line: [start, end) after trimming blanks. */
typedef struct {
    size_t start, end;
} field;

static int
is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Splits line[0..len) at commas into fields (grown as needed). */
static slong
split_fields(field ** fields, slong * cap, const char * line, size_t len)
{
    slong nf = 0;
    size_t i = 0, a, b;

    for (;;)
    {
        a = i;
        while (i < len && line[i] != ',')
            i++;
        b = i;
        while (a < b && is_blank(line[a]))
            a++;
        while (b > a && is_blank(line[b - 1]))
            b--;
        if (nf == *cap)
        {
            *cap = 2 * *cap + 8;
            *fields = flint_realloc(*fields, *cap * sizeof(field));
        }
        (*fields)[nf].start = a;
        (*fields)[nf].end = b;
        nf++;
        if (i == len)
            return nf;
        i++;    /* skip the comma */
    }
}

/* WC_OK if line[0..len) is UTF-8 text without NUL, else the error. */
static int
check_utf8(const char * line, size_t len, const char * name, slong line_no, wc_error_t err)
{
    size_t k, u;

    for (k = 0; k < len; k += u)
        if ((u = utf8_len((const unsigned char *) line + k, len - k)) == 0)
            return wc_error_set(err, WC_ERR_PARSE,
                "%s:%ld:%zu: error: expected UTF-8 text, found byte 0x%02x",
                name, line_no, k + 1, (unsigned char) line[k]);
    return WC_OK;
}

/* 1 if a first row is a header: no numeric field at all. */
static int
is_header(const char * line, const field * fields, slong nf)
{
    fmpq_t tmp;
    int numeric = 0;
    slong j;
    size_t where;
    const char * why;

    fmpq_init(tmp);
    for (j = 0; j < nf; j++)
        if (wc_rational_parse(tmp, line + fields[j].start,
                fields[j].end - fields[j].start, &why, &where) == 0)
            numeric = 1;
    fmpq_clear(tmp);
    return !numeric && nf > 0 && fields[0].end > fields[0].start;
}

/* The ncols fields of line into row; WC_OK or the error, which names the
 * field's column. */
static int
parse_row(fmpq * row, const char * line, const field * fields, slong ncols, int labelled,
          const char * name, slong line_no, wc_error_t err)
{
    slong j;
    size_t where;
    const char * why;

    for (j = 0; j < ncols; j++)
    {
        size_t a = fields[j].start, b = fields[j].end;

        if (wc_rational_parse(row + j, line + a, b - a, &why, &where) == 0)
            continue;
        if (a == b)
            return wc_error_set(err, WC_ERR_PARSE,
                "%s:%ld:%zu: error: expected a number, found an empty "
                "field%s", name, line_no, a + 1,
                (labelled && j == ncols - 1) ? " (the label is missing)" : "");
        return wc_error_set(err, WC_ERR_PARSE,
            "%s:%ld:%zu: error: %s in '%.*s'", name, line_no,
            a + where + 1, why, (int) (b - a > 40 ? 40 : b - a), line + a);
    }
    return WC_OK;
}

/* D := the nrows x ncols values (the last column the labels if labelled),
 * swapped out of vals. */
static void
store_rows(wc_data_t D, fmpq * vals, slong nrows, slong ncols, int labelled)
{
    slong i, j, d = labelled ? ncols - 1 : ncols;

    wc_data_set_shape(D, nrows, d, labelled);
    for (i = 0; i < nrows; i++)
    {
        for (j = 0; j < d; j++)
            fmpq_swap(fmpq_mat_entry(D->X, i, j), vals + i * ncols + j);
        if (labelled)
            fmpq_swap(D->y + i, vals + i * ncols + d);
    }
}

int
wc_data_read_buffer(wc_data_t D, const char * name, const char * buf,
                    size_t size, int labelled, wc_error_t err)
{
    field * fields = NULL;
    slong cap = 0, nf, j, ncols = -1, nrows = 0, rows_cap = 0, line_no = 0;
    slong first_line = 0;
    size_t pos = 0;
    fmpq * vals = NULL;        /* nrows x ncols, row-major */
    int status = WC_OK, seen_row = 0;

    wc_data_clear(D);
    wc_error_init(err);

    while (pos < size && status == WC_OK)
    {
        const char * line = buf + pos;
        size_t len = 0, full, k;

        line_no++;
        while (pos + len < size && buf[pos + len] != '\n')
            len++;
        full = len;
        pos += len + (pos + len < size);

        /* reject NUL and invalid UTF-8 before anything else reads the line */
        if ((status = check_utf8(line, full, name, line_no, err)) != WC_OK)
            break;

        for (k = 0; k < len; k++)
            if (line[k] == '#')
                len = k;
        while (len > 0 && is_blank(line[len - 1]))
            len--;
        for (k = 0; k < len && is_blank(line[k]); k++)
            ;
        if (k == len)
            continue;       /* blank or comment */

        nf = split_fields(&fields, &cap, line, len);

        if (!seen_row)
        {
            seen_row = 1;
            if (is_header(line, fields, nf))
                continue;
        }

        if (ncols < 0)
        {
            if (labelled && nf < 2)
            {
                status = wc_error_set(err, WC_ERR_PARSE,
                    "%s:%ld:%zu: error: expected at least 2 fields "
                    "(features x_1..x_d, then the label y), found 1",
                    name, line_no, len + 1);
                break;
            }
            ncols = nf;
            first_line = line_no;
        }
        else if (nf != ncols)
        {
            size_t col = nf > ncols ? fields[ncols].start : len;
            status = wc_error_set(err, WC_ERR_PARSE,
                "%s:%ld:%zu: error: expected %ld fields as on line %ld, found %ld%s",
                name, line_no, col + 1, ncols, first_line, nf,
                (labelled && nf < ncols) ? " (is the label missing?)" : "");
            break;
        }

        if (nrows == rows_cap)
        {
            /* start at about 1024 numbers, not rows: a row may be wide */
            slong newcap = rows_cap ? 2 * rows_cap : FLINT_MAX(1, 1024 / ncols);
            vals = flint_realloc(vals, newcap * ncols * sizeof(fmpq));
            for (j = rows_cap * ncols; j < newcap * ncols; j++)
                fmpq_init(vals + j);
            rows_cap = newcap;
        }
        status = parse_row(vals + nrows * ncols, line, fields, ncols, labelled,
                           name, line_no, err);
        nrows++;
    }

    if (status == WC_OK && nrows == 0)
        status = wc_error_set(err, WC_ERR_PARSE,
            "%s:%ld:1: error: expected at least one data row, found none",
            name, line_no > 0 ? line_no : 1);

    if (status == WC_OK)
        store_rows(D, vals, nrows, ncols, labelled);

    for (j = 0; j < rows_cap * (ncols < 0 ? 0 : ncols); j++)
        fmpq_clear(vals + j);
    flint_free(vals);
    flint_free(fields);
    return status;
}

int
wc_data_read(wc_data_t D, const char * path, int labelled, wc_error_t err)
{
    FILE * f;
    char * buf = NULL;
    size_t len = 0, cap = 0, got;
    int status, is_stdin = (strcmp(path, "-") == 0);
    const char * name = is_stdin ? "<stdin>" : path;

    wc_data_clear(D);
    f = is_stdin ? stdin : fopen(path, "rb");
    if (f == NULL)
        return wc_error_set(err, WC_ERR_IO, "%s: error: cannot open: %s",
                            path, strerror(errno));
    do
    {
        if (len == cap)
        {
            cap = 2 * cap + 65536;
            buf = flint_realloc(buf, cap);
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    if (ferror(f))
    {
        status = wc_error_set(err, WC_ERR_IO, "%s: error: read failed: %s",
                              name, strerror(errno));
    }
    else
        status = wc_data_read_buffer(D, name, buf, len, labelled, err);
    if (!is_stdin)
        fclose(f);
    flint_free(buf);
    return status;
}
