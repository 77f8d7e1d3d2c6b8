/*
 * svg.c -- pictures (--svg FILE) of a network on its data and of a Lasso
 * path, written as SVG directly.  A picture is drawn in doubles: it shows
 * exact results, it is not one (the legend quotes the exact value).
 *
 *   d = 1: the samples, the network's function over a padded range (exact
 *          in shape: piecewise linear, drawn through every breakpoint),
 *          each breakpoint dashed, each neuron's own ramp faintly;
 *   d = 2: the samples coloured by label (blue < 0 < red), each neuron's
 *          hyperplane w.x + b = 0 clipped to the view, its active side
 *          shaded lightly, line width growing with |alpha|;
 *   path:  the value and every coefficient against beta, breakpoints
 *          dashed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <flint/fmpq_vec.h>
#include "cli.h"

#define WIDTH 640.0
#define PLOT 520.0          /* the square plotting area */
#define MARGIN 60.0
#define LINE 18.0           /* legend line height */

static const char * const palette[] = {
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"
};
#define NPALETTE 8

void
cli_picture_from_result(cli_picture_net * P, const wc_result_t R)
{
    slong j, t, d = R->V->d;
    fmpq * w = _fmpq_vec_init(d);
    fmpq_t b;

    fmpq_init(b);
    P->m = R->nneurons;
    P->d = d;
    P->w = flint_calloc(P->m * d + 1, sizeof(double));
    P->b = flint_calloc(P->m + 1, sizeof(double));
    P->alpha = flint_calloc(P->m + 1, sizeof(double));
    for (j = 0; j < P->m; j++)
    {
        wc_dict_direction(w, b, R->V, R->atom[j]);
        for (t = 0; t < d; t++)
            P->w[j * d + t] = fmpq_get_d(w + t);
        P->b[j] = fmpq_get_d(b);
        P->alpha[j] = fmpq_get_d(R->alpha + j);
    }
    P->xi = fmpq_get_d(R->xi);
    fmpq_clear(b);
    _fmpq_vec_clear(w, d);
}

/* The picture net of a network read from another solver. */
static void
picture_from_network(cli_picture_net * P, const wc_network_t N)
{
    slong j;

    P->m = N->m;
    P->d = N->d;
    P->w = flint_calloc(N->m * N->d + 1, sizeof(double));
    P->b = flint_calloc(N->m + 1, sizeof(double));
    P->alpha = flint_calloc(N->m + 1, sizeof(double));
    for (j = 0; j < N->m * N->d; j++)
        P->w[j] = fmpq_get_d(N->w + j);
    for (j = 0; j < N->m; j++)
    {
        P->b[j] = fmpq_get_d(N->b + j);
        P->alpha[j] = fmpq_get_d(N->alpha + j);
    }
    P->xi = fmpq_get_d(N->xi);
}

void
cli_picture_clear(cli_picture_net * P)
{
    flint_free(P->w);
    flint_free(P->b);
    flint_free(P->alpha);
}

/* ------------------------------------------------------------ drawing */

/* text with &, <, > and " escaped */
static void
put_text(FILE * out, const char * s)
{
    for ( ; *s; s++)
        if (*s == '&') fputs("&amp;", out);
        else if (*s == '<') fputs("&lt;", out);
        else if (*s == '>') fputs("&gt;", out);
        else if (*s == '"') fputs("&quot;", out);
        else fputc(*s, out);
}

/* The header, a white background, the title and the legend lines; the
 * plotting area starts below them, at *top. */
static void
begin(FILE * out, double height, const char * title, const char * const * legend, double * top)
{
    slong i, n = 0;

    while (legend != NULL && legend[n] != NULL)
        n++;
    *top = MARGIN + LINE * (double) n;
    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
            "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"13\">\n",
            WIDTH, height + *top, WIDTH, height + *top);
    fprintf(out, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(out, "<text x=\"%.0f\" y=\"24\" font-size=\"16\" font-weight=\"bold\">", MARGIN);
    put_text(out, title);
    fprintf(out, "</text>\n");
    for (i = 0; i < n; i++)
    {
        fprintf(out, "<text x=\"%.0f\" y=\"%.1f\">", MARGIN, 24.0 + LINE * (double) (i + 1));
        put_text(out, legend[i]);
        fprintf(out, "</text>\n");
    }
}


/* [lo, hi] widened by a tenth on each side (by 1 when empty). */
static void
pad(double * lo, double * hi)
{
    double r = *hi - *lo;

    if (!(r > 0))
        r = fabs(*lo) > 0 ? fabs(*lo) : 1.0;
    *lo -= 0.1 * r;
    *hi += 0.1 * r;
}

/* A plotting area: PLOT wide, h high, from top; the ranges it shows. */
typedef struct {
    double top, h, x0, x1, y0, y1;
} view;

static double
px(const view * v, double x)
{
    return MARGIN + (x - v->x0) / (v->x1 - v->x0) * PLOT;
}

static double
py(const view * v, double y)
{
    return v->top + (v->y1 - y) / (v->y1 - v->y0) * v->h;
}

/* A frame around the plotting area with its ranges at the corners. */
static void
frame(FILE * out, const view * v, const char * xname, const char * yname)
{
    fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
            "stroke=\"#444\"/>\n", MARGIN, v->top, PLOT, v->h);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.4g</text>\n",
            MARGIN, v->top + v->h + 16, v->x0);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.4g</text>\n",
            MARGIN + PLOT, v->top + v->h + 16, v->x1);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
            MARGIN + PLOT / 2, v->top + v->h + 16, xname);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.4g</text>\n",
            MARGIN - 4, v->top + v->h, v->y0);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.4g</text>\n",
            MARGIN - 4, v->top + 10, v->y1);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
            MARGIN - 4, v->top + v->h / 2, yname);
}

/* What follows, up to clip_end, is clipped to the plotting area of v. */
static void
clip_begin(FILE * out, const view * v, const char * id)
{
    fprintf(out, "<clipPath id=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
            "height=\"%.1f\"/></clipPath>\n<g clip-path=\"url(#%s)\">\n",
            id, MARGIN, v->top, PLOT, v->h, id);
}

static void
clip_end(FILE * out)
{
    fprintf(out, "</g>\n");
}

/* A dashed vertical line at x across v. */
static void
dashed(FILE * out, const view * v, double x)
{
    fprintf(out, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#999\" "
            "stroke-dasharray=\"4 3\"/>\n", px(v, x), v->top, px(v, x), v->top + v->h);
}

static int
dbl_cmp(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

/* f(x) of the network, or with only >= 0 the ramp of that neuron alone. */
static double
eval1(const cli_picture_net * P, double x, slong only)
{
    double f = only >= 0 ? 0.0 : P->xi, t;
    slong j;

    for (j = 0; j < P->m; j++)
        if (only < 0 || j == only)
        {
            t = P->w[j] * x + P->b[j];
            f += t > 0 ? P->alpha[j] * t : 0.0;
        }
    return f;
}

/* A polyline of f (only: as in eval1) through the sorted points xs. */
static void
polyline1(FILE * out, const view * v, const cli_picture_net * P, const double * xs, slong len,
          slong only, const char * style)
{
    slong i;

    fprintf(out, "<polyline fill=\"none\" %s points=\"", style);
    for (i = 0; i < len; i++)
        fprintf(out, "%s%.2f,%.2f", i ? " " : "", px(v, xs[i]), py(v, eval1(P, xs[i], only)));
    fprintf(out, "\"/>\n");
}

static void
draw_1d(FILE * out, double top, const wc_data_t D, const cli_picture_net * P)
{
    slong n = D->n, i, j, len = 0;
    double * xs = flint_malloc((P->m + 2) * sizeof(double));
    view v;

    v.top = top;
    v.h = PLOT;
    v.x0 = v.x1 = fmpq_get_d(fmpq_mat_entry(D->X, 0, 0));
    for (i = 0; i < n; i++)
    {
        double x = fmpq_get_d(fmpq_mat_entry(D->X, i, 0));
        v.x0 = FLINT_MIN(v.x0, x);
        v.x1 = FLINT_MAX(v.x1, x);
    }
    pad(&v.x0, &v.x1);
    xs[len++] = v.x0;
    xs[len++] = v.x1;
    for (j = 0; j < P->m; j++)
        if (P->w[j] != 0 && -P->b[j] / P->w[j] > v.x0 && -P->b[j] / P->w[j] < v.x1)
            xs[len++] = -P->b[j] / P->w[j];
    qsort(xs, len, sizeof(double), dbl_cmp);
    for (i = 1, j = 1; i < len; i++)        /* one dashed line a kink */
        if (xs[i] != xs[j - 1])
            xs[j++] = xs[i];
    len = j;
    v.y0 = v.y1 = D->y != NULL ? fmpq_get_d(D->y + 0) : 0.0;
    for (i = 0; i < n && D->y != NULL; i++)
    {
        v.y0 = FLINT_MIN(v.y0, fmpq_get_d(D->y + i));
        v.y1 = FLINT_MAX(v.y1, fmpq_get_d(D->y + i));
    }
    for (i = 0; i < len; i++)
    {
        v.y0 = FLINT_MIN(v.y0, eval1(P, xs[i], -1));
        v.y1 = FLINT_MAX(v.y1, eval1(P, xs[i], -1));
    }
    pad(&v.y0, &v.y1);
    frame(out, &v, "x", "f(x)");
    clip_begin(out, &v, "plot");
    for (i = 1; i + 1 < len; i++)
        dashed(out, &v, xs[i]);
    for (j = 0; j < P->m; j++)
    {
        char style[96];

        snprintf(style, sizeof(style), "stroke=\"%s\" stroke-width=\"1\" opacity=\"0.6\"",
                 palette[j % NPALETTE]);
        polyline1(out, &v, P, xs, len, j, style);
    }
    polyline1(out, &v, P, xs, len, -1, "stroke=\"black\" stroke-width=\"2.5\"");
    clip_end(out);
    for (i = 0; i < n && D->y != NULL; i++)
        fprintf(out, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4.5\" fill=\"#d62728\"/>\n",
                px(&v, fmpq_get_d(fmpq_mat_entry(D->X, i, 0))), py(&v, fmpq_get_d(D->y + i)));
    flint_free(xs);
}

/* The part of the view's rectangle where w.x + b >= 0 (Sutherland-Hodgman
 * against one half-plane): at most 5 corners in (qx, qy); returns how many. */
static int
half_plane(double * qx, double * qy, const view * v, double w0, double w1, double b)
{
    double cx[4] = { v->x0, v->x1, v->x1, v->x0 }, cy[4] = { v->y0, v->y0, v->y1, v->y1 };
    int i, k = 0;

    for (i = 0; i < 4; i++)
    {
        int j = (i + 1) % 4;
        double si = w0 * cx[i] + w1 * cy[i] + b, sj = w0 * cx[j] + w1 * cy[j] + b;

        if (si >= 0)
        {
            qx[k] = cx[i];
            qy[k++] = cy[i];
        }
        if ((si >= 0) != (sj >= 0))
        {
            double t = si / (si - sj);
            qx[k] = cx[i] + t * (cx[j] - cx[i]);
            qy[k++] = cy[i] + t * (cy[j] - cy[i]);
        }
    }
    return k;
}

static void
draw_2d(FILE * out, double top, const wc_data_t D, const cli_picture_net * P, slong extra)
{
    slong n = D->n, i, j;
    double amax = 0.0, ymax = 0.0, r;
    view v;

    v.top = top;
    v.h = PLOT;
    v.x0 = v.x1 = fmpq_get_d(fmpq_mat_entry(D->X, 0, 0));
    v.y0 = v.y1 = fmpq_get_d(fmpq_mat_entry(D->X, 0, 1));
    for (i = 0; i < n; i++)
    {
        double a = fmpq_get_d(fmpq_mat_entry(D->X, i, 0)), b = fmpq_get_d(fmpq_mat_entry(D->X, i, 1));
        v.x0 = FLINT_MIN(v.x0, a);
        v.x1 = FLINT_MAX(v.x1, a);
        v.y0 = FLINT_MIN(v.y0, b);
        v.y1 = FLINT_MAX(v.y1, b);
        if (D->y != NULL)
            ymax = FLINT_MAX(ymax, fabs(fmpq_get_d(D->y + i)));
    }
    /* a square view: the shorter side widened to the longer */
    r = FLINT_MAX(v.x1 - v.x0, v.y1 - v.y0);
    v.x0 -= (r - (v.x1 - v.x0)) / 2; v.x1 = v.x0 + r;
    v.y0 -= (r - (v.y1 - v.y0)) / 2; v.y1 = v.y0 + r;
    pad(&v.x0, &v.x1);
    pad(&v.y0, &v.y1);
    frame(out, &v, "x1", "x2");
    clip_begin(out, &v, "plot");
    for (j = 0; j < P->m; j++)
        amax = FLINT_MAX(amax, fabs(P->alpha[j]));
    for (j = 0; j < P->m; j++)
    {
        double qx[5], qy[5], w0 = P->w[2 * j], w1 = P->w[2 * j + 1];
        const char * colour = j == extra ? "black" : palette[j % NPALETTE];
        int k = half_plane(qx, qy, &v, w0, w1, P->b[j]), c;
        double width = j == extra ? 2.0 : 0.75 + 3.0 * (amax > 0 ? fabs(P->alpha[j]) / amax : 0);

        if (k >= 3)
        {
            fprintf(out, "<polygon fill=\"%s\" fill-opacity=\"0.08\" stroke=\"none\" points=\"", colour);
            for (c = 0; c < k; c++)
                fprintf(out, "%s%.2f,%.2f", c ? " " : "", px(&v, qx[c]), py(&v, qy[c]));
            fprintf(out, "\"/>\n");
        }
        /* the boundary: the corners of the clipped polygon on the line */
        for (c = 0; c < k; c++)
        {
            int e = (c + 1) % k;
            double sc = w0 * qx[c] + w1 * qy[c] + P->b[j], se = w0 * qx[e] + w1 * qy[e] + P->b[j];
            double tol = 1e-9 * (fabs(w0) + fabs(w1) + fabs(P->b[j])) * (1 + r);

            if (fabs(sc) <= tol && fabs(se) <= tol)
                fprintf(out, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" "
                        "stroke-width=\"%.2f\"%s/>\n", px(&v, qx[c]), py(&v, qy[c]),
                        px(&v, qx[e]), py(&v, qy[e]), colour, width,
                        j == extra ? " stroke-dasharray=\"6 4\"" : "");
        }
    }
    clip_end(out);
    for (i = 0; i < n; i++)
    {
        double t = D->y != NULL && ymax > 0 ? fmpq_get_d(D->y + i) / ymax : 0.0;
        int red = t > 0 ? 214 : (int) (214 + (31 - 214) * -t);
        int green = t > 0 ? (int) (214 + (39 - 214) * t) : (int) (214 + (119 - 214) * -t);
        int blue = t > 0 ? (int) (214 + (40 - 214) * t) : (int) (214 + (180 - 214) * -t);

        fprintf(out, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"5\" fill=\"rgb(%d,%d,%d)\" "
                "stroke=\"#333\" stroke-width=\"0.8\"/>\n",
                px(&v, fmpq_get_d(fmpq_mat_entry(D->X, i, 0))),
                py(&v, fmpq_get_d(fmpq_mat_entry(D->X, i, 1))), red, green, blue);
    }
}

int
cli_svg_network(const char * path, const wc_data_t D, const cli_picture_net * P,
                slong extra, const char * title, const char * const * legend)
{
    cli_out o;
    FILE * out;
    double top;

    if (D->d != 1 && D->d != 2)
    {
        fprintf(stderr, "%s: error: pictures are drawn for d = 1 or 2 only (this data "
                "has d = %ld)\n", path, D->d);
        return 0;
    }
    if ((out = cli_out_open(&o, path)) == NULL)
        return 0;
    begin(out, PLOT + MARGIN, title, legend, &top);
    if (D->d == 1)
        draw_1d(out, top, D, P);
    else
        draw_2d(out, top, D, P, extra);
    fprintf(out, "</svg>\n");
    return cli_out_close(&o, 1, "picture");
}

/* The picture of the given network, its objective and the optimum. */
int
cli_svg_check_net(const char * path, const wc_net_report_struct * r, const wc_network_t N,
                  const wc_data_t D, const char * data)
{
    char l0[160], l1[240], obj[96], opt[96];
    const char * legend[3] = { l0, l1, NULL };
    cli_picture_net P;
    int ok;

    picture_from_network(&P, N);
    snprintf(l0, sizeof(l0), "%s: the given network, %ld neuron%s, %s", data, N->m,
             N->m == 1 ? "" : "s", r->optimal ? "exactly optimal"
             : r->feasible ? "not optimal" : "infeasible (does not interpolate)");
    cli_short_str(obj, sizeof(obj), r->obj);
    if (r->feasible)
    {
        cli_short_str(opt, sizeof(opt), r->gap);
        snprintf(l1, sizeof(l1), "objective %s, gap to the certified optimum %s", obj, opt);
    }
    else
        snprintf(l1, sizeof(l1), "it misses the interpolation constraints");
    ok = cli_svg_network(path, D, &P, -1, "wedgecert check-net", legend);
    cli_picture_clear(&P);
    return ok;
}

/* ------------------------------------------------------------ the path */

int
cli_svg_path(const char * path, const wc_lasso_path_t L, const wc_dict_t V,
             const wc_data_t D, int intercept, const char * title,
             const char * const * legend)
{
    slong k, a, u, q, len = L->len;
    double top, bmax, vmax = 0.0, zmin = 0.0, zmax = 0.0, half = PLOT / 2 - 20;
    slong * atoms = flint_malloc((V->len + 1) * sizeof(slong));
    slong natoms = 0;
    cli_out o;
    FILE * out;
    view v, w;

    if (len == 0 || (out = cli_out_open(&o, path)) == NULL)
    {
        flint_free(atoms);
        return len == 0 ? (fprintf(stderr, "%s: error: an empty path\n", path), 0) : 0;
    }
    bmax = 1.1 * fmpq_get_d(L->point[0].beta);
    if (!(bmax > 0))
        bmax = 1.0;
    for (k = 0; k < len; k++)
    {
        vmax = FLINT_MAX(vmax, fmpq_get_d(L->point[k].value));
        for (a = 0; a < L->point[k].nactive; a++)
        {
            double z = fmpq_get_d(L->point[k].z + a);
            zmin = FLINT_MIN(zmin, z);
            zmax = FLINT_MAX(zmax, z);
            for (q = 0; q < natoms && atoms[q] != L->point[k].atom[a]; q++)
                ;
            if (q == natoms)
                atoms[natoms++] = L->point[k].atom[a];
        }
    }
    begin(out, PLOT + MARGIN, title, legend, &top);
    /* two panels: the value above, the coefficients below */
    v.top = top; v.h = half; v.x0 = 0; v.x1 = bmax;
    v.y0 = 0; v.y1 = vmax > 0 ? 1.1 * vmax : 1;
    w = v;
    w.top = top + half + 40; w.y0 = zmin; w.y1 = zmax;
    pad(&w.y0, &w.y1);
    frame(out, &v, "", "value");
    frame(out, &w, "beta", "alpha");
    for (k = 0; k < len; k++)
    {
        dashed(out, &v, fmpq_get_d(L->point[k].beta));
        dashed(out, &w, fmpq_get_d(L->point[k].beta));
    }
    /* the value: a quadratic on each piece, constant above beta_0 */
    fprintf(out, "<polyline fill=\"none\" stroke=\"black\" stroke-width=\"2\" points=\"%.2f,%.2f",
            px(&v, bmax), py(&v, fmpq_get_d(L->point[0].value)));
    for (k = 0; k + 1 < len; k++)
    {
        fmpq c[3];
        double b0 = fmpq_get_d(L->point[k].beta), b1 = fmpq_get_d(L->point[k + 1].beta);
        int s;

        fmpq_init(c + 0); fmpq_init(c + 1); fmpq_init(c + 2);
        wc_lasso_piece_quadratic(c, L->point + k, L->point + k + 1, V, D, intercept);
        for (s = 0; s <= 16; s++)
        {
            double b = b0 + (b1 - b0) * s / 16.0;
            double val = (fmpq_get_d(c + 2) * b + fmpq_get_d(c + 1)) * b + fmpq_get_d(c + 0);
            fprintf(out, " %.2f,%.2f", px(&v, b), py(&v, val));
        }
        fmpq_clear(c + 0); fmpq_clear(c + 1); fmpq_clear(c + 2);
    }
    fprintf(out, "\"/>\n");
    /* each coefficient: affine between breakpoints, 0 above beta_0 */
    for (q = 0; q < natoms; q++)
    {
        u = atoms[q];
        fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" "
                "points=\"%.2f,%.2f", palette[q % NPALETTE], px(&w, bmax), py(&w, 0.0));
        for (k = 0; k < len; k++)
        {
            double z = 0.0;
            for (a = 0; a < L->point[k].nactive; a++)
                if (L->point[k].atom[a] == u)
                    z = fmpq_get_d(L->point[k].z + a);
            fprintf(out, " %.2f,%.2f", px(&w, fmpq_get_d(L->point[k].beta)), py(&w, z));
        }
        fprintf(out, "\"/>\n");
    }
    fprintf(out, "</svg>\n");
    flint_free(atoms);
    return cli_out_close(&o, 1, "picture");
}
