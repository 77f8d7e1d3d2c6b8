#!/usr/bin/env python3
"""tests/test_squared.py -- the squared loss: exact Lasso path and its KKT certificate.

* the exact optimum agrees with scikit-learn's Lasso on our exported
  dictionary (after matching its objective scaling) to 1e-6 relative;
* the certificate (exact KKT, residual as dual point) passes checkcert,
  and a perturbed one fails;
* at every breakpoint of 'path' the value equals an independent solve at
  that beta, and so does the value at the midpoint of every piece of the
  path (where z is the average of the two ends); as beta -> 0 the path
  meets the interp optimum of the LP;
* degenerate data: duplicate samples, duplicate atoms, symmetric data
  whose atoms tie at breakpoints.
"""
import json
import os
import subprocess
import sys
import tempfile
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import refsolve  # noqa: E402
from harness import ok, fail, skip, result  # noqa: E402

BUILD = os.environ.get("BUILD", "build")
WC = os.path.join(BUILD, "wedgecert")
CHECK = os.path.join(BUILD, "checkcert")
TMP = tempfile.mkdtemp()


def jrun(args):
    r = subprocess.run([WC] + args + ["--json", "--quiet"], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: {r.stderr.strip()}")
    return json.loads(r.stdout)


def value_at(path, flags, beta):
    return F(jrun(["solve", path, "--loss", "squared", "--beta", str(beta)] + flags)["optimal_value"])


def objective(X, y, alphas, ws, bs, xi, beta):
    """(1/2) sum (f - y)^2 + beta sum |alpha| ||w||_1, in Fractions."""
    f = [xi + sum(a * max(F(0), sum(p * q for p, q in zip(w, x)) + b) for a, w, b in zip(alphas, ws, bs)) for x in X]
    return sum((fi - yi) ** 2 for fi, yi in zip(f, y)) / 2 + beta * sum(abs(a) * sum(abs(t) for t in w) for a, w in zip(alphas, ws))


def write(name, X, y):
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        for x, yi in zip(X, y):
            f.write(",".join(str(v) for v in list(x) + [yi]) + "\n")
    return path


DUPS = ([[1, 2], [3, -1], [1, 2], [0, 5], [3, -1]], [1, 2, 1, 3, 2])          # duplicate samples
SYM = ([[-2], [-1], [0], [1], [2]], [1, 0, 0, 0, 1])                           # ties by symmetry
CASES = [
    ("examples/ramps1d.csv", ["--bias"], F(1, 2)),
    ("examples/plane2d.csv", ["--bias"], F(1, 10)),
    ("examples/plane2d.csv", [], F(1, 100)),
    ("examples/space3d.csv", ["--bias"], F(1, 10)),
    ("examples/space3d.csv", ["--intercept"], F(3, 2)),
]


def sklearn_check(path, flags, beta):
    try:
        import numpy as np
        from sklearn.linear_model import Lasso
    except ImportError:
        return skip(f"sklearn Lasso on {path}", "python3-sklearn is not installed")
    ours = jrun(["solve", path, "--loss", "squared", "--beta", str(beta)] + flags)
    D = jrun(["dict", path] + [f for f in flags if f == "--bias"])
    X, y = refsolve.read_csv(path)
    n = len(X)
    K = np.array([a["column_approx"] for a in D["atoms"]]).T
    icpt = "--bias" in flags or "--intercept" in flags
    m = Lasso(alpha=float(beta) / n, fit_intercept=icpt, tol=1e-14, max_iter=1000000)
    m.fit(K, np.array([float(v) for v in y]))
    pred = K @ m.coef_ + (m.intercept_ if icpt else 0.0)
    theirs = 0.5 * np.sum((pred - np.array([float(v) for v in y])) ** 2) + float(beta) * np.sum(np.abs(m.coef_))
    exact = F(ours["optimal_value"])
    rel = abs(theirs - float(exact)) / max(abs(float(exact)), 1e-300)
    if rel < 1e-6 and theirs >= float(exact) * (1 - 1e-12):
        ok(f"sklearn Lasso agrees on {os.path.basename(path)} {' '.join(flags)} beta={beta}: rel. diff {rel:.2g}")
    else:
        fail(f"sklearn Lasso agrees on {path} {flags}", f"ours {exact} = {float(exact)}, sklearn {theirs}")


def cert_check(path, flags, beta):
    cert = os.path.join(TMP, "sq.cert")
    j = jrun(["solve", path, "--loss", "squared", "--beta", str(beta), "--cert", cert] + flags)
    X, y = refsolve.read_csv(path)
    net = objective(X, y, [F(nu["alpha"]) for nu in j["neurons"]], [[F(t) for t in nu["w"]] for nu in j["neurons"]],
                    [F(nu["b"]) for nu in j["neurons"]], F(j["intercept"]), beta)
    r = subprocess.run([CHECK, cert], capture_output=True, text=True)
    lines = open(cert).read().splitlines()
    k = next(i for i, l in enumerate(lines) if l.startswith("neuron "))
    fields = lines[k].split(" ")
    fields[-1] = str(F(fields[-1]) * F(101, 100))
    lines[k] = " ".join(fields)
    bad = os.path.join(TMP, "sq_bad.cert")
    open(bad, "w").write("\n".join(lines) + "\n")
    rb = subprocess.run([CHECK, bad], capture_output=True, text=True)
    if (j["verified"] and j["certified_by"] == "lasso-kkt" and net == F(j["optimal_value"])
            and r.returncode == 0 and rb.returncode == 1 and "REJECTED" in rb.stderr):
        ok(f"KKT certificate of {os.path.basename(path)} {' '.join(flags)} accepted; perturbed alpha rejected")
    else:
        fail(f"KKT certificate of {path} {flags}", r.stdout + r.stderr, rb.stderr, f"network objective {net}")


def path_check(path, flags):
    P = jrun(["path", path] + flags)
    bps = P["breakpoints"]
    X, y = refsolve.read_csv(path)
    problems = []
    for a, b in zip(bps, bps[1:]):
        ba, bb = F(a["beta"]), F(b["beta"])
        if not ba > bb:
            problems.append(f"breakpoints not decreasing: {ba}, {bb}")
        if bb > 0 and value_at(path, flags, bb) != F(b["value"]):
            problems.append(f"value at breakpoint {bb}: path {b['value']}, solve {value_at(path, flags, bb)}")
        # midpoint: z is the average of the two ends on this piece
        mid = (ba + bb) / 2
        za = {(tuple(x["coords"]), tuple(x["samples"]), x["sign"]): F(x["alpha"]) for x in a["active"]}
        zb = {(tuple(x["coords"]), tuple(x["samples"]), x["sign"]): F(x["alpha"]) for x in b["active"]}
        keys = set(za) | set(zb)
        zm = {k: (za.get(k, 0) + zb.get(k, 0)) / 2 for k in keys}
        if mid > 0:
            alphas, ws, bs = [], [], []
            for (T, S, sg), al in zm.items():
                w, bb_ = refsolve.atom_direction(X, T, S, sg, "--bias" in flags)
                alphas.append(al); ws.append(w); bs.append(bb_)
            icpt = "--bias" in flags or "--intercept" in flags
            # the optimal intercept for this z
            f0 = [sum(al * max(F(0), sum(p * q for p, q in zip(w, x)) + b0) for al, w, b0 in zip(alphas, ws, bs)) for x in X]
            xi = sum(yi - fi for yi, fi in zip(y, f0)) / len(y) if icpt else F(0)
            v = objective(X, y, alphas, ws, bs, xi, mid)
            if v != value_at(path, flags, mid):
                problems.append(f"midpoint {mid}: affine z gives {v}, solve gives {value_at(path, flags, mid)}")
    # the value as a function of beta: each piece's quadratic at its ends and middle
    for pc in P["pieces"]:
        a, b = F(pc["beta_from"]), F(pc["beta_to"])
        c0, c1, c2 = (F(t) for t in pc["value_quadratic"])
        for beta in (a, b, (a + b) / 2, (a + 3 * b) / 4):
            if beta > 0 and c2 * beta * beta + c1 * beta + c0 != value_at(path, flags, beta):
                problems.append(f"piece [{b}, {a}]: quadratic at {beta} != solve")
        if c2 > 0:
            problems.append(f"piece [{b}, {a}]: the value function is not concave")
    last = bps[-1]
    interp = jrun(["solve", path, "--loss", "interp"] + flags)
    if F(last["beta"]) != 0 or F(last["value"]) != 0:
        problems.append(f"the path ends at beta {last['beta']} with value {last['value']}")
    elif interp["status"] == "optimal" and sum(abs(F(x["alpha"])) for x in last["active"]) != F(interp["optimal_value"]):
        problems.append(f"at beta = 0: ||z||_1 = {sum(abs(F(x['alpha'])) for x in last['active'])}, "
                        f"interp optimum {interp['optimal_value']}")
    if problems:
        fail(f"path of {path} {' '.join(flags)}", *problems[:4])
    else:
        ok(f"path of {os.path.basename(path)} {' '.join(flags)}: {len(bps)} breakpoints, values and "
           f"midpoints and the value quadratics match solve, beta -> 0 meets the interp optimum")


def main():
    dups = write("dups.csv", *DUPS)
    sym = write("sym.csv", *SYM)
    cases = CASES + [(dups, ["--bias"], F(1, 5)), (sym, ["--bias"], F(1, 10)), (sym, [], F(1, 7))]
    import random
    rng = random.Random(777)
    for t in range(10):
        d = 1 + t % 3
        n = rng.randint(3, 7 if d < 3 else 5)
        X = [[F(rng.randint(-6, 6), rng.choice([1, 2, 3])) for _ in range(d)] for _ in range(n)]
        y = [F(rng.randint(-5, 5), rng.choice([1, 2])) for _ in range(n)]
        cases.append((write(f"rand{t}.csv", X, y), ["--bias"] if t % 2 == 0 else (["--intercept"] if t % 4 == 1 else []),
                      F(rng.randint(1, 20), rng.choice([10, 100]))))
    for path, flags, beta in cases:
        for check in (sklearn_check, cert_check):
            try:
                check(path, flags, beta)
            except Exception as e:
                fail(f"{check.__name__} {path} {flags}", f"{type(e).__name__}: {e}")
    for path, flags in [("examples/ramps1d.csv", ["--bias"]), ("examples/plane2d.csv", ["--bias"]),
                        ("examples/space3d.csv", ["--bias"]), (dups, ["--bias"]), (sym, ["--bias"])]:
        try:
            path_check(path, flags)
        except Exception as e:
            fail(f"path {path} {flags}", f"{type(e).__name__}: {e}")
    # predict and check-net take the squared loss too
    try:
        p = jrun(["predict", "examples/space3d.csv", "--bias", "--loss", "squared", "--beta", "1/10"])
        if p["prediction"] in ("holds", "fails") and (p["prediction"] == "holds" or
                                                      F(p["witness"]["violation"]) > F(p["witness"]["bound"])):
            ok(f"predict with the squared loss: {p['prediction']}")
        else:
            fail("predict with the squared loss", json.dumps(p)[:300])
    except Exception as e:
        fail("predict with the squared loss", str(e))
    r = subprocess.run([WC, "solve", "examples/ramps1d.csv", "--loss", "squared", "--write-lp", os.path.join(TMP, "x.lp")],
                       capture_output=True, text=True)
    if r.returncode == 2 and "QP, not an LP" in r.stderr:
        ok("--write-lp with the squared loss is a clear error")
    else:
        fail("--write-lp with the squared loss is a clear error", r.stderr)
    return result()


if __name__ == "__main__":
    sys.exit(main())
