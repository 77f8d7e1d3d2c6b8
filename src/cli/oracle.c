/*
 * oracle.c -- 'wedgecert oracle': reproducible exact test oracles for
 * other projects' test suites.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"

static const char oracle_usage[] =
"NAME\n"
"    wedgecert oracle - generate exact test oracles (data, optimum, certificate)\n"
"\n"
"SYNOPSIS\n"
"    wedgecert oracle --n N --d D --seed S --out DIR [--count K] [--bias]\n"
"                     [--intercept] [--loss L] [--beta Q] [--quiet]\n"
"\n"
"DESCRIPTION\n"
"    Writes random rational data, its certified optimum and certificate,\n"
"    into CASE = DIR/case-0000/ (and on, one folder a case):\n"
"      CASE/data.csv        the samples (exact p/q) and labels\n"
"      CASE/oracle.json     {\"oracle\": 1, \"seed\", \"generator\", \"solution\"},\n"
"                           the solution being the object of 'solve --json'\n"
"                           (exact optimum, network, dual, approximations)\n"
"                           less its run statistics (working_set, rounds,\n"
"                           exact_prices): the file is reproducible\n"
"      CASE/certificate.cert for checkcert\n"
"      CASE/problem.lp      the LP (CPLEX LP format, exact integers) whose\n"
"      CASE/problem.mps     optimum is exactly the oracle's optimum (free\n"
"                           MPS: glpsol --freemps); its columns are the\n"
"      CASE/dictionary.csv  atoms of this file (as 'wedgecert dict --csv');\n"
"                           oracle.json's \"lp\" says how (written when V is\n"
"                           built and the loss is not squared, else \"lp\": null)\n"
"    Case k (k = 0..K-1, seed S + k; K = 1 without --count) goes to\n"
"    DIR/case-kkkk/.  The output for a given seed is byte-identical on\n"
"    every machine: the generator is plain integer arithmetic, and the\n"
"    candidate bases come from GLPK, which every build has (unless\n"
"    --lp-engine clp is given).\n"
"\n"
"GENERATOR\n"
"    splitmix64: state = seed; next() adds 0x9e3779b97f4a7c15 to the state\n"
"    and returns z ^ (z >> 31) after z = (state ^ (state >> 30)) *\n"
"    0xbf58476d1ce4e5b9, z = (z ^ (z >> 27)) * 0x94d049bb133111eb (mod 2^64).\n"
"    uniform(lo, hi) = lo + next() mod (hi - lo + 1).  Row by row, each\n"
"    feature is uniform(-9, 9) / uniform(1, 4); then the label is\n"
"    uniform(-5, 5) / uniform(1, 3), or for hinge -1 if next() is even and\n"
"    +1 otherwise.\n";

typedef struct {
    ulong state;
} splitmix;

static ulong
splitmix_next(splitmix * g)
{
    ulong z = (g->state += UWORD(0x9e3779b97f4a7c15));

    z = (z ^ (z >> 30)) * UWORD(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UWORD(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static slong
uniform(splitmix * g, slong lo, slong hi)
{
    return lo + (slong) (splitmix_next(g) % (ulong) (hi - lo + 1));
}

static void
generate(wc_data_t D, slong n, slong d, ulong seed, int hinge)
{
    splitmix g = { seed };
    slong i, j, p, q;

    wc_data_set_shape(D, n, d, 1);
    for (i = 0; i < n; i++)
    {
        for (j = 0; j < d; j++)
        {
            p = uniform(&g, -9, 9);
            q = uniform(&g, 1, 4);
            fmpq_set_si(fmpq_mat_entry(D->X, i, j), p, q);
        }
        if (hinge)
            fmpq_set_si(D->y + i, (splitmix_next(&g) % 2 == 0) ? -1 : 1, 1);
        else
        {
            p = uniform(&g, -5, 5);
            q = uniform(&g, 1, 3);
            fmpq_set_si(D->y + i, p, q);
        }
    }
}

static int
make_dir(const char * path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST)
        return 1;
    fprintf(stderr, "%s: error: cannot create the directory: %s\n", path, strerror(errno));
    return 0;
}

/* How oracle.json describes problem.lp and problem.mps, and their comment. */
#define LP_FILES_TEXT "problem.lp (CPLEX LP) and problem.mps (free MPS) are the LP of " \
    "this problem over the atoms of dictionary.csv: column 2u + 1, 2u + 2 (1-based x) " \
    "are z_u+ and z_u- of atom u (a row of dictionary.csv), then the intercept's two " \
    "columns and the loss's slack pairs; every row and column is scaled to integers, " \
    "and a free variable 'value' with lp_objective_scale * value = the LP objective is " \
    "minimised, so the files' optimum is optimal_value exactly"
#define LP_COMMENT "wedgecert oracle: the LP whose optimum is the training optimum\n" \
    "minimise value: see oracle.json, key lp"

/* Solves and writes one case into dir; the exit status (EXIT_OK, or
 * EXIT_DATA, EXIT_SOLVER, EXIT_OUTPUT). */
static int
write_case(const char * dir, const wc_data_t D, const wc_problem_t p, ulong seed)
{
    char path[4200];           /* dir is below 4096 bytes */
    wc_result_t R;
    wc_error_t err;
    cli_out o;
    FILE * f;
    slong i, j;
    int ok = 1, lp_files;

    wc_result_init(R);
    if (wc_solve(R, D, p, err) != WC_OK)
    {
        fprintf(stderr, "wedgecert oracle: error: seed %lu: %s\n", seed, err->msg);
        wc_result_clear(R);
        return err->code == WC_ERR_SOLVER ? EXIT_SOLVER : EXIT_DATA;
    }
    lp_files = R->columns == WC_COLUMNS_FULL && p->loss != WC_LOSS_SQUARED;
    /* the case's folder only once there is something to put in it */
    if (!make_dir(dir))
    {
        wc_result_clear(R);
        return EXIT_OUTPUT;
    }
    /* each file whole or not at all (output.c) */
    snprintf(path, sizeof(path), "%s/data.csv", dir);
    if ((f = cli_out_open(&o, path)) == NULL)
        ok = 0;
    else
    {
        fprintf(f, "# wedgecert oracle, seed %lu\n", seed);
        for (i = 0; i < D->n; i++)
        {
            for (j = 0; j < D->d; j++)
            {
                fmpq_fprint(f, fmpq_mat_entry(D->X, i, j));
                fputc(',', f);
            }
            fmpq_fprint(f, D->y + i);
            fputc('\n', f);
        }
        ok = cli_out_close(&o, 1, "data");
    }
    snprintf(path, sizeof(path), "%s/oracle.json", dir);
    if (ok && (f = cli_out_open(&o, path)) != NULL)
    {
        fprintf(f, "{\"oracle\": 1, \"seed\": %lu, \"generator\": \"splitmix64, see "
                   "'wedgecert oracle --help'\", \"solution\": ", seed);
        cli_print_solve_json(f, R, D, p, 0);     /* no run statistics */
        fprintf(f, ", \"lp\": %s}\n", lp_files ? "\"" LP_FILES_TEXT "\"" : "null");
        ok = cli_out_close(&o, 1, "oracle");
    }
    else
        ok = 0;
    /* the LP and the dictionary, for other solvers (a built V only) */
    if (ok && lp_files)
    {
        static const char * const name[3] = { "problem.lp", "problem.mps", "dictionary.csv" };
        int k;

        for (k = 0; k < 3 && ok; k++)
        {
            snprintf(path, sizeof(path), "%s/%s", dir, name[k]);
            if ((f = cli_out_open(&o, path)) == NULL)
                ok = 0;
            else if (k == 2)
            {
                cli_dict_write(f, R->V, D, 1);
                ok = cli_out_close(&o, 1, "dictionary");
            }
            else
                ok = cli_out_close(&o, (k == 0 ? wc_lp_write_cplex_scaled : wc_lp_write_mps_scaled)
                                       (f, R->lp, R->obj_scale, LP_COMMENT) == WC_OK, "LP");
        }
    }
    snprintf(path, sizeof(path), "%s/certificate.cert", dir);
    if (ok && (f = cli_out_open(&o, path)) != NULL)
        ok = cli_out_close(&o, wc_certificate_write(f, R, D, p) == WC_OK, "certificate");
    else
        ok = 0;
    if (!ok)
        fprintf(stderr, "%s: error: cannot write the oracle files\n", dir);
    wc_result_clear(R);
    return ok ? EXIT_OK : EXIT_OUTPUT;
}

/* A whole number option value; -1 when malformed. */
static slong
whole(const char * s)
{
    char * end;
    long long v;

    if (s == NULL || *s == '\0' || *s == '-')
        return -1;
    v = strtoll(s, &end, 10);
    return *end == '\0' ? (slong) v : -1;
}

int
cmd_oracle(int argc, char ** argv)
{
    cli_args A;
    char ** rest = flint_malloc((argc + 2) * sizeof(char *));
    const char * out = NULL;
    slong n = -1, d = -1, seed = -1, count = 1, k;
    int i, nrest = 0, status;
    wc_data_t D;

    /* our own options; the problem options go to the shared parser */
    for (i = 0; i < argc; i++)
    {
        const char * a = argv[i], * val = i + 1 < argc ? argv[i + 1] : NULL;
        slong * dst = !strcmp(a, "--n") ? &n : !strcmp(a, "--d") ? &d
                    : !strcmp(a, "--seed") ? &seed : !strcmp(a, "--count") ? &count : NULL;
        if (i > 0 && dst != NULL)
        {
            if ((*dst = whole(val)) < 0 || (dst != &seed && *dst == 0))
            {
                flint_free(rest);
                return cli_usage_error("oracle", "%s expects a whole number%s, found '%s'",
                                       a, dst == &seed ? "" : " > 0", val ? val : "nothing");
            }
            i++;
        }
        else if (i > 0 && !strcmp(a, "--out"))
        {
            if (val == NULL)
            {
                flint_free(rest);
                return cli_usage_error("oracle", "--out expects a directory");
            }
            out = argv[++i];
        }
        else
            rest[nrest++] = argv[i];
    }
    rest[nrest++] = "-";    /* no DATA file: the shared parser wants one */
    status = cli_parse_args(&A, nrest, rest, "oracle", oracle_usage, CLI_OPT_SOLVER);
    flint_free(rest);
    if (status >= 0)
        return status;
    /* the engine every build has: a degenerate optimum's basis, and so
       the network and dual written, is the same with or without Clp */
    if (A.p->engine == WC_ENGINE_AUTO)
        A.p->engine = WC_ENGINE_GLPK;
    if (n < 0 || d < 0 || seed < 0 || out == NULL)
    {
        cli_args_clear(&A);
        return cli_usage_error("oracle", "expected --n N --d D --seed S --out DIR");
    }
    if (strlen(out) > 4000)
    {
        cli_args_clear(&A);
        return cli_usage_error("oracle", "--out: the directory name is too long");
    }
    if (!make_dir(out))
    {
        cli_args_clear(&A);
        return EXIT_DATA;
    }
    wc_data_init(D);
    status = EXIT_OK;
    for (k = 0; k < count && status == EXIT_OK; k++)
    {
        char dir[4096];

        snprintf(dir, sizeof(dir), "%s/case-%04ld", out, k);
        generate(D, n, d, (ulong) seed + (ulong) k, A.p->loss == WC_LOSS_HINGE);
        cli_default_limit(&A, D, 0);
        status = write_case(dir, D, A.p, (ulong) seed + (ulong) k);
    }
    wc_data_clear(D);
    cli_args_clear(&A);
    return status;
}
