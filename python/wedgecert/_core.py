"""wedgecert._core -- the tool behind the package: exact numbers in, JSON out.

Every function writes its data as exact rationals into a private temporary
folder, runs the wedgecert tool with --json and returns the answer with
every exact value a fractions.Fraction (approximations stay floats under
keys ending in _approx).

Floats.  One policy everywhere: a float is its exact binary64 value (0.1 is
3602879701896397/36028797018963968); with decimals=True each float is read
as its shortest decimal repr instead (0.1 is 1/10), the tool's own rule
for text.  int, Fraction, Decimal, numpy numbers and strings holding one
number ("3/4", "0.1") are always exact.

Errors are WedgecertError, worded without the temporary files: data rows
are named as samples, numbered from 0 as in the JSON.
"""
import decimal
import json
import numbers
import os
import re
import shutil
import subprocess
import tempfile
from fractions import Fraction

try:
    from . import _config       # written by make install: where the tool is
except ImportError:             # pragma: no cover - the source tree
    _config = None


class WedgecertError(RuntimeError):
    """The tool rejected the input or could not certify a result."""


def tool():
    """The wedgecert executable: $WEDGECERT, the installed one, the source
    tree's build/wedgecert, or the one on PATH."""
    env = os.environ.get("WEDGECERT")
    if env:
        return env
    if _config is not None and os.path.exists(_config.TOOL):
        return _config.TOOL
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "wedgecert")
    if os.path.exists(here):
        return os.path.abspath(here)
    found = shutil.which("wedgecert")
    if found:
        return found
    raise WedgecertError("the wedgecert tool was not found (set WEDGECERT, or make install)")


def exact(v, decimals=False):
    """v as a Fraction, by the float policy above.  bool, NaN, infinities,
    and strings that are not one number are errors."""
    if isinstance(v, bool) or type(v).__name__ == "bool_":
        raise TypeError("a bool is not a number")
    if isinstance(v, str):
        try:
            return Fraction(v.strip())
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"expected a number, found the string {v!r}") from None
    if isinstance(v, (int, Fraction, decimal.Decimal)) or isinstance(v, numbers.Rational):
        return Fraction(v)
    if isinstance(v, float) or isinstance(v, numbers.Real):
        f = float(v)
        if f != f or f in (float("inf"), float("-inf")):
            raise ValueError(f"expected a finite number, found {v!r}")
        return Fraction(repr(f)) if decimals else Fraction(f)
    if hasattr(v, "dtype") and getattr(v, "shape", None) == ():
        return exact(v.item(), decimals)        # a numpy scalar or 0-d array
    raise TypeError(f"expected a number, found {type(v).__name__} {v!r}")


def token(v, decimals=False):
    """The exact text "p/q" of v for the tool."""
    q = exact(v, decimals)
    return f"{q.numerator}/{q.denominator}"


def rows(X):
    """X (a list of rows, a numpy 2-D array, or a list of numbers for
    d = 1) as a list of lists."""
    if hasattr(X, "tolist") and not isinstance(X, (list, tuple)):
        X = X.tolist()
    X = list(X)
    return [list(x) if isinstance(x, (list, tuple)) or hasattr(x, "tolist") and not
            (hasattr(x, "shape") and x.shape == ()) else [x] for x in X]


def fractions(obj):
    """Exact strings "p/q" of the JSON become Fractions; other values stay."""
    if isinstance(obj, dict):
        return {k: (v if k.endswith("_approx") else fractions(v)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [fractions(v) for v in obj]
    if isinstance(obj, str):
        try:
            return Fraction(obj)
        except ValueError:
            return obj
    return obj


def write_csv(path, X, y=None, decimals=False):
    with open(path, "w") as f:
        for i, x in enumerate(rows(X)):
            fields = [token(v, decimals) for v in x]
            if y is not None:
                fields.append(token(y[i], decimals))
            f.write(",".join(fields) + "\n")


def _reword(message, folder, names):
    """The tool's message without the temporary folder; a data row k
    (1-based line) becomes sample k - 1, and 'sample k' (1-based) too."""
    for name, what in names.items():
        path = re.escape(os.path.join(folder, name))
        if what == "samples":
            message = re.sub(path + r":(\d+):(\d+): error: ",
                             lambda m: f"sample {int(m.group(1)) - 1} (column {m.group(2)}): ",
                             message)
        message = re.sub(path + r"(:\d+:\d+)?: (error: )?", what + ": " if what != "samples" else "",
                         message)
    message = re.sub(r"\bsample (\d+)\b(?! \()", lambda m: f"sample {int(m.group(1)) - 1}", message)
    return message.replace(folder + os.sep, "")


def run(command, args, files, names=None, parse=True):
    """Runs 'wedgecert command' on files written into a temporary folder:
    files maps a name to a function writing it (given its path); in args,
    "{name}" stands for that file's path.  Returns the parsed JSON (or the
    folder's files' text when parse is a list of names)."""
    names = names or {}
    with tempfile.TemporaryDirectory() as d:
        for name, write in files.items():
            write(os.path.join(d, name))
        argv = [tool(), command]
        for a in args:
            for n in files:
                a = a.replace("{" + n + "}", os.path.join(d, n))
            argv.append(a)
        r = subprocess.run(argv, capture_output=True, text=True)
        if r.returncode != 0:
            raise WedgecertError(_reword(r.stderr.strip(), d, names))
        extra = {}
        if isinstance(parse, list):
            for name in parse:
                p = os.path.join(d, name)
                if os.path.exists(p):
                    with open(p) as f:
                        extra[name] = f.read()
    out = fractions(json.loads(r.stdout)) if r.stdout.strip() else {}
    return (out, extra) if isinstance(parse, list) else out


def problem_flags(loss="interp", beta=None, bias=False, intercept=False, decimals=False):
    if loss not in ("interp", "l1", "hinge", "squared"):
        raise ValueError(f"loss is interp, l1, hinge or squared, not {loss!r}")
    flags = ["--loss", loss]
    if beta is not None:
        flags += ["--beta", token(beta, decimals)]
    if bias:
        flags.append("--bias")
    if intercept:
        flags.append("--intercept")
    return flags


def _labelled(X, y, decimals):
    X = rows(X)
    y = list(y.tolist() if hasattr(y, "tolist") else y)
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} samples but y has {len(y)} labels")
    return {"data.csv": lambda p: write_csv(p, X, y, decimals)}


def solve(X, y, loss="interp", beta=None, bias=False, intercept=False, dictionary="full",
          decimals=False, certificate=False, svg=None):
    """The certified optimal network of (X, y): a dict with 'status',
    'optimal_value', 'intercept', 'neurons' (each with 'w', 'b', 'alpha',
    'coords', 'samples', 'sign'), 'dual', 'outputs', ... as Fractions.
    With certificate=True the certificate text is under 'certificate';
    with svg a path, a picture (d = 1 or 2) is written there."""
    args = ["{data.csv}"] + problem_flags(loss, beta, bias, intercept, decimals) + \
        ["--dict", dictionary, "--json", "--quiet"] + (["--svg", os.path.abspath(svg)] if svg else [])
    if certificate:
        args += ["--cert", "{cert}"]
    files = _labelled(X, y, decimals)
    if certificate:
        files["cert"] = lambda p: None
    out, extra = run("solve", args, files, {"data.csv": "samples"}, parse=["cert"])
    if certificate:
        out["certificate"] = extra.get("cert")
    return out


def network_json(net, decimals=False):
    """A network -- a dict with 'neurons' (and 'intercept'), a list of
    neurons, or a fitted ReLUNet -- as the JSON the tool reads."""
    if hasattr(net, "neurons_"):
        net = {"neurons": net.neurons_, "intercept": net.intercept_}
    if isinstance(net, (list, tuple)):
        net = {"neurons": list(net)}
    neurons = [{"w": [token(v, decimals) for v in (nu["w"] if not hasattr(nu["w"], "tolist")
                                                    else nu["w"].tolist())],
                "b": token(nu.get("b", 0), decimals), "alpha": token(nu["alpha"], decimals)}
               for nu in net["neurons"]]
    return json.dumps({"neurons": neurons, "intercept": token(net.get("intercept", 0), decimals)})


def check_net(X, y, net, loss="interp", beta=None, bias=False, intercept=False,
              binary64=False, decimals=False, svg=None):
    """A network (see network_json) against the certified optimum of the
    same problem: 'objective', 'optimal_value', 'gap', 'relative_gap',
    'optimal', 'neurons' (each neuron's nearest atom), as Fractions.  With
    svg a path, a picture of the network on the data is written there."""
    text = network_json(net, decimals)
    files = _labelled(X, y, decimals)
    files["net.json"] = lambda p: open(p, "w").write(text)
    args = ["{data.csv}", "{net.json}"] + problem_flags(loss, beta, bias, intercept, decimals) + \
        (["--binary64"] if binary64 else []) + (["--svg", os.path.abspath(svg)] if svg else []) + \
        ["--json", "--quiet"]
    return run("check-net", args, files, {"data.csv": "samples", "net.json": "network"})


def predict(X, y, loss="interp", beta=None, bias=False, intercept=False, decimals=False):
    """Decides whether wedges of samples alone attain the optimum:
    'prediction' ('holds', 'fails' or 'infeasible'), 'full_value',
    'samples_value', 'gap', 'witness'."""
    args = ["{data.csv}"] + problem_flags(loss, beta, bias, intercept, decimals) + \
        ["--json", "--quiet"]
    return run("predict", args, _labelled(X, y, decimals), {"data.csv": "samples"})


def evaluate(net, X, decimals=False):
    """f(x) of the network for every row of X, exactly: a list of Fractions."""
    text = network_json(net, decimals)
    files = {"net.json": lambda p: open(p, "w").write(text),
             "points.csv": lambda p: write_csv(p, X, None, decimals)}
    out = run("eval", ["{net.json}", "{points.csv}", "--json"], files,
              {"points.csv": "samples", "net.json": "network"})
    return out["values"]


def dictionary(X, bias=False, kind="full", decimals=False):
    """The complete vertex dictionary of the samples X: (K, origins) with
    K the n x |V| matrix of exact feature columns (a numpy object array of
    Fractions when numpy is present, else a list of rows) and origins the
    atoms' 'coords', 'samples', 'sign', 'w', 'b'."""
    X = rows(X)
    files = {"data.csv": lambda p: write_csv(p, X, [0] * len(X), decimals)}
    out = run("dict", ["{data.csv}", "--dict", kind, "--json", "--quiet"] +
              (["--bias"] if bias else []), files, {"data.csv": "samples"})
    atoms = out["atoms"]
    K = [[a["column"][i] for a in atoms] for i in range(len(X))]
    origins = [{k: a[k] for k in ("coords", "samples", "sign", "w", "b")} for a in atoms]
    try:
        import numpy
        K = numpy.array(K, dtype=object).reshape(len(X), len(atoms))
    except ImportError:
        pass
    return K, origins


def path(X, y, bias=False, intercept=False, decimals=False):
    """The exact Lasso path of the squared loss: 'breakpoints' (each with
    'beta', 'value', 'active') and 'pieces' (the value's quadratic in beta
    between breakpoints), as Fractions."""
    args = ["{data.csv}", "--loss", "squared", "--json", "--quiet"] + \
        (["--bias"] if bias else []) + (["--intercept"] if intercept else [])
    return run("path", args, _labelled(X, y, decimals), {"data.csv": "samples"})


def oracle(n, d, seed, loss="interp", beta=None, bias=False, intercept=False):
    """A reproducible exact test oracle: the dict of its oracle.json
    ('seed', 'generator', 'solution' with the exact optimum), with the data
    under 'data' (rows of Fractions, the label last) and the certificate
    text under 'certificate'."""
    with tempfile.TemporaryDirectory() as dd:
        argv = [tool(), "oracle", "--n", str(int(n)), "--d", str(int(d)), "--seed", str(int(seed)),
                "--out", dd, "--quiet"] + problem_flags(loss, beta, bias, intercept)
        r = subprocess.run(argv, capture_output=True, text=True)
        if r.returncode != 0:
            raise WedgecertError(r.stderr.strip().replace(dd + os.sep, ""))
        case = os.path.join(dd, "case-0000")
        with open(os.path.join(case, "oracle.json")) as f:
            out = fractions(json.load(f))
        with open(os.path.join(case, "data.csv")) as f:
            out["data"] = [[Fraction(v) for v in line.strip().split(",")]
                           for line in f if line.strip() and not line.startswith("#")]
        with open(os.path.join(case, "certificate.cert")) as f:
            out["certificate"] = f.read()
    return out


def version():
    """The tool's version."""
    r = subprocess.run([tool(), "--version"], capture_output=True, text=True)
    words = r.stdout.split()
    return words[1] if r.returncode == 0 and len(words) > 1 else None
