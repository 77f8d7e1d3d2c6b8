/*
 * check.h -- the tiny test harness every tests/t-*.c uses.
 *
 * A test is a named property checked on many inputs: TEST_BEGIN, any
 * number of CHECK / CHECKF, TEST_END.  A failing CHECK prints the test's
 * name, the file and line, and (with CHECKF) the inputs that failed; the
 * first three failures of a test are printed, the rest counted.  main()
 * ends with TESTS_DONE, which prints "RESULT passed=P failed=F" for
 * tests/run.sh to add up.
 */
#ifndef WC_CHECK_H
#define WC_CHECK_H

#include <stdio.h>

static int check_passed, check_failed, check_test_failures;
static const char * check_test_name;

#define TEST_BEGIN(name) \
    do { check_test_name = (name); check_test_failures = 0; } while (0)

#define TEST_END() \
    do { \
        if (check_test_failures) { check_failed++; \
            printf("FAIL %s (%d failing cases)\n", check_test_name, check_test_failures); } \
        else { check_passed++; printf("ok   %s\n", check_test_name); } \
    } while (0)

/* CHECKF(cond, printer): on failure runs the statement printer, which
 * prints the inputs of the failing case. */
#define CHECKF(cond, printer) \
    do { \
        if (!(cond)) { \
            if (check_test_failures++ < 3) { \
                printf("  %s:%d: %s: check failed: %s\n", __FILE__, __LINE__, \
                       check_test_name, #cond); \
                printer; \
                fflush(stdout); \
            } \
        } \
    } while (0)

#define CHECK(cond) CHECKF(cond, (void) 0)

#define TESTS_DONE() \
    do { printf("RESULT passed=%d failed=%d\n", check_passed, check_failed); \
         return check_failed != 0; } while (0)

#endif
