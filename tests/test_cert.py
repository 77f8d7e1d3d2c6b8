#!/usr/bin/env python3
"""tests/test_cert.py -- certificates, the independent checker, and predict.

* every example's certificate is regenerated and accepted by checkcert; the
  committed copies in proofs/certificates/ are accepted and agree;
* certificates of random instances are accepted;
* each tampering (a digit of a primal value, of a dual value, of the data,
  of beta, the claimed value, a dropped neuron) is rejected, saying what;
* the network outputs in --json equal an evaluation done here;
* predict holds on the 1-D example and fails on a 3-D example, and its
  witness violation is recomputed here from (T, S, sign) and the data;
* checkcert stays small and uses GMP alone.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refsolve  # noqa: E402
from harness import ok, fail, skip, result  # noqa: E402

BUILD = os.environ.get("BUILD", "build")
WC = os.path.join(BUILD, "wedgecert")
CHECK = os.path.join(BUILD, "checkcert")
TMP = tempfile.mkdtemp()


def checkcert(path):
    r = subprocess.run([CHECK, path], capture_output=True, text=True)
    return r.returncode, (r.stdout + r.stderr).strip()


def make_cert(data, flags, path):
    r = subprocess.run([WC, "solve", data, "--quiet", "--json", "--cert", path] + flags,
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return json.loads(r.stdout)


def cert_summary(path):
    lines = open(path).read().splitlines()
    return [l for l in lines if l.startswith(("status", "value", "problem", "data"))]


def atom_column(X, T, S, sign, bias):
    """k_u from (T, S, sign) by proofs/DERIVATIONS.md section 2, here in Fractions."""
    w, b = refsolve.atom_direction(X, T, S, sign, bias)
    return [max(F(0), sum(a * c for a, c in zip(x, w)) + b) for x in X], w, b


def main():
    # examples: regenerated and committed certificates
    for line in open("proofs/certificates/examples.list"):
        if line.startswith("#") or not line.strip():
            continue
        name, data, flags = [f.strip() for f in line.split("|")]
        fresh = os.path.join(TMP, name + ".cert")
        committed = os.path.join("proofs/certificates", name + ".cert")
        try:
            make_cert(data, flags.split(), fresh)
        except RuntimeError as e:
            fail(f"certificate {name}", str(e))
            continue
        rc, out = checkcert(fresh)
        rc2, out2 = checkcert(committed)
        if rc == 0 and rc2 == 0 and cert_summary(fresh) == cert_summary(committed):
            ok(f"certificate {name}: regenerated and committed copies accepted, same value")
        else:
            fail(f"certificate {name}", out, out2, str(cert_summary(fresh)), str(cert_summary(committed)))

    # random instances, every loss, with and without bias
    rng = random.Random(4242)
    for t in range(24):
        d = 1 + t % 3
        n = rng.randint(2, 6 if d < 3 else 5)
        loss = ["interp", "l1", "hinge"][t % 3]
        bias = t % 2 == 0
        X = [[F(rng.randint(-5, 5), rng.choice([1, 2, 3])) for _ in range(d)] for _ in range(n)]
        y = [rng.choice([-1, 1]) if loss == "hinge" else F(rng.randint(-4, 4), rng.choice([1, 3])) for _ in range(n)]
        data = os.path.join(TMP, f"r{t}.csv")
        with open(data, "w") as f:
            for x, yi in zip(X, y):
                f.write(",".join(str(v) for v in x + [yi]) + "\n")
        flags = ["--loss", loss] + (["--beta", str(F(rng.randint(1, 5), 4))] if loss != "interp" else [])
        flags += ["--bias"] if bias else (["--intercept"] if t % 4 == 1 else [])
        cert = os.path.join(TMP, f"r{t}.cert")
        name = f"random certificate {t} ({' '.join(flags)})"
        try:
            j = make_cert(data, flags, cert)
        except RuntimeError as e:
            fail(name, str(e))
            continue
        rc, out = checkcert(cert)
        outputs_ok = True
        if j["status"] == "optimal":
            for i, x in enumerate(X):
                fx = F(j["intercept"]) + sum(
                    F(nu["alpha"]) * max(F(0), sum(F(a) * b for a, b in zip(nu["w"], x)) + F(nu["b"]))
                    for nu in j["neurons"])
                outputs_ok = outputs_ok and fx == F(j["outputs"][i])
        if rc == 0 and outputs_ok and (j["status"] == "infeasible" or (j["global"] and j["network_checked"])):
            ok(name)
        else:
            fail(name, out, f"outputs agree: {outputs_ok}", open(data).read())

    # tampering: each must be rejected, and say what failed
    base = os.path.join(TMP, "base.cert")
    make_cert("examples/plane2d.csv", ["--loss", "l1", "--beta", "1/10", "--bias"], base)
    text = open(base).read()

    def bump_digit(s):
        """Changes the last digit of the first number in s."""
        m = re.search(r"\d(?=\D*$)", s)
        i = m.start()
        return s[:i] + str((int(s[i]) + 1) % 10) + s[i + 1:]

    def tamper_line(prefix, index=None):
        lines = text.splitlines()
        k = next(i for i, l in enumerate(lines) if l.startswith(prefix))
        fields = lines[k].split(" ")
        j = len(fields) - 1 if index is None else index
        fields[j] = bump_digit(fields[j])
        lines[k] = " ".join(fields)
        return "\n".join(lines) + "\n"

    def drop_neuron():
        lines = text.splitlines()
        k = next(i for i, l in enumerate(lines) if l.startswith("neuron "))
        m = next(i for i, l in enumerate(lines) if l.startswith("neurons "))
        count = int(lines[m].split()[1])
        lines[m] = f"neurons {count - 1}"
        del lines[k]
        return "\n".join(lines) + "\n"

    tamperings = [
        ("a primal value (alpha of a neuron)", tamper_line("neuron "), "REJECTED"),
        ("a dual value", tamper_line("dual", 2), "REJECTED"),
        ("the data (a feature)", tamper_line("x ", 1), "REJECTED"),
        ("the data (a label)", tamper_line("x "), "REJECTED"),
        ("beta", tamper_line("problem", 2), "REJECTED"),
        ("the claimed value", tamper_line("value"), "REJECTED: the claimed value"),
        ("a dropped neuron", drop_neuron(), "REJECTED"),
        ("a truncated file", text[: len(text) // 2], "error: "),
    ]
    rc, out = checkcert(base)
    if rc == 0:
        ok("untampered l1 certificate accepted")
    else:
        fail("untampered l1 certificate accepted", out)
    for what, bad, expect in tamperings:
        path = os.path.join(TMP, "bad.cert")
        open(path, "w").write(bad)
        rc, out = checkcert(path)
        if rc != 0 and expect in out and bad != text:
            ok(f"tampered {what}: rejected ({out.split(': ', 2)[-1]})")
        else:
            fail(f"tampered {what}: rejected", f"exit {rc}: {out}")

    # an infeasible certificate with a tampered Farkas vector
    inf = os.path.join(TMP, "inf.cert")
    make_cert("examples/plane2d.csv", [], inf)
    t2 = open(inf).read().splitlines()
    k = next(i for i, l in enumerate(t2) if l.startswith("farkas"))
    fields = t2[k].split(" ")
    nz = next(j for j in range(1, len(fields)) if fields[j] != "0")
    # (a positive multiple of a Farkas vector is one too: flip its sign)
    fields[nz] = fields[nz][1:] if fields[nz].startswith("-") else "-" + fields[nz]
    t2[k] = " ".join(fields)
    open(inf, "w").write("\n".join(t2) + "\n")
    rc, out = checkcert(inf)
    if rc == 1 and "not a Farkas vector" in out:
        ok("tampered Farkas vector rejected")
    else:
        fail("tampered Farkas vector rejected", out)

    # predict
    r = subprocess.run([WC, "predict", "examples/ramps1d.csv", "--bias", "--json", "--quiet"],
                       capture_output=True, text=True)
    j = json.loads(r.stdout) if r.returncode == 0 else {}
    if j.get("prediction") == "holds" and j.get("full_value") == "2" and j.get("samples_value") == "2":
        ok("predict holds on the 1-D example (ramps at data points)")
    else:
        fail("predict holds on the 1-D example", r.stdout, r.stderr)

    r = subprocess.run([WC, "predict", "examples/space3d.csv", "--bias", "--json", "--quiet"],
                       capture_output=True, text=True)
    j = json.loads(r.stdout) if r.returncode == 0 else {}
    X, y = refsolve.read_csv("examples/space3d.csv")
    wit = j.get("witness") or {}
    good = False
    if j.get("prediction") == "fails" and wit:
        col, w, b = atom_column(X, wit["coords"], wit["samples"], wit["sign"], True)
        v = [F(t) for t in j["samples_dual"]]
        viol = abs(sum(c * vi for c, vi in zip(col, v)))
        # independently: the restricted optimum and the full optimum, via refsolve
        full = refsolve_value("examples/space3d.csv", ["--bias"])
        samples = refsolve_value("examples/space3d.csv", ["--bias", "--dict", "samples"])
        good = (viol == F(wit["violation"]) and viol > F(wit["bound"]) == 1
                and [str(t) for t in w] == [str(F(t)) for t in wit["w"]]
                and F(j["gap"]) == samples - full > 0
                and F(j["full_value"]) == full and F(j["samples_value"]) == samples)
    if good:
        ok(f"predict fails on the 3-D example: gap {j['gap']}, witness violation "
           f"{wit['violation']} > 1 recomputed from (T, S, sign)")
    else:
        fail("predict fails on the 3-D example with a verified witness", r.stdout, r.stderr)

    r = subprocess.run([WC, "predict", "examples/space3d.csv", "--bias", "--dict", "full"],
                       capture_output=True, text=True)
    if r.returncode == 2 and "unknown option '--dict'" in r.stderr and r.stdout == "":
        ok("predict rejects --dict (it solves both)")
    else:
        fail("predict rejects --dict", r.stderr)

    # checkcert: small (two dictionary kinds, the vertex dictionary and the
    # reflection dictionary of deep 1-D networks, and features through a
    # trunk, in under 1300 lines: one sitting's reading), GMP only, nothing
    # from src/
    src = open("proofs/checkcert.c").read()
    includes = set(re.findall(r"#include\s*[<\"]([^>\"]+)", src))
    nlines = src.count("\n")
    if nlines < 1300 and includes <= {"errno.h", "limits.h", "setjmp.h", "stdarg.h", "stdio.h", "stdlib.h", "string.h", "time.h", "gmp.h"}:
        ok(f"checkcert is {nlines} lines and includes only {sorted(includes)}")
    else:
        fail("checkcert is small and GMP-only", f"{nlines} lines, includes {includes}")

    return result()


def refsolve_value(path, flags):
    out = subprocess.run([sys.executable, refsolve.__file__, path] + flags,
                         capture_output=True, text=True).stdout.strip()
    return F(out)


if __name__ == "__main__":
    sys.exit(main())
