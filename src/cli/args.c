/*
 * args.c -- the options that 'solve' and 'predict' share, the data they
 * read, and progress on stderr for long runs.
 */
#include <stddef.h>
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
    if (strcmp(stage, "atoms priced") == 0 || strncmp(stage, "column generation", 17) == 0)
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
    cli_progress * p = ctx;
    struct timespec now;
    double t;
    char line[160];
    int len = 0;

    if (p->quiet)
        return;
    if (strcmp(stage, "column generation round") == 0)
        p->round = done;
    if (strcmp(stage, "working set") == 0 || strcmp(stage, "violated") == 0)
    {
        *(stage[0] == 'w' ? &p->working : &p->violated) = done;
        return;                 /* shown on the next status line */
    }
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
        len += snprintf(line + len, sizeof(line) - len, p->working > 0
                        ? "round %ld, %ld atoms +%ld, " : "round %ld, ",
                        p->round, p->working, p->violated);
    if (total > 0)
        snprintf(line + len, sizeof(line) - len, "%s %ld/%ld", stage, done, total);
    else if (done > 0 && strcmp(stage, "column generation round") != 0)
        snprintf(line + len, sizeof(line) - len, "%s, step %ld", stage, done);
    else
        snprintf(line + len, sizeof(line) - len, "%s", phase_of(stage));
    fprintf(stderr, "\rwedgecert: %-58.58s %6.1f s", line, t);
    p->drawn = 1;
}

/* ---------------------------------------------------------------- options */

/*
 * Every option of the commands that share this parser, in one table: its
 * name, the commands that take it (0: all; else a CLI_OPT_* group), and
 * how it is set.  A choice lists its words and the values they stand for,
 * stored in an int field of the problem; a flag sets an int field to 1;
 * the rest have a handler.
 */
enum { OPT_FLAG_ARGS, OPT_FLAG_PROBLEM, OPT_CHOICE, OPT_VALUE };

typedef int (*opt_handler)(cli_args * A, const char * cmd, const char * val);

typedef struct {
    const char * name;
    int group;
    int kind;
    size_t field;               /* OPT_FLAG_*, OPT_CHOICE: offset of the int */
    const char * words[5];      /* OPT_CHOICE */
    int values[5];
    opt_handler set;            /* OPT_VALUE */
} cli_option;

/* val as a whole number in [lo, hi]; 0 if it is not one. */
static int
whole_number(long * v, const char * val, long lo, long hi)
{
    char * end;

    *v = strtol(val, &end, 10);
    return *val != '\0' && *end == '\0' && *v >= lo && *v <= hi;
}

static int
set_beta(cli_args * A, const char * cmd, const char * val)
{
    const char * why;
    size_t where;

    A->beta_given = 1;
    if (wc_rational_parse(A->p->beta, val, strlen(val), &why, &where) != 0)
        return cli_usage_error(cmd, "--beta '%s': %s (at character %zu)", val, why, where + 1);
    if (fmpq_sgn(A->p->beta) <= 0)
        return cli_usage_error(cmd, "--beta expects a rational > 0, found '%s'", val);
    return -1;
}

static int
set_tolerance(cli_args * A, const char * cmd, const char * val)
{
    const char * why;
    size_t where;

    if (wc_rational_parse(A->tolerance, val, strlen(val), &why, &where) != 0)
        return cli_usage_error(cmd, "--tolerance '%s': %s (at character %zu)", val, why, where + 1);
    if (fmpq_sgn(A->tolerance) <= 0)
        return cli_usage_error(cmd, "--tolerance expects a rational > 0, found '%s'", val);
    return -1;
}

static int
set_threads(cli_args * A, const char * cmd, const char * val)
{
    long v;

    if (!whole_number(&v, val, 1, 1024))
        return cli_usage_error(cmd, "--threads expects a whole number from 1 to 1024, found '%s'", val);
    A->p->threads = (int) v;
    return -1;
}

static int
set_digits(cli_args * A, const char * cmd, const char * val)
{
    long v;

    if (!whole_number(&v, val, 1, 40))
        return cli_usage_error(cmd, "--digits expects a whole number from 1 to 40, found '%s'", val);
    A->digits = (int) v;
    return -1;
}

static int
set_max_memory(cli_args * A, const char * cmd, const char * val)
{
    char * end;
    double gb = strtod(val, &end);

    if (*val == '\0' || *end != '\0' || !(gb >= 0) || gb > 1e9)
        return cli_usage_error(cmd, "--max-memory expects gigabytes (a number >= 0; "
                               "0: no limit), found '%s'", val);
    A->p->max_memory = (ulong) (gb * 1e9);
    return -1;
}

static int
set_max_atoms(cli_args * A, const char * cmd, const char * val)
{
    char * end;
    unsigned long long v = strtoull(val, &end, 10);

    if (*val == '\0' || *end != '\0' || val[0] == '-')
        return cli_usage_error(cmd, "--max-atoms expects a whole number, found '%s'", val);
    A->p->max_atoms = (ulong) v;
    A->max_atoms_given = 1;
    return -1;
}

static int
set_cert(cli_args * A, const char * cmd, const char * val)
{
    (void) cmd;
    A->cert_path = val;
    return -1;
}

static int
set_depth(cli_args * A, const char * cmd, const char * val)
{
    long v;

    if (!whole_number(&v, val, 2, 4))
        return cli_usage_error(cmd, "--depth expects 2, 3 or 4, found '%s'", val);
    A->depth = (int) v;
    return -1;
}

static int
set_trunk(cli_args * A, const char * cmd, const char * val)
{
    (void) cmd;
    A->trunk_path = val;
    return -1;
}

static int
set_svg(cli_args * A, const char * cmd, const char * val)
{
    (void) cmd;
    A->svg_path = val;
    return -1;
}

static int
set_write_lp(cli_args * A, const char * cmd, const char * val)
{
    (void) cmd;
    A->lp_path = val;
    return -1;
}

#define ARGS(f) offsetof(cli_args, f)
#define PROB(f) offsetof(wc_problem_struct, f)

static const cli_option options[] = {
    { "--json", 0, OPT_FLAG_ARGS, ARGS(json), {0}, {0}, NULL },
    { "--csv", CLI_OPT_CSV, OPT_FLAG_ARGS, ARGS(csv), {0}, {0}, NULL },
    { "--quiet", 0, OPT_FLAG_ARGS, ARGS(prog.quiet), {0}, {0}, NULL },
    { "--exact", 0, OPT_FLAG_ARGS, ARGS(exact), {0}, {0}, NULL },
    { "--binary64", CLI_OPT_TRUNK, OPT_FLAG_ARGS, ARGS(binary64), {0}, {0}, NULL },
    { "--bias", 0, OPT_FLAG_PROBLEM, PROB(bias), {0}, {0}, NULL },
    { "--intercept", CLI_OPT_SOLVER, OPT_FLAG_PROBLEM, PROB(intercept), {0}, {0}, NULL },
    { "--no-presolve", CLI_OPT_SOLVER, OPT_FLAG_PROBLEM, PROB(no_presolve), {0}, {0}, NULL },
    { "--loss", CLI_OPT_SOLVER, OPT_CHOICE, PROB(loss),
      { "interp", "l1", "hinge", "squared", NULL },
      { WC_LOSS_INTERP, WC_LOSS_L1, WC_LOSS_HINGE, WC_LOSS_SQUARED }, NULL },
    { "--dict", CLI_OPT_DICT, OPT_CHOICE, PROB(dict),
      { "full", "samples", NULL }, { WC_DICT_FULL, WC_DICT_SAMPLES }, NULL },
    { "--method", CLI_OPT_SOLVER, OPT_CHOICE, PROB(method),
      { "auto", "glpk-exact", "pivots", NULL },
      { WC_METHOD_AUTO, WC_METHOD_GLPK_EXACT, WC_METHOD_PIVOTS }, NULL },
    { "--lp-engine", CLI_OPT_SOLVER, OPT_CHOICE, PROB(engine),
      { "auto", "glpk", "clp", NULL }, { WC_ENGINE_AUTO, WC_ENGINE_GLPK, WC_ENGINE_CLP }, NULL },
    { "--colgen", CLI_OPT_SOLVER, OPT_CHOICE, PROB(colgen),
      { "auto", "always", "never", NULL },
      { WC_COLGEN_AUTO, WC_COLGEN_ALWAYS, WC_COLGEN_NEVER }, NULL },
    { "--columns", CLI_OPT_SOLVER, OPT_CHOICE, PROB(columns),
      { "auto", "full", "materialise", "stream", NULL },
      { WC_COLUMNS_AUTO, WC_COLUMNS_FULL, WC_COLUMNS_MATERIALISED, WC_COLUMNS_STREAMED }, NULL },
    { "--penalty", CLI_OPT_SOLVER, OPT_CHOICE, PROB(penalty),
      { "l1", "l2", NULL }, { WC_PENALTY_L1, WC_PENALTY_L2 }, NULL },
    { "--beta", CLI_OPT_SOLVER, OPT_VALUE, 0, {0}, {0}, set_beta },
    { "--tolerance", CLI_OPT_SOLVER, OPT_VALUE, 0, {0}, {0}, set_tolerance },
    { "--threads", CLI_OPT_SOLVER, OPT_VALUE, 0, {0}, {0}, set_threads },
    { "--digits", 0, OPT_VALUE, 0, {0}, {0}, set_digits },
    { "--max-memory", 0, OPT_VALUE, 0, {0}, {0}, set_max_memory },
    { "--max-atoms", 0, OPT_VALUE, 0, {0}, {0}, set_max_atoms },
    { "--cert", CLI_OPT_FILES, OPT_VALUE, 0, {0}, {0}, set_cert },
    { "--write-lp", CLI_OPT_FILES, OPT_VALUE, 0, {0}, {0}, set_write_lp },
    { "--svg", CLI_OPT_SVG, OPT_VALUE, 0, {0}, {0}, set_svg },
    { "--depth", CLI_OPT_DEPTH, OPT_VALUE, 0, {0}, {0}, set_depth },
    { "--trunk", CLI_OPT_TRUNK, OPT_VALUE, 0, {0}, {0}, set_trunk },
};

#define NOPTIONS ((slong) (sizeof(options) / sizeof(options[0])))

/* The option a names in a command accepting opts, or NULL. */
static const cli_option *
find_option(const char * a, int opts)
{
    slong i;

    for (i = 0; i < NOPTIONS; i++)
        if (strcmp(a, options[i].name) == 0 && (options[i].group == 0 || (options[i].group & opts)))
            return options + i;
    return NULL;
}

int
cli_option_takes_value(const char * a, int opts)
{
    const cli_option * o = find_option(a, opts);

    return o != NULL && (o->kind == OPT_CHOICE || o->kind == OPT_VALUE);
}

/* Sets the choice o to the word val, or says which words it expects. */
static int
set_choice(cli_args * A, const cli_option * o, const char * cmd, const char * val)
{
    char list[160];
    size_t len = 0;
    int j, n;

    for (n = 0; o->words[n] != NULL; n++)
        if (strcmp(val, o->words[n]) == 0)
        {
            *(int *) ((char *) A->p + o->field) = o->values[n];
            return -1;
        }
    for (j = 0; j < n; j++)
        len += snprintf(list + len, sizeof(list) - len, "%s%s", o->words[j],
                        j + 2 < n ? ", " : j + 2 == n ? " or " : "");
    return cli_usage_error(cmd, "%s expects %s, found '%s'", o->name, list, val);
}

/* Applies the option at argv[*i] (a value, if any, at argv[*i + 1]). */
static int
apply_option(cli_args * A, const cli_option * o, int argc, char ** argv, int * i,
             const char * cmd)
{
    const char * val;

    if (o->kind == OPT_FLAG_ARGS)
        *(int *) ((char *) A + o->field) = 1;
    else if (o->kind == OPT_FLAG_PROBLEM)
        *(int *) ((char *) A->p + o->field) = 1;
    if (o->kind == OPT_FLAG_ARGS || o->kind == OPT_FLAG_PROBLEM)
        return -1;
    if (*i + 1 >= argc)
        return cli_usage_error(cmd, "%s expects a value", o->name);
    val = argv[++*i];
    return o->kind == OPT_CHOICE ? set_choice(A, o, cmd, val) : o->set(A, cmd, val);
}

int
cli_parse_args(cli_args * A, int argc, char ** argv, const char * cmd,
               const char * usage, int opts)
{
    int i, status = -1;

    memset(A, 0, sizeof(cli_args));
    wc_problem_init(A->p);
    fmpq_init(A->tolerance);
    fmpq_set_si(A->tolerance, 1, 1000000000);
    A->p->max_atoms = CLI_MAX_ATOMS_BUILT;
    A->p->max_memory = CLI_MAX_MEMORY;
    for (i = 1; i < argc && status < 0; i++)
    {
        const char * a = argv[i];
        const cli_option * o = find_option(a, opts);

        if (cli_is_help(a))
        {
            fputs(usage, stdout);
            status = EXIT_OK;
        }
        else if (o != NULL)
            status = apply_option(A, o, argc, argv, &i, cmd);
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
    if (status < 0 && A->beta_given && A->p->loss == WC_LOSS_INTERP)
        status = cli_usage_error(cmd, "--beta has no meaning with --loss interp "
                                 "(minimum-norm interpolation); choose l1, hinge or squared");
    if (status < 0 && !wc_lp_engine_available(A->p->engine))
        status = cli_usage_error(cmd, "--lp-engine clp: this wedgecert was built without "
                                 "COIN-OR Clp (install coinor-libclp-dev and rebuild)");
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
cli_args_clear(cli_args * A)
{
    if (A->prog.drawn)
        fprintf(stderr, "\r%78s\r", "");     /* the status line goes */
    wc_problem_clear(A->p);
    fmpq_clear(A->tolerance);
}

int
cli_read_data(wc_data_t D, cli_args * A, int builds)
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
cli_default_limit(cli_args * A, const wc_data_t D, int builds)
{
    if (!A->max_atoms_given)
        A->p->max_atoms = !builds && wc_columns_mode(D, A->p) == WC_COLUMNS_STREAMED
                          ? CLI_MAX_ATOMS_STREAMED : CLI_MAX_ATOMS_BUILT;
}
