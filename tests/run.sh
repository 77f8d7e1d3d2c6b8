#!/bin/sh
# tests/run.sh -- runs every test program and script, adds up their
# "RESULT passed=P failed=F" lines, and ends with "N passed, N failed".
# A test program that crashes or prints no RESULT line counts as failed.
BUILD=${BUILD:-build}
export BUILD
passed=0 failed=0 skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_one() {
    name=$1; shift
    "$@" >"$log" 2>&1
    rc=$?
    result=$(grep '^RESULT ' "$log" | tail -n 1)
    if [ -z "$result" ]; then
        cat "$log"
        echo "FAIL $name: exited with status $rc and printed no RESULT line"
        failed=$((failed + 1))
        return
    fi
    p=$(echo "$result" | sed -n 's/.*passed=\([0-9]*\).*/\1/p')
    f=$(echo "$result" | sed -n 's/.*failed=\([0-9]*\).*/\1/p')
    s=$(echo "$result" | sed -n 's/.*skipped=\([0-9]*\).*/\1/p')
    if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ]; then
        cat "$log"
        [ "$f" -gt 0 ] || f=1
    else
        grep -E '^(SKIP|skip)' "$log"
    fi
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + ${s:-0}))
    echo "$name: $p ok, $f failing${s:+, $s skipped}"
}

for t in "$BUILD"/tests/t-*; do
    [ -x "$t" ] && run_one "$(basename "$t")" "$t"
done
# Debian's python3 is the one that sees python3-scipy and python3-sklearn
PYTHON=python3
[ -x /usr/bin/python3 ] && PYTHON=/usr/bin/python3
for t in tests/test_*.py; do
    [ -f "$t" ] && run_one "$(basename "$t")" "$PYTHON" "$t"
done
for t in tests/*.sh; do
    [ "$t" = tests/run.sh ] && continue
    run_one "$(basename "$t")" sh "$t"
done

if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
