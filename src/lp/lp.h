/*
 * lp.h -- the LP layer: certification, GLPK bases, the exact simplex,
 * column generation.  Not exported.
 *
 * A basis is m variable indices.  Index v < N is the structural column
 * A_v; index N + i is the artificial variable of row i, whose column is
 * sgn_i e_i with sgn_i = -1 if b_i < 0 and +1 otherwise (so that all
 * artificials form a feasible starting basis).  GLPK's auxiliary row
 * variables map onto these: a basic auxiliary of row i is N + i.
 */
#ifndef WC_LP_H
#define WC_LP_H

#include "base/base.h"

/* GLPK's answer, before any exact check. */
enum { GLPK_OPTIMAL = 0, GLPK_INFEASIBLE = 1, GLPK_OTHER = 2 };

/* Runs GLPK's double simplex on P (and glp_exact after it when
 * exact != 0, which needs every coefficient to fit in 53 bits) and
 * returns its final basis and status.  With warm (m indices, or NULL) the
 * simplex starts from that basis, as column generation's rounds do.  GLPK
 * aborts are caught: the result is then WC_ERR_SOLVER with a message in
 * err. */
int wc_glpk_basis(slong * basis, int * glpk_status, const wc_lp_t P,
                   int exact, const slong * warm, wc_error_t err);

/* The same, and GLPK's dual values (m entries, in P's own scaling) when
 * dual != NULL: a candidate for column generation's pricing, no more. */
int wc_glpk_candidate(slong * basis, double * dual, int * glpk_status,
                       const wc_lp_t P, int exact, const slong * warm, wc_error_t err);

/* 1 if the basic solution of GLPK's basis, recomputed exactly, is an
 * optimality certificate for P; then S holds it (certified_by
 * WC_CERT_GLPK_SIMPLEX). */
int wc_lp_certify_basis(wc_lp_solution_t S, const wc_lp_t P, const slong * basis);

/* The phase-1 LP of P: minimise 1^T s s.t. A x + diag(sgn) s = b, x, s >= 0
 * (always feasible; a dual optimum of value > 0 is a Farkas vector of P). */
void wc_lp_phase_one(wc_lp_t Q, const wc_lp_t P);

/* 1 if every entry of A, b and c has at most 53 bits. */
int wc_lp_fits_53_bits(const wc_lp_t P);

/* The basic solution of basis: x (N entries) from B x_B = b, and the dual
 * y (m entries) from B^T y = c_B (artificials cost 0).  Returns 0, or 1 if
 * B is singular, or 2 if an artificial variable is non-zero (the basis is
 * not primal feasible for P). */
int wc_basis_solution(fmpq * x, fmpq * y, const wc_lp_t P, const slong * basis);

/* Exact two-phase revised simplex with Bland's rule, in rationals.  Starts
 * from warm (m indices, or NULL) when that basis is primal feasible.  On
 * return basis holds an optimal basis (status WC_LP_OPTIMAL), or status is
 * WC_LP_INFEASIBLE and farkas (m entries) holds y with A^T y <= 0 and
 * b^T y > 0.  Returns 0 or WC_ERR_SOLVER. */
int wc_exact_simplex(slong * basis, int * status, fmpq * farkas,
                      const wc_lp_t P, const slong * warm,
                      wc_progress_fn progress, void * ctx, wc_error_t err);

/* Proportional rows of P: returns 1 with farkas (m entries) a Farkas
 * vector when two contradict each other (or a zero row has b_i != 0);
 * else 0 with keep[0..*mk) the rows to keep. */
int wc_lp_presolve_rows(slong * keep, slong * mk, fmpq * farkas, const wc_lp_t P);

/* Columns of P that are positive multiples of one another: keep[0..*nk)
 * := those to keep (the cheapest per unit; zero columns of cost >= 0 go). */
void wc_lp_presolve_columns(slong * keep, slong * nk, const wc_lp_t P);

#endif
