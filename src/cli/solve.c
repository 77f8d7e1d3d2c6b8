/*
 * solve.c -- 'wedgecert solve DATA': the certified optimal network.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <mpfr.h>
#include <flint/fmpq_vec.h>
#include "cli.h"

static const char solve_usage[] =
"NAME\n"
"    wedgecert solve - certified globally optimal two-layer ReLU network\n"
"\n"
"SYNOPSIS\n"
"    wedgecert solve DATA [--loss interp|l1|hinge|squared] [--beta Q] [--bias]\n"
"                    [--intercept] [--dict full|samples] [--json]\n"
"                    [--write-lp FILE] [--cert FILE] [--svg FILE] [--depth L]\n"
"                    [--trunk TRUNK.json [--binary64]]\n"
"                    [--method auto|glpk-exact|pivots] [--lp-engine auto|glpk|clp]\n"
"                    [--colgen auto|always|never]\n"
"                    [--columns auto|full|materialise|stream] [--threads N]\n"
"                    [--no-presolve] [--max-atoms N] [--max-memory G]\n"
"                    [--penalty l1|l2] [--tolerance Q]\n"
"                    [--digits N] [--exact] [--quiet]\n"
"\n"
"DESCRIPTION\n"
"    DATA is a labelled CSV file (x_1,...,x_d,y a row).  Trains\n"
"        f(x) = sum_j alpha_j (x^T w_j + b_j)_+ + xi\n"
"    with the penalty R = sum_j ||w_j||_1 |alpha_j| by solving the exact\n"
"    convex equivalent: an LP over the complete vertex dictionary V of\n"
"    generalized cross products of the samples.  GLPK proposes a basis;\n"
"    the primal and dual solutions are recomputed from it in exact\n"
"    rational arithmetic (FLINT) and checked: primal feasibility, dual\n"
"    feasibility for every atom, equal objectives.  A basis that fails is\n"
"    repaired with glp_exact (when every scaled coefficient fits 53 bits)\n"
"    and exact rational pivots.  Only verified values are printed as exact.\n"
"\n"
"OPTIONS\n"
"    --loss interp  minimise R subject to f(x_i) = y_i (the default)\n"
"    --loss l1      sum_i |f(x_i) - y_i| + beta R\n"
"    --loss hinge   sum_i (1 - y_i f(x_i))_+ + beta R   (labels -1 or +1)\n"
"    --loss squared (1/2) sum_i (f(x_i) - y_i)^2 + beta R: a Lasso, solved by\n"
"                   the exact homotopy; certified by its KKT conditions\n"
"    --beta Q       the exact rational beta > 0 (l1, hinge, squared; default 1;\n"
"                   an error with interp, which has none)\n"
"    --penalty l2   standard weight decay: R = sum_j ||w_j||_2 |alpha_j| (d <= 3,\n"
"                   every loss).  The optimum is in general irrational, so it\n"
"                   is bracketed: lower_bound <= OPT <= upper_bound, exact\n"
"                   rationals.  upper: the printed rational network's cost,\n"
"                   enclosed from above with MPFR; lower: the dual objective\n"
"                   of a rational dual point checked exactly at every face\n"
"                   point of the arrangement {x_i^T w + b = 0}.  JSON: status\n"
"                   \"bracket\", lower_bound, upper_bound (with _approx),\n"
"                   tolerance_reached, rounds, cells_checked, neurons, dual.\n"
"                   --cert writes a penalty=l2 certificate for checkcert\n"
"    --tolerance Q  the bracket's relative width (default 1/10^9): rounds of\n"
"                   column generation over the faces until upper - lower <=\n"
"                   Q upper; if they stall, tolerance_reached is false and the\n"
"                   wider bracket is still proved\n"
"    --bias         hidden biases b_j, and the free intercept xi\n"
"    --intercept    the free intercept xi only\n"
"    --dict full    the complete vertex dictionary (the default): the\n"
"                   network is a global minimiser for every width >= m*\n"
"    --dict samples wedges of samples alone (k = d): optimal within that\n"
"                   dictionary only\n"
"    --json         one JSON object (see below)\n"
"    --write-lp FILE  the integer-scaled LP in CPLEX LP format, for glpsol\n"
"                   or QSopt_ex's esolver; its optimum divided by the\n"
"                   objective scale in its first comment is the optimal value\n"
"    --svg FILE     a picture (d = 1 or 2): the samples and the network\n"
"                   (1-D: its function, breakpoints and ramps; 2-D: each\n"
"                   neuron's hyperplane, active side shaded, width by |alpha|)\n"
"    --depth L      a deep network in 1-D (L = 2, 3, 4; biases and the free\n"
"                   intercept implied): the exact Lasso over the reflection\n"
"                   dictionary of depth L (breaks at samples and at\n"
"                   reflections of samples), certified (--cert: dictionary\n"
"                   mirrors-L, checkcert re-enumerates it), printed as width-1\n"
"                   chains layer by layer and evaluated through its layers;\n"
"                   every loss.  Optimal over the dictionary by LP duality\n"
"                   (squared: KKT); that this is the deep training optimum is the\n"
"                   cited theorem of Zeger, Wang, Pilanci (arXiv 2403.01046)\n"
"    --trunk TRUNK  the last block of a deep network: the samples are replaced\n"
"                   by their features h = T(x) through the fixed hidden layers\n"
"                   of TRUNK (JSON {\"layers\": [{\"W\": [[...], ...], \"b\": [...]},\n"
"                   ...]}, each W row one unit's input weights, a ReLU after\n"
"                   every layer; numbers exact), computed exactly; the rest is\n"
"                   the two-layer pipeline.  Proved: the last block is optimal\n"
"                   GIVEN the trunk.  The certificate carries the trunk and\n"
"                   checkcert recomputes the features; --json prints the whole\n"
"                   deep network (\"layers\" and \"neurons\"); --binary64 rounds\n"
"                   the trunk's numbers to the nearest doubles first\n"
"    --cert FILE    the self-contained certificate (data, problem, network\n"
"                   by atom origins, exact dual point, value); check it with\n"
"                   checkcert FILE (format: proofs/CERTIFICATE.md)\n"
"    --method M     auto (default), glpk-exact (always run glp_exact after\n"
"                   the double simplex when the data fits 53 bits), or\n"
"                   pivots (our exact simplex alone, no GLPK)\n"
"    --lp-engine E  where column generation's rounds get candidate bases\n"
"                   and duals: glpk, clp (COIN-OR Clp, when this build has\n"
"                   it: see --version), or auto (the default: clp when\n"
"                   built with it, else glpk); only candidates, FLINT checks\n"
"                   the answer either way\n"
"    --colgen C     column generation: auto (when the LP has more than 2000\n"
"                   columns), always, or never; its result is certified over\n"
"                   every column all the same\n"
"    --columns C    how the atoms of V reach the LP: full (build V and the\n"
"                   whole LP), stream (never store V: solve a working set,\n"
"                   price every atom of V exactly against its dual -- by\n"
"                   rank, integer arithmetic behind a rigorously bounded\n"
"                   double filter -- add the K most violated (K = n + 16,\n"
"                   2n + 16 for very large V), repeat until none is),\n"
"                   materialise (the same rounds, priced\n"
"                   over a built V in plain rationals: a check of stream),\n"
"                   or auto (the default: stream when V may exceed 500\n"
"                   atoms, else full).  --write-lp implies full\n"
"    --threads N    pricing threads (default: OMP_NUM_THREADS when set,\n"
"                   else every core, or one when V has under 10,000\n"
"                   atoms); the answer is the same for any N\n"
"    --no-presolve  interp: leave infeasibility that the data shows\n"
"                   (identical samples, samples on one ray without\n"
"                   biases, with labels that cannot follow) to column\n"
"                   generation instead of certifying it at once\n"
"    --max-atoms N  refuse dictionaries larger than N atoms (default\n"
"                   2000000 where V is built, 200000000 where it is\n"
"                   streamed: each round prices every atom)\n"
"    --max-memory G refuse work whose estimated memory exceeds G gigabytes\n"
"                   (default 16; 0: no limit)\n"
"    --digits N     significant digits of the approximations in text output\n"
"                   (default 12; JSON always carries the nearest double)\n"
"    --exact        print every exact value whole in text output; by default\n"
"                   one longer than 40 characters is shown as its\n"
"                   approximation and its length (JSON always holds it)\n"
"    --quiet        no progress on stderr\n"
"\n"
"OUTPUT\n"
"    --json prints one object.  Exact values are strings \"p/q\"; a key\n"
"    NAME_approx beside one holds its nearest double; indices are 0-based.\n"
"      \"status\"             \"optimal\" or \"infeasible\"\n"
"      \"verified\"           true: the answer passed its exact check\n"
"      \"certified_by\"       \"glpk-simplex\", \"glpk-exact\", \"exact-pivots\",\n"
"                         \"proportional-rows\" (presolve), \"lasso-kkt\" or\n"
"                         \"empty-lp\" (column generation ended with no\n"
"                         column: y = b, checked by pricing alone)\n"
"      \"n\", \"d\", \"loss\", \"beta\" (not for interp), \"bias\",\n"
"      \"intercept_free\", \"dictionary\" (\"full\" or \"samples\")   the problem\n"
"      \"columns\"            \"full\" (then \"dictionary_size\": |V|), or\n"
"                         \"streamed\" / \"materialised\" (then\n"
"                         \"dictionary_bound\", and the run statistics\n"
"                         \"working_set\", \"rounds\", \"exact_prices\";\n"
"                         exact_prices counts work, and depends on how\n"
"                         pricing was split over threads and processes)\n"
"    When optimal:\n"
"      \"optimal_value\"      the certified optimum of the training objective\n"
"      \"global\"             true for the complete dictionary: a global\n"
"                         optimum of the non-convex training problem\n"
"      \"network_objective\"  the objective of the network read off, evaluated\n"
"                         exactly (equal to optimal_value)\n"
"      \"network_checked\"    true when that equality was checked\n"
"      \"outputs\"            f(x_i) for every sample, exactly\n"
"      \"dual\"               the dual point v that certifies the optimum\n"
"      \"lp_objective_scale\" the LP optimum / this = optimal_value\n"
"      \"intercept\"          xi\n"
"      \"neurons\"            [{\"w\", \"b\", \"alpha\", \"coords\" (T),\n"
"                         \"samples\" (S), \"sign\"}]: w with ||w||_1 = 1\n"
"      \"balanced_approx\"    [{\"w\", \"b\", \"alpha\"}] the same neurons rescaled\n"
"                         so that ||w||_1 = |alpha| (irrational: doubles)\n"
"    When infeasible (only interp can be):\n"
"      \"farkas\"             v with K^T v = 0 (and 1^T v = 0 with an\n"
"                         intercept) and y^T v > 0, checked exactly\n";

/* ----------------------------------------------------------------- output */

static const char *
cert_name(int how)
{
    return how == WC_CERT_GLPK_EXACT ? "glpk-exact"
         : how == WC_CERT_EXACT_PIVOTS ? "exact-pivots"
         : how == WC_CERT_PRESOLVE ? "proportional-rows"
         : how == WC_CERT_LASSO_KKT ? "lasso-kkt"
         : how == WC_CERT_EMPTY_LP ? "empty-lp" : "glpk-simplex";
}

/* The trunk of this solve, if any (--trunk): the printers say what is
 * proved -- the last block is optimal given the trunk -- and the JSON
 * carries the trunk's layers, so that it is the whole deep network. */
static const cli_trunk * trunk_in_use;

void
cli_print_solve_json(FILE * out, const wc_result_t R, const wc_data_t D, const wc_problem_t p,
                     int run_stats)
{
    slong j, d = D->d;
    fmpq * w = _fmpq_vec_init(d);
    fmpq_t b;

    fmpq_init(b);
    fprintf(out, "{\"status\": \"%s\", \"verified\": %s, \"certified_by\": \"%s\"",
           R->status == WC_LP_OPTIMAL ? "optimal" : "infeasible",
           R->verified ? "true" : "false", cert_name(R->certified_by));
    fprintf(out, ", \"n\": %ld, \"d\": %ld, \"loss\": \"%s\"", D->n, d, wc_loss_name(p->loss));
    if (trunk_in_use != NULL)
    {
        fprintf(out, ", \"given_trunk\": true, ");
        cli_trunk_json(out, trunk_in_use->T);
    }
    if (p->loss != WC_LOSS_INTERP)
    {
        fprintf(out, ", \"beta\": ");
        cli_json_fmpq(out, p->beta);
    }
    fprintf(out, ", \"bias\": %s, \"intercept_free\": %s, \"dictionary\": \"%s\"",
           p->bias ? "true" : "false", (p->bias || p->intercept) ? "true" : "false",
           p->dict == WC_DICT_SAMPLES ? "samples" : "full");
    if (R->columns == WC_COLUMNS_FULL)
        fprintf(out, ", \"columns\": \"full\", \"dictionary_size\": %ld", R->V->len);
    else
    {
        fprintf(out, ", \"columns\": \"%s\", \"dictionary_bound\": %lu",
                R->columns == WC_COLUMNS_STREAMED ? "streamed" : "materialised",
                wc_dict_bound(D->n, d, p->bias, p->dict));
        /* how the run went, not what it proved: the count of exact
           pricings depends on the threads' timing */
        if (run_stats)
            fprintf(out, ", \"working_set\": %ld, \"rounds\": %ld, \"exact_prices\": %lu",
                    R->V->len, R->rounds, R->exact_prices);
    }
    if (R->status == WC_LP_INFEASIBLE)
    {
        fprintf(out, ", \"farkas\": ");
        cli_json_fmpq_list(out, R->farkas, R->n);
        fprintf(out, "}\n");
    }
    else
    {
        fprintf(out, ", ");
        cli_json_exact(out, "optimal_value", R->value);
        fprintf(out, ", \"global\": %s", p->dict == WC_DICT_FULL ? "true" : "false");
        fprintf(out, ", \"network_objective\": ");
        cli_json_fmpq(out, R->net_objective);
        fprintf(out, ", \"network_checked\": %s, \"outputs\": ", R->network_checked ? "true" : "false");
        cli_json_fmpq_list(out, R->outputs, R->n);
        fprintf(out, ", \"dual\": ");
        cli_json_fmpq_list(out, R->dual, R->n);
        fprintf(out, ", \"lp_objective_scale\": \"");
        fmpz_fprint(out, R->obj_scale);
        fprintf(out, "\", \"intercept\": ");
        cli_json_fmpq(out, R->xi);
        fprintf(out, ", \"neurons\": [");
        for (j = 0; j < R->nneurons; j++)
        {
            slong u = R->atom[j];
            wc_dict_direction(w, b, R->V, u);
            fprintf(out, "%s{\"w\": ", j ? ", " : "");
            cli_json_fmpq_list(out, w, d);
            fprintf(out, ", \"b\": ");
            cli_json_fmpq(out, b);
            fprintf(out, ", \"alpha\": ");
            cli_json_fmpq(out, R->alpha + j);
            fprintf(out, ", ");
            cli_json_origin(out, R->V, u);
            fprintf(out, "}");
        }
        fprintf(out, "], \"balanced_approx\": [");
        for (j = 0; j < R->nneurons; j++)
        {
            slong t;
            mpfr_t r, a;
            /* ||w||_1 = |alpha| after scaling w by sqrt|alpha| and alpha by
               1/sqrt|alpha|: irrational in general, so approximations only */
            mpfr_init2(r, 53);
            mpfr_init2(a, 53);
            wc_dict_direction(w, b, R->V, R->atom[j]);
            fmpq_get_mpfr(a, R->alpha + j, MPFR_RNDN);
            mpfr_abs(r, a, MPFR_RNDN);
            mpfr_sqrt(r, r, MPFR_RNDN);
            fprintf(out, "%s{\"w\": [", j ? ", " : "");
            for (t = 0; t < d; t++)
            {
                mpfr_t e;
                mpfr_init2(e, 53);
                fmpq_get_mpfr(e, w + t, MPFR_RNDN);
                mpfr_mul(e, e, r, MPFR_RNDN);
                mpfr_fprintf(out, "%s%.17Rg", t ? ", " : "", e);
                mpfr_clear(e);
            }
            fmpq_get_mpfr(a, b, MPFR_RNDN);
            mpfr_mul(a, a, r, MPFR_RNDN);
            mpfr_fprintf(out, "], \"b\": %.17Rg", a);
            fmpq_get_mpfr(a, R->alpha + j, MPFR_RNDN);
            mpfr_div(a, a, r, MPFR_RNDN);
            mpfr_fprintf(out, ", \"alpha\": %.17Rg}", a);
            mpfr_clear(r);
            mpfr_clear(a);
        }
        fprintf(out, "]}\n");
    }
    fmpq_clear(b);
    _fmpq_vec_clear(w, d);
}

static void
print_text(const wc_result_t R, const wc_data_t D, const wc_problem_t p, const char * path)
{
    slong j, d = D->d;
    fmpq * w = _fmpq_vec_init(d);
    fmpq_t b;

    fmpq_init(b);
    if (trunk_in_use != NULL)
        printf("data: %s (n = %ld samples, d = %ld), through the trunk %s (%ld hidden "
               "layer%s): features h = T(x) of width %ld\n", path, D->n, trunk_in_use->X->c,
               trunk_in_use->path, trunk_in_use->T->nlayers,
               trunk_in_use->T->nlayers == 1 ? "" : "s", d);
    else
        printf("data: %s (n = %ld samples, d = %ld)\n", path, D->n, d);
    printf("problem: loss %s", wc_loss_name(p->loss));
    if (p->loss != WC_LOSS_INTERP)
    {
        char * s = wc_fmpq_get_str(p->beta);
        printf(", beta = %s", s);
        flint_free(s);
    }
    printf(", %s, %s\n", p->bias ? "hidden biases" : "no hidden biases",
           (p->bias || p->intercept) ? "free intercept" : "no intercept");
    if (R->columns == WC_COLUMNS_FULL)
        printf("dictionary: %s, %ld atoms\n",
               p->dict == WC_DICT_SAMPLES ? "wedges of samples alone (k = d)"
                                          : "complete vertex dictionary", R->V->len);
    else
    {
        printf("dictionary: %s, up to %lu atoms, %s\n",
               p->dict == WC_DICT_SAMPLES ? "wedges of samples alone (k = d)"
                                          : "complete vertex dictionary",
               wc_dict_bound(D->n, d, p->bias, p->dict),
               R->columns == WC_COLUMNS_STREAMED ? "streamed (never stored)" : "materialised");
        if (R->certified_by == WC_CERT_PRESOLVE && R->rounds == 0)
            printf("column generation: not needed (presolve: samples with proportional rows conflict)\n");
        else
            printf("column generation: %ld round%s, working set %ld atom%s, %lu exact pricings\n",
                   R->rounds, R->rounds == 1 ? "" : "s", R->V->len, R->V->len == 1 ? "" : "s",
                   R->exact_prices);
    }
    if (R->status == WC_LP_INFEASIBLE)
    {
        printf("status: infeasible (no network in this class interpolates the data)\n");
        if (R->certified_by == WC_CERT_PRESOLVE && R->rounds == 0)
            printf("Farkas vector v (samples with proportional rows in every column whose\n"
                   "labels cannot follow: K^T v = 0%s, y^T v > 0; proofs/DERIVATIONS.md 5):\n  ",
                   (p->bias || p->intercept) ? ", 1^T v = 0" : "");
        else
            printf("Farkas vector v (checked exactly: K^T v = 0%s, y^T v > 0):\n  ",
                   (p->bias || p->intercept) ? ", 1^T v = 0" : "");
        cli_text_fmpq_list(stdout, R->farkas, R->n);
        printf("\n");
        goto done;
    }
    printf("status: optimal\noptimal value = ");
    cli_text_fmpq(stdout, R->value);
    if (R->certified_by == WC_CERT_LASSO_KKT)
        printf("\ncertified: exact Lasso path; KKT conditions checked exactly, the residual\n"
               "           dual feasible over all %ld atoms of the %s dictionary\n",
               R->V->len, p->dict == WC_DICT_SAMPLES ? "sample-wedge" : "complete");
    else
        printf("\ncertified: exact primal and dual recomputed in FLINT from the %s basis;\n"
               "           dual feasible over every atom of the %s dictionary%s\n",
               R->certified_by == WC_CERT_GLPK_SIMPLEX ? "GLPK simplex"
               : R->certified_by == WC_CERT_GLPK_EXACT ? "glp_exact" : "exact-pivot",
               p->dict == WC_DICT_SAMPLES ? "sample-wedge" : "complete",
               R->columns == WC_COLUMNS_FULL ? "" : " (exact pricing)");
    if (trunk_in_use != NULL)
        printf("verdict: the last block below is a global minimiser of its training problem\n"
               "         GIVEN THE TRUNK %s (its features h = T(x)), for every width\n"
               "         >= %ld; nothing is claimed of the trunk itself\n",
               trunk_in_use->path, R->nneurons);
    else if (p->dict == WC_DICT_FULL)
        printf("verdict: this network is a global minimiser of the non-convex training\n"
               "         problem, for every width >= %ld\n", R->nneurons);
    else
        printf("verdict: optimal within the sample-wedge dictionary only (not a proof of\n"
               "         global optimality)\n");
    printf("check: the network evaluated exactly on every sample reproduces the value: %s\n",
           R->network_checked ? "yes" : "NO");
    printf("network: %ld neuron%s, intercept xi = ", R->nneurons, R->nneurons == 1 ? "" : "s");
    cli_text_fmpq(stdout, R->xi);
    printf("\n");
    for (j = 0; j < R->nneurons; j++)
    {
        slong u = R->atom[j];

        wc_dict_direction(w, b, R->V, u);
        printf("  alpha = ");
        cli_text_short(stdout, R->alpha + j);
        printf(", w = (");
        cli_text_fmpq_list(stdout, w, d);
        printf("), b = ");
        cli_text_short(stdout, b);
        printf("   [");
        cli_text_origin(stdout, R->V, u);
        printf("]\n");
    }
done:
    fmpq_clear(b);
    _fmpq_vec_clear(w, d);
}

static int
write_lp_file(const char * path, const wc_lp_t P, const fmpz_t scale, const char * data)
{
    char * sc = fmpz_get_str(NULL, 10, scale);
    char * comment = flint_malloc(strlen(data) + strlen(sc) + 200);
    cli_out o;
    FILE * f = cli_out_open(&o, path);
    int ok;

    sprintf(comment, "wedgecert %s integer-scaled LP for %s\n"
            "objective scale %s: training objective = LP optimum / %s", WC_VERSION, data, sc, sc);
    ok = f != NULL && wc_lp_write_cplex(f, P, comment) == WC_OK;
    flint_free(comment);
    flint_free(sc);
    return f != NULL && cli_out_close(&o, ok, "LP file");
}

static int
write_cert_file(const char * path, const wc_result_t R, const wc_data_t D, const wc_problem_t p)
{
    cli_out o;
    FILE * f = cli_out_open(&o, path);

    return f != NULL && cli_out_close(&o, (trunk_in_use != NULL
        ? wc_certificate_write_trunk(f, R, D, trunk_in_use->T, trunk_in_use->X, p)
        : wc_certificate_write(f, R, D, p)) == WC_OK, "certificate");
}

/* The picture of the certified network (no neuron when infeasible). */
static int
write_svg(const char * path, const wc_result_t R, const wc_data_t D, const wc_problem_t p,
          const char * data)
{
    char value[96], l0[160], l1[200];
    const char * legend[3] = { l0, l1, NULL };
    cli_picture_net P;
    int ok;

    cli_picture_from_result(&P, R);
    snprintf(l0, sizeof(l0), "%s, loss %s%s, %ld neuron%s", data, wc_loss_name(p->loss),
             p->bias ? ", biases" : "", R->nneurons, R->nneurons == 1 ? "" : "s");
    if (R->status == WC_LP_OPTIMAL)
    {
        cli_short_str(value, sizeof(value), R->value);
        snprintf(l1, sizeof(l1), "certified optimal value %s", value);
    }
    else
        snprintf(l1, sizeof(l1), "infeasible: no network interpolates (Farkas vector checked)");
    ok = cli_svg_network(path, D, &P, -1, "wedgecert solve", legend);
    cli_picture_clear(&P);
    return ok;
}

int
cmd_solve(int argc, char ** argv)
{
    cli_trunk trunk;
    cli_args A;
    wc_data_t D;
    wc_result_t R;
    wc_error_t err;
    int status = cli_parse_args(&A, argc, argv, "solve", solve_usage,
                                CLI_OPT_SOLVER | CLI_OPT_DICT | CLI_OPT_FILES | CLI_OPT_SVG
                                | CLI_OPT_DEPTH | CLI_OPT_TRUNK);

    if (status >= 0)
        return status;
    status = EXIT_OK;
    wc_data_init(D);
    wc_result_init(R);
    if (cli_read_data(D, &A, 0))
    {
        status = EXIT_DATA;
        goto cleanup;
    }
    if (A.p->penalty == WC_PENALTY_L2)
    {
        status = A.p->dict == WC_DICT_SAMPLES && A.cert_path != NULL
                 ? cli_usage_error("solve", "--cert with --penalty l2 is written for "
                                   "--dict full (every direction) only")
                 : cli_solve_l2(&A, D);
        goto cleanup;
    }
    if (A.depth != 0)
    {
        status = A.trunk_path != NULL
                 ? cli_usage_error("solve", "--depth and --trunk do not go together")
                 : cli_solve_deep(&A, D);
        goto cleanup;
    }
    if (A.trunk_path != NULL)
    {
        trunk_in_use = &trunk;
        if ((status = cli_trunk_apply(&trunk, &A, D)) != EXIT_OK)
            goto cleanup;
    }
    if (A.lp_path != NULL)
    {
        /* the whole LP is wanted: V must be built */
        if (A.p->columns != WC_COLUMNS_AUTO && A.p->columns != WC_COLUMNS_FULL)
        {
            status = cli_usage_error("solve", "--write-lp needs --columns full (the whole LP)");
            goto cleanup;
        }
        A.p->columns = WC_COLUMNS_FULL;
    }
    if (wc_solve_prepare(R, D, A.p, err) != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A.path, err->msg);
        status = EXIT_DATA;
        goto cleanup;
    }
    if (A.lp_path != NULL && A.p->loss == WC_LOSS_SQUARED)
    {
        cli_args_clear(&A);
        wc_result_clear(R);
        wc_data_clear(D);
        return cli_usage_error("solve", "--write-lp: the squared loss is a QP, not an LP");
    }
    /* the LP goes out before the solve, so other solvers can have it anyway */
    if (A.lp_path != NULL && !write_lp_file(A.lp_path, R->lp, R->obj_scale, A.path))
    {
        status = EXIT_OUTPUT;
        goto cleanup;
    }
    if (wc_solve_finish(R, D, A.p, err) != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A.path, err->msg);
        status = EXIT_SOLVER;
        goto cleanup;
    }
    if (A.cert_path != NULL && !write_cert_file(A.cert_path, R, D, A.p))
    {
        status = EXIT_OUTPUT;
        goto cleanup;
    }
    if (A.svg_path != NULL && !write_svg(A.svg_path, R, D, A.p, A.path))
    {
        status = EXIT_OUTPUT;
        goto cleanup;
    }
    if (A.json)
        cli_print_solve_json(stdout, R, D, A.p, 1);
    else
        print_text(R, D, A.p, A.path);

cleanup:
    if (trunk_in_use != NULL)
        cli_trunk_clear(&trunk);
    trunk_in_use = NULL;
    wc_result_clear(R);
    wc_data_clear(D);
    cli_args_clear(&A);
    return status;
}
