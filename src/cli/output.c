/*
 * output.c -- writing files safely, and leaving none half-written.
 *
 * A regular file (or a new one) is written to a temporary file beside it
 * and renamed over it once complete, so a failure or an interrupt never
 * leaves half a file.  A character device or a FIFO is written through
 * (renaming over /dev/null would destroy it).  A symbolic link, a
 * directory or anything else is refused: we never replace what we did not
 * create.  Ctrl-C (SIGINT, SIGTERM) removes the temporary file, says
 * "interrupted" and exits 130.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

/* The temporary file being written, for the signal and memory handlers. */
static char pending[4200];
static volatile sig_atomic_t have_pending;

/* ---------------------------------------------------------- out of memory */

/* FLINT and GMP abort when an allocation fails, FLINT with its message on
 * stdout: the tool's allocators say so on stderr instead, remove the file
 * being written and exit EXIT_DATA (the input asks for too much). */
static void leave(const char * msg, size_t len, int code);

static void
out_of_memory(size_t size)
{
    char msg[160];
    int len = snprintf(msg, sizeof(msg), "wedgecert: error: out of memory (allocating %zu "
                       "bytes); --max-memory limits the work up front\n", size);

    leave(msg, (size_t) len, EXIT_DATA);
}

static void *
checked_malloc(size_t size)
{
    void * p = malloc(size ? size : 1);
    if (p == NULL)
        out_of_memory(size);
    return p;
}

static void *
checked_calloc(size_t count, size_t size)
{
    void * p = calloc(count ? count : 1, size ? size : 1);
    if (p == NULL)
        out_of_memory(count * size);
    return p;
}

static void *
checked_realloc(void * old, size_t size)
{
    void * p = realloc(old, size ? size : 1);
    if (p == NULL)
        out_of_memory(size);
    return p;
}

static void *
gmp_realloc(void * old, size_t old_size, size_t size)
{
    (void) old_size;
    return checked_realloc(old, size);
}

static void
gmp_free(void * p, size_t size)
{
    (void) size;
    free(p);
}

void
cli_checked_memory(void)
{
    __flint_set_memory_functions(checked_malloc, checked_calloc, checked_realloc, free);
    mp_set_memory_functions(checked_malloc, gmp_realloc, gmp_free);
}

/* ------------------------------------------------------------- interrupts */


/* Removes the file being written, prints msg, exits: async-signal-safe. */
static void
leave(const char * msg, size_t len, int code)
{
    if (have_pending)
        unlink(pending);
    if (write(2, msg, len) < 0)
        _exit(code);
    _exit(code);
}

static void
on_signal(int sig)
{
    static const char msg[] = "wedgecert: interrupted\n";

    (void) sig;
    leave(msg, sizeof(msg) - 1, EXIT_INTERRUPTED);
}

void
cli_catch_interrupts(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

/* 1 in wedgecert-mpi's processes other than rank 0: their files go to
 * /dev/null (every process computes the same ones). */
int cli_discard_files = 0;

FILE *
cli_out_open(cli_out * o, const char * path)
{
    struct stat st;
    int fd;

    if (cli_discard_files)
        path = "/dev/null";
    memset(o, 0, sizeof(*o));
    o->path = path;
    if (lstat(path, &st) == 0)
    {
        if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
        {
            o->f = fopen(path, "w");        /* a device: write through */
            if (o->f == NULL)
                fprintf(stderr, "%s: error: cannot open for writing: %s\n", path, strerror(errno));
            return o->f;
        }
        if (!S_ISREG(st.st_mode))
        {
            fprintf(stderr, "%s: error: %s; refusing to replace it\n", path,
                    S_ISLNK(st.st_mode) ? "is a symbolic link" : S_ISDIR(st.st_mode)
                    ? "is a directory" : "is not a regular file");
            return NULL;
        }
    }
    if (strlen(path) + 8 > sizeof(pending))
    {
        fprintf(stderr, "%s: error: the file name is too long\n", path);
        return NULL;
    }
    snprintf(o->tmp, sizeof(o->tmp), "%s.XXXXXX", path);
    if ((fd = mkstemp(o->tmp)) < 0)
    {
        fprintf(stderr, "%s: error: cannot create a file beside it: %s\n", path, strerror(errno));
        return NULL;
    }
    {
        /* the mode a plain fopen would give; mkstemp's 0600 if that fails */
        mode_t mask = umask(0);
        umask(mask);
        (void) !fchmod(fd, 0666 & ~mask);
    }
    memcpy(pending, o->tmp, sizeof(pending));
    have_pending = 1;
    o->f = fdopen(fd, "w");
    if (o->f == NULL)
    {
        close(fd);
        cli_out_close(o, 0, "file");
    }
    return o->f;
}

int
cli_out_close(cli_out * o, int ok, const char * what)
{
    int err = 0;

    if (o->f != NULL)
    {
        ok = ok && !ferror(o->f) && fflush(o->f) == 0;
        err = errno;
        ok = (fclose(o->f) == 0) && ok;
    }
    else
        ok = 0;
    if (o->tmp[0] != '\0')
    {
        ok = ok && rename(o->tmp, o->path) == 0;
        if (!ok)
            unlink(o->tmp);
        have_pending = 0;
    }
    if (!ok)
        fprintf(stderr, "%s: error: cannot write the %s%s%s\n", o->path, what,
                err ? ": " : "", err ? strerror(err) : "");
    return ok;
}

int
cli_stdout_close(void)
{
    if (ferror(stdout) || fflush(stdout) != 0)
    {
        fprintf(stderr, "wedgecert: error: cannot write the output: %s\n", strerror(errno));
        return 0;
    }
    return 1;
}
