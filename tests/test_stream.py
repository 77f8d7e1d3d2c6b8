#!/usr/bin/env python3
"""tests/test_stream.py -- streamed column generation (solve --columns stream).

* on random instances (rationals, repeated and collinear points, every
  loss, with and without biases, both dictionaries) the streamed solve
  (V never stored, integer pricing behind the double filter) and the
  materialised one (the same rounds priced over a built V in plain
  rationals) write byte-identical certificates, which checkcert accepts;
  their value equals the full LP's;
* 1 and 2 pricing threads (--threads and OMP_NUM_THREADS) give
  byte-identical certificates and the same JSON but for the run statistic
  exact_prices (work done, which depends on how the ranks were cut);
* data above 2^50 (no double filter: every atom priced exactly) and small
  data (where the filter must decide most atoms) agree with the full LP;
* predict reaches the same verdict and gap whether V is streamed or
  built, and the same witness for the same restricted dual;
* on one instance the rounds are really rounds (more than one), so the
  comparison above is not between two empty runs.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from harness import ok, fail, result  # noqa: E402

BUILD = os.environ.get("BUILD", "build")
WC = os.path.join(BUILD, "wedgecert")
CHECK = os.path.join(BUILD, "checkcert")
TMP = tempfile.mkdtemp()


def run(args, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([WC] + args + ["--quiet"], capture_output=True, text=True, env=e)


def random_data(rng, n, d, loss, big=False):
    rows, pts = [], []
    for i in range(n):
        if pts and rng.random() < 0.15:
            x = list(rng.choice(pts))                          # a repeated point
        elif len(pts) >= 2 and rng.random() < 0.15:
            a, b = rng.sample(pts, 2)                          # a collinear one
            t = F(rng.randint(-3, 3), rng.randint(1, 3))
            x = [ai + t * (bi - ai) for ai, bi in zip(a, b)]
        elif big:
            x = [F(rng.randint(-2**62, 2**62), rng.randint(1, 2**10)) for _ in range(d)]
        else:
            x = [F(rng.randint(-9, 9), rng.randint(1, 4)) for _ in range(d)]
        pts.append(x)
        y = rng.choice((-1, 1)) if loss == "hinge" else F(rng.randint(-5, 5), rng.randint(1, 3))
        rows.append(",".join(str(v) for v in x + [y]))
    return "\n".join(rows) + "\n"


def solve(path, opts, columns, cert=None, env=None, threads=None):
    args = ["solve", path, "--json", "--columns", columns] + opts
    if cert:
        args += ["--cert", cert]
    if threads is not None:
        args += ["--threads", str(threads)]
    return run(args, env)


def read(path):
    with open(path, "rb") as f:
        return f.read()


rng = random.Random(20261127)
LOSSES = [("interp", []), ("l1", ["--beta", "1/3"]), ("hinge", ["--beta", "1/2"]), ("l1", ["--beta", "2"])]
cases = 0
multi_round = 0
for case in range(28):
    d = rng.choice((1, 2, 2, 3))
    n = rng.randint(1, 9 if d < 3 else 7)
    loss, extra = rng.choice(LOSSES)
    bias = rng.random() < 0.6
    opts = ["--loss", loss] + extra + (["--bias"] if bias else (["--intercept"] if rng.random() < 0.3 else []))
    if rng.random() < 0.2:
        opts += ["--dict", "samples"]
    big = case % 7 == 6
    if big:
        n = max(n, 5)
    path = os.path.join(TMP, "case%d.csv" % case)
    with open(path, "w") as f:
        f.write(random_data(rng, n, d, loss, big))
    name = "case %d (n=%d d=%d %s%s)" % (case, n, d, " ".join(opts), " big" if big else "")
    certs = {}
    outs = {}
    bad = None
    for label, columns, threads, env in [("materialise", "materialise", None, None),
                                         ("stream-1", "stream", 1, None),
                                         ("stream-2", "stream", 2, None),
                                         ("stream-omp2", "stream", None, {"OMP_NUM_THREADS": "2"})]:
        cert = os.path.join(TMP, "case%d-%s.cert" % (case, label))
        r = solve(path, opts, columns, cert, env, threads)
        if r.returncode != 0:
            bad = "%s exited %d: %s" % (label, r.returncode, r.stderr.strip())
            break
        certs[label] = read(cert)
        outs[label] = r.stdout
    full = solve(path, opts, "full")
    if bad is None and full.returncode != 0:
        bad = "full exited %d: %s" % (full.returncode, full.stderr.strip())
    if bad:
        fail(name, bad)
        continue
    cases += 1
    same_cert = len(set(certs.values())) == 1
    if same_cert:
        ok(name + ": identical certificates, streamed (1, 2 threads) and materialised")
    else:
        fail(name + ": certificates differ", *[k for k in certs])
    def solution(label):
        j = json.loads(outs[label])
        j.pop("exact_prices", None)
        return j
    if solution("stream-1") == solution("stream-2") == solution("stream-omp2"):
        ok(name + ": the same JSON for 1 and 2 threads (but exact_prices)")
    else:
        fail(name + ": JSON differs between thread counts")
    chk = subprocess.run([CHECK, os.path.join(TMP, "case%d-stream-2.cert" % case)],
                         capture_output=True, text=True)
    js, jf = json.loads(outs["stream-1"]), json.loads(full.stdout)
    multi_round += js.get("rounds", 0) > 1
    if chk.returncode == 0 and js["status"] == jf["status"] \
            and js.get("optimal_value") == jf.get("optimal_value"):
        ok(name + ": checkcert accepts; value equals the full LP's (%s)" % js.get("optimal_value", "infeasible"))
    else:
        fail(name + ": check or value", chk.stdout.strip(), str(js.get("optimal_value")), str(jf.get("optimal_value")))

if multi_round >= 5:
    ok("column generation ran more than one round on %d of %d instances" % (multi_round, cases))
else:
    fail("column generation ran more than one round on only %d instances" % multi_round)

# the double filter: small integers, a larger instance; most atoms are
# decided by the bound, the rest exactly, and the answer is the full LP's
path = os.path.join(TMP, "filter.csv")
r2 = random.Random(5)
with open(path, "w") as f:
    seen = set()
    while len(seen) < 24:
        x = (r2.randint(-50, 50), r2.randint(-50, 50))
        if x not in seen:
            seen.add(x)
            f.write("%d,%d,%d\n" % (x + (r2.randint(-3, 3),)))
rs = solve(path, ["--bias", "--loss", "l1", "--beta", "1/2"], "stream")
rf = solve(path, ["--bias", "--loss", "l1", "--beta", "1/2"], "full")
js, jf = json.loads(rs.stdout), json.loads(rf.stdout)
priced = js["rounds"] * js["dictionary_bound"]
if js["optimal_value"] == jf["optimal_value"] and js["exact_prices"] < priced / 4:
    ok("double filter: %d of %d atom pricings needed exact arithmetic; value %s equals the full LP's"
       % (js["exact_prices"], priced, js["optimal_value"]))
else:
    fail("double filter", rs.stdout[:300], rf.stdout[:300])

# predict: the witness of a streamed full dictionary is found by pricing V
# against the restricted dual; it must be the full route's witness
EX = os.path.join(HERE, "..", "examples")
for ex, opts in [("space3d.csv", ["--bias"]), ("plane2d.csv", ["--bias"]),
                 ("space3d.csv", ["--loss", "l1", "--beta", "1/4"]),
                 ("case3.csv", ["--bias"]), ("case11.csv", ["--bias"])]:
    path = os.path.join(EX, ex) if os.path.exists(os.path.join(EX, ex)) else os.path.join(TMP, ex)
    outs = [run(["predict", path, "--json", "--columns", c] + opts) for c in ("full", "stream")]
    if all(o.returncode == 0 for o in outs):
        a, b = (json.loads(o.stdout) for o in outs)
        # the verdict and the gap are unique; the witness is determined by
        # the restricted dual, which may differ (a degenerate optimum):
        # then each witness must still violate its bound
        same = (a["prediction"], a["gap"]) == (b["prediction"], b["gap"])
        if a.get("samples_dual") == b.get("samples_dual"):
            same = same and a.get("witness") == b.get("witness")
        elif a["prediction"] == "fails":
            same = same and all(F(w["violation"]) > F(w["bound"])
                                for w in (a["witness"], b["witness"]))
        (ok if same else fail)("predict %s %s: streamed and full agree (%s, gap %s)"
                               % (ex, " ".join(opts), a["prediction"], a["gap"]))
    else:
        fail("predict %s" % ex, *[o.stderr for o in outs])

# bad arguments
r = run(["solve", path, "--columns", "sometimes"])
ok("--columns sometimes is refused") if r.returncode == 2 and "--columns expects" in r.stderr \
    else fail("--columns sometimes", r.stderr)
r = run(["solve", path, "--threads", "-1"])
ok("--threads -1 is refused") if r.returncode == 2 and "--threads expects" in r.stderr \
    else fail("--threads -1", r.stderr)
r = run(["solve", path, "--columns", "stream", "--write-lp", os.path.join(TMP, "x.lp")])
ok("--write-lp with --columns stream is refused") if r.returncode == 2 and "--write-lp" in r.stderr \
    else fail("--write-lp with stream", r.stderr)

sys.exit(result())
