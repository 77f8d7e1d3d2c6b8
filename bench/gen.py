#!/usr/bin/env python3
"""bench/gen.py N D SEED [hinge] -- reproducible benchmark data on stdout.

Integer features uniform in [-1000, 1000] (distinct rows: no point repeats,
so interpolation stays feasible) and labels uniform in {-5..5} (or +-1 for
hinge), from Python's Mersenne Twister seeded with SEED.
"""
import random
import sys

n, d, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
hinge = len(sys.argv) > 4 and sys.argv[4] == "hinge"
rng = random.Random(seed)
seen = set()
while len(seen) < n:
    x = tuple(rng.randint(-1000, 1000) for _ in range(d))
    if x in seen:
        continue
    seen.add(x)
    y = rng.choice((-1, 1)) if hinge else rng.randint(-5, 5)
    print(",".join(str(v) for v in x + (y,)))
