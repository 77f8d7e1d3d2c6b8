/*
 * checknet.c -- 'wedgecert check-net DATA NET': a network from somebody
 * else's solver against the certified optimum.
 *
 * NET is read exactly: decimals mean what is written, hex floats (%a) and
 * p/q too; --binary64 rounds each number to the nearest double first (what
 * the solver really held).  Then everything is exact arithmetic.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <mpfr.h>
#include <flint/fmpq_vec.h>
#include "cli.h"

static const char checknet_usage[] =
"NAME\n"
"    wedgecert check-net - compare a trained network with the exact optimum\n"
"\n"
"SYNOPSIS\n"
"    wedgecert check-net DATA NET [--bias] [--intercept] [--loss L] [--beta Q]\n"
"                        [--binary64] [--json] [--quiet]\n"
"\n"
"DESCRIPTION\n"
"    NET is a two-layer ReLU network f(x) = sum_j alpha_j (x^T w_j + b_j)_+ + xi,\n"
"    either JSON in the shape of 'solve --json' ({\"neurons\": [{\"w\": [...],\n"
"    \"b\": ..., \"alpha\": ...}], \"intercept\": ...}, numbers as JSON numbers\n"
"    or strings) or CSV: one neuron a row 'w_1,...,w_d,b,alpha' and a row\n"
"    'intercept,xi'.  Numbers may be decimals, p/q or hex floats (%a).\n"
"    Reports, exactly (approximations beside): the network's training\n"
"    objective loss(f) + beta sum |alpha_j| ||w_j||_1, the certified optimum\n"
"    over the complete vertex dictionary, the absolute and relative gap,\n"
"    for interp the worst violation max |f(x_i) - y_i|, and for each neuron\n"
"    the nearest atom of V (l1 distance of the directions normalised to\n"
"    ||w||_1 = 1), so one sees whether training found the wedge neurons.\n"
"\n"
"OPTIONS\n"
"    --binary64  round every number of NET to the nearest double first;\n"
"                by default 0.1 means exactly 1/10\n"
"    --json      one JSON object: \"objective\", \"penalty\", \"optimal_value\",\n"
"                \"gap\", \"relative_gap\" (each with _approx; objective and\n"
"                gaps null for interp when the network does not\n"
"                interpolate: it has no finite objective), \"max_violation\",\n"
"                \"optimal\" (true only for an exactly optimal network),\n"
"                \"neurons\": [{\"nearest\": {...}, \"distance\"}]\n"
"    The problem options are those of 'wedgecert solve'.\n";

/* ------------------------------------------------------------- numbers */

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
        if (i == start + (size_t) (s[start] == '-' || s[start] == '+'))
            digits = 0;
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

/* A number of NET: decimal, p/q or hex float; rounded to binary64 if asked. */
static int
parse_number(fmpq_t r, const char * s, size_t len, int binary64, const char ** why)
{
    size_t where;

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
        mpfr_get_q(q, f);
        fmpq_set_mpq(r, q);
        mpq_clear(q);
        mpfr_clear(f);
    }
    return 1;
}

/* ------------------------------------------------------------- networks */

typedef struct {
    slong m, d, alloc;
    fmpq * w;           /* m x d */
    fmpq * b, * alpha;
    fmpq_t xi;
    int has_bias;
} net_t;

static void
net_grow(net_t * N)
{
    slong a = 2 * N->alloc + 8, i;

    N->w = flint_realloc(N->w, a * N->d * sizeof(fmpq));
    N->b = flint_realloc(N->b, a * sizeof(fmpq));
    N->alpha = flint_realloc(N->alpha, a * sizeof(fmpq));
    for (i = N->alloc * N->d; i < a * N->d; i++)
        fmpq_init(N->w + i);
    for (i = N->alloc; i < a; i++)
    {
        fmpq_init(N->b + i);
        fmpq_init(N->alpha + i);
    }
    N->alloc = a;
}

static void
net_clear(net_t * N)
{
    slong i;

    for (i = 0; i < N->alloc * N->d; i++)
        fmpq_clear(N->w + i);
    for (i = 0; i < N->alloc; i++)
    {
        fmpq_clear(N->b + i);
        fmpq_clear(N->alpha + i);
    }
    flint_free(N->w);
    flint_free(N->b);
    flint_free(N->alpha);
    fmpq_clear(N->xi);
}

/* Position of p in buf as line and column, for messages. */
static void
position(const char * buf, const char * p, long * line, long * col)
{
    const char * q;

    *line = 1;
    *col = 1;
    for (q = buf; q < p; q++)
    {
        if (*q == '\n')
        {
            (*line)++;
            *col = 1;
        }
        else
            (*col)++;
    }
}

#define NET_ERROR(at, ...) do { long l_, c_; position(buf, (at), &l_, &c_); \
    fprintf(stderr, "%s:%ld:%ld: error: ", path, l_, c_); fprintf(stderr, __VA_ARGS__); \
    fputc('\n', stderr); return 0; } while (0)

/* --------------------------------------------------------- JSON reading */

typedef struct {
    const char * buf, * p, * path;
    int binary64;
} json_t;

static void
skip_ws(json_t * J)
{
    while (*J->p == ' ' || *J->p == '\t' || *J->p == '\n' || *J->p == '\r')
        J->p++;
}

/* A number token or a string holding one, at J->p, into r. */
static int
json_number(json_t * J, fmpq_t r)
{
    const char * buf = J->buf, * path = J->path, * s, * why;
    size_t len;

    skip_ws(J);
    s = J->p;
    if (*s == '"')
    {
        const char * e = strchr(s + 1, '"');
        if (e == NULL)
            NET_ERROR(s, "unterminated string");
        len = e - s - 1;
        J->p = e + 1;
        s++;
    }
    else
    {
        for (len = 0; s[len] && strchr("+-0123456789.eExXpPabcdefABCDEF/", s[len]); len++)
            ;
        J->p = s + len;
    }
    if (!parse_number(r, s, len, J->binary64, &why))
        NET_ERROR(s, "%s, found '%.*s'", why, (int) (len > 30 ? 30 : len), s);
    return 1;
}

/* Steps over the comma between two members or elements, if there is one. */
static void
json_next(json_t * J)
{
    skip_ws(J);
    if (*J->p == ',')
        J->p++;
    skip_ws(J);
}

static int
json_expect(json_t * J, char c)
{
    const char * buf = J->buf, * path = J->path;

    skip_ws(J);
    if (*J->p != c)
        NET_ERROR(J->p, "expected '%c'", c);
    J->p++;
    return 1;
}

/* Reads "key" and the colon; the key into key (truncated). */
static int
json_key(json_t * J, char * key, size_t size)
{
    const char * buf = J->buf, * path = J->path, * e;

    skip_ws(J);
    if (*J->p != '"' || (e = strchr(J->p + 1, '"')) == NULL)
        NET_ERROR(J->p, "expected a quoted key");
    snprintf(key, size, "%.*s", (int) (e - J->p - 1), J->p + 1);
    J->p = e + 1;
    return json_expect(J, ':');
}

/* Skips any JSON value (for keys we do not use). */
static int
json_skip(json_t * J)
{
    const char * buf = J->buf, * path = J->path;
    int depth = 0, in_str = 0;

    skip_ws(J);
    for (; *J->p; J->p++)
    {
        char c = *J->p;
        if (in_str)
        {
            if (c == '\\' && J->p[1]) J->p++;
            else if (c == '"') in_str = 0;
            continue;
        }
        if (c == '"') in_str = 1;
        else if (c == '[' || c == '{') depth++;
        else if (c == ']' || c == '}')
        {
            if (depth == 0)
                return 1;
            depth--;
        }
        else if (c == ',' && depth == 0)
            return 1;
    }
    if (depth != 0 || in_str)
        NET_ERROR(J->p, "unexpected end of the JSON text");
    return 1;
}

static int
read_net_json(net_t * N, const char * buf, const char * path, int binary64)
{
    json_t J = { buf, buf, path, binary64 };
    char key[64];
    int seen_neurons = 0;

    if (!json_expect(&J, '{'))
        return 0;
    skip_ws(&J);
    while (*J.p != '}')
    {
        if (!json_key(&J, key, sizeof(key)))
            return 0;
        if (strcmp(key, "intercept") == 0)
        {
            if (!json_number(&J, N->xi))
                return 0;
        }
        else if (strcmp(key, "neurons") == 0)
        {
            seen_neurons = 1;
            if (!json_expect(&J, '['))
                return 0;
            skip_ws(&J);
            while (*J.p != ']')
            {
                int seen_w = 0, seen_b = 0, seen_alpha = 0;
                const char * start = J.p;
                if (N->m == N->alloc)
                    net_grow(N);
                if (!json_expect(&J, '{'))
                    return 0;
                skip_ws(&J);
                while (*J.p != '}')
                {
                    if (!json_key(&J, key, sizeof(key)))
                        return 0;
                    if (strcmp(key, "w") == 0)
                    {
                        slong t;
                        if (!json_expect(&J, '['))
                            return 0;
                        for (t = 0; t < N->d; t++)
                        {
                            skip_ws(&J);
                            if (*J.p == ']')
                                NET_ERROR(J.p, "neuron %ld: expected %ld weights (d = %ld), found %ld",
                                          N->m + 1, N->d, N->d, t);
                            if (t > 0 && !json_expect(&J, ','))
                                return 0;
                            if (!json_number(&J, N->w + N->m * N->d + t))
                                return 0;
                        }
                        skip_ws(&J);
                        if (*J.p != ']')
                            NET_ERROR(J.p, "neuron %ld: more than %ld weights (d = %ld)",
                                      N->m + 1, N->d, N->d);
                        J.p++;
                        seen_w = 1;
                    }
                    else if (strcmp(key, "b") == 0)
                    {
                        if (!json_number(&J, N->b + N->m))
                            return 0;
                        seen_b = 1;
                    }
                    else if (strcmp(key, "alpha") == 0)
                    {
                        if (!json_number(&J, N->alpha + N->m))
                            return 0;
                        seen_alpha = 1;
                    }
                    else if (!json_skip(&J))
                        return 0;
                    json_next(&J);
                }
                J.p++;
                if (!seen_w || !seen_alpha)
                    NET_ERROR(start, "neuron %ld: expected keys \"w\" and \"alpha\"%s",
                              N->m + 1, seen_w ? " (alpha is missing)" : " (w is missing)");
                if (!seen_b)
                    fmpq_zero(N->b + N->m);
                N->m++;
                json_next(&J);
            }
            J.p++;
        }
        else if (!json_skip(&J))
            return 0;
        json_next(&J);
        if (*J.p == '\0')
            NET_ERROR(J.p, "unexpected end of the JSON text");
    }
    if (!seen_neurons)
        NET_ERROR(buf, "expected a \"neurons\" list");
    return 1;
}

/* ---------------------------------------------------------- CSV reading */

static int
read_net_csv(net_t * N, const char * buf, const char * path, int binary64)
{
    const char * p = buf, * why;

    while (*p)
    {
        const char * line = p, * end = strchr(p, '\n'), * f;
        const char * fields[256];
        size_t lens[256];
        slong nf = 0, j;

        if (end == NULL)
            end = p + strlen(p);
        p = *end ? end + 1 : end;
        for (f = line; f < end && *f != '#'; )
        {
            const char * a = f, * e;
            while (f < end && *f != ',' && *f != '#')
                f++;
            e = f;
            while (a < e && (*a == ' ' || *a == '\t'))
                a++;
            while (e > a && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
                e--;
            if (nf == 256)
                NET_ERROR(a, "too many fields");
            fields[nf] = a;
            lens[nf++] = e - a;
            if (f < end && *f == ',')
                f++;
            else
                break;
        }
        if (nf == 0 || (nf == 1 && lens[0] == 0))
            continue;
        if (lens[0] == 9 && strncmp(fields[0], "intercept", 9) == 0)
        {
            if (nf != 2)
                NET_ERROR(fields[0], "expected 'intercept, xi'");
            if (!parse_number(N->xi, fields[1], lens[1], binary64, &why))
                NET_ERROR(fields[1], "%s", why);
            continue;
        }
        if (nf != N->d + 2)
        {
            /* a header row of names is allowed before any neuron */
            fmpq_t tmp;
            int numeric;
            fmpq_init(tmp);
            numeric = parse_number(tmp, fields[0], lens[0], 0, &why);
            fmpq_clear(tmp);
            if (!numeric && N->m == 0 && nf == N->d + 2)
                continue;
            NET_ERROR(nf > N->d + 2 ? fields[N->d + 2] : fields[nf - 1] + lens[nf - 1],
                      "expected %ld fields (w_1..w_%ld, b, alpha), found %ld%s", N->d + 2, N->d, nf,
                      nf == N->d + 1 ? " (is alpha missing?)" : "");
        }
        if (N->m == N->alloc)
            net_grow(N);
        for (j = 0; j < nf; j++)
        {
            fmpq * dst = j < N->d ? N->w + N->m * N->d + j : j == N->d ? N->b + N->m : N->alpha + N->m;
            if (!parse_number(dst, fields[j], lens[j], binary64, &why))
            {
                if (N->m == 0 && j == 0)
                    break;      /* header row */
                NET_ERROR(fields[j], "%s, found '%.*s'", why, (int) (lens[j] > 30 ? 30 : lens[j]), fields[j]);
            }
        }
        if (j == nf)
            N->m++;
    }
    return 1;
}

static int
read_net(net_t * N, const char * path, int binary64)
{
    FILE * f = fopen(path, "rb");
    char * buf;
    size_t len = 0, cap = 1 << 16, got;
    const char * p;
    int ok;

    if (f == NULL)
    {
        fprintf(stderr, "%s: error: cannot open\n", path);
        return 0;
    }
    buf = flint_malloc(cap + 1);
    while ((got = fread(buf + len, 1, cap - len, f)) > 0)
    {
        len += got;
        if (len == cap)
            buf = flint_realloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[len] = '\0';
    if (strlen(buf) != len)
    {
        fprintf(stderr, "%s: error: expected text, found a NUL byte\n", path);
        flint_free(buf);
        return 0;
    }
    for (p = buf; *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'; p++)
        ;
    ok = (*p == '{') ? read_net_json(N, buf, path, binary64) : read_net_csv(N, buf, path, binary64);
    flint_free(buf);
    return ok;
}

/* ----------------------------------------------------------------- main */

int
cmd_check_net(int argc, char ** argv)
{
    cli_args_t A;
    wc_data_t D;
    wc_result_t R;
    wc_error_t err;
    net_t N;
    char ** rest = flint_malloc((argc + 1) * sizeof(char *));
    const char * net_path = NULL;
    int i, nrest = 0, binary64 = 0, status, positional = 0;
    slong n, d, j, t, u;

    /* NET (the second positional argument) and --binary64 are ours; the
       rest is the shared problem syntax */
    for (i = 0; i < argc; i++)
    {
        int value = i > 0 && (!strcmp(argv[i - 1], "--loss") || !strcmp(argv[i - 1], "--beta")
                              || !strcmp(argv[i - 1], "--method") || !strcmp(argv[i - 1], "--colgen")
                              || !strcmp(argv[i - 1], "--max-atoms"));
        if (i > 0 && strcmp(argv[i], "--binary64") == 0)
            binary64 = 1;
        else if (i > 0 && !value && (argv[i][0] != '-' || argv[i][1] == '\0') && ++positional == 2)
            net_path = argv[i];
        else
            rest[nrest++] = argv[i];
    }
    status = cli_parse_args(&A, nrest, rest, "check-net", checknet_usage, CLI_OPT_SOLVER);
    flint_free(rest);
    if (status >= 0)
        return status;
    if (net_path == NULL)
    {
        cli_args_clear(&A);
        return cli_usage_error("check-net", "expected DATA and NET files");
    }
    wc_data_init(D);
    wc_result_init(R);
    memset(&N, 0, sizeof(N));
    fmpq_init(N.xi);
    status = EXIT_OK;
    if (cli_read_data(D, &A, 1))
    {
        status = EXIT_DATA;
        goto cleanup;
    }
    n = D->n;
    d = N.d = D->d;
    if (!read_net(&N, net_path, binary64))
    {
        status = EXIT_DATA;
        goto cleanup;
    }
    for (j = 0; j < N.m; j++)
        if (!fmpq_is_zero(N.b + j) && !A.p->bias)
        {
            fprintf(stderr, "%s: error: neuron %ld has a bias b != 0, but the problem has "
                    "no hidden biases (use --bias)\n", net_path, j + 1);
            status = EXIT_DATA;
            goto cleanup;
        }
    if (!fmpq_is_zero(N.xi) && !A.p->bias && !A.p->intercept)
    {
        fprintf(stderr, "%s: error: the network has an intercept, but the problem has none "
                "(use --intercept or --bias)\n", net_path);
        status = EXIT_DATA;
        goto cleanup;
    }
    A.p->dict = WC_DICT_FULL;
    /* the nearest atoms are searched in V itself: it must be built */
    if (A.p->columns != WC_COLUMNS_AUTO && A.p->columns != WC_COLUMNS_FULL)
    {
        fprintf(stderr, "wedgecert check-net: error: needs --columns full (the nearest "
                "atoms are searched in the whole dictionary)\n");
        status = EXIT_USAGE;
        goto cleanup;
    }
    A.p->columns = WC_COLUMNS_FULL;
    if (wc_solve(R, D, A.p, err) != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A.path, err->msg);
        status = err->code == WC_ERR_SOLVER ? EXIT_SOLVER : EXIT_DATA;
        goto cleanup;
    }
    if (R->status != WC_LP_OPTIMAL)
    {
        fprintf(stderr, "%s: error: no network interpolates this data (the problem is "
                "infeasible; 'wedgecert solve' prints the Farkas certificate)\n", A.path);
        status = EXIT_DATA;
        goto cleanup;
    }

    {
        fmpq * f = _fmpq_vec_init(n);
        fmpq * wn = _fmpq_vec_init(d), * wu = _fmpq_vec_init(d);
        fmpq_t s, tq, penalty, obj, gap, rel, viol, l1, bn, bu, dist, best;
        slong * nearest = flint_malloc((N.m + 1) * sizeof(slong));
        fmpq * ndist = _fmpq_vec_init(N.m + 1);
        int feasible, optimal;

        fmpq_init(s); fmpq_init(tq); fmpq_init(penalty); fmpq_init(obj); fmpq_init(gap);
        fmpq_init(rel); fmpq_init(viol); fmpq_init(l1); fmpq_init(bn); fmpq_init(bu);
        fmpq_init(dist); fmpq_init(best);

        /* the given network, exactly */
        for (i = 0; i < n; i++)
        {
            fmpq_set(f + i, N.xi);
            for (j = 0; j < N.m; j++)
            {
                fmpq_set(s, N.b + j);
                for (t = 0; t < d; t++)
                {
                    fmpq_mul(tq, fmpq_mat_entry(D->X, i, t), N.w + j * d + t);
                    fmpq_add(s, s, tq);
                }
                if (fmpq_sgn(s) > 0)
                {
                    fmpq_mul(tq, s, N.alpha + j);
                    fmpq_add(f + i, f + i, tq);
                }
            }
            fmpq_sub(s, f + i, D->y + i);
            fmpq_abs(s, s);
            if (fmpq_cmp(s, viol) > 0)
                fmpq_set(viol, s);
        }
        for (j = 0; j < N.m; j++)
        {
            fmpq_zero(l1);
            for (t = 0; t < d; t++)
            {
                fmpq_abs(s, N.w + j * d + t);
                fmpq_add(l1, l1, s);
            }
            fmpq_abs(s, N.alpha + j);
            fmpq_mul(s, s, l1);
            fmpq_add(penalty, penalty, s);

            /* nearest atom by l1 distance of the normalised directions */
            nearest[j] = -1;
            if (fmpq_is_zero(l1))
                continue;
            for (t = 0; t < d; t++)
                fmpq_div(wn + t, N.w + j * d + t, l1);
            fmpq_div(bn, N.b + j, l1);
            for (u = 0; u < R->V->len; u++)
            {
                wc_dict_direction(wu, bu, R->V, u);
                fmpq_sub(dist, bn, bu);
                fmpq_abs(dist, dist);
                for (t = 0; t < d; t++)
                {
                    fmpq_sub(s, wn + t, wu + t);
                    fmpq_abs(s, s);
                    fmpq_add(dist, dist, s);
                }
                if (nearest[j] < 0 || fmpq_cmp(dist, best) < 0)
                {
                    fmpq_set(best, dist);
                    nearest[j] = u;
                }
            }
            fmpq_set(ndist + j, best);
        }
        feasible = wc_training_objective(obj, f, penalty, D, A.p);
        fmpq_sub(gap, obj, R->value);
        if (!fmpq_is_zero(R->value))
        {
            fmpq_div(rel, gap, R->value);
            fmpq_abs(rel, rel);
        }
        optimal = feasible && fmpq_is_zero(gap);

        if (A.json)
        {
            /* a network that does not interpolate has no objective (it is
               infinite) and no gap: only its penalty and its violation */
            printf("{");
            if (feasible)
                cli_json_exact(stdout, "objective", obj);
            else
                printf("\"objective\": null, \"objective_approx\": null");
            printf(", ");
            cli_json_exact(stdout, "penalty", penalty);
            printf(", ");
            cli_json_exact(stdout, "optimal_value", R->value);
            printf(", ");
            if (feasible)
                cli_json_exact(stdout, "gap", gap);
            else
                printf("\"gap\": null, \"gap_approx\": null");
            printf(", ");
            if (fmpq_is_zero(R->value) || !feasible)
                printf("\"relative_gap\": null, \"relative_gap_approx\": null");
            else
                cli_json_exact(stdout, "relative_gap", rel);
            printf(", \"feasible\": %s, ", feasible ? "true" : "false");
            cli_json_exact(stdout, "max_violation", viol);
            printf(", \"optimal\": %s, \"outputs\": ", optimal ? "true" : "false");
            cli_json_fmpq_list(stdout, f, n);
            printf(", \"neurons\": [");
            for (j = 0; j < N.m; j++)
            {
                printf("%s{\"nearest\": ", j ? ", " : "");
                if (nearest[j] < 0)
                {
                    printf("null, \"distance\": null, \"distance_approx\": null}");
                    continue;
                }
                u = nearest[j];
                wc_dict_direction(wu, bu, R->V, u);
                printf("{");
                cli_json_origin(stdout, R->V, u);
                printf(", \"w\": ");
                cli_json_fmpq_list(stdout, wu, d);
                printf(", \"b\": ");
                cli_json_fmpq(stdout, bu);
                printf("}, ");
                cli_json_exact(stdout, "distance", ndist + j);
                printf("}");
            }
            printf("]}\n");
        }
        else
        {
            printf("network: %ld neuron%s from %s\n", N.m, N.m == 1 ? "" : "s", net_path);
            if (feasible)
            {
                printf("objective of the given network = ");
                cli_text_fmpq(stdout, obj);
            }
            else
            {
                printf("the given network does not interpolate: its objective is infinite and\n"
                       "there is no gap to the optimum; its penalty R = ");
                cli_text_fmpq(stdout, penalty);
            }
            printf("\ncertified optimum (complete dictionary) = ");
            cli_text_fmpq(stdout, R->value);
            if (feasible)
            {
                printf("\ngap = ");
                cli_text_fmpq(stdout, gap);
                if (!fmpq_is_zero(R->value))
                {
                    printf(", relative gap = ");
                    cli_text_fmpq(stdout, rel);
                }
            }
            printf("\n");
            if (A.p->loss == WC_LOSS_INTERP)
            {
                printf("worst interpolation violation max |f(x_i) - y_i| = ");
                cli_text_fmpq(stdout, viol);
                printf("\n");
            }
            printf("verdict: %s\n", optimal ? "exactly optimal"
                   : feasible ? "not optimal" : "infeasible (does not interpolate)");
            for (j = 0; j < N.m; j++)
            {
                if (nearest[j] < 0)
                {
                    printf("  neuron %ld: w = 0, no direction\n", j + 1);
                    continue;
                }
                u = nearest[j];
                printf("  neuron %ld: nearest atom ", j + 1);
                cli_text_origin(stdout, R->V, u);
                printf(" at l1 distance ");
                cli_text_fmpq(stdout, ndist + j);
                printf("\n");
            }
        }
        fmpq_clear(s); fmpq_clear(tq); fmpq_clear(penalty); fmpq_clear(obj); fmpq_clear(gap);
        fmpq_clear(rel); fmpq_clear(viol); fmpq_clear(l1); fmpq_clear(bn); fmpq_clear(bu);
        fmpq_clear(dist); fmpq_clear(best);
        _fmpq_vec_clear(f, n);
        _fmpq_vec_clear(wn, d);
        _fmpq_vec_clear(wu, d);
        _fmpq_vec_clear(ndist, N.m + 1);
        flint_free(nearest);
    }

cleanup:
    net_clear(&N);
    wc_result_clear(R);
    wc_data_clear(D);
    cli_args_clear(&A);
    return status;
}
