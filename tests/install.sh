# tests/install.sh -- 'make install' into a scratch prefix, then a tiny
# program built against the installed copy through pkg-config.
. tests/lib.inc

if [ "${PREFIX_TEST:-yes}" = no ]; then
    skip "install + pkg-config" "sanitizer build (the installed library would need the sanitizer runtime)"
    done_tests; exit 0
fi

if make -s install BUILD="$BUILD" PREFIX="$T/prefix" >"$T/log" 2>&1; then ok "make install"
else fail "make install" "$(tail -5 "$T/log")"; fi

for f in include/wedgecert.h lib/libwedgecert.a lib/libwedgecert.so lib/pkgconfig/wedgecert.pc bin/wedgecert bin/checkcert \
         share/man/man1/wedgecert.1 share/man/man1/checkcert.1; do
    [ -e "$T/prefix/$f" ] || fail "installed $f" "missing"
done

# the man pages render without a warning, and name every command
warn=$(for m in wedgecert checkcert; do
    LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$T/prefix/share/man/man1/$m.1" 2>&1; done)
cmds=$(LC_ALL=C.UTF-8 groff -man -Tutf8 "$T/prefix/share/man/man1/wedgecert.1" 2>/dev/null | sed 's/.\x08//g')
missing=""
for c in wedge solve predict dict check-net eval oracle path; do
    echo "$cmds" | grep -q "^       $c" || missing="$missing $c"
done
if [ -z "$warn" ] && [ -z "$missing" ]; then ok "installed man pages render cleanly and name every command"
else fail "installed man pages" "$warn" "missing:$missing"; fi

cat > "$T/hello.c" <<'C'
#include <wedgecert.h>
#include <stdio.h>
int main(void)
{
    fmpq_mat_t V; fmpq w[3]; int i;
    fmpq_mat_init(V, 2, 3);
    for (i = 0; i < 3; i++) {
        fmpq_init(w + i);
        fmpq_set_si(fmpq_mat_entry(V, 0, i), i + 1, 1);
        fmpq_set_si(fmpq_mat_entry(V, 1, i), i + 4, 1);
    }
    wc_hodge_dual(w, V);
    for (i = 0; i < 3; i++) { fmpq_print(w + i); putchar(i < 2 ? ' ' : '\n'); fmpq_clear(w + i); }
    fmpq_mat_clear(V);
    return 0;
}
C
export PKG_CONFIG_PATH="$T/prefix/lib/pkgconfig"
for kind in static shared; do
    if [ $kind = static ]; then flags="--static"; else flags=""; fi
    if cc -o "$T/hello-$kind" "$T/hello.c" $(pkg-config --cflags $flags wedgecert) \
          $( [ $kind = static ] && echo -Wl,-Bstatic ) $(pkg-config --libs-only-L wedgecert) -lwedgecert \
          $( [ $kind = static ] && echo -Wl,-Bdynamic ) $(pkg-config --libs-only-l --static wedgecert | sed 's/-lwedgecert//') 2>"$T/cc.log" \
       && [ "$(LD_LIBRARY_PATH="$T/prefix/lib" "$T/hello-$kind")" = "-3 6 -3" ]; then
        ok "program built against the installed $kind library via pkg-config"
    else
        fail "program built against the installed $kind library via pkg-config" "$(cat "$T/cc.log")"
    fi
done
# the plain form a user types links too (Libs names FLINT, MPFR and GMP)
if cc -o "$T/hello-plain" "$T/hello.c" $(pkg-config --cflags --libs wedgecert) 2>"$T/cc.log" \
   && [ "$(LD_LIBRARY_PATH="$T/prefix/lib" "$T/hello-plain")" = "-3 6 -3" ]; then
    ok "cc prog.c \$(pkg-config --cflags --libs wedgecert) links and runs"
else
    fail "plain pkg-config --libs" "$(cat "$T/cc.log")"
fi
if [ "$(LD_LIBRARY_PATH="$T/prefix/lib" ldd "$T/hello-shared" | grep -c "$T/prefix/lib/libwedgecert.so")" = 1 ]; then
    ok "shared build really links the installed .so"
else fail "shared build really links the installed .so" "$(ldd "$T/hello-shared")"; fi

done_tests
