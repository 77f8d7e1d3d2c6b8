#!/usr/bin/env python3
"""tests/test_deep.py -- deep networks in 1-D (solve --depth L).

* the published closed forms on X = (0,4,5,7,10,11), y = (0,0,0,2,3,3):
  depth 2 value 2, depth 3 value 1, depth 4 value 1 (examples/mirrors1d.csv),
  and depth 3's optimum is 2/3 ramp(5,7) + 1/3 ramp(5,10) up to ties;
* against an independent reconstruction (the reflection dictionary built
  here from its definition in Fractions, the LP solved by QSopt_ex's
  exact esolver; no code shared with src/): the optimal value on random
  1-D data, every LP loss, L = 2, 3, 4; and the dictionary's size;
* the printed deep network (JSON layers and neurons) evaluated here layer
  by layer reproduces the outputs and the value;
* checkcert accepts the certificates and rejects tamperings of the data,
  the depth, a dual value, a neuron's weight and the value;
* the squared loss: the KKT conditions over the reconstructed dictionary;
* across depths: predict --depth lists solve --depth's values and their
  exact differences; path --depth's breakpoints are direct solves' values;
* refusals: d = 2, depth 5;
* --trunk: the features computed here from the trunk's weights give the
  same optimum when solved directly (a second route); the printed deep
  network, evaluated here through all its layers, interpolates; checkcert
  accepts the certificate and rejects a changed trunk bias; check-net
  finds the network exactly optimal given its trunk, and a changed output
  weight not; predict takes the trunk; a trunk too wide for the limit and
  a file without layers are refused with the reason.
"""
import json
import os
import random
import subprocess
import sys
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refsolve  # noqa: E402
from harness import ok, fail, skip, result, WC, CHECK, TMP, write_rows  # noqa: E402


def relu(t):
    return t if t > 0 else F(0)


def g(x, L, s, a):
    """g_L(x) of the feature (signs s, anchors a), by the definition."""
    anchors_g = []                      # g_l(a_l)
    for l in range(L - 1):
        v = a[l]
        for m in range(l):
            v = relu(s[m] * (v - anchors_g[m]))
        anchors_g.append(v)
    r = x
    for l in range(L - 1):
        r = relu(s[l] * (r - anchors_g[l]))
    return r


def mirror_columns(xs, L):
    """The reflection dictionary's distinct nonzero columns."""
    n, seen, cols = len(xs), set(), []
    import itertools
    for k in ([0, 1] if L == 4 else [0]):
        for j in itertools.product(range(n), repeat=L - 1):
            a = [xs[i] for i in j]
            if k:
                a[0] = 2 * xs[j[1]] - xs[j[0]]
            for s in itertools.product([1, -1], repeat=L - 1):
                col = tuple(g(x, L, s, a) for x in xs)
                if any(col) and col not in seen:
                    seen.add(col)
                    cols.append(list(col))
    return cols


def run(args):
    return subprocess.run([WC] + args, capture_output=True, text=True)


def eval_network(j, x):
    """The JSON deep network at x, through its layers."""
    h = [F(x)]
    for layer in j["layers"]:
        h = [relu(sum(F(w) * v for w, v in zip(row, h)) + F(b)) for row, b in zip(layer["W"], layer["b"])]
    return sum(F(nu["alpha"]) * relu(sum(F(w) * v for w, v in zip(nu["w"], h)) + F(nu["b"]))
               for nu in j["neurons"]) + F(j["intercept"])


def rejects(lines, what):
    """checkcert rejects the certificate of these lines (exit status 1)."""
    p = os.path.join(TMP, "tampered.cert")
    with open(p, "w") as f:
        f.write("\n".join(lines) + "\n")
    rc, out = checkcert(p)
    if rc == 1:
        ok(f"checkcert rejects {what}: {out.split('REJECTED: ')[-1][:60]}")
    else:
        fail(f"checkcert rejects {what}", f"rc {rc}", out)


def checkcert(path):
    r = subprocess.run([CHECK, path], capture_output=True, text=True)
    return r.returncode, (r.stdout + r.stderr).strip()


def main():
    X = [0, 4, 5, 7, 10, 11]
    y = [0, 0, 0, 2, 3, 3]
    for L, want in [(2, 2), (3, 1), (4, 1)]:
        cert = os.path.join(TMP, f"m{L}.cert")
        r = run(["solve", "examples/mirrors1d.csv", "--depth", str(L), "--json", "--quiet",
                 "--cert", cert])
        if r.returncode != 0:
            fail(f"depth {L} on the published example", r.stderr)
            continue
        j = json.loads(r.stdout)
        outs = [eval_network(j, x) for x in X]
        rc, out = checkcert(cert)
        if F(j["optimal_value"]) == want and outs == [F(v) for v in y] and rc == 0:
            ok(f"depth {L}: the published value {want}; the network through its layers "
               f"interpolates; checkcert: {out.split(': ', 2)[-1][:60]}")
        else:
            fail(f"depth {L}: published value {want}", j.get("optimal_value"), str(outs), out)
        if L == 3:
            # 2/3 ramp(5,7) + 1/3 ramp(5,10) has value 1 too and interpolates
            ramp = lambda a, b, x: min(relu(x - a), F(b - a))     # noqa: E731
            f = [F(2, 3) * ramp(5, 7, x) + F(1, 3) * ramp(5, 10, x) for x in X]
            if f == [F(v) for v in y] and F(2, 3) + F(1, 3) == F(j["optimal_value"]):
                ok("depth 3: the published network 2/3 ramp(5,7) + 1/3 ramp(5,10) attains the value")
            else:
                fail("depth 3: the published network", str(f))

    # random 1-D data: the value of an independent reconstruction
    rng = random.Random(2024)
    have_esolver = refsolve.solve([[F(0)], [F(1)]], [F(0), F(1)], "interp", F(1), True, True) is not None
    for t in range(15):
        L = 2 + t % 3
        loss = ["interp", "l1", "hinge", "interp", "squared"][t // 3]
        n = rng.randint(3, 6 if L < 4 else 5)
        xs = sorted({F(rng.randint(-12, 12), rng.choice([1, 2])) for _ in range(n)})
        n = len(xs)
        ys = [rng.choice([-1, 1]) if loss == "hinge" else F(rng.randint(-3, 3), rng.choice([1, 2]))
              for _ in range(n)]
        beta = F(rng.randint(1, 4), 5)
        data = write_rows(f"deep{t}.csv", [[x, v] for x, v in zip(xs, ys)])
        flags = ["--loss", loss] + (["--beta", str(beta)] if loss != "interp" else [])
        cert = os.path.join(TMP, f"deep{t}.cert")
        r = run(["solve", data, "--depth", str(L), "--json", "--quiet", "--cert", cert] + flags)
        name = f"depth {L}, {loss}, n = {n}"
        if r.returncode != 0:
            fail(name, r.stderr)
            continue
        j = json.loads(r.stdout)
        cols = mirror_columns(xs, L)
        if j["dictionary_size"] != len(cols):
            fail(f"{name}: dictionary size", f"{j['dictionary_size']} vs {len(cols)} here")
            continue
        rc, out = checkcert(cert)
        if rc != 0:
            fail(f"{name}: checkcert", out)
            continue
        if j["status"] == "optimal":
            # the network through its layers: its objective is the value
            outs = [eval_network(j, x) for x in xs]
            pen = sum(abs(F(nu["alpha"])) for nu in j["neurons"])
            if loss == "interp":
                obj = pen if outs == [F(v) for v in ys] else None
            elif loss == "l1":
                obj = sum(abs(f - v) for f, v in zip(outs, ys)) + beta * pen
            elif loss == "squared":
                obj = sum((f - v) ** 2 for f, v in zip(outs, ys)) / 2 + beta * pen
            else:
                obj = sum(relu(1 - v * f) for f, v in zip(outs, ys)) + beta * pen
            if obj != F(j["optimal_value"]):
                fail(f"{name}: the network through its layers has objective {obj}",
                     j["optimal_value"])
                continue
        if loss == "squared":
            # the Lasso's KKT conditions, checked here over the reconstructed
            # dictionary: r = y - f, 1^T r = 0, |k^T r| <= beta, and
            # k_m^T r = beta sign(alpha_m) for each chain's own column
            r = [F(v) - eval_network(j, x) for x, v in zip(xs, ys)]
            chains = [dict(j, neurons=[nu], intercept="0") for nu in j["neurons"]]
            active = [[eval_network(c, x) / F(c["neurons"][0]["alpha"]) for x in xs] for c in chains]
            kkt = (sum(r) == 0 and all(abs(sum(a * b for a, b in zip(c, r))) <= beta for c in cols)
                   and all(sum(a * b for a, b in zip(c, r)) == beta * (1 if F(nu["alpha"]) > 0 else -1)
                           for c, nu in zip(active, j["neurons"])))
            if kkt:
                ok(f"{name}: the KKT conditions hold over all {len(cols)} features reconstructed here")
            else:
                fail(f"{name}: KKT over the reconstructed dictionary", str(r))
            continue
        if not have_esolver:
            skip(f"{name}: the independent value", "esolver (qsopt-ex) is not installed")
            continue
        ref = refsolve.lp_value(*refsolve.build_lp_columns(ys, cols, loss, beta, True))
        mine = "infeasible" if j["status"] == "infeasible" else F(j["optimal_value"])
        if ref == mine:
            ok(f"{name}: {len(cols)} features and the value {mine} as reconstructed here; checkcert accepts")
        else:
            fail(f"{name}: value", f"wedgecert {mine}, reconstruction {ref}")

    # tampering
    base = open(os.path.join(TMP, "m3.cert")).read()
    lines = base.splitlines()
    tampers = []
    for i, l in enumerate(lines):
        if l.startswith("x 7 "):
            tampers.append(("a sample", i, l.replace("x 7 ", "x 15/2 ", 1)))
        if l.startswith("problem"):
            tampers.append(("the depth", i, l.replace("mirrors-3", "mirrors-2")))
        if l.startswith("dual"):
            v = l.split()
            v[2] = str(F(v[2]) + F(1, 1000))
            tampers.append(("a dual value", i, " ".join(v)))
        if l.startswith("neuron ") and not any(t[0] == "a neuron's weight" for t in tampers):
            v = l.split()
            v[4] = str(F(v[4]) + F(1, 7))
            tampers.append(("a neuron's weight", i, " ".join(v)))
        if l.startswith("value"):
            tampers.append(("the value", i, "value 1/2"))
    for what, i, new in tampers:
        bad = list(lines)
        bad[i] = new
        rejects(bad, f"a depth-3 certificate with {what} changed")

    # refusals
    two = write_rows("two.csv", [[0, 1, 0], [1, 0, 1]])
    for args, why in [(["solve", two, "--depth", "3"], "1-D data"),
                      (["solve", "examples/mirrors1d.csv", "--depth", "5"], "2, 3 or 4")]:
        r = run(args)
        if r.returncode in (1, 2) and why in r.stderr:
            ok(f"refused: {' '.join(args[2:])}: {r.stderr.strip()[:70]}")
        else:
            fail(f"refused: {' '.join(args[2:])}", r.stderr)
    test_across_depths()
    test_trunk()
    return result()


def test_across_depths():
    """predict --depth: the values of solve --depth 2..4 side by side; path
    --depth: each breakpoint's value is a direct squared-loss solve's; eval
    and check-net read solve --depth's JSON as a deep network."""
    net = os.path.join(TMP, "d4.json")
    with open(net, "w") as f:
        f.write(run(["solve", "examples/mirrors1d.csv", "--depth", "4", "--json", "--quiet"]).stdout)
    pts = write_rows("d4pts.csv", [[x] for x in [0, 4, 5, 7, 10, 11]])
    r = run(["eval", net, pts, "--json"])
    c = run(["check-net", "examples/mirrors1d.csv", net, "--bias", "--json", "--quiet"])
    if (r.returncode == 0 and json.loads(r.stdout)["values"] == ["0", "0", "0", "2", "3", "3"]
            and c.returncode == 0 and len(json.loads(c.stdout)["hidden_layers"]) == 2):
        ok("solve --depth 4's JSON is a deep network: eval reproduces the labels, check-net "
           "reports its two hidden layers")
    else:
        fail("solve --depth JSON read back", r.stderr + c.stderr, r.stdout[:200])
    r = run(["predict", "examples/mirrors1d.csv", "--depth", "4", "--json", "--quiet"])
    want = [json.loads(run(["solve", "examples/mirrors1d.csv", "--depth", str(L), "--json",
                            "--quiet"]).stdout)["optimal_value"] for L in (2, 3, 4)]
    if r.returncode == 0:
        j = json.loads(r.stdout)
        vals = [e["value"] for e in j["depths"]]
        gains = [e.get("gain_over_previous") for e in j["depths"]]
        if vals == want and gains[1:] == [str(F(want[0]) - F(want[1])), str(F(want[1]) - F(want[2]))]:
            ok(f"predict --depth 4: values {vals} (those of solve --depth) and exact gains {gains[1:]}")
        else:
            fail("predict --depth 4", str(vals), str(want), str(gains))
    else:
        fail("predict --depth 4", r.stderr)
    r = run(["path", "examples/mirrors1d.csv", "--depth", "3", "--json", "--quiet"])
    if r.returncode != 0:
        fail("path --depth 3", r.stderr)
        return
    bps = json.loads(r.stdout)["breakpoints"]
    good = [b["beta"] for b in bps] == sorted((b["beta"] for b in bps), key=F, reverse=True)
    for b in bps[1:-1]:
        s = run(["solve", "examples/mirrors1d.csv", "--depth", "3", "--loss", "squared",
                 "--beta", b["beta"], "--json", "--quiet"])
        good = good and s.returncode == 0 and json.loads(s.stdout)["optimal_value"] == b["value"]
    if good and F(bps[-1]["beta"]) == 0:
        ok(f"path --depth 3: {len(bps)} breakpoints down to beta = 0, each value that of a "
           "direct solve --loss squared at its beta")
    else:
        fail("path --depth 3", r.stdout[:300])


def test_trunk():
    rng = random.Random(99)
    for t in range(4):
        d, width = 1 + t % 2, 2 + t % 2
        n = 6
        X = [[F(rng.randint(-6, 6), rng.choice([1, 2])) for _ in range(d)] for _ in range(n)]
        y = [F(rng.randint(-3, 3)) for _ in range(n)]
        W1 = [[F(rng.randint(-3, 3), rng.choice([1, 2])) for _ in range(d)] for _ in range(width + 1)]
        b1 = [F(rng.randint(-2, 2)) for _ in range(width + 1)]
        W2 = [[F(rng.randint(-2, 2)) for _ in range(width + 1)] for _ in range(width)]
        b2 = [F(rng.randint(0, 3)) for _ in range(width)]
        trunk = {"layers": [{"W": [[str(v) for v in r] for r in W1], "b": [str(v) for v in b1]},
                            {"W": [[str(v) for v in r] for r in W2], "b": [str(v) for v in b2]}]}
        tp = os.path.join(TMP, f"trunk{t}.json")
        with open(tp, "w") as f:
            json.dump(trunk, f)
        H = []
        for x in X:
            h = [relu(sum(a * c for a, c in zip(r, x)) + b) for r, b in zip(W1, b1)]
            H.append([relu(sum(a * c for a, c in zip(r, h)) + b) for r, b in zip(W2, b2)])
        data = write_rows(f"tdata{t}.csv", [x + [v] for x, v in zip(X, y)])
        feats = write_rows(f"tfeat{t}.csv", [h + [v] for h, v in zip(H, y)])
        flags = ["--loss", "l1", "--beta", "1/3", "--bias"]
        cert = os.path.join(TMP, f"trunk{t}.cert")
        r1 = run(["solve", data, "--trunk", tp, "--json", "--quiet", "--cert", cert] + flags)
        r2 = run(["solve", feats, "--json", "--quiet"] + flags)
        name = f"--trunk {t} (d = {d}, width {width})"
        if r1.returncode != 0 or r2.returncode != 0:
            fail(name, r1.stderr, r2.stderr)
            continue
        j1, j2 = json.loads(r1.stdout), json.loads(r2.stdout)
        net = os.path.join(TMP, f"tnet{t}.json")
        with open(net, "w") as f:
            f.write(r1.stdout)
        outs = [eval_deep2(j1, x) for x in X]
        obj = sum(abs(f - v) for f, v in zip(outs, y)) + F(1, 3) * sum(
            abs(F(nu["alpha"])) * sum(abs(F(w)) for w in nu["w"]) for nu in j1["neurons"])
        rc, out = checkcert(cert)
        if (j1["optimal_value"] == j2["optimal_value"] and obj == F(j1["optimal_value"])
                and rc == 0 and "given the trunk" in out):
            ok(f"{name}: the value {j1['optimal_value']} equals a solve on the features computed "
               "here; the deep network through its layers has that objective; checkcert accepts")
        else:
            fail(name, f"{j1['optimal_value']} vs {j2['optimal_value']}, objective {obj}", out)
        r = run(["check-net", data, net, "--json", "--quiet"] + flags)
        rep = json.loads(r.stdout) if r.returncode == 0 else {}
        if rep.get("optimal") is True and len(rep.get("hidden_layers", [])) == 2:
            ok(f"{name}: check-net: exactly optimal given its trunk, two hidden layers reported")
        else:
            fail(f"{name}: check-net", r.stderr, r.stdout[:300])
    # tampering with the trunk: the bias of a last-layer unit that the first
    # neuron reads (w != 0) moved by 5, so that feature changes on every sample
    lines = open(os.path.join(TMP, "trunk0.cert")).read().splitlines()
    j0 = json.load(open(os.path.join(TMP, "tnet0.json")))
    unit = next(u for u, w in enumerate(j0["neurons"][0]["w"]) if F(w) != 0)
    last = max(k for k, l in enumerate(lines) if l.startswith("layer "))
    v = lines[last + 1 + unit].split()
    v[-1] = str(F(v[-1]) + 5)
    lines[last + 1 + unit] = " ".join(v)
    rejects(lines, "a changed trunk bias")
    j = json.load(open(os.path.join(TMP, "tnet0.json")))
    j["neurons"][0]["alpha"] = str(F(j["neurons"][0]["alpha"]) * 2)
    p = os.path.join(TMP, "tnet-worse.json")
    with open(p, "w") as f:
        json.dump(j, f)
    r = run(["check-net", os.path.join(TMP, "tdata0.csv"), p, "--json", "--quiet",
             "--loss", "l1", "--beta", "1/3", "--bias"])
    rep = json.loads(r.stdout) if r.returncode == 0 else {}
    if rep.get("optimal") is False and F(rep.get("gap", "0")) > 0:
        ok(f"check-net: a changed output weight leaves a positive gap {rep['gap']}")
    else:
        fail("check-net on a worse deep network", r.stderr, r.stdout[:200])
    r = run(["predict", os.path.join(TMP, "tdata1.csv"), "--trunk", os.path.join(TMP, "trunk1.json"),
             "--bias", "--loss", "l1", "--beta", "1/3", "--json", "--quiet"])
    if r.returncode == 0 and json.loads(r.stdout)["prediction"] in ("holds", "fails"):
        ok(f"predict --trunk: {json.loads(r.stdout)['prediction']}")
    else:
        fail("predict --trunk", r.stderr)
    # refusals
    empty = os.path.join(TMP, "notrunk.json")
    with open(empty, "w") as f:
        f.write('{"neurons": []}')
    for args, why in [(["--trunk", empty], "layers"),
                      (["--trunk", os.path.join(TMP, "trunk1.json"), "--max-atoms", "50"], "atoms")]:
        r = run(["solve", os.path.join(TMP, "tdata1.csv"), "--bias", "--quiet"] + args)
        if r.returncode == 1 and why in r.stderr:
            ok(f"solve {' '.join(a if '/' not in a else os.path.basename(a) for a in args)} refused: "
               f"{r.stderr.strip()[:90]}")
        else:
            fail(f"solve {args} refused", f"rc {r.returncode}", r.stderr)


def eval_deep2(j, x):
    """A deep network of the JSON (layers on a d-vector), through its layers."""
    h = [F(v) for v in x]
    for layer in j["layers"]:
        h = [relu(sum(F(w) * v for w, v in zip(row, h)) + F(b)) for row, b in zip(layer["W"], layer["b"])]
    return sum(F(nu["alpha"]) * relu(sum(F(w) * v for w, v in zip(nu["w"], h)) + F(nu["b"]))
               for nu in j["neurons"]) + F(j["intercept"])


if __name__ == "__main__":
    sys.exit(main())
