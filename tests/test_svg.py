#!/usr/bin/env python3
"""tests/test_svg.py -- the pictures of --svg.

* solve (1-D and 2-D), check-net, predict and path write SVG that is
  well-formed XML and that a real renderer (rsvg-convert) turns into a PNG
  that is not blank (decoded here: many non-white pixels, several colours);
* 1-D: the network's function passes through every sample of an
  interpolation (each sample's circle lies on the drawn polyline), and a
  breakpoint is drawn dashed at every neuron's kink -b/w inside the view;
* 2-D: one shaded half-plane per neuron whose active side meets the view,
  and the legend quotes the exact optimal value;
* d = 3 is refused with exit status 4 and no file left behind;
* the README's pictures are what the tool draws today.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import ok, fail, skip, result, WC, TMP  # noqa: E402

NS = "{http://www.w3.org/2000/svg}"


def png_pixels(path):
    """(width, height, rows of RGBA tuples) of an 8-bit RGBA or RGB PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6)
            bpp = 4 if ctype == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
        prev = line
    return w, h, rows


def renders(svg, name):
    """Valid XML, rendered by rsvg-convert into a PNG that is not blank."""
    try:
        ET.parse(svg)
    except ET.ParseError as e:
        fail(f"{name}: well-formed XML", str(e))
        return
    png = svg[:-4] + ".png"
    r = subprocess.run(["rsvg-convert", svg, "-o", png], capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"{name}: rsvg-convert renders it", r.stderr)
        return
    w, h, rows = png_pixels(png)
    ink = sum(1 for row in rows for p in row if p != (255, 255, 255))
    colours = {p for row in rows[::4] for p in row[::4]}
    if ink > 0.01 * w * h and len(colours) > 5:
        ok(f"{name}: valid XML, rendered by rsvg-convert ({w}x{h}, {ink} inked pixels)")
    else:
        fail(f"{name}: the rendering is blank", f"{ink} inked pixels, {len(colours)} colours")


def run(args):
    return subprocess.run([WC] + args, capture_output=True, text=True)


def points(attr):
    return [tuple(float(v) for v in p.split(",")) for p in attr.split()]


def on_polyline(pts, x, y, tol=0.6):
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        if min(x0, x1) - 1e-9 <= x <= max(x0, x1) + 1e-9 and x1 != x0:
            return abs(y0 + (y1 - y0) * (x - x0) / (x1 - x0) - y) <= tol
    return False


def main():
    if shutil.which("rsvg-convert") is None:
        skip("pictures", "rsvg-convert (librsvg2-bin) is not installed")
        return result()

    # 1-D solve: the function through every sample; the kinks dashed
    svg = os.path.join(TMP, "ramps.svg")
    r = run(["solve", "examples/ramps1d.csv", "--bias", "--svg", svg, "--json", "--quiet"])
    if r.returncode != 0:
        fail("solve --svg (1-D)", r.stderr)
    else:
        renders(svg, "solve --svg, 1-D")
        import json
        j = json.loads(r.stdout)
        root = ET.parse(svg).getroot()
        lines = [e for e in root.iter(NS + "polyline") if "black" in e.get("stroke", "")]
        circles = [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(NS + "circle")]
        dashes = sorted(float(e.get("x1")) for e in root.iter(NS + "line")
                        if e.get("stroke-dasharray"))
        f = points(lines[0].get("points")) if len(lines) == 1 else []
        if f and len(circles) == j["n"] and all(on_polyline(f, x, y) for x, y in circles):
            ok(f"solve --svg (1-D): the drawn function passes through all {len(circles)} samples")
        else:
            fail("solve --svg (1-D): the function misses a sample", str(circles), str(f))
        kinks = set()
        for nrn in j["neurons"]:
            w, b = F(nrn["w"][0]), F(nrn["b"])
            if w != 0:
                kinks.add(-b / w)
        # the x map: the dashes are at the kinks, in order, equally scaled
        xs = sorted(kinks)
        if len(dashes) == len(xs) and (len(xs) < 2 or all(
                abs((dashes[i] - dashes[0]) * float(xs[-1] - xs[0])
                    - float(xs[i] - xs[0]) * (dashes[-1] - dashes[0])) < 1e-3 * (dashes[-1] - dashes[0]) * float(xs[-1] - xs[0]) + 1e-6
                for i in range(len(xs)))):
            ok(f"solve --svg (1-D): {len(xs)} breakpoints dashed at the kinks -b/w")
        else:
            fail("solve --svg (1-D): breakpoints", str(dashes), str(xs))

    # 2-D solve: a shaded side per neuron, the exact value in the legend
    svg = os.path.join(TMP, "plane.svg")
    r = run(["solve", "examples/plane2d.csv", "--bias", "--svg", svg, "--json", "--quiet"])
    if r.returncode != 0:
        fail("solve --svg (2-D)", r.stderr)
    else:
        import json
        j = json.loads(r.stdout)
        renders(svg, "solve --svg, 2-D")
        text = open(svg).read()
        polys = len(ET.parse(svg).getroot().findall(f".//{NS}polygon"))
        if polys == len(j["neurons"]) and f"certified optimal value {j['optimal_value']}" in text:
            ok(f"solve --svg (2-D): {polys} shaded half-planes, the exact value in the legend")
        else:
            fail("solve --svg (2-D): neurons or legend", f"{polys} polygons, {len(j['neurons'])} neurons")

    # check-net, predict, path
    net = os.path.join(TMP, "net.json")
    with open(net, "w") as f:
        f.write(run(["solve", "examples/plane2d.csv", "--bias", "--json", "--quiet"]).stdout)
    for name, args in [
            ("check-net --svg", ["check-net", "examples/plane2d.csv", net, "--bias"]),
            ("predict --svg", ["predict", "examples/plane2d.csv", "--bias"]),
            ("path --svg", ["path", "examples/plane2d.csv", "--loss", "squared", "--bias"]),
            ("path --svg, 1-D", ["path", "examples/ramps1d.csv", "--loss", "squared", "--bias"])]:
        svg = os.path.join(TMP, re.sub(r"\W+", "_", name) + ".svg")
        r = run(args + ["--svg", svg, "--quiet"])
        if r.returncode != 0:
            fail(name, r.stderr)
        else:
            renders(svg, name)

    # refused: d = 3, nothing left behind
    svg = os.path.join(TMP, "space.svg")
    r = run(["solve", "examples/space3d.csv", "--bias", "--svg", svg, "--quiet"])
    if r.returncode == 4 and not os.path.exists(svg) and "d = 1 or 2" in r.stderr:
        ok("solve --svg on d = 3: refused (exit 4), no file written")
    else:
        fail("solve --svg on d = 3", f"rc {r.returncode}", r.stderr)

    # the README's pictures are current
    for name, args in [("ramps1d", ["solve", "examples/ramps1d.csv", "--bias"]),
                       ("plane2d", ["solve", "examples/plane2d.csv", "--bias"]),
                       ("xor_hinge", ["solve", "examples/xor_hinge.csv", "--loss", "hinge",
                                      "--beta", "1/100", "--bias"]),
                       ("plane2d-path", ["path", "examples/plane2d.csv", "--loss", "squared", "--bias"])]:
        svg = os.path.join(TMP, name + "-readme.svg")
        run(args + ["--svg", svg, "--quiet"])
        committed = os.path.join("docs", name + ".svg")
        if os.path.exists(svg) and os.path.exists(committed) and open(svg).read() == open(committed).read():
            ok(f"README picture docs/{name}.svg is what the tool draws")
        else:
            fail(f"README picture docs/{name}.svg is stale or missing (regenerate it: "
                 f"wedgecert {' '.join(args)} --svg {committed})")
    return result()


if __name__ == "__main__":
    sys.exit(main())
