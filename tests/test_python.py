#!/usr/bin/env python3
"""tests/test_python.py -- the Python package python/wedgecert/.

* ReLUNet: fit returns self with the certified optimum (checked against
  the independent reference solver on random data), predict_exact equals
  an evaluation done here from neurons_ and intercept_, predict gives a
  numpy float array (a list without numpy), the certificate is accepted by
  checkcert, get_params/set_params round-trip, beta with interp and an
  unknown penalty are errors;
* inputs: numpy arrays, lists, Fractions, strings; floats by both
  policies (exact binary64 by default, shortest decimal with decimals=True);
* check_net takes intercept=True like every other function, a fitted
  ReLUNet, or numpy weights; evaluate, dictionary (every column equals
  (w.x + b)_+ of its atom), path (breakpoints down to 0), oracle (its
  optimum equals a fresh solve of its data);
* errors name samples from 0 and show no temporary path;
* __version__ is the tool's; make install puts the package where Debian's
  python3 finds it and it finds the installed tool; pip installs it offline;
* every code block of the README's "For Python users" section runs.
"""
import os
import re
import shutil
import subprocess
import sys
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refsolve  # noqa: E402
from harness import ok, fail, skip, result, WC, CHECK, TMP, BUILD  # noqa: E402

PYDIR = os.path.abspath("python")
sys.path.insert(0, PYDIR)
os.environ["WEDGECERT"] = WC
import wedgecert  # noqa: E402

try:
    import numpy
except ImportError:
    numpy = None


def check(name, cond, *why):
    if cond:
        ok(name)
    else:
        fail(name, *why)


def relu_eval(neurons, xi, x):
    return sum(n["alpha"] * max(F(0), sum(F(w) * F(v) for w, v in zip(n["w"], x)) + n["b"])
               for n in neurons) + xi


def test_estimator():
    X = [[0], [4], [5], [7], [10], [11]]
    y = [0, 0, 0, 2, 3, 3]
    net = wedgecert.ReLUNet(bias=True)
    check("ReLUNet.fit returns self", net.fit(X, y) is net)
    check("ReLUNet: the published 1-D optimum 2", net.optimal_value_ == 2, str(net.optimal_value_))
    pts = [[F(-3)], [F(9, 2)], [6], [8], [F(23, 2)], [20]]
    exact = net.predict_exact(pts)
    mine = [relu_eval(net.neurons_, net.intercept_, p) for p in pts]
    check("ReLUNet.predict_exact equals an evaluation here from neurons_",
          exact == mine and all(isinstance(v, F) for v in exact), str(exact), str(mine))
    pred = net.predict(pts)
    if numpy is not None:
        check("ReLUNet.predict: a numpy float array of the nearest doubles",
              isinstance(pred, numpy.ndarray) and pred.dtype == float
              and list(pred) == [float(v) for v in exact], repr(pred))
    else:
        skip("ReLUNet.predict numpy array", "numpy is not installed")
    cert = os.path.join(TMP, "net.cert")
    with open(cert, "w") as f:
        f.write(net.certificate_)
    r = subprocess.run([CHECK, cert], capture_output=True, text=True)
    check("ReLUNet.certificate_ is accepted by checkcert", r.returncode == 0, r.stdout + r.stderr)
    p = net.get_params()
    check("ReLUNet get_params / set_params", wedgecert.ReLUNet(**p).get_params() == p
          and net.set_params(loss="l1", beta=F(1, 3)).beta == F(1, 3))
    for bad, why in [(dict(beta=1), "beta has no meaning"), (dict(penalty="l2"), "penalty")]:
        try:
            wedgecert.ReLUNet(**bad).fit(X, y)
            fail(f"ReLUNet({bad}) is refused")
        except (ValueError, wedgecert.WedgecertError) as e:
            check(f"ReLUNet({bad}) is refused: {e}", why in str(e), str(e))
    try:
        wedgecert.ReLUNet().predict([[1]])
        fail("an unfitted ReLUNet refuses to predict")
    except wedgecert.WedgecertError:
        ok("an unfitted ReLUNet refuses to predict")

    # random data: the estimator's optimum is the reference solver's
    import random
    rng = random.Random(11)
    for t in range(4):
        d = 1 + t % 2
        n = 5
        Xr = [[F(rng.randint(-6, 6), rng.choice([1, 2])) for _ in range(d)] for _ in range(n)]
        yr = [F(rng.randint(-4, 4), rng.choice([1, 3])) for _ in range(n)]
        m = wedgecert.ReLUNet(loss="l1", beta=F(1, 4), bias=True).fit(Xr, yr)
        ref = refsolve.solve(Xr, yr, "l1", F(1, 4), True, True)
        if ref is None:
            skip(f"ReLUNet on random data {t}", "esolver (qsopt-ex) is not installed")
        else:
            check(f"ReLUNet(loss='l1') on random data {t}: the reference solver's optimum",
                  m.optimal_value_ == ref, str(m.optimal_value_), str(ref))


def test_inputs():
    X = [[0], [1], [2]]
    y = [0.1, 0.2, 0.2]
    binary = wedgecert.ReLUNet(loss="l1", beta=1, bias=True).fit(X, y)
    decimal = wedgecert.ReLUNet(loss="l1", beta=1, bias=True, decimals=True).fit(X, y)
    want_d = wedgecert.solve(X, ["1/10", "1/5", "1/5"], loss="l1", beta=1, bias=True)
    want_b = wedgecert.solve(X, [F(0.1), F(0.2), F(0.2)], loss="l1", beta=1, bias=True)
    check("floats: exact binary64 by default, the shortest decimal with decimals=True",
          binary.optimal_value_ == want_b["optimal_value"]
          and decimal.optimal_value_ == want_d["optimal_value"]
          and binary.optimal_value_ != decimal.optimal_value_,
          str(binary.optimal_value_), str(decimal.optimal_value_))
    check("exact(0.1) and exact(0.1, decimals=True)",
          wedgecert.exact(0.1) == F(3602879701896397, 36028797018963968)
          and wedgecert.exact(0.1, decimals=True) == F(1, 10))
    if numpy is not None:
        Xn = numpy.array([[0.0], [4.0], [5.0], [7.0], [10.0], [11.0]])
        yn = numpy.array([0, 0, 0, 2, 3, 3])
        a = wedgecert.ReLUNet(bias=True).fit(Xn, yn)
        b = wedgecert.ReLUNet(bias=True).fit(Xn.ravel(), list(yn))
        check("numpy arrays (2-D and 1-D) are read exactly",
              a.optimal_value_ == 2 and b.optimal_value_ == 2)
    else:
        skip("numpy inputs", "numpy is not installed")
    for bad in [[[True]], [["a,b"]], [[float("nan")]]]:
        try:
            wedgecert.solve(bad, [0])
            fail(f"{bad!r} is refused")
        except (TypeError, ValueError):
            ok(f"{bad!r} is refused with a TypeError or ValueError")


def test_functions():
    X = [[0, 0], [1, 0], [0, 1], [1, 1], [2, 1], [F(1, 2), 2]]
    y = [1, 0, 2, F(1, 2), -1, 3]
    r = wedgecert.solve(X, y, bias=True)
    net = {"neurons": r["neurons"], "intercept": r["intercept"]}
    rep = wedgecert.check_net(X, y, net, bias=True)
    check("check_net: the solver's network is exactly optimal", rep["optimal"] is True, str(rep)[:200])
    r2 = wedgecert.solve(X, y, loss="l1", beta=F(1, 10), intercept=True)
    rep2 = wedgecert.check_net(X, y, {"neurons": r2["neurons"], "intercept": r2["intercept"]},
                               loss="l1", beta=F(1, 10), intercept=True)
    check("check_net(..., intercept=True) as in solve", rep2["optimal"] is True, str(rep2)[:200])
    fitted = wedgecert.ReLUNet(loss="l1", beta=F(1, 10), bias=True).fit(X, y)
    check("check_net takes a fitted ReLUNet",
          wedgecert.check_net(X, y, fitted, loss="l1", beta=F(1, 10), bias=True)["optimal"] is True)
    pts = [[F(1, 3), F(2, 3)], [5, -1]]
    check("evaluate equals an evaluation here",
          wedgecert.evaluate(net, pts) == [relu_eval(r["neurons"], r["intercept"], p) for p in pts])
    K, origins = wedgecert.dictionary(X, bias=True)
    rows = K.tolist() if hasattr(K, "tolist") else K
    good = len(rows) == len(X) and all(
        rows[i][u] == max(F(0), sum(F(w) * F(v) for w, v in zip(o["w"], X[i])) + o["b"])
        for u, o in enumerate(origins) for i in range(len(X)))
    check(f"dictionary: {len(origins)} atoms, every column (w.x + b)_+ of its origin", good)
    p = wedgecert.path(X, y, bias=True)
    betas = [b["beta"] for b in p["breakpoints"]]
    check("path: breakpoints decreasing down to beta = 0",
          betas == sorted(betas, reverse=True) and betas[-1] == 0, str(betas))
    o = wedgecert.oracle(6, 2, 3, bias=True)
    fresh = wedgecert.solve([row[:-1] for row in o["data"]], [row[-1] for row in o["data"]], bias=True)
    check("oracle: its optimum is a fresh solve's",
          o["solution"]["optimal_value"] == fresh["optimal_value"], str(o["solution"].get("optimal_value")))
    v = subprocess.run([WC, "--version"], capture_output=True, text=True).stdout.split()
    check("__version__ is the tool's", len(v) > 1 and wedgecert.__version__ == v[1], str(v))


def test_errors():
    try:
        wedgecert.solve([[0], [1], [2]], [1, 0, 1], loss="hinge", beta=1)
        fail("hinge with a 0 label is an error")
    except wedgecert.WedgecertError as e:
        m = str(e)
        check(f"errors name samples from 0, no temporary path: {m}",
              "sample 1 " in m and "/tmp" not in m and TMP not in m and ".csv" not in m, m)


def test_install():
    if os.environ.get("PREFIX_TEST", "yes") == "no":
        skip("make install (Python package)", "sanitizer build (as tests/install.sh)")
        return
    prefix = os.path.join(TMP, "prefix")
    r = subprocess.run(["make", "-s", "install", f"BUILD={BUILD}", f"PREFIX={prefix}"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail("make install (Python package)", r.stderr[-500:])
        return
    py = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    ver = subprocess.run([py, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                         capture_output=True, text=True).stdout.strip()
    site = os.path.join(prefix, "lib", f"python{ver}", "dist-packages")
    env = {k: v for k, v in os.environ.items() if k != "WEDGECERT"}
    env["PYTHONPATH"] = site
    code = ("import wedgecert; n = wedgecert.ReLUNet(bias=True).fit([[0],[4],[5],[7],[10],[11]],"
            "[0,0,0,2,3,3]); print(wedgecert.tool(), n.optimal_value_)")
    r = subprocess.run([py, "-c", code], capture_output=True, text=True, env=env, cwd=TMP)
    check("make install: the package is in PREFIX's dist-packages and runs the installed tool",
          r.returncode == 0 and r.stdout.split() == [os.path.join(prefix, "bin", "wedgecert"), "2"],
          r.stdout, r.stderr[-400:])
    target = os.path.join(TMP, "pip")
    source = os.path.join(TMP, "python-src")      # setuptools builds in the source folder
    shutil.copytree(PYDIR, source, ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
    r = subprocess.run([py, "-m", "pip", "install", "--no-build-isolation", "--no-index", "-q",
                        "--target", target, source], capture_output=True, text=True, env=env)
    if r.returncode != 0 and "No module named pip" in r.stderr:
        skip("pip install ./python", "pip is not installed")
        return
    env["PYTHONPATH"] = target
    env["WEDGECERT"] = WC
    r2 = subprocess.run([py, "-c", "import wedgecert; print(wedgecert.__version__)"],
                        capture_output=True, text=True, env=env, cwd=TMP)
    check("pip install --no-build-isolation ./python works offline",
          r.returncode == 0 and r2.returncode == 0 and r2.stdout.strip() == wedgecert.__version__,
          r.stderr[-400:], r2.stderr[-400:])


def test_readme():
    text = open("README.md").read()
    sec = text[text.index("## For Python users"):]
    sec = sec[:sec.index("\n## ", 5)]
    blocks = re.findall(r"```python\n(.*?)```", sec, re.S)
    here = os.getcwd()
    os.chdir(TMP)
    try:
        for i, b in enumerate(blocks):
            try:
                exec(compile(b.replace('sys.path.insert(0, "python")',
                                       f"sys.path.insert(0, {PYDIR!r})"), f"README block {i}", "exec"), {})
                ok(f"README 'For Python users' block {i + 1} of {len(blocks)} runs")
            except ImportError as e:
                skip(f"README block {i + 1}", str(e))
            except Exception as e:      # noqa: BLE001 - any failure of the example
                fail(f"README 'For Python users' block {i + 1}", repr(e))
        check("README's Python example wrote its picture and certificate",
              os.path.exists("ramps.svg") and os.path.exists("ramps.cert"))
    finally:
        os.chdir(here)


def main():
    test_estimator()
    test_inputs()
    test_functions()
    test_errors()
    test_install()
    test_readme()
    return result()


if __name__ == "__main__":
    sys.exit(main())
