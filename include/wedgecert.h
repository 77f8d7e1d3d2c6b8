/*
 * wedgecert.h -- exact wedge-product features and certified optimal ReLU
 * networks.  One public header, one prefix (wc_).
 *
 * Data flows one way through the library, and this header is laid out in
 * the same order:
 *
 *   parse -> exact data -> exterior algebra -> dictionary -> LP
 *         -> candidate basis (GLPK) -> exact verification (FLINT)
 *         -> certificate -> network and report
 *
 * Conventions (as in FLINT): output arguments first, inputs const; every
 * type has _init and _clear and the caller owns what it inits.  Exact values
 * cross every interface as fmpz / fmpq.  A double only ever appears as a
 * candidate or as an approximation labelled as such.  Functions that can
 * fail return 0 on success and a WC_ERR_* code otherwise, with a message
 * in a wc_error_t; nothing aborts.
 */
#ifndef WEDGECERT_H
#define WEDGECERT_H

#include <stddef.h>
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include <flint/fmpz_mat.h>
#include <flint/fmpq_mat.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WC_VERSION "0.1.0"

/* ------------------------------------------------------------------ errors */

enum {
    WC_OK = 0,
    WC_ERR_IO = 1,       /* a file could not be read or written */
    WC_ERR_PARSE = 2,    /* malformed input: message is FILE:LINE:COL: error: ... */
    WC_ERR_ARG = 3,      /* an argument is out of range or inconsistent */
    WC_ERR_SOLVER = 4    /* the LP could not be certified (never silently) */
};

typedef struct {
    int code;
    char msg[1024];
} wc_error_struct;
typedef wc_error_struct wc_error_t[1];

/* Clears the error to WC_OK with an empty message. */
void wc_error_init(wc_error_t err);

/* Sets code and a printf-style message; returns code. */
int wc_error_set(wc_error_t err, int code, const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* ------------------------------------------------------------------ parse */

/*
 * Parses the exact rational written in s[0..len): an integer of any size,
 * p/q (q > 0 after the sign is taken from p), or a decimal with optional
 * exponent (-1.25e-3 is exactly -1/800).  Leading and trailing blanks are
 * not allowed here (the CSV reader trims them).  Returns 0 on success;
 * otherwise sets *why to a static description of what was expected and
 * *where to the byte offset of the offending character, and leaves r
 * unspecified.  Exponents are limited to |e| <= WC_MAX_EXPONENT.
 */
#define WC_MAX_EXPONENT 100000
int wc_rational_parse(fmpq_t r, const char * s, size_t len,
                      const char ** why, size_t * where);

/* ------------------------------------------------------------- exact data */

/*
 * A data set: n samples x_i in Q^d (rows of X) and, for labelled data, the
 * labels y_i.  A plain matrix has y == NULL.
 */
typedef struct {
    slong n, d;
    fmpq_mat_t X;
    fmpq * y;
} wc_data_struct;
typedef wc_data_struct wc_data_t[1];

void wc_data_init(wc_data_t D);
void wc_data_clear(wc_data_t D);

/*
 * Reads a CSV file: one sample a row, comma-separated exact rationals;
 * with labelled != 0 the last column is the label.  Blank lines and
 * '#' comments are skipped; a first row whose fields are all non-numeric
 * is a header.  path "-" reads standard input.  On error returns
 * WC_ERR_IO or WC_ERR_PARSE with "FILE:LINE:COL: error: ..." in err and
 * leaves D empty (n = d = 0).
 */
int wc_data_read(wc_data_t D, const char * path, int labelled, wc_error_t err);

/* The same, from a buffer; name is used in messages. */
int wc_data_read_buffer(wc_data_t D, const char * name, const char * buf,
                        size_t len, int labelled, wc_error_t err);

/* ------------------------------------------------------- exterior algebra */

/*
 * Subsets of {0..n-1} of size k, in lexicographic order of their increasing
 * index lists; rank 0 is {0, 1, ..., k-1}.
 */
ulong wc_binomial(ulong n, ulong k);               /* saturates at UWORD_MAX */
ulong wc_subset_rank(const slong * I, slong n, slong k);
void wc_subset_unrank(slong * I, ulong rank, slong n, slong k);
int wc_subset_next(slong * I, slong n, slong k);   /* 0 after the last */

/*
 * A k-blade in Q^d by its C(d,k) Pluecker coordinates: coords[r] is the
 * k x k minor on the columns of the subset of rank r.
 */
typedef struct {
    slong k, d, len;
    fmpq * coords;
} wc_blade_struct;
typedef wc_blade_struct wc_blade_t[1];

void wc_blade_init(wc_blade_t B, slong k, slong d);
void wc_blade_clear(wc_blade_t B);

/* B = v_1 ^ ... ^ v_k for the rows of the k x d matrix V. */
void wc_blade_set_rows(wc_blade_t B, const fmpq_mat_t V);

/* C = A ^ B (shuffle product); C is re-initialised to grade A->k + B->k. */
void wc_blade_wedge(wc_blade_t C, const wc_blade_t A, const wc_blade_t B);

int wc_blade_equal(const wc_blade_t A, const wc_blade_t B);

/* ||B||^2 = sum of squared coordinates. */
void wc_blade_norm2(fmpq_t r, const wc_blade_t B);

/* det(V V^T), the Gram determinant of the rows (Cauchy-Binet: = ||B||^2). */
void wc_gram_det(fmpq_t r, const fmpq_mat_t V);

/* w = *(v_1 ^ ... ^ v_{d-1}), w_t = (-1)^t det(V without column t), t
 * 0-based, so <x, w> = det[x; v_1; ...; v_{d-1}].  V is (d-1) x d and w
 * has d entries.  For d = 1 (no rows), w = (1). */
void wc_hodge_dual(fmpq * w, const fmpq_mat_t V);

/* Integer version: w must have V->c entries. */
void wc_hodge_dual_fmpz(fmpz * w, const fmpz_mat_t V);

/* Signed volume of the parallelotope spanned by the d rows of V (= det V). */
void wc_volume(fmpq_t r, const fmpq_mat_t V);

/* Signed volume of the simplex with vertices the d+1 rows p_0..p_d of P:
 * det[p_1 - p_0; ...; p_d - p_0] / d!. */
void wc_simplex_volume(fmpq_t r, const fmpq_mat_t P);

/* Squared distance from x to span(rows of V), = Gram(V; x) / Gram(V).
 * Returns WC_ERR_ARG when Gram(V) = 0 (dependent rows). */
int wc_dist2_to_span(fmpq_t r, const fmpq * x, const fmpq_mat_t V);

/* For d-1 rows: the signed squared distance sign(<x,w>) <x,w>^2 / ||B||^2
 * from x to the hyperplane span(V); WC_ERR_ARG when the rows are
 * dependent. */
int wc_signed_dist2(fmpq_t r, const fmpq * x, const fmpq_mat_t V);

/* ------------------------------------------------------------------ output */

/* The exact string "p/q" (or "p" when q = 1) of x, malloc'd by FLINT:
 * free it with flint_free. */
char * wc_fmpq_get_str(const fmpq_t x);

#ifdef __cplusplus
}
#endif

#endif
