/*
 * net.h -- networks (read, evaluate, penalty, nearest atom) and
 * certificates.  Not exported.
 */
#ifndef WC_NET_H
#define WC_NET_H

#include "train/train.h"

/* Room for one more neuron in N (zero). */
void wc_network_grow(wc_network_t N);

#endif
