/*
 * lp_write.c -- LPs as text for other solvers: CPLEX LP (glpsol --lp,
 * QSopt_ex's esolver) and free MPS (glpsol --freemps), integers exact.
 */
#include <string.h>
#include "lp/lp.h"

/* ---------------------------------------------------------- CPLEX LP text */

static void
write_term(FILE * out, const fmpz_t a, slong var, int * first, slong * on_line)
{
    char * s;

    if (fmpz_is_zero(a))
        return;
    s = fmpz_get_str(NULL, 10, a);
    if (s[0] == '-')
        fprintf(out, " - %s x%ld", s + 1, var + 1);
    else
        fprintf(out, "%s%s x%ld", *first ? " " : " + ", s, var + 1);
    flint_free(s);
    *first = 0;
    if (++*on_line == 8)
    {
        fputs("\n   ", out);
        *on_line = 0;
    }
}

/* Each line of comment behind the LP format's comment mark '\\'. */
static void
write_comment(FILE * out, const char * comment)
{
    const char * p = comment;

    while (p != NULL && *p != '\0')
    {
        const char * nl = strchr(p, '\n');
        int len = nl ? (int) (nl - p) : (int) strlen(p);
        fprintf(out, "\\ %.*s\n", len, p);
        p = nl ? nl + 1 : NULL;
    }
}

/* The rows c1..cm: A x = b. */
static void
write_rows(FILE * out, const wc_lp_t P)
{
    slong i, j, on_line;
    int first;

    for (i = 0; i < P->m; i++)
    {
        char * s;

        fprintf(out, " c%ld:", i + 1);
        first = 1;
        on_line = 0;
        for (j = 0; j < P->N; j++)
            write_term(out, fmpz_mat_entry(P->A, i, j), j, &first, &on_line);
        if (first)
            fputs(" 0 x1", out);
        s = fmpz_get_str(NULL, 10, P->b + i);
        fprintf(out, " = %s\n", s);
        flint_free(s);
    }
}

int
wc_lp_write_cplex(FILE * out, const wc_lp_t P, const char * comment)
{
    slong j, on_line = 0;
    int first = 1;

    write_comment(out, comment);
    fputs("Minimize\n obj:", out);
    for (j = 0; j < P->N; j++)
        write_term(out, P->c + j, j, &first, &on_line);
    if (first)
        fputs(" 0 x1", out);
    fputs("\nSubject To\n", out);
    write_rows(out, P);
    /* all variables are >= 0, the format's default: no Bounds section */
    fputs("End\n", out);
    return ferror(out) ? WC_ERR_IO : WC_OK;
}


/* One term a x_var of a row in free MPS, for the column var. */
static void
mps_entry(FILE * out, const char * col, const char * row, const fmpz_t a)
{
    char * s = fmpz_get_str(NULL, 10, a);

    fprintf(out, " %s %s %s\n", col, row, s);
    flint_free(s);
}

/* The objective divided by scale: minimise "value" subject to
 * scale value - c^T x = 0; so the file's optimum is c^T x / scale. */
int
wc_lp_write_cplex_scaled(FILE * out, const wc_lp_t P, const fmpz_t scale,
                         const char * comment)
{
    slong j, on_line = 1;
    int first = 0;
    fmpz_t a;
    char * s;

    fmpz_init(a);
    write_comment(out, comment);
    s = fmpz_get_str(NULL, 10, scale);
    fprintf(out, "Minimize\n obj: value\nSubject To\n value: %s value", s);
    flint_free(s);
    for (j = 0; j < P->N; j++)
    {
        fmpz_neg(a, P->c + j);
        write_term(out, a, j, &first, &on_line);
    }
    fputs(" = 0\n", out);
    write_rows(out, P);
    fputs("Bounds\n value free\nEnd\n", out);
    fmpz_clear(a);
    return ferror(out) ? WC_ERR_IO : WC_OK;
}

int
wc_lp_write_mps_scaled(FILE * out, const wc_lp_t P, const fmpz_t scale,
                       const char * comment)
{
    slong i, j;
    char col[32], row[32];
    fmpz_t a;
    const char * p = comment;

    fmpz_init(a);
    while (p != NULL && *p != '\0')
    {
        const char * nl = strchr(p, '\n');
        int len = nl ? (int) (nl - p) : (int) strlen(p);
        fprintf(out, "* %.*s\n", len, p);
        p = nl ? nl + 1 : NULL;
    }
    fputs("NAME WEDGECERT\nROWS\n N obj\n E value\n", out);
    for (i = 0; i < P->m; i++)
        fprintf(out, " E c%ld\n", i + 1);
    fputs("COLUMNS\n", out);
    fmpz_one(a);
    mps_entry(out, "value", "obj", a);
    mps_entry(out, "value", "value", scale);
    for (j = 0; j < P->N; j++)
    {
        snprintf(col, sizeof(col), "x%ld", j + 1);
        if (!fmpz_is_zero(P->c + j))
        {
            fmpz_neg(a, P->c + j);
            mps_entry(out, col, "value", a);
        }
        for (i = 0; i < P->m; i++)
            if (!fmpz_is_zero(fmpz_mat_entry(P->A, i, j)))
            {
                snprintf(row, sizeof(row), "c%ld", i + 1);
                mps_entry(out, col, row, fmpz_mat_entry(P->A, i, j));
            }
    }
    fputs("RHS\n", out);
    for (i = 0; i < P->m; i++)
        if (!fmpz_is_zero(P->b + i))
        {
            snprintf(row, sizeof(row), "c%ld", i + 1);
            mps_entry(out, "rhs", row, P->b + i);
        }
    fputs("BOUNDS\n FR bnd value\nENDATA\n", out);
    fmpz_clear(a);
    return ferror(out) ? WC_ERR_IO : WC_OK;
}
