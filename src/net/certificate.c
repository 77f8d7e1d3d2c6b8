/*
 * certificate.c -- the self-contained text certificate of a certified
 * solve, for proofs/checkcert (format: proofs/CERTIFICATE.md).
 *
 * Everything a checker needs is in the file: the data, the problem, the
 * network as atoms named by their origin (T, S, sign) with exact output
 * weights, the dual point, and the claimed value.  Nothing derived (w, b,
 * columns) is written: the checker recomputes it from the data.
 */
#include "net/net.h"

static void
put_fmpq(FILE * out, const fmpq_t x)
{
    char * s = wc_fmpq_get_str(x);
    fputs(s, out);
    flint_free(s);
}

static void
put_index_list(FILE * out, const slong * v, slong len)
{
    slong j;

    if (len == 0)
        fputc('-', out);
    for (j = 0; j < len; j++)
        fprintf(out, "%s%ld", j ? "," : "", v[j]);
}

int
wc_certificate_write(FILE * out, const wc_result_t R, const wc_data_t D,
                     const wc_problem_t p)
{
    slong i, j, d = D->d;

    fprintf(out, "wedgecert-certificate 1\n");
    fprintf(out, "# written by wedgecert %s; check with: checkcert FILE\n", WC_VERSION);
    fprintf(out, "problem %s ", wc_loss_name(p->loss));
    put_fmpq(out, p->beta);
    fprintf(out, " bias=%d intercept=%d dictionary=%s\n", p->bias != 0,
            wc_has_intercept(p), p->dict == WC_DICT_SAMPLES ? "samples" : "full");
    fprintf(out, "data %ld %ld\n", D->n, d);
    for (i = 0; i < D->n; i++)
    {
        fputs("x", out);
        for (j = 0; j < d; j++)
        {
            fputc(' ', out);
            put_fmpq(out, fmpq_mat_entry(D->X, i, j));
        }
        fputc(' ', out);
        put_fmpq(out, D->y + i);
        fputc('\n', out);
    }
    if (R->status == WC_LP_INFEASIBLE)
    {
        fprintf(out, "status infeasible\nfarkas");
        for (i = 0; i < D->n; i++)
        {
            fputc(' ', out);
            put_fmpq(out, R->farkas + i);
        }
        fprintf(out, "\nend\n");
        return ferror(out) ? WC_ERR_IO : WC_OK;
    }
    fprintf(out, "status optimal\nvalue ");
    put_fmpq(out, R->value);
    fprintf(out, "\nxi ");
    put_fmpq(out, R->xi);
    fprintf(out, "\nneurons %ld\n", R->nneurons);
    for (j = 0; j < R->nneurons; j++)
    {
        slong u = R->atom[j];
        fputs("neuron ", out);
        put_index_list(out, R->V->T + u * d, R->V->k[u]);
        fputc(' ', out);
        put_index_list(out, R->V->S + u * d, wc_dict_nsamples(R->V, u));
        fprintf(out, " %c ", R->V->sign[u] > 0 ? '+' : '-');
        put_fmpq(out, R->alpha + j);
        fputc('\n', out);
    }
    fputs("dual", out);
    for (i = 0; i < D->n; i++)
    {
        fputc(' ', out);
        put_fmpq(out, R->dual + i);
    }
    fprintf(out, "\nend\n");
    return ferror(out) ? WC_ERR_IO : WC_OK;
}
