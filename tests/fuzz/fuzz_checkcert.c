/*
 * fuzz_checkcert.c -- libFuzzer harness for checkcert's certificate parser
 * and checks (make fuzz).  The checker is compiled in whole (it shares no
 * code with src/); every input must end in exit status 0, 1 or 2, never
 * in a crash.  (Its error paths leave their GMP values to the process's
 * end, as the tool does: the harness runs with leak detection off.)
 */
#include <stdint.h>
#include <stdlib.h>

#define CHECKCERT_NO_MAIN
#include "../../proofs/checkcert.c"

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    int code;

    if (size > 1 << 16)
        return 0;
    checkcert_quiet = 1;
    code = checkcert_buffer("fuzz", (const char *) data, size);
    if (code < 0 || code > 2)
        abort();
    return 0;
}
