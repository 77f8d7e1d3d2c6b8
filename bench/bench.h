/*
 * bench.h -- what the C benchmarks share: splitmix64 integers and a
 * monotonic clock.
 */
#ifndef WC_BENCH_H
#define WC_BENCH_H

#include <time.h>

static unsigned long long state;

/* the next integer in [-r, r] (splitmix64; state is the seed) */
static long long
next_int(long long r)
{
    unsigned long long z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (long long) ((z ^ (z >> 31)) % (unsigned long long) (2 * r + 1)) - r;
}

static double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

#endif
