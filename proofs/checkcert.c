/*
 * checkcert.c -- the independent checker of wedgecert certificates.
 *
 * Written against GMP alone: no FLINT, no GLPK, no code shared with src/.
 * It reads a certificate (proofs/CERTIFICATE.md), recomputes every atom of
 * the vertex dictionary from the data by its own determinants, and checks
 *
 *   optimal:    the network is primal feasible, the dual point is dual
 *               feasible for EVERY atom of the stated dictionary, and the
 *               primal objective = the dual objective = the claimed value
 *               (squared loss: the dual objective is y^T v - v^T v / 2);
 *   infeasible: the Farkas vector v has k_u^T v = 0 for every atom
 *               (1^T v = 0 with an intercept) and y^T v > 0.
 *
 * Weak duality (proofs/DERIVATIONS.md) turns the optimal case into a proof
 * that the value is the global optimum of the training problem.
 *
 * Usage: checkcert FILE.  Exit 0 accepted, 1 rejected, 2 unreadable.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gmp.h>

enum { INTERP, L1, HINGE, SQUARED };

static const char * file_name;
static int line_no;

static void
die(int code, const char * fmt, ...)
{
    va_list ap;

    if (code == 2)
        fprintf(stderr, "checkcert: %s:%d: error: ", file_name, line_no);
    else
        fprintf(stderr, "checkcert: REJECTED: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(code);
}

/* ------------------------------------------------------------- reading */

static char line[1 << 20];
static char * tok[4096];
static int ntok;

/* Reads the next non-comment line and splits it at blanks. */
static void
next_line(FILE * f)
{
    char * p;

    for (;;)
    {
        line_no++;
        if (fgets(line, sizeof(line), f) == NULL)
            die(2, "unexpected end of file");
        if (strlen(line) == sizeof(line) - 1)
            die(2, "line too long");
        if (line[0] != '#')
            break;
    }
    ntok = 0;
    for (p = strtok(line, " \t\r\n"); p != NULL; p = strtok(NULL, " \t\r\n"))
    {
        if (ntok == 4096)
            die(2, "too many fields");
        tok[ntok++] = p;
    }
}

static void
expect(const char * key, int fields)
{
    if (ntok == 0 || strcmp(tok[0], key) != 0)
        die(2, "expected a '%s' line", key);
    if (fields >= 0 && ntok != fields + 1)
        die(2, "expected %d fields after '%s', found %d", fields, key, ntok - 1);
}

/* An exact rational "p" or "p/q" in canonical form (q > 1, gcd 1). */
static void
read_q(mpq_t r, const char * s)
{
    const char * p = s + (s[0] == '-');
    const char * slash = strchr(s, '/');
    size_t i;

    for (i = 0; p[i] != '\0'; i++)
        if (!((p[i] >= '0' && p[i] <= '9') || (p[i] == '/' && p + i == slash && i > 0 && p[i + 1])))
            die(2, "expected a rational p or p/q, found '%s'", s);
    if (mpq_set_str(r, s, 10) != 0 || mpz_sgn(mpq_denref(r)) <= 0)
        die(2, "expected a rational p or p/q, found '%s'", s);
    {
        mpq_t c;
        mpq_init(c);
        mpq_set(c, r);
        mpq_canonicalize(c);
        if (!mpq_equal(c, r) || mpz_cmp(mpq_numref(c), mpq_numref(r)) != 0
            || mpz_cmp(mpq_denref(c), mpq_denref(r)) != 0)
            die(2, "'%s' is not in lowest terms", s);
        mpq_clear(c);
    }
}

static long
read_count(const char * s, long lo, long hi)
{
    char * end;
    long v = strtol(s, &end, 10);

    if (*s == '\0' || *end != '\0' || v < lo || v > hi)
        die(2, "expected a whole number in %ld..%ld, found '%s'", lo, hi, s);
    return v;
}

/* "-" (empty) or increasing indices "0,2,5" below bound; returns count. */
static int
read_index_list(long * out, const char * s, long bound)
{
    int k = 0;
    char buf[4096], * p;

    if (strcmp(s, "-") == 0)
        return 0;
    if (strlen(s) >= sizeof(buf))
        die(2, "index list too long");
    strcpy(buf, s);
    for (p = strtok(buf, ","); p != NULL; p = strtok(NULL, ","))
    {
        out[k] = read_count(p, 0, bound - 1);
        if (k > 0 && out[k] <= out[k - 1])
            die(2, "indices must increase: '%s'", s);
        k++;
    }
    return k;
}

/* ------------------------------------------------------------ algebra */

static long n, d;
static mpq_t * X, * y;         /* X[i * d + j], y[i] */

/* det of the k x k matrix M (row-major), by Gaussian elimination over Q. */
static void
det(mpq_t r, mpq_t * M, int k)
{
    int c, i, j, p;
    mpq_t f, t;

    mpq_init(f);
    mpq_init(t);
    mpq_set_ui(r, 1, 1);
    for (c = 0; c < k; c++)
    {
        for (p = c; p < k && mpq_sgn(M[p * k + c]) == 0; p++)
            ;
        if (p == k)
        {
            mpq_set_ui(r, 0, 1);
            break;
        }
        if (p != c)
        {
            for (j = 0; j < k; j++)
                mpq_swap(M[p * k + j], M[c * k + j]);
            mpq_neg(r, r);
        }
        mpq_mul(r, r, M[c * k + c]);
        for (i = c + 1; i < k; i++)
        {
            mpq_div(f, M[i * k + c], M[c * k + c]);
            for (j = c; j < k; j++)
            {
                mpq_mul(t, f, M[c * k + j]);
                mpq_sub(M[i * k + j], M[i * k + j], t);
            }
        }
    }
    mpq_clear(f);
    mpq_clear(t);
}

/*
 * The atom (T, S, sign) of MATH.md section 3, normalised to ||w||_1 = 1:
 *   w_T = sign * *(rows), rows = x_s|_T for s in S (no bias) or
 *   (x_s - x_S[0])|_T for s in S[1..] (bias), w_t of the cross product
 *   = (-1)^t det(rows without column t);  b = -<x_S[0], w> (bias).
 * Returns 0 when the direction is zero (not an atom).
 */
static int
atom(mpq_t * w, mpq_t b, const long * T, int k, const long * S, int bias, int sign)
{
    int rows = k - 1, t, i, j, c;
    mpq_t * M = malloc(sizeof(mpq_t) * (rows * rows + 1));
    mpq_t l1, a;

    mpq_init(l1);
    mpq_init(a);
    for (i = 0; i < rows * rows; i++)
        mpq_init(M[i]);
    for (j = 0; j < d; j++)
        mpq_set_ui(w[j], 0, 1);
    for (t = 0; t < k; t++)
    {
        for (i = 0; i < rows; i++)
            for (j = 0, c = 0; j < k; j++)
            {
                if (j == t)
                    continue;
                if (bias)
                    mpq_sub(M[i * rows + c], X[S[i + 1] * d + T[j]], X[S[0] * d + T[j]]);
                else
                    mpq_set(M[i * rows + c], X[S[i] * d + T[j]]);
                c++;
            }
        det(w[T[t]], M, rows);
        if ((t & 1) != (sign < 0))
            mpq_neg(w[T[t]], w[T[t]]);
        mpq_abs(a, w[T[t]]);
        mpq_add(l1, l1, a);
    }
    mpq_set_ui(b, 0, 1);
    if (mpq_sgn(l1) != 0)
    {
        for (j = 0; j < d; j++)
            mpq_div(w[j], w[j], l1);
        for (j = 0; j < d && bias; j++)
        {
            mpq_mul(a, X[S[0] * d + j], w[j]);
            mpq_sub(b, b, a);
        }
    }
    for (i = 0; i < rows * rows; i++)
        mpq_clear(M[i]);
    free(M);
    t = mpq_sgn(l1) != 0;
    mpq_clear(l1);
    mpq_clear(a);
    return t;
}

/* col[i] = (x_i . w + b)_+ */
static void
column(mpq_t * col, mpq_t * w, const mpq_t b)
{
    long i, j;
    mpq_t s, t;

    mpq_init(s);
    mpq_init(t);
    for (i = 0; i < n; i++)
    {
        mpq_set(s, b);
        for (j = 0; j < d; j++)
        {
            mpq_mul(t, X[i * d + j], w[j]);
            mpq_add(s, s, t);
        }
        if (mpq_sgn(s) < 0)
            mpq_set_ui(s, 0, 1);
        mpq_set(col[i], s);
    }
    mpq_clear(s);
    mpq_clear(t);
}

/* The first subset of size k of {0..m-1}, and the next; 0 after the last. */
static void
first_subset(long * I, int k)
{
    int i;
    for (i = 0; i < k; i++)
        I[i] = i;
}

static int
next_subset(long * I, int k, long m)
{
    int i = k - 1;

    while (i >= 0 && I[i] == m - k + i)
        i--;
    if (i < 0)
        return 0;
    I[i]++;
    for (i++; i < k; i++)
        I[i] = I[i - 1] + 1;
    return 1;
}

/* ---------------------------------------------------------------- main */

/* Everything lives in file scope, so that it stays reachable whichever
 * way the checker exits (and a leak checker sees no leak). */
static long * T, * S;
static mpq_t beta, value, xi, t, u, bound, primal, dual_obj, penalty, b;
static mpq_t * v, * fx, * w, * col;

int
main(int argc, char ** argv)
{
    FILE * f;
    int loss, bias, icpt, samples, optimal, k, sign, ns;
    long i, j, m = 0, atoms = 0;

    if (argc != 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
    {
        fprintf(argc == 2 ? stdout : stderr,
                "usage: checkcert FILE\n"
                "Checks a wedgecert certificate with GMP alone: recomputes every atom of the\n"
                "vertex dictionary from the data and verifies primal feasibility, dual\n"
                "feasibility over all atoms, and equal objectives (or a Farkas vector).\n"
                "Exit status: 0 accepted, 1 rejected, 2 unreadable.\n");
        return argc == 2 ? 0 : 2;
    }
    file_name = argv[1];
    if ((f = fopen(file_name, "r")) == NULL)
    {
        fprintf(stderr, "checkcert: %s: error: cannot open\n", file_name);
        return 2;
    }
    mpq_init(beta); mpq_init(value); mpq_init(xi); mpq_init(t); mpq_init(u);
    mpq_init(bound); mpq_init(primal); mpq_init(dual_obj); mpq_init(penalty); mpq_init(b);

    /* header and problem */
    next_line(f);
    expect("wedgecert-certificate", 1);
    if (strcmp(tok[1], "1") != 0)
        die(2, "unknown certificate version '%s'", tok[1]);
    next_line(f);
    expect("problem", 5);
    loss = !strcmp(tok[1], "interp") ? INTERP : !strcmp(tok[1], "l1") ? L1
         : !strcmp(tok[1], "hinge") ? HINGE : !strcmp(tok[1], "squared") ? SQUARED : -1;
    if (loss < 0)
        die(2, "unknown loss '%s'", tok[1]);
    read_q(beta, tok[2]);
    if (mpq_sgn(beta) <= 0 || (loss == INTERP && mpq_cmp_ui(beta, 1, 1) != 0))
        die(2, "beta must be positive (and 1 for interp)");
    if ((strcmp(tok[3], "bias=0") && strcmp(tok[3], "bias=1"))
        || (strcmp(tok[4], "intercept=0") && strcmp(tok[4], "intercept=1"))
        || (strcmp(tok[5], "dictionary=full") && strcmp(tok[5], "dictionary=samples")))
        die(2, "expected bias=0|1 intercept=0|1 dictionary=full|samples");
    bias = tok[3][5] == '1';
    icpt = tok[4][10] == '1';
    samples = strcmp(tok[5], "dictionary=samples") == 0;
    if (bias && !icpt)
        die(2, "hidden biases come with the intercept (intercept=1)");

    /* data */
    next_line(f);
    expect("data", 2);
    n = read_count(tok[1], 1, 1000000);
    d = read_count(tok[2], 1, 64);
    X = malloc(sizeof(mpq_t) * n * d);
    y = malloc(sizeof(mpq_t) * n);
    for (i = 0; i < n; i++)
    {
        next_line(f);
        expect("x", (int) d + 1);
        for (j = 0; j < d; j++)
        {
            mpq_init(X[i * d + j]);
            read_q(X[i * d + j], tok[1 + j]);
        }
        mpq_init(y[i]);
        read_q(y[i], tok[1 + d]);
        if (loss == HINGE && mpz_cmpabs_ui(mpq_numref(y[i]), 1) != 0)
            die(1, "hinge labels must be -1 or +1 (sample %ld)", i);
        if (loss == HINGE && mpz_cmp_ui(mpq_denref(y[i]), 1) != 0)
            die(1, "hinge labels must be -1 or +1 (sample %ld)", i);
    }

    v = malloc(sizeof(mpq_t) * n);
    fx = malloc(sizeof(mpq_t) * n);
    col = malloc(sizeof(mpq_t) * n);
    w = malloc(sizeof(mpq_t) * d);
    T = malloc(sizeof(long) * (d + 1));
    S = malloc(sizeof(long) * (d + 2));
    for (i = 0; i < n; i++)
    {
        mpq_init(v[i]); mpq_init(fx[i]); mpq_init(col[i]);
    }
    for (j = 0; j < d; j++)
        mpq_init(w[j]);

    next_line(f);
    expect("status", 1);
    optimal = strcmp(tok[1], "optimal") == 0;
    if (!optimal && strcmp(tok[1], "infeasible") != 0)
        die(2, "expected status optimal or infeasible");
    if (!optimal && loss != INTERP)
        die(1, "only interpolation can be infeasible");

    /* the primal point: the network, evaluated exactly */
    if (optimal)
    {
        next_line(f);
        expect("value", 1);
        read_q(value, tok[1]);
        next_line(f);
        expect("xi", 1);
        read_q(xi, tok[1]);
        if (!icpt && mpq_sgn(xi) != 0)
            die(1, "xi is not 0 but the problem has no intercept");
        next_line(f);
        expect("neurons", 1);
        m = read_count(tok[1], 0, 100000000);
        for (i = 0; i < n; i++)
            mpq_set(fx[i], xi);
        for (j = 0; j < m; j++)
        {
            next_line(f);
            expect("neuron", 4);
            k = read_index_list(T, tok[1], d);
            ns = read_index_list(S, tok[2], n);
            if (k < 1 || (samples && k != d) || ns != (bias ? k : k - 1))
                die(1, "neuron %ld: |T| = %d, |S| = %d is not an atom of the %s dictionary",
                    j, k, ns, samples ? "sample-wedge" : "vertex");
            if (strcmp(tok[3], "+") && strcmp(tok[3], "-"))
                die(2, "expected sign + or -");
            read_q(u, tok[4]);
            if (!atom(w, b, T, k, S, bias, tok[3][0] == '+' ? 1 : -1))
                die(1, "neuron %ld: zero direction, not an atom", j);
            column(col, w, b);
            for (i = 0; i < n; i++)
            {
                mpq_mul(t, u, col[i]);
                mpq_add(fx[i], fx[i], t);
            }
            mpq_abs(t, u);                  /* ||w||_1 = 1 */
            mpq_add(penalty, penalty, t);
        }
        next_line(f);
        expect("dual", (int) n);
    }
    else
    {
        next_line(f);
        expect("farkas", (int) n);
    }
    for (i = 0; i < n; i++)
        read_q(v[i], tok[1 + i]);
    next_line(f);
    expect("end", 0);
    fclose(f);

    /* primal objective and feasibility */
    if (optimal)
    {
        mpq_set_ui(primal, 0, 1);
        for (i = 0; i < n; i++)
        {
            mpq_sub(t, fx[i], y[i]);
            if (loss == INTERP && mpq_sgn(t) != 0)
                die(1, "primal infeasible: f(x_%ld) != y_%ld", i, i);
            if (loss == L1)
            {
                mpq_abs(t, t);
                mpq_add(primal, primal, t);
            }
            if (loss == SQUARED)
            {
                mpq_mul(t, t, t);
                mpq_div_2exp(t, t, 1);
                mpq_add(primal, primal, t);
            }
            if (loss == HINGE)
            {
                mpq_mul(t, y[i], fx[i]);
                mpq_set_ui(u, 1, 1);
                mpq_sub(t, u, t);
                if (mpq_sgn(t) > 0)
                    mpq_add(primal, primal, t);
            }
        }
        mpq_mul(t, beta, penalty);
        mpq_add(primal, primal, t);
    }

    /* dual (or Farkas) conditions on v alone */
    mpq_set_ui(dual_obj, 0, 1);
    mpq_set_ui(t, 0, 1);
    for (i = 0; i < n; i++)
    {
        mpq_mul(u, y[i], v[i]);
        mpq_add(dual_obj, dual_obj, u);
        mpq_add(t, t, v[i]);
        if (optimal && loss == L1 && mpz_cmpabs(mpq_numref(v[i]), mpq_denref(v[i])) > 0)
            die(1, "dual infeasible: |v_%ld| > 1", i);
        if (optimal && loss == HINGE && (mpq_sgn(u) < 0 || mpq_cmp_ui(u, 1, 1) > 0))
            die(1, "dual infeasible: y_%ld v_%ld is not in [0, 1]", i, i);
    }
    if (icpt && mpq_sgn(t) != 0)
        die(1, "%s: 1^T v != 0 although the intercept is free", optimal ? "dual infeasible" : "not a Farkas vector");
    if (!optimal && mpq_sgn(dual_obj) <= 0)
        die(1, "not a Farkas vector: y^T v <= 0");
    if (loss == SQUARED)
        for (i = 0; i < n; i++)     /* dual objective y^T v - (1/2) v^T v */
        {
            mpq_mul(u, v[i], v[i]);
            mpq_div_2exp(u, u, 1);
            mpq_sub(dual_obj, dual_obj, u);
        }

    /* every atom of the dictionary, re-enumerated from the data */
    mpq_set(bound, beta);
    for (k = samples ? (int) d : 1; k <= d; k++)
    {
        ns = bias ? k : k - 1;
        if (ns > n)
            continue;
        first_subset(T, k);
        do
        {
            first_subset(S, ns);
            do
            {
                for (sign = 1; sign >= -1; sign -= 2)
                {
                    if (!atom(w, b, T, k, S, bias, sign))
                        continue;
                    atoms++;
                    column(col, w, b);
                    mpq_set_ui(t, 0, 1);
                    for (i = 0; i < n; i++)
                    {
                        mpq_mul(u, col[i], v[i]);
                        mpq_add(t, t, u);
                    }
                    if (!optimal && mpq_sgn(t) != 0)
                        die(1, "not a Farkas vector: k_u^T v != 0 for an atom (k = %d)", k);
                    mpq_abs(t, t);
                    if (optimal && mpq_cmp(t, bound) > 0)
                        die(1, "dual infeasible: |k_u^T v| > %s for an atom (k = %d, T starts at %ld)",
                            loss == INTERP ? "1" : "beta", k, T[0]);
                }
            } while (next_subset(S, ns, n));
        } while (next_subset(T, k, d));
    }

    if (optimal)
    {
        if (!mpq_equal(primal, dual_obj))
            die(1, "objectives differ: the network's objective is not the dual objective");
        if (!mpq_equal(primal, value))
            die(1, "the claimed value is not the certified objective");
        gmp_printf("checkcert: ACCEPTED: optimal value %Qd, dual feasible over all %ld atom origins (T, S, sign) of the %s dictionary\n",
                   value, atoms, samples ? "sample-wedge" : "complete vertex");
    }
    else
        printf("checkcert: ACCEPTED: infeasible, Farkas vector checked over all %ld atom origins (T, S, sign)\n", atoms);
    return 0;
}
