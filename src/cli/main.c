/*
 * main.c -- the wedgecert command-line tool: dispatch.
 */
#include <stdarg.h>
#include <string.h>
#include <mpfr.h>
#include "cli.h"

static const char usage[] =
"NAME\n"
"    wedgecert - exact wedge-product features and certified optimal ReLU networks\n"
"\n"
"SYNOPSIS\n"
"    wedgecert COMMAND [OPTIONS] FILE...\n"
"    wedgecert --help | --version\n"
"\n"
"COMMANDS\n"
"    wedge FILE     wedge product, norm, volume and Hodge dual of the rows of\n"
"                   a matrix, in exact rational arithmetic\n"
"    solve DATA     certified globally optimal two-layer ReLU network for a\n"
"                   labelled data set (exact LP over the vertex dictionary)\n"
"    predict DATA   decide whether wedges of samples alone attain the optimum\n"
"                   (the paper's prediction), with a witness when they do not\n"
"    dict DATA      export the vertex dictionary (exact and binary64 columns)\n"
"    check-net DATA NET\n"
"                   a network from another solver against the exact optimum\n"
"    oracle         reproducible exact test oracles: data, optimum, certificate\n"
"    path DATA      the exact Lasso regularisation path of the squared loss\n"
"    eval NET POINTS\n"
"                   a network (solve --json, or another solver's) evaluated\n"
"                   exactly on new points\n"
"\n"
"    Run 'wedgecert COMMAND --help' for the options of each command.\n"
"\n"
"INPUT\n"
"    CSV text, one row a line, comma-separated exact rationals: integers of\n"
"    any size, p/q, or decimals with an optional exponent (0.1 is exactly\n"
"    1/10).  Blank lines and '#' comments are skipped; a first row with no\n"
"    numeric field is a header.  FILE '-' reads standard input.\n"
"\n"
"EXIT STATUS\n"
"    0 success, 1 unreadable or malformed input, 2 bad command line,\n"
"    3 a result could not be certified, 4 an output could not be written\n"
"    (no partial file is left), 130 interrupted (Ctrl-C).\n";

/* The subcommand argv[1]; its exit status. */
static int
run_command(int argc, char ** argv)
{
    if (strcmp(argv[1], "wedge") == 0)
        return cmd_wedge(argc - 1, argv + 1);
    if (strcmp(argv[1], "solve") == 0)
        return cmd_solve(argc - 1, argv + 1);
    if (strcmp(argv[1], "predict") == 0)
        return cmd_predict(argc - 1, argv + 1);
    if (strcmp(argv[1], "dict") == 0)
        return cmd_dict(argc - 1, argv + 1);
    if (strcmp(argv[1], "check-net") == 0)
        return cmd_check_net(argc - 1, argv + 1);
    if (strcmp(argv[1], "oracle") == 0)
        return cmd_oracle(argc - 1, argv + 1);
    if (strcmp(argv[1], "path") == 0)
        return cmd_path(argc - 1, argv + 1);
    if (strcmp(argv[1], "eval") == 0)
        return cmd_eval(argc - 1, argv + 1);
    fprintf(stderr, "wedgecert: error: unknown command '%s'\n"
                    "Try 'wedgecert --help'.\n", argv[1]);
    return EXIT_USAGE;
}

int
cli_main(int argc, char ** argv)
{
    int status;

    if (argc < 2)
    {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    cli_checked_memory();
    cli_catch_interrupts();
    if (cli_is_help(argv[1]))
    {
        fputs(usage, stdout);
        status = EXIT_OK;
    }
    else if (strcmp(argv[1], "--version") == 0)
    {
        printf("wedgecert %s (FLINT %s, GMP %s; LP engines glpk%s)\n", WC_VERSION,
               FLINT_VERSION, gmp_version,
               wc_lp_engine_available(WC_ENGINE_CLP) ? ", clp" : "");
        status = EXIT_OK;
    }
    else
        status = run_command(argc, argv);
    /* a full disk or a closed pipe is an error, not a success */
    if (!cli_stdout_close() && status == EXIT_OK)
        status = EXIT_OUTPUT;
    return status;
}

#ifndef WC_MPI
int
main(int argc, char ** argv)
{
    return cli_main(argc, argv);
}
#endif
