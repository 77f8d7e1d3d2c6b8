/*
 * trunk.c -- --trunk FILE: the last block of a deep network trained on
 * the features h_i = T(x_i) of a fixed trunk, computed exactly
 * (proofs/DERIVATIONS.md section 11).
 */
#include "cli.h"

int
cli_trunk_apply(cli_trunk * t, cli_args * A, wc_data_t D)
{
    wc_error_t err;
    fmpq_mat_t H;

    t->path = A->trunk_path;
    wc_network_init(t->T, D->d);
    fmpq_mat_init(t->X, 0, 0);
    if (wc_network_read(t->T, t->path, 0, err) != WC_OK)
    {
        fprintf(stderr, "%s\n", err->msg);
        return EXIT_DATA;
    }
    if (t->T->nlayers == 0)
    {
        fprintf(stderr, "%s: error: expected \"layers\": a trunk of hidden layers "
                "(JSON {\"layers\": [{\"W\": [[...]], \"b\": [...]}, ...]})\n", t->path);
        return EXIT_DATA;
    }
    fmpq_mat_init(H, 0, 0);
    wc_network_trunk(H, t->T, D->X, t->T->nlayers);
    fmpq_mat_swap(t->X, D->X);
    fmpq_mat_swap(D->X, H);
    fmpq_mat_clear(H);
    D->d = t->T->width[t->T->nlayers];
    cli_default_limit(A, D, 0);         /* the dictionary of the features */
    return EXIT_OK;
}

void
cli_trunk_clear(cli_trunk * t)
{
    wc_network_clear(t->T);
    fmpq_mat_clear(t->X);
}

void
cli_trunk_json(FILE * out, const wc_network_struct * T)
{
    slong l, u, k;

    fprintf(out, "\"layers\": [");
    for (l = 0; l < T->nlayers; l++)
    {
        fprintf(out, "%s{\"W\": [", l ? ", " : "");
        for (u = 0; u < T->width[l + 1]; u++)
        {
            fprintf(out, "%s[", u ? ", " : "");
            for (k = 0; k < T->width[l]; k++)
            {
                fprintf(out, "%s", k ? ", " : "");
                cli_json_fmpq(out, T->W[l] + u * T->width[l] + k);
            }
            fprintf(out, "]");
        }
        fprintf(out, "], \"b\": ");
        cli_json_fmpq_list(out, T->bl[l], T->width[l + 1]);
        fprintf(out, "}");
    }
    fprintf(out, "]");
}
