/*
 * fuzz_number.c -- libFuzzer harness for the number parser (make fuzz):
 * decimals, p/q and hex floats.  A number that parses must print and parse
 * back to itself, and rounding to binary64 must give a double's value.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "wedgecert.h"

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    fmpq_t r, s;
    const char * why;

    if (size > 4096)
        return 0;
    fmpq_init(r);
    fmpq_init(s);
    if (wc_number_parse(r, (const char *) data, size, 0, &why))
    {
        char * str = wc_fmpq_get_str(r);
        if (!wc_number_parse(s, str, strlen(str), 0, &why) || !fmpq_equal(r, s))
            abort();
        flint_free(str);
        if (wc_number_parse(s, (const char *) data, size, 1, &why))
        {
            /* a double: its denominator is a power of two */
            if (!fmpz_is_one(fmpq_denref(s)) && fmpz_val2(fmpq_denref(s)) != (slong) fmpz_bits(fmpq_denref(s)) - 1)
                abort();
        }
    }
    else if (why == NULL)
        abort();
    fmpq_clear(r);
    fmpq_clear(s);
    flint_cleanup();
    return 0;
}
