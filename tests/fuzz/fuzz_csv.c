/*
 * fuzz_csv.c -- libFuzzer harness for the CSV reader (make fuzz).  Any
 * input must either parse into a consistent data set or be rejected with
 * a FILE:LINE:COL message; it must never crash, leak or read out of bounds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "wedgecert.h"

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    wc_data_t D;
    wc_error_t err;
    int labelled;

    for (labelled = 0; labelled <= 1; labelled++)
    {
        wc_data_init(D);
        if (wc_data_read_buffer(D, "fuzz", (const char *) data, size, labelled, err) == WC_OK)
        {
            if (D->n < 1 || D->d < 1 || (labelled && D->y == NULL))
                abort();
        }
        else if (strncmp(err->msg, "fuzz:", 5) != 0 || strstr(err->msg, ": error: ") == NULL)
            abort();
        wc_data_clear(D);
    }
    flint_cleanup();
    return 0;
}
