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

/* The header, the problem line and the data (X: the raw samples, or
 * NULL for D's own). */
static void
put_problem(FILE * out, const wc_data_t D, const fmpq_mat_struct * X, const wc_problem_t p,
            int bias, int icpt, const char * dictionary)
{
    slong i, j, d = X != NULL ? X->c : D->d;

    fprintf(out, "wedgecert-certificate 1\n");
    fprintf(out, "# written by wedgecert %s; check with: checkcert FILE\n", WC_VERSION);
    fprintf(out, "problem %s ", wc_loss_name(p->loss));
    put_fmpq(out, p->beta);
    fprintf(out, " bias=%d intercept=%d dictionary=%s\n", bias, icpt, dictionary);
    fprintf(out, "data %ld %ld\n", D->n, d);
    for (i = 0; i < D->n; i++)
    {
        fputs("x", out);
        for (j = 0; j < d; j++)
        {
            fputc(' ', out);
            put_fmpq(out, X != NULL ? fmpq_mat_entry(X, i, j) : fmpq_mat_entry(D->X, i, j));
        }
        fputc(' ', out);
        put_fmpq(out, D->y + i);
        fputc('\n', out);
    }
}

/* 'dual v_1 ... v_n' (or farkas), then 'end'. */
static int
put_vector_end(FILE * out, const char * key, const fmpq * v, slong n)
{
    slong i;

    fputs(key, out);
    for (i = 0; i < n; i++)
    {
        fputc(' ', out);
        put_fmpq(out, v + i);
    }
    fprintf(out, "\nend\n");
    return ferror(out) ? WC_ERR_IO : WC_OK;
}

/* 'status infeasible' and the Farkas vector v, then 'end'. */
static int
put_infeasible(FILE * out, const fmpq * v, slong n)
{
    fprintf(out, "status infeasible\n");
    return put_vector_end(out, "farkas", v, n);
}

/* 'status optimal', the value, xi and the number of neurons to follow. */
static void
put_optimal(FILE * out, const fmpq_t value, const fmpq_t xi, slong m)
{
    fprintf(out, "status optimal\nvalue ");
    put_fmpq(out, value);
    fprintf(out, "\nxi ");
    put_fmpq(out, xi);
    fprintf(out, "\nneurons %ld\n", m);
}

/* 'trunk L', then each layer: 'layer ROWS COLS' and a line 'w W_1 .. W_COLS
 * B' a unit. */
static void
put_trunk(FILE * out, const wc_network_struct * T)
{
    slong l, u, t;

    fprintf(out, "trunk %ld\n", T->nlayers);
    for (l = 0; l < T->nlayers; l++)
    {
        fprintf(out, "layer %ld %ld\n", T->width[l + 1], T->width[l]);
        for (u = 0; u < T->width[l + 1]; u++)
        {
            fputc('w', out);
            for (t = 0; t < T->width[l]; t++)
            {
                fputc(' ', out);
                put_fmpq(out, T->W[l] + u * T->width[l] + t);
            }
            fputc(' ', out);
            put_fmpq(out, T->bl[l] + u);
            fputc('\n', out);
        }
    }
}

int
wc_certificate_write(FILE * out, const wc_result_t R, const wc_data_t D,
                     const wc_problem_t p)
{
    return wc_certificate_write_trunk(out, R, D, NULL, NULL, p);
}

int
wc_certificate_write_trunk(FILE * out, const wc_result_t R, const wc_data_t D,
                           const wc_network_struct * T, const fmpq_mat_t X,
                           const wc_problem_t p)
{
    slong j, d = D->d;

    put_problem(out, D, T != NULL ? X : NULL, p, p->bias != 0, wc_has_intercept(p),
                p->dict == WC_DICT_SAMPLES ? "samples" : "full");
    if (T != NULL)
        put_trunk(out, T);
    if (R->status == WC_LP_INFEASIBLE)
        return put_infeasible(out, R->farkas, D->n);
    put_optimal(out, R->value, R->xi, R->nneurons);
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
    return put_vector_end(out, "dual", R->dual, D->n);
}

int
wc_deep_certificate_write(FILE * out, const wc_deep_result_t R, const wc_data_t D,
                          const wc_problem_t p)
{
    slong j, l, L1 = R->L - 1;
    char kind[16];

    snprintf(kind, sizeof(kind), "mirrors-%d", R->L);
    put_problem(out, D, NULL, p, 1, 1, kind);
    if (R->status == WC_LP_INFEASIBLE)
        return put_infeasible(out, R->dual, D->n);
    put_optimal(out, R->value, R->xi, R->nneurons);
    for (j = 0; j < R->nneurons; j++)
    {
        slong u = R->feature[j];

        fputs("neuron ", out);
        for (l = 0; l < L1; l++)
            fputc(R->M->s[u * L1 + l] > 0 ? '+' : '-', out);
        fputc(' ', out);
        put_index_list(out, R->M->j + u * L1, L1);
        fprintf(out, " %d ", R->M->k[u]);
        put_fmpq(out, R->alpha + j);
        fputc('\n', out);
    }
    return put_vector_end(out, "dual", R->dual, D->n);
}

int
wc_l2_certificate_write(FILE * out, const wc_l2_result_t R, const wc_data_t D,
                        const wc_problem_t p)
{
    slong j, k;

    put_problem(out, D, NULL, p, p->bias, p->bias || p->intercept,
                "directions penalty=l2");
    fprintf(out, "status bracket\nlower ");
    put_fmpq(out, R->lower);
    fprintf(out, "\nupper ");
    put_fmpq(out, R->upper);
    fprintf(out, "\nxi ");
    put_fmpq(out, R->xi);
    fprintf(out, "\nneurons %ld\n", R->nneurons);
    for (j = 0; j < R->nneurons; j++)
    {
        fputs("unit", out);
        for (k = 0; k <= R->d + 1; k++)
        {
            fputc(' ', out);
            put_fmpq(out, k < R->d ? R->w + j * R->d + k : k == R->d ? R->b + j : R->alpha + j);
        }
        fputc('\n', out);
    }
    return put_vector_end(out, "dual", R->dual, R->n);
}
