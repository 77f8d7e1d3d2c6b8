/*
 * predict.c -- 'wedgecert predict DATA': does the paper's prediction hold
 * on this data?
 */
#include <flint/fmpq_vec.h>
#include "cli.h"

static const char predict_usage[] =
"NAME\n"
"    wedgecert predict - decide whether wedges of samples alone are optimal\n"
"\n"
"SYNOPSIS\n"
"    wedgecert predict DATA [--loss interp|l1|hinge] [--beta Q] [--bias]\n"
"                      [--intercept] [--json] [--method M] [--colgen C]\n"
"                      [--max-atoms N] [--svg FILE] [--trunk TRUNK] [--quiet]\n"
"    wedgecert predict DATA --depth L [--loss L] [--beta Q] [--json]\n"
"    wedgecert predict DATA --penalty l2 [--tolerance Q] [--loss L] [--beta Q]\n"
"                      [--bias] [--json]\n"
"\n"
"DESCRIPTION\n"
"    The prediction P (proofs/DERIVATIONS.md 7): optimal first-layer weights are\n"
"    wedge products of training samples alone, i.e. the dictionary of\n"
"    k = d atoms (no basis vectors) attains the optimum of the complete\n"
"    vertex dictionary.  Both problems are solved and certified exactly.\n"
"    'holds': equal exact optimal values.  'infeasible': neither dictionary\n"
"    interpolates the data (interp), so there is nothing to compare.\n"
"    'fails': the exact gap, and a witness: an atom u of the complete\n"
"    dictionary whose column violates the restricted problem's optimal\n"
"    dual v, |k_u^T v| > bound (1 for interp, beta otherwise), with both\n"
"    numbers exact.\n"
"    The exit status is 0 either way; non-zero only for errors.\n"
"\n"
"OPTIONS\n"
"    As for 'wedgecert solve' (--loss, --beta, --bias, --intercept, --method,\n"
"    --colgen, --max-atoms, --quiet), and\n"
"    --depth L  instead: deep networks in 1-D compared across depths 2..L\n"
"               (L = 3 or 4): each optimum over the reflection dictionary of\n"
"               its depth, certified, and what each layer gains, exactly\n"
"               (JSON: \"depths\": [{\"depth\", \"features\", \"value\",\n"
"               \"gain_over_previous\"}])\n"
"    --penalty l2  under weight decay (d <= 3): the optima are irrational, so\n"
"               both are bracketed (as 'solve --penalty l2'): the sample-wedge\n"
"               dictionary with l2-normalised directions and the true optimum.\n"
"               \"prediction\" is \"fails\" when the first bracket lies above the\n"
"               second (\"gap_lower_bound\" = samples_lower_bound - upper_bound\n"
"               > 0, certified), else \"holds_within_tolerance\"; \"witness\" is\n"
"               the face point {\"w\", \"b\", \"anchor\", \"ratio_squared\"} where\n"
"               the sample wedges' dual is most violated (ratio > 1)\n"
"    --trunk T  the prediction for the last block of a deep network, on the\n"
"               features h = T(x) of the trunk T (as 'solve --trunk')\n"
"    --svg FILE a picture (d = 1 or 2) of the complete dictionary's optimal\n"
"               network, the witness atom dashed (2-D)\n"
"    --json     one JSON object: \"prediction\" (\"holds\"/\"fails\"/\"infeasible\"),\n"
"               \"dictionaries_equal\" (true, false, or null when V was\n"
"               streamed; in 1-D the two dictionaries always coincide),\n"
"               \"full_value\", \"samples_value\", \"gap\" (exact strings, or\n"
"               \"infeasible\"), their _approx, \"full_dictionary_size\",\n"
"               \"samples_dictionary_size\", \"samples_dual\", and \"witness\"\n"
"               ({\"coords\", \"samples\", \"sign\", \"w\", \"b\", \"violation\",\n"
"               \"bound\"}, or null).\n";

static const char * const verdict_name[] = { "holds", "fails", "infeasible" };

static void
json_value(FILE * out, const char * key, const wc_result_t R)
{
    fprintf(out, ", ");
    if (R->status == WC_LP_INFEASIBLE)
        fprintf(out, "\"%s\": \"infeasible\", \"%s_approx\": null", key, key);
    else
        cli_json_exact(out, key, R->value);
}

static void
text_value(const char * label, const wc_result_t R)
{
    printf("%s", label);
    if (R->status == WC_LP_INFEASIBLE)
        printf("infeasible");
    else
        cli_text_fmpq(stdout, R->value);
    if (R->columns == WC_COLUMNS_FULL)
        printf("   (%ld atoms)\n", R->V->len);
    else
        printf("   (column generation: working set of %ld atoms, %ld rounds)\n",
               R->V->len, R->rounds);
}

/* The JSON object of predict; w, b: the witness's direction (if any). */
static void
print_json(const wc_prediction_t P, const wc_data_t D, const fmpq * w, const fmpq_t b)
{
    slong d = D->d, u = P->witness;

    printf("{\"prediction\": \"%s\", \"dictionaries_equal\": %s", verdict_name[P->verdict],
           P->dictionaries_equal < 0 ? "null" : P->dictionaries_equal ? "true" : "false");
    json_value(stdout, "full_value", P->full);
    json_value(stdout, "samples_value", P->samples);
    printf(", ");
    if (P->full->status == WC_LP_OPTIMAL && P->samples->status == WC_LP_OPTIMAL)
        cli_json_exact(stdout, "gap", P->gap);
    else
        printf("\"gap\": %s, \"gap_approx\": null",
               P->verdict == WC_PREDICTION_INFEASIBLE ? "null" : "\"infinite\"");
    /* sizes of V (or, after column generation, of the working set) */
    printf(", \"full_dictionary_size\": %ld, \"samples_dictionary_size\": %ld"
           ", \"columns\": \"%s\"", P->full->V->len, P->samples->V->len,
           P->full->columns == WC_COLUMNS_FULL ? "full" : "working-set");
    printf(", \"samples_dual\": ");
    if (P->samples->status == WC_LP_OPTIMAL)
        cli_json_fmpq_list(stdout, P->samples->dual, D->n);
    else
        cli_json_fmpq_list(stdout, P->samples->farkas, D->n);
    printf(", \"witness\": ");
    if (u < 0)
        printf("null");
    else
    {
        printf("{");
        cli_json_origin(stdout, P->full->V, u);
        printf(", \"w\": ");
        cli_json_fmpq_list(stdout, w, d);
        printf(", \"b\": ");
        cli_json_fmpq(stdout, b);
        printf(", \"violation\": ");
        cli_json_fmpq(stdout, P->witness_value);
        printf(", \"bound\": ");
        cli_json_fmpq(stdout, P->bound);
        printf("}");
    }
    printf("}\n");
}

/* The picture of the complete dictionary's optimal network, the witness
 * (if any) dashed. */
static int
write_svg(const char * path, const wc_prediction_t P, const wc_data_t D, const char * data)
{
    char l0[160], l1[200], gap[96];
    const char * legend[3] = { l0, l1, NULL };
    cli_picture_net N;
    slong extra = -1;
    int ok;

    cli_picture_from_result(&N, P->full);
    if (P->witness >= 0 && D->d == 2)
    {
        /* the witness joins as a neuron of weight 0, drawn dashed */
        fmpq * w = _fmpq_vec_init(2);
        fmpq_t b;

        fmpq_init(b);
        wc_dict_direction(w, b, P->full->V, P->witness);
        extra = N.m++;
        N.w = flint_realloc(N.w, 2 * N.m * sizeof(double));
        N.b = flint_realloc(N.b, N.m * sizeof(double));
        N.alpha = flint_realloc(N.alpha, N.m * sizeof(double));
        N.w[2 * extra] = fmpq_get_d(w);
        N.w[2 * extra + 1] = fmpq_get_d(w + 1);
        N.b[extra] = fmpq_get_d(b);
        N.alpha[extra] = 0.0;
        fmpq_clear(b);
        _fmpq_vec_clear(w, 2);
    }
    snprintf(l0, sizeof(l0), "%s: prediction P %s (the optimal network of the complete "
             "dictionary)", data, verdict_name[P->verdict]);
    if (P->verdict == WC_PREDICTION_FAILS && P->samples->status == WC_LP_OPTIMAL)
    {
        cli_short_str(gap, sizeof(gap), P->gap);
        snprintf(l1, sizeof(l1), "sample wedges alone are worse by %s%s", gap,
                 extra >= 0 ? "; dashed: the witness atom" : "");
    }
    else
        snprintf(l1, sizeof(l1), "%s", P->verdict == WC_PREDICTION_HOLDS
                 ? "sample wedges alone attain the optimum"
                 : P->verdict == WC_PREDICTION_INFEASIBLE ? "no network interpolates the data"
                 : "sample wedges alone cannot interpolate the data");
    ok = cli_svg_network(path, D, &N, extra, "wedgecert predict", legend);
    cli_picture_clear(&N);
    return ok;
}

int
cmd_predict(int argc, char ** argv)
{
    cli_args A;
    wc_data_t D;
    wc_prediction_t P;
    wc_error_t err;
    int status = cli_parse_args(&A, argc, argv, "predict", predict_usage,
                                CLI_OPT_SOLVER | CLI_OPT_SVG | CLI_OPT_TRUNK | CLI_OPT_DEPTH);
    cli_trunk trunk;
    int have_trunk = 0;
    slong d, u;
    fmpq * w;
    fmpq_t b;

    if (status >= 0)
        return status;
    status = EXIT_OK;
    wc_data_init(D);
    wc_prediction_init(P);
    if (cli_read_data(D, &A, 0))
    {
        status = EXIT_DATA;
        goto cleanup;
    }
    if (A.p->penalty == WC_PENALTY_L2)
    {
        status = cli_predict_l2(&A, D);
        goto cleanup;
    }
    if (A.depth != 0)
    {
        status = A.trunk_path != NULL || A.svg_path != NULL
                 ? cli_usage_error("predict", "--depth compares depths: no --trunk or --svg")
                 : cli_compare_depths(&A, D);
        goto cleanup;
    }
    if (A.trunk_path != NULL)
    {
        have_trunk = 1;
        if ((status = cli_trunk_apply(&trunk, &A, D)) != EXIT_OK)
            goto cleanup;
        if (!A.json)
            printf("(on the features h = T(x) of the trunk %s: the prediction for the last\n"
                   " block given the trunk)\n", A.trunk_path);
    }
    if (wc_predict(P, D, A.p, err) != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A.path, err->msg);
        status = err->code == WC_ERR_SOLVER ? EXIT_SOLVER : EXIT_DATA;
        goto cleanup;
    }
    d = D->d;
    u = P->witness;
    w = _fmpq_vec_init(d);
    fmpq_init(b);
    if (u >= 0)
        wc_dict_direction(w, b, P->full->V, u);

    if (A.svg_path != NULL && !write_svg(A.svg_path, P, D, A.path))
        status = EXIT_OUTPUT;
    else if (A.json)
        print_json(P, D, w, b);
    else
    {
        printf("prediction P (wedges of samples alone attain the optimum): %s\n",
               verdict_name[P->verdict]);
        if (P->verdict == WC_PREDICTION_INFEASIBLE)
            printf("  (no network of either dictionary interpolates the data: there is\n"
                   "   no optimum to compare)\n");
        if (P->dictionaries_equal == 1)
            printf("  (the two dictionaries are the same set of atoms%s)\n",
                   D->d == 1 ? ": in 1-D every atom is a wedge of samples" : "");
        text_value("  optimum over the complete vertex dictionary: ", P->full);
        text_value("  optimum over the sample wedges alone:        ", P->samples);
        if (P->full->status == WC_LP_OPTIMAL && P->samples->status == WC_LP_OPTIMAL)
        {
            printf("  gap = ");
            cli_text_fmpq(stdout, P->gap);
            printf("\n");
        }
        if (u >= 0)
        {
            printf("witness: the atom ");
            cli_text_origin(stdout, P->full->V, u);
            printf(", w = (");
            cli_text_fmpq_list(stdout, w, d);
            printf("), b = ");
            cli_text_fmpq(stdout, b);
            printf("\n  has |k_u^T v| = ");
            cli_text_fmpq(stdout, P->witness_value);
            printf(" > ");
            cli_text_fmpq(stdout, P->bound);
            printf(" for the restricted problem's %s v\n",
                   P->samples->status == WC_LP_OPTIMAL ? "optimal dual" : "Farkas vector");
        }
    }
    fmpq_clear(b);
    _fmpq_vec_clear(w, d);

cleanup:
    if (have_trunk)
        cli_trunk_clear(&trunk);
    wc_prediction_clear(P);
    wc_data_clear(D);
    cli_args_clear(&A);
    return status;
}
