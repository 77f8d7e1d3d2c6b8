/*
 * algebra.h -- subsets, blades, minors and Hodge duals (public:
 * wedgecert.h).
 */
#ifndef WC_ALGEBRA_H
#define WC_ALGEBRA_H

#include "base/base.h"

#endif
