/*
 * mpi.c -- wedgecert-mpi (make mpi): wedgecert with pricing spread over
 * MPI processes.
 *
 *     mpirun -np R build/wedgecert-mpi solve DATA [OPTIONS]
 *
 * Every process runs the whole tool on the same input; only pricing is
 * divided (each process prices its share of the ranks of V, and all
 * processes merge all shares: dict/spread.c), so every process computes
 * the same rounds and the same answer, and rank 0 alone writes: its
 * output and files are those of wedgecert run alone, byte for byte (but
 * for the run statistic exact_prices, which depends on the cut).  On
 * stderr rank 0 adds one line: the pricing seconds of every process.
 */
#ifdef WC_MPI
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mpi.h>
#include "cli.h"
#include "dict/dict.h"

static char *
allgather(size_t * total, const char * mine, size_t len, void * ctx)
{
    int size, i, n = (int) len;
    int * lens, * offs;
    char * all;

    (void) ctx;
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    lens = malloc(size * sizeof(int));
    offs = malloc(size * sizeof(int));
    MPI_Allgather(&n, 1, MPI_INT, lens, 1, MPI_INT, MPI_COMM_WORLD);
    for (i = 0, *total = 0; i < size; i++)
    {
        offs[i] = (int) *total;
        *total += (size_t) lens[i];
    }
    all = malloc(*total + 1);
    MPI_Allgatherv(mine, n, MPI_CHAR, all, lens, offs, MPI_CHAR, MPI_COMM_WORLD);
    free(lens);
    free(offs);
    return all;
}

int
main(int argc, char ** argv)
{
    wc_price_comm_struct comm;
    double seconds = 0, * all = NULL;
    int status, i, quiet = 0;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &comm.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &comm.size);
    comm.allgather = allgather;
    comm.ctx = NULL;
    comm.seconds = &seconds;
    wc_price_set_comm(&comm);
    if (comm.rank != 0)
    {
        /* the same output as rank 0's: written once */
        cli_discard_files = 1;
        if (freopen("/dev/null", "w", stdout) == NULL || freopen("/dev/null", "w", stderr) == NULL)
            MPI_Abort(MPI_COMM_WORLD, EXIT_OUTPUT);
    }
    for (i = 1; i < argc; i++)
        quiet |= strcmp(argv[i], "--quiet") == 0;
    status = cli_main(argc, argv);
    fflush(stdout);
    if (comm.rank == 0)
        all = malloc(comm.size * sizeof(double));
    MPI_Gather(&seconds, 1, MPI_DOUBLE, all, 1, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    if (comm.rank == 0 && !quiet && seconds > 0)
    {
        fprintf(stderr, "wedgecert-mpi: %d processes, pricing seconds:", comm.size);
        for (i = 0; i < comm.size; i++)
            fprintf(stderr, " %.3f", all[i]);
        fputc('\n', stderr);
    }
    free(all);
    wc_price_set_comm(NULL);
    MPI_Finalize();
    return status;
}

#else
typedef int wc_mpi_unused;      /* (ISO C: no empty translation unit) */
#endif
