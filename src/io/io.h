/*
 * io.h -- readers of numbers and CSV data sets (public: wedgecert.h).
 */
#ifndef WC_IO_H
#define WC_IO_H

#include "base/base.h"

#endif
