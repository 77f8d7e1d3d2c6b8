"""wedgecert -- exact, certified globally optimal ReLU networks from Python.

    import wedgecert
    net = wedgecert.ReLUNet(bias=True).fit([[0], [4], [5], [7], [10], [11]],
                                           [0, 0, 0, 2, 3, 3])
    net.optimal_value_              # Fraction(2, 1), certified
    net.predict([[6], [8]])         # floats (numpy when present)
    net.predict_exact([[6], [8]])   # Fractions

Functions: solve, check_net, predict (the sample-wedge prediction),
evaluate, dictionary, path, oracle; every one takes int, Fraction,
Decimal, numpy numbers, strings holding one number, and floats -- a float
is its exact binary64 value, or with decimals=True its shortest decimal.
The package runs the wedgecert tool ($WEDGECERT, the installed one, the
source tree's build/wedgecert, or PATH).  Standard library only; numpy is
used when present.
"""
from ._core import (WedgecertError, solve, check_net, predict, evaluate, dictionary, path,
                    oracle, tool, exact)
from .estimator import ReLUNet

__version__ = "0.1.0"

__all__ = ["ReLUNet", "solve", "check_net", "predict", "evaluate", "dictionary", "path",
           "oracle", "WedgecertError", "tool", "exact", "__version__"]
