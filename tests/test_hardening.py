#!/usr/bin/env python3
"""tests/test_hardening.py -- oversized work refused, files never clobbered.

* work that cannot finish is refused up front, with its size and the
  limit, on every route and command: d = 30, n = 40 (about 1e19 atoms);
  2 x 50,000 with biases (2.5e9 atoms, once 24 GB); --max-atoms applies to
  the streamed route; an estimated-memory limit (--max-memory); with the
  limits lifted, running out of memory is a message, not an abort;
* --cert and --write-lp: a character device and a FIFO are written
  through, a symbolic link, a directory are refused (and left alone), a
  regular file is replaced whole, no temporary file is left;
* a full disk on stdout is exit 4 with a message;
* Ctrl-C during a long solve: "interrupted", exit 130, no output file;
* the network reader of check-net: trailing text, a second object,
  duplicate keys, unknown keys ("intercpet", a neuron's "bias"), an empty
  file, a repeated intercept row, deep nesting: errors with a location;
  solve --json read back; check-net's own options (--threads, --columns)
  before NET;
* the Python module takes numbers only.
"""
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from harness import ok, fail, run_parts, BUILD, WC, TMP, write_rows  # noqa: E402




def run(args, timeout=60, **kw):
    t = time.monotonic()
    r = subprocess.run([WC] + args, capture_output=True, text=True, timeout=timeout, **kw)
    return r.returncode, r.stdout, r.stderr, time.monotonic() - t


def refusals():
    rng = random.Random(3)
    d30 = write_rows("d30.csv", [[rng.randint(-9, 9) for _ in range(31)] for _ in range(40)])
    wide = write_rows("wide.csv", [[rng.randint(-9, 9) for _ in range(50001)] for _ in range(2)])
    cases = [
        ("solve d = 30, n = 40", ["solve", d30], "more than 1.8e19 atoms"),
        ("solve d = 30 --columns full", ["solve", d30, "--columns", "full"], "more than 1.8e19 atoms"),
        ("solve d = 30 --columns materialise", ["solve", d30, "--columns", "materialise"], "more than 1.8e19"),
        ("solve d = 30 --bias", ["solve", d30, "--bias"], "more than 1.8e19 atoms"),
        ("predict d = 30", ["predict", d30], "more than 1.8e19 atoms"),
        ("path d = 30", ["path", d30], "more than 1.8e19 atoms"),
        ("dict d = 30", ["dict", d30, "--json"], "more than 1.8e19 atoms"),
        ("oracle --n 40 --d 30", ["oracle", "--n", "40", "--d", "30", "--seed", "1", "--out",
                                  os.path.join(TMP, "o30")], "more than 1.8e19 atoms"),
        ("solve 2 x 50,000 --bias", ["solve", wide, "--bias"], "up to 2500150000 atoms"),
        ("--max-atoms on the streamed route", ["solve", "examples/space3d.csv", "--bias", "--columns",
                                               "stream", "--max-atoms", "10"], "more than the limit of 10"),
        ("--max-memory", ["solve", wide, "--bias", "--max-atoms", "0", "--max-memory", "0.001"],
         "more than the limit of 0.001 GB"),
    ]
    for name, args, words in cases:
        rc, out, err, sec = run(args)
        if rc == 1 and words in err and "limit" in err and sec < 20 and out == "":
            ok(f"{name}: refused in {sec:.2f} s: {err.strip()[:110]}")
        else:
            fail(name, f"exit {rc} after {sec:.1f} s", err[:300], out[:200])
    # limits lifted under a 600 MB address-space limit: out of memory is a
    # message and exit 1, never FLINT's abort with its text on stdout
    if "asan" in BUILD:
        ok("out of memory under an address-space limit: skipped under AddressSanitizer")
    else:
        import resource

        def cap():
            resource.setrlimit(resource.RLIMIT_AS, (600 << 20, 600 << 20))
        rc, out, err, sec = run(["solve", wide, "--bias", "--columns", "full", "--max-atoms", "0",
                                 "--max-memory", "0", "--cert", os.path.join(TMP, "oom.cert")], preexec_fn=cap)
        if rc == 1 and "out of memory" in err and "Exception" not in out + err \
                and not os.path.exists(os.path.join(TMP, "oom.cert")):
            ok(f"out of memory (limits lifted, 600 MB address space): exit 1, '{err.strip()[:70]}'")
        else:
            fail("out of memory under an address-space limit", f"exit {rc}", out[:200], err[:300])
    # one row of a million columns: read in memory proportional to the row
    # (once 16 rows' worth), then refused by the memory estimate
    row = os.path.join(TMP, "row.csv")
    open(row, "w").write(",".join(str(rng.randint(-9, 9)) for _ in range(1000001)) + "\n")
    if "asan" in BUILD:
        ok("one row of a million columns: skipped under AddressSanitizer (address-space limit)")
    else:
        import resource

        def cap_row():
            resource.setrlimit(resource.RLIMIT_AS, (200 << 20, 200 << 20))
        rc, out, err, sec = run(["solve", row, "--bias"], preexec_fn=cap_row)
        if rc == 1 and "--max-memory raises it" in err and out == "":
            ok(f"one row of a million columns, within 200 MB of address space: refused in {sec:.1f} s")
        else:
            fail("one row of a million columns", f"exit {rc}", err[:300])
    rc, out, err, _ = run(["solve", "examples/space3d.csv", "--bias", "--columns", "stream", "--max-atoms", "100000"])
    if rc == 0 and "optimal value" in out:
        ok("a raised --max-atoms lets the same solve run")
    else:
        fail("a raised --max-atoms", err[:200])


def outputs():
    data = "examples/plane2d.csv"
    # a character device: written through, still a device
    rc, _, err, _ = run(["solve", data, "--bias", "--cert", "/dev/null", "--quiet"])
    if rc == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode):
        ok("--cert /dev/null writes through; /dev/null is still a character device")
    else:
        fail("--cert /dev/null", err)
    # a symbolic link: refused, its target untouched
    target = os.path.join(TMP, "target.txt")
    open(target, "w").write("keep\n")
    link = os.path.join(TMP, "link.cert")
    os.symlink(target, link)
    rc, _, err, _ = run(["solve", data, "--bias", "--cert", link, "--quiet"])
    if rc == 4 and "symbolic link" in err and open(target).read() == "keep\n" and os.path.islink(link):
        ok("--cert onto a symbolic link: refused (exit 4), link and target untouched")
    else:
        fail("--cert onto a symbolic link", f"exit {rc}", err)
    rc, _, err, _ = run(["solve", data, "--bias", "--write-lp", TMP, "--quiet"])
    if rc == 4 and "is a directory" in err and os.path.isdir(TMP):
        ok("--write-lp onto a directory: refused (exit 4)")
    else:
        fail("--write-lp onto a directory", f"exit {rc}", err)
    # a FIFO: written through to its reader
    fifo = os.path.join(TMP, "cert.fifo")
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
    rc, _, err, _ = run(["solve", data, "--bias", "--cert", fifo, "--quiet"])
    got = reader.communicate(timeout=30)[0].decode()
    if rc == 0 and got.startswith("wedgecert-certificate 1") and stat.S_ISFIFO(os.stat(fifo).st_mode):
        ok("--cert onto a FIFO: the certificate reaches its reader; the FIFO stays")
    else:
        fail("--cert onto a FIFO", f"exit {rc}", err, got[:100])
    # a regular file: replaced whole, nothing left beside it
    cert = os.path.join(TMP, "out.cert")
    open(cert, "w").write("old\n")
    rc, _, err, _ = run(["solve", data, "--bias", "--cert", cert, "--quiet"])
    left = [f for f in os.listdir(TMP) if f.startswith("out.cert.")]
    if rc == 0 and open(cert).read().startswith("wedgecert-certificate 1") and not left:
        ok("--cert onto a regular file: replaced whole, no temporary file left")
    else:
        fail("--cert onto a regular file", f"exit {rc}", err, left)
    # a full disk
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            r = subprocess.run([WC, "solve", data, "--bias"], stdout=full, stderr=subprocess.PIPE, text=True)
        if r.returncode == 4 and "cannot write the output" in r.stderr:
            ok("solve > /dev/full: exit 4, 'cannot write the output'")
        else:
            fail("solve > /dev/full", f"exit {r.returncode}", r.stderr)


def interrupt():
    # (n = 500: about 10 s here; n = 200 now ends within the second)
    rng = random.Random(7)
    seen = set()
    while len(seen) < 500:
        seen.add((rng.randint(-1000, 1000), rng.randint(-1000, 1000)))
    data = write_rows("long.csv", [list(p) + [rng.randint(-5, 5)] for p in sorted(seen)])
    cert = os.path.join(TMP, "long.cert")
    p = subprocess.Popen([WC, "solve", data, "--bias", "--columns", "stream", "--cert", cert, "--quiet"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    left = [f for f in os.listdir(TMP) if f.startswith("long.cert")]
    if p.returncode == 130 and "interrupted" in err and not left:
        ok("Ctrl-C during a long solve: 'interrupted', exit 130, no output file")
    else:
        fail("Ctrl-C during a long solve", f"exit {p.returncode}", err[:200], left)


def network_reader():
    data = "examples/ramps1d.csv"
    good = '{"neurons": [{"w": [1], "b": -5, "alpha": 1}], "intercept": 0}'
    def at(text, needle, msg):              # "1:COL: error: msg" at needle's first place
        return f"1:{text.index(needle) + 1}: error: {msg}"
    dup = '{"neurons": [], "neurons": []}'
    typo = '{"neurons": [], "intercpet": 5}'
    second = dup.rindex('"neurons"') + 1
    cases = [
        ("trailing.json", good + " x", at(good + " x", "x", "text after the JSON object")),
        ("second.json", good + good, f"1:{len(good) + 1}: error: text after the JSON object"),
        ("dupkey.json", dup, f"1:{second}: error: duplicate key \"neurons\""),
        ("dupw.json", '{"neurons": [{"w": [1], "w": [2], "alpha": 1}]}', "error: duplicate key \"w\""),
        ("typo.json", typo, at(typo, '"intercpet"', "unknown key \"intercpet\"")),
        ("bias.json", '{"neurons": [{"w": [1], "bias": 3, "alpha": 1}]}', "error: unknown key \"bias\""),
        ("empty.json", "", "1:1: error: empty file"),
        ("blank.csv", "\n  \n", "3:1: error: empty file"),
        ("comments.csv", "# nothing\n", "error: no network"),
        ("twoicpt.csv", "1,0,1\nintercept,1\nintercept,2\n", "3:1: error: a second 'intercept' row"),
        ("deep.json", '{"neurons": [], "dual": ' + "[" * 100 + "]" * 100 + "}", "error: nested deeper than 64"),
        ("unterminated.json", '{"neurons": [{"w": ["1', "error: unterminated string"),
        ("hexexp.csv", "1,0,1\n0x1.8p,0,1\n", "2:1: error: expected a number"),   # read past the end once
    ]
    for name, text, want in cases:
        path = os.path.join(TMP, name)
        open(path, "w").write(text)
        rc, out, err, _ = run(["check-net", data, path, "--bias"])
        if rc == 1 and f"{name}:{want}" in err or (rc == 1 and want.startswith("error:") and want in err):
            ok(f"check-net NET {name}: {err.strip()[len(TMP) + 1:][:90]}")
        else:
            fail(f"check-net NET {name}", f"exit {rc}", err[:300], out[:100])
    # every kind of solve --json output reads back (empty lists included)
    bad = []
    for data, flags in [("examples/plane2d.csv", ["--loss", "l1", "--beta", "1/10", "--bias"]),
                        ("examples/plane2d.csv", ["--loss", "squared", "--beta", "1/10", "--bias"]),
                        ("examples/plane2d.csv", ["--bias", "--columns", "stream"]),
                        ("examples/space3d.csv", ["--bias", "--dict", "samples"]),
                        ("examples/xor_hinge.csv", ["--loss", "hinge", "--beta", "1/2"])]:
        rc, out, err, _ = run(["solve", data, "--json", "--quiet"] + flags)
        sol = os.path.join(TMP, "kind.json")
        open(sol, "w").write(out)
        keep = [f for f in flags if f not in ("--columns", "stream", "--dict", "samples")]
        rc2, out2, err2, _ = run(["check-net", data, sol, "--json"] + keep)
        if rc2 != 0:
            bad.append(f"{' '.join(flags)}: {err2.strip()[:150]}")
    if not bad:
        ok("five kinds of solve --json output (l1, squared, streamed, samples, hinge) read back into check-net")
    else:
        fail("solve --json outputs read back", *bad)
    # the output of solve --json reads back; options with values before NET
    rc, out, err, _ = run(["solve", data, "--bias", "--json", "--quiet"])
    sol = os.path.join(TMP, "solution.json")
    open(sol, "w").write(out)
    rc, out, err, _ = run(["check-net", data, "--threads", "2", "--columns", "full", sol, "--bias", "--json"])
    if rc == 0 and '"optimal": true' in out:
        ok("solve --json reads back into check-net (with --threads 2 --columns full before NET): optimal")
    else:
        fail("solve --json reads back into check-net", f"exit {rc}", err[:300])


def json_keys_documented():
    """Every key that any kind of solve --json emits is named in solve --help."""
    rc, helptext, _, _ = run(["solve", "--help"])
    keys = set()
    for data, flags in [("examples/plane2d.csv", ["--bias"]), ("examples/plane2d.csv", []),
                        ("examples/plane2d.csv", ["--bias", "--columns", "stream"]),
                        ("examples/plane2d.csv", ["--bias", "--loss", "squared", "--beta", "1/10"]),
                        ("examples/xor_hinge.csv", ["--loss", "hinge", "--beta", "1/2", "--dict", "samples"])]:
        rc, out, err, _ = run(["solve", data, "--json", "--quiet"] + flags)
        j = json.loads(out)
        keys |= set(j)
        for nu in j.get("neurons", []) + j.get("balanced_approx", []):
            keys |= set(nu)
    missing = sorted(k for k in keys if f'"{k}"' not in helptext
                     and not (k.endswith("_approx") and f'"{k[:-7]}"' in helptext))
    if not missing:
        ok(f"all {len(keys)} keys of solve --json are documented in solve --help")
    else:
        fail("solve --json keys documented", f"missing from --help: {missing}")


def python_numbers():
    sys.path.insert(0, os.path.join(os.path.dirname(HERE), "python"))
    os.environ["WEDGECERT"] = WC
    import wedgecert
    from fractions import Fraction
    bad = []
    for X, y in [([["0,3"], ["1,4"], ["2,1"]], [0, 1, 0]), ([[True], [1], [2]], [0, 1, 0]),
                 ([[None], [1], [2]], [0, 1, 0]), ([[float("nan")], [1], [2]], [0, 1, 0]),
                 ([[0], [1], [2]], ["1;2", 1, 0])]:
        try:
            wedgecert.solve(X, y)
            bad.append(f"accepted {X} {y}")
        except (TypeError, ValueError):
            pass
    good = wedgecert.solve([["0"], [1], [Fraction(2)]], ["0", 0.5, " 0 "], bias=True)["optimal_value"]
    if not bad and good == Fraction(1):
        ok("Python: '0,3', True, None, nan and '1;2' refused; '0', 0.5, ' 0 ', Fraction accepted (value 1)")
    else:
        fail("Python takes numbers only", *bad, f"value {good}")


def main():
    return run_parts(refusals, outputs, interrupt, network_reader, json_keys_documented, python_numbers)


if __name__ == "__main__":
    sys.exit(main())
