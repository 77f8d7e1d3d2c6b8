#!/usr/bin/env python3
"""tools/check-layers.py OBJDIR -- the source tree's layering, checked.

The library's folders under src/ form layers, lowest first:

    base < io < algebra < dict < lp < train < net < cli

and a file may use only its own layer and lower ones.  Checked here:

* includes: a file of layer L includes "wedgecert.h", its own folder's
  header, or "M/M.h" for a layer M at or below L;
* calls: every function a file's object (OBJDIR/L/F.o, from nm) needs
  from another of our objects is defined at or below L;
* no cycles: the graph "file A calls a function defined in file B" has
  no cycle, inside a layer as between layers;
* size: no source file over 700 lines, no function over 120 (here and in
  proofs/checkcert.c).

Prints one line per violation and exits 1, or prints a summary and exits 0.
"""
import os
import re
import subprocess
import sys

LAYERS = ["base", "io", "algebra", "dict", "lp", "train", "net", "cli"]
MAX_LINES = 700
MAX_FUNCTION = 120
# the command files print: the work is in the library
MAX_COMMAND = {"src/cli/checknet.c": 320}


def sources():
    for layer in LAYERS:
        folder = os.path.join("src", layer)
        for name in sorted(os.listdir(folder)):
            if name.endswith((".c", ".h")):
                yield layer, os.path.join(folder, name)


def check_includes(errors):
    rank = {l: i for i, l in enumerate(LAYERS)}
    for layer, path in sources():
        with open(path) as f:
            text = f.read()
        limit = MAX_COMMAND.get(path, MAX_LINES)
        if text.count("\n") > limit:
            errors.append(f"{path}: {text.count(chr(10))} lines, more than {limit}")
        for no, line in enumerate(text.splitlines(), 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if not m:
                continue
            inc = m.group(1)
            if inc == "wedgecert.h" or os.path.exists(os.path.join("src", layer, inc)) and "/" not in inc:
                continue
            top = inc.split("/")[0]
            if top not in rank or inc != f"{top}/{top}.h":
                errors.append(f"{path}:{no}: includes \"{inc}\", not a layer header")
            elif rank[top] > rank[layer]:
                errors.append(f"{path}:{no}: layer {layer} includes the higher layer {top}")


def check_functions(errors):
    """Functions in the style of the tree: the name at the start of a line,
    the body from a line "{" to a line "}"."""
    paths = [p for _, p in sources() if p.endswith(".c")] + ["proofs/checkcert.c"]
    for path in paths:
        with open(path) as f:
            lines = f.read().split("\n")
        start, name = None, None
        for no, line in enumerate(lines):
            if line == "{":
                start = no
                j = no - 1
                while j > 0 and not re.match(r"^[A-Za-z_]\w*\s*\(", lines[j]):
                    j -= 1
                name = lines[j].split("(")[0]
            elif line == "}" and start is not None:
                if no - start + 1 > MAX_FUNCTION:
                    errors.append(f"{path}:{start}: {name} has {no - start + 1} lines, "
                                  f"more than {MAX_FUNCTION}")
                start = None


def symbols(obj, flag):
    out = subprocess.run(["nm", flag, obj], capture_output=True, text=True, check=True).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split()
        if flag == "-u" and parts:
            names.add(parts[-1])
        elif len(parts) == 3 and parts[1] in "TtDdBbRr" and parts[1].isupper():
            names.add(parts[2])
    return names


def check_calls(objdir, errors):
    rank = {l: i for i, l in enumerate(LAYERS)}
    objs = {}
    for layer in LAYERS:
        folder = os.path.join(objdir, layer)
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if name.endswith(".o"):
                objs[f"{layer}/{name[:-2]}"] = os.path.join(folder, name)
    owner = {}
    for unit, obj in objs.items():
        for s in symbols(obj, "--defined-only"):
            owner[s] = unit
    edges = {u: set() for u in objs}
    for unit, obj in objs.items():
        for s in symbols(obj, "-u"):
            target = owner.get(s)
            if target is None or target == unit:
                continue
            edges[unit].add(target)
            if rank[target.split("/")[0]] > rank[unit.split("/")[0]]:
                errors.append(f"src/{unit}.c calls {s} of the higher layer src/{target}.c")
    # cycles: depth-first search with colours
    colour = {u: 0 for u in edges}
    stack = []

    def visit(u):
        colour[u] = 1
        stack.append(u)
        for v in sorted(edges[u]):
            if colour[v] == 1:
                cyc = stack[stack.index(v):] + [v]
                errors.append("call cycle: " + " -> ".join(f"src/{c}.c" for c in cyc))
            elif colour[v] == 0:
                visit(v)
        stack.pop()
        colour[u] = 2

    for u in sorted(edges):
        if colour[u] == 0:
            visit(u)
    return len(objs), sum(len(e) for e in edges.values())


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: tools/check-layers.py OBJDIR")
    errors = []
    check_includes(errors)
    check_functions(errors)
    nfiles, nedges = check_calls(sys.argv[1], errors)
    for e in errors:
        print(e)
    if errors:
        sys.exit(1)
    print(f"layers: {len(LAYERS)} folders, {nfiles} objects, {nedges} calls between files, "
          "no upward include or call, no cycle, no file over 700 lines, "
          "no function over 120")


if __name__ == "__main__":
    main()
