#!/usr/bin/env python3
"""tests/test_eval.py -- 'wedgecert eval NET POINTS' against an evaluation
done here, in Fractions, from the neurons of 'solve --json' (and from the
same network written as CSV), on random exact points; the training
samples give back the labels (interp); a width mismatch is an error."""
import json
import os
import random
import subprocess
import sys
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import refsolve  # noqa: E402
from harness import ok, fail, run_parts, WC, TMP  # noqa: E402



def f_here(net, x):
    out = F(net.get("intercept", "0"))
    for nu in net["neurons"]:
        t = sum(F(a) * b for a, b in zip(nu["w"], x)) + F(nu["b"])
        out += F(nu["alpha"]) * max(t, F(0))
    return out


def agree():
    rng = random.Random(11)
    for data, flags in [("examples/ramps1d.csv", ["--bias"]), ("examples/plane2d.csv", ["--bias"]),
                        ("examples/space3d.csv", ["--bias"]), ("examples/plane2d.csv", ["--loss", "l1", "--beta", "1/10"])]:
        r = subprocess.run([WC, "solve", data, "--json", "--quiet"] + flags, capture_output=True, text=True)
        net = json.loads(r.stdout)
        jnet = os.path.join(TMP, "net.json")
        open(jnet, "w").write(r.stdout)
        cnet = os.path.join(TMP, "net.csv")
        open(cnet, "w").write("".join(",".join(nu["w"] + [nu["b"], nu["alpha"]]) + "\n" for nu in net["neurons"])
                              + f"intercept,{net.get('intercept', '0')}\n")
        X, y = refsolve.read_csv(data)
        pts = X + [[F(rng.randint(-40, 40), rng.randint(1, 7)) for _ in X[0]] for _ in range(20)]
        ppath = os.path.join(TMP, "pts.csv")
        open(ppath, "w").write("".join(",".join(str(v) for v in p) + "\n" for p in pts))
        want = [f_here(net, p) for p in pts]
        got = []
        for npath in (jnet, cnet):
            e = subprocess.run([WC, "eval", npath, ppath, "--json"], capture_output=True, text=True)
            got.append([F(v) for v in json.loads(e.stdout)["values"]] if e.returncode == 0 else e.stderr)
        interp = "--loss" not in flags
        if got[0] == want and got[1] == want and (not interp or want[:len(y)] == y):
            ok(f"eval {os.path.basename(data)} {' '.join(flags)}: {len(pts)} points equal the evaluation here"
               + (", the samples give the labels" if interp else "") + " (JSON and CSV networks)")
        else:
            fail(f"eval {data} {flags}", str(got)[:300], str(want)[:300])


def errors():
    ppath = os.path.join(TMP, "pts2.csv")
    open(ppath, "w").write("1,2\n3,4\n")
    jnet = os.path.join(TMP, "one.json")
    open(jnet, "w").write('{"neurons": [{"w": [1], "b": 0, "alpha": 1}]}')
    e = subprocess.run([WC, "eval", jnet, ppath], capture_output=True, text=True)
    if e.returncode == 1 and "expected 2 weights (d = 2)" in e.stderr and e.stdout == "":
        ok("eval: a network of the wrong width is an error with a location")
    else:
        fail("eval: width mismatch", e.stderr)


if __name__ == "__main__":
    sys.exit(run_parts(agree, errors))
