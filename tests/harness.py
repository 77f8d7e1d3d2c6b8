"""tests/harness.py -- counting for the Python tests (imported, not run).

Each test reports ok/fail/skip; result() prints the RESULT line that
tests/run.sh adds up and returns the exit status."""
counts = {"passed": 0, "failed": 0, "skipped": 0}


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
