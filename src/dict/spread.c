/*
 * spread.c -- one pricing spread over OpenMP threads and, when a
 * communicator is set (wedgecert-mpi), over processes.
 *
 * Process r of R prices its contiguous share of the origins' ranks on its
 * threads; every process's top K is written out as text, all of them go to
 * every process (the communicator's allgather), and each merges them in
 * rank order.  By the argument before wc_top_merge (price.c) the merged
 * top K is that of one process pricing every rank, so every process goes
 * on with the same keys, and the rounds, the LP and the certificate are
 * those of the single-process run, byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include <flint/fmpq_vec.h>
#include "dict/dict.h"

static const wc_price_comm_struct * comm = NULL;

void
wc_price_set_comm(const wc_price_comm_struct * c)
{
    comm = c;
}

/* The start of chunk i (c = i chunk) of [g_lo, g_hi): at a first sample's
 * first origin (wc_enum_align), so that pass 2 of wc_price_range finds all
 * of a first sample's deferred atoms in one range -- any cut gives the
 * same top, this one the fewest sweeps. */
static ulong
cut(const wc_enum_t E, ulong g_lo, ulong g_hi, ulong c)
{
    if (c == 0)
        return g_lo;
    if (c >= g_hi - g_lo)
        return g_hi;
    return FLINT_MIN(wc_enum_align(E, g_lo + c), g_hi);
}

/* Prices [g_lo, g_hi) on threads into top. */
static void
price_threads(wc_top_t top, const wc_enum_t E, const wc_dual_t y,
              ulong g_lo, ulong g_hi, int threads, wc_progress_fn progress, void * ctx)
{
    ulong G = g_hi - g_lo, chunk;
    slong nchunks, nthreads = 1, t, i;
    wc_top_struct * part;

#ifdef _OPENMP
    nthreads = threads > 0 ? threads : omp_get_max_threads();
#else
    (void) threads;
#endif
    nchunks = (slong) FLINT_MIN(G, (ulong) (64 * nthreads));
    if (nchunks == 0)
        return;
    chunk = (G + nchunks - 1) / nchunks;
    part = flint_malloc(nthreads * sizeof(wc_top_struct));
    for (t = 0; t < nthreads; t++)
        wc_top_init(part + t, top->cap, top->per_group, top->d);

#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 1) num_threads(nthreads)
#endif
    for (i = 0; i < nchunks; i++)
    {
        slong me = 0;
#ifdef _OPENMP
        me = omp_get_thread_num();
#endif
        wc_price_range(part + me, E, y, cut(E, g_lo, g_hi, i * chunk),
                       cut(E, g_lo, g_hi, (i + 1) * chunk));
        if (progress != NULL && me == 0)
            progress(ctx, "pricing", i + 1, nchunks);
    }

    for (t = 0; t < nthreads; t++)
    {
        wc_top_merge(top, part + t, y);
        wc_top_clear(part + t);
    }
    flint_free(part);
}

/* top as text: "exact len", then "key group P l1 wb_0 .. wb_d" a line, hex. */
static char *
top_write(size_t * len, const wc_top_t top)
{
    char * buf = NULL;
    FILE * f = open_memstream(&buf, len);
    slong i, j;

    fprintf(f, "%lu %ld\n", (unsigned long) top->exact, (long) top->len);
    for (i = 0; i < top->len; i++)
    {
        const wc_cand_struct * c = top->c[i];
        fprintf(f, "%lx %lx ", (unsigned long) c->key, (unsigned long) c->group);
        fmpz_fprint(f, c->P);
        fputc(' ', f);
        fmpz_fprint(f, c->l1);
        for (j = 0; j <= top->d; j++)
        {
            fputc(' ', f);
            fmpz_fprint(f, c->wb + j);
        }
        fputc('\n', f);
    }
    fclose(f);
    return buf;
}

/* Reads one process's top (top_write's text) from f into part; 0 on
 * malformed text. */
static int
top_read(wc_top_t part, FILE * f)
{
    unsigned long exact, key, group;
    long len, i, j;
    int ok;
    wc_cand_struct c;

    fmpz_init(c.P);
    fmpz_init(c.l1);
    c.wb = _fmpz_vec_init(part->d + 1);
    ok = fscanf(f, "%lu %ld", &exact, &len) == 2;
    part->exact = exact;
    for (i = 0; ok && i < len; i++)
    {
        ok = fscanf(f, "%lx %lx", &key, &group) == 2
             && fmpz_fread(f, c.P) > 0 && fmpz_fread(f, c.l1) > 0;
        for (j = 0; ok && j <= part->d; j++)
            ok = fmpz_fread(f, c.wb + j) > 0;
        c.key = key;
        c.group = group;
        if (ok)
            wc_top_push(part, &c);
    }
    fmpz_clear(c.P);
    fmpz_clear(c.l1);
    _fmpz_vec_clear(c.wb, part->d + 1);
    return ok;
}

void
wc_price_all(wc_top_t top, const wc_enum_t E, const wc_dual_t y,
             ulong g_lo, ulong g_hi, int threads, wc_progress_fn progress, void * ctx)
{
    ulong G = g_hi - g_lo, lo, hi, R, r;
    wc_top_t mine, part;
    char * buf, * all;
    size_t len, total;
    struct timespec t0, t1;
    FILE * f;
    slong i;

    if (comm == NULL)
    {
        price_threads(top, E, y, g_lo, g_hi, threads, progress, ctx);
        return;
    }
    R = (ulong) comm->size;
    r = (ulong) comm->rank;
    lo = g_lo + (G / R) * r + FLINT_MIN(r, G % R);
    hi = lo + G / R + (r < G % R);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    wc_top_init(mine, top->cap, top->per_group, top->d);
    price_threads(mine, E, y, lo, hi, threads, progress, ctx);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    comm->seconds[0] += (double) (t1.tv_sec - t0.tv_sec) + 1e-9 * (double) (t1.tv_nsec - t0.tv_nsec);
    if (R == 1)
    {
        wc_top_merge(top, mine, y);
        wc_top_clear(mine);
        return;
    }
    buf = top_write(&len, mine);
    wc_top_clear(mine);
    all = comm->allgather(&total, buf, len, comm->ctx);
    free(buf);
    f = fmemopen(all, total, "r");
    for (i = 0; i < comm->size; i++)
    {
        wc_top_init(part, top->cap, top->per_group, top->d);
        if (f == NULL || !top_read(part, f))
            flint_abort();      /* our own text, from our own processes */
        wc_top_merge(top, part, y);
        wc_top_clear(part);
    }
    fclose(f);
    free(all);
}

/* ----------------------------------------------------- the most violated */

slong
wc_dict_join_most_violated(wc_dict_t V, fmpq_t value, const wc_data_t D, int bias,
                       int kind, const fmpq * v, int threads)
{
    slong n = D->n, u = -1;
    fmpz * Y = _fmpz_vec_init(n);
    fmpq * k = _fmpq_vec_init(n);
    fmpz_t Dy, zero;
    wc_enum_t E;
    wc_dual_t y;
    wc_top_t top;

    fmpz_init(Dy);
    fmpz_init(zero);
    wc_enum_init(E, D, bias, kind);
    _fmpq_vec_get_fmpz_vec_fmpz(Y, Dy, v, n);
    wc_dual_init(y, Y, zero, n);       /* bound 0: every k_u^T v != 0 counts */
    wc_top_init(top, 1, 0, D->d);
    wc_price_all(top, E, y, 0, E->G, threads, NULL, NULL);
    fmpq_zero(value);
    if (top->len > 0)
    {
        wc_dict_join(V, E, top->c[0]->key);
        u = V->len - 1;
        wc_dict_column(k, V, D, u);
        _fmpq_vec_dot(value, k, v, n);
        fmpq_abs(value, value);
    }
    wc_top_clear(top);
    wc_dual_clear(y);
    wc_enum_clear(E);
    _fmpz_vec_clear(Y, n);
    _fmpq_vec_clear(k, n);
    fmpz_clear(Dy);
    fmpz_clear(zero);
    return u;
}

