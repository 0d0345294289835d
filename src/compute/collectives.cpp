#include "kardashev/compute/collectives.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::compute {
namespace {

/// beta [s/B] of a link; throws for a link that cannot carry data.
double beta(const link& l) {
    if (!(l.bandwidth_bytes_per_s > 0.0) || !std::isfinite(l.bandwidth_bytes_per_s))
        throw domain_error(fmt::format("collectives: expected a positive link bandwidth, got {} B/s", l.bandwidth_bytes_per_s));
    return 1.0 / l.bandwidth_bytes_per_s;
}

}  // namespace

double p2p_s(double bytes, const link& l) {
    return l.latency_s + bytes * beta(l);  // Hockney 1994: t = alpha + n beta
}

double ring_all_reduce_s(double bytes, int ranks, const link& l) {
    if (ranks <= 1) return 0.0;
    const double p = ranks;
    // Thakur et al. 2005 sec. 4.4 / Chan et al. 2007 table 1 (ring reduce-scatter + all-gather):
    // 2 (p-1) alpha + 2 (p-1)/p n beta (the reduction's gamma term is left to the compute model).
    return 2.0 * (p - 1.0) * l.latency_s + 2.0 * (p - 1.0) / p * bytes * beta(l);
}

double tree_all_reduce_s(double bytes, int ranks, const link& l) {
    if (ranks <= 1) return 0.0;
    // Thakur et al. 2005 sec. 4.4: binomial-tree reduce followed by broadcast,
    // 2 ceil(log2 p) (alpha + n beta).
    const double steps = std::ceil(std::log2(static_cast<double>(ranks)));
    return 2.0 * steps * (l.latency_s + bytes * beta(l));
}

double all_reduce_s(double bytes, int ranks, const link& l) {
    return std::min(ring_all_reduce_s(bytes, ranks, l), tree_all_reduce_s(bytes, ranks, l));
}

double all_gather_s(double bytes, int ranks, const link& l) {
    if (ranks <= 1) return 0.0;
    const double p = ranks;
    return (p - 1.0) * l.latency_s + (p - 1.0) / p * bytes * beta(l);  // Thakur et al. 2005 sec. 4.1 (ring)
}

double reduce_scatter_s(double bytes, int ranks, const link& l) {
    if (ranks <= 1) return 0.0;
    const double p = ranks;
    return (p - 1.0) * l.latency_s + (p - 1.0) / p * bytes * beta(l);  // Chan et al. 2007 table 1 (ring, no gamma)
}

double all_to_all_s(double bytes, int ranks, const link& l) {
    if (ranks <= 1) return 0.0;
    const double p = ranks;
    // Thakur et al. 2005 sec. 4.6 pairwise exchange: (p-1) alpha + (p-1)/p n beta, n = bytes each rank sends.
    return (p - 1.0) * l.latency_s + (p - 1.0) / p * bytes * beta(l);
}

}  // namespace kardashev::compute
