# tests/cli.sh -- the wedgecert tool end to end: outputs checked against
# values derived by hand, and every class of bad input.
. tests/lib.inc

# (1,2,3) ^ (4,5,6): minors -3, -6, -3; norm2 = 9 + 36 + 9 = 54; dual = cross product.
"$WC" wedge examples/cross3.csv --json > "$T/j" 2>"$T/e"
if [ "$(json_get "$T/j" "j['dual'], j['norm2'], j['grade'], j['dim'], [c['value'] for c in j['coords']], [c['index'] for c in j['coords']]")" = \
     "['-3', '6', '-3'] 54 2 3 ['-3', '-6', '-3'] [[0, 1], [0, 2], [1, 2]]" ]; then ok "wedge json: cross product and norm2"
else fail "wedge json: cross product and norm2" "$(cat "$T/j" "$T/e")"; fi

# det of the lower-triangular matrix diag(1/10, 2, 1/2) = 1/10: 0.1 is read as 1/10
"$WC" wedge examples/volume3.csv --json > "$T/j"
if [ "$(json_get "$T/j" "j['volume'], j['coords'][0]['value']")" = "1/10 1/10" ]; then ok "wedge json: exact volume of a decimal matrix"
else fail "wedge json: exact volume of a decimal matrix" "$(cat "$T/j")"; fi

printf '0.1\n' > "$T/a.csv"
"$WC" wedge "$T/a.csv" --json > "$T/j"
if [ "$(json_get "$T/j" "j['volume'], j['norm2'], 'dual' in j")" = "1/10 1/100 False" ]; then ok "0.1 is 1/10, not a binary fraction"
else fail "0.1 is 1/10, not a binary fraction" "$(cat "$T/j")"; fi

# a random square integer matrix: volume must match Python's exact Fraction determinant
python3 - "$T/r.csv" > "$T/expect" <<'PY'
import random, sys
from fractions import Fraction
random.seed(7)
n = 5
A = [[Fraction(random.randint(-10**30, 10**30), random.randint(1, 10**5)) for _ in range(n)] for _ in range(n)]
open(sys.argv[1], "w").write("\n".join(",".join(f"{x.numerator}/{x.denominator}" for x in r) for r in A) + "\n")
def det(M):
    M = [r[:] for r in M]; n = len(M); d = Fraction(1)
    for c in range(n):
        p = next((r for r in range(c, n) if M[r][c] != 0), None)
        if p is None: return Fraction(0)
        if p != c: M[c], M[p] = M[p], M[c]; d = -d
        d *= M[c][c]
        for r in range(c + 1, n):
            f = M[r][c] / M[c][c]
            M[r] = [a - f * b for a, b in zip(M[r], M[c])]
    return d
v = det(A)
print(f"{v.numerator}/{v.denominator}" if v.denominator != 1 else v.numerator)
PY
"$WC" wedge "$T/r.csv" --json > "$T/j"
if [ "$(json_get "$T/j" "j['volume']")" = "$(cat "$T/expect")" ]; then ok "volume equals an independent Gaussian elimination"
else fail "volume equals an independent Gaussian elimination" "$(cat "$T/j")" "expected $(cat "$T/expect")"; fi

"$WC" wedge examples/cross3.csv > "$T/txt"
if grep -q '^dual = (-3, 6, -3)' "$T/txt" && grep -q '^norm2 = 54 ' "$T/txt"; then ok "wedge text output"
else fail "wedge text output" "$(cat "$T/txt")"; fi

"$WC" --help > "$T/h" && grep -q SYNOPSIS "$T/h" && ok "--help" || fail "--help"
"$WC" wedge --help > "$T/h" && grep -q SYNOPSIS "$T/h" && ok "wedge --help" || fail "wedge --help"
"$WC" --version | grep -q '^wedgecert [0-9]' && ok "--version" || fail "--version"

printf '1,2\n3,abc\n' > "$T/bad.csv"
expect_error "bad token" "bad.csv:2:3: error: expected a number" "$WC" wedge "$T/bad.csv"
printf '1,2\n3,1/0\n' > "$T/bad.csv"
expect_error "division by zero" "bad.csv:2:5: error: division by zero" "$WC" wedge "$T/bad.csv"
printf '1,2,3\n4,5\n' > "$T/bad.csv"
expect_error "ragged rows" "bad.csv:2:4: error: expected 3 fields as on line 1, found 2" "$WC" wedge "$T/bad.csv"
printf '# nothing\n' > "$T/bad.csv"
expect_error "no rows" "bad.csv:1:1: error: expected at least one data row" "$WC" wedge "$T/bad.csv"
printf '1,2\n3,\376\n' > "$T/bad.csv"
expect_error "non-UTF-8" "bad.csv:2:3: error: expected UTF-8 text" "$WC" wedge "$T/bad.csv"
printf '1,2\n3,4\n5,6\n' > "$T/bad.csv"
expect_error "more rows than columns" "expected at most 2 rows" "$WC" wedge "$T/bad.csv"
expect_error "missing file" "no-such.csv: error: cannot open" "$WC" wedge "$T/no-such.csv"
expect_error "unknown option" "unknown option '--frobnicate'" "$WC" wedge --frobnicate examples/cross3.csv
expect_error "unknown command" "unknown command 'frob'" "$WC" frob
expect_error "no file" "expected a matrix FILE" "$WC" wedge

# arguments that would be ignored, or mean nothing, are errors
expect_error "--beta with --loss interp" "no meaning with --loss interp" \
    "$WC" solve examples/ramps1d.csv --bias --beta 1/2
expect_error "--threads 0" "from 1 to 1024, found '0'" "$WC" solve examples/ramps1d.csv --threads 0

# progress in a log (stderr not a terminal): one line a phase, never a
# repeated line; --quiet: none
# (a solve of a few seconds: nothing is printed in the first second)
python3 bench/gen.py 300 2 7 > "$T/p300.csv"
"$WC" solve "$T/p300.csv" --bias --columns stream >/dev/null 2>"$T/prog"
"$WC" solve "$T/p300.csv" --bias --columns stream --quiet >/dev/null 2>"$T/quiet"
if [ -s "$T/prog" ] && [ "$(sed 's/ ([0-9.]* s)$//' "$T/prog" | sort | uniq -d | wc -l)" -eq 0 ] \
   && [ "$(wc -l < "$T/prog")" -le 4 ] && [ ! -s "$T/quiet" ]; then
    ok "progress in a log: $(wc -l < "$T/prog") line(s), one a phase; --quiet prints none"
else fail "progress in a log" "$(cat "$T/prog")" "$(cat "$T/quiet")"; fi

# progress on a terminal (script(1) gives stderr a pty): a status line with
# the round, the working set, the atoms that joined, and the stage (pricing
# with its count, or the round's LP), whichever a redraw lands on; a solve of
# a few seconds (above) so that redraws fall inside column generation
if command -v script >/dev/null 2>&1; then
    script -qc "'$WC' solve '$T/p300.csv' --bias --columns stream >/dev/null" "$T/tty" >/dev/null 2>&1
    line=$(tr '\r' '\n' < "$T/tty" | grep -E '^wedgecert: round [0-9]+, [0-9]+ atoms \+[0-9]+, (atoms priced [0-9]+/[0-9]+|column generation) +[0-9.]+ s' | tail -1)
    if [ -n "$line" ]; then ok "progress on a terminal: '$line'"
    elif ! tr '\r' '\n' < "$T/tty" | grep -q '^wedgecert: '; then
        skip "progress on a terminal" "the solve ended within the first second"
    else fail "progress on a terminal" "$(tr '\r' '\n' < "$T/tty" | tail -3)"; fi
else
    skip "progress on a terminal" "script(1) is not installed"
fi

# text output on float data: long exact values abbreviated to their
# approximation, whole with --exact, and always whole in JSON
python3 -c "
import random; r = random.Random(3)
print('\n'.join(f'{r.random() * 10},{r.random() * 10},{r.random()}' for _ in range(40)))" > "$T/floats.csv"
"$WC" solve "$T/floats.csv" --bias --quiet > "$T/short"
"$WC" solve "$T/floats.csv" --bias --quiet --exact > "$T/long"
"$WC" solve "$T/floats.csv" --bias --quiet --json > "$T/j"
exact=$(json_get "$T/j" "j['optimal_value']")
if [ "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$T/short")" -le 200 ] \
   && grep -q "optimal value = ~ .*(exact: ${#exact} characters" "$T/short" \
   && grep -qF "optimal value = $exact" "$T/long"; then
    ok "text output: lines of at most 200 characters, the ${#exact}-character value with --exact and in JSON"
else fail "text output on float data" "$(head -c 600 "$T/short")"; fi

done_tests
