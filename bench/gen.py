#!/usr/bin/env python3
"""bench/gen.py N D SEED [hinge|planted] -- reproducible benchmark data on stdout.

Integer features uniform in [-1000, 1000] (distinct rows: no point repeats,
so interpolation stays feasible) and labels uniform in {-5..5} (or +-1 for
hinge), from Python's Mersenne Twister seeded with SEED.  planted: the
features divided by 1000 (in [-1, 1]), labels from a network of three
ReLU neurons with small integer weights, y = sum_j a_j (w_j^T x + b_j)_+
(b_j in [-1/2, 1/2]), and one label in ten moved by a random integer in
[-5, 5] (the l1 loss's workload: a sparse optimum, where pricing and not
the LP is the cost).
"""
import random
import sys

n, d, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
kind = sys.argv[4] if len(sys.argv) > 4 else "random"
hinge = kind == "hinge"
rng = random.Random(seed)
planted = [([rng.randint(-3, 3) for _ in range(d)], rng.randint(-500, 500), rng.choice((-2, -1, 1, 2)))
           for _ in range(3 if kind == "planted" else 0)]


def label():
    if hinge:
        return rng.choice((-1, 1))
    if kind != "planted":
        return rng.randint(-5, 5)
    y = sum(a * max(0, sum(wi * xi for wi, xi in zip(w, x)) + b) for w, b, a in planted)
    return "%d/1000" % (y + (1000 * rng.randint(-5, 5) if rng.random() < 0.1 else 0))

seen = set()
while len(seen) < n:
    x = tuple(rng.randint(-1000, 1000) for _ in range(d))
    if x in seen:
        continue
    seen.add(x)
    y = label()
    if kind == "planted":
        x = tuple("%d/1000" % v for v in x)
    print(",".join(str(v) for v in x + (y,)))
