/*
 * checkcert.c -- the independent checker of wedgecert certificates.
 *
 * Written against GMP and the C library alone: no FLINT, no GLPK, no code
 * shared with src/.  It reads a certificate (proofs/CERTIFICATE.md),
 * recomputes every atom of the vertex dictionary from the data by its own
 * determinants, and checks
 *
 *   optimal:    the network is primal feasible, the dual point is dual
 *               feasible for EVERY atom of the stated dictionary, and the
 *               primal objective = the dual objective = the claimed value
 *               (squared loss: the dual objective is y^T v - v^T v / 2);
 *   infeasible: the Farkas vector v has k_u^T v = 0 for every atom
 *               (1^T v = 0 with an intercept) and y^T v > 0.
 *
 * Weak duality (proofs/DERIVATIONS.md) turns the optimal case into a proof
 * that the value is the global optimum of the training problem.  What the
 * checker trusts and what it re-derives: proofs/README.md.
 *
 * The file is read whole and held to its grammar exactly: printable ASCII
 * and newlines only, single blanks between fields, numbers in canonical
 * form, nothing after 'end'.  The loop over the atoms works in integers:
 * with X = Xz / L (L the lcm of the denominators) and v = Vz / Dv, an
 * atom's integer direction w' (cofactors of the scaled rows) gives
 * t_i = <Xz_i, w'> + b', and k_u^T v = sum Vz_i (t_i)_+ / (L ||w'||_1 Dv);
 * in machine integers when a bound proves that they fit, else in GMP.
 *
 * Usage: checkcert FILE.  Exit 0 accepted, 1 rejected, 2 unreadable.
 */
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gmp.h>

enum { INTERP, L1, HINGE, SQUARED };

static const char * file_name;
static long line_no, col_no;        /* where the field being read starts */
static jmp_buf * catcher;           /* set by check(): die() returns there */
int checkcert_quiet;                /* 1: no messages (the fuzz harness) */

static void
die(int code, const char * fmt, ...)
{
    va_list ap;

    if (!checkcert_quiet)
    {
        if (code == 2)
            fprintf(stderr, "checkcert: %s:%ld:%ld: error: ", file_name, line_no, col_no);
        else
            fprintf(stderr, "checkcert: REJECTED: ");
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fputc('\n', stderr);
    }
    if (catcher != NULL)
        longjmp(*catcher, code);
    exit(code);
}

/* p resized to count * size bytes (p = NULL: a new block), or a clean
 * exit: never a null pointer. */
static void *
xrealloc(void * p, size_t count, size_t size)
{
    if (size != 0 && count > (size_t) -1 / size)
        die(2, "out of memory (%zu x %zu bytes)", count, size);
    p = realloc(p, count * size + 1);
    if (p == NULL)
        die(2, "out of memory (%zu x %zu bytes)", count, size);
    return p;
}

#define xmalloc(count, size) xrealloc(NULL, (count), (size))

/* ------------------------------------------------------------- reading */

static const char * text;           /* the whole file */
static size_t text_len, pos;
static char * line;                 /* the current line, split in place */
static size_t line_cap;
static char ** tok;
static long * tokcol;
static long ntok;
static size_t tok_cap;

/* Every byte is printable ASCII or a newline, the last byte a newline. */
static void
check_bytes(void)
{
    size_t i, start = 0;

    line_no = 1;
    for (i = 0; i < text_len; i++)
    {
        unsigned char c = (unsigned char) text[i];
        if (c == '\n')
        {
            line_no++;
            start = i + 1;
        }
        else if (c < 0x20 || c > 0x7e)
        {
            col_no = (long) (i - start) + 1;
            die(2, "byte 0x%02x is not allowed (printable ASCII and newlines only)", c);
        }
    }
    if (text_len > 0 && text[text_len - 1] != '\n')
    {
        line_no--;
        col_no = (long) (text_len - start) + 1;
        die(2, "the last line has no newline");
    }
    line_no = 0;
}

/* Reads the next non-comment line and splits it at single blanks. */
static void
next_line(void)
{
    size_t start, end, len, i;

    for (;;)
    {
        line_no++;
        col_no = 1;
        if (pos >= text_len)
            die(2, "unexpected end of file");
        start = pos;
        for (end = start; text[end] != '\n'; end++)
            ;
        pos = end + 1;
        if (text[start] != '#')
            break;
    }
    len = end - start;
    if (len + 1 > line_cap)
    {
        free(line);
        line_cap = len + 1;
        line = xmalloc(line_cap, 1);
    }
    memcpy(line, text + start, len);
    line[len] = '\0';
    if (len + 1 > tok_cap)
    {
        free(tok);
        free(tokcol);
        tok_cap = len + 1;
        tok = xmalloc(tok_cap, sizeof(char *));
        tokcol = xmalloc(tok_cap, sizeof(long));
    }
    /* field ntok starts at start; it ends at a blank or the line's end */
    for (ntok = 0, start = 0, i = 0; i <= len; i++)
        if (i == len || line[i] == ' ')
        {
            col_no = (long) i + 1;
            if (i == start)
                die(2, len == 0 ? "empty line" : "empty field (fields are separated by single blanks)");
            line[i] = '\0';
            tok[ntok] = line + start;
            tokcol[ntok++] = (long) start + 1;
            start = i + 1;
        }
}

/* Field i of the line, remembering its column for error messages. */
static const char *
field(long i)
{
    col_no = tokcol[i];
    return tok[i];
}

static void
expect(const char * key, long fields)
{
    if (strcmp(field(0), key) != 0)
        die(2, "expected a '%s' line", key);
    if (fields >= 0 && ntok != fields + 1)
        die(2, "expected %ld fields after '%s', found %ld", fields, key, ntok - 1);
}

/* s[0..len) is a natural number in canonical form: 0 or [1-9][0-9]*. */
static int
is_natural(const char * s, size_t len)
{
    size_t i;

    if (len == 0 || (s[0] == '0' && len > 1))
        return 0;
    for (i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static mpz_t gcd;       /* file scope: die() leaves read_q by longjmp */

/* Field i as an exact rational "p" or "p/q": canonical (no "-0", no
 * leading zeros, q > 1, gcd(p, q) = 1). */
static void
read_q(mpq_t r, long i)
{
    const char * s = field(i), * p = s + (s[0] == '-'), * slash = strchr(s, '/');
    size_t np = slash ? (size_t) (slash - p) : strlen(p);

    if (!is_natural(p, np) || (s[0] == '-' && np == 1 && p[0] == '0')
        || (slash && (!is_natural(slash + 1, strlen(slash + 1)) || !strcmp(slash + 1, "0")
                      || !strcmp(slash + 1, "1"))))
        die(2, "expected a rational p or p/q in lowest terms (q > 1), found '%s'", s);
    if (mpq_set_str(r, s, 10) != 0)
        die(2, "expected a rational p or p/q, found '%s'", s);
    if (slash)
    {
        mpz_gcd(gcd, mpq_numref(r), mpq_denref(r));
        if (mpz_cmp_ui(gcd, 1) != 0)
            die(2, "'%s' is not in lowest terms", s);
    }
}

static long
read_count(long i, long lo, long hi)
{
    const char * s = field(i);
    long v;

    errno = 0;
    v = strtol(s, NULL, 10);
    if (!is_natural(s, strlen(s)) || errno != 0 || v < lo || v > hi)
        die(2, "expected a whole number in %ld..%ld, found '%s'", lo, hi, s);
    return v;
}

/* Field i: indices below bound separated by ',' (increasing when sorted:
 * a set; '-' the empty one), at most cap of them.  Returns the count, or
 * cap + 1 when there are more. */
static long
read_indices(long * out, long i, long bound, long cap, int sorted)
{
    const char * s = field(i), * p = s;
    long k = 0;

    if (strcmp(s, "-") == 0)
        return 0;
    for (;;)
    {
        const char * e = strchr(p, ',');
        size_t len = e ? (size_t) (e - p) : strlen(p);
        long x;

        errno = 0;
        x = strtol(p, NULL, 10);
        if (!is_natural(p, len) || errno != 0 || x >= bound)
            die(2, "expected indices below %ld separated by ',', found '%s'", bound, s);
        if (k == cap)
            return cap + 1;
        if (sorted && k > 0 && x <= out[k - 1])
            die(2, "indices must increase: '%s'", s);
        out[k++] = x;
        if (e == NULL)
            return k;
        p = e + 1;
    }
}

/* Field i: "-" (empty) or increasing indices "0,2,5" below bound, at most
 * cap of them (more is not an atom: returns cap + 1).  Returns the count. */
static long
read_index_list(long * out, long i, long bound, long cap)
{
    return read_indices(out, i, bound, cap, 1);
}

/* ------------------------------------------------------------ algebra */

static long n, d;
static mpq_t * X, * y;              /* X[i * d + j], y[i] */
static mpz_t * Xz, Lx;              /* X = Xz / Lx, integers */
static mpz_t * M;                   /* scratch (d - 1)^2 */

/* det of the k x k integer matrix M (row-major), fraction-free (Bareiss);
 * M is destroyed. */
static void
det_z(mpz_t r, int k)
{
    int c, i, j, p, neg = 0;
    mpz_t prev, t;

    if (k == 0)
    {
        mpz_set_ui(r, 1);
        return;
    }
    mpz_init_set_ui(prev, 1);
    mpz_init(t);
    for (c = 0; c < k; c++)
    {
        for (p = c; p < k && mpz_sgn(M[p * k + c]) == 0; p++)
            ;
        if (p == k)
        {
            mpz_set_ui(r, 0);
            mpz_clear(prev);
            mpz_clear(t);
            return;
        }
        if (p != c)
        {
            for (j = 0; j < k; j++)
                mpz_swap(M[p * k + j], M[c * k + j]);
            neg = !neg;
        }
        for (i = c + 1; i < k; i++)
        {
            for (j = c + 1; j < k; j++)
            {
                mpz_mul(t, M[i * k + j], M[c * k + c]);
                mpz_submul(t, M[i * k + c], M[c * k + j]);
                mpz_divexact(M[i * k + j], t, prev);
            }
        }
        mpz_set(prev, M[c * k + c]);
    }
    mpz_set(r, M[(k - 1) * k + (k - 1)]);
    if (neg)
        mpz_neg(r, r);
    mpz_clear(prev);
    mpz_clear(t);
}

/*
 * The integer direction of the atom (T, S, +) over the scaled data Xz:
 *   w'_T = *(rows), rows = Xz_s|_T for s in S (no bias) or
 *   (Xz_s - Xz_S[0])|_T for s in S[1..] (bias), w'_t of the cross product
 *   = (-1)^t det(rows without column t);  b' = -<Xz_S[0], w'> (bias).
 * The atom of CERTIFICATE.md is w = w' / ||w'||_1, b = b' / (Lx ||w'||_1)
 * (rows scaled by Lx scale w' by Lx^(k-1) > 0; the sign - negates both).
 * Returns 0 when w' = 0.
 */
static int
direction(mpz_t * w, mpz_t b, mpz_t l1, const long * T, int k, const long * S, int bias)
{
    int rows = k - 1, t, i, j, c;

    for (j = 0; j < d; j++)
        mpz_set_ui(w[j], 0);
    mpz_set_ui(l1, 0);
    for (t = 0; t < k; t++)
    {
        for (i = 0; i < rows; i++)
            for (j = 0, c = 0; j < k; j++)
            {
                if (j == t)
                    continue;
                if (bias)
                    mpz_sub(M[i * rows + c], Xz[S[i + 1] * d + T[j]], Xz[S[0] * d + T[j]]);
                else
                    mpz_set(M[i * rows + c], Xz[S[i] * d + T[j]]);
                c++;
            }
        det_z(w[T[t]], rows);
        if (t & 1)
            mpz_neg(w[T[t]], w[T[t]]);
        if (mpz_sgn(w[T[t]]) >= 0)
            mpz_add(l1, l1, w[T[t]]);
        else
            mpz_sub(l1, l1, w[T[t]]);
    }
    mpz_set_ui(b, 0);
    for (j = 0; j < d && bias; j++)
        mpz_submul(b, Xz[S[0] * d + j], w[j]);
    return mpz_sgn(l1) != 0;
}

/* tz[i] = <Xz_i, w'> + b', for the + sign. */
static void
scaled_column(mpz_t * tz, mpz_t * w, const mpz_t b)
{
    long i, j;

    for (i = 0; i < n; i++)
    {
        mpz_set(tz[i], b);
        for (j = 0; j < d; j++)
            if (mpz_sgn(w[j]) != 0)
                mpz_addmul(tz[i], Xz[i * d + j], w[j]);
    }
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

/* An upper bound on log2(m), m >= 1, without libm. */
static double
log2_of(long m)
{
    double r = 0;

    while (m > 1)
    {
        m = (m + 1) / 2;
        r += 1;
    }
    return r;
}

/* C(m, k) as a double (for the progress line only). */
static double
binomial(long m, long k)
{
    double r = 1;
    long i;

    if (k < 0 || k > m)
        return 0;
    for (i = 1; i <= k; i++)
        r = r * (double) (m - k + i) / (double) i;
    return r;
}

/*
 * The same direction and column in machine integers, when a bound proves
 * that every value fits: entries of the rows below B = 2^(xbits+1), so an
 * r x r minor is at most r^(r/2) B^r (Hadamard), the Bareiss steps multiply
 * two minors (below 2^126 in __int128), and |t_i| <= 2 d 2^xbits max|w'_t|.
 * small_ok says whether the data allow it (set in check_every_atom).
 */
static int small_ok;
static long long * Xs;              /* Xz, when small_ok */
static long long * ws, * ts, * Ms;  /* w' (d), t (n), scratch ((d - 1)^2) */

static long long
det_small(int k)
{
    int c, i, j, p, neg = 0;
    long long prev = 1;

    if (k == 0)
        return 1;       /* the empty minor: k = 1 atoms are e_t */
    for (c = 0; c < k; c++)
    {
        for (p = c; p < k && Ms[p * k + c] == 0; p++)
            ;
        if (p == k)
            return 0;
        if (p != c)
        {
            for (j = 0; j < k; j++)
            {
                long long x = Ms[p * k + j];
                Ms[p * k + j] = Ms[c * k + j];
                Ms[c * k + j] = x;
            }
            neg = !neg;
        }
        for (i = c + 1; i < k; i++)
            for (j = c + 1; j < k; j++)
                Ms[i * k + j] = (long long) (((__int128) Ms[i * k + j] * Ms[c * k + c]
                                 - (__int128) Ms[i * k + c] * Ms[c * k + j]) / prev);
        prev = Ms[c * k + c];
    }
    return neg ? -Ms[(k - 1) * k + (k - 1)] : Ms[(k - 1) * k + (k - 1)];
}

/* direction() and scaled_column() in one, into ws and ts; ||w'||_1 into
 * l1 (mpz).  Returns 0 when w' = 0. */
static int
direction_small(mpz_t l1, const long * T, int k, const long * S, int bias)
{
    int rows = k - 1, t, i, j, c;
    long long b = 0, norm = 0;

    for (j = 0; j < d; j++)
        ws[j] = 0;
    for (t = 0; t < k; t++)
    {
        for (i = 0; i < rows; i++)
            for (j = 0, c = 0; j < k; j++)
                if (j != t)
                    Ms[i * rows + c++] = bias ? Xs[S[i + 1] * d + T[j]] - Xs[S[0] * d + T[j]]
                                              : Xs[S[i] * d + T[j]];
        ws[T[t]] = (t & 1) ? -det_small(rows) : det_small(rows);
        norm += ws[T[t]] < 0 ? -ws[T[t]] : ws[T[t]];
    }
    if (norm == 0)
        return 0;
    mpz_set_si(l1, norm);
    for (j = 0; j < d && bias; j++)
        b -= Xs[S[0] * d + j] * ws[j];
    for (i = 0; i < n; i++)
    {
        long long x = b;
        for (j = 0; j < d; j++)
            x += Xs[i * d + j] * ws[j];
        ts[i] = x;
    }
    return 1;
}

/* 1 if every value of direction_small provably fits (see there). */
static int
small_fits(void)
{
    double xbits = 0, wlog = 0;
    long i, r;

    for (i = 0; i < n * d; i++)
        if (mpz_sizeinbase(Xz[i], 2) > xbits)
            xbits = (double) mpz_sizeinbase(Xz[i], 2);
    for (r = 1; r < d; r++)
        if (0.5 * r * log2_of(r) + r * (xbits + 1) > wlog)
            wlog = 0.5 * r * log2_of(r) + r * (xbits + 1);
    /* |t_i| <= 2 d 2^xbits 2^wlog, and ||w'||_1 <= d 2^wlog */
    return 1 + log2_of(d) + xbits + wlog <= 61 && d <= 16;
}

/* ---------------------------------------------------------------- main */

/* Everything lives in file scope, so that it stays reachable whichever
 * way the checker exits (and a leak checker sees no leak). */
static long * T, * S;
static mpq_t beta, value, xi, t, u, primal, dual_obj, penalty;
static mpz_t bz, l1, s_plus, s_minus, lhs, rhs, rhs_factor, Dv, qbound;
static mpq_t * v, * fx;
static mpz_t * w, * tz, * Vz;
static int loss, bias, icpt, samples, optimal;
static int l2;                       /* penalty=l2: a bracket (section 12) */
static int depth;                   /* mirrors-L: the reflection dictionary; 0: vertex */

/* Lines 'problem' .. the data: the problem, X, y, and their integer scaling. */
static int line_ready;               /* the next line is read already */
static int trunk;                    /* the samples went through a trunk */

/* 'trunk L' and its layers ('layer ROWS COLS', then a line 'w W_1 .. W_COLS
 * B' a unit): the samples X become their features h = (W h + b)_+, layer
 * by layer, and d the last layer's width (DERIVATIONS.md section 11). */
static void
read_trunk(void)
{
    long layers = read_count(1, 1, 64), l, u, k, i, rows;
    mpq_t * H, wk, b;

    mpq_init(wk); mpq_init(b);
    for (l = 0; l < layers; l++)
    {
        next_line();
        expect("layer", 2);
        rows = read_count(1, 1, 64);
        if (read_count(2, 1, 64) != d)
            die(2, "layer %ld: expected %ld columns (the width of its input)", l + 1, d);
        H = xmalloc((size_t) n, (size_t) rows * sizeof(mpq_t));
        for (i = 0; i < n * rows; i++)
            mpq_init(H[i]);
        for (u = 0; u < rows; u++)
        {
            next_line();
            expect("w", d + 1);
            read_q(b, d + 1);
            for (i = 0; i < n; i++)
                mpq_set(H[i * rows + u], b);
            for (k = 0; k < d; k++)
            {
                read_q(wk, 1 + k);
                for (i = 0; i < n; i++)
                {
                    mpq_mul(t, wk, X[i * d + k]);
                    mpq_add(H[i * rows + u], H[i * rows + u], t);
                }
            }
            for (i = 0; i < n; i++)
                if (mpq_sgn(H[i * rows + u]) < 0)
                    mpq_set_ui(H[i * rows + u], 0, 1);
        }
        for (i = 0; i < n * d; i++)
            mpq_clear(X[i]);
        free(X);
        X = H;
        d = rows;
    }
    mpq_clear(wk); mpq_clear(b);
    trunk = 1;
    next_line();
}

static void
read_problem_and_data(void)
{
    long i, j, cap = 0;

    next_line();
    expect("wedgecert-certificate", 1);
    if (strcmp(field(1), "1") != 0)
        die(2, "unknown certificate version '%s'", tok[1]);
    next_line();
    expect("problem", -1);
    l2 = ntok == 7 && strcmp(field(6), "penalty=l2") == 0;
    if (ntok != 6 && !l2)
        die(2, "expected 'problem LOSS BETA bias= intercept= dictionary=' (and penalty=l2)");
    if (l2 && strcmp(field(5), "dictionary=directions") != 0)
        die(2, "expected dictionary=directions with penalty=l2");
    loss = !strcmp(field(1), "interp") ? INTERP : !strcmp(tok[1], "l1") ? L1
         : !strcmp(tok[1], "hinge") ? HINGE : !strcmp(tok[1], "squared") ? SQUARED : -1;
    if (loss < 0)
        die(2, "unknown loss '%s'", tok[1]);
    read_q(beta, 2);
    if (mpq_sgn(beta) <= 0 || (loss == INTERP && mpq_cmp_ui(beta, 1, 1) != 0))
        die(2, "beta must be positive (and 1 for interp)");
    if ((strcmp(field(3), "bias=0") && strcmp(tok[3], "bias=1"))
        || (strcmp(field(4), "intercept=0") && strcmp(tok[4], "intercept=1"))
        || (strcmp(field(5), "dictionary=full") && strcmp(tok[5], "dictionary=samples")
            && strncmp(tok[5], "dictionary=mirrors-", 19) && !l2))
        die(2, "expected bias=0|1 intercept=0|1 dictionary=full|samples|mirrors-L");
    bias = tok[3][5] == '1';
    icpt = tok[4][10] == '1';
    samples = strcmp(tok[5], "dictionary=samples") == 0;
    if (!strncmp(tok[5], "dictionary=mirrors-", 19))
    {
        depth = tok[5][19] - '0';
        if (depth < 2 || depth > 4 || tok[5][20] != '\0' || !bias)
            die(2, "expected dictionary=mirrors-2, -3 or -4, with bias=1");
    }
    if (bias && !icpt)
        die(2, "hidden biases come with the intercept (intercept=1)");

    next_line();
    expect("data", 2);
    n = read_count(1, 1, LONG_MAX / 2);
    d = read_count(2, 1, 64);
    mpz_init_set_ui(Lx, 1);
    for (i = 0; i < n; i++)
    {
        if (i == cap)
        {
            /* grow with the rows actually there, not with the n claimed */
            cap = cap < n / 2 ? 2 * cap + 16 : n;
            X = xrealloc(X, (size_t) cap, (size_t) d * sizeof(mpq_t));
            y = xrealloc(y, (size_t) cap, sizeof(mpq_t));
        }
        next_line();
        expect("x", d + 1);
        for (j = 0; j < d; j++)
        {
            mpq_init(X[i * d + j]);
            read_q(X[i * d + j], 1 + j);
        }
        mpq_init(y[i]);
        read_q(y[i], 1 + d);
        if (loss == HINGE && (mpz_cmpabs_ui(mpq_numref(y[i]), 1) != 0
                              || mpz_cmp_ui(mpq_denref(y[i]), 1) != 0))
            die(1, "hinge labels must be -1 or +1 (sample %ld)", i);
    }
    next_line();
    if (strcmp(field(0), "trunk") == 0)
        read_trunk();
    line_ready = 1;
    mpz_set_ui(Lx, 1);
    for (i = 0; i < n * d; i++)
        mpz_lcm(Lx, Lx, mpq_denref(X[i]));
    Xz = xmalloc((size_t) n, (size_t) d * sizeof(mpz_t));
    for (i = 0; i < n * d; i++)
    {
        mpz_init(Xz[i]);
        mpz_divexact(Xz[i], Lx, mpq_denref(X[i]));
        mpz_mul(Xz[i], Xz[i], mpq_numref(X[i]));
    }
}

/* ------------------------------------------- the reflection dictionary */

/* g_L(x) of the feature (sg, jj, kk) of depth L = depth (DERIVATIONS.md
 * section 10): g_1 = x, g_{l+1} = (s_l (g_l(x) - g_l(a_l)))_+, a_l = x_{j_l}
 * (kk: a_1 = 2 x_{j_2} - x_{j_1}); the anchors run the same recursion. */
static void
mirror_g(mpq_t r, const mpq_t x0, const int * sg, const long * jj, int kk)
{
    mpq_t a[3], ga, q;
    int l, m;

    mpq_init(ga); mpq_init(q);
    for (l = 0; l < 3; l++)
        mpq_init(a[l]);
    for (l = 0; l < depth - 1; l++)
        mpq_set(a[l], X[jj[l]]);
    if (kk)
    {
        mpq_add(a[0], X[jj[1]], X[jj[1]]);
        mpq_sub(a[0], a[0], X[jj[0]]);
    }
    mpq_set(r, x0);
    for (l = 0; l < depth - 1; l++)
    {
        mpq_set(ga, a[l]);              /* g_l at the anchor */
        for (m = 0; m < l; m++)
        {
            mpq_sub(q, ga, a[m]);
            if (sg[m] < 0) mpq_neg(q, q);
            if (mpq_sgn(q) < 0) mpq_set_ui(q, 0, 1);
            mpq_set(ga, q);
        }
        mpq_sub(q, r, ga);
        if (sg[l] < 0) mpq_neg(q, q);
        if (mpq_sgn(q) < 0) mpq_set_ui(q, 0, 1);
        mpq_set(r, q);
        mpq_set(a[l], ga);              /* later anchors need g_l(a_l) */
    }
    for (l = 0; l < 3; l++)
        mpq_clear(a[l]);
    mpq_clear(ga); mpq_clear(q);
}

/* 'neuron SIGNS J K ALPHA': a chain of the reflection dictionary. */
static void
add_chain(long j)
{
    int sg[3], kk, l;
    long jj[3], i;
    const char * sv = field(1);

    if ((long) strlen(sv) != depth - 1 || read_indices(jj, 2, n, 3, 0) != depth - 1)
        die(1, "neuron %ld: expected %d signs and %d sample indices", j, depth - 1, depth - 1);
    for (l = 0; l < depth - 1; l++)
    {
        if (sv[l] != '+' && sv[l] != '-')
            die(2, "expected signs + or -");
        sg[l] = sv[l] == '+' ? 1 : -1;
    }
    kk = (int) read_count(3, 0, depth == 4 ? 1 : 0);
    read_q(u, 4);
    for (i = 0; i < n; i++)
    {
        mirror_g(t, X[i], sg, jj, kk);
        mpq_mul(t, t, u);
        mpq_add(fx[i], fx[i], t);
    }
    mpq_abs(t, u);
    mpq_add(penalty, penalty, t);
}

/* Every feature of the reflection dictionary, re-enumerated: |k^T v| <=
 * the bound (optimal) or k^T v = 0 (infeasible).  Returns the count. */
static long
check_every_mirror(void)
{
    long i, g, jj[3], nj = 1, count = 0;
    int sg[3], kk, l, sm;
    mpq_t kv, bound;

    mpq_init(kv); mpq_init(bound);
    mpq_set_ui(bound, 1, 1);
    if (loss != INTERP)
        mpq_set(bound, beta);
    for (l = 0; l < depth - 1; l++)
        nj *= n;
    for (kk = 0; kk <= (depth == 4); kk++)
        for (g = 0; g < nj; g++)
            for (sm = 0; sm < 1 << (depth - 1); sm++)
            {
                long r = g;
                for (l = depth - 2; l >= 0; l--, r /= n)
                    jj[l] = r % n;
                for (l = 0; l < depth - 1; l++)
                    sg[l] = (sm >> l & 1) ? -1 : 1;
                mpq_set_ui(kv, 0, 1);
                for (i = 0; i < n; i++)
                {
                    mirror_g(t, X[i], sg, jj, kk);
                    mpq_mul(t, t, v[i]);
                    mpq_add(kv, kv, t);
                }
                count++;
                if (!optimal && mpq_sgn(kv) != 0)
                    die(1, "not a Farkas vector: k^T v != 0 for a feature of depth %d", depth);
                mpq_abs(kv, kv);
                if (optimal && mpq_cmp(kv, bound) > 0)
                    die(1, "dual infeasible: |k^T v| > %s for a feature of depth %d (j_1 = %ld)",
                        loss == INTERP ? "1" : "beta", depth, jj[0]);
            }
    mpq_clear(kv); mpq_clear(bound);
    return count;
}

/* f(x_i) += alpha k(x_i) for the atom (T, S, sign) of a neuron line;
 * penalty += |alpha| (||w||_1 = 1). */
static void
add_neuron(long j)
{
    long k, ns, i;
    const char * sg;

    if (depth)
    {
        add_chain(j);
        return;
    }
    k = read_index_list(T, 1, d, d);
    ns = read_index_list(S, 2, n, d + 1);
    if (k < 1 || k > d || (samples && k != d) || ns != (bias ? k : k - 1))
        die(1, "neuron %ld: |T| = %ld, |S| = %ld is not an atom of the %s dictionary",
            j, k, ns, samples ? "sample-wedge" : "vertex");
    sg = field(3);
    if (strcmp(sg, "+") && strcmp(sg, "-"))
        die(2, "expected sign + or -");
    read_q(u, 4);
    if (!direction(w, bz, l1, T, (int) k, S, bias))
        die(1, "neuron %ld: zero direction, not an atom", j);
    scaled_column(tz, w, bz);
    /* k(x_i) = (+-t_i)_+ / (Lx ||w'||_1) */
    for (i = 0; i < n; i++)
    {
        if (sg[0] == '-')
            mpz_neg(tz[i], tz[i]);
        if (mpz_sgn(tz[i]) <= 0)
            continue;
        mpz_set(mpq_numref(t), tz[i]);
        mpz_mul(mpq_denref(t), Lx, l1);
        mpq_canonicalize(t);
        mpq_mul(t, t, u);
        mpq_add(fx[i], fx[i], t);
    }
    mpq_abs(t, u);
    mpq_add(penalty, penalty, t);
}

/* Every atom of the dictionary, re-enumerated from the data: k_u^T v
 * within the bound (optimal) or zero (infeasible).  Returns the count. */
static long
check_every_atom(void)
{
    long i, atoms = 0, origins = 0;
    double total = 0;
    int k, ns;
    time_t start = time(NULL), last = start;

    for (k = samples ? (int) d : 1; k <= d; k++)
        total += binomial(d, k) * binomial(n, bias ? k : k - 1);
    if ((small_ok = small_fits()))
    {
        Xs = xmalloc((size_t) n, (size_t) d * sizeof(long long));
        ws = xmalloc((size_t) d, sizeof(long long));
        ts = xmalloc((size_t) n, sizeof(long long));
        Ms = xmalloc((size_t) d * (size_t) d, sizeof(long long));
        for (i = 0; i < n * d; i++)
            Xs[i] = mpz_get_si(Xz[i]);
    }
    /* |s| <= bound Lx ||w'||_1 Dv, bound = p/q:  q |s| <= (p Lx Dv) ||w'||_1 */
    mpz_mul(rhs_factor, Lx, Dv);
    if (loss == INTERP)
        mpz_set_ui(qbound, 1);
    else
    {
        mpz_mul(rhs_factor, rhs_factor, mpq_numref(beta));
        mpz_set(qbound, mpq_denref(beta));
    }
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
                if ((++origins & 0xffff) == 0 && time(NULL) - last >= 5)
                {
                    last = time(NULL);
                    fprintf(stderr, "checkcert: %ld of %.0f atom origins checked (%ld s)\n",
                            origins, total, (long) (last - start));
                }
                /* the + atom sees (t_i)_+, the - atom (-t_i)_+ */
                mpz_set_ui(s_plus, 0);
                mpz_set_ui(s_minus, 0);
                if (small_ok)
                {
                    if (!direction_small(l1, T, k, S, bias))
                        continue;
                    for (i = 0; i < n; i++)
                        if (ts[i] > 0)
                            mpz_addmul_ui(s_plus, Vz[i], (unsigned long) ts[i]);
                        else if (ts[i] < 0)
                            mpz_addmul_ui(s_minus, Vz[i], (unsigned long) -ts[i]);
                }
                else
                {
                    if (!direction(w, bz, l1, T, k, S, bias))
                        continue;
                    scaled_column(tz, w, bz);
                    for (i = 0; i < n; i++)
                        if (mpz_sgn(tz[i]) > 0)
                            mpz_addmul(s_plus, Vz[i], tz[i]);
                        else if (mpz_sgn(tz[i]) < 0)
                            mpz_submul(s_minus, Vz[i], tz[i]);
                }
                atoms += 2;
                if (!optimal)
                {
                    if (mpz_sgn(s_plus) != 0 || mpz_sgn(s_minus) != 0)
                        die(1, "not a Farkas vector: k_u^T v != 0 for an atom (k = %d)", k);
                    continue;
                }
                mpz_mul(rhs, rhs_factor, l1);
                mpz_abs(lhs, s_plus);
                if (mpz_cmpabs(s_minus, lhs) > 0)
                    mpz_abs(lhs, s_minus);
                mpz_mul(lhs, lhs, qbound);
                if (mpz_cmp(lhs, rhs) > 0)
                    die(1, "dual infeasible: |k_u^T v| > %s for an atom (k = %d, T starts at %ld)",
                        loss == INTERP ? "1" : "beta", k, T[0]);
            } while (next_subset(S, ns, n));
        } while (next_subset(T, k, d));
    }
    return atoms;
}

/* The arrays every part below shares, sized by n and d. */
static void
allocate(void)
{
    long i;

    v = xmalloc((size_t) n, sizeof(mpq_t));
    fx = xmalloc((size_t) n, sizeof(mpq_t));
    tz = xmalloc((size_t) n, sizeof(mpz_t));
    Vz = xmalloc((size_t) n, sizeof(mpz_t));
    w = xmalloc((size_t) d, sizeof(mpz_t));
    M = xmalloc((size_t) d * (size_t) d, sizeof(mpz_t));
    T = xmalloc((size_t) d + 1, sizeof(long));
    S = xmalloc((size_t) d + 2, sizeof(long));
    for (i = 0; i < n; i++)
    {
        mpq_init(v[i]); mpq_init(fx[i]); mpz_init(tz[i]); mpz_init(Vz[i]);
    }
    for (i = 0; i < d; i++)
        mpz_init(w[i]);
    for (i = 0; i < d * d; i++)
        mpz_init(M[i]);
}

/* From 'status' to 'end': the network, evaluated exactly (fx, penalty),
 * and the dual point or Farkas vector v. */
static void
read_solution(void)
{
    long i, m;

    if (!line_ready)
        next_line();
    line_ready = 0;
    expect("status", 1);
    optimal = strcmp(tok[1], "optimal") == 0;
    if (!optimal && strcmp(field(1), "infeasible") != 0)
        die(2, "expected status optimal or infeasible");
    if (!optimal && loss != INTERP)
        die(1, "only interpolation can be infeasible");
    if (optimal)
    {
        next_line();
        expect("value", 1);
        read_q(value, 1);
        next_line();
        expect("xi", 1);
        read_q(xi, 1);
        if (!icpt && mpq_sgn(xi) != 0)
            die(1, "xi is not 0 but the problem has no intercept");
        next_line();
        expect("neurons", 1);
        m = read_count(1, 0, LONG_MAX);
        for (i = 0; i < n; i++)
            mpq_set(fx[i], xi);
        for (i = 0; i < m; i++)
        {
            next_line();
            expect("neuron", 4);
            add_neuron(i);
        }
    }
    next_line();
    expect(optimal ? "dual" : "farkas", n);
    for (i = 0; i < n; i++)
        read_q(v[i], 1 + i);
    next_line();
    expect("end", 0);
    if (pos != text_len)
    {
        line_no++;
        col_no = 1;
        die(2, "text after 'end'");
    }
}

/* The training objective of the network (primal feasibility for interp). */
static void
primal_objective(void)
{
    long i;

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

/* The conditions on v alone (per-loss bounds, 1^T v, y^T v for a Farkas
 * vector), the dual objective, and v = Vz / Dv in integers. */
static void
dual_conditions(void)
{
    long i;

    mpq_set_ui(t, 0, 1);
    mpz_set_ui(Dv, 1);
    for (i = 0; i < n; i++)
    {
        mpq_mul(u, y[i], v[i]);
        mpq_add(dual_obj, dual_obj, u);
        mpq_add(t, t, v[i]);
        mpz_lcm(Dv, Dv, mpq_denref(v[i]));
        if (optimal && loss == L1 && mpz_cmpabs(mpq_numref(v[i]), mpq_denref(v[i])) > 0)
            die(1, "dual infeasible: |v_%ld| > 1", i);
        if (optimal && loss == HINGE && (mpq_sgn(u) < 0 || mpq_cmp_ui(u, 1, 1) > 0))
            die(1, "dual infeasible: y_%ld v_%ld is not in [0, 1]", i, i);
    }
    for (i = 0; i < n; i++)
    {
        mpz_divexact(Vz[i], Dv, mpq_denref(v[i]));
        mpz_mul(Vz[i], Vz[i], mpq_numref(v[i]));
    }
    if (icpt && mpq_sgn(t) != 0)
        die(1, "%s: 1^T v != 0 although the intercept is free",
            optimal ? "dual infeasible" : "not a Farkas vector");
    if (!optimal && mpq_sgn(dual_obj) <= 0)
        die(1, "not a Farkas vector: y^T v <= 0");
    if (loss == SQUARED)
        for (i = 0; i < n; i++)     /* dual objective y^T v - (1/2) v^T v */
        {
            mpq_mul(u, v[i], v[i]);
            mpq_div_2exp(u, u, 1);
            mpq_sub(dual_obj, dual_obj, u);
        }
}

/* ------------------------------------------- the l2 penalty (a bracket) */

/* penalty=l2 (DERIVATIONS.md section 12): the certificate claims
 * lower <= OPT <= upper.  upper: the network's loss plus beta times an
 * upper bound of sum |alpha| ||w||_2, each root bounded by an integer
 * square root.  lower: the dual objective of v, whose constraint
 * max |sum_i v_i (x_i^T w + b)_+| <= bound ||w|| is decided at every face
 * point of the arrangement, found here by brute force over pairs of rays
 * (not the sorted sweep of src/). */
static mpz_t * u3, c3[3], cp3[3], cm3[3], e3[3], fq, n2, sq, big, bden;
static mpq_t lower, upper, wq, c2, rq, * wj;   /* globals: reachable if die() leaves */
static mpz_t B2;

static void
cross3(mpz_t * c, mpz_t * a, mpz_t * b)
{
    mpz_mul(sq, a[1], b[2]); mpz_submul(sq, a[2], b[1]);
    mpz_mul(big, a[2], b[0]); mpz_submul(big, a[0], b[2]);
    mpz_mul(c[2], a[0], b[1]); mpz_submul(c[2], a[1], b[0]);
    mpz_set(c[0], sq);
    mpz_set(c[1], big);
}

static void
dot3(mpz_t r, mpz_t * a, mpz_t * b)
{
    mpz_mul(r, a[0], b[0]);
    mpz_addmul(r, a[1], b[1]);
    mpz_addmul(r, a[2], b[2]);
}

/* |sum Vz_j (u_j . q)_+| <= B ||q|| at q and -q, else rejected */
static long l2_points;

static void
l2_point(mpz_t * q, long m, const mpz_t B2)
{
    for (int s = 0; s < 2; s++)
    {
        mpz_set_ui(fq, 0);
        for (long j = 0; j < m; j++)
        {
            dot3(sq, u3 + 3 * j, q);
            if (mpz_sgn(sq) > 0)
                mpz_addmul(fq, Vz[j], sq);
        }
        mpz_mul(fq, fq, bden);
        dot3(n2, q, q);
        mpz_mul(fq, fq, fq);
        mpz_mul(n2, n2, B2);
        if (mpz_cmp(fq, n2) > 0)
            die(1, "the dual point violates its constraint at a face point of the "
                "arrangement, the direction w ~ (%.6g, %.6g, %.6g)", mpz_get_d(q[0]),
                mpz_get_d(q[1]), mpz_get_d(q[2]));
        l2_points++;
        for (int k = 0; k < 3; k++)
            mpz_neg(q[k], q[k]);
    }
}

/* the face points around the point p of the plane of normal nv */
static void
l2_faces_at(mpz_t * nv, mpz_t * p, long m, const mpz_t B2)
{
    for (int k = 0; k < 3; k++)
    {
        mpz_set_ui(c3[k], 0); mpz_set_ui(cp3[k], 0); mpz_set_ui(cm3[k], 0);
    }
    for (long j = 0; j < m; j++)
    {
        dot3(sq, u3 + 3 * j, p);
        dot3(big, u3 + 3 * j, nv);
        mpz_t * c = mpz_sgn(sq) > 0 ? c3 : mpz_sgn(big) > 0 ? cp3 : cm3;
        if (mpz_sgn(sq) > 0 || (mpz_sgn(sq) == 0 && mpz_sgn(big) != 0))
            for (int k = 0; k < 3; k++)
                mpz_addmul(c[k], Vz[j], u3[3 * j + k]);
    }
    for (int k = 0; k < 3; k++)
    {
        mpz_add(cp3[k], cp3[k], c3[k]);
        mpz_add(cm3[k], cm3[k], c3[k]);
    }
    l2_point(cp3, m, B2);
    l2_point(cm3, m, B2);
    dot3(n2, nv, nv);       /* the projection of c onto the plane, scaled */
    dot3(big, c3, nv);
    for (int k = 0; k < 3; k++)
    {
        mpz_mul(c3[k], c3[k], n2);
        mpz_submul(c3[k], big, nv[k]);
    }
    l2_point(c3, m, B2);
}

/* every face point for the vectors u3[0..m) */
static void
l2_arrangement(long m, const mpz_t B2)
{
    mpz_t * r = xmalloc((size_t) (2 * m + 1), 3 * sizeof(mpz_t)), pt[3];
    for (long i = 0; i < 3 * (2 * m + 1); i++)
        mpz_init(r[i]);
    for (int k = 0; k < 3; k++)
        mpz_init(pt[k]);
    for (long a = 0; a < m; a++)
    {
        long L = 0;
        mpz_t * nv = u3 + 3 * a;
        if (mpz_sgn(nv[0]) == 0 && mpz_sgn(nv[1]) == 0 && mpz_sgn(nv[2]) == 0)
            continue;
        for (long j = 0; j < m; j++)
        {
            cross3(r + 3 * L, nv, u3 + 3 * j);
            if (mpz_sgn(r[3 * L]) || mpz_sgn(r[3 * L + 1]) || mpz_sgn(r[3 * L + 2]))
            {
                for (int k = 0; k < 3; k++)
                    mpz_neg(r[3 * L + 3 + k], r[3 * L + k]);
                L += 2;
            }
        }
        for (int k = 0; k < 3 && L == 0; k++)   /* no ray: any point of the plane */
        {
            for (int t2 = 0; t2 < 3; t2++)
                mpz_set_ui(e3[t2], t2 == k);
            cross3(pt, nv, e3);
            if (mpz_sgn(pt[0]) || mpz_sgn(pt[1]) || mpz_sgn(pt[2]))
            {
                l2_faces_at(nv, pt, m, B2);
                break;
            }
        }
        for (long i = 0; i < L; i++)
        {
            for (int k = 0; k < 3; k++)
                mpz_set(pt[k], r[3 * i + k]);
            l2_point(pt, m, B2);
            cross3(pt, nv, r + 3 * i);          /* a half turn's middle */
            l2_faces_at(nv, pt, m, B2);
            for (long j = i + 1; j < L; j++)    /* every pair: every sector */
            {
                for (int k = 0; k < 3; k++)
                    mpz_add(pt[k], r[3 * i + k], r[3 * j + k]);
                if (mpz_sgn(pt[0]) || mpz_sgn(pt[1]) || mpz_sgn(pt[2]))
                    l2_faces_at(nv, pt, m, B2);
            }
        }
    }
    for (long i = 0; i < 3 * (2 * m + 1); i++)
        mpz_clear(r[i]);
    for (int k = 0; k < 3; k++)
        mpz_clear(pt[k]);
    free(r);
}

/* sqrt(c) <= r, r a rational within 2^-200 of it */
static void
sqrt_up(mpq_t r, const mpq_t c)
{
    mpz_mul(sq, mpq_numref(c), mpq_denref(c));
    mpz_mul_2exp(sq, sq, 400);
    mpz_sqrtrem(big, n2, sq);
    if (mpz_sgn(n2) != 0)
        mpz_add_ui(big, big, 1);
    mpz_mul_2exp(n2, mpq_denref(c), 200);
    mpq_set_num(r, big);
    mpq_set_den(r, n2);
    mpq_canonicalize(r);
}

/* From 'status bracket' to 'end': the bounds, the network (fx and an
 * upper bound of its penalty) and v. */
static void
read_l2_solution(void)
{
    long i, j, m;

    mpq_init(wq); mpq_init(c2); mpq_init(rq);
    mpq_init(lower); mpq_init(upper);
    wj = xmalloc((size_t) d + 2, sizeof(mpq_t));
    for (i = 0; i < d + 2; i++)
        mpq_init(wj[i]);
    if (!line_ready)
        next_line();
    line_ready = 0;
    expect("status", 1);
    if (strcmp(field(1), "bracket") != 0)
        die(2, "expected status bracket (penalty=l2)");
    next_line(); expect("lower", 1); read_q(lower, 1);
    next_line(); expect("upper", 1); read_q(upper, 1);
    next_line(); expect("xi", 1); read_q(xi, 1);
    if (!icpt && mpq_sgn(xi) != 0)
        die(1, "xi is not 0 but the problem has no intercept");
    next_line(); expect("neurons", 1);
    m = read_count(1, 0, LONG_MAX);
    for (i = 0; i < n; i++)
        mpq_set(fx[i], xi);
    for (j = 0; j < m; j++)
    {
        next_line();
        expect("unit", d + 2);
        mpq_set_ui(c2, 0, 1);
        for (i = 0; i < d + 2; i++)
        {
            read_q(wj[i], 1 + i);
            if (i < d)
                mpq_mul(wq, wj[i], wj[i]), mpq_add(c2, c2, wq);
        }
        sqrt_up(rq, c2);                        /* |alpha| ||w|| <= |alpha| rq */
        mpq_abs(wq, wj[d + 1]);
        mpq_mul(rq, rq, wq);
        mpq_add(penalty, penalty, rq);
        for (i = 0; i < n; i++)                 /* f(x_i) += alpha (x_i^T w + b)_+ */
        {
            mpq_set(wq, wj[d]);
            for (long k = 0; k < d; k++)
                mpq_mul(rq, X[i * d + k], wj[k]), mpq_add(wq, wq, rq);
            if (mpq_sgn(wq) > 0)
                mpq_mul(wq, wq, wj[d + 1]), mpq_add(fx[i], fx[i], wq);
        }
    }
    next_line();
    expect("dual", n);
    for (i = 0; i < n; i++)
        read_q(v[i], 1 + i);
    next_line();
    expect("end", 0);
    if (pos != text_len)
        die(2, "text after 'end'");
}

/* The bracket: upper bounds the network's cost, lower is the objective of
 * a dual point feasible at every face point.  RETURNS the points checked. */
static long
check_l2(void)
{
    long a, j, k;

    if (d > 3)
        die(1, "penalty=l2 certificates are for d <= 3");
    mpz_init(B2);
    for (k = 0; k < 3; k++)
    {
        mpz_init(c3[k]); mpz_init(cp3[k]); mpz_init(cm3[k]); mpz_init(e3[k]);
    }
    mpz_init(fq); mpz_init(n2); mpz_init(sq); mpz_init(big); mpz_init(bden);
    read_l2_solution();
    primal_objective();
    if (mpq_cmp(primal, upper) > 0)
        die(1, "the network's cost is not proved <= the claimed upper bound");
    dual_conditions();
    if (mpq_cmp(dual_obj, lower) < 0)
        die(1, "the dual objective is below the claimed lower bound");
    mpz_mul(B2, mpq_numref(beta), Lx);          /* fq den(beta) <= num(beta) Lx Dv ||q|| */
    mpz_mul(B2, B2, Dv);
    mpz_mul(B2, B2, B2);
    mpz_set(bden, mpq_denref(beta));
    u3 = xmalloc((size_t) n, 3 * sizeof(mpz_t));
    for (j = 0; j < 3 * n; j++)
        mpz_init(u3[j]);
    for (a = 0; a < (bias ? n : 1); a++)        /* the kink through x_a */
    {
        for (j = 0; j < n; j++)
            for (k = 0; k < 3; k++)
            {
                mpz_set_ui(u3[3 * j + k], 0);
                if (k < d)
                    mpz_set(u3[3 * j + k], Xz[j * d + k]);
                if (k < d && bias)
                    mpz_sub(u3[3 * j + k], u3[3 * j + k], Xz[a * d + k]);
            }
        l2_arrangement(n, B2);
    }
    if (mpq_cmp(lower, upper) > 0)
        die(1, "lower bound above the upper bound");
    return l2_points;
}

/* Checks the certificate in text[0..text_len); the exit status. */
static int
check(void)
{
    long atoms;

    check_bytes();
    mpq_init(beta); mpq_init(value); mpq_init(xi); mpq_init(t); mpq_init(u);
    mpq_init(primal); mpq_init(dual_obj); mpq_init(penalty);
    mpz_init(bz); mpz_init(l1); mpz_init(s_plus); mpz_init(s_minus);
    mpz_init(lhs); mpz_init(rhs); mpz_init(rhs_factor); mpz_init(Dv); mpz_init(qbound);
    mpz_init(gcd);
    read_problem_and_data();
    if (depth && d != 1)
        die(2, "the reflection dictionary is for 1-D data (d = 1)");
    allocate();
    if (l2)
    {
        atoms = check_l2();
        printf("checkcert: ACCEPTED: lower <= OPT <= upper (l2 penalty; ~%.12g <= OPT <= "
               "~%.12g, the exact bounds in the file), the dual feasible at all %ld face points "
               "of the arrangement\n", mpq_get_d(lower), mpq_get_d(upper), atoms);
        return 0;
    }
    read_solution();
    if (optimal)
        primal_objective();
    dual_conditions();
    atoms = depth ? check_every_mirror() : check_every_atom();
    if (optimal)
    {
        if (!mpq_equal(primal, dual_obj))
            die(1, "objectives differ: the network's objective is not the dual objective");
        if (!mpq_equal(primal, value))
            die(1, "the claimed value is not the certified objective");
        gmp_printf("checkcert: ACCEPTED: optimal value %Qd, dual feasible over all %ld %s%s\n",
                   value, atoms, depth ? "features (s, j, k) of the reflection dictionary"
                   : samples ? "atom origins (T, S, sign) of the sample-wedge dictionary"
                   : "atom origins (T, S, sign) of the complete vertex dictionary",
                   trunk ? " of the trunk's features (recomputed): optimal given the trunk" : "");
    }
    else
        printf("checkcert: ACCEPTED: infeasible, Farkas vector checked over all %ld %s\n", atoms,
               depth ? "features of the reflection dictionary" : "atom origins (T, S, sign)");
    return 0;
}

/* The checker of a certificate held in memory (the fuzz harness calls
 * this); the exit status, 0, 1 or 2. */
int
checkcert_buffer(const char * name, const char * buf, size_t len)
{
    jmp_buf here;
    int code;

    file_name = name;
    text = buf;
    text_len = len;
    pos = 0;
    line_no = col_no = 0;
    catcher = &here;
    code = setjmp(here);
    if (code == 0)
        code = check();
    catcher = NULL;
    return code;
}

#ifndef CHECKCERT_NO_MAIN
int
main(int argc, char ** argv)
{
    FILE * f;
    char * buf = NULL;
    size_t len = 0, cap = 0, got;

    if (argc == 2 && strcmp(argv[1], "--version") == 0)
    {
        printf("checkcert (wedgecert) certificate format 1\n");
        return 0;
    }
    if (argc != 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
    {
        fprintf(argc == 2 ? stdout : stderr,
                "usage: checkcert FILE\n"
                "Checks a wedgecert certificate with GMP alone: recomputes every atom of the\n"
                "vertex dictionary from the data and verifies primal feasibility, dual\n"
                "feasibility over all atoms, and equal objectives (or a Farkas vector).\n"
                "Long checks report their progress on stderr.\n"
                "Exit status: 0 accepted, 1 rejected, 2 unreadable.\n");
        return argc == 2 ? 0 : 2;
    }
    file_name = argv[1];
    if ((f = fopen(file_name, "rb")) == NULL)
    {
        fprintf(stderr, "checkcert: %s: error: cannot open: %s\n", file_name, strerror(errno));
        return 2;
    }
    do
    {
        if (len == cap)
        {
            char * more;
            cap = cap ? 2 * cap : 1 << 16;
            if ((more = realloc(buf, cap)) == NULL)
            {
                fprintf(stderr, "checkcert: %s: error: out of memory reading the file\n", file_name);
                return 2;
            }
            buf = more;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    if (ferror(f))
    {
        fprintf(stderr, "checkcert: %s: error: cannot read: %s\n", file_name, strerror(errno));
        return 2;
    }
    fclose(f);
    return checkcert_buffer(file_name, buf, len);
}
#endif
