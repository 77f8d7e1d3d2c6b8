#!/bin/sh
# tools/install-deps.sh -- installs the Debian packages wedgecert needs to
# build, test and benchmark, if any is missing.  Needs root (apt-get).
set -e
PKGS="build-essential pkg-config libgmp-dev libmpfr-dev libflint-dev libglpk-dev \
glpk-utils qsopt-ex python3 python3-scipy python3-sklearn python3-numpy librsvg2-bin clang \
libclang-rt-14-dev valgrind hyperfine coinor-libclp-dev libopenblas0-serial libopenmpi-dev openmpi-bin"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "installing:$missing"
    if [ "$(id -u)" -ne 0 ]; then
        echo "error: need root to install:$missing (run as root, or install them yourself)" >&2
        exit 1
    fi
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
fi
