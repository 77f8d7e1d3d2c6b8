/*
 * read.c -- a network read from text, exactly.
 *
 * The formats of 'wedgecert check-net': JSON in the shape of 'solve --json'
 * ({"neurons": [{"w": [...], "b": ..., "alpha": ...}], "intercept": ...},
 * numbers as JSON numbers or strings), with an optional trunk of hidden
 * layers before the neurons ("layers": [{"W": [[...], ...], "b": [...]},
 * ...], a ReLU after each; a trunk file holds "layers" alone), or CSV (a
 * row 'w_1,...,w_d,b,alpha' per neuron and one row 'intercept,xi').
 * Numbers are decimals (exact: 0.1 is 1/10), p/q or hex floats; with
 * binary64 each is rounded to the nearest double first.  The reader is
 * strict: trailing text, a second object, duplicate or unknown keys, an
 * empty file and a repeated intercept row are errors with a line and
 * column.
 */
#include <stdarg.h>
#include <string.h>
#include <flint/fmpq_vec.h>
#include "net/net.h"

/* ------------------------------------------------------------- messages */

typedef struct {
    const char * buf, * end, * p, * path;
    int binary64, depth;
    wc_error_struct * err;
} json_reader;

/* "PATH:LINE:COL: error: ..." for the position at; returns WC_ERR_PARSE. */
static int
fail_at(json_reader * J, const char * at, const char * fmt, ...)
{
    char msg[600];
    long line = 1, col = 1;
    const char * q;
    va_list ap;

    for (q = J->buf; q < at && q < J->end; q++)
    {
        if (*q == '\n')
        {
            line++;
            col = 1;
        }
        else
            col++;
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return wc_error_set(J->err, WC_ERR_PARSE, "%s:%ld:%ld: error: %s", J->path, line, col, msg);
}

/* ----------------------------------------------------------------- JSON */

#define JSON_MAX_DEPTH 64

static void
ws(json_reader * J)
{
    while (J->p < J->end && (*J->p == ' ' || *J->p == '\t' || *J->p == '\n' || *J->p == '\r'))
        J->p++;
}

/* A JSON string at J->p: its raw content [*s, *s + *len) (escapes left in
 * place, but checked). */
static int
json_string(json_reader * J, const char ** s, size_t * len)
{
    const char * q;

    ws(J);
    if (J->p >= J->end || *J->p != '"')
        return fail_at(J, J->p, "expected a string");
    for (q = J->p + 1; q < J->end && *q != '"'; q++)
    {
        if ((unsigned char) *q < 0x20)
            return fail_at(J, q, "a control character in a string");
        if (*q == '\\')
        {
            q++;
            if (q >= J->end || !strchr("\"\\/bfnrtu", *q))
                return fail_at(J, q, "a bad escape in a string");
        }
    }
    if (q >= J->end)
        return fail_at(J, J->p, "unterminated string");
    *s = J->p + 1;
    *len = q - J->p - 1;
    J->p = q + 1;
    return WC_OK;
}

static int
json_char(json_reader * J, char c)
{
    ws(J);
    if (J->p >= J->end || *J->p != c)
        return fail_at(J, J->p, "expected '%c'", c);
    J->p++;
    return WC_OK;
}

/* 1 if the next character (after blanks) is c, which is then consumed. */
static int
json_eat(json_reader * J, char c)
{
    ws(J);
    if (J->p < J->end && *J->p == c)
    {
        J->p++;
        return 1;
    }
    return 0;
}

/* A JSON number token: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static size_t
json_number_len(const char * p, const char * end)
{
    const char * q = p;

#define DIGITS(q) while ((q) < end && *(q) >= '0' && *(q) <= '9') (q)++
    if (q < end && *q == '-')
        q++;
    if (q < end && *q == '0')
        q++;
    else if (q < end && *q >= '1' && *q <= '9')
        DIGITS(q);
    else
        return 0;
    if (q + 1 < end && *q == '.' && q[1] >= '0' && q[1] <= '9')
    {
        q++;
        DIGITS(q);
    }
    if (q < end && (*q == 'e' || *q == 'E'))
    {
        const char * e = q + 1;
        if (e < end && (*e == '+' || *e == '-'))
            e++;
        if (e < end && *e >= '0' && *e <= '9')
        {
            DIGITS(e);
            q = e;
        }
    }
#undef DIGITS
    return q - p;
}

/* A number: a JSON number, or a string holding one (p/q, hex float). */
static int
json_number(json_reader * J, fmpq_t r)
{
    const char * s, * why;
    size_t len;
    int status;

    ws(J);
    s = J->p;
    if (J->p < J->end && *J->p == '"')
    {
        if ((status = json_string(J, &s, &len)) != WC_OK)
            return status;
    }
    else if ((len = json_number_len(J->p, J->end)) == 0)
        return fail_at(J, J->p, "expected a number");
    else
        J->p += len;
    if (!wc_number_parse(r, s, len, J->binary64, &why))
        return fail_at(J, s, "%s, found '%.*s'", why, (int) (len > 30 ? 30 : len), s);
    return WC_OK;
}

/* Any JSON value, checked and passed over (keys that are only read back). */
static int
json_skip(json_reader * J)
{
    const char * s;
    size_t len;
    int status = WC_OK;

    ws(J);
    if (J->p >= J->end)
        return fail_at(J, J->p, "unexpected end of the JSON text");
    if (++J->depth > JSON_MAX_DEPTH)
        return fail_at(J, J->p, "nested deeper than %d", JSON_MAX_DEPTH);
    if (*J->p == '"')
        status = json_string(J, &s, &len);
    else if (*J->p == '{' || *J->p == '[')
    {
        char close = *J->p == '{' ? '}' : ']';
        int object = close == '}';

        J->p++;
        if (!json_eat(J, close))    /* not empty: members, then the close */
        {
            do
            {
                if (object && ((status = json_string(J, &s, &len)) != WC_OK
                               || (status = json_char(J, ':')) != WC_OK))
                    return status;
                if ((status = json_skip(J)) != WC_OK)
                    return status;
            } while (json_eat(J, ','));
            status = json_char(J, close);
        }
    }
    else if (J->end - J->p >= 4 && (!strncmp(J->p, "true", 4) || !strncmp(J->p, "null", 4)))
        J->p += 4;
    else if (J->end - J->p >= 5 && !strncmp(J->p, "false", 5))
        J->p += 5;
    else if ((len = json_number_len(J->p, J->end)) > 0)
        J->p += len;
    else
        status = fail_at(J, J->p, "expected a JSON value");
    J->depth--;
    return status;
}

/* index of key [s, s + len) in names, or -1 */
static int
key_index(const char * s, size_t len, const char * const * names)
{
    int i;

    for (i = 0; names[i] != NULL; i++)
        if (strlen(names[i]) == len && strncmp(names[i], s, len) == 0)
            return i;
    return -1;
}

/* The keys of 'solve --json' besides neurons and intercept: read back
 * without complaint (and NAME_approx for each), never used. */
static const char * const solve_keys[] = {
    "neurons", "intercept",
    "status", "verified", "certified_by", "n", "d", "loss", "beta", "bias",
    "intercept_free", "dictionary", "columns", "dictionary_size", "dictionary_bound",
    "working_set", "rounds", "exact_prices", "optimal_value", "global",
    "network_objective", "network_checked", "outputs", "dual", "farkas",
    "lp_objective_scale", "balanced", "layers", "depth", "given_trunk", NULL
};
#define KEY_LAYERS 27           /* the index of "layers" above */
static const char * const layer_keys[] = { "W", "b", NULL };
static const char * const neuron_keys[] = { "w", "b", "alpha", "coords", "samples", "sign", NULL };

/* The key at J->p and its colon: its index in names (or, for NAME_approx,
 * that of NAME, plus 1000), checked against the keys seen (bit i). */
static int
json_key(json_reader * J, const char * const * names, ulong * seen, int * which)
{
    const char * s;
    size_t len;
    int status, i;

    if ((status = json_string(J, &s, &len)) != WC_OK)
        return status;
    i = key_index(s, len, names);
    if (i < 0 && len > 7 && strncmp(s + len - 7, "_approx", 7) == 0
        && key_index(s, len - 7, names) >= 0)
        i = 32 + key_index(s, len - 7, names);
    if (i < 0)
        return fail_at(J, s - 1, "unknown key \"%.*s\" (expected %s)", (int) (len > 40 ? 40 : len), s,
                       names == neuron_keys ? "w, b, alpha (and coords, samples, sign)"
                       : names == layer_keys ? "W and b"
                       : "neurons, intercept, layers, or a key of 'solve --json'");
    if (*seen & (UWORD(1) << i))
        return fail_at(J, s - 1, "duplicate key \"%.*s\"", (int) len, s);
    *seen |= UWORD(1) << i;
    *which = i;
    return json_char(J, ':');
}

/* Reads the object at J->p: for each member, its key (one of names, each
 * at most once: seen) and colon, then member(J, key, ctx) reads the value. */
static int
json_object(json_reader * J, const char * const * names, ulong * seen,
            int (* member)(json_reader *, int, void *), void * ctx)
{
    int status, key = -1;

    if ((status = json_char(J, '{')) != WC_OK)
        return status;
    if (json_eat(J, '}'))
        return WC_OK;
    do
        if ((status = json_key(J, names, seen, &key)) != WC_OK
            || (status = member(J, key, ctx)) != WC_OK)
            return status;
    while (json_eat(J, ','));
    return json_char(J, '}');
}

/* A member of a neuron object: "w" (d numbers), "b", "alpha", or a key
 * that is only read back. */
static int
neuron_member(json_reader * J, int key, void * ctx)
{
    wc_network_struct * N = ctx;
    int status;
    slong t;

    if (key == 1)
        return json_number(J, N->b + N->m);
    if (key == 2)
        return json_number(J, N->alpha + N->m);
    if (key != 0)
        return json_skip(J);
    if ((status = json_char(J, '[')) != WC_OK)
        return status;
    for (t = 0; t < N->d; t++)
    {
        ws(J);
        if (t > 0 && !json_eat(J, ','))
            return fail_at(J, J->p, "neuron %ld: expected %ld weights (d = %ld), found %ld",
                           N->m + 1, N->d, N->d, t);
        if ((status = json_number(J, N->w + N->m * N->d + t)) != WC_OK)
            return status;
    }
    if (!json_eat(J, ']'))
        return fail_at(J, J->p, "neuron %ld: more than %ld weights (d = %ld)",
                       N->m + 1, N->d, N->d);
    return WC_OK;
}

/* One neuron object into neuron N->m. */
static int
json_neuron(json_reader * J, wc_network_t N)
{
    const char * start;
    ulong seen = 0;
    int status;

    wc_network_grow(N);
    ws(J);
    start = J->p;
    if ((status = json_object(J, neuron_keys, &seen, neuron_member, N)) != WC_OK)
        return status;
    if (!(seen & 1) || !(seen & 4))
        return fail_at(J, start, "neuron %ld: expected keys \"w\" and \"alpha\" (%s is missing)",
                       N->m + 1, (seen & 1) ? "alpha" : "w");
    N->m++;
    return WC_OK;
}

/* A member of the network object: "neurons", "intercept", or a key of
 * 'solve --json' that is only read back. */
static int
network_member(json_reader * J, int key, void * ctx)
{
    wc_network_struct * N = ctx;
    int status;

    if (key == 1)
        return json_number(J, N->xi);
    if (key != 0)
        return json_skip(J);        /* "layers" too: read by the first pass */
    if ((status = json_char(J, '[')) != WC_OK || json_eat(J, ']'))
        return status;
    do
        if ((status = json_neuron(J, N)) != WC_OK)
            return status;
    while (json_eat(J, ','));
    return json_char(J, ']');
}

/* --------------------------------------------------------------- layers */

/* One layer being read: its rows of 'in' weights, and its biases. */
typedef struct {
    wc_network_struct * N;
    slong in, rows, nb, cap;
    fmpq * W, * b;
} layer_reader;

static void
layer_room(layer_reader * Y, slong count)
{
    slong i, cap = FLINT_MAX(count, 2 * Y->cap);

    if (count <= Y->cap)
        return;
    Y->W = flint_realloc(Y->W, cap * Y->in * sizeof(fmpq));
    Y->b = flint_realloc(Y->b, cap * sizeof(fmpq));
    for (i = Y->cap * Y->in; i < cap * Y->in; i++)
        fmpq_init(Y->W + i);
    for (i = Y->cap; i < cap; i++)
        fmpq_init(Y->b + i);
    Y->cap = cap;
}

/* "W": rows of in numbers; "b": one number a row. */
static int
layer_member(json_reader * J, int key, void * ctx)
{
    layer_reader * Y = ctx;
    int status;
    slong t;

    if ((status = json_char(J, '[')) != WC_OK)
        return status;
    if (json_eat(J, ']'))
        return WC_OK;
    do
    {
        if (key == 1)
        {
            layer_room(Y, Y->nb + 1);
            if ((status = json_number(J, Y->b + Y->nb++)) != WC_OK)
                return status;
            continue;
        }
        layer_room(Y, Y->rows + 1);
        if ((status = json_char(J, '[')) != WC_OK)
            return status;
        for (t = 0; t < Y->in; t++)
        {
            if (t > 0 && !json_eat(J, ','))
                return fail_at(J, J->p, "layer %ld, unit %ld: expected %ld weights, found %ld",
                               Y->N->nlayers + 1, Y->rows + 1, Y->in, t);
            if ((status = json_number(J, Y->W + Y->rows * Y->in + t)) != WC_OK)
                return status;
        }
        if (!json_eat(J, ']'))
            return fail_at(J, J->p, "layer %ld, unit %ld: more than %ld weights (the "
                           "layer's input width)", Y->N->nlayers + 1, Y->rows + 1, Y->in);
        Y->rows++;
    } while (json_eat(J, ','));
    return json_char(J, ']');
}

/* The list of layers: each {"W": [[...]], "b": [...]} appended to N's
 * trunk, whose width grows from N->d. */
static int
read_layers(json_reader * J, wc_network_struct * N)
{
    int status;

    if ((status = json_char(J, '[')) != WC_OK || json_eat(J, ']'))
        return status;
    do
    {
        layer_reader Y;
        ulong seen = 0;
        const char * start;
        slong i;

        memset(&Y, 0, sizeof(Y));
        Y.N = N;
        Y.in = N->nlayers ? N->width[N->nlayers] : N->d;
        ws(J);
        start = J->p;
        status = json_object(J, layer_keys, &seen, layer_member, &Y);
        if (status == WC_OK && (seen != 3 || Y.rows == 0 || Y.rows != Y.nb))
            status = fail_at(J, start, "layer %ld: expected \"W\" (at least one row) and "
                             "\"b\" with one bias a row (%ld rows, %ld biases)",
                             N->nlayers + 1, Y.rows, Y.nb);
        if (status == WC_OK)
        {
            N->width = flint_realloc(N->width, (N->nlayers + 2) * sizeof(slong));
            N->W = flint_realloc(N->W, (N->nlayers + 1) * sizeof(fmpq *));
            N->bl = flint_realloc(N->bl, (N->nlayers + 1) * sizeof(fmpq *));
            N->width[0] = N->nlayers ? N->width[0] : N->d;
            N->width[N->nlayers + 1] = Y.rows;
            N->W[N->nlayers] = _fmpq_vec_init(Y.rows * Y.in);
            N->bl[N->nlayers] = _fmpq_vec_init(Y.rows);
            for (i = 0; i < Y.rows * Y.in; i++)
                fmpq_swap(N->W[N->nlayers] + i, Y.W + i);
            for (i = 0; i < Y.rows; i++)
                fmpq_swap(N->bl[N->nlayers] + i, Y.b + i);
            N->nlayers++;
        }
        for (i = 0; i < Y.cap * Y.in; i++)
            fmpq_clear(Y.W + i);
        for (i = 0; i < Y.cap; i++)
            fmpq_clear(Y.b + i);
        flint_free(Y.W);
        flint_free(Y.b);
        if (status != WC_OK)
            return status;
    } while (json_eat(J, ','));
    return json_char(J, ']');
}

/* The first pass: "layers" only, the rest skipped. */
static int
trunk_member(json_reader * J, int key, void * ctx)
{
    return key == KEY_LAYERS ? read_layers(J, ctx) : json_skip(J);
}

static int
read_json(json_reader * J, wc_network_t N)
{
    ulong seen = 0;
    int status;

    /* the trunk first, wherever it stands: it fixes the neurons' width */
    if ((status = json_object(J, solve_keys, &seen, trunk_member, N)) != WC_OK)
        return status;
    if (N->nlayers > 0)
        N->d = N->width[N->nlayers];
    J->p = J->buf;
    seen = 0;
    if ((status = json_object(J, solve_keys, &seen, network_member, N)) != WC_OK)
        return status;
    ws(J);
    if (J->p < J->end)
        return fail_at(J, J->p, "text after the JSON object");
    if (!(seen & 1) && !(seen & (UWORD(1) << KEY_LAYERS)))
        return fail_at(J, J->buf, "expected a \"neurons\" list (or \"layers\": a trunk)");
    return WC_OK;
}

/* ------------------------------------------------------------------ CSV */

/* Fields of the line [line, end) up to a '#', blanks trimmed: count. */
static slong
csv_fields(const char ** fields, size_t * lens, slong cap, const char * line, const char * end)
{
    const char * f = line;
    slong nf = 0;

    while (f < end && *f != '#')
    {
        const char * a = f, * e;
        while (f < end && *f != ',' && *f != '#')
            f++;
        e = f;
        while (a < e && (*a == ' ' || *a == '\t'))
            a++;
        while (e > a && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
            e--;
        if (nf < cap)
        {
            fields[nf] = a;
            lens[nf] = e - a;
        }
        nf++;
        if (f < end && *f == ',')
            f++;
        else
            break;
    }
    return nf;
}

static int
read_csv(json_reader * J, wc_network_t N)
{
    slong cap = N->d + 3, nf, j;
    const char ** fields = flint_malloc(cap * sizeof(char *));
    size_t * lens = flint_malloc(cap * sizeof(size_t));
    const char * p = J->buf, * why, * icpt = NULL;
    int status = WC_OK, rows = 0;

    while (p < J->end && status == WC_OK)
    {
        const char * line = p, * end = memchr(p, '\n', J->end - p);

        if (end == NULL)
            end = J->end;
        p = end < J->end ? end + 1 : end;
        nf = csv_fields(fields, lens, cap, line, end);
        if (nf == 0 || (nf == 1 && lens[0] == 0))
            continue;
        if (lens[0] == 9 && strncmp(fields[0], "intercept", 9) == 0)
        {
            if (icpt != NULL)
                status = fail_at(J, fields[0], "a second 'intercept' row (the first is on an "
                                 "earlier line)");
            else if (nf != 2)
                status = fail_at(J, fields[0], "expected 'intercept, xi'");
            else if (!wc_number_parse(N->xi, fields[1], lens[1], J->binary64, &why))
                status = fail_at(J, fields[1], "%s", why);
            icpt = fields[0];
            rows++;
            continue;
        }
        if (nf != N->d + 2)
        {
            status = fail_at(J, nf > N->d + 2 ? fields[N->d + 2] : fields[nf - 1] + lens[nf - 1],
                             "expected %ld fields (w_1..w_%ld, b, alpha), found %ld%s", N->d + 2, N->d,
                             nf, nf == N->d + 1 ? " (is alpha missing?)" : "");
            break;
        }
        wc_network_grow(N);
        for (j = 0; j < nf && status == WC_OK; j++)
        {
            fmpq * dst = j < N->d ? N->w + N->m * N->d + j : j == N->d ? N->b + N->m : N->alpha + N->m;
            if (!wc_number_parse(dst, fields[j], lens[j], J->binary64, &why))
            {
                if (rows == 0 && j == 0)
                    break;      /* a header row of names, before any neuron */
                status = fail_at(J, fields[j], "%s, found '%.*s'", why,
                                 (int) (lens[j] > 30 ? 30 : lens[j]), fields[j]);
            }
        }
        if (status == WC_OK && j == nf)
            N->m++;
        rows++;
    }
    if (status == WC_OK && rows == 0)
        status = fail_at(J, J->buf, "no network: expected neuron rows 'w_1,...,w_d,b,alpha' "
                         "or JSON");
    flint_free(fields);
    flint_free(lens);
    return status;
}

int
wc_network_read_buffer(wc_network_t N, const char * buf, size_t len, const char * path,
                       int binary64, wc_error_t err)
{
    json_reader J;
    const char * p;

    J.buf = J.p = buf;
    J.end = buf + len;
    J.path = path;
    J.binary64 = binary64;
    J.depth = 0;
    J.err = err;
    wc_error_init(err);
    if (memchr(buf, '\0', len) != NULL)
        return fail_at(&J, (const char *) memchr(buf, '\0', len), "expected text, found a NUL byte");
    for (p = buf; p < J.end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'); p++)
        ;
    if (p == J.end)
        return fail_at(&J, p, "empty file: expected a network (JSON or CSV)");
    return *p == '{' ? read_json(&J, N) : read_csv(&J, N);
}

int
wc_network_read(wc_network_t N, const char * path, int binary64, wc_error_t err)
{
    FILE * f = fopen(path, "rb");
    char * buf;
    size_t len = 0, cap = 1 << 16, got;
    int status;

    if (f == NULL)
        return wc_error_set(err, WC_ERR_IO, "%s: error: cannot open", path);
    buf = flint_malloc(cap + 1);
    while ((got = fread(buf + len, 1, cap - len, f)) > 0)
    {
        len += got;
        if (len == cap)
            buf = flint_realloc(buf, (cap *= 2) + 1);
    }
    status = ferror(f) ? wc_error_set(err, WC_ERR_IO, "%s: error: cannot read", path) : WC_OK;
    fclose(f);
    if (status == WC_OK)
        status = wc_network_read_buffer(N, buf, len, path, binary64, err);
    flint_free(buf);
    return status;
}

