#!/usr/bin/env python3
"""bench/scale.py WEDGECERT OUTDIR [planted] -- the scale tables of make bench.

For d = 2, 3, 4 (hidden biases, interpolation, bench/gen.py data with
seed 1): solve --columns stream for growing n, each run limited to LIMIT
seconds, until one does not finish; prints the largest n certified in
time, its seconds and its peak resident memory (from wait4), and writes
one CSV line per run to OUTDIR/scale.csv.  planted: the same for the l1
loss (beta = 1/10) on bench/gen.py's planted data (a sparse optimum),
d = 2 and 3, into OUTDIR/planted.csv.
"""
import json
import os
import signal
import subprocess
import sys
import time

LIMIT = float(os.environ.get("SCALE_LIMIT", "60"))
SIZES = {2: [50, 100, 150, 200, 250, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000],
         3: [20, 40, 60, 80, 100, 120, 160, 200, 250, 300, 350, 400, 450, 500],
         4: [10, 20, 30, 40, 50, 60, 70, 80, 100, 120, 150, 160, 180]}
PLANTED = len(sys.argv) > 3 and sys.argv[3] == "planted"
if PLANTED:
    SIZES = {2: [100, 200, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000, 5000],
             3: [50, 100, 200, 250, 300, 350, 400, 500, 700, 1000]}
KIND = "planted" if PLANTED else "scale"
FLAGS = ["--loss", "l1", "--beta", "1/10"] if PLANTED else []
HERE = os.path.dirname(os.path.abspath(__file__))


def run(wc, path):
    """(seconds, peak KiB, certified, json) of one solve, killed at LIMIT."""
    t0 = time.monotonic()
    out_path = path + ".json"
    with open(out_path, "wb") as out:
        p = subprocess.Popen([wc, "solve", path, "--bias", "--columns", "stream", "--json", "--quiet"] + FLAGS,
                             stdout=out, stderr=subprocess.DEVNULL)
        timed_out = False
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > LIMIT:
                os.kill(p.pid, signal.SIGKILL)
                pid, status, ru = os.wait4(p.pid, 0)
                timed_out = True
                break
            time.sleep(0.02)
        p.returncode = status       # reaped here, not by Popen
    secs = time.monotonic() - t0
    res = None
    if not timed_out and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        with open(out_path) as f:
            res = json.load(f)
    os.remove(out_path)
    return secs, ru.ru_maxrss, res is not None and res.get("verified") is True, res


def main():
    wc, outdir = sys.argv[1], sys.argv[2]
    rows = []
    print("%-4s %8s %10s %10s %8s %10s %12s" % ("d", "n", "seconds", "peak_MiB", "rounds", "working", "|V| bound"))
    best = {}
    for d, sizes in SIZES.items():
        for n in sizes:
            path = os.path.join(outdir, "scale-d%d-n%d.csv" % (d, n))
            with open(path, "w") as f:
                subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), str(n), str(d), "1"]
                               + (["planted"] if PLANTED else []),
                               stdout=f, check=True)
            secs, peak, ok, res = run(wc, path)
            rounds = res["rounds"] if res else "-"
            work = res["working_set"] if res else "-"
            bound = res["dictionary_bound"] if res else "-"
            print("%-4d %8d %10.2f %10.1f %8s %10s %12s%s" % (d, n, secs, peak / 1024.0, rounds, work, bound,
                                                              "" if ok else "   (not certified in %g s)" % LIMIT))
            sys.stdout.flush()
            rows.append("%s,d=%d n=%d,%.3f,%s,%.1f,%s" % (KIND, d, n, secs, "certified" if ok else "timeout",
                                                             peak / 1024.0, rounds))
            os.remove(path)
            if not ok:
                break
            best[d] = (n, secs, peak / 1024.0)
    print()
    for d in SIZES:
        n, secs, mib = best.get(d, (0, 0.0, 0.0))
        print("d = %d: largest n certified within %g s: %d (%.1f s, peak %.1f MiB)" % (d, LIMIT, n, secs, mib))
    with open(os.path.join(outdir, "planted.csv" if PLANTED else "scale.csv"), "w") as f:
        f.write("kind,instance,seconds,result,peak_mib,rounds\n")
        f.write("\n".join(rows) + "\n")
        for d in SIZES:
            n, secs, mib = best.get(d, (0, 0.0, 0.0))
            f.write("%s-best,d=%d,%.3f,n=%d,%.1f,\n" % (KIND, d, secs, n, mib))


main()
