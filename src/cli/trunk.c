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
    if (wc_network_read(t->T, t->path, A->binary64, err) != WC_OK)
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

void
cli_features(wc_data_t F, const wc_network_t N, const wc_data_t D)
{
    slong i;

    fmpq_mat_clear(F->X);
    fmpq_mat_init(F->X, 0, 0);
    wc_network_trunk(F->X, N, D->X, N->nlayers);
    F->n = D->n;
    F->d = N->width[N->nlayers];
    F->y = _fmpq_vec_init(D->n);
    for (i = 0; i < D->n; i++)
        fmpq_set(F->y + i, D->y + i);
}

void
cli_hidden_layers(const wc_network_t N, const wc_data_t D, ulong max_atoms, int json)
{
    slong l, u;
    wc_error_t err;

    if (json)
        printf(", \"hidden_layers\": [");
    else
        printf("hidden layers (a structural diagnostic, not a certificate): each unit's\n"
               "nearest atom of the vertex dictionary of its layer's input\n");
    for (l = 0; l < N->nlayers; l++)
    {
        slong out = N->width[l + 1];
        slong * atom = flint_malloc(out * sizeof(slong));
        fmpq * dist = _fmpq_vec_init(out);
        wc_dict_t V;

        wc_dict_init(V);
        if (json)
            printf("%s{\"layer\": %ld, ", l ? ", " : "", l + 1);
        if (wc_network_layer_report(atom, dist, V, N, l, D, max_atoms, err) != WC_OK)
        {
            if (json)
                printf("\"units\": null}");
            else
                printf("  layer %ld: not reported: %s\n", l + 1, err->msg);
        }
        else
        {
            if (json)
                printf("\"dictionary_size\": %ld, \"units\": [", V->len);
            for (u = 0; u < out; u++)
            {
                if (json)
                {
                    printf("%s{\"nearest\": ", u ? ", " : "");
                    if (atom[u] < 0)
                        printf("null, \"distance\": null}");
                    else
                    {
                        printf("{");
                        cli_json_origin(stdout, V, atom[u]);
                        printf("}, ");
                        cli_json_exact(stdout, "distance", dist + u);
                        printf("}");
                    }
                    continue;
                }
                printf("  layer %ld, unit %ld: ", l + 1, u + 1);
                if (atom[u] < 0)
                    printf("w = 0, no direction\n");
                else
                {
                    printf("nearest atom ");
                    cli_text_origin(stdout, V, atom[u]);
                    printf(" at l1 distance ");
                    cli_text_fmpq(stdout, dist + u);
                    printf("\n");
                }
            }
            if (json)
                printf("]}");
        }
        wc_dict_clear(V);
        flint_free(atom);
        _fmpq_vec_clear(dist, out);
    }
    if (json)
        printf("]");
}
