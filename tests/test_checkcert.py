#!/usr/bin/env python3
"""tests/test_checkcert.py -- the checker held to its grammar, and never crashing.

Each defect of the hardening audit is a case here:
* an S list longer than d + 1 is rejected (it once overflowed a buffer);
* a NUL byte, a tab, a CR, a byte above 0x7e, text after 'end', an empty
  line, double blanks: all errors with a line and column, exit 2;
* non-canonical numbers (5/1, 01, -0, +3, 2/4, 1/0, 0x1) are errors;
* 'data 1000000 64' under a 500 MB address-space limit: a clean error, no
  crash (memory grows with the rows present, not the n claimed);
* a valid certificate with n = 5000 samples (once "too many fields") is
  accepted, and so is a line longer than 1 MiB;
* a certificate accepted by checkcert is still accepted after every
  rewrite that the grammar allows (none), and its value is recomputed:
  a one-digit change of the dual is rejected, with the reason.
"""
import os
import resource
import subprocess
import sys
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from harness import ok, fail, result, BUILD, WC, CHECK, TMP  # noqa: E402

SANITIZED = "asan" in BUILD


def check_bytes(data, limit=None):
    path = os.path.join(TMP, "c.cert")
    with open(path, "wb") as f:
        f.write(data)

    def cap():
        if limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    r = subprocess.run([CHECK, path], capture_output=True, preexec_fn=cap if limit else None)
    return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")


def base_cert():
    path = os.path.join(TMP, "base.cert")
    r = subprocess.run([WC, "solve", "examples/plane2d.csv", "--bias", "--cert", path, "--quiet"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return open(path, "rb").read()


def expect(name, data, code, words, limit=None):
    rc, out, err = check_bytes(data, limit)
    if rc == code and all(w in err for w in words) and "Segmentation" not in err:
        ok(f"{name}: exit {rc}, '{err.strip()[:90]}'")
    else:
        fail(name, f"exit {rc} (want {code})", out[:200], err[:300])


def main():
    good = base_cert()
    rc, out, _ = check_bytes(good)
    if rc == 0 and "ACCEPTED" in out:
        ok("the base certificate is accepted")
    else:
        fail("the base certificate is accepted", out)
    lines = good.split(b"\n")
    nl = next(i for i, l in enumerate(lines) if l.startswith(b"neuron "))

    # an S list longer than d + 1 (d = 2): once a heap overflow
    long_s = lines[:]
    f = long_s[nl].split(b" ")
    f[2] = b"0,1,2,3,4,5"
    long_s[nl] = b" ".join(f)
    expect("an S list longer than d + 1", b"\n".join(long_s), 1, ["not an atom"])

    # a NUL byte hides the rest of a line from a C string reader
    xl = next(i for i, l in enumerate(lines) if l.startswith(b"x "))
    nul = lines[:]
    nul[xl] = nul[xl][:3] + b"\0" + nul[xl][3:]
    expect("a NUL byte in a data line", b"\n".join(nul), 2, ["byte 0x00", f":{xl + 1}:".encode().decode()])
    for name, bad, words in [
        ("a tab between fields", lines[xl].replace(b" ", b"\t", 1), ["byte 0x09"]),
        ("a CR before the newline", lines[xl] + b"\r", ["byte 0x0d"]),
        ("a byte above 0x7e", lines[xl] + b"\xc3\xa9", ["byte 0xc3"]),
        ("a double blank", lines[xl].replace(b" ", b"  ", 1), ["empty field"]),
        ("a trailing blank", lines[xl] + b" ", ["empty field"]),
    ]:
        edited = lines[:]
        edited[xl] = bad
        expect(name, b"\n".join(edited), 2, words)
    expect("text after 'end'", good + b"5\n", 2, ["text after 'end'"])
    expect("a comment after 'end'", good + b"# more\n", 2, ["text after 'end'"])
    expect("no newline at the end", good.rstrip(b"\n"), 2, ["no newline"])
    expect("an empty line", good.replace(b"\nstatus", b"\n\nstatus"), 2, ["empty line"])

    # numbers in the canonical form only
    for bad in [b"5/1", b"01", b"-0", b"+3", b"2/4", b"1/0", b"0x1", b"1.5", b"1e3", b"-", b"/2", b"3/", b"1/-2"]:
        edited = lines[:]
        f = edited[xl].split(b" ")
        f[1] = bad
        edited[xl] = b" ".join(f)
        expect(f"the number '{bad.decode()}'", b"\n".join(edited), 2, ["expected a rational"]
               if bad != b"2/4" else ["lowest terms"])

    # memory: a huge n claimed, under a 500 MB address-space limit
    if SANITIZED:
        ok("data 1000000 64 under a memory limit: skipped under AddressSanitizer (it reserves address space)")
    else:
        huge = b"wedgecert-certificate 1\nproblem interp 1 bias=0 intercept=0 dictionary=full\ndata 1000000 64\n"
        huge += (b"x " + b" ".join([b"1"] * 65) + b"\n") * 3
        expect("data 1000000 64 under a 500 MB limit", huge, 2, ["unexpected end of file"], limit=500 << 20)

    # no arbitrary limits: n = 5000 (a dual line of 5000 fields) and a line over 1 MiB
    # l1 without biases or intercept, the empty network: value sum |y_i|,
    # dual v_i = sign(y_i), dual feasible since beta exceeds every |k^T v|
    n = 5000
    ys = [i % 7 - 3 for i in range(n)]
    cert = ("wedgecert-certificate 1\nproblem l1 %d bias=0 intercept=0 dictionary=full\ndata %d 1\n" % (10 ** 12, n)
            + "".join(f"x {i} {t}\n" for i, t in enumerate(ys))
            + "status optimal\nvalue %d\nxi 0\nneurons 0\n" % sum(abs(t) for t in ys)
            + "dual " + " ".join(str((t > 0) - (t < 0)) for t in ys) + "\nend\n")
    rc, out, err = check_bytes(cert.encode())
    big = "dual " + " ".join(["1/" + "1" * 300 + "3"] * 4000)
    rc2, _, err2 = check_bytes(cert.replace("\nend\n", "\n" + big + "\nend\n").encode())
    if rc == 0 and "ACCEPTED" in out and rc2 == 2 and "expected a 'end' line" in err2 and len(big) > 1 << 20:
        ok(f"n = 5000 accepted; a {len(big) >> 20} MiB line is read (and rejected for its place only)")
    else:
        fail("n = 5000 and long lines", out[:200], err[:300], err2[:300])

    # data of 25 digits: the GMP route of the atom loop (machine integers
    # cannot hold it); accepted, and a dual off by 1e-30 rejected
    sys.path.insert(0, HERE)
    import test_routes
    data = os.path.join(TMP, "hard.csv")
    open(data, "w").write("\n".join(test_routes.HARD) + "\n")
    hard = os.path.join(TMP, "hard.cert")
    r = subprocess.run([WC, "solve", data, "--loss", "l1", "--beta", "7/2", "--bias", "--cert", hard, "--quiet"],
                       capture_output=True, text=True)
    text = open(hard, "rb").read() if r.returncode == 0 else b""
    rc, out, err = check_bytes(text)
    hl = text.split(b"\n")
    di = next((i for i, l in enumerate(hl) if l.startswith(b"dual ")), None)
    if di is not None:
        f = hl[di].split(b" ")
        k = next(j for j in range(1, len(f)) if f[j] != b"0")
        f[k] = str(F(f[k].decode()) * (1 + F(1, 10 ** 30))).encode()
        hl[di] = b" ".join(f)
    rc2, _, err2 = check_bytes(b"\n".join(hl))
    if rc == 0 and "ACCEPTED" in out and rc2 == 1 and "REJECTED" in err2:
        ok("25-digit data (the GMP route): accepted; a dual changed by a factor 1 + 1e-30 rejected")
    else:
        fail("25-digit data (the GMP route)", r.stderr[:200], out[:200], err[:200], err2[:200])

    # the value is recomputed: one digit of the dual changed
    dl = next(i for i, l in enumerate(lines) if l.startswith(b"dual "))
    f = lines[dl].split(b" ")
    k = next(j for j in range(1, len(f)) if f[j] != b"0")
    v = F(f[k].decode()) + F(1, 10 ** 9)
    f[k] = str(v).encode()
    edited = lines[:]
    edited[dl] = b" ".join(f)
    expect("a dual changed by 1e-9", b"\n".join(edited), 1, ["REJECTED"])
    return result()


if __name__ == "__main__":
    sys.exit(main())
