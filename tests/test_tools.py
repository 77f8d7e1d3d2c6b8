#!/usr/bin/env python3
"""tests/test_tools.py -- dict, check-net, oracle and the Python module.

* a numerical solver on our exported dictionary: scipy's linprog (HiGHS)
  solves the l1-loss LP on the exported binary64 columns, check-net finds
  a relative gap in [0, 1e-6); scaling one alpha by 1.01 makes the gap
  positive and the network not optimal;
* the exported dictionary equals an independent enumeration (refsolve);
* check-net reads decimals exactly, hex floats exactly, and --binary64
  rounds to the nearest double (checked against Python's own float);
* oracle output is byte-identical across runs, its certificates pass
  checkcert, and 20 cases agree with QSopt_ex through refsolve;
* python/wedgecert.py returns Fractions that match;
* bad NET files get FILE:LINE:COL errors.
"""
import filecmp
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "python"))
import refsolve  # noqa: E402
from harness import ok, fail, skip, result  # noqa: E402

BUILD = os.environ.get("BUILD", "build")
WC = os.path.abspath(os.path.join(BUILD, "wedgecert"))
CHECK = os.path.join(BUILD, "checkcert")
os.environ["WEDGECERT"] = WC
import wedgecert  # noqa: E402

TMP = tempfile.mkdtemp()


def run(args):
    return subprocess.run([WC] + args, capture_output=True, text=True)


def jrun(args):
    r = run(args + ["--json", "--quiet"])
    if r.returncode != 0:
        raise RuntimeError(f"{args}: {r.stderr}")
    return json.loads(r.stdout)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


def scipy_check():
    try:
        import numpy as np
        from scipy.optimize import linprog
    except ImportError:
        skip("scipy linprog on the exported dictionary", "python3-scipy is not installed")
        return
    rng = random.Random(11)
    n, d, beta = 8, 2, F(1, 10)
    X = [[F(rng.randint(-8, 8), rng.choice([1, 2])) for _ in range(d)] for _ in range(n)]
    y = [F(rng.randint(-4, 4), rng.choice([1, 3])) for _ in range(n)]
    data = write(os.path.join(TMP, "scipy.csv"), "".join(",".join(map(str, x + [yi])) + "\n" for x, yi in zip(X, y)))
    D = jrun(["dict", data, "--bias"])
    atoms = D["atoms"]
    K = np.array([a["column_approx"] for a in atoms]).T          # n x |V|
    m = K.shape[1]
    ones, I = np.ones((n, 1)), np.eye(n)
    A = np.hstack([K, -K, ones, -ones, I, -I])
    c = np.concatenate([np.full(2 * m, float(beta)), [0, 0], np.ones(2 * n)])
    bounds = [(0, None)] * (2 * m) + [(0, None)] * 2 + [(0, None)] * (2 * n)
    res = linprog(c, A_eq=A, b_eq=np.array([float(v) for v in y]), bounds=bounds, method="highs")
    z = res.x[:m] - res.x[m:2 * m]
    xi = res.x[2 * m] - res.x[2 * m + 1]
    neurons = [{"w": [F(t) for t in atoms[u]["w"]], "b": F(atoms[u]["b"]), "alpha": float(z[u])}
               for u in range(m) if abs(z[u]) > 1e-12]

    def net_json(ns):
        return json.dumps({"neurons": [{"w": [str(t) for t in nu["w"]], "b": str(nu["b"]),
                                        "alpha": nu["alpha"]} for nu in ns], "intercept": xi})

    net = write(os.path.join(TMP, "scipy_net.json"), net_json(neurons))
    rep = jrun(["check-net", data, net, "--bias", "--loss", "l1", "--beta", "1/10"])
    rel = F(rep["relative_gap"])
    if res.status == 0 and 0 <= rel < F(1, 10 ** 6) and not (rep["optimal"] and rel > 0):
        ok(f"scipy linprog (HiGHS) on the exported dictionary: relative gap {float(rel):.3g} in [0, 1e-6)")
    else:
        fail("scipy linprog on the exported dictionary", json.dumps(rep)[:400])
    big = max(range(len(neurons)), key=lambda j: abs(neurons[j]["alpha"]))
    neurons[big]["alpha"] *= 1.01
    net = write(os.path.join(TMP, "scipy_net2.json"), net_json(neurons))
    rep2 = jrun(["check-net", data, net, "--bias", "--loss", "l1", "--beta", "1/10"])
    if F(rep2["gap"]) > 0 and F(rep2["relative_gap"]) > rel and rep2["optimal"] is False:
        ok(f"one alpha scaled by 1.01: gap {rep2['gap_approx']:.3g} > 0, reported not optimal")
    else:
        fail("one alpha scaled by 1.01 is reported not optimal", json.dumps(rep2)[:400])


def dict_check():
    for data, flags in [("examples/plane2d.csv", ["--bias"]), ("examples/space3d.csv", []),
                        ("examples/space3d.csv", ["--bias", "--dict", "samples"])]:
        D = jrun(["dict", data] + flags)
        X, _ = refsolve.read_csv(data)
        ref = refsolve.dictionary(X, "--bias" in flags, "samples" in flags)
        ours = sorted((tuple(F(t) for t in a["w"]), F(a["b"])) for a in D["atoms"])
        cols_ok = all([str(max(F(0), sum(p * q for p, q in zip(x, map(F, a["w"]))) + F(a["b"])))
                       for x in X] == a["column"] for a in D["atoms"])
        csv = run(["dict", data, "--csv"] + flags).stdout.splitlines()
        if ours == ref and cols_ok and len(csv) == len(D["atoms"]) + 1:
            ok(f"dict {data} {' '.join(flags)}: {len(ours)} atoms equal an independent enumeration")
        else:
            fail(f"dict {data} {' '.join(flags)}", f"{len(ours)} vs {len(ref)} atoms, columns ok {cols_ok}")
    r = run(["dict", "examples/plane2d.csv"])
    if r.returncode == 2 and "exactly one of --csv and --json" in r.stderr:
        ok("dict without --csv/--json is a usage error")
    else:
        fail("dict without --csv/--json is a usage error", r.stderr)


def number_check():
    # a 1-D network with one neuron; alpha written three ways
    data = write(os.path.join(TMP, "one.csv"), "0,0\n1,1\n2,2\n")
    for token, binary64, want in [("0.1", False, F(1, 10)), ("0x1.8p-1", False, F(3, 4)),
                                  ("0.1", True, F(0.1)), ("1/3", True, F(1 / 3))]:
        net = write(os.path.join(TMP, "n.csv"), f"w,b,alpha\n1,0,{token}\n")
        rep = jrun(["check-net", data, net, "--loss", "l1", "--beta", "1"] + (["--binary64"] if binary64 else []))
        # f(x) = alpha x: loss = |a-1| + |2a-2| = 3|a-1|, penalty = |a|
        if F(rep["objective"]) == 3 * abs(want - 1) + abs(want):
            ok(f"NET number {token}{' --binary64' if binary64 else ''} read as {want}")
        else:
            fail(f"NET number {token}", json.dumps(rep)[:300])


def bad_net_check():
    data = "examples/plane2d.csv"
    cases = [
        ("wide.json", '{"neurons": [{"w": [1, 2, 3], "b": 0, "alpha": 1}]}', "wide.json:1:25: error: neuron 1: more than 2 weights (d = 2)"),
        ("narrow.json", '{"neurons": [{"w": [1], "b": 0, "alpha": 1}]}', "wide", ),
        ("noalpha.json", '{"neurons": [\n  {"w": [1, 2], "b": 0}]}', "noalpha.json:2:3: error: neuron 1: expected keys \"w\" and \"alpha\" (alpha is missing)"),
        ("badnum.json", '{"neurons": [{"w": [1, "x7"], "b": 0, "alpha": 1}]}', "badnum.json:1:25: error: expected a number"),
        ("nolist.json", '{"intercept": 0}', "nolist.json:1:1: error: expected a \"neurons\" list"),
        ("short.csv", "1,2,3,4\n4,5\n", "short.csv:2:4: error: expected 4 fields (w_1..w_2, b, alpha), found 2"),
        ("noalpha.csv", "1,2,3\n", "noalpha.csv:1:6: error: expected 4 fields (w_1..w_2, b, alpha), found 3 (is alpha missing?)"),
        ("badnum.csv", "1,2,3,4\n1,2,zz,4\n", "badnum.csv:2:5: error: expected a number"),
    ]
    for name, text, want in cases:
        if want == "wide":
            want = f"{name}:1:22: error: neuron 1: expected 2 weights (d = 2), found 1"
        path = write(os.path.join(TMP, name), text)
        r = run(["check-net", data, path, "--bias"])
        if r.returncode == 1 and want in r.stderr and r.stdout == "":
            ok(f"bad NET {name}: {want.split('error: ')[1]}")
        else:
            fail(f"bad NET {name}", f"exit {r.returncode}: {r.stderr.strip()}", f"want: {want}")
    path = write(os.path.join(TMP, "bias.csv"), "1,1,2,1\n")
    r = run(["check-net", data, path])
    if r.returncode == 1 and "has a bias b != 0, but the problem has no hidden biases" in r.stderr:
        ok("a bias without --bias is an error")
    else:
        fail("a bias without --bias is an error", r.stderr)


def oracle_check():
    a, b = os.path.join(TMP, "oa"), os.path.join(TMP, "ob")
    for out in (a, b):
        r = run(["oracle", "--n", "6", "--d", "2", "--seed", "99", "--bias", "--count", "3", "--out", out, "--quiet"])
        if r.returncode != 0:
            return fail("oracle runs", r.stderr)
    cmp = filecmp.dircmp(a, b)
    same = all(not filecmp.dircmp(os.path.join(a, c), os.path.join(b, c)).diff_files for c in cmp.common_dirs)
    certs_ok = all(subprocess.run([CHECK, os.path.join(a, c, "certificate.cert")],
                                  capture_output=True).returncode == 0 for c in cmp.common_dirs)
    if same and len(cmp.common_dirs) == 3 and not cmp.left_only and certs_ok:
        ok("oracle: byte-identical across runs, certificates accepted by checkcert")
    else:
        fail("oracle: byte-identical across runs, certificates accepted", str(cmp.diff_files))
    if shutil.which("esolver") is None:
        return skip("oracle --count 20 against QSopt_ex", "esolver (qsopt-ex) not installed")
    out = os.path.join(TMP, "o20")
    r = run(["oracle", "--n", "5", "--d", "2", "--seed", "1000", "--count", "20", "--loss", "l1",
             "--beta", "1/4", "--intercept", "--out", out, "--quiet"])
    bad = []
    for k in range(20):
        case = os.path.join(out, f"case-{k:04d}")
        o = json.load(open(os.path.join(case, "oracle.json")))
        ref = subprocess.run([sys.executable, refsolve.__file__, os.path.join(case, "data.csv"),
                              "--loss", "l1", "--beta", "1/4", "--intercept"],
                             capture_output=True, text=True).stdout.strip()
        if r.returncode != 0 or o["seed"] != 1000 + k or F(o["solution"]["optimal_value"]) != F(ref):
            bad.append(f"case {k}: {o['solution'].get('optimal_value')} vs {ref}")
    if not bad:
        ok("oracle --count 20: every optimum equals QSopt_ex's on an independent LP")
    else:
        fail("oracle --count 20 agrees with QSopt_ex", *bad[:5])


def python_module_check():
    X = [[0], [4], [5], [7], [10], [11]]
    y = [0, 0, 0, 2, 3, 3]
    r = wedgecert.solve(X, y, bias=True)
    if r["optimal_value"] == F(2) and isinstance(r["intercept"], F) and r["verified"] is True:
        ok("wedgecert.solve: the 1-D optimum is Fraction(2)")
    else:
        fail("wedgecert.solve", str(r)[:300])
    rep = wedgecert.check_net(X, y, {"neurons": r["neurons"], "intercept": r["intercept"]}, bias=True)
    if rep["optimal"] is True and rep["gap"] == 0:
        ok("wedgecert.check_net: the solver's own network is exactly optimal")
    else:
        fail("wedgecert.check_net", str(rep)[:300])
    p = wedgecert.predict([[F(1, 3), 0.5], [1, 2], [F(-2), 1], [0, 0]], [1, 0, F(1, 2), 0], bias=True)
    if p["prediction"] in ("holds", "fails") and isinstance(p["full_value"], F):
        ok(f"wedgecert.predict takes Fractions and floats: {p['prediction']}")
    else:
        fail("wedgecert.predict", str(p)[:300])
    try:
        wedgecert.solve([[0], [1]], [0, 2], loss="hinge", beta=1)
        fail("wedgecert raises WedgecertError on bad labels")
    except wedgecert.WedgecertError as e:
        if "hinge" in str(e):
            ok("wedgecert raises WedgecertError on bad labels")
        else:
            fail("wedgecert raises WedgecertError on bad labels", str(e))


def main():
    for check in (scipy_check, dict_check, number_check, bad_net_check, oracle_check, python_module_check):
        try:
            check()
        except Exception as e:  # a crash is a failure, never a pass
            fail(check.__name__, f"{type(e).__name__}: {e}")
    shutil.rmtree(TMP)
    return result()


if __name__ == "__main__":
    sys.exit(main())
