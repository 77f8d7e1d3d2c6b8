#!/bin/sh
# bench/run.sh -- wedgecert's benchmarks (make bench).  Every number is a
# ratio measured in this one run on the same generated instances (seeds
# below), written as tables and as build/bench/results.csv, scale.csv,
# planted.csv, routes.csv, mpi.csv, l2.csv and results.json.  SCALE_LIMIT
# (default 60) is the time limit of the scale tables.
set -e
BUILD=${BUILD:-build}
OUT=$BUILD/bench
WC=$BUILD/wedgecert
mkdir -p "$OUT"
# dict_bench, price_bench and dixon: built by make bench (and make check)
for b in dict_bench price_bench dixon; do
    [ -x "$OUT/$b" ] || { echo "bench/run.sh: $OUT/$b missing: run make bench" >&2; exit 1; }
done
PYSCI=python3
[ -x /usr/bin/python3 ] && PYSCI=/usr/bin/python3
now() { date +%s.%N; }
secs() { python3 -c "import sys; print('%.3f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$1" "$2"; }
ratio() { python3 -c "
import sys
a, b = sys.argv[1], sys.argv[2]
bound = b.startswith('>')
a, b = float(a), float(b.lstrip('>'))
print(('<' if bound else '') + ('%.3f' % (a / b) if b > 0 else 'inf'))" "$1" "$2"; }

echo "kind,instance,wedgecert_s,baseline,baseline_s,ratio" > "$OUT/results.csv"
echo "== exact dictionary build vs the same loop in C doubles (bias; seed 1)"
printf '%-14s %10s %10s %10s %8s\n' instance atoms exact_s double_s ratio
for nd in "200 2" "40 3" "16 4"; do
    set -- $nd
    r=$("$OUT/dict_bench" "$1" "$2" 1)
    set -- $r
    printf '%-14s %10s %10s %10s %8s\n' "n=$1,d=$2" "$3" "$5" "$6" "$7"
    echo "dictionary,n=$1 d=$2,$5,double loop,$6,$7" >> "$OUT/results.csv"
done

echo
echo "== one pricing (top n + 16, bias, one thread): lines through a sample, planes"
echo "   through two, by an angular sweep vs the same pricing atom by atom (seed 1; same: equal keys)"
printf '%-14s %10s %10s %10s %8s %5s\n' instance atoms sweep_s per_atom_s ratio same
for nd in "200 2" "500 2" "1000 2" "100 3" "200 3"; do
    set -- $nd
    r=$("$OUT/price_bench" "$1" "$2" 1)
    set -- $r
    printf '%-14s %10s %10s %10s %8s %5s\n' "n=$1,d=$2" "$3" "$4" "$5" "$6" "$7"
    echo "pricing,n=$1 d=$2,$4,per-atom pricing,$5,$6" >> "$OUT/results.csv"
done

echo
echo "== certified solve vs GLPK's double simplex, glpsol --exact, QSopt_ex esolver"
echo "   (interp with bias on bench/gen.py data, seed 7; the same LP via --write-lp;"
echo "    exact solvers stopped at ${EXACT_LIMIT:-60} s: then the ratio is an upper bound)"
printf '%-14s %8s %10s %10s %10s %10s %10s\n' instance atoms wedgecert streamed glpsol glpsol-ex esolver
# seconds of "$@", or ">LIMIT" when stopped at LIMIT seconds
timed() {
    limit=$1; shift
    t0=$(now)
    if timeout "$limit" "$@" >/dev/null 2>&1 || [ $? -ne 124 ]; then
        t1=$(now); secs "$t0" "$t1"
    else
        echo ">$limit"
    fi
}
for nd in "30 2" "60 2" "14 3" "24 3" "12 4"; do
    set -- $nd
    dir="$OUT/solve-$1-$2"
    rm -rf "$dir" && mkdir -p "$dir"
    python3 bench/gen.py "$1" "$2" 7 > "$dir/data.csv"
    tw=$(timed 600 "$WC" solve "$dir/data.csv" --bias --write-lp "$dir/p.lp" --quiet --json)
    "$WC" solve "$dir/data.csv" --bias --columns full --quiet --json > "$dir/solve.json"
    atoms=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['dictionary_size'])" "$dir/solve.json")
    ts=$(timed 600 "$WC" solve "$dir/data.csv" --bias --columns stream --quiet --json)
    tg=$(timed 600 glpsol --lp "$dir/p.lp")
    tx=$(timed "${EXACT_LIMIT:-60}" glpsol --lp "$dir/p.lp" --exact)
    te=$(timed "${EXACT_LIMIT:-60}" esolver -O "$dir/e.sol" -L "$dir/p.lp")
    printf '%-14s %8s %10s %10s %10s %10s %10s\n' "n=$1,d=$2" "$atoms" "$tw" "$ts" "$tg" "$tx" "$te"
    echo "solve,n=$1 d=$2,$tw,glpsol (double),$tg,$(ratio "$tw" "$tg")" >> "$OUT/results.csv"
    echo "solve,n=$1 d=$2,$tw,glpsol --exact,$tx,$(ratio "$tw" "$tx")" >> "$OUT/results.csv"
    echo "solve,n=$1 d=$2,$tw,esolver,$te,$(ratio "$tw" "$te")" >> "$OUT/results.csv"
done
echo
echo "== checkcert vs the solve it checks (interp with bias, bench/gen.py data, seed 7;"
echo "   the solve writes the certificate; target: ratio <= 1)"
printf '%-14s %10s %10s %8s\n' instance solve_s check_s ratio
for nd in "60 2" "200 2" "90 3" "150 3" "40 4"; do
    set -- $nd
    dir="$OUT/check-$1-$2"
    rm -rf "$dir" && mkdir -p "$dir"
    python3 bench/gen.py "$1" "$2" 7 > "$dir/data.csv"
    tw=$(timed 600 "$WC" solve "$dir/data.csv" --bias --cert "$dir/c.cert" --quiet --json)
    tc=$(timed 600 "$BUILD/checkcert" "$dir/c.cert")
    printf '%-14s %10s %10s %8s\n' "n=$1,d=$2" "$tw" "$tc" "$(ratio "$tc" "$tw")"
    echo "checkcert,n=$1 d=$2,$tc,solve with --cert,$tw,$(ratio "$tc" "$tw")" >> "$OUT/results.csv"
done

echo
echo "ratios (wedgecert / baseline; below 1 is faster):"
column -s, -t "$OUT/results.csv"

echo
echo "== scale: largest n certified within ${SCALE_LIMIT:-60} s, streamed column generation"
echo "   (interp with bias, bench/gen.py data seed 1; peak resident memory from wait4)"
python3 bench/scale.py "$WC" "$OUT"

echo
echo "== planted workload: largest n certified within ${SCALE_LIMIT:-60} s, l1 loss, beta = 1/10"
echo "   (bench/gen.py planted data seed 1: three planted neurons, one label in ten moved)"
python3 bench/scale.py "$WC" "$OUT" planted

echo
echo "== routes and engines: the default against the fastest route; the certified solve"
echo "   against scipy's HiGHS on the same complete-dictionary LP; the two-Dixon floor"
$PYSCI bench/routes.py "$WC" "$OUT"

echo
echo "== MPI: pricing seconds per process, R = 1 and 2 (one thread each; d = 3, n = 150,"
echo "   interp with bias, bench/gen.py seed 1)"
echo "kind,instance,seconds,baseline,baseline_s,ratio" > "$OUT/mpi.csv"
if [ -x "$BUILD/wedgecert-mpi" ] && command -v mpirun >/dev/null; then
    python3 bench/gen.py 150 3 1 > "$OUT/mpi-data.csv"
    for R in 1 2; do
        OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMP_NUM_THREADS=1 \
            mpirun --oversubscribe -np $R "$BUILD/wedgecert-mpi" solve "$OUT/mpi-data.csv" --bias \
            --cert "$OUT/mpi-$R.cert" --json > /dev/null 2> "$OUT/mpi-$R.err"
        line=$(tr '\r' '\n' < "$OUT/mpi-$R.err" | grep '^wedgecert-mpi:')
        echo "R = $R: $line"
        per=$(echo "$line" | sed 's/.*seconds://' | awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; print s / NF }')
        eval "t$R=$per"
    done
    cmp -s "$OUT/mpi-1.cert" "$OUT/mpi-2.cert" && same=identical || same=DIFFERENT
    echo "certificates R = 1 and 2: $same; pricing per process R = 2 / (R = 1 / 2): $(ratio "$t2" "$(python3 -c "print($t1 / 2)")")"
    echo "mpi,d=3 n=150 R=2 pricing per process,$t2,R=1 pricing / 2,$(python3 -c "print($t1 / 2)"),$(ratio "$t2" "$(python3 -c "print($t1 / 2)")")" >> "$OUT/mpi.csv"
else
    echo "(skipped: make mpi needs libopenmpi-dev and openmpi-bin)"
fi

echo
echo "== l2 penalty (weight decay): a certified 1e-9 bracket vs a float grid solve"
echo "   (d = 2, interp with bias; the grid: 2400 directions + sample wedges, HiGHS)"
$PYSCI bench/l2.py "$WC" "$OUT" || echo "(skipped: python3-scipy is needed)"

python3 - "$OUT" <<'PY'
import csv, json, os, sys
out = sys.argv[1]
rows = list(csv.DictReader(open(os.path.join(out, "results.csv"))))
scale = list(csv.DictReader(open(os.path.join(out, "scale.csv"))))
def table(name):
    path = os.path.join(out, name + ".csv")
    return list(csv.DictReader(open(path))) if os.path.exists(path) else []
json.dump({"ratios": rows, "scale": scale, "planted": table("planted"), "routes": table("routes"),
           "mpi": table("mpi"), "l2": table("l2")}, open(os.path.join(out, "results.json"), "w"), indent=1)
PY
echo
echo "written: $OUT/results.csv, scale.csv, planted.csv, routes.csv, mpi.csv, l2.csv, results.json"
