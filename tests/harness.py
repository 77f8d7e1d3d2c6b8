"""tests/harness.py -- counting for the Python tests (imported, not run).

Each test reports ok/fail/skip; result() prints the RESULT line that
tests/run.sh adds up and returns the exit status.  BUILD, WC, CHECK, TMP
and write_rows are what the test files share."""
import os
import tempfile

counts = {"passed": 0, "failed": 0, "skipped": 0}

# the tools under test, and a scratch folder for the test's files
BUILD = os.environ.get("BUILD", "build")
WC = os.path.abspath(os.path.join(BUILD, "wedgecert"))
CHECK = os.path.abspath(os.path.join(BUILD, "checkcert"))
TMP = tempfile.mkdtemp()


def write_rows(name, rows):
    """TMP/name with one CSV line per row (values by str); returns its path."""
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        for r in rows:
            f.write(",".join(str(v) for v in r) + "\n")
    return path


def ok(name):
    counts["passed"] += 1
    print("ok  ", name)


def fail(name, *lines):
    counts["failed"] += 1
    print("FAIL", name)
    for line in lines:
        print("   ", line)


def skip(name, why):
    counts["skipped"] += 1
    print("SKIP", name + ":", why)


def run_parts(*parts):
    """Runs each part (a callable); an exception fails that part, named,
    instead of ending the whole file.  Returns the exit status."""
    for part in parts:
        try:
            part()
        except Exception as e:
            fail(getattr(part, "__name__", "part"), f"{type(e).__name__}: {e}")
    return result()


def result():
    print("RESULT passed={passed} failed={failed} skipped={skipped}".format(**counts))
    return 1 if counts["failed"] else 0
