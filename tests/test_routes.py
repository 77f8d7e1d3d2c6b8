#!/usr/bin/env python3
"""tests/test_routes.py -- every route answers, the same, in bounded time.

* every --columns x --colgen x --method choice, on degenerate inputs (a
  duplicate with another label, collinear samples, one sample, the origin
  as a sample, 25-digit decimals, a 1-D set), for interp and l1, with and
  without biases: each run ends within a time bound and all routes agree
  on the status and the exact optimum;
* the data on which GLPK's simplex once cycled for minutes
  (--colgen always);
* infeasible interpolation seen in the data (presolve): a repeated sample
  with another label (n = 150, streamed), samples on one ray without
  biases; the Farkas route of column generation (--no-presolve) takes no
  more rounds than the optimal route on the feasible twin; on random
  small instances the streamed route (presolve) and the full LP agree on
  the status, and checkcert accepts the certificate;
* Clp under the row map and GLPK certify one optimum on random sets
  (interp at d = 2 and 3, l1 and hinge at d = 2);
* oracles byte-identical across runs and thread counts, without run
  statistics;
* predict: 'infeasible' when neither dictionary interpolates, and
  dictionaries_equal;
* check-net: no gap for a network that does not interpolate.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import time
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from harness import ok, fail, run_parts, WC, CHECK, TMP, write_rows  # noqa: E402

# generous: the slowest run below takes well under a second here, and
# under AddressSanitizer a few
BOUND = float(os.environ.get("WC_ROUTE_SECONDS", "60"))



def run(args, timeout=BOUND):
    """(returncode, stdout, stderr, seconds); returncode None on a time-out."""
    t = time.monotonic()
    try:
        r = subprocess.run([WC] + args, capture_output=True, text=True, timeout=timeout)
        return r.returncode, r.stdout, r.stderr, time.monotonic() - t
    except subprocess.TimeoutExpired:
        return None, "", "", time.monotonic() - t


HARD = [  # 2-D, n = 20: collinear points, duplicates, 25-digit decimals
    "6,8,95/24", "0,10,-20",
    "12145596553315834233107103/1000000000000000000000000,5951467815561388588964299/1000000000000000000000000,"
    "2790719684438611411035701/187500000000000000000000",
    "33,-1,1247/24", "-5/2,65/6,-155/3", "18,4,607/24",
    "1202893164666852814461/100000000000000000000,599035611777715728513/100000000000000000000,"
    "91727712740761423829/6250000000000000000",
    "6,8,95/24", "15,5,479/24", "51/5,33/5,457/40", "0,10,-20", "-12,14,-172", "3/2,19/2,-1", "111/10,63/10,521/40",
    "6637994832720478778095029/1000000000000000000000000,7787335055759840407301657/1000000000000000000000000,"
    "954852444240159592698343/187500000000000000000000",
    "-185889836121422270500767,61963278707140756833599,-2354604590871348759676402",
    "184029798663676057245729,-61343266221225352415233,7851938076316845109150943/24",
    "1161/100,613/100,8359/600",
    "312080833640867619501/100000000000000000000,895973055453044126833/100000000000000000000,"
    "19026944546955873167/30000000000000000000",
    "27/2,11/2,415/24",
]


def cycling_glpk():
    path = write_rows("hard.csv", [[line] for line in HARD])
    base = ["solve", path, "--loss", "l1", "--beta", "7/2", "--bias", "--json", "--quiet"]
    rc, out, err, sec = run(base + ["--colgen", "always"])
    rc2, out2, _, _ = run(base)
    if rc == 0 and rc2 == 0 and json.loads(out)["optimal_value"] == json.loads(out2)["optimal_value"]:
        ok(f"--colgen always on the data where GLPK cycled: the default route's optimum, in {sec:.2f} s")
    else:
        fail("--colgen always on the data where GLPK cycled", f"rc {rc} after {sec:.1f} s", err[:300])


DEGENERATE = {
    "duplicate-conflict": [[1, 2, 3], [4, 0, 1], [1, 2, 5], [-2, 3, 0]],
    "collinear": [[0, 0, 1], [1, 2, -1], [2, 4, 3], [3, 6, 0], [-1, -2, 2]],
    "one-sample": [[3, -4, 7]],
    "origin": [[0, 0, 2], [1, 0, 1], [0, 1, -1], [2, 2, 0]],
    "huge": [[line] for line in HARD[:8]],
    "one-d": [[0, 0], [4, 0], [5, 0], [7, 2], [10, 3], [11, 3], [7, 2]],
}
ROUTES = [(c, g, m, "") for c in ("auto", "full", "materialise", "stream")
          for g in ("auto", "always", "never") for m in ("auto", "glpk-exact", "pivots")]
ROUTES += [(c, "auto", "auto", "--no-presolve") for c in ("materialise", "stream")]
# both engines of candidate bases (clp only where this build has it)
ENGINES = ["glpk"] + (["clp"] if "clp" in subprocess.run([WC, "--version"], capture_output=True,
                                                          text=True).stdout else [])
ROUTES += [(c, "auto", m, "--lp-engine " + e) for c in ("materialise", "stream")
           for m in ("auto", "glpk-exact") for e in ENGINES]


def route_matrix():
    worst = 0.0
    runs = 0
    for name, rows in DEGENERATE.items():
        path = write_rows(name + ".csv", rows)
        for loss in (["--loss", "interp"], ["--loss", "l1", "--beta", "1/3"]):
            for bias in ([], ["--bias"]):
                answers = {}
                for c, g, m, pre in ROUTES:
                    rc, out, err, sec = run(["solve", path, "--json", "--quiet", "--columns", c,
                                             "--colgen", g, "--method", m] + loss + bias + pre.split())
                    runs += 1
                    worst = max(worst, sec)
                    if rc != 0:
                        answers[(c, g, m, pre)] = f"exit {rc}: {err.strip()[:120]}"
                        continue
                    j = json.loads(out)
                    answers[(c, g, m, pre)] = (j["status"], j.get("optimal_value"))
                if len(set(answers.values())) != 1:
                    fail(f"routes on {name} {' '.join(loss + bias)}",
                         *[f"{k}: {v}" for k, v in sorted(answers.items())][:6])
                else:
                    ok(f"all {len(ROUTES)} routes on {name} {' '.join(loss + bias)}: "
                       f"{list(answers.values())[0][0]}, one value")
    print(f"    {runs} runs, the slowest {worst:.2f} s (bound {BOUND:.0f} s)")


def presolve_cases():
    rng = random.Random(150)
    pts = set()
    while len(pts) < 149:
        pts.add((rng.randint(-50, 50), rng.randint(-50, 50)))
    rows = [[a, b, rng.randint(-9, 9)] for a, b in sorted(pts)]
    rows.append([rows[3][0], rows[3][1], rows[3][2] + 1])       # a repeated x, another label
    path = write_rows("dup150.csv", rows)
    cert = os.path.join(TMP, "dup150.cert")
    rc, out, err, sec = run(["solve", path, "--bias", "--columns", "stream", "--json", "--quiet", "--cert", cert])
    c = subprocess.run([CHECK, cert], capture_output=True, text=True)
    if rc == 0 and json.loads(out)["status"] == "infeasible" and c.returncode == 0:
        ok(f"n = 150 with a repeated sample, streamed: infeasible in {sec:.2f} s, certificate accepted")
    else:
        fail("n = 150 with a repeated sample, streamed", f"rc {rc} after {sec:.1f} s", err[:200], c.stderr[:200])
    # three samples on one ray whose labels are not affine along it: no
    # biases, with an intercept (V has about 23,000 atoms: streamed)
    rng = random.Random(9)
    pts = set()
    while len(pts) < 147:
        pts.add((rng.randint(-50, 50), rng.randint(-50, 50), rng.randint(-50, 50)))
    rows = [list(p) + [rng.randint(-9, 9)] for p in sorted(pts) if p not in ((3, 5, 1), (6, 10, 2), (9, 15, 3))]
    rows += [[3, 5, 1, 0], [6, 10, 2, 1], [9, 15, 3, 3]]
    path = write_rows("ray3d.csv", rows)
    rc, out, err, sec = run(["solve", path, "--intercept", "--json", "--quiet", "--cert", cert])
    c = subprocess.run([CHECK, cert], capture_output=True, text=True)
    j = json.loads(out) if rc == 0 else {}
    v = [F(t) for t in j.get("farkas", [])]
    if (j.get("status") == "infeasible" and j.get("columns") == "streamed" and c.returncode == 0
            and sum(1 for t in v if t != 0) == 3):
        ok(f"three samples on one ray, streamed: infeasible in {sec:.2f} s, Farkas vector on those three samples")
    else:
        fail("three samples on one ray", f"rc {rc} after {sec:.1f} s", err[:200], str(j)[:200], c.stderr[:200])
    # the Farkas route of column generation itself (--no-presolve): as few
    # rounds as the feasible twin (the last label put on the ray's line)
    rng2 = random.Random(1)
    pts = set()
    while len(pts) < 117:
        pts.add((rng2.randint(-50, 50), rng2.randint(-50, 50), rng2.randint(-50, 50)))
    rows = [list(p) + [rng2.randint(-9, 9)] for p in sorted(pts)]
    ray = [[2, 1, 4, 0], [4, 2, 8, 1], [6, 3, 12, 3]]
    bad_path, twin_path = write_rows("farkas.csv", rows + ray), write_rows("twin.csv", rows + ray[:2] + [[6, 3, 12, 2]])
    args = ["--intercept", "--columns", "stream", "--no-presolve", "--json", "--quiet"]
    rb, outb, errb, secb = run(["solve", bad_path, "--cert", cert] + args)
    rt, outt, errt, sect = run(["solve", twin_path] + args)
    c = subprocess.run([CHECK, cert], capture_output=True, text=True)
    jb = json.loads(outb) if rb == 0 else {}
    jt = json.loads(outt) if rt == 0 else {}
    if (jb.get("status") == "infeasible" and jt.get("status") == "optimal" and c.returncode == 0
            and jb["rounds"] <= jt["rounds"] and jb["certified_by"] != "proportional-rows"):
        ok(f"Farkas route of column generation: infeasible in {jb['rounds']} rounds ({secb:.1f} s), "
           f"its feasible twin optimal in {jt['rounds']} ({sect:.1f} s); certificate accepted")
    else:
        fail("Farkas route of column generation vs its feasible twin", errb[:200], errt[:200],
             f"{jb.get('status')} {jb.get('rounds')} rounds, twin {jt.get('status')} {jt.get('rounds')}", c.stderr[:200])
    # random small instances: presolve (streamed) and the full LP agree
    bad = []
    for t in range(60):
        d = 1 + t % 3
        n = rng.randint(1, 7)
        base = [[rng.randint(-2, 2) for _ in range(d)] for _ in range(3)]
        rows = []
        for _ in range(n):
            x = [rng.choice([1, 2, 3]) * v for v in rng.choice(base)] if rng.random() < 0.7 else [0] * d
            rows.append(x + [F(rng.randint(-3, 3), rng.choice([1, 2]))])
        path = write_rows(f"pre{t}.csv", rows)
        flags = [[], ["--intercept"], ["--bias"]][t % 3]
        cert = os.path.join(TMP, f"pre{t}.cert")
        rs = run(["solve", path, "--columns", "stream", "--json", "--quiet", "--cert", cert] + flags)
        rf = run(["solve", path, "--columns", "full", "--json", "--quiet"] + flags)
        if rs[0] != 0 or rf[0] != 0:
            bad.append(f"{path} {flags}: exit {rs[0]}, {rf[0]}: {rs[2][:100]} {rf[2][:100]}")
            continue
        js, jf = json.loads(rs[1]), json.loads(rf[1])
        c = subprocess.run([CHECK, cert], capture_output=True, text=True)
        if (js["status"], js.get("optimal_value")) != (jf["status"], jf.get("optimal_value")) or c.returncode:
            bad.append(f"{path} {flags}: stream {js['status']}, full {jf['status']}; checkcert {c.stderr[:80]}")
    if bad:
        fail("presolve vs the full LP on 60 random instances with rays and repeats", *bad[:4])
    else:
        ok("presolve vs the full LP on 60 random instances with rays and repeats: same status and value, "
           "certificates accepted")


def mapped_engines():
    """Clp solves the working LPs under the row map of train/stencil.c
    (interp at d <= 4, l1 and hinge at d <= 2; GLPK never): on random data
    with biases, labels of denominators 1-3 (hinge: +-1), both engines
    certify one optimum, and checkcert accepts Clp's certificate."""
    if "clp" not in ENGINES:
        return ok("Clp under the row map: this build has no Clp (skipped)")
    rng = random.Random(210)
    grid = [(a, b) for a in range(-20, 21) for b in range(-20, 21)]
    bad = []
    cases = [(["--loss", "interp"], 2, 40 + 30 * t) for t in range(4)]
    cases += [(["--loss", "interp"], 3, 28 + 16 * t) for t in range(4)]
    cases += [(["--loss", "l1", "--beta", "1/10"], 2, 60 + 40 * t) for t in range(3)]
    cases += [(["--loss", "hinge", "--beta", "1/10"], 2, 60 + 40 * t) for t in range(3)]
    for t, (loss, d, n) in enumerate(cases):
        pts = rng.sample(grid if d == 2 else [x + (c,) for x in grid for c in range(-2, 3)], n)
        rows = [list(x) + [rng.choice([-1, 1]) if "hinge" in loss else F(rng.randint(-9, 9), rng.randint(1, 3))]
                for x in pts]
        path = write_rows(f"map{t}.csv", rows)
        cert = os.path.join(TMP, f"map{t}.cert")
        args = ["solve", path, "--bias", "--columns", "stream", "--json", "--quiet"] + loss
        rc = run(args + ["--lp-engine", "clp", "--cert", cert])
        rg = run(args + ["--lp-engine", "glpk"])
        what = f"{loss[1]} d = {d} n = {n}"
        if rc[0] != 0 or rg[0] != 0:
            bad.append(f"{what}: exit {rc[0]}, {rg[0]}: {rc[2][:100]} {rg[2][:100]}")
            continue
        jc, jg = json.loads(rc[1]), json.loads(rg[1])
        c = subprocess.run([CHECK, cert], capture_output=True, text=True)
        if jc["status"] != "optimal" or jc["optimal_value"] != jg.get("optimal_value") or c.returncode:
            bad.append(f"{what}: clp {jc['status']} {jc.get('optimal_value')}, "
                       f"glpk {jg['status']} {jg.get('optimal_value')}; checkcert {c.stderr[:80]}")
    if bad:
        fail(f"Clp under the row map vs GLPK on {len(cases)} random sets", *bad[:4])
    else:
        ok(f"Clp under the row map vs GLPK on {len(cases)} random sets (interp d = 2, 3; l1, hinge "
           "d = 2; n = 28-160): one optimum, certificates accepted")


def oracle_bytes():
    outs = []
    for k, threads in enumerate(("1", "2", "2")):
        o = os.path.join(TMP, f"oracle{k}")
        # (l1: feasible, so the rounds run and the count of exact pricings
        # varies with the threads' timing)
        rc, _, err, _ = run(["oracle", "--n", "100", "--d", "2", "--seed", "4", "--bias", "--threads", threads,
                             "--loss", "l1", "--beta", "1/10", "--columns", "stream", "--out", o, "--quiet"])
        if rc != 0:
            return fail("oracle byte-identical", err[:200])
        case = os.path.join(o, "case-0000")     # without --count: one case, as with it
        outs.append({f: open(os.path.join(case, f), "rb").read() for f in sorted(os.listdir(case))})
    j = json.loads(outs[0]["oracle.json"])
    if outs[0] == outs[1] == outs[2] and not {"exact_prices", "rounds", "working_set"} & set(j["solution"]):
        ok("oracle (streamed, n = 100, l1) byte-identical with 1 and 2 threads, no run statistics in oracle.json")
    else:
        fail("oracle byte-identical", [sorted(f for f in o if o[f] != outs[0][f]) for o in outs],
             sorted(j["solution"]))
    # a failing case leaves no folder behind
    o = os.path.join(TMP, "oracle-bad")
    rc, _, err, _ = run(["oracle", "--n", "4", "--d", "2", "--seed", "1", "--count", "2", "--loss", "l1",
                         "--beta", "1/2", "--out", o, "--quiet"])
    core = {"data.csv", "oracle.json", "certificate.cert"}
    if rc == 0 and sorted(os.listdir(o)) == ["case-0000", "case-0001"] and all(
            core <= set(os.listdir(os.path.join(o, c))) for c in os.listdir(o)):
        ok("oracle --count 2 writes two complete case folders")
    else:
        fail("oracle --count 2", err[:200])
    shutil.rmtree(o, ignore_errors=True)


def oracle_lp_files():
    """oracle's problem.lp has the oracle's optimum exactly (QSopt_ex), its
    problem.mps the same in doubles (glpsol), dictionary.csv one row an atom."""
    import re
    import shutil
    bad = []
    for args in (["--bias"], ["--bias", "--loss", "l1", "--beta", "1/3"], ["--loss", "hinge", "--beta", "2/7"],
                 ["--intercept"]):
        o = os.path.join(TMP, "olp")
        shutil.rmtree(o, ignore_errors=True)
        rc, _, err, _ = run(["oracle", "--n", "7", "--d", "2", "--seed", "5", "--out", o, "--quiet"] + args)
        case = os.path.join(o, "case-0000")
        if rc != 0:
            bad.append(f"{args}: {err[:150]}")
            continue
        j = json.load(open(os.path.join(case, "oracle.json")))
        sol = j["solution"]
        if sol["status"] != "optimal":
            bad.append(f"{args}: the oracle is {sol['status']} (the test wants optimal ones)")
            continue
        out = os.path.join(TMP, "e.sol")
        subprocess.run(["esolver", "-O", out, "-L", os.path.join(case, "problem.lp")],
                       capture_output=True, timeout=BOUND)
        m = re.search(r"Value = (-?\d+(?:/\d+)?)", open(out).read())
        g = subprocess.run(["glpsol", "--freemps", os.path.join(case, "problem.mps"), "-o", out],
                           capture_output=True, text=True, timeout=BOUND)
        gm = re.search(r"Objective:\s+obj = (\S+)", open(out).read())
        rows = sum(1 for _ in open(os.path.join(case, "dictionary.csv"))) - 1
        if not (m and F(m.group(1)) == F(sol["optimal_value"]) and gm
                and abs(float(gm.group(1)) - float(F(sol["optimal_value"]))) <= 1e-6 * (1 + abs(float(gm.group(1))))
                and rows == sol["dictionary_size"] and "exactly" in j["lp"]):
            bad.append(f"{args}: esolver {m and m.group(1)}, glpsol {gm and gm.group(1)}, "
                       f"oracle {sol['optimal_value']}, {rows} rows vs {sol['dictionary_size']}")
    if bad:
        fail("oracle's problem.lp, problem.mps and dictionary.csv", *bad)
    else:
        ok("oracle's problem.lp has the oracle's optimum exactly (QSopt_ex), problem.mps in doubles "
           "(glpsol), dictionary.csv one row an atom: interp, l1, hinge")


def predict_empty():
    path = write_rows("ramps.csv", [[0, 0], [4, 0], [5, 0], [7, 2], [10, 3], [11, 3]])
    rc, out, err, _ = run(["predict", path, "--json", "--quiet"])
    j = json.loads(out) if rc == 0 else {}
    if j.get("prediction") == "infeasible" and j.get("gap") is None and j.get("dictionaries_equal") is True:
        ok("predict in 1-D without biases: 'infeasible' (both dictionaries), no gap, dictionaries equal")
    else:
        fail("predict in 1-D without biases", out[:300], err[:200])
    rc, out, _, _ = run(["predict", path, "--bias", "--json", "--quiet"])
    j = json.loads(out) if rc == 0 else {}
    if j.get("prediction") == "holds" and j.get("dictionaries_equal") is True:
        ok("predict in 1-D with biases: holds, and the dictionaries are equal")
    else:
        fail("predict in 1-D with biases", out[:300])
    rc, out, _, _ = run(["predict", "examples/plane2d.csv", "--bias", "--json", "--quiet"])
    j = json.loads(out) if rc == 0 else {}
    if j.get("prediction") in ("holds", "fails") and j.get("dictionaries_equal") is False \
            and j["full_dictionary_size"] > j["samples_dictionary_size"]:
        ok(f"predict in 2-D: {j['prediction']}, the dictionaries differ")
    else:
        fail("predict in 2-D: dictionaries differ", out[:300])


def checknet_infeasible():
    path = write_rows("ramps2.csv", [[0, 0], [4, 0], [5, 0], [7, 2], [10, 3], [11, 3]])
    net = write_rows("net.json", [['{"neurons": [{"w": [1]', ' "b": -5', ' "alpha": 1}]', ' "intercept": 0}']])
    rc, out, err, _ = run(["check-net", path, net, "--bias", "--json", "--quiet"])
    j = json.loads(out) if rc == 0 else {}
    rt, text, _, _ = run(["check-net", path, net, "--bias", "--quiet"])
    if (j.get("feasible") is False and j.get("gap") is None and j.get("objective") is None
            and j.get("relative_gap") is None and F(j.get("penalty", "-1")) == 1
            and F(j.get("max_violation", "0")) == 3 and "gap =" not in text and "does not interpolate" in text):
        ok("check-net on a network that does not interpolate: no objective, no gap; penalty 1, violation 3")
    else:
        fail("check-net on a network that does not interpolate", out[:400], text[:400], err[:200])


def main():
    return run_parts(cycling_glpk, route_matrix, presolve_cases, mapped_engines, oracle_bytes,
                     oracle_lp_files, predict_empty, checknet_infeasible)


if __name__ == "__main__":
    sys.exit(main())
