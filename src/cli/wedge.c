/*
 * wedge.c -- 'wedgecert wedge FILE': the blade of the rows of a matrix.
 */
#include <string.h>
#include <mpfr.h>
#include "cli.h"

static const char wedge_usage[] =
"NAME\n"
"    wedgecert wedge - exact wedge product of the rows of a matrix\n"
"\n"
"SYNOPSIS\n"
"    wedgecert wedge FILE [--json]\n"
"\n"
"DESCRIPTION\n"
"    FILE holds k rows v_1..v_k of a k x d matrix (k <= d), in the CSV\n"
"    format of 'wedgecert --help'.  Prints, exactly:\n"
"      - the Pluecker coordinates of v_1 ^ ... ^ v_k (the k x k minors,\n"
"        indexed by increasing 0-based column subsets);\n"
"      - norm2 = ||B||^2, the sum of squared coordinates, checked against\n"
"        the Gram determinant det(V V^T) (Cauchy-Binet);\n"
"      - when k = d, the signed volume of the parallelotope (= det V);\n"
"      - when k = d-1, the Hodge dual *(v_1 ^ ... ^ v_{d-1}), the\n"
"        generalized cross product w with <x, w> = det[x; v_1; ...].\n"
"    ||B|| itself is irrational in general and is shown only as a labelled\n"
"    approximation.\n"
"\n"
"OPTIONS\n"
"    --json     one JSON object: \"grade\", \"dim\", \"coords\" (a list of\n"
"               {\"index\": [...], \"value\": \"p/q\"}), \"norm2\",\n"
"               \"norm_approx\", and \"volume\" (k = d) or \"dual\" (k = d-1).\n"
"               Exact values are strings \"p/q\" (or \"p\").\n"
"    -h, --help this text.\n";

/* Largest number of coordinates printed; C(d,k) beyond it is refused. */
#define MAX_COORDS 1000000

static void
norm_approx(char * buf, size_t size, const fmpq_t norm2)
{
    mpfr_t f;
    mpq_t q;

    mpfr_init2(f, 64);
    mpq_init(q);
    fmpq_get_mpq(q, norm2);
    mpfr_set_q(f, q, MPFR_RNDN);
    mpfr_sqrt(f, f, MPFR_RNDN);
    mpfr_snprintf(buf, size, "%.17Rg", f);
    mpq_clear(q);
    mpfr_clear(f);
}

/* The blade B of the k rows of X in Q^d, with its norm, volume and
 * Hodge dual where defined, as JSON. */
static void
print_json(const wc_blade_t B, const fmpq_mat_t X, const fmpq_t norm2, const char * approx)
{
    slong k = B->k, d = B->d, r, t;
    slong * I = flint_malloc((k + 1) * sizeof(slong));
    fmpq_t vol;

    fmpq_init(vol);

    printf("{\"grade\": %ld, \"dim\": %ld, \"coords\": [", k, d);
    for (t = 0; t < k; t++)
        I[t] = t;
    for (r = 0; r < B->len; r++)
    {
        printf("%s{\"index\": [", r ? ", " : "");
        for (t = 0; t < k; t++)
            printf("%s%ld", t ? ", " : "", I[t]);
        printf("], \"value\": ");
        cli_json_fmpq(stdout, B->coords + r);
        printf("}");
        wc_subset_next(I, d, k);
    }
    printf("], \"norm2\": ");
    cli_json_fmpq(stdout, norm2);
    printf(", \"norm_approx\": %s", approx);
    if (k == d)
    {
        wc_volume(vol, X);
        printf(", \"volume\": ");
        cli_json_fmpq(stdout, vol);
    }
    if (k == d - 1)
    {
        fmpq * w = _fmpq_vec_init(d);
        wc_hodge_dual(w, X);
        printf(", \"dual\": [");
        for (t = 0; t < d; t++)
        {
            printf("%s", t ? ", " : "");
            cli_json_fmpq(stdout, w + t);
        }
        printf("]");
        _fmpq_vec_clear(w, d);
    }
    printf("}\n");
    flint_free(I);
    fmpq_clear(vol);
}

/* The same for people. */
static void
print_text(const wc_blade_t B, const fmpq_mat_t X, const fmpq_t norm2, const char * approx)
{
    slong k = B->k, d = B->d, r, t;
    slong * I = flint_malloc((k + 1) * sizeof(slong));
    fmpq_t vol;

    fmpq_init(vol);

    printf("blade of grade %ld in Q^%ld (the wedge of %ld row%s)\n",
           k, d, k, k == 1 ? "" : "s");
    for (t = 0; t < k; t++)
        I[t] = t;
    for (r = 0; r < B->len; r++)
    {
        printf("  e");
        for (t = 0; t < k; t++)
            printf("%s%ld", t ? "^e" : "", I[t]);
        printf(" = ");
        cli_text_fmpq(stdout, B->coords + r);
        printf("\n");
        wc_subset_next(I, d, k);
    }
    printf("norm2 = ");
    cli_text_fmpq(stdout, norm2);
    printf("   (= det(V V^T); norm ~ %s, approximate)\n", approx);
    if (k == d)
    {
        wc_volume(vol, X);
        printf("volume = ");
        cli_text_fmpq(stdout, vol);
        printf("   (signed volume of the parallelotope, = det V)\n");
    }
    if (k == d - 1)
    {
        fmpq * w = _fmpq_vec_init(d);
        wc_hodge_dual(w, X);
        printf("dual = (");
        cli_text_fmpq_list(stdout, w, d);
        printf(")   (generalized cross product)\n");
        _fmpq_vec_clear(w, d);
    }
    flint_free(I);
    fmpq_clear(vol);
}

int
cmd_wedge(int argc, char ** argv)
{
    const char * path = NULL;
    int json = 0, i, status = EXIT_OK;
    slong k, d;
    wc_data_t D;
    wc_error_t err;
    wc_blade_t B;
    fmpq_t norm2, gram;
    char approx[64];

    for (i = 1; i < argc; i++)
    {
        if (cli_is_help(argv[i]))
        {
            fputs(wedge_usage, stdout);
            return EXIT_OK;
        }
        else if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("wedge", "unknown option '%s'", argv[i]);
        else if (path != NULL)
            return cli_usage_error("wedge", "expected one FILE, found a second: '%s'", argv[i]);
        else
            path = argv[i];
    }
    if (path == NULL)
        return cli_usage_error("wedge", "expected a matrix FILE");

    wc_data_init(D);
    if (wc_data_read(D, path, 0, err) != WC_OK)
    {
        fprintf(stderr, "%s\n", err->msg);
        wc_data_clear(D);
        return EXIT_DATA;
    }
    k = D->n;
    d = D->d;
    if (k > d || wc_binomial(d, k) > MAX_COORDS)
    {
        if (k > d)
            fprintf(stderr, "%s: error: expected at most %ld rows (k <= d = %ld), found %ld\n",
                    path, d, d, k);
        else
            fprintf(stderr, "%s: error: C(%ld,%ld) coordinates is more than %d\n",
                    path, d, k, MAX_COORDS);
        wc_data_clear(D);
        return EXIT_DATA;
    }

    fmpq_init(norm2);
    fmpq_init(gram);
    wc_blade_init(B, k, d);
    wc_blade_set_rows(B, D->X);
    wc_blade_norm2(norm2, B);
    wc_gram_det(gram, D->X);
    if (!fmpq_equal(norm2, gram))
    {
        /* Cauchy-Binet is a theorem: a mismatch is a bug, never output */
        fprintf(stderr, "wedgecert wedge: internal error: sum of squared "
                        "minors differs from det(V V^T)\n");
        status = EXIT_SOLVER;
        goto cleanup;
    }
    norm_approx(approx, sizeof(approx), norm2);

    if (json)
        print_json(B, D->X, norm2, approx);
    else
        print_text(B, D->X, norm2, approx);

cleanup:
    wc_blade_clear(B);
    fmpq_clear(gram);
    fmpq_clear(norm2);
    wc_data_clear(D);
    return status;
}
