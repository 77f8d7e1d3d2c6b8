/*
 * args.c -- the options that 'solve' and 'predict' share, the data they
 * read, and progress on stderr for long runs.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>
#include "cli.h"

/* --------------------------------------------------------------- progress */

static double
seconds_between(const struct timespec * a, const struct timespec * b)
{
    return (double) (b->tv_sec - a->tv_sec) + 1e-9 * (double) (b->tv_nsec - a->tv_nsec);
}

/* Prints at most once a second, and only once the run is a second old. */
/* The phase a stage belongs to: a round and its pricing are one phase. */
static const char *
phase_of(const char * stage)
{
    if (strcmp(stage, "pricing") == 0 || strncmp(stage, "column generation", 17) == 0)
        return "column generation";
    return stage;
}

/*
 * Progress on stderr, nothing in the first second.  On a terminal: one
 * status line, rewritten at most once a second (the round, the stage and
 * its count, the time).  Otherwise (a log): one line when a phase starts.
 */
static void
print_progress(void * ctx, const char * stage, slong done, slong total)
{
    progress_t * p = ctx;
    struct timespec now;
    double t;
    char line[160];
    int len = 0;

    if (p->quiet)
        return;
    if (strcmp(stage, "column generation round") == 0)
        p->round = done;
    clock_gettime(CLOCK_MONOTONIC, &now);
    t = seconds_between(&p->start, &now);
    if (t < 1.0)
        return;
    if (!p->tty)
    {
        if (strcmp(phase_of(stage), p->phase) != 0)
        {
            snprintf(p->phase, sizeof(p->phase), "%s", phase_of(stage));
            fprintf(stderr, "wedgecert: %s (%.1f s)\n", p->phase, t);
        }
        return;
    }
    if (seconds_between(&p->last, &now) < 1.0)
        return;
    p->last = now;
    if (p->round > 0 && strcmp(phase_of(stage), "column generation") == 0)
        len += snprintf(line + len, sizeof(line) - len, "round %ld, ", p->round);
    if (total > 0)
        snprintf(line + len, sizeof(line) - len, "%s %ld/%ld", stage, done, total);
    else if (done > 0 && strcmp(stage, "column generation round") != 0)
        snprintf(line + len, sizeof(line) - len, "%s, step %ld", stage, done);
    else
        snprintf(line + len, sizeof(line) - len, "%s", phase_of(stage));
    fprintf(stderr, "\rwedgecert: %-56.56s %7.1f s", line, t);
    p->drawn = 1;
}

/* ---------------------------------------------------------------- options */

int
cli_parse_args(cli_args_t * A, int argc, char ** argv, const char * cmd,
               const char * usage, int opts)
{
    int i, status = -1, beta_given = 0;

    memset(A, 0, sizeof(cli_args_t));
    wc_problem_init(A->p);
    A->p->max_atoms = CLI_MAX_ATOMS_BUILT;
    A->p->max_memory = CLI_MAX_MEMORY;
    for (i = 1; i < argc && status < 0; i++)
    {
        const char * a = argv[i];
        const char * val = (i + 1 < argc) ? argv[i + 1] : NULL;

        if (cli_is_help(a))
        {
            fputs(usage, stdout);
            status = EXIT_OK;
        }
        else if (strcmp(a, "--json") == 0) A->json = 1;
        else if ((opts & CLI_OPT_CSV) && strcmp(a, "--csv") == 0) A->csv = 1;
        else if (strcmp(a, "--bias") == 0) A->p->bias = 1;
        else if ((opts & CLI_OPT_SOLVER) && strcmp(a, "--intercept") == 0) A->p->intercept = 1;
        else if ((opts & CLI_OPT_SOLVER) && strcmp(a, "--no-presolve") == 0) A->p->no_presolve = 1;
        else if (strcmp(a, "--quiet") == 0) A->prog.quiet = 1;
        else if (strcmp(a, "--exact") == 0) A->exact = 1;
        else if (cli_option_takes_value(a, opts))
        {
            if (val == NULL)
            {
                status = cli_usage_error(cmd, "%s expects a value", a);
                break;
            }
            i++;
            if (strcmp(a, "--loss") == 0)
            {
                if (strcmp(val, "interp") == 0) A->p->loss = WC_LOSS_INTERP;
                else if (strcmp(val, "l1") == 0) A->p->loss = WC_LOSS_L1;
                else if (strcmp(val, "hinge") == 0) A->p->loss = WC_LOSS_HINGE;
                else if (strcmp(val, "squared") == 0) A->p->loss = WC_LOSS_SQUARED;
                else status = cli_usage_error(cmd, "--loss expects interp, l1, hinge or squared, found '%s'", val);
            }
            else if (strcmp(a, "--beta") == 0)
            {
                beta_given = 1;
                const char * why;
                size_t where;
                if (wc_rational_parse(A->p->beta, val, strlen(val), &why, &where) != 0)
                    status = cli_usage_error(cmd, "--beta '%s': %s (at character %zu)", val, why, where + 1);
                else if (fmpq_sgn(A->p->beta) <= 0)
                    status = cli_usage_error(cmd, "--beta expects a rational > 0, found '%s'", val);
            }
            else if (strcmp(a, "--dict") == 0)
            {
                if (strcmp(val, "full") == 0) A->p->dict = WC_DICT_FULL;
                else if (strcmp(val, "samples") == 0) A->p->dict = WC_DICT_SAMPLES;
                else status = cli_usage_error(cmd, "--dict expects full or samples, found '%s'", val);
            }
            else if (strcmp(a, "--method") == 0)
            {
                if (strcmp(val, "auto") == 0) A->p->method = WC_METHOD_AUTO;
                else if (strcmp(val, "glpk-exact") == 0) A->p->method = WC_METHOD_GLPK_EXACT;
                else if (strcmp(val, "pivots") == 0) A->p->method = WC_METHOD_PIVOTS;
                else status = cli_usage_error(cmd, "--method expects auto, glpk-exact or pivots, found '%s'", val);
            }
            else if (strcmp(a, "--colgen") == 0)
            {
                if (strcmp(val, "auto") == 0) A->p->colgen = WC_COLGEN_AUTO;
                else if (strcmp(val, "always") == 0) A->p->colgen = WC_COLGEN_ALWAYS;
                else if (strcmp(val, "never") == 0) A->p->colgen = WC_COLGEN_NEVER;
                else status = cli_usage_error(cmd, "--colgen expects auto, always or never, found '%s'", val);
            }
            else if (strcmp(a, "--columns") == 0)
            {
                if (strcmp(val, "auto") == 0) A->p->columns = WC_COLUMNS_AUTO;
                else if (strcmp(val, "full") == 0) A->p->columns = WC_COLUMNS_FULL;
                else if (strcmp(val, "materialise") == 0) A->p->columns = WC_COLUMNS_MATERIALISED;
                else if (strcmp(val, "stream") == 0) A->p->columns = WC_COLUMNS_STREAMED;
                else status = cli_usage_error(cmd, "--columns expects auto, full, materialise or stream, found '%s'", val);
            }
            else if (strcmp(a, "--threads") == 0)
            {
                char * end;
                long v = strtol(val, &end, 10);
                if (*val == '\0' || *end != '\0' || v < 1 || v > 1024)
                    status = cli_usage_error(cmd, "--threads expects a whole number from 1 to 1024, found '%s'", val);
                else
                    A->p->threads = (int) v;
            }
            else if (strcmp(a, "--digits") == 0)
            {
                char * end;
                long v = strtol(val, &end, 10);
                if (*val == '\0' || *end != '\0' || v < 1 || v > 40)
                    status = cli_usage_error(cmd, "--digits expects a whole number from 1 to 40, found '%s'", val);
                else
                    A->digits = (int) v;
            }
            else if (strcmp(a, "--max-memory") == 0)
            {
                char * end;
                double gb = strtod(val, &end);
                if (*val == '\0' || *end != '\0' || !(gb >= 0) || gb > 1e9)
                    status = cli_usage_error(cmd, "--max-memory expects gigabytes (a number >= 0; "
                                             "0: no limit), found '%s'", val);
                else
                    A->p->max_memory = (ulong) (gb * 1e9);
            }
            else if (strcmp(a, "--max-atoms") == 0)
            {
                char * end;
                unsigned long long v = strtoull(val, &end, 10);
                if (*val == '\0' || *end != '\0' || val[0] == '-')
                    status = cli_usage_error(cmd, "--max-atoms expects a whole number, found '%s'", val);
                else
                {
                    A->p->max_atoms = (ulong) v;
                    A->max_atoms_given = 1;
                }
            }
            else if (strcmp(a, "--cert") == 0)
                A->cert_path = val;
            else
                A->lp_path = val;
        }
        else if (a[0] == '-' && a[1] != '\0')
            status = cli_usage_error(cmd, "unknown option '%s'", a);
        else if (A->path != NULL)
            status = cli_usage_error(cmd, "expected one DATA file, found a second: '%s'", a);
        else
            A->path = a;
    }
    if (status < 0 && A->path == NULL)
        status = cli_usage_error(cmd, "expected a DATA file");
    /* minimum-norm interpolation has no beta: a given one would be ignored */
    if (status < 0 && beta_given && A->p->loss == WC_LOSS_INTERP)
        status = cli_usage_error(cmd, "--beta has no meaning with --loss interp "
                                 "(minimum-norm interpolation); choose l1, hinge or squared");
    if (status >= 0)
    {
        cli_args_clear(A);
        return status;
    }
    clock_gettime(CLOCK_MONOTONIC, &A->prog.start);
    A->p->progress = print_progress;
    A->p->progress_ctx = &A->prog;
    A->prog.tty = isatty(2);
    cli_set_text_format(A->digits ? A->digits : CLI_DEFAULT_DIGITS, A->exact);
    return -1;
}

void
cli_args_clear(cli_args_t * A)
{
    if (A->prog.drawn)
        fprintf(stderr, "\r%78s\r", "");     /* the status line goes */
    wc_problem_clear(A->p);
}

int
cli_option_takes_value(const char * a, int opts)
{
    static const char * const always[] = { "--max-atoms", "--max-memory", "--digits", NULL };
    static const char * const solver[] = { "--loss", "--beta", "--method", "--colgen",
                                           "--columns", "--threads", NULL };
    static const char * const files[] = { "--write-lp", "--cert", NULL };
    const char * const * list[3] = { always, (opts & CLI_OPT_SOLVER) ? solver : NULL,
                                     (opts & CLI_OPT_FILES) ? files : NULL };
    int i, j;

    if ((opts & CLI_OPT_DICT) && strcmp(a, "--dict") == 0)
        return 1;
    for (i = 0; i < 3; i++)
        for (j = 0; list[i] != NULL && list[i][j] != NULL; j++)
            if (strcmp(a, list[i][j]) == 0)
                return 1;
    return 0;
}

int
cli_read_data(wc_data_t D, cli_args_t * A, int builds)
{
    wc_error_t err;

    if (wc_data_read(D, A->path, 1, err) != WC_OK)
    {
        fprintf(stderr, "%s\n", err->msg);
        return 1;
    }
    cli_default_limit(A, D, builds);
    return 0;
}

void
cli_default_limit(cli_args_t * A, const wc_data_t D, int builds)
{
    if (!A->max_atoms_given)
        A->p->max_atoms = !builds && wc_columns_mode(D, A->p) == WC_COLUMNS_STREAMED
                          ? CLI_MAX_ATOMS_STREAMED : CLI_MAX_ATOMS_BUILT;
}
