/*
 * cli.h -- what the subcommands of the wedgecert tool share: exit codes,
 * option helpers and the small JSON/text printers.
 */
#ifndef WC_CLI_H
#define WC_CLI_H

#include <stdio.h>
#include <time.h>
#include "wedgecert.h"

/* Exit statuses of the tool, documented in its --help. */
enum {
    EXIT_OK = 0,
    EXIT_DATA = 1,      /* unreadable or malformed input file */
    EXIT_USAGE = 2,     /* bad command line */
    EXIT_SOLVER = 3,    /* the result could not be certified */
    EXIT_OUTPUT = 4,    /* an output could not be written */
    EXIT_INTERRUPTED = 130
};

/* output.c: a file written whole or not at all (see there). */
typedef struct {
    const char * path;
    char tmp[4200];     /* the temporary file, "" when writing through */
    FILE * f;
} cli_out;

/* Opens path for writing: a temporary file beside a regular (or new)
 * file, the device itself for a character device or FIFO; refuses a
 * symbolic link or any other file.  NULL (with a message) on failure. */
FILE * cli_out_open(cli_out * o, const char * path);
extern int cli_discard_files;      /* cli_out_open writes to /dev/null */

/* The whole tool (main.c): wedgecert's main, and wedgecert-mpi's after
 * MPI is set up (mpi.c). */
int cli_main(int argc, char ** argv);

/* Closes o: checks every write (ok = 0 if the caller's failed), then
 * renames the temporary file over the path; on failure removes it and
 * prints "PATH: error: cannot write the WHAT".  Returns 1 if written. */
int cli_out_close(cli_out * o, int ok, const char * what);

/* Flushes stdout; 0 (with a message) if any write to it failed. */
int cli_stdout_close(void);

/* Ctrl-C and SIGTERM: remove the file being written, print
 * "interrupted", exit EXIT_INTERRUPTED. */
void cli_catch_interrupts(void);

/* FLINT's and GMP's allocations checked: out of memory is a message on
 * stderr and EXIT_DATA, never an abort. */
void cli_checked_memory(void);

/* Prints "wedgecert CMD: error: ..." and a hint to --help; returns EXIT_USAGE. */
int cli_usage_error(const char * cmd, const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* True if argv[i] is -h or --help. */
int cli_is_help(const char * arg);

/* Prints x as a JSON string "p/q". */
void cli_json_fmpq(FILE * out, const fmpq_t x);

/* Prints x as a JSON number approximating it (17 significant digits), or
 * null when it does not fit a double. */
void cli_json_approx(FILE * out, const fmpq_t x);

/* Text for people.  An exact value of at most CLI_SHORT_EXACT characters
 * is printed whole, with "  (~ 1.2345)" beside it when it is not an
 * integer; a longer one as its approximation and its length (--exact
 * prints it whole; JSON always holds it).  Approximations have
 * CLI_DEFAULT_DIGITS significant digits (--digits N). */
#define CLI_SHORT_EXACT 40
#define CLI_DEFAULT_DIGITS 12
void cli_text_fmpq(FILE * out, const fmpq_t x);

/* The same in a list: the exact value when short, else "~approx". */
void cli_text_short(FILE * out, const fmpq_t x);

/* buf := x when short, else "~approx (N digits; exact in --json)": for
 * pictures' legends. */
void cli_short_str(char * buf, size_t size, const fmpq_t x);
/* --digits and --exact. */
void cli_set_text_format(int digits, int exact);

/* Decimal approximation of x (correctly rounded binary64 via MPFR) into buf. */
void cli_approx_str(char * buf, size_t size, const fmpq_t x);

/* Progress on stderr: nothing in the first second; then a status line
 * rewritten at most once a second on a terminal, else a line a phase
 * (none with --quiet). */
typedef struct {
    struct timespec start, last;
    int quiet;
    int tty, drawn;     /* stderr is a terminal; a status line is on it */
    slong round;        /* the column generation round, 0 before */
    slong working, violated;    /* its working set, and the atoms that joined */
    char phase[64];     /* the phase last reported (not on a terminal) */
} cli_progress;

/* The command line of 'solve' and 'predict'. */
typedef struct {
    wc_problem_t p;
    const char * path;
    const char * lp_path, * cert_path, * svg_path;
    int json, csv;
    int max_atoms_given;    /* --max-atoms on the command line */
    int beta_given;         /* --beta on the command line */
    int depth;              /* --depth L (0: two layers) */
    const char * trunk_path;    /* --trunk FILE */
    int binary64;               /* --binary64: the trunk's numbers rounded to doubles */
    int digits, exact;      /* --digits N (0: default), --exact */
    fmpq_t tolerance;       /* --tolerance Q: the l2 bracket's relative width */
    cli_progress prog;
} cli_args;

/* The default limits on the dictionary, per route (--max-atoms raises
 * them): one that builds V holds it and its LP in memory; a streamed one
 * prices every atom in every round. */
#define CLI_MAX_ATOMS_BUILT     UWORD(2000000)
#define CLI_MAX_ATOMS_STREAMED  UWORD(200000000)
/* The default limit on the estimated memory (wc_solve_memory), in bytes. */
#define CLI_MAX_MEMORY          UWORD(16000000000)

/* Which options a command takes besides DATA, --json, --bias, --quiet
 * and --max-atoms. */
enum {
    CLI_OPT_SOLVER = 1,     /* --loss --beta --intercept --method --colgen
                               --penalty --tolerance */
    CLI_OPT_DICT = 2,       /* --dict */
    CLI_OPT_FILES = 4,      /* --write-lp --cert */
    CLI_OPT_CSV = 8,        /* --csv */
    CLI_OPT_SVG = 16,       /* --svg */
    CLI_OPT_DEPTH = 32,     /* --depth */
    CLI_OPT_TRUNK = 64      /* --trunk */
};

/* Parses argv for the options in opts.  Returns -1 to go on, or the exit
 * status (after --help or an error). */
int cli_parse_args(cli_args * A, int argc, char ** argv, const char * cmd,
                   const char * usage, int opts);
void cli_args_clear(cli_args * A);

/* Reads the labelled data set of A; on error prints it and returns 1. */
int cli_read_data(wc_data_t D, cli_args * A, int builds);

/* 1 if option a takes a value in a command accepting opts (CLI_OPT_*). */
int cli_option_takes_value(const char * a, int opts);

/* Without --max-atoms: the limit of the route D will take (builds != 0:
 * the command builds V whatever the route). */
void cli_default_limit(cli_args * A, const wc_data_t D, int builds);

void cli_json_fmpq_list(FILE * out, const fmpq * v, slong len);

/* Prints "key": "p/q", "key_approx": <double> -- every exact value with
 * its labelled approximation beside it. */
void cli_json_exact(FILE * out, const char * key, const fmpq_t x);

/* Prints "coords": [T], "samples": [S], "sign": +-1 of atom u. */
void cli_json_origin(FILE * out, const wc_dict_t V, slong u);

/* Prints v as "p/q, p/q, ..." for people. */
void cli_text_fmpq_list(FILE * out, const fmpq * v, slong len);

/* Prints the origin of atom u for people: "T = {0,2}, S = {1,3}, +". */
void cli_text_origin(FILE * out, const wc_dict_t V, slong u);
void cli_json_index_list(FILE * out, const slong * v, slong len);

/* The JSON object of 'solve --json' (also written by 'oracle', without the
 * run statistics working_set, rounds and exact_prices: run_stats = 0). */
void cli_print_solve_json(FILE * out, const wc_result_t R, const wc_data_t D,
                          const wc_problem_t p, int run_stats);

/* svg.c: pictures (--svg FILE).  A network for drawing, in doubles. */
typedef struct {
    slong m, d;
    double * w, * b, * alpha;   /* neuron j: w[j d .. j d + d), b[j], alpha[j] */
    double xi;
} cli_picture_net;

void cli_picture_from_result(cli_picture_net * P, const wc_result_t R);
void cli_picture_clear(cli_picture_net * P);

/* The picture of P on D (d = 1 or 2) with a title and legend lines (NULL
 * terminated; the exact values are quoted there); neuron extra (or -1) is
 * drawn dashed in black (predict's witness).  Written whole or not at
 * all; RETURNS 1 if written, else 0 with a message on stderr. */
int cli_svg_network(const char * path, const wc_data_t D, const cli_picture_net * P,
                    slong extra, const char * title, const char * const * legend);

/* check-net's picture: the given network N on D, its objective and the
 * gap to the certified optimum (r).  RETURNS as cli_svg_network. */
int cli_svg_check_net(const char * path, const wc_net_report_struct * r, const wc_network_t N,
                      const wc_data_t D, const char * data);

/* The path L over V: the value and every coefficient against beta.
 * RETURNS as cli_svg_network. */
int cli_svg_path(const char * path, const wc_lasso_path_t L, const wc_dict_t V,
                 const wc_data_t D, int intercept, const char * title,
                 const char * const * legend);

/* l2.c: --penalty l2 of solve, predict and check-net.  RETURN the exit
 * status. */
int cli_solve_l2(cli_args * A, const wc_data_t D);
int cli_predict_l2(cli_args * A, const wc_data_t D);
int cli_checknet_l2(cli_args * A, const wc_data_t D, const wc_network_t N);

int cmd_wedge(int argc, char ** argv);
int cmd_eval(int argc, char ** argv);

/* The dictionary V of D as 'wedgecert dict' writes it: CSV (csv != 0) or JSON. */
void cli_dict_write(FILE * out, const wc_dict_t V, const wc_data_t D, int csv);
int cmd_solve(int argc, char ** argv);

/* trunk.c: --trunk FILE.  The trunk T (its layers; neurons, if any, not
 * used) and the raw samples X that D's features h = T(x) came from. */
typedef struct {
    const char * path;
    wc_network_t T;
    fmpq_mat_t X;
} cli_trunk;

/* Reads A->trunk_path into t and replaces D's samples by their features
 * (the raw ones kept in t->X).  RETURNS EXIT_OK, or the exit status after
 * a message. */
int cli_trunk_apply(cli_trunk * t, cli_args * A, wc_data_t D);
void cli_trunk_clear(cli_trunk * t);
/* The trunk as the JSON member "layers": [...] (for deep-network JSON). */
void cli_trunk_json(FILE * out, const wc_network_struct * T);
/* F := the features (N's trunk applied to D's samples) with D's labels. */
void cli_features(wc_data_t F, const wc_network_t N, const wc_data_t D);
/* check-net's report of N's hidden layers: text lines, or with json the
 * member ', "hidden_layers": [...]'. */
void cli_hidden_layers(const wc_network_t N, const wc_data_t D, ulong max_atoms, int json);
/* deep.c: 'solve --depth L' on the data read; the exit status. */
int cli_solve_deep(cli_args * A, const wc_data_t D);
/* 'predict --depth L': the certified values of depths 2..L side by side
 * and what each layer gains, exactly; the exit status. */
int cli_compare_depths(cli_args * A, const wc_data_t D);
int cmd_predict(int argc, char ** argv);
int cmd_dict(int argc, char ** argv);
int cmd_check_net(int argc, char ** argv);
int cmd_oracle(int argc, char ** argv);
int cmd_path(int argc, char ** argv);

#endif
