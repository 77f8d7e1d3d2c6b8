/*
 * l2.c -- '--penalty l2' (standard weight decay) for solve and predict:
 * the certified bracket lower_bound <= OPT <= upper_bound, the network
 * that attains the upper bound, and the dual that proves the lower one.
 */
#include <string.h>
#include "cli.h"

/* The options --penalty l2 does not combine with; 0 if none is given. */
static int
l2_refuses(const cli_args * A, const char * cmd)
{
    const char * bad = A->depth ? "--depth" : A->trunk_path ? "--trunk"
                       : A->lp_path ? "--write-lp" : A->svg_path ? "--svg" : NULL;
    if (bad == NULL)
        return 0;
    return cli_usage_error(cmd, "%s does not combine with --penalty l2", bad);
}

static void
json_bracket(const wc_l2_result_t R, const char * lo, const char * hi)
{
    cli_json_exact(stdout, lo, R->lower);
    printf(", ");
    cli_json_exact(stdout, hi, R->upper);
}

static void
json_network(const wc_l2_result_t R)
{
    printf("\"neurons\": [");
    for (slong j = 0; j < R->nneurons; j++)
    {
        printf("%s{\"w\": ", j ? ", " : "");
        cli_json_fmpq_list(stdout, R->w + j * R->d, R->d);
        printf(", \"b\": ");
        cli_json_fmpq(stdout, R->b + j);
        printf(", \"alpha\": ");
        cli_json_fmpq(stdout, R->alpha + j);
        printf("}");
    }
    printf("], \"intercept\": ");
    cli_json_fmpq(stdout, R->xi);
}

static void
json_problem(const wc_problem_t p, const wc_data_t D)
{
    printf("\"penalty\": \"l2\", \"n\": %ld, \"d\": %ld, \"loss\": \"%s\", ", D->n, D->d,
           wc_loss_name(p->loss));
    if (p->loss != WC_LOSS_INTERP)
    {
        cli_json_exact(stdout, "beta", p->beta);
        printf(", ");
    }
    printf("\"bias\": %s, \"intercept_free\": %s", p->bias ? "true" : "false",
           p->intercept || p->bias ? "true" : "false");
}

static void
text_network(const wc_l2_result_t R)
{
    printf("network (%ld neurons; f(x) = sum alpha (x.w + b)_+ + xi):\n", R->nneurons);
    for (slong j = 0; j < R->nneurons; j++)
    {
        printf("  w = (");
        cli_text_fmpq_list(stdout, R->w + j * R->d, R->d);
        printf("), b = ");
        cli_text_short(stdout, R->b + j);
        printf(", alpha = ");
        cli_text_short(stdout, R->alpha + j);
        printf("\n");
    }
    printf("  xi = ");
    cli_text_fmpq(stdout, R->xi);
    printf("\n");
}

static void
text_bracket(const wc_l2_result_t R, const char * what)
{
    printf("%s lower bound: ", what);
    cli_text_fmpq(stdout, R->lower);
    printf("\n%s upper bound: ", what);
    cli_text_fmpq(stdout, R->upper);
    printf("\n");
}

/* The solve, with its message on failure.  RETURNS an exit status. */
static int
run(wc_l2_result_t R, const wc_data_t D, cli_args * A, const char * what)
{
    wc_error_t err;
    int rc = wc_l2_solve(R, D, A->p, A->tolerance, err);
    if (rc != WC_OK)
    {
        fprintf(stderr, "%s: error: %s\n", A->path, err->msg);
        return rc == WC_ERR_ARG ? EXIT_DATA : EXIT_SOLVER;
    }
    if (R->status == WC_LP_INFEASIBLE)
    {
        fprintf(stderr, "%s: error: %s: no network interpolates these labels "
                "(the same as with --penalty l1, which certifies it)\n", A->path, what);
        return EXIT_SOLVER;
    }
    return EXIT_OK;
}

int
cli_solve_l2(cli_args * A, const wc_data_t D)
{
    wc_l2_result_t R;
    cli_out o;
    int status = l2_refuses(A, "solve");
    if (status)
        return status;
    wc_l2_result_init(R);
    status = run(R, D, A, "--penalty l2");
    if (status == EXIT_OK && A->cert_path != NULL)
    {
        FILE * f = cli_out_open(&o, A->cert_path);
        if (f == NULL || !cli_out_close(&o, wc_l2_certificate_write(f, R, D, A->p) == WC_OK,
                                        "certificate"))
            status = EXIT_OUTPUT;
    }
    if (status == EXIT_OK && A->json)
    {
        printf("{\"status\": \"bracket\", ");
        json_problem(A->p, D);
        printf(", \"dictionary\": \"%s\", ", A->p->dict == WC_DICT_SAMPLES ? "samples" : "full");
        json_bracket(R, "lower_bound", "upper_bound");
        printf(", ");
        cli_json_exact(stdout, "tolerance", R->tolerance);
        printf(", \"tolerance_reached\": %s, \"rounds\": %ld, \"%s\": %lu, ",
               R->reached ? "true" : "false", R->rounds,
               R->dict == WC_DICT_SAMPLES ? "atoms_checked" : "cells_checked", R->checks);
        cli_json_exact(stdout, "network_loss", R->loss);
        printf(", ");
        cli_json_exact(stdout, "network_penalty_lower", R->penalty_lo);
        printf(", ");
        cli_json_exact(stdout, "network_penalty_upper", R->penalty_hi);
        printf(", ");
        json_network(R);
        printf(", \"dual\": ");
        cli_json_fmpq_list(stdout, R->dual, R->n);
        printf("}\n");
    }
    else if (status == EXIT_OK)
    {
        printf("%s: %s loss, l2 penalty (weight decay)%s, n = %ld, d = %ld\n", A->path,
               wc_loss_name(A->p->loss), A->p->bias ? ", biases" : "", D->n, D->d);
        text_bracket(R, "optimum");
        printf("  upper: the cost of the network below, enclosed from above (MPFR)\n"
               "  lower: the dual objective of a rational dual point checked exactly "
               "against %lu %s\n", R->checks,
               R->dict == WC_DICT_SAMPLES ? "sample wedges (the sample-wedge dictionary's "
               "optimum only)" : "face points of the hyperplane arrangement (every direction)");
        printf("relative width %s the tolerance ", R->reached ? "within" : "ABOVE");
        cli_text_fmpq(stdout, R->tolerance);
        printf(" after %ld rounds\n", R->rounds);
        text_network(R);
    }
    wc_l2_result_clear(R);
    return status;
}

static void
json_witness(const wc_l2_result_t R)
{
    printf("\"witness\": {\"w\": ");
    cli_json_fmpq_list(stdout, R->witness_w, R->d);
    printf(", \"b\": ");
    cli_json_fmpq(stdout, R->witness_b);
    printf(", \"anchor\": %ld, ", R->witness_anchor);
    cli_json_exact(stdout, "ratio_squared", R->witness_r2);
    printf("}");
}

int
cli_predict_l2(cli_args * A, const wc_data_t D)
{
    wc_l2_result_t S, F;
    fmpq_t gap;
    int status = l2_refuses(A, "predict"), fails;
    if (status)
        return status;
    wc_l2_result_init(S);
    wc_l2_result_init(F);
    fmpq_init(gap);
    A->p->dict = WC_DICT_SAMPLES;
    status = run(S, D, A, "the sample wedges");
    A->p->dict = WC_DICT_FULL;
    if (status == EXIT_OK)
        status = run(F, D, A, "--penalty l2");
    if (status == EXIT_OK)
    {
        wc_error_t err;
        if (wc_l2_witness(S, D, A->p, err) != WC_OK)
        {
            fprintf(stderr, "%s: error: %s\n", A->path, err->msg);
            status = EXIT_DATA;
        }
    }
    if (status != EXIT_OK)
        goto cleanup;
    fmpq_sub(gap, S->lower, F->upper);
    fails = fmpq_sgn(gap) > 0;
    if (A->json)
    {
        printf("{");
        json_problem(A->p, D);
        printf(", \"prediction\": \"%s\", ", fails ? "fails" : "holds_within_tolerance");
        json_bracket(S, "samples_lower_bound", "samples_upper_bound");
        printf(", ");
        json_bracket(F, "lower_bound", "upper_bound");
        if (fails)
        {
            printf(", ");
            cli_json_exact(stdout, "gap_lower_bound", gap);
        }
        printf(", \"samples_atoms_checked\": %lu, \"cells_checked\": %lu, ", S->checks, F->checks);
        json_witness(S);
        printf("}\n");
    }
    else
    {
        printf("%s: %s loss, l2 penalty (weight decay)%s, n = %ld, d = %ld\n", A->path,
               wc_loss_name(A->p->loss), A->p->bias ? ", biases" : "", D->n, D->d);
        text_bracket(S, "sample-wedge dictionary's optimum");
        text_bracket(F, "true optimum");
        if (fails)
        {
            printf("prediction FAILS: the sample wedges' optimum exceeds the true one by at "
                   "least ");
            cli_text_fmpq(stdout, gap);
            printf(" (certified: its lower bound minus the true upper bound)\n");
        }
        else
            printf("prediction holds within the tolerance: the brackets overlap (an exact "
                   "\"holds\" would need algebraic numbers)\n");
        printf("witness: the sample-wedge dual point at w = (");
        cli_text_fmpq_list(stdout, S->witness_w, D->d);
        printf("), b = ");
        cli_text_short(stdout, S->witness_b);
        printf(": (k^T v)^2 / (bound ||w||)^2 = ");
        cli_text_fmpq(stdout, S->witness_r2);
        printf("%s\n", fmpq_cmp_ui(S->witness_r2, 1) > 0 ? " > 1 (violated)" : " <= 1");
    }
cleanup:
    fmpq_clear(gap);
    wc_l2_result_clear(S);
    wc_l2_result_clear(F);
    return status;
}

/* check-net --penalty l2: the network's objective enclosed, the optimum
 * bracketed, and the gap between them as a bracket. */
int
cli_checknet_l2(cli_args * A, const wc_data_t D, const wc_network_t N)
{
    wc_l2_result_t R;
    slong m = N->m, d = N->d, j, k;
    fmpq * f = _fmpq_vec_init(D->n), * c2 = _fmpq_vec_init(m + 1);
    fmpq_t loss, lo, hi, glo, ghi, zero;
    int status, feasible;

    if (N->nlayers > 0)
        return cli_usage_error("check-net", "a deep network (a trunk) does not combine with "
                               "--penalty l2");
    wc_l2_result_init(R);
    fmpq_init(loss); fmpq_init(lo); fmpq_init(hi); fmpq_init(glo); fmpq_init(ghi);
    fmpq_init(zero);
    wc_network_eval(f, N, D);
    feasible = wc_training_objective(loss, f, zero, D, A->p);
    for (j = 0; j < m; j++)
        for (k = 0; k < d; k++)
            fmpq_addmul(c2 + j, N->w + j * d + k, N->w + j * d + k);
    wc_l2_cost_enclose(lo, hi, N->alpha, c2, m);
    if (A->p->loss != WC_LOSS_INTERP)
    {
        fmpq_mul(lo, lo, A->p->beta);
        fmpq_mul(hi, hi, A->p->beta);
    }
    fmpq_add(lo, lo, loss);     /* the network's objective: in [lo, hi] */
    fmpq_add(hi, hi, loss);
    status = feasible ? run(R, D, A, "--penalty l2") : EXIT_OK;
    if (status == EXIT_OK && feasible)
    {
        fmpq_sub(glo, lo, R->upper);
        fmpq_sub(ghi, hi, R->lower);
        if (fmpq_sgn(glo) < 0)      /* no network is below the optimum */
            fmpq_zero(glo);
    }
    if (status == EXIT_OK && A->json)
    {
        printf("{");
        json_problem(A->p, D);
        printf(", \"interpolates\": %s", feasible ? "true" : "false");
        if (feasible)
        {
            printf(", ");
            cli_json_exact(stdout, "network_objective_lower", lo);
            printf(", ");
            cli_json_exact(stdout, "network_objective_upper", hi);
            printf(", ");
            json_bracket(R, "optimum_lower_bound", "optimum_upper_bound");
            printf(", ");
            cli_json_exact(stdout, "gap_lower", glo);
            printf(", ");
            cli_json_exact(stdout, "gap_upper", ghi);
            printf(", \"cells_checked\": %lu", R->checks);
        }
        printf("}\n");
    }
    else if (status == EXIT_OK && !feasible)
        printf("%s: the network does not interpolate the labels: no finite objective\n",
               A->path);
    else if (status == EXIT_OK)
    {
        printf("%s: %s loss, l2 penalty (weight decay)%s, n = %ld, d = %ld\n", A->path,
               wc_loss_name(A->p->loss), A->p->bias ? ", biases" : "", D->n, D->d);
        printf("the network's objective (loss + beta sum ||w||_2 |alpha|, enclosed): ");
        cli_text_fmpq(stdout, lo);
        printf("\n                                                 up to: ");
        cli_text_fmpq(stdout, hi);
        printf("\n");
        text_bracket(R, "optimum");
        printf("gap to the global optimum, at least: ");
        cli_text_fmpq(stdout, glo);
        printf("\n                          at most:  ");
        cli_text_fmpq(stdout, ghi);
        printf("\n");
    }
    wc_l2_result_clear(R);
    _fmpq_vec_clear(f, D->n);
    _fmpq_vec_clear(c2, m + 1);
    fmpq_clear(loss); fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(glo); fmpq_clear(ghi);
    fmpq_clear(zero);
    return status;
}
