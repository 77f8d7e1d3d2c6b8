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
 * candidate or as an approximation labelled as such.
 *
 * One return-code convention, stated on every routine by a RETURNS line:
 * a routine that can fail returns WC_OK (0) or a WC_ERR_* code, with the
 * message in its wc_error_t when it takes one; a predicate returns 1
 * (true) or 0; a count or index is returned as such.  Nothing aborts.
 * Algorithm variants are named routines (wc_lp_solve_simplex,
 * wc_lp_solve_colgen) behind a dispatcher (wc_lp_solve), not flags.
 */
#ifndef WEDGECERT_H
#define WEDGECERT_H

#include <stddef.h>
#include <stdio.h>
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

/* Sets code and a printf-style message.  RETURNS code. */
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
 * not allowed here (the CSV reader trims them).  RETURNS 0 on success;
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

/* D := n samples in Q^d, all zero, with zero labels when labelled (y
 * NULL otherwise); what D held is freed. */
void wc_data_set_shape(wc_data_t D, slong n, slong d, int labelled);

/*
 * Reads a CSV file: one sample a row, comma-separated exact rationals;
 * with labelled != 0 the last column is the label.  Blank lines and
 * '#' comments are skipped; a first row whose fields are all non-numeric
 * is a header.  path "-" reads standard input.  RETURNS WC_OK, or
 * WC_ERR_IO or WC_ERR_PARSE with "FILE:LINE:COL: error: ..." in err and
 * leaves D empty (n = d = 0).
 */
int wc_data_read(wc_data_t D, const char * path, int labelled, wc_error_t err);

/* The same, from a buffer; name is used in messages.  RETURNS as
 * wc_data_read. */
int wc_data_read_buffer(wc_data_t D, const char * name, const char * buf,
                        size_t len, int labelled, wc_error_t err);

/* ------------------------------------------------------- exterior algebra */

/*
 * Subsets of {0..n-1} of size k, in lexicographic order of their increasing
 * index lists; rank 0 is {0, 1, ..., k-1}.
 */
ulong wc_binomial(ulong n, ulong k);               /* RETURNS C(n, k), saturating at UWORD_MAX */
ulong wc_subset_rank(const slong * I, slong n, slong k);   /* RETURNS the rank of I */
void wc_subset_unrank(slong * I, ulong rank, slong n, slong k);
int wc_subset_next(slong * I, slong n, slong k);   /* RETURNS 1, or 0 after the last */

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

/* RETURNS 1 if A and B are the same blade (grade, dimension and every
 * coordinate), else 0. */
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
 * RETURNS WC_OK, or WC_ERR_ARG when Gram(V) = 0 (dependent rows). */
int wc_dist2_to_span(fmpq_t r, const fmpq * x, const fmpq_mat_t V);

/* For d-1 rows: the signed squared distance sign(<x,w>) <x,w>^2 / ||B||^2
 * from x to the hyperplane span(V).  RETURNS WC_OK, or WC_ERR_ARG when the
 * rows are dependent. */
int wc_signed_dist2(fmpq_t r, const fmpq * x, const fmpq_mat_t V);

/* -------------------------------------------------------------- progress */

/* Called by long computations: stage names what is running, done of total
 * units are finished (total 0 when unknown).  The library itself never
 * prints; the tool prints these on stderr once a run takes over a second. */
typedef void (*wc_progress_fn)(void * ctx, const char * stage, slong done, slong total);

/* ------------------------------------------------------------ dictionary */

/*
 * The complete vertex dictionary V of proofs/DERIVATIONS.md section 2.  Atom u has a
 * coordinate subset T (k entries), a sample subset S (k entries with hidden
 * biases, k-1 without) and a sign; its direction is (w, b) = (w', b') / l1
 * where (w', b') is the primitive integer vector of
 *   w'_T = sign * *(x_s|_T : s in S)                    (no bias)
 *   w'_T = sign * *((x_s - x_s0)|_T : s in S \ {s0})     (bias, s0 = min S)
 *   b'   = -<x_s0, w'>  (bias; else 0),   l1 = ||w'||_1 > 0,
 * and its feature column is k_u = (X w + b 1)_+.  Zero directions are
 * skipped and exact duplicate directions keep only their first origin in
 * enumeration order (k, then T, then S by rank, then + before -).
 */
enum { WC_DICT_FULL = 0, WC_DICT_SAMPLES = 1 };

typedef struct {
    slong n, d;
    int bias, kind;
    slong len, alloc;
    slong * k;          /* |T| of each atom */
    signed char * sign; /* +1 or -1 */
    slong * T;          /* d slots an atom: T[u d + j], j < k[u] */
    slong * S;          /* d slots an atom: S[u d + j], j < wc_dict_nsamples */
    fmpz * wb;          /* d + 1 an atom: the primitive integer (w', b') */
    fmpz * l1;          /* ||w'||_1 */
} wc_dict_struct;
typedef wc_dict_struct wc_dict_t[1];

void wc_dict_init(wc_dict_t V);
void wc_dict_clear(wc_dict_t V);

/* RETURNS the bound |V| <= 2 sum_k C(d,k) C(n,k) (bias) or
 * 2 sum_k C(d,k) C(n,k-1), over k = 1..d (full) or k = d (samples),
 * saturating at UWORD_MAX. */
ulong wc_dict_bound(slong n, slong d, int bias, int kind);

/* Refuses work that cannot finish: a dictionary bound above max_atoms
 * (0: no limit), and for a built V (built != 0) an LP of more than
 * WC_LP_ENTRIES_PER_ATOM * max_atoms entries.  RETURNS WC_OK, or
 * WC_ERR_ARG with the size and the limit in err. */
#define WC_LP_ENTRIES_PER_ATOM 64
int wc_dict_check_size(slong n, slong d, int bias, int kind, ulong max_atoms, int built,
                       wc_error_t err);

/* Builds V for the samples of D.  RETURNS WC_OK, or WC_ERR_ARG (with the
 * size and the limit in err) when wc_dict_check_size refuses it. */
int wc_dict_build(wc_dict_t V, const wc_data_t D, int bias, int kind,
                  ulong max_atoms, wc_progress_fn progress, void * ctx,
                  wc_error_t err);

/* RETURNS |S| of atom u: k (bias) or k - 1. */
slong wc_dict_nsamples(const wc_dict_t V, slong u);

/* The normalised direction of atom u: w (d entries) and b, ||w||_1 = 1. */
void wc_dict_direction(fmpq * w, fmpq_t b, const wc_dict_t V, slong u);

/* The feature column k_u = (X w + b)_+ (n entries). */
void wc_dict_column(fmpq * col, const wc_dict_t V, const wc_data_t D, slong u);

/* ------------------------------------------------------------------- LP */

/*
 * An LP in integer standard form:  minimise c^T x  s.t.  A x = b,  x >= 0,
 * with A (m x N), b, c integral.  Every training problem is brought to this
 * form, exactly, before anything touches a double.
 */
typedef struct {
    slong m, N;
    fmpz_mat_t A;
    fmpz * b;
    fmpz * c;
} wc_lp_struct;
typedef wc_lp_struct wc_lp_t[1];

void wc_lp_init(wc_lp_t P, slong m, slong N);
void wc_lp_clear(wc_lp_t P);

/* Writes P in CPLEX LP format (variables x1..xN, rows c1..cm), exact
 * integers, each comment line prefixed with '\'.  RETURNS WC_OK, or
 * WC_ERR_IO. */
int wc_lp_write_cplex(FILE * out, const wc_lp_t P, const char * comment);

/* The same LP with its objective divided by scale > 0, exactly: a free
 * variable "value" with scale value = c^T x is minimised (a row "value"),
 * so the file's optimum is the LP optimum / scale, in CPLEX LP format or
 * in free MPS (glpsol --freemps).  RETURNS WC_OK, or WC_ERR_IO. */
int wc_lp_write_cplex_scaled(FILE * out, const wc_lp_t P, const fmpz_t scale,
                             const char * comment);
int wc_lp_write_mps_scaled(FILE * out, const wc_lp_t P, const fmpz_t scale,
                           const char * comment);

/* RETURNS 1 if (x, y) is an optimality certificate: A x = b, x >= 0,
 * A^T y <= c and c^T x = b^T y, checked exactly; else 0 with the first
 * failure in why. */
int wc_lp_check_optimal(const wc_lp_t P, const fmpq * x, const fmpq * y,
                        char * why, size_t size);

/* RETURNS 1 if y proves A x = b, x >= 0 infeasible (Farkas: A^T y <= 0,
 * b^T y > 0), else 0 with the failure in why. */
int wc_lp_check_farkas(const wc_lp_t P, const fmpq * y, char * why, size_t size);

enum { WC_LP_OPTIMAL = 0, WC_LP_INFEASIBLE = 1 };

/* How a solution was certified: the basis that passed the exact check. */
enum {
    WC_CERT_GLPK_SIMPLEX = 0,   /* GLPK's double simplex basis */
    WC_CERT_GLPK_EXACT = 1,     /* after glp_exact, warm-started */
    WC_CERT_EXACT_PIVOTS = 2,   /* after our exact rational simplex */
    WC_CERT_PRESOLVE = 3,       /* infeasible: two proportional rows of A with
                                   inconsistent right-hand sides, or a zero row */
    WC_CERT_LASSO_KKT = 4,      /* squared loss: the exact Lasso path, and the
                                   KKT conditions checked over every atom */
    WC_CERT_EMPTY_LP = 5        /* column generation's working LP without a
                                   column: y = b, checked by pricing alone */
};

/* Where the bases come from (every variant of wc_lp_solve takes one). */
enum {
    WC_METHOD_AUTO = 0,         /* double simplex; on a failed check glp_exact
                                   (when the data fits 53 bits), then exact pivots */
    WC_METHOD_GLPK_EXACT = 1,   /* always run glp_exact after the double simplex
                                   when the data fits 53 bits */
    WC_METHOD_PIVOTS = 2        /* exact rational simplex only, no GLPK */
};

/* Whether the LP of a problem is solved by column generation. */
enum {
    WC_COLGEN_AUTO = 0,         /* when N > WC_COLGEN_MIN_COLUMNS */
    WC_COLGEN_ALWAYS = 1,
    WC_COLGEN_NEVER = 2
};
#define WC_COLGEN_MIN_COLUMNS 2000

typedef struct {
    int status;         /* WC_LP_OPTIMAL or WC_LP_INFEASIBLE */
    int certified_by;   /* WC_CERT_* */
    int verified;       /* 1 only after the exact check passed */
    slong m, N;
    fmpq * x;           /* N entries; zero when infeasible */
    fmpq * y;           /* m entries: the optimal dual, or the Farkas vector */
    fmpq_t value;       /* c^T x = b^T y; for infeasible, b^T y > 0 */
    slong * basis;      /* m entries: the certified basis (v < N a column,
                           N + i the artificial of row i), or all -1 */
} wc_lp_solution_struct;
typedef wc_lp_solution_struct wc_lp_solution_t[1];

void wc_lp_solution_init(wc_lp_solution_t S, slong m, slong N);
void wc_lp_solution_clear(wc_lp_solution_t S);

/* Solves P exactly: a dispatcher, wc_lp_solve_colgen when P has more than
 * WC_COLGEN_MIN_COLUMNS columns, else wc_lp_solve_simplex.
 * RETURNS WC_OK with a verified solution or Farkas vector in S, or
 * WC_ERR_SOLVER (never an unverified answer). */
int wc_lp_solve(wc_lp_solution_t S, const wc_lp_t P, int method,
                wc_progress_fn progress, void * ctx, wc_error_t err);

/* Proportional rows and columns removed, then GLPK's basis (method) checked
 * exactly and repaired by glp_exact and exact pivots when it fails.  The
 * answer is checked on the whole of P.  RETURNS as wc_lp_solve. */
int wc_lp_solve_simplex(wc_lp_solution_t S, const wc_lp_t P, int method,
                        wc_progress_fn progress, void * ctx, wc_error_t err);

/* Proportional rows and columns removed, then column generation over P's
 * columns: a working set is solved (and certified) as in
 * wc_lp_solve_simplex, every column is priced exactly against its dual,
 * the most violated join, until none is.  The answer is checked on the
 * whole of P.  RETURNS as wc_lp_solve. */
int wc_lp_solve_colgen(wc_lp_solution_t S, const wc_lp_t P, int method,
                       wc_progress_fn progress, void * ctx, wc_error_t err);

/* ------------------------------------------- the reflection dictionary */

/*
 * The reflection dictionary of deep ReLU networks in 1-D (depth L = 2, 3,
 * 4; proofs/DERIVATIONS.md section 10): feature u has signs s (L - 1
 * entries +-1), sample indices j (L - 1), and for L = 4 a flag k; its
 * column col[u n .. u n + n) is (g_L(x_1), ..., g_L(x_n)) with g_1(x) = x,
 * g_{l+1}(x) = (s_l (g_l(x) - g_l(a_l)))_+, a_l = x_{j_l} (L = 4, k = 1:
 * a_1 = 2 x_{j_2} - x_{j_1}).  Zero and duplicate columns are dropped.
 */
typedef struct {
    slong n, len, alloc;
    int L;
    fmpq * col;             /* len columns of n entries */
    signed char * s;        /* L - 1 signs a feature */
    slong * j;              /* L - 1 sample indices a feature */
    signed char * k;        /* the reflection flag (L = 4) */
    slong * table, tsize;   /* private: the duplicate finder */
} wc_mirrors_struct;
typedef wc_mirrors_struct wc_mirrors_t[1];

void wc_mirrors_init(wc_mirrors_t M);
void wc_mirrors_clear(wc_mirrors_t M);

/* RETURNS how many candidate features depth L has on n samples, 2^(L-1)
 * n^(L-1) (twice that for L = 4), saturating. */
ulong wc_mirrors_bound(slong n, int L);

/* Builds the dictionary of depth L on 1-D data D.  RETURNS WC_OK, or
 * WC_ERR_ARG (d != 1, L outside 2..4, or more than max_features
 * candidates when max_features != 0, with the size in err). */
int wc_mirrors_build(wc_mirrors_t M, const wc_data_t D, int L, ulong max_features,
                     wc_error_t err);

/* ga[l - 1] := g_l(a_l), l = 1..L-1, for anchors a and signs s (L - 1
 * entries each): what every point's evaluation subtracts, computed once. */
void wc_mirrors_levels(fmpq * ga, int L, const fmpq * a, const signed char * s);

/* r := g_L(t) given those levels ga and the signs s. */
void wc_mirrors_eval(fmpq_t r, const fmpq_t t, int L, const fmpq * ga, const signed char * s);

/* a := the L - 1 anchors of feature u. */
void wc_mirrors_anchors(fmpq * a, const wc_mirrors_t M, const wc_data_t D, slong u);

/* ------------------------------------------------------ training problems */

/*
 * How the atoms of V reach the LP.  FULL builds V and the whole LP (which
 * wc_lp_solve may still solve by column generation).  STREAMED never
 * stores V: a working set of atoms is solved, then every atom of V is
 * priced exactly against its dual -- enumerated by rank, integer
 * arithmetic, a rigorously bounded double filter in front, OpenMP threads
 * over rank ranges -- and the K most violated atoms (K = n + 16, or
 * 2n + 16 when V has over n^3 origins; distinct directions, at most one
 * or two turning about one pivot, largest |k_u^T v| first, then
 * enumeration order) join, until none is violated.
 * Atoms long nonbasic leave a large working set (lp/colgen.c).  MATERIALISED is the same column generation with the
 * pricing done over a built V in plain rationals: a second route that must
 * choose the same atoms.  AUTO streams when V may exceed
 * WC_STREAM_MIN_ATOMS atoms (never for the squared loss), else FULL.
 */
enum {
    WC_COLUMNS_AUTO = 0,
    WC_COLUMNS_FULL = 1,
    WC_COLUMNS_MATERIALISED = 2,
    WC_COLUMNS_STREAMED = 3
};
/* Measured (bench/gen.py seed 7, interp with bias, median of 40 runs, a
 * small V priced on one thread): the full LP is faster up to about 300
 * atoms (d = 2, n = 15, 270 atoms: 11.1 vs 12.2 ms), the same near 450
 * (d = 3, n = 9: 10.7 ms both; d = 2, n = 20, l1 loss: 15.0 vs 15.6 ms),
 * and slower from there on (d = 3, n = 12, 908 atoms: 15.4 vs 11.9 ms;
 * d = 2, n = 30, 990 atoms: 31.3 vs 23.3 ms; d = 3, n = 18, 2658 atoms:
 * 36.3 vs 18.6 ms; d = 2, n = 120, 14520 atoms: 2.1 vs 1.3 s). */
#define WC_STREAM_MIN_ATOMS 500

enum { WC_PENALTY_L1 = 0, WC_PENALTY_L2 = 1 };

enum { WC_LOSS_INTERP = 0, WC_LOSS_L1 = 1, WC_LOSS_HINGE = 2, WC_LOSS_SQUARED = 3 };

/* RETURNS the loss's name as the tool and certificates spell it:
 * "interp", "l1", "hinge" or "squared" ("unknown" for any other value). */
const char * wc_loss_name(int loss);

/*
 * Where the column-generation rounds get their candidate bases and duals
 * (never values: FLINT checks them).  GLPK always; COIN-OR Clp when the
 * library was built with it.  AUTO: Clp when built with it, else GLPK.
 * Measured (bench/routes.py, streamed, 2 cores): Clp 0.92-1.05 s against
 * GLPK 1.12-1.20 s at d = 2 n = 120, 4.7 vs 6.5 s at n = 200, even at
 * d = 3, 4 (n = 60, 40); d = 2 n = 300: 21 vs 27 s.
 */
enum { WC_ENGINE_AUTO = 0, WC_ENGINE_GLPK = 1, WC_ENGINE_CLP = 2 };

/* 1 if this build has the engine (AUTO: always). */
int wc_lp_engine_available(int engine);

/* The engine AUTO stands for (any other engine is returned as it is). */
int wc_lp_engine_pick(int engine);

typedef struct {
    int loss;           /* WC_LOSS_* */
    fmpq_t beta;        /* > 0; ignored for interp */
    int bias;           /* hidden biases (and then the free intercept) */
    int intercept;      /* free output intercept without hidden biases */
    int dict;           /* WC_DICT_FULL or WC_DICT_SAMPLES */
    int penalty;        /* WC_PENALTY_L1 (sum ||w_j||_1 |alpha_j|, exact) or
                           WC_PENALTY_L2 (weight decay: wc_l2_solve) */
    int method;         /* WC_METHOD_*: where bases come from */
    int engine;         /* WC_ENGINE_*: column generation's candidate bases */
    int colgen;         /* WC_COLGEN_*: the full LP by column generation */
    ulong max_atoms;    /* refuse larger dictionaries (0: no limit) */
    ulong max_memory;   /* refuse work whose estimated memory is larger, in
                           bytes (0: no limit; wc_solve_memory) */
    int columns;        /* WC_COLUMNS_*: how the atoms of V reach the LP */
    int threads;        /* pricing threads (0: OpenMP's default) */
    int no_presolve;    /* 1: interp infeasibility seen in the data is left
                           to column generation (for testing its routes) */
    wc_progress_fn progress;
    void * progress_ctx;
} wc_problem_struct;
typedef wc_problem_struct wc_problem_t[1];

void wc_problem_init(wc_problem_t p);    /* interp, no bias, full, auto */
void wc_problem_clear(wc_problem_t p);

/*
 * The certified optimum of a training problem and the network read off it.
 * Neuron j is atom[j] of V with output weight alpha[j] != 0.
 */
typedef struct {
    int status;             /* WC_LP_OPTIMAL or WC_LP_INFEASIBLE */
    int certified_by, verified;
    fmpq_t value;           /* optimal training objective */
    fmpq_t xi;              /* output intercept (0 when absent) */
    slong nneurons;
    slong * atom;
    fmpq * alpha;
    slong n;
    fmpq * farkas;          /* infeasible: v with K^T v = 0, (1^T v = 0), y^T v > 0 */
    fmpq * dual;            /* optimal: the dual point v of DERIVATIONS.md section 3
                               (interp: |k_u^T v| <= 1; l1: |v_i| <= 1 and
                               |k_u^T v| <= beta; hinge: 0 <= y_i v_i <= 1 and
                               |k_u^T v| <= beta; squared: v = y - f and
                               |k_u^T v| <= beta; 1^T v = 0 with an intercept) */
    fmpq * outputs;         /* optimal: f(x_i) of the network, exactly */
    fmpq_t net_objective;   /* loss(f) + beta sum |alpha_j| ||w_j||_1, from outputs */
    int network_checked;    /* 1 if net_objective equals value (and, for
                               interp, f(x_i) = y_i for every sample) */
    fmpz_t obj_scale;       /* LP objective = obj_scale * training objective */
    int columns;            /* WC_COLUMNS_FULL, _MATERIALISED or _STREAMED */
    slong rounds;           /* column generation rounds (0 for FULL) */
    ulong exact_prices;     /* atoms priced in exact arithmetic, all rounds */
    wc_dict_t V;            /* FULL: all of V; otherwise the working set */
    wc_lp_t lp;
    wc_lp_solution_t sol;
} wc_result_struct;
typedef wc_result_struct wc_result_t[1];

void wc_result_init(wc_result_t R);
void wc_result_clear(wc_result_t R);

/* RETURNS the column mode (WC_COLUMNS_*) wc_solve uses for (D, p):
 * p->columns unless AUTO. */
int wc_columns_mode(const wc_data_t D, const wc_problem_t p);

/* Builds the LP of (D, p) in integer standard form over the atoms of V;
 * used by wc_solve and by 'solve --write-lp'.  RETURNS WC_OK, or
 * WC_ERR_ARG (no labels, beta <= 0, hinge labels not +-1). */
int wc_problem_lp(wc_lp_t P, fmpz_t obj_scale, const wc_data_t D,
                  const wc_dict_t V, const wc_problem_t p, wc_error_t err);

/* out[i] = f(x_i) = sum_j alpha_j (x_i^T w_j + b_j)_+ + xi for the network
 * (atom[j], alpha[j]) of V, exactly. */
void wc_network_outputs(fmpq * out, const wc_dict_t V, const slong * atom,
                        const fmpq * alpha, slong len, const fmpq_t xi,
                        const wc_data_t D);

/* The training objective of DERIVATIONS.md section 3 (interp, l1, hinge or
 * squared) for outputs f and penalty R = sum |alpha_j| ||w_j||_1.
 * RETURNS 1, or 0 if interp and some f_i != y_i (no finite objective). */
int wc_training_objective(fmpq_t obj, const fmpq * f, const fmpq_t penalty,
                          const wc_data_t D, const wc_problem_t p);

/* Dictionary, LP, certified solve and network in one call: the same as
 * wc_solve_prepare (FULL: dictionary R->V and LP R->lp; MATERIALISED: R->V)
 * then wc_solve_finish (certified solve and network), between which a
 * FULL R->lp may be exported.  STREAMED and MATERIALISED leave in R->V
 * the final working set and in R->lp its LP; the certificate still covers
 * every atom of V.  RETURNS WC_OK with R certified (optimal or
 * infeasible), WC_ERR_ARG (bad problem, or work refused up front: sizes
 * in err), or WC_ERR_SOLVER (nothing could be certified; never an
 * unverified answer). */
int wc_solve(wc_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err);
int wc_solve_prepare(wc_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err);

/* A lower estimate of the memory of solving (D, p) by the route columns,
 * in bytes (saturating): the atoms stored (all of V when it is built, a
 * working set of 64 (n + 16) atoms when streamed) at 24 (d + 1) bytes
 * each, and the dense LP over them at 8 bytes an entry.  RETURNS that
 * estimate. */
ulong wc_solve_memory(const wc_data_t D, const wc_problem_t p, int columns);

/* The second half of wc_solve (see there), after wc_solve_prepare.
 * RETURNS as wc_solve. */
int wc_solve_finish(wc_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err);

/* ------------------------------------------------------- the squared loss */

/*
 * The exact Lasso path (DERIVATIONS.md sections 3 and 6, squared loss): breakpoints
 * beta_0 > beta_1 > ... of the homotopy, each with the solution there (z
 * is affine in beta between two breakpoints) and the optimal value.
 */
typedef struct {
    fmpq_t beta, value;
    slong nactive;
    slong * atom;       /* atoms of V with z != 0 */
    fmpq * z;
} wc_lasso_point_struct;

typedef struct {
    slong len, alloc;
    wc_lasso_point_struct * point;
} wc_lasso_path_struct;
typedef wc_lasso_path_struct wc_lasso_path_t[1];

void wc_lasso_path_init(wc_lasso_path_t P);
void wc_lasso_path_clear(wc_lasso_path_t P);

/* Follows the path from beta_0 = max |k_u^T (y - mean)| down to target
 * (>= 0), recording every breakpoint; z (V->len entries) and xi are the
 * solution at target.  The direction of each piece solves a small convex
 * QP exactly, so ties and dependent active columns need no special case
 * (proofs/DERIVATIONS.md section 6); every breakpoint is checked against
 * its KKT conditions, recomputed from z alone, before it is recorded.
 * RETURNS WC_OK, or WC_ERR_SOLVER (an internal error: no path is then
 * returned) -- never an unverified breakpoint. */
int wc_lasso_path(wc_lasso_path_t P, fmpq * z, fmpq_t xi, const wc_data_t D,
                  const wc_dict_t V, int intercept, const fmpq_t target,
                  wc_progress_fn progress, void * ctx, wc_error_t err);

/* The same over explicit feature columns (cols: len columns of n entries,
 * z: len entries); the path's atoms are column indices.  RETURNS as
 * wc_lasso_path. */
int wc_lasso_path_columns(wc_lasso_path_t P, fmpq * z, fmpq_t xi, const wc_data_t D,
                          const fmpq * cols, slong len, int intercept, const fmpq_t target,
                          wc_progress_fn progress, void * ctx, wc_error_t err);

/* The optimal value on the piece between breakpoints a and b of a path, as
 * the quadratic c[2] beta^2 + c[1] beta + c[0] (c: 3 entries): z is affine
 * in beta there, so the value is a quadratic, fixed by its values at the
 * two ends and at the midpoint (z the average of the two ends, the
 * intercept, when free, refitted). */
void wc_lasso_piece_quadratic(fmpq * c, const wc_lasso_point_struct * a,
                              const wc_lasso_point_struct * b, const wc_dict_t V,
                              const wc_data_t D, int intercept);

/* The same for a path over explicit columns (wc_lasso_path_columns). */
void wc_lasso_piece_quadratic_columns(fmpq * c, const wc_lasso_point_struct * a,
                                      const wc_lasso_point_struct * b, const fmpq * cols,
                                      const wc_data_t D, int intercept);

/* ------------------------------------------------- deep networks in 1-D */

/*
 * The Lasso over the reflection dictionary of depth L (1-D data, hidden
 * biases and a free intercept implied): the training problem of a deep
 * narrow parallel network, one width-1 chain per feature in use
 * (proofs/DERIVATIONS.md section 10).  Feature feature[j] of M carries
 * output weight alpha[j]; f(x) = sum_j alpha_j g_L(x) + xi.
 */
typedef struct {
    int status, certified_by, verified;
    int L;
    slong n;
    fmpq_t value, xi;
    slong nneurons;
    slong * feature;
    fmpq * alpha;
    fmpq * dual;            /* optimal: the dual point; infeasible: the Farkas vector */
    fmpq * outputs;         /* optimal: f(x_i), evaluated through the chains */
    int network_checked;
    fmpz_t obj_scale;
    wc_mirrors_t M;
    wc_lp_t lp;
    wc_lp_solution_t sol;
} wc_deep_result_struct;
typedef wc_deep_result_struct wc_deep_result_t[1];

void wc_deep_result_init(wc_deep_result_t R);
void wc_deep_result_clear(wc_deep_result_t R);

/* Solves (D, p) over the reflection dictionary of depth L (every loss:
 * the LP for interp, l1, hinge; the exact Lasso path, certified by its KKT
 * conditions, for squared).  RETURNS WC_OK with R certified (optimal, the
 * network evaluated through its layers reproducing the value; or
 * infeasible), WC_ERR_ARG (d != 1, L outside 2..4, too many features) or
 * WC_ERR_SOLVER. */
int wc_deep_solve(wc_deep_result_t R, const wc_data_t D, const wc_problem_t p, int L,
                  wc_error_t err);

/* out[t] = f(x[t]) (npts points) for the features feature[0..len) of M with
 * output weights alpha and intercept xi; D: the data M was built on. */
void wc_deep_outputs(fmpq * out, const wc_mirrors_t M, const slong * feature,
                     const fmpq * alpha, slong len, const fmpq_t xi, const wc_data_t D,
                     const fmpq * x, slong npts);

/* The certificate of a deep solve (dictionary=mirrors-L; format:
 * proofs/CERTIFICATE.md).  RETURNS WC_OK or WC_ERR_IO. */
int wc_deep_certificate_write(FILE * out, const wc_deep_result_t R, const wc_data_t D,
                              const wc_problem_t p);

/* ------------------------------------- standard weight decay (l2 penalty) */

/*
 * The l2 penalty of proofs/DERIVATIONS.md section 12: the regulariser
 * sum_j ||w_j||_2 |alpha_j| (= weight decay after rescaling) in place of
 * ||w_j||_1.  Its optimum is in general irrational, so it is bracketed:
 * lower <= OPT <= upper, both exact rationals.  upper is the cost of the
 * network (w, b, alpha, xi) -- all rational, interp outputs equal to the
 * labels exactly -- enclosed from above with MPFR directed rounding;
 * lower is the dual objective of the rational dual point v, checked
 * exactly against every face of the hyperplane arrangement (p->dict ==
 * WC_DICT_FULL: every direction) or against every sample wedge
 * (WC_DICT_SAMPLES: the sample-wedge dictionary with l2-normalised
 * directions, the bracket of its own optimum).  d <= 3.
 */
typedef struct {
    int status;             /* WC_LP_OPTIMAL (a bracket) or WC_LP_INFEASIBLE */
    int reached;            /* 1 if upper - lower <= tolerance * upper */
    int dict;               /* WC_DICT_FULL or WC_DICT_SAMPLES */
    slong n, d, rounds;
    ulong checks;           /* face points (FULL) or atoms (SAMPLES) the final
                               dual was checked against */
    fmpq_t lower, upper, tolerance;
    fmpq_t loss;            /* the network's loss (0 for interp), exact */
    fmpq_t penalty_lo, penalty_hi;  /* its sum ||w_j|| |alpha_j|, enclosed */
    slong nneurons;
    fmpq * w, * b, * alpha; /* nneurons x d, nneurons, nneurons */
    fmpq_t xi;
    fmpq * dual;            /* n: the checked dual point v (scaled into
                               feasibility) */
    /* the largest dual violation before scaling: the direction (w, b) of a
     * face point, and r2 = (k^T v)^2 / ||w||^2 / bound^2 (> 1: violated) */
    fmpq * witness_w;
    fmpq_t witness_b, witness_r2;
    slong witness_anchor;   /* the sample on the kink, or -1 */
} wc_l2_result_struct;
typedef wc_l2_result_struct wc_l2_result_t[1];

void wc_l2_result_init(wc_l2_result_t R);
void wc_l2_result_clear(wc_l2_result_t R);

/* Brackets the optimum of (D, p) under the l2 penalty to relative width
 * tolerance (> 0): column generation over the faces of the arrangement
 * (FULL), or the sample-wedge dictionary (SAMPLES), every loss, with or
 * without bias, d <= 3.  RETURNS WC_OK (R->reached says whether the width
 * was met within the round limit; the bracket is proved either way),
 * WC_ERR_ARG (d > 3, no labels, too much work: the size in err) or
 * WC_ERR_SOLVER. */
int wc_l2_solve(wc_l2_result_t R, const wc_data_t D, const wc_problem_t p,
                const fmpq_t tolerance, wc_error_t err);

/* Checks R's dual point over every face of the arrangement (every
 * direction) and sets R's witness: the face point where
 * (k^T v)^2 / ||w||^2 / bound^2 = witness_r2 is largest (> 1: the point
 * violates the full problem's dual constraint).  For a SAMPLES result
 * this decides why the sample wedges miss.  RETURNS WC_OK, or WC_ERR_ARG
 * (the sizes of wc_l2_solve). */
int wc_l2_witness(wc_l2_result_t R, const wc_data_t D, const wc_problem_t p, wc_error_t err);

/* [lo, hi] := an enclosure of sum_j |alpha_j| sqrt(c2_j) (len terms) by
 * MPFR directed rounding, both exact rationals. */
void wc_l2_cost_enclose(fmpq_t lo, fmpq_t hi, const fmpq * alpha, const fmpq * c2, slong len);

/* The l2 certificate (penalty=l2; format: proofs/CERTIFICATE.md).
 * RETURNS WC_OK or WC_ERR_IO. */
int wc_l2_certificate_write(FILE * out, const wc_l2_result_t R, const wc_data_t D,
                            const wc_problem_t p);

/* ------------------------------------------------------------- prediction */

/*
 * Prediction P of DERIVATIONS.md section 7: the sample wedges alone (k = d) attain
 * the optimum of the complete dictionary.  Decided exactly: both problems
 * are solved and certified; when the values differ, the witness is the
 * atom u of V with the largest |k_u^T v| for the restricted problem's dual
 * v, which exceeds the dual bound (1 for interp, beta otherwise) -- or,
 * when only the restricted problem is infeasible, an atom with
 * k_u^T v != 0 for its Farkas vector v (bound 0).
 */
enum {
    WC_PREDICTION_HOLDS = 0,        /* both optimal, equal values */
    WC_PREDICTION_FAILS = 1,        /* a positive gap, or only V feasible */
    WC_PREDICTION_INFEASIBLE = 2    /* both infeasible: nothing to compare */
};

typedef struct {
    int verdict;            /* WC_PREDICTION_* */
    int holds;              /* verdict == WC_PREDICTION_HOLDS */
    int dictionaries_equal; /* 1: the two dictionaries are one set of atoms
                               (always in 1-D); 0: they differ; -1: unknown
                               (V was streamed, never built) */
    wc_result_t full, samples;
    fmpq_t gap;             /* samples value - full value (both optimal) */
    slong witness;          /* an atom of full->V, or -1 */
    fmpq_t witness_value;   /* k_u^T v */
    fmpq_t bound;
} wc_prediction_struct;
typedef wc_prediction_struct wc_prediction_t[1];

void wc_prediction_init(wc_prediction_t P);
void wc_prediction_clear(wc_prediction_t P);
/* RETURNS WC_OK with P decided, or the error of either solve
 * (WC_ERR_ARG, WC_ERR_SOLVER) with a message in err. */
int wc_predict(wc_prediction_t P, const wc_data_t D, const wc_problem_t p, wc_error_t err);

/* -------------------------------------------------------------- networks */

/*
 * A network f(x) = sum_j alpha_j (h^T w_j + b_j)_+ + xi with m neurons
 * (w_j = w + j d) on h = x (two layers), or on h = T(x), the output of a
 * trunk of hidden layers h <- (W h + b)_+ (a deep network; the neurons are
 * its last block), as read from another solver's output.
 */
typedef struct {
    slong m, d, alloc;
    fmpq * w;               /* m x d */
    fmpq * b, * alpha;      /* m each */
    fmpq_t xi;
    /* a deep network: hidden layers h <- (W h + b)_+ before the neurons */
    slong nlayers;          /* 0: a two-layer network */
    slong * width;          /* width[0] the input's d, width[l + 1] the units of layer l */
    fmpq ** W, ** bl;       /* layer l: width[l+1] x width[l] weights (row-major), biases */
} wc_network_struct;
typedef wc_network_struct wc_network_t[1];

void wc_network_init(wc_network_t N, slong d);     /* no neurons, xi = 0 */
void wc_network_clear(wc_network_t N);

/* Reads a network on d inputs (N->d) from JSON in the shape of
 * 'solve --json' or from CSV (rows 'w_1,...,w_d,b,alpha' and one row
 * 'intercept,xi'), every number exact (decimal, p/q or hex float), or
 * rounded to the nearest double first with binary64.  JSON may hold a
 * trunk, "layers": [{"W": [[...], ...], "b": [...]}, ...] (each W row one
 * unit's input weights), which sets N->d to its output width; a trunk
 * file holds "layers" alone (m = 0).  Strict: trailing text, duplicate or
 * unknown keys, a missing "w" or "alpha", rows of the wrong width, an empty
 * file and a repeated intercept row are errors.  RETURNS WC_OK, WC_ERR_IO,
 * or WC_ERR_PARSE with "PATH:LINE:COL: error: ..." in err. */
int wc_network_read(wc_network_t N, const char * path, int binary64, wc_error_t err);
int wc_network_read_buffer(wc_network_t N, const char * buf, size_t len, const char * path,
                           int binary64, wc_error_t err);

/* f_i = f(x_i) for the n samples of D, exactly. */
void wc_network_eval(fmpq * f, const wc_network_t N, const wc_data_t D);

/* H := the representation of the samples X (n x width[0]) after the
 * first 'layers' hidden layers of N's trunk (n x width[layers]),
 * exactly; layers = N->nlayers: the trunk's output, the features of the
 * last block. */
void wc_network_trunk(fmpq_mat_t H, const wc_network_t N, const fmpq_mat_t X, slong layers);

/* The penalty R = sum_j |alpha_j| ||w_j||_1. */
void wc_network_penalty(fmpq_t r, const wc_network_t N);

/* The atom of V nearest to neuron j: the l1 distance between (w_j, b_j)
 * and the atom's (w, b), both scaled to ||w||_1 = 1, into dist.  RETURNS
 * the atom (the first on ties), or -1 when w_j = 0 (no direction). */
slong wc_network_nearest_atom(fmpq_t dist, const wc_network_t N, slong j, const wc_dict_t V);

/* A network N against the certified optimum R of (D, p) (R optimal, its V
 * built): N's outputs f on the samples, its penalty, training objective
 * obj, the gap obj - R->value and |gap| / R->value (rel, 0 when the
 * optimum is 0), the largest |f(x_i) - y_i| (viol), and for each neuron
 * its nearest atom of V (or -1 when w = 0) at l1 distance ndist.
 * feasible: N satisfies the problem's constraints (interp: f = y);
 * optimal: and gap = 0.  All exact. */
typedef struct {
    slong n, m;
    fmpq * f;
    fmpq_t penalty, obj, gap, rel, viol;
    slong * nearest;
    fmpq * ndist;
    int feasible, optimal;
} wc_net_report_struct;
typedef wc_net_report_struct wc_net_report_t[1];

void wc_net_report_init(wc_net_report_t r, const wc_network_t N, const wc_data_t D,
                        const wc_result_t R, const wc_problem_t p);
void wc_net_report_clear(wc_net_report_t r);

/* Hidden layer l of N's trunk, a structural diagnostic (not a
 * certificate): V := the complete vertex dictionary (biases) of the
 * layer's input representation of the samples of D, and for each unit u
 * of the layer its nearest atom atom[u] of V (or -1 when its w = 0) at l1
 * distance dist[u] (directions normalised to ||w||_1 = 1).  RETURNS WC_OK,
 * or the error of building V (too large: the size in err). */
int wc_network_layer_report(slong * atom, fmpq * dist, wc_dict_t V, const wc_network_t N,
                            slong l, const wc_data_t D, ulong max_atoms, wc_error_t err);

/* One number s[0..len): decimal or p/q (wc_rational_parse), or a hex float
 * [-]0x<hex>[.<hex>][p[+-]<dec>]; rounded to binary64 if asked.  RETURNS
 * 1, or 0 with the reason in *why. */
int wc_number_parse(fmpq_t r, const char * s, size_t len, int binary64, const char ** why);

/* ------------------------------------------------------------ certificate */

/* Writes the self-contained text certificate of R (format documented in
 * proofs/CERTIFICATE.md; proofs/checkcert verifies it with GMP alone).
 * RETURNS WC_OK, or WC_ERR_IO when a write to out failed. */
int wc_certificate_write(FILE * out, const wc_result_t R, const wc_data_t D,
                         const wc_problem_t p);

/* The same for a last block solved on the features D = T(X) of a trunk T
 * (raw samples X): the certificate carries X and T, and checkcert
 * recomputes the features.  RETURNS as wc_certificate_write. */
int wc_certificate_write_trunk(FILE * out, const wc_result_t R, const wc_data_t D,
                               const wc_network_struct * T, const fmpq_mat_t X,
                               const wc_problem_t p);

/* ------------------------------------------------------------------ output */

/* RETURNS the exact string "p/q" (or "p" when q = 1) of x, malloc'd by
 * FLINT: free it with flint_free. */
char * wc_fmpq_get_str(const fmpq_t x);

#ifdef __cplusplus
}
#endif

#endif
