/*
 * fuzz_network.c -- libFuzzer harness for the network reader of check-net
 * (JSON and CSV, make fuzz).  Any input must either read into a network
 * of the stated width or be rejected with a PATH:LINE:COL message.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "wedgecert.h"

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    wc_network_t N;
    wc_error_t err;
    slong d;

    for (d = 1; d <= 3; d += 2)
    {
        wc_network_init(N, d);
        if (wc_network_read_buffer(N, (const char *) data, size, "fuzz", (int) (size & 1), err) == WC_OK)
        {
            if (N->m < 0 || N->d != d || (N->m > 0 && N->w == NULL))
                abort();
        }
        else if (strncmp(err->msg, "fuzz:", 5) != 0 || strstr(err->msg, ": error: ") == NULL)
            abort();
        wc_network_clear(N);
    }
    flint_cleanup();
    return 0;
}
