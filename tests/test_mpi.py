#!/usr/bin/env python3
"""tests/test_mpi.py -- wedgecert-mpi (make mpi) writes what wedgecert writes.

Pricing spread over R = 1, 2, 3 MPI processes (mpirun --oversubscribe)
must give the byte-identical certificate of the single-process run, and
its --json output but for the run statistic exact_prices --
interp streamed (optimal, and infeasible by the Farkas route), the l1
loss (partial pricing), in 2-D and 3-D -- which checkcert accepts; rank 0
alone writes (no second file, no temporary left), and the pricing line
names every process.  Skipped where the build has no wedgecert-mpi.
"""
import json
import os
import random
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from harness import ok, fail, skip, result, BUILD, WC, CHECK, TMP, write_rows  # noqa: E402

MPI = os.path.abspath(os.path.join(BUILD, "wedgecert-mpi"))
ENV = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
           OMP_NUM_THREADS="1", OMPI_MCA_rmaps_base_oversubscribe="1")


def points(n, d, seed, dup=False):
    rng = random.Random(seed)
    seen = set()
    rows = []
    while len(rows) < n:
        x = tuple(rng.randint(-60, 60) for _ in range(d))
        if x not in seen:
            seen.add(x)
            rows.append(list(x) + [rng.randint(-5, 5)])
    if dup:
        rows.append(rows[0][:-1] + [rows[0][-1] + 1])
    return rows


CASES = [
    ("interp 2-D n = 60", points(60, 2, 1), ["--bias", "--columns", "stream"]),
    ("interp 3-D n = 30", points(30, 3, 2), ["--bias", "--columns", "stream"]),
    ("infeasible (Farkas route)", points(40, 2, 3, dup=True),
     ["--bias", "--columns", "stream", "--no-presolve"]),
    ("l1 loss, partial pricing", points(70, 2, 4), ["--bias", "--loss", "l1", "--beta", "1/10"]),
]


def main():
    if not os.path.exists(MPI) or shutil.which("mpirun") is None:
        skip("wedgecert-mpi", "not built (make mpi needs libopenmpi-dev and openmpi-bin)")
        return result()
    for name, rows, flags in CASES:
        data = write_rows("mpi.csv", rows)
        one = os.path.join(TMP, "one.cert")
        r = subprocess.run([WC, "solve", data, "--cert", one, "--quiet", "--json"] + flags,
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"{name}: wedgecert alone", r.stderr[:300])
            continue
        want = open(one, "rb").read()
        want_json = json.loads(r.stdout)
        want_json.pop("exact_prices", None)
        for R in (1, 2, 3):
            out = os.path.join(TMP, f"mpi{R}")
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
            cert = os.path.join(out, "c.cert")
            p = subprocess.run(["mpirun", "--oversubscribe", "-np", str(R), MPI, "solve", data,
                                "--cert", cert, "--json"] + flags, capture_output=True, text=True,
                               env=ENV, timeout=300)
            got = open(cert, "rb").read() if os.path.exists(cert) else b""
            c = subprocess.run([CHECK, cert], capture_output=True, text=True)
            line = [s for s in p.stderr.replace("\r", "\n").splitlines() if s.startswith("wedgecert-mpi:")]
            got_json = json.loads(p.stdout) if p.returncode == 0 else {}
            got_json.pop("exact_prices", None)
            if p.returncode != 0:
                fail(f"{name}: R = {R}", f"exit {p.returncode}", p.stderr[-300:])
            elif got_json != want_json:
                fail(f"{name}: R = {R}: the --json output differs",
                     str([k for k in want_json if want_json[k] != got_json.get(k)]))
            elif got != want:
                fail(f"{name}: R = {R}: the certificate differs from the single-process one")
            elif c.returncode != 0:
                fail(f"{name}: R = {R}: checkcert rejects it", c.stdout[-200:])
            elif os.listdir(out) != ["c.cert"]:
                fail(f"{name}: R = {R}: files beside the certificate", str(os.listdir(out)))
            elif len(line) != 1 or len(line[0].split(":")[-1].split()) != R:
                fail(f"{name}: R = {R}: no pricing line naming {R} processes", p.stderr[-300:])
            else:
                ok(f"{name}: R = {R}: the single-process certificate, byte for byte, and output; "
                   "checkcert accepts")
    return result()


if __name__ == "__main__":
    sys.exit(main())
