/*
 * t-parse.c -- exact rationals and the CSV reader, including every class of
 * bad input with its line and column.
 */
#include <string.h>
#include "wedgecert.h"
#include "check.h"

/* tok must parse to num/den exactly. */
static int
parses_to(const char * tok, const char * num, const char * den)
{
    fmpq_t r, e;
    const char * why;
    size_t where;
    int ok;

    fmpq_init(r); fmpq_init(e);
    fmpz_set_str(fmpq_numref(e), num, 10);
    fmpz_set_str(fmpq_denref(e), den, 10);
    fmpq_canonicalise(e);
    ok = wc_rational_parse(r, tok, strlen(tok), &why, &where) == 0 && fmpq_equal(r, e);
    fmpq_clear(r); fmpq_clear(e);
    return ok;
}

/* tok must be rejected, with the offending character at offset at. */
static int
rejects(const char * tok, size_t at)
{
    fmpq_t r;
    const char * why = NULL;
    size_t where = 99;
    int ok;

    fmpq_init(r);
    ok = wc_rational_parse(r, tok, strlen(tok), &why, &where) != 0 && where == at && why != NULL;
    if (!ok)
        printf("  '%s': where=%zu, expected %zu\n", tok, where, at);
    fmpq_clear(r);
    return ok;
}

/* Reading text must fail with a message that starts with prefix. */
static int
csv_error(const char * text, size_t len, int labelled, const char * prefix)
{
    wc_data_t D; wc_error_t err; int ok;

    wc_data_init(D);
    ok = wc_data_read_buffer(D, "f.csv", text, len, labelled, err) == WC_ERR_PARSE
         && strncmp(err->msg, prefix, strlen(prefix)) == 0 && D->n == 0;
    if (!ok)
        printf("  got '%s', expected prefix '%s'\n", err->msg, prefix);
    wc_data_clear(D);
    return ok;
}

#define CSV_ERROR(text, labelled, prefix) csv_error(text, sizeof(text) - 1, labelled, prefix)

int
main(void)
{
    TEST_BEGIN("tokens are read exactly");
    CHECK(parses_to("0", "0", "1"));
    CHECK(parses_to("-17", "-17", "1"));
    CHECK(parses_to("+17", "17", "1"));
    CHECK(parses_to("6/4", "3", "2"));
    CHECK(parses_to("-6/4", "-3", "2"));
    CHECK(parses_to("0.1", "1", "10"));
    CHECK(parses_to("-1.25e-3", "-1", "800"));
    CHECK(parses_to("1.5E+2", "150", "1"));
    CHECK(parses_to(".5", "1", "2"));
    CHECK(parses_to("5.", "5", "1"));
    CHECK(parses_to("2e3", "2000", "1"));
    CHECK(parses_to("123456789012345678901234567890123456789",
                    "123456789012345678901234567890123456789", "1"));
    CHECK(parses_to("1/340282366920938463463374607431768211456",
                    "1", "340282366920938463463374607431768211456"));
    CHECK(parses_to("0.30000000000000004", "30000000000000004", "100000000000000000"));
    TEST_END();

    TEST_BEGIN("bad tokens are rejected at the offending character");
    CHECK(rejects("", 0));
    CHECK(rejects("abc", 0));
    CHECK(rejects("1.2.3", 3));
    CHECK(rejects("1/0", 2));
    CHECK(rejects("1/", 2));
    CHECK(rejects("/3", 0));
    CHECK(rejects("1/-3", 2));
    CHECK(rejects("1e", 2));
    CHECK(rejects("1e+", 3));
    CHECK(rejects("1x", 1));
    CHECK(rejects("--1", 1));
    CHECK(rejects(".", 0));
    CHECK(rejects("1e999999999", 2));
    CHECK(rejects("0x10", 1));
    TEST_END();

    TEST_BEGIN("data sets: header, comments, blank lines, CRLF, labels");
    {
        static const char text[] =
            "# a comment\n"
            "x1, x2, y\n"
            "\n"
            "1, 2/3, 0.5   # trailing comment\r\n"
            "  -4,1e2,-7\n";
        wc_data_t D; wc_error_t err; fmpq_t q;
        wc_data_init(D); fmpq_init(q);
        CHECK(wc_data_read_buffer(D, "t", text, sizeof(text) - 1, 1, err) == WC_OK);
        CHECK(D->n == 2 && D->d == 2);
        if (D->n == 2 && D->d == 2)
        {
            fmpq_set_si(q, 2, 3);
            CHECK(fmpq_equal(fmpq_mat_entry(D->X, 0, 1), q));
            fmpq_set_si(q, 1, 2);
            CHECK(fmpq_equal(D->y + 0, q));
            CHECK(fmpq_equal_si(fmpq_mat_entry(D->X, 1, 0), -4));
            CHECK(fmpq_equal_si(fmpq_mat_entry(D->X, 1, 1), 100));
            CHECK(fmpq_equal_si(D->y + 1, -7));
        }
        /* the same text as a plain matrix has 3 columns and no labels */
        CHECK(wc_data_read_buffer(D, "t", text, sizeof(text) - 1, 0, err) == WC_OK);
        CHECK(D->n == 2 && D->d == 3 && D->y == NULL);
        /* one sample, no final newline */
        CHECK(wc_data_read_buffer(D, "t", "3,4", 3, 1, err) == WC_OK && D->n == 1 && D->d == 1);
        wc_data_clear(D); fmpq_clear(q);
    }
    TEST_END();

    TEST_BEGIN("bad data: each class names its line and column");
    CHECK(CSV_ERROR("1,2,3\n4,abc,6\n", 1, "f.csv:2:3: error: expected a number"));
    CHECK(CSV_ERROR("1,2,3\n4,5,1/0\n", 1, "f.csv:2:7: error: division by zero"));
    CHECK(CSV_ERROR("1,2,3\n4,5\n", 1, "f.csv:2:4: error: expected 3 fields as on line 1, found 2 (is the label missing?)"));
    CHECK(CSV_ERROR("1,2,3\n4,5,6,7\n", 1, "f.csv:2:7: error: expected 3 fields as on line 1, found 4"));
    CHECK(CSV_ERROR("1,2,3\n4,5,\n", 1, "f.csv:2:5: error: expected a number, found an empty field (the label is missing)"));
    CHECK(CSV_ERROR("5\n6\n", 1, "f.csv:1:2: error: expected at least 2 fields"));
    CHECK(CSV_ERROR("", 1, "f.csv:1:1: error: expected at least one data row"));
    CHECK(CSV_ERROR("# only a comment\n\n", 1, "f.csv:2:1: error: expected at least one data row"));
    CHECK(CSV_ERROR("a,b,c\n", 1, "f.csv:1:1: error: expected at least one data row"));
    CHECK(CSV_ERROR("1,2,3\n4,\xff,6\n", 1, "f.csv:2:3: error: expected UTF-8 text, found byte 0xff"));
    CHECK(CSV_ERROR("1,2,3\n4,5\0,6\n", 1, "f.csv:2:4: error: expected UTF-8 text, found byte 0x00"));
    CHECK(CSV_ERROR("1,2,3\n4,\xc3\xa9,6\n", 1, "f.csv:2:3: error: expected a number"));
    CHECK(CSV_ERROR("1,x,3\n", 1, "f.csv:1:3: error: expected a number"));
    TEST_END();

    flint_cleanup();
    TESTS_DONE();
}
