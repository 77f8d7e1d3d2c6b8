"""wedgecert.estimator -- ReLUNet, a scikit-learn-style estimator whose fit
is the certified global optimum (proofs/DERIVATIONS.md sections 1-3)."""
from . import _core


class ReLUNet:
    """A two-layer ReLU network f(x) = sum_j alpha_j (x.w_j + b_j)_+ + xi
    trained to its exact global optimum.

    loss        "interp" (minimum penalty subject to f(x_i) = y_i), "l1",
                "hinge" (labels -1, +1) or "squared"
    beta        the penalty weight (exact; not for interp; default 1)
    bias        hidden biases b_j, and with them the free intercept xi
    intercept   the free intercept xi; None: as bias
    penalty     "l1": R = sum_j |alpha_j| ||w_j||_1 (the exact LP/Lasso);
                the l2 weight decay is not offered yet
    dictionary  "full" (the complete vertex dictionary: a global optimum
                for every width) or "samples" (wedges of samples alone)
    decimals    floats as their shortest decimal (0.1 = 1/10) instead of
                their exact binary64 value

    After fit: optimal_value_ (Fraction), neurons_ (dicts 'w', 'b',
    'alpha', 'coords', 'samples', 'sign', all exact), intercept_, dual_
    (the certified dual point), certificate_ (the text checkcert reads),
    n_features_in_.
    """

    def __init__(self, loss="interp", beta=None, bias=True, intercept=None, penalty="l1",
                 dictionary="full", decimals=False):
        self.loss = loss
        self.beta = beta
        self.bias = bias
        self.intercept = intercept
        self.penalty = penalty
        self.dictionary = dictionary
        self.decimals = decimals

    # scikit-learn's parameter protocol
    def get_params(self, deep=True):
        return {k: getattr(self, k) for k in
                ("loss", "beta", "bias", "intercept", "penalty", "dictionary", "decimals")}

    def set_params(self, **params):
        for k, v in params.items():
            if k not in self.get_params():
                raise ValueError(f"ReLUNet has no parameter {k!r}")
            setattr(self, k, v)
        return self

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"ReLUNet({args})"

    def fit(self, X, y):
        """Trains to the certified optimum; returns self.  An infeasible
        interpolation raises WedgecertError (its Farkas vector certifies
        that no network interpolates)."""
        self._check_params()
        if self.penalty != "l1":
            raise ValueError(f"penalty {self.penalty!r}: only 'l1' (the path norm) is "
                             "offered; the l2 weight decay is not yet")
        rows = _core.rows(X)
        r = _core.solve(rows, y, loss=self.loss, beta=self._beta(), bias=self.bias,
                        intercept=self._intercept(), dictionary=self.dictionary,
                        decimals=self.decimals, certificate=True)
        if r["status"] != "optimal":
            raise _core.WedgecertError(
                "no network of this class interpolates the data (certified by a Farkas "
                "vector: " + ", ".join(str(v) for v in r.get("farkas", [])) + ")")
        self.optimal_value_ = r["optimal_value"]
        self.neurons_ = r["neurons"]
        self.intercept_ = r["intercept"]
        self.dual_ = r.get("dual")
        self.certificate_ = r["certificate"]
        self.n_features_in_ = len(rows[0]) if rows else 0
        self.result_ = r
        return self

    def _check_params(self):
        if self.loss == "interp" and self.beta is not None:
            raise ValueError("beta has no meaning with loss='interp' (minimum-norm "
                             "interpolation); choose l1, hinge or squared")

    def _beta(self):
        return self.beta if self.beta is not None or self.loss == "interp" else 1

    def _intercept(self):
        """The --intercept flag: a free intercept without hidden biases."""
        return not self.bias and bool(self.intercept)

    def _check_fitted(self):
        if not hasattr(self, "neurons_"):
            raise _core.WedgecertError("this ReLUNet is not fitted yet: call fit(X, y)")

    def predict_exact(self, X):
        """f(x) for every row of X, exactly: a list of Fractions."""
        self._check_fitted()
        return _core.evaluate(self, X, self.decimals)

    def predict(self, X):
        """f(x) for every row of X as floats (each the nearest double to
        the exact value): a numpy array when numpy is present, else a list."""
        values = [float(v) for v in self.predict_exact(X)]
        try:
            import numpy
            return numpy.array(values, dtype=float)
        except ImportError:
            return values

    def picture(self, X, y, path):
        """Writes an SVG picture of this network on (X, y) (d = 1 or 2) to
        path, with its objective and the certified optimum in the legend."""
        self._check_fitted()
        _core.check_net(X, y, self, loss=self.loss, beta=self._beta(), bias=self.bias,
                        intercept=self._intercept(), decimals=self.decimals, svg=path)
        return path

    def check(self, X, y):
        """This network against the certified optimum of (X, y), as
        wedgecert.check_net does it."""
        self._check_fitted()
        return _core.check_net(X, y, self, loss=self.loss, beta=self._beta(), bias=self.bias,
                               intercept=self._intercept(), decimals=self.decimals)

