#!/usr/bin/env python3
"""bench/l2.py WC OUT -- the l2 penalty (weight decay): time to a certified
1e-9 bracket (solve --penalty l2) against a float grid solve of the same
problem in this script (2400 unit directions plus the sample wedges, biases
at every sample's projection, the LP by scipy's HiGHS; no certificate, and
its value only an upper bound of the optimum to ~1e-7).  d = 2, interp with
bias, bench/gen.py data seed 1, n = 30 and 60.  Writes OUT/l2.csv."""
import csv
import json
import math
import os
import subprocess
import sys
import time


def grid_solve(X, y, G=2400):
    import numpy as np
    from scipy.optimize import linprog
    dirs = [(math.cos(2 * math.pi * k / G), math.sin(2 * math.pi * k / G)) for k in range(G)]
    for i in range(len(X)):
        for j in range(i + 1, len(X)):
            dx, dy = X[j][0] - X[i][0], X[j][1] - X[i][1]
            h = math.hypot(dx, dy)
            dirs += [(-dy / h, dx / h), (dy / h, -dx / h)]
    Xa = np.array(X, float)
    W = np.array(dirs).T                        # 2 x G'
    T = Xa @ W                                  # n x G'
    cols = np.maximum(T[:, None, :] - T[None, :, :], 0).reshape(len(X), -1)   # biases -x_a.w
    cols = cols[:, cols.any(axis=0)]
    n, N = cols.shape
    A = np.hstack([cols, -cols, np.ones((n, 1))])
    c = np.concatenate([np.ones(2 * N), [0.0]])
    res = linprog(c, A_eq=A, b_eq=np.array(y, float),
                  bounds=[(0, None)] * (2 * N) + [(None, None)], method="highs")
    return res.fun, N


def main():
    wc, out = sys.argv[1], sys.argv[2]
    rows = []
    print("%4s %12s %12s %8s %16s %16s %14s" % ("n", "certified s", "grid s", "ratio",
                                                 "lower", "upper", "grid value"))
    for n in (30, 60):
        path = os.path.join(out, f"l2-{n}.csv")
        with open(path, "w") as f:
            subprocess.run([sys.executable, "bench/gen.py", str(n), "2", "1"], stdout=f, check=True)
        data = [list(map(int, line.split(","))) for line in open(path)]
        X, y = [r[:2] for r in data], [r[2] for r in data]
        t = time.time()
        r = subprocess.run([wc, "solve", path, "--bias", "--penalty", "l2", "--json", "--quiet"],
                           capture_output=True, text=True, check=True)
        tc = time.time() - t
        j = json.loads(r.stdout)
        t = time.time()
        g, N = grid_solve(X, y)
        tg = time.time() - t
        rows.append({"n": n, "certified_s": "%.3f" % tc, "grid_s": "%.3f" % tg,
                     "ratio": "%.2f" % (tc / tg), "lower": j["lower_bound_approx"],
                     "upper": j["upper_bound_approx"], "grid_value": g, "grid_columns": N,
                     "rounds": j["rounds"], "reached": j["tolerance_reached"]})
        print("%4d %12.2f %12.2f %8.2f %16.12g %16.12g %14.10g" % (
            n, tc, tg, tc / tg, j["lower_bound_approx"], j["upper_bound_approx"], g))
    with open(os.path.join(out, "l2.csv"), "w") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


main()
