/*
 * dict.h -- the vertex dictionary: atoms by rank, their directions,
 * pricing against a dual point.  Not exported.
 */
#ifndef WC_DICT_H
#define WC_DICT_H

#include "algebra/algebra.h"

/* ---------------------------------------------------- dictionary.c */

/* An empty dictionary for (n, d, bias, kind), and appending one atom with
 * direction sign * wb (ns = |S|). */
void wc_dict_start(wc_dict_t V, slong n, slong d, int bias, int kind);
void wc_dict_push(wc_dict_t V, slong k, const slong * T, slong ns,
                   const slong * S, int sign, const fmpz * wb);

/* ---------------------------------------------------------- enum.c */

/*
 * The origins (k, T, S) of V numbered 0..G-1 in enumeration order (k, then
 * T by rank, then S by rank); atom key = 2 g + (sign < 0), so keys order
 * atoms exactly as wc_dict_build does.  The data are kept as integers
 * X = Lx * (the rational data), and as exact doubles when they fit.
 */
typedef struct {
    slong n, d, kmin;
    int bias;
    ulong G;
    ulong * first;      /* first[k - kmin]: the first g of grade k; first[d - kmin + 1] = G */
    fmpz * X;           /* n x d, row-major */
    fmpz_t Lx;
    double * xd;        /* d x n, column-major, or NULL when some |X_ij| >= 2^50 */
    double * xmax;      /* max_i |X_ij| for each j */
    unsigned dd;        /* bit k: grade k's directions are exact in doubles */
    int sweep;          /* 1 (wc_enum_init): lines through a sample by a sweep */
} wc_enum_struct;
typedef wc_enum_struct wc_enum_t[1];

void wc_enum_init(wc_enum_t E, const wc_data_t D, int bias, int kind);
void wc_enum_clear(wc_enum_t E);

/* (w'_T, b') of the origin (k, T, S) from the integer data, in doubles:
 * exact when bit k of E->dd is set (every intermediate an integer below
 * 2^52), which needs k <= 4; 0 if w' = 0. */
int wc_enum_direction_d(double * wT, double * b, const wc_enum_t E, slong k,
                        const slong * T, const slong * S);

/* The one exact route: (w', b') of the origin (k, T, S) in the integer
 * data's coordinates, not normalised (M: scratch of at least (k - 1) x k
 * entries); 0 if w' = 0. */
int wc_enum_direction_raw(fmpz * w, fmpz_mat_t M, const wc_enum_t E, slong k,
                          const slong * T, const slong * S);

/* The primitive integer (w', b') of the origin (k, T, S) for the + sign,
 * in the data's own coordinates, as documented at wc_dict_t (the double
 * route when exact, else the raw route); 0 when w' = 0. */
int wc_enum_direction(fmpz * wb, const wc_enum_t E, slong k, const slong * T, const slong * S);
void wc_enum_origin(slong * k, slong * T, slong * S, const wc_enum_t E, ulong g);
ulong wc_enum_key(const wc_enum_t E, slong k, const slong * T, const slong * S, int sign);

/* The first origin at or after g (or G) whose S is the first with its
 * S[0] in its (k, T): S = (s, s + 1, ...).  Cutting ranges there keeps the
 * atoms of one first sample together (pass 2 of wc_price_range). */
ulong wc_enum_align(const wc_enum_t E, ulong g);

/* The group of the origin (k, T, S) for diverse rounds (wc_top_struct): a
 * hash of k, T and the first j samples of S (the pivot), j = 1 for one or
 * two samples, |S| - 1 beyond (the samples a sweep turns about). */
ulong wc_enum_group(const wc_enum_t E, slong k, const slong * T, const slong * S);

/* --------------------------------------------------------- price.c */

/*
 * A dual point for pricing: atom u (origin g, sign) with t_i = <X_i, w'> + b'
 * (w', b' computed from the integer data, any positive multiple) has
 *   P_u = sum_i Y_i (sign t_i)_+,   violated iff |P_u| > thr * ||w'||_1,
 * and is ranked by |P_u| / ||w'||_1 (largest first, then by key).
 */
typedef struct {
    slong n;
    fmpz * Y;
    fmpz_t thr;
    fmpz_t scale;       /* yd = Y / scale, thr_d = thr / scale */
    double * yd;        /* or NULL: no double filter */
    double thr_d;
} wc_dual_struct;
typedef wc_dual_struct wc_dual_t[1];

void wc_dual_init(wc_dual_t y, const fmpz * Y, const fmpz_t thr, slong n);
void wc_dual_clear(wc_dual_t y);

/* The margins of the double bounds of pricing (price.c) and of the top's
 * lower bounds (top.c): 1 -+ 2^-40, far outside their rounding errors. */
#define WC_SAFE_LO (1.0 - 1.0 / 1099511627776.0)
#define WC_SAFE_HI (1.0 + 1.0 / 1099511627776.0)

/*
 * The K most violated atoms, in rank order, at most per_group of one group
 * (0: no limit) and one a direction within a group.  The group of an atom
 * is its pivot: its grade, coordinates and the first samples of its origin
 * (wc_enum_group), so that the atoms turning about one axis compete with
 * each other, not with the rest.  Exactly: walk all violated atoms in rank
 * order, skip one whose direction its group already holds, or whose group
 * holds per_group; take the first K.
 */
typedef struct {
    ulong key, group;
    fmpz_t P, l1;
    fmpz * wb;          /* sign * the primitive direction from the integer data */
    double lo;          /* a lower bound for the ratio, in units of scale */
} wc_cand_struct;

typedef struct {
    slong len, cap, per_group, d;
    wc_cand_struct ** c;
    double worst_lo;    /* a lower bound for the ratio of c[cap - 1], in units of scale */
    ulong exact;        /* how many atoms needed exact arithmetic */
    ulong changes;      /* how many insertions changed c */
} wc_top_struct;
typedef wc_top_struct wc_top_t[1];

void wc_top_init(wc_top_t top, slong cap, slong per_group, slong d);
void wc_top_clear(wc_top_t top);
wc_cand_struct * wc_cand_new(slong d);
void wc_cand_free(wc_cand_struct * c, slong d);

/* Offers a copy of c (its P and l1 exact, wb primitive) to top's walk;
 * scale: the dual's, for c's lower bound. */
void wc_top_insert(wc_top_t top, const wc_cand_struct * c, const fmpz_t scale);

/* A lower bound for the ratio of the per_group-th member of the group in
 * top (-1 if it has fewer): an atom of the group below it cannot enter.
 * Kept in *f until the group or top changes (start with changes = 0 and
 * floor = -1). */
typedef struct {
    ulong group, changes;
    double floor;
} wc_group_floor_t;

double wc_top_group_floor(wc_group_floor_t * f, const wc_top_t top, ulong group);

/* The double filter of the atoms of grade k = 2, 3 or 4 with hidden biases
 * through the samples S[0 .. k-2] on the coordinates T, all at once by an
 * angular sweep (sweep.c): P[2 s + sgn] ~ P_u / scale of the atom (k, T,
 * S + {s}, sgn) for every s whose direction is not 0, within err[2 s +
 * sgn], proved.  Usable when wc_sweep_usable: data in doubles with every
 * |X_ij|, j in T, below 2^25 (k = 2), 2^15 (k = 3) or 2^11 (k = 4) -- an
 * exact angular order -- and a double dual. */
typedef struct {
    slong k, T[4], S[3];    /* the table's atoms; k = 0: none */
    double * P, * err;      /* 2 (n + 1) entries each */
    double * l1;            /* ||w'||_1 of the atom through s, in doubles; 0 if w' = 0 */
    void * item;            /* scratch: the points in angular order */
} wc_sweep_struct;
typedef wc_sweep_struct wc_sweep_t[1];

void wc_sweep_init(wc_sweep_t W, slong n);
void wc_sweep_clear(wc_sweep_t W);
int wc_sweep_usable(const wc_enum_t E, const wc_dual_t y, slong k, const slong * T);
void wc_sweep_pivot(wc_sweep_t W, const wc_enum_t E, const wc_dual_t y, slong k,
                    const slong * T, const slong * S);

/* Prices the origins g_lo <= g < g_hi into top: a pure function of the
 * data, the dual and the range. */
void wc_price_range(wc_top_t top, const wc_enum_t E, const wc_dual_t y,
                     ulong g_lo, ulong g_hi);

/* Adds part's candidates to top (the union's top K, as if priced in one). */
void wc_top_merge(wc_top_t top, const wc_top_t part, const wc_dual_t y);

/* Appends a copy of a candidate to part as it is (a part read back). */
void wc_top_push(wc_top_t part, const wc_cand_struct * c);

/*
 * Pricing across processes (spread.c; set by wedgecert-mpi, NULL for one
 * process): process rank of size prices its share of every range, and
 * allgather returns (malloc'ed, *total bytes) the texts of all processes
 * in rank order, given this one's.  seconds[0] accumulates this process's
 * pricing time.
 */
typedef struct {
    int rank, size;
    char * (*allgather)(size_t * total, const char * mine, size_t len, void * ctx);
    void * ctx;
    double * seconds;
} wc_price_comm_struct;

void wc_price_set_comm(const wc_price_comm_struct * comm);

/* Prices the origins g_lo <= g < g_hi into top on threads (0: OpenMP's
 * default) and processes (wc_price_set_comm); the result does not depend
 * on the number of either. */
void wc_price_all(wc_top_t top, const wc_enum_t E, const wc_dual_t y,
                   ulong g_lo, ulong g_hi, int threads,
                   wc_progress_fn progress, void * ctx);

/* ---------------------------------------- dictionary.c and price.c */

/* Appends the atom of key (2 g + (sign < 0), g the rank of its origin) to
 * V, unless its samples are dependent (w' = 0). */
void wc_dict_join(wc_dict_t V, const wc_enum_t E, ulong key);

/* Appends to V the atom of the whole dictionary (bias, kind) with the
 * largest |k_u^T v| > 0 (the smallest key on ties), streamed.  RETURNS its
 * index in V, with |k_u^T v| in value, or -1 if k_u^T v = 0 for all u. */
slong wc_dict_join_most_violated(wc_dict_t V, fmpq_t value, const wc_data_t D, int bias,
                                 int kind, const fmpq * v, int threads);

/* ---------------------------------------------------------- cells.c */

/*
 * The face points of proofs/DERIVATIONS.md section 12.  For integer data X
 * (n x d, row-major, d <= 3) and integer weights V (n): with bias, for
 * every anchor a, u_j = x_j - x_a (the neuron's kink through x_a); without,
 * one pass (anchor -1) with u_j = x_j.  For every face of the arrangement
 * {u_j^T w = 0} the points q = +-proj(c_F) (and every ray) are visited with
 * fq = sum_j V_j (u_j^T q)_+ (q in Z^3, zero beyond d).  max |fq| / ||q||
 * over the visits is max over ||w|| <= 1 and b of |sum_j V_j (x_j^T w + b)_+|
 * when 1^T V = 0 (bias), or of the same with b = 0.  Not thread-safe per
 * call only in that fn is called serially.  RETURNS the number of visits.
 */
typedef void (*wc_cell_visit_fn)(void * ctx, slong anchor, const fmpz * q, const fmpz_t fq);
ulong wc_cells_walk(const fmpz * X, slong n, slong d, const fmpz * V, int bias,
                    wc_cell_visit_fn fn, void * ctx);

/* RETURNS an estimate of the walk's multiply-adds, for refusing work. */
double wc_cells_work(slong n, slong d, int bias);

#endif
