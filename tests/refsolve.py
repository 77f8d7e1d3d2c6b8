#!/usr/bin/env python3
"""tests/refsolve.py -- an independent second route for 'wedgecert solve'.

Shares no code with src/: reads the CSV with Python's Fraction, enumerates
the vertex dictionary of proofs/DERIVATIONS.md section 2 with its own determinants (l1-
normalised directions, duplicates removed as a set), builds the LP of
section 4 with its own scaling, and has QSopt_ex's esolver solve it
exactly.  Also solves a given LP file with esolver (--lp FILE --scale S).

Prints the exact optimal value as p/q (or p), or 'infeasible'; with
--size, the number of atoms of the dictionary instead.
Exit status 77 when esolver is not installed (callers skip loudly).
"""
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from fractions import Fraction as F
from math import lcm


def read_csv(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        toks = [t.strip() for t in line.split(",")]
        try:
            rows.append([F(t) for t in toks])
        except ValueError:
            if rows:
                raise
            continue  # header
    return [r[:-1] for r in rows], [r[-1] for r in rows]


def det(M):
    M = [r[:] for r in M]
    n, d = len(M), F(1)
    for c in range(n):
        p = next((r for r in range(c, n) if M[r][c] != 0), None)
        if p is None:
            return F(0)
        if p != c:
            M[c], M[p] = M[p], M[c]
            d = -d
        d *= M[c][c]
        for r in range(c + 1, n):
            f = M[r][c] / M[c][c]
            M[r] = [a - f * b for a, b in zip(M[r], M[c])]
    return d


def cross(rows, k):
    """Generalized cross product of k-1 vectors of length k."""
    return [(-1) ** t * det([r[:t] + r[t + 1:] for r in rows]) for t in range(k)]


def atom_direction(X, T, S, sign, bias):
    """(w, b) of the atom with origin (T, S, sign), ||w||_1 = 1 (proofs/DERIVATIONS.md section 2)."""
    d, k = len(X[0]), len(T)
    if bias:
        rows = [[X[s][t] - X[S[0]][t] for t in T] for s in S[1:]]
    else:
        rows = [[X[s][t] for t in T] for s in S]
    wT = cross(rows, k)
    w = [F(0)] * d
    for j, t in enumerate(T):
        w[t] = sign * wT[j]
    l1 = sum(abs(v) for v in w)
    w = [v / l1 for v in w]
    b = -sum(X[S[0]][t] * w[t] for t in range(d)) if bias else F(0)
    return w, b


def dictionary(X, bias, samples_only):
    n, d = len(X), len(X[0])
    atoms = set()
    for k in ([d] if samples_only else range(1, d + 1)):
        for T in itertools.combinations(range(d), k):
            for S in itertools.combinations(range(n), k if bias else k - 1):
                if bias:
                    rows = [[X[s][t] - X[S[0]][t] for t in T] for s in S[1:]]
                else:
                    rows = [[X[s][t] for t in T] for s in S]
                wT = cross(rows, k)
                if all(v == 0 for v in wT):
                    continue
                w = [F(0)] * d
                for j, t in enumerate(T):
                    w[t] = wT[j]
                b = -sum(X[S[0]][t] * w[t] for t in range(d)) if bias else F(0)
                l1 = sum(abs(v) for v in w)
                for sg in (1, -1):
                    atoms.add((tuple(sg * v / l1 for v in w), sg * b / l1))
    return sorted(atoms)


def build_lp(X, y, atoms, loss, beta, icpt):
    """Columns (coefficient list over rows, cost) of A x = rhs, x >= 0."""
    features = [[max(F(0), sum(a * c for a, c in zip(x, w)) + b) for x in X] for w, b in atoms]
    return build_lp_columns(y, features, loss, beta, icpt)


def build_lp_columns(y, features, loss, beta, icpt):
    """The same over explicit feature columns (each n values)."""
    n = len(y)
    cols = []
    for k in features:
        if loss == "hinge":
            k = [yi * ki for yi, ki in zip(y, k)]
        cost = F(1) if loss == "interp" else beta
        cols.append((k, cost))
        cols.append(([-v for v in k], cost))
    if icpt:
        one = [F(1)] * n if loss != "hinge" else list(y)
        cols.append((one, F(0)))
        cols.append(([-v for v in one], F(0)))
    for i in range(n):
        e = [F(0)] * n
        e[i] = F(1)
        if loss == "l1":
            cols.append((e, F(1)))
            cols.append(([-v for v in e], F(1)))
        elif loss == "hinge":
            cols.append((e, F(1)))
            cols.append(([-v for v in e], F(0)))
    rhs = [F(1)] * n if loss == "hinge" else list(y)
    return cols, rhs


def to_integers(cols, rhs):
    """Column substitution, then row scaling, then objective scaling."""
    scaled = []
    for k, cost in cols:
        L = lcm(*[v.denominator for v in k]) if k else 1
        scaled.append(([v * L for v in k], cost * L))
    m = len(rhs)
    A = [[c[0][i] for c in scaled] for i in range(m)]
    b = list(rhs)
    for i in range(m):
        R = lcm(b[i].denominator, *[v.denominator for v in A[i]])
        A[i] = [v * R for v in A[i]]
        b[i] *= R
    costs = [c for _, c in scaled]
    S = lcm(*[c.denominator for c in costs])
    return A, b, [c * S for c in costs], S


def write_lp(path, A, b, c):
    def terms(coefs):
        out = []
        for j, v in enumerate(coefs):
            if v != 0:
                out.append(f"{'+' if v > 0 else '-'} {abs(int(v))} x{j + 1}")
        return "\n   ".join(out) if out else "0 x1"
    with open(path, "w") as f:
        f.write("Minimize\n obj: " + terms(c) + "\nSubject To\n")
        for i, row in enumerate(A):
            f.write(f" c{i + 1}: " + terms(row) + f" = {int(b[i])}\n")
        f.write("End\n")


def esolver_value(lp_path):
    with tempfile.TemporaryDirectory() as d:
        sol = os.path.join(d, "out.sol")
        subprocess.run(["esolver", "-O", sol, "-L", lp_path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        text = open(sol).read() if os.path.exists(sol) else ""
    if "INFEASIBLE" in text:
        return "infeasible"
    m = re.search(r"Value = (-?\d+(?:/\d+)?)", text)
    if not m:
        sys.exit("refsolve: esolver gave no value")
    return F(m.group(1))


def fmt(v):
    return v if isinstance(v, str) else (f"{v.numerator}/{v.denominator}" if v.denominator != 1 else str(v.numerator))


def solve(X, y, loss, beta, bias, icpt, samples=False):
    """The optimal value of the problem by this reference route (QSopt_ex's
    exact LP), or "infeasible"; None when esolver is not installed."""
    if shutil.which("esolver") is None:
        return None
    atoms = dictionary(X, bias, samples)
    return lp_value(*build_lp(X, y, atoms, loss, beta, bias or icpt))


def lp_value(cols, rhs):
    """The exact optimum of the LP of build_lp's columns, by esolver."""
    A, b, c, S = to_integers(cols, rhs)
    with tempfile.TemporaryDirectory() as d:
        lp = os.path.join(d, "ref.lp")
        write_lp(lp, A, b, c)
        v = esolver_value(lp)
    return v if isinstance(v, str) else v / S


def main(argv):
    if shutil.which("esolver") is None:
        print("esolver (Debian package qsopt-ex) is not installed", file=sys.stderr)
        return 77
    if argv[:1] == ["--lp"]:
        v = esolver_value(argv[1])
        scale = F(argv[3]) if argv[2:3] == ["--scale"] else F(1)
        print(fmt(v if isinstance(v, str) else v / scale))
        return 0
    path, loss, beta, bias, icpt, samples, size = argv[0], "interp", F(1), False, False, False, False
    i = 1
    while i < len(argv):
        a = argv[i]
        if a == "--loss": loss = argv[i + 1]; i += 1
        elif a == "--beta": beta = F(argv[i + 1]); i += 1
        elif a == "--bias": bias = True
        elif a == "--intercept": icpt = True
        elif a == "--dict": samples = argv[i + 1] == "samples"; i += 1
        elif a == "--size": size = True
        elif a in ("--colgen", "--method"): i += 1  # how wedgecert solves: no effect on the value
        else: sys.exit(f"refsolve: unknown argument {a}")
        i += 1
    X, y = read_csv(path)
    atoms = dictionary(X, bias, samples)
    if size:
        print(len(atoms))
        return 0
    print(fmt(solve(X, y, loss, beta, bias, icpt, samples)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
