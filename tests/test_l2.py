#!/usr/bin/env python3
"""tests/test_l2.py -- the l2 penalty (standard weight decay): solve --penalty l2.

* 1-D with bias: ||w||_2 = ||w||_1, so the l2 optimum is the exact l1
  optimum; the bracket contains it (every LP loss and squared);
* against an independent float reference (no code shared with src/): a
  fine angular grid of unit directions plus the sample wedges, biases at
  every sample's projection, the LP solved by scipy's HiGHS: the upper
  bound is no worse than the grid's value and the lower bound within 1e-5
  of it, on random 2-D data (interp and l1 loss, with and without bias);
  3-D small n with a spherical grid (within 1e-3: a coarser grid);
* the printed network, evaluated here in Fractions, interpolates exactly;
  its cost sum |alpha| ||w|| (a float here) is the upper bound to 1e-12;
* the bracket has relative width <= --tolerance, lower <= upper;
* checkcert accepts the certificates (every loss) and rejects tamperings:
  a dual entry moved so that one face point is violated by about 1e-12,
  an upper bound a hair below the network's cost, a lower bound above the
  dual objective, a changed unit weight;
* predict --penalty l2: the sample-wedge bracket agrees with HiGHS on that
  dictionary to 1e-6; "fails" exactly when its lower bound exceeds the true
  upper bound, with gap_lower_bound their difference and a witness face
  point violated (ratio > 1); wherever the grid reference shows the wedges
  missing by more than 1e-4 the verdict is "fails"; in 1-D it holds;
* check-net --penalty l2: the solve's network is within the tolerance of
  the optimum (gap bracket [0, width]); with an output weight changed by
  1% the gap's lower bound is positive and the network's objective,
  recomputed here, lies in the printed enclosure;
* refusals: d = 4, a non-positive tolerance, --penalty l2 with --depth.
"""
import json
import math
import os
import random
import subprocess
import sys
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ok, fail, skip, run_parts, WC, CHECK, TMP, write_rows  # noqa: E402


def run_l2(cmd, path, *flags):
    """the JSON of 'wedgecert CMD PATH --penalty l2 FLAGS'"""
    r = subprocess.run([WC, cmd, path, "--penalty", "l2", "--json", "--quiet", *flags],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{cmd} {flags}: {r.stderr.strip()}")
    return json.loads(r.stdout)


def solve(path, *flags):
    return run_l2("solve", path, *flags)


def have_scipy(what):
    try:
        import scipy  # noqa: F401
        return True
    except ImportError:
        skip(what, "python3-scipy is not installed")
        return False


def circle(G):
    """G unit directions evenly around the circle"""
    return [(math.cos(2 * math.pi * k / G), math.sin(2 * math.pi * k / G)) for k in range(G)]


def relu(t):
    return t if t > 0 else 0


def part_one_d():
    random.seed(11)
    for loss, beta in (("interp", None), ("l1", "1/5"), ("hinge", "1/4"), ("squared", "1/3")):
        xs = random.sample(range(-9, 10), 7)
        ys = [random.choice([-1, 1]) if loss == "hinge" else random.randint(-4, 4) for _ in xs]
        path = write_rows(f"one-d-{loss}.csv", [(x, y) for x, y in zip(xs, ys)])
        flags = ["--bias", "--loss", loss] + (["--beta", beta] if beta else [])
        r = subprocess.run([WC, "solve", path, "--json", "--quiet", *flags],
                           capture_output=True, text=True)
        opt = F(json.loads(r.stdout)["optimal_value"])
        j = solve(path, *flags)
        lo, hi = F(j["lower_bound"]), F(j["upper_bound"])
        if lo <= opt <= hi and j["tolerance_reached"]:
            ok(f"1-D {loss}: the l2 bracket [{float(lo):.12g}, {float(hi):.12g}] holds the l1 optimum {opt}")
        else:
            fail(f"1-D {loss}: bracket holds the l1 optimum", f"{lo} {opt} {hi}")


def grid_value(X, y, bias, loss, beta, dirs, icpt=None, cols=None):
    """The LP over the grid's unit directions (biases at sample projections),
    or over the given columns, by HiGHS."""
    import numpy as np
    from scipy.optimize import linprog
    n = len(X)
    cols = list(cols or [])
    for w in dirs:
        t = [sum(a * b for a, b in zip(x, w)) for x in X]
        for b in ([-ti for ti in t] if bias else [0.0]):
            c = [relu(ti + b) for ti in t]
            if any(c):
                cols.append(c)
    K = np.array(cols).T
    N = K.shape[1]
    nb = 1 if (bias if icpt is None else icpt) else 0
    if loss == "interp":
        A = np.hstack([K, -K, np.ones((n, nb))])
        c = np.concatenate([np.ones(2 * N), np.zeros(nb)])
        bounds = [(0, None)] * (2 * N) + [(None, None)] * nb
    else:   # l1: K a + xi - e+ + e- = y
        A = np.hstack([K, -K, np.ones((n, nb)), -np.eye(n), np.eye(n)])
        c = np.concatenate([beta * np.ones(2 * N), np.zeros(nb), np.ones(2 * n)])
        bounds = [(0, None)] * (2 * N) + [(None, None)] * nb + [(0, None)] * (2 * n)
    res = linprog(c, A_eq=A, b_eq=np.array(y, float), bounds=bounds, method="highs")
    return res.fun if res.status == 0 else None


def wedge_dirs(X):
    """unit normals of the lines through two samples (the sample wedges)"""
    out = []
    for i in range(len(X)):
        for j in range(i + 1, len(X)):
            dx, dy = X[j][0] - X[i][0], X[j][1] - X[i][1]
            if dx or dy:
                nrm = math.hypot(dx, dy)
                out += [(-dy / nrm, dx / nrm), (dy / nrm, -dx / nrm)]
    return out


def wedge_columns(X):
    """the sample-wedge dictionary with biases: the kink on the line through
    two samples, unit normal, both sides"""
    out = []
    for i in range(len(X)):
        for j in range(i + 1, len(X)):
            dx, dy = X[j][0] - X[i][0], X[j][1] - X[i][1]
            h = math.hypot(dx, dy)
            for sg in (1, -1):
                w = (-sg * dy / h, sg * dx / h)
                b = -(X[i][0] * w[0] + X[i][1] * w[1])
                c = [relu(x[0] * w[0] + x[1] * w[1] + b) for x in X]
                if any(c):
                    out.append(c)
    return out


def check_network(j, X, y, loss):
    """the printed network interpolates exactly (interp); its float cost is the upper bound"""
    xi = F(j["intercept"])
    cost = 0.0
    f = [xi] * len(X)
    for u in j["neurons"]:
        w = [F(a) for a in u["w"]]
        b, al = F(u["b"]), F(u["alpha"])
        cost += abs(float(al)) * math.sqrt(sum(float(a) ** 2 for a in w))
        f = [fi + al * relu(sum(a * b2 for a, b2 in zip(w, x)) + b) for fi, x in zip(f, X)]
    if loss == "interp" and f != [F(v) for v in y]:
        return "the network does not interpolate"
    if loss == "interp" and abs(cost - float(F(j["upper_bound"]))) > 1e-12 * max(1, cost):
        return f"cost {cost} vs upper {float(F(j['upper_bound']))}"
    return None


def part_grid_2d():
    if not have_scipy("grid reference"):
        return
    random.seed(5)
    grid = circle(6000)
    for trial, (bias, loss) in enumerate([(1, "interp"), (1, "l1"), (0, "interp"), (1, "interp")]):
        n = 6 + trial
        X = [(random.randint(-6, 6), random.randint(-6, 6)) for _ in range(n)]
        y = [random.randint(-5, 5) for _ in range(n)]
        path = write_rows(f"grid2d-{trial}.csv", [(*x, v) for x, v in zip(X, y)])
        flags = (["--bias"] if bias else ["--intercept"]) + (["--loss", "l1", "--beta", "1/10"] if loss == "l1" else [])
        j = solve(path, *flags)
        lo, hi = float(F(j["lower_bound"])), float(F(j["upper_bound"]))
        g = grid_value(X, y, bias, loss, 0.1, grid + wedge_dirs(X), icpt=1)
        bad = check_network(j, X, y, loss)
        width_ok = F(j["upper_bound"]) - F(j["lower_bound"]) <= F(j["tolerance"]) * F(j["upper_bound"])
        if g is not None and hi <= g * (1 + 1e-9) and lo >= g * (1 - 1e-5) and not bad and width_ok:
            ok(f"2-D {loss} bias={bias} n={n}: bracket [{lo:.10g}, {hi:.10g}] vs grid {g:.10g}")
        else:
            fail(f"2-D {loss} bias={bias} n={n} against the grid", f"{lo} {hi} grid {g}; {bad}; width {width_ok}")


def part_grid_3d():
    if not have_scipy("3-D grid reference"):
        return
    random.seed(8)
    G = 4000            # a Fibonacci sphere
    ga = math.pi * (3 - math.sqrt(5))
    grid = []
    for k in range(G):
        z = 1 - 2 * (k + 0.5) / G
        r = math.sqrt(1 - z * z)
        grid.append((r * math.cos(ga * k), r * math.sin(ga * k), z))
    n = 5
    X = [(random.randint(-4, 4), random.randint(-4, 4), random.randint(-4, 4)) for _ in range(n)]
    y = [random.randint(-3, 3) for _ in range(n)]
    path = write_rows("grid3d.csv", [(*x, v) for x, v in zip(X, y)])
    j = solve(path, "--bias")
    lo, hi = float(F(j["lower_bound"])), float(F(j["upper_bound"]))
    g = grid_value(X, y, 1, "interp", 1, grid)
    if g is not None and hi <= g * (1 + 1e-9) and lo >= g * (1 - 1e-3) and not check_network(j, X, y, "interp"):
        ok(f"3-D interp n={n}: bracket [{lo:.10g}, {hi:.10g}] vs spherical grid {g:.10g}")
    else:
        fail("3-D against the spherical grid", f"{lo} {hi} grid {g}")


def cert_lines(path):
    return open(path).read().split("\n")


def checked(lines, name):
    p = os.path.join(TMP, name)
    with open(p, "w") as f:
        f.write("\n".join(lines))
    return subprocess.run([CHECK, p], capture_output=True, text=True)


def part_certificates():
    for ex, flags in (("plane2d", ["--bias"]), ("plane2d", ["--bias", "--loss", "l1", "--beta", "1/10"]),
                      ("plane2d", ["--bias", "--loss", "squared", "--beta", "1/3"]),
                      ("xor_hinge", ["--loss", "hinge", "--beta", "1/10"]), ("space3d", ["--bias"])):
        cert = os.path.join(TMP, f"{ex}.cert")
        r = subprocess.run([WC, "solve", f"examples/{ex}.csv", "--penalty", "l2", "--quiet",
                            "--cert", cert, *flags], capture_output=True, text=True)
        c = subprocess.run([CHECK, cert], capture_output=True, text=True)
        if r.returncode == 0 and c.returncode == 0 and "ACCEPTED" in c.stdout:
            ok(f"checkcert accepts the l2 certificate of {ex} {' '.join(flags)}")
        else:
            fail(f"checkcert accepts {ex} {flags}", r.stderr + c.stdout + c.stderr)
    lines = cert_lines(os.path.join(TMP, "plane2d.cert"))
    at = {l.split(" ")[0]: k for k, l in enumerate(lines) if l}

    def tamper(what, edit):
        t = list(lines)
        edit(t)
        c = checked(t, "tampered.cert")
        if c.returncode == 1:
            ok(f"checkcert rejects {what}: {c.stdout.strip() or c.stderr.strip()}"[:160])
        else:
            fail(f"checkcert rejects {what}", c.stdout + c.stderr)

    def bump_dual(t):
        # scale v by (1 + 1e-12): the face point that binds is violated by that much
        v = [F(s) for s in t[at["dual"]].split(" ")[1:]]
        t[at["dual"]] = "dual " + " ".join(str(x * (1 + F(1, 10 ** 12))) for x in v)

    def upper_down(t):
        u = F(t[at["upper"]].split(" ")[1])
        t[at["upper"]] = "upper " + str(u * (1 - F(1, 10 ** 30)) - F(1, 10 ** 40))

    def lower_up(t):
        u = F(t[at["lower"]].split(" ")[1])
        t[at["lower"]] = "lower " + str(u + F(1, 10 ** 40))

    def unit_weight(t):
        f = t[at["unit"]].split(" ")
        f[1] = str(F(f[1]) + 1)
        t[at["unit"]] = " ".join(f)

    tamper("a dual point scaled up by 1e-12 (one face point violated)", bump_dual)
    tamper("an upper bound below the network's cost (rounded the wrong way)", upper_down)
    tamper("a lower bound above the dual objective", lower_up)
    tamper("a changed unit weight (the labels no longer met)", unit_weight)


def predict(path, *flags):
    return run_l2("predict", path, *flags)


def part_predict():
    if not have_scipy("predict --penalty l2 against HiGHS"):
        return
    random.seed(21)
    grid = circle(6000)
    decided = 0
    for trial in range(4):
        n = 6 + trial
        X = [(random.randint(-6, 6), random.randint(-6, 6)) for _ in range(n)]
        y = [random.randint(-5, 5) for _ in range(n)]
        if len(set(X)) < n:
            continue
        path = write_rows(f"predict-{trial}.csv", [(*x, v) for x, v in zip(X, y)])
        j = predict(path, "--bias")
        sl, su = float(F(j["samples_lower_bound"])), float(F(j["samples_upper_bound"]))
        hs = grid_value(X, y, 1, "interp", 1, [], cols=wedge_columns(X))   # the wedges alone
        hg = grid_value(X, y, 1, "interp", 1, grid + wedge_dirs(X))    # the reference
        gap_ok = (j["prediction"] == "fails") == (F(j["samples_lower_bound"]) > F(j["upper_bound"]))
        if j["prediction"] == "fails":
            gap_ok = gap_ok and F(j["gap_lower_bound"]) == F(j["samples_lower_bound"]) - F(j["upper_bound"]) \
                and F(j["witness"]["ratio_squared"]) > 1
        if hs - hg > 1e-4 * hg:     # the reference sees the wedges miss: so must we
            gap_ok = gap_ok and j["prediction"] == "fails"
            decided += 1
        if abs(sl - hs) <= 1e-6 * hs and abs(su - hs) <= 1e-6 * hs and gap_ok:
            ok(f"predict n={n}: {j['prediction']}, sample wedges [{sl:.10g}, {su:.10g}] = HiGHS {hs:.10g}, grid {hg:.10g}")
        else:
            fail(f"predict n={n} against HiGHS", json.dumps(j)[:300], f"wedges HiGHS {hs} grid {hg}")
    if decided:
        ok(f"predict --penalty l2 says fails on all {decided} instances where the grid shows the wedges missing by > 1e-4")
    else:
        fail("predict: some instance where the wedges miss", "none of the trials")
    j = predict("examples/ramps1d.csv", "--bias")
    if j["prediction"] == "holds_within_tolerance" and F(j["witness"]["ratio_squared"]) <= 1:
        ok("predict --penalty l2 in 1-D: holds within the tolerance (the wedges are every direction)")
    else:
        fail("predict in 1-D holds", json.dumps(j)[:300])


def part_check_net():
    """check-net --penalty l2: the solve's own network is within the bracket's
    width of the optimum; one with an output weight changed by 1% (l1 loss:
    still a feasible network) is above it by a gap that the bracket holds,
    its objective recomputed here (Fractions, float square roots)"""
    flags = ["--bias", "--loss", "l1", "--beta", "1/10"]
    j = solve("examples/plane2d.csv", *flags)
    net = {"neurons": [{"w": u["w"], "b": u["b"], "alpha": u["alpha"]} for u in j["neurons"]],
           "intercept": j["intercept"]}
    path = os.path.join(TMP, "l2net.json")
    rows = [l.split(",") for l in open("examples/plane2d.csv") if l[0].isdigit() or l[0] == "-"]
    X = [(F(r[0]), F(r[1])) for r in rows]
    y = [F(r[2]) for r in rows]
    for scale in (F(1), F(101, 100)):
        net["neurons"][0]["alpha"] = str(F(j["neurons"][0]["alpha"]) * scale)
        json.dump(net, open(path, "w"))
        r = subprocess.run([WC, "check-net", "examples/plane2d.csv", path, "--penalty", "l2",
                            "--json", "--quiet", *flags], capture_output=True, text=True)
        c = json.loads(r.stdout)
        value = sum(abs(float(F(u["alpha"]))) * math.hypot(*[float(F(a)) for a in u["w"]])
                    for u in net["neurons"]) * 0.1
        value += float(sum(abs(F(net["intercept"]) + sum(F(u["alpha"]) * relu(F(u["w"][0]) * x[0] + F(u["w"][1]) * x[1] + F(u["b"]))
                                                         for u in net["neurons"]) - yi) for x, yi in zip(X, y)))
        glo, ghi = F(c["gap_lower"]), F(c["gap_upper"])
        inside = float(F(c["network_objective_lower"])) <= value * (1 + 1e-12) and value <= float(F(c["network_objective_upper"])) * (1 + 1e-12)
        want = glo == 0 and ghi <= F(1, 10 ** 9) * F(j["upper_bound"]) if scale == 1 else glo > 0
        if r.returncode == 0 and inside and want and glo <= ghi:
            ok(f"check-net --penalty l2, alpha x {scale}: objective ~{value:.12g}, gap in [{float(glo):.3g}, {float(ghi):.3g}]")
        else:
            fail(f"check-net --penalty l2 alpha x {scale}", r.stdout + r.stderr, f"value {value}")


def part_refusals():
    p4 = write_rows("d4.csv", [(1, 2, 3, 4, 1), (0, 1, 0, 1, 2), (2, 0, 1, 1, 0)])
    for flags, want in ((["examples/plane2d.csv", "--penalty", "l2", "--tolerance", "0"], "--tolerance"),
                        ([p4, "--penalty", "l2", "--bias"], "d = 1, 2, 3"),
                        (["examples/ramps1d.csv", "--penalty", "l2", "--depth", "3"], "--depth")):
        r = subprocess.run([WC, "solve", *flags], capture_output=True, text=True)
        if r.returncode != 0 and want in r.stderr and not r.stdout:
            ok(f"refused: {r.stderr.strip()}"[:150])
        else:
            fail(f"refuses {flags}", r.stdout + r.stderr)


sys.exit(run_parts(part_one_d, part_grid_2d, part_grid_3d, part_certificates, part_predict,
                    part_check_net, part_refusals))
