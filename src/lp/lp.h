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

/*
 * P as a floating-point simplex is given it (scale.c): nz nonzeros as
 * triplets (row, col, val), row by row, and b, c.  Scaled (raw == 0):
 * row i of the scaled LP is row i of P times 2^-rexp[i] and the objective
 * is c times 2^-oexp (column scales aside), so a dual y' of it is the
 * dual y_i = y'_i 2^(oexp - rexp[i]) of P.  Raw: the integers as doubles,
 * rexp = 0, oexp = 0.
 */
typedef struct {
    slong nz;
    int * row, * col;
    double * val, * b, * c;
    slong * rexp, oexp;
} wc_lp_scaled_struct;

void wc_lp_scale(wc_lp_scaled_struct * T, const wc_lp_t P, int raw);
void wc_lp_scaled_clear(wc_lp_scaled_struct * T);

/*
 * A row operation M for the engine (rowmap.c): unit triangular, as steps
 * t = 0, 1, ..., len - 1, step t replacing row r[t] by row r[t] minus
 * sum l[q] row j[q] over q in [start[t], start[t + 1]), where no row j[q]
 * is one an earlier step replaced.  M A x = M b has the bases of A x = b,
 * and a dual y' of it gives the dual y = M^T y' of A x = b.
 */
typedef struct {
    slong len;
    slong * r, * start, * j;
    double * l;
    int engine_scales;  /* 1: Clp scales the mapped LP as it would any LP
                           (clp_basis.c: for interp it must not) */
} wc_rowmap_struct;

void wc_rowmap_init(wc_rowmap_struct * M);
void wc_rowmap_clear(wc_rowmap_struct * M);

/* Appends a step: row r := row r - sum_{q < k} l[q] row j[q]. */
void wc_rowmap_push(wc_rowmap_struct * M, slong r, const slong * j, const double * l, slong k);

/* v := M v, an entry set to zero where it cancels to within 2^-36 of
 * its terms (an exact zero of M A that rounding left). */
void wc_rowmap_apply(double * v, const wc_rowmap_struct * M);

/* D := diag(2^-rexp) M diag(2^rexp), for rows scaled as in lp/scale.c:
 * D's coefficients are its own (free D->l), the rest is M's. */
void wc_rowmap_scale(wc_rowmap_struct * D, const wc_rowmap_struct * M, const slong * rexp);

/* y := M^T y (m entries). */
void wc_rowmap_dual(double * y, const wc_rowmap_struct * M, slong m);

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

/* The same from COIN-OR Clp (clp_basis.c; primal simplex from warm, dual
 * simplex past 2 m iterations or without warm, no presolve), never exact;
 * Clp solves M A x = M b when M is not NULL.  WC_ERR_SOLVER when built
 * without Clp or when Clp aborted (its SIGABRT caught). */
int wc_clp_candidate(slong * basis, double * dual, int * status, const wc_lp_t P,
                     const slong * warm, const wc_rowmap_struct * M, wc_error_t err);

/* The same with the primal simplex from warm stopped after cap
 * iterations, and then Clp's dual simplex from its slack basis;
 * wc_clp_candidate's cap is 2 m (clp_basis.c says why). */
int wc_clp_candidate_capped(slong * basis, double * dual, int * status, const wc_lp_t P,
                            const slong * warm, const wc_rowmap_struct * M, slong cap,
                            wc_error_t err);

/* The engine's candidate (WC_ENGINE_*; AUTO as wc_lp_engine_pick); a
 * round Clp fails goes to GLPK.  M (or NULL) is for Clp only. */
int wc_lp_candidate(int engine, slong * basis, double * dual, int * status, const wc_lp_t P,
                    const slong * warm, const wc_rowmap_struct * M, wc_error_t err);

/* 1 if the basic solution of an engine's basis, recomputed exactly, is an
 * optimality certificate for P (certified_by WC_CERT_GLPK_SIMPLEX), or
 * becomes one after a few exact pivots (repair) or the dual refinement of
 * lp.c with the engine's float simplex; then S holds it, for the basis
 * reached. */
int wc_lp_certify_warm(wc_lp_solution_t S, const wc_lp_t P, const slong * basis, int engine);

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

/* Phase-2 exact pivots from basis, if it is primal feasible (exactly),
 * until it is optimal: the repair of a float basis that missed a reduced
 * cost by a rounding error.  RETURNS 1 with an optimal basis in basis,
 * 0 (basis changed) if basis is not primal feasible or is singular, or
 * max_pivots did not reach an optimum. */
int wc_exact_repair(slong * basis, const wc_lp_t P, slong max_pivots);

/* Keeps y in S if it is a checked Farkas vector of P (x := 0, value :=
 * b^T y).  RETURNS 1 if kept, else 0. */
int wc_lp_certify_farkas(wc_lp_solution_t S, const wc_lp_t P, const fmpq * y, int how);

/* Keeps (x, y) in S (swapping them in) if it is an optimality certificate
 * of P, else sets why.  RETURNS 1 if kept, else 0. */
int wc_lp_store_optimal(wc_lp_solution_t S, const wc_lp_t P, fmpq * x, fmpq * y, int how,
                        char * why, size_t size);

/* A variant's work on an LP already presolved. */
typedef int (*wc_lp_core_fn)(wc_lp_solution_t S, const wc_lp_t P, int method,
                             wc_progress_fn progress, void * ctx, wc_error_t err);

/* The simplex variant without presolve: GLPK's basis checked exactly,
 * repaired by glp_exact and exact pivots.  RETURNS WC_OK or WC_ERR_SOLVER. */
int wc_lp_simplex_core(wc_lp_solution_t S, const wc_lp_t P, int method,
                       wc_progress_fn progress, void * ctx, wc_error_t err);

/* Presolve (proportional rows and columns), core on what is left, the
 * answer checked on all of P.  RETURNS WC_OK or WC_ERR_SOLVER. */
int wc_lp_solve_presolved(wc_lp_solution_t S, const wc_lp_t P, int method, wc_lp_core_fn core,
                          wc_progress_fn progress, void * ctx, wc_error_t err);

/* ---------------------------------------------------- column generation */

/*
 * A dictionary as the column-generation engine (colgen.c) sees it: members
 * named by keys, each bringing width columns (width 2: a column a and its
 * negation -a, at one cost) in front of the fixed columns of a base LP.
 * The vertex dictionary (train/vertex.c, streamed or built) and the
 * columns of an explicit LP (lp.c) are two implementations.
 *
 * column: a member's exact column (m entries) and cost, in the base LP's
 *         scaling, or with guide != 0 in the guide LP's.
 * price:  keys[0..len) := at most K members violated by the dual y (m
 *         entries, exact) of the working LP, largest violation first,
 *         returning len; test WC_PRICE_COST: A_u^T y > c_u (width 2:
 *         |A_u^T y| > c_u), WC_PRICE_FARKAS: against cost 0 (y a Farkas
 *         vector of the working LP), WC_PRICE_GUIDE: y a dual of the
 *         guide LP, against its costs.  With partial the dictionary may
 *         stop once it has K; otherwise it must have priced every member.
 * guide:  NULL, or a base LP always feasible over any working set (the
 *         elastic problem), whose dual guides the rounds after a while of
 *         infeasible working LPs.
 * rows:   NULL, or a row operation (above) under which the working LP and
 *         its phase-1 LP are sparser; Clp then solves them under it.  A
 *         candidate changes, nothing exact does.
 */
enum { WC_PRICE_COST = 0, WC_PRICE_FARKAS = 1, WC_PRICE_GUIDE = 2 };

typedef struct {
    slong width;                /* 1 or 2 */
    slong K;                    /* at most K members join in a round */
    int eager;                  /* the working LP, not pricing, is the cost
                                   of a round: drop members early (colgen.c);
                                   2: earlier still */
    const wc_lp_struct * base;  /* rows, b, the fixed columns */
    const wc_lp_struct * guide; /* or NULL */
    const wc_rowmap_struct * rows;  /* or NULL */
    void (*column)(fmpz * a, fmpz_t cost, ulong key, int guide, void * ctx);
    slong (*price)(ulong * keys, slong K, const fmpq * y, int test, int partial,
                   void * ctx);
    void * ctx;
} wc_colgen_dict_struct;

/* The working set of column generation and the rounds it took. */
typedef struct {
    ulong * keys;
    slong len;
    slong rounds;
    fmpz * cols;        /* each member's column and cost (m + 1 entries), */
    slong alloc, m;     /* asked of the dictionary once, when it joins */
} wc_colgen_struct;
typedef wc_colgen_struct wc_colgen_t[1];

void wc_colgen_init(wc_colgen_t C);
void wc_colgen_clear(wc_colgen_t C);

/* The working set, for colgen.c (workset.c has each one's contract):
 * appending a member, the working LP over W, dropping members aged
 * max_age, and W as keys again at the end. */
void wc_colgen_join(wc_colgen_t C, ulong member, const fmpz * a, slong m);
void wc_colgen_working_lp(wc_lp_t Q, const wc_colgen_t C, const wc_colgen_dict_struct * V,
                          slong w, int guide);
void wc_colgen_drop(wc_colgen_t C, slong * age, slong * warm, slong * warm_N, slong * warm_L,
                    slong m, slong max_age);
void wc_colgen_widen(wc_colgen_t C, wc_lp_t Q, wc_lp_solution_t S,
                     const wc_colgen_dict_struct * V, int solved);

/* Column generation over the dictionary V: leaves the final working set in
 * C, its working LP in Q (initialised) and that LP's certified solution
 * in S (initialised), valid for the LP over the whole dictionary: optimal,
 * or a Farkas vector.  method: WC_METHOD_AUTO, _GLPK_EXACT or _PIVOTS for
 * each working LP; engine (WC_ENGINE_*): where each round's candidate
 * basis and dual come from.  RETURNS WC_OK or WC_ERR_SOLVER. */
int wc_colgen_solve(wc_colgen_t C, wc_lp_t Q, wc_lp_solution_t S,
                    const wc_colgen_dict_struct * V, int method, int engine,
                    wc_progress_fn progress, void * ctx, wc_error_t err);

/* ----------------------------------------------------------- presolve */

/* Proportional rows of P: returns 1 with farkas (m entries) a Farkas
 * vector when two contradict each other (or a zero row has b_i != 0);
 * else 0 with keep[0..*mk) the rows to keep. */
int wc_lp_presolve_rows(slong * keep, slong * mk, fmpq * farkas, const wc_lp_t P);

/* Columns of P that are positive multiples of one another: keep[0..*nk)
 * := those to keep (the cheapest per unit; zero columns of cost >= 0 go). */
void wc_lp_presolve_columns(slong * keep, slong * nk, const wc_lp_t P);

#endif
