/*
 * train.h -- training problems: their LPs, the vertex dictionary as a
 * column source, presolve, the Lasso.  Not exported.
 */
#ifndef WC_TRAIN_H
#define WC_TRAIN_H

#include "dict/dict.h"
#include "lp/lp.h"
#include <mpfr.h>

/* -------------------------------------------------------- interp.c */

/* For interp: a Farkas vector v (n entries) on at most four samples whose
 * rows are proportional in every column of V and whose labels cannot
 * follow (identical samples; without biases, samples on one ray and the
 * origin).  RETURNS 1 with v, or 0 when the data show no such conflict. */
int wc_interp_conflict(fmpq * v, const wc_data_t D, const wc_problem_t p);

/* ------------------------------------ problem.c, vertex.c, solve.c */

/* q := the least common denominator of k (n entries). */
void wc_column_lcd(fmpz_t q, const fmpq * k, slong n);

/* k := the feature column of atom u of V, q := its least common
 * denominator (the LP column of u is rho_i q k_i, its cost q or q num(beta)). */
void wc_atom_scale(fmpz_t q, fmpq * k, const wc_dict_t V, const wc_data_t D, slong u);

/* The LP column of atom u of V in the scaling of wc_problem_lp: a (n
 * entries) = rho_i q k_i and its cost (q, or q num(beta)); k (n entries)
 * is scratch. */
void wc_problem_column(fmpz * a, fmpz_t cost, fmpq * k, const wc_dict_t V, slong u,
                       const wc_data_t D, const wc_problem_t p);

/* The same by integer arithmetic on E's data (E enumerates V's atoms
 * from D): the same a and cost, faster. */
void wc_problem_column_enum(fmpz * a, fmpz_t cost, const wc_dict_t V, slong u,
                            const wc_enum_t E, const wc_data_t D, const wc_problem_t p);

/* The same for an explicit feature column k (n entries). */
void wc_problem_column_of(fmpz * a, fmpz_t cost, const fmpq * k, const wc_data_t D,
                          const wc_problem_t p);

/* The squared loss's certificate, checked exactly (DERIVATIONS.md section
 * 6): with f the outputs of the solution z over the columns cols (len of n
 * entries) and r := y - f, 1^T r = 0 (free intercept), k_u^T r = beta
 * sign(z_u) where z_u != 0, |k_u^T r| <= beta elsewhere, and the value
 * (1/2) ||r||^2 + beta ||z||_1 equal to the dual objective y^T r -
 * (1/2) ||r||^2.  RETURNS 1 if all hold (value set), else 0. */
int wc_lasso_kkt_check(fmpq_t value, fmpq * r, const fmpq * cols, slong len, const fmpq * z,
                       const fmpq * f, const wc_data_t D, const wc_problem_t p);

/* rho_i: the factor row i of the problem's LP carries. */
const fmpz * wc_row_scale(const wc_data_t D, const wc_problem_t p, slong i);

/* M := the row operation of stencil.c for the samples of D and the row
 * scales of p's LP: each sample less an affine combination of d + 1
 * earlier ones; no step when d > WC_STENCIL_MAX_D, where choosing the
 * d + 1 among d + 7 neighbours costs C(d + 7, d + 1) solves a sample.
 * Initialises M. */
#define WC_STENCIL_MAX_D 4

void wc_stencil_rowmap(wc_rowmap_struct * M, const wc_data_t D, const wc_problem_t p);

/* Column generation over V (R->columns STREAMED, or MATERIALISED with all
 * of V in R->V): leaves the final working set in R->V, its LP in R->lp and
 * the certified solution in R->sol; every atom of V has been priced.
 * RETURNS WC_OK or WC_ERR_SOLVER. */
int wc_solve_columns(wc_result_t R, const wc_data_t D, const wc_problem_t p,
                      wc_error_t err);

/* ---------------------------------------------- l2.c, l2_work.c */

#define WC_L2_PREC 160          /* MPFR bits of every enclosure */

/* the working set: directions, their columns and squared norms */
typedef struct {
    slong n, d, len, alloc;
    fmpq * w, * b, * c2, * col;
    double * cost, * cold;
    double * key;       /* (w, b) / max |(w, b)|: a quick test before the exact one */
} wc_l2_atoms_t;

void wc_l2_atoms_init(wc_l2_atoms_t * A, slong n, slong d);
void wc_l2_atoms_clear(wc_l2_atoms_t * A);

/* Appends the direction (w, b) unless (check) some atom has a positive
 * multiple of it.  RETURNS 1 if added. */
int wc_l2_atoms_push(wc_l2_atoms_t * A, const fmpq * w, const fmpq_t b, const wc_data_t D,
                     int check);

/* The vertex dictionary's directions (kind FULL or SAMPLES) as the seed.
 * RETURNS WC_OK, or the dictionary's size error. */
int wc_l2_atoms_seed(wc_l2_atoms_t * A, const wc_data_t D, const wc_problem_t p, int kind,
                     wc_error_t err);

/* RETURNS the dual bound as a double: 1 for interp, else beta. */
double wc_l2_loss_beta(const wc_problem_t p);

/* The working LP in doubles (interp, l1, hinge): alpha a[j], intercept
 * *xi, which atoms are basic (a[N]: the intercept); v the exact dual of
 * the final basis (or GLPK's), v2 GLPK's dual doubles read exactly (on an
 * ill-conditioned basis the better of the two).  RETURNS 0 (a candidate),
 * 1 (infeasible) or -1 (GLPK failed). */
int wc_l2_float_lp(double * a, double * xi, fmpq * v, fmpq * v2, char * basic,
                   const wc_l2_atoms_t * A, const wc_data_t D, const wc_problem_t p);

/* The squared loss's candidate alpha a[j] (vprev: the previous round's
 * dual, to screen the columns, or NULL).  RETURNS WC_OK or an error. */
int wc_l2_lasso_candidate(double * a, const wc_l2_atoms_t * A, const wc_data_t D,
                          const wc_problem_t p, const fmpq * vprev, wc_error_t err);

/* r := the exact value of x. */
void wc_l2_q_of_mpfr(fmpq_t r, const mpfr_t x);

/* R's network, xi, loss, penalty enclosure and upper bound from the
 * candidate (interp: its basis solved exactly; squared: R->dual := y - f,
 * the residual, its dual point).  RETURNS WC_OK, or
 * WC_ERR_SOLVER when it does not reproduce the labels exactly. */
int wc_l2_exact_network(wc_l2_result_t R, const wc_l2_atoms_t * A, const double * a,
                        double xi, const char * basic, const wc_data_t D,
                        const wc_problem_t p, wc_error_t err);

#endif
