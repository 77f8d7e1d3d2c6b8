# wedgecert -- exact wedge-product features and certified optimal ReLU networks
#
#   make               library (build/libwedgecert.a, .so) and build/wedgecert
#   make check         build and run every test; ends with "N passed, N failed"
#   make check-layers  the layers of src/ (run by make check)
#   make check-asan    the same under AddressSanitizer + UBSan
#   make demo          install missing Debian packages, build, run an example
#   make install PREFIX=/usr/local
#   make fuzz          libFuzzer harnesses for every reader (clang; FUZZ_SECONDS each)
#   make bench         benchmarks (bench/)

PREFIX   ?= /usr/local
# the Python package goes where Debian's python3 looks for PREFIX's packages
PYTHON   ?= /usr/bin/python3
PYTHONDIR ?= $(PREFIX)/lib/python$(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo 3)/dist-packages
BUILD    ?= build
CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror
SANITIZE ?=

# GMP and MPFR ship pkg-config files; Debian's FLINT 2.9 and GLPK 5.0 do not.
PKG_CFLAGS := $(shell pkg-config --cflags gmp mpfr 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs gmp mpfr 2>/dev/null || echo -lmpfr -lgmp)
FLINT_LIBS := $(shell pkg-config --libs flint 2>/dev/null || echo -lflint)
GLPK_LIBS  := $(shell pkg-config --libs glpk 2>/dev/null || echo -lglpk)
# COIN-OR Clp, a second engine for candidate bases, when installed
# (make CLP= builds without it)
CLP      ?= $(shell pkg-config --exists clp 2>/dev/null && echo yes)
CLP_CFLAGS = $(if $(CLP),-DWC_HAVE_CLP $(shell pkg-config --cflags clp))
CLP_LIBS   = $(if $(CLP),$(shell pkg-config --libs clp))
# pricing runs on OpenMP threads (make OPENMP= for a serial build)
OPENMP   ?= -fopenmp
LIBS        = $(FLINT_LIBS) $(GLPK_LIBS) $(CLP_LIBS) $(PKG_LIBS) $(OPENMP) -lm

ALL_CFLAGS = $(WARN) $(CFLAGS) $(SANITIZE) $(OPENMP) -Iinclude -Isrc $(PKG_CFLAGS) $(CLP_CFLAGS)

LAYERS   = base io algebra dict lp train net
LIB_SRC  = $(foreach l,$(LAYERS),$(wildcard src/$(l)/*.c))
CLI_SRC  = $(wildcard src/cli/*.c)
TEST_SRC = $(wildcard tests/t-*.c)
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
PIC_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/pic/%.o)
CLI_OBJ  = $(CLI_SRC:src/cli/%.c=$(BUILD)/obj/cli/%.o)
TESTS    = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
HEADERS  = include/wedgecert.h $(foreach l,$(LAYERS),$(wildcard src/$(l)/*.h))

SOVERSION = 0
VERSION   = 0.1.0

.PHONY: mpi optional-mpi print-libs all check check-layers check-asan demo install uninstall fuzz bench clean

all: $(BUILD)/libwedgecert.a $(BUILD)/libwedgecert.so $(BUILD)/wedgecert $(BUILD)/checkcert

# the independent checker: GMP only, nothing from src/ or include/
$(BUILD)/checkcert: proofs/checkcert.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(SANITIZE) $< -o $@ -lgmp

$(BUILD)/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/obj/cli/%.o: src/cli/%.c src/cli/cli.h $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/pic/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -c $< -o $@

$(BUILD)/libwedgecert.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/libwedgecert.so: $(PIC_OBJ)
	$(CC) $(SANITIZE) -shared -Wl,-soname,libwedgecert.so.$(SOVERSION) -o $@ $^ $(LIBS)

$(BUILD)/wedgecert: $(CLI_OBJ) $(BUILD)/libwedgecert.a
	$(CC) $(SANITIZE) -o $@ $(CLI_OBJ) $(BUILD)/libwedgecert.a $(LIBS)

# wedgecert-mpi: the same tool, pricing spread over MPI processes (Open MPI)
MPICC ?= mpicc
# make check, bench and demo build wedgecert-mpi too where mpicc exists
# (not under sanitizers)
MPI_CHECK = $(if $(SANITIZE),,$(if $(shell command -v $(MPICC) 2>/dev/null),mpi))
MPI_CLI_OBJ = $(CLI_SRC:src/cli/%.c=$(BUILD)/mpi/cli/%.o)

mpi: $(BUILD)/wedgecert-mpi

# wedgecert-mpi where mpicc exists (make demo; make check and bench too)
optional-mpi: $(MPI_CHECK)

$(BUILD)/mpi/cli/%.o: src/cli/%.c src/cli/cli.h $(HEADERS)
	@mkdir -p $(dir $@)
	$(MPICC) $(ALL_CFLAGS) -DWC_MPI -c $< -o $@

$(BUILD)/wedgecert-mpi: $(MPI_CLI_OBJ) $(BUILD)/libwedgecert.a
	$(MPICC) $(SANITIZE) -o $@ $(MPI_CLI_OBJ) $(BUILD)/libwedgecert.a $(LIBS)

$(BUILD)/tests/%: tests/%.c tests/check.h $(BUILD)/libwedgecert.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests $< -o $@ $(BUILD)/libwedgecert.a $(LIBS)

check: all $(TESTS) $(BENCH_BIN) check-layers $(MPI_CHECK)
	@BUILD=$(BUILD) PREFIX_TEST=$(if $(SANITIZE),no,yes) sh tests/run.sh

# the layers of src/ (tools/check-layers.py): includes and calls only
# downwards, no call cycle between files, no file over 700 lines
check-layers: $(LIB_OBJ) $(CLI_OBJ)
	@python3 tools/check-layers.py $(BUILD)/obj || \
	    { echo "check-layers: the layering of src/ is broken (see above)"; exit 1; }

# GCC 12 at -O1 with sanitizers mistakes FLINT-style one-element array
# parameters (fmpq_t, wc_lp_t) for 8-byte regions: those two warnings only.
check-asan:
	$(MAKE) BUILD=build-asan CC=gcc \
	    CFLAGS="-O1 -g -fno-omit-frame-pointer -Wno-stringop-overread -Wno-stringop-overflow" \
	    SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=all" check

demo:
	sh tools/install-deps.sh
	$(MAKE) all optional-mpi
	@echo
	@echo '$$ build/wedgecert solve examples/space3d.csv --bias --cert $(BUILD)/space3d.cert'
	@$(BUILD)/wedgecert solve examples/space3d.csv --bias --cert $(BUILD)/space3d.cert
	@echo
	@echo '$$ build/checkcert $(BUILD)/space3d.cert'
	@$(BUILD)/checkcert $(BUILD)/space3d.cert

install: all
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/bin
	install -m 644 include/wedgecert.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(BUILD)/libwedgecert.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(BUILD)/libwedgecert.so $(DESTDIR)$(PREFIX)/lib/libwedgecert.so.$(VERSION)
	ln -sf libwedgecert.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libwedgecert.so.$(SOVERSION)
	ln -sf libwedgecert.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/libwedgecert.so
	install -m 755 $(BUILD)/wedgecert $(BUILD)/checkcert $(DESTDIR)$(PREFIX)/bin/
	if [ -x $(BUILD)/wedgecert-mpi ]; then install -m 755 $(BUILD)/wedgecert-mpi $(DESTDIR)$(PREFIX)/bin/; fi
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 man/wedgecert.1 man/checkcert.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@LIBS@|$(LIBS)|' wedgecert.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/wedgecert.pc
	install -d $(DESTDIR)$(PYTHONDIR)/wedgecert
	install -m 644 python/wedgecert/*.py $(DESTDIR)$(PYTHONDIR)/wedgecert/
	echo 'TOOL = "$(PREFIX)/bin/wedgecert"' > $(DESTDIR)$(PYTHONDIR)/wedgecert/_config.py

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/share/man/man1/wedgecert.1 $(DESTDIR)$(PREFIX)/share/man/man1/checkcert.1
	rm -f $(DESTDIR)$(PREFIX)/include/wedgecert.h $(DESTDIR)$(PREFIX)/bin/wedgecert $(DESTDIR)$(PREFIX)/bin/checkcert \
	    $(DESTDIR)$(PREFIX)/bin/wedgecert-mpi \
	    $(DESTDIR)$(PREFIX)/lib/libwedgecert.* $(DESTDIR)$(PREFIX)/lib/pkgconfig/wedgecert.pc
	rm -rf $(DESTDIR)$(PYTHONDIR)/wedgecert

# One libFuzzer harness per reader, each run for FUZZ_SECONDS on a corpus
# seeded from examples/ and tests/fuzz/seeds*/; a crash leaves crash-* here.
FUZZ_SECONDS ?= 60
FUZZERS   = csv network number checkcert
FUZZ_LIB  = tests/fuzz/fuzz_csv.c tests/fuzz/fuzz_network.c tests/fuzz/fuzz_number.c
FUZZ_CC   = clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc

fuzz: $(FUZZERS:%=$(BUILD)/fuzz/fuzz_%)
	@mkdir -p $(BUILD)/fuzz/corpus-csv $(BUILD)/fuzz/corpus-network $(BUILD)/fuzz/corpus-number \
	    $(BUILD)/fuzz/corpus-checkcert
	cp examples/*.csv tests/fuzz/seeds/* $(BUILD)/fuzz/corpus-csv/
	cp tests/fuzz/seeds-network/* $(BUILD)/fuzz/corpus-network/
	cp tests/fuzz/seeds-number/* $(BUILD)/fuzz/corpus-number/
	cp tests/fuzz/seeds-cert/* $(BUILD)/fuzz/corpus-checkcert/
	$(BUILD)/fuzz/fuzz_csv -max_total_time=$(FUZZ_SECONDS) -max_len=4096 $(BUILD)/fuzz/corpus-csv
	$(BUILD)/fuzz/fuzz_network -max_total_time=$(FUZZ_SECONDS) -max_len=4096 $(BUILD)/fuzz/corpus-network
	$(BUILD)/fuzz/fuzz_number -max_total_time=$(FUZZ_SECONDS) -max_len=512 $(BUILD)/fuzz/corpus-number
	ASAN_OPTIONS=detect_leaks=0 $(BUILD)/fuzz/fuzz_checkcert -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    $(BUILD)/fuzz/corpus-checkcert

$(BUILD)/fuzz/fuzz_checkcert: tests/fuzz/fuzz_checkcert.c proofs/checkcert.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $< -o $@ -lgmp

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_SRC) $(HEADERS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(PKG_CFLAGS) $< $(LIB_SRC) -o $@ $(LIBS)

# the C benchmarks, built by make check too, so that a change of an
# internal interface cannot leave make bench broken
BENCH_BIN = $(BUILD)/bench/dict_bench $(BUILD)/bench/price_bench $(BUILD)/bench/dixon

$(BUILD)/bench/%_bench: bench/%_bench.c bench/bench.h $(BUILD)/libwedgecert.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< -o $@ $(BUILD)/libwedgecert.a $(LIBS)

$(BUILD)/bench/dixon: bench/dixon.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(SANITIZE) $< -o $@ -lflint -lgmp

bench: all $(BENCH_BIN) $(MPI_CHECK)
	BUILD=$(BUILD) sh bench/run.sh

# the libraries a program linking build/libwedgecert.a needs
print-libs:
	@echo $(LIBS)

clean:
	rm -rf build build-asan
