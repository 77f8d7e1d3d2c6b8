"""wedgecert.py -- exact optimal ReLU networks from Python (standard library only).

A thin layer over the wedgecert tool's JSON output: data goes in as exact
rationals (int, Fraction, or str such as "3/4" or "0.1"; a float is taken
at its exact binary value), results come back as fractions.Fraction.

    from fractions import Fraction
    import wedgecert
    r = wedgecert.solve([[0], [4], [5], [7], [10], [11]], [0, 0, 0, 2, 3, 3], bias=True)
    print(r["optimal_value"])            # Fraction(2, 1), certified
    print(wedgecert.predict(X, y, bias=True)["prediction"])

The tool is found through the environment variable WEDGECERT, then next to
this file (../build/wedgecert), then on PATH.
"""
import json
import os
import shutil
import subprocess
import tempfile
from fractions import Fraction

__all__ = ["solve", "check_net", "predict", "WedgecertError"]


class WedgecertError(RuntimeError):
    """The tool rejected the input or could not certify a result."""


def _tool():
    env = os.environ.get("WEDGECERT")
    if env:
        return env
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "wedgecert")
    if os.path.exists(here):
        return here
    found = shutil.which("wedgecert")
    if found:
        return found
    raise WedgecertError("the wedgecert tool was not found (set WEDGECERT)")


def _exact(v):
    """A token the tool reads exactly: numbers only.

    int, Fraction, Decimal, float (its exact binary64 value) and numpy
    scalars; a str only when it is one number ("3/4", "0.1", "-1e-3").
    Anything else, bool included, is a TypeError or a ValueError, never
    passed through (a string "0,3" would otherwise become two CSV fields).
    """
    import decimal
    import numbers
    if isinstance(v, bool) or type(v).__name__ == "bool_":
        raise TypeError("a bool is not a number")
    if isinstance(v, str):
        try:
            v = Fraction(v.strip())
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"expected a number, found the string {v!r}") from None
    elif isinstance(v, (int, Fraction, decimal.Decimal)) or isinstance(v, numbers.Rational):
        v = Fraction(v)
    elif isinstance(v, float) or isinstance(v, numbers.Real):
        f = float(v)                 # numpy floats too: their exact binary value
        if f != f or f in (float("inf"), float("-inf")):
            raise ValueError(f"expected a finite number, found {v!r}")
        v = Fraction(f)
    elif hasattr(v, "dtype") and getattr(v, "shape", None) == ():
        return _exact(v.item())      # a numpy 0-d array or scalar
    else:
        raise TypeError(f"expected a number, found {type(v).__name__} {v!r}")
    return f"{v.numerator}/{v.denominator}"


def _fractions(obj):
    """Exact strings "p/q" of the JSON become Fractions; other values stay."""
    if isinstance(obj, dict):
        return {k: (v if k.endswith("_approx") else _fractions(v)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_fractions(v) for v in obj]
    if isinstance(obj, str):
        try:
            return Fraction(obj)
        except ValueError:
            return obj
    return obj


def _flags(loss, beta, bias, intercept):
    flags = ["--loss", loss]
    if beta is not None:
        flags += ["--beta", _exact(beta)]
    if bias:
        flags.append("--bias")
    if intercept:
        flags.append("--intercept")
    return flags


def _run(command, X, y, flags, extra_files=()):
    if len(X) != len(y):
        raise ValueError("X and y have different lengths")
    with tempfile.TemporaryDirectory() as d:
        data = os.path.join(d, "data.csv")
        with open(data, "w") as f:
            for x, yi in zip(X, y):
                f.write(",".join(_exact(v) for v in list(x) + [yi]) + "\n")
        files = []
        for name, text in extra_files:
            path = os.path.join(d, name)
            with open(path, "w") as f:
                f.write(text)
            files.append(path)
        r = subprocess.run([_tool(), command, data] + files + flags + ["--json", "--quiet"],
                           capture_output=True, text=True)
    if r.returncode != 0:
        raise WedgecertError(r.stderr.strip())
    return _fractions(json.loads(r.stdout))


def solve(X, y, loss="interp", beta=None, bias=False, intercept=False, dictionary="full"):
    """The certified optimal network: a dict with 'status', 'optimal_value',
    'intercept', 'neurons' (each with 'w', 'b', 'alpha', 'coords', 'samples'),
    'dual', 'outputs', ... as Fractions."""
    return _run("solve", X, y, _flags(loss, beta, bias, intercept) + ["--dict", dictionary])


def check_net(X, y, neurons, intercept=0, loss="interp", beta=None, bias=False,
              has_intercept=False, binary64=False):
    """Compares a network (neurons: list of dicts with 'w', 'b', 'alpha') with
    the certified optimum: 'objective', 'optimal_value', 'gap',
    'relative_gap', 'optimal', 'neurons' (nearest atoms)."""
    net = {"neurons": [{"w": [_exact(v) for v in nu["w"]], "b": _exact(nu.get("b", 0)),
                        "alpha": _exact(nu["alpha"])} for nu in neurons],
           "intercept": _exact(intercept)}
    flags = _flags(loss, beta, bias, has_intercept) + (["--binary64"] if binary64 else [])
    return _run("check-net", X, y, flags, [("net.json", json.dumps(net))])


def predict(X, y, loss="interp", beta=None, bias=False, intercept=False):
    """Decides whether wedges of samples alone attain the optimum:
    'prediction' ('holds'/'fails'/'infeasible'), 'dictionaries_equal', 'full_value', 'samples_value', 'gap',
    'witness'."""
    return _run("predict", X, y, _flags(loss, beta, bias, intercept))
