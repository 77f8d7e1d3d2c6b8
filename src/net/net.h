/*
 * net.h -- networks (read, evaluate, penalty, nearest atom) and
 * certificates.  Not exported.
 */
#ifndef WC_NET_H
#define WC_NET_H

#include "train/train.h"

#endif
