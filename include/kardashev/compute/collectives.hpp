#pragma once
/// Alpha-beta costs of collective operations (Hockney model; Thakur, Rabenseifner & Gropp 2005;
/// Chan et al. 2007). Bytes are the full buffer each rank holds, not the per-step chunk.

namespace kardashev::compute {

/// A point-to-point link as the alpha-beta model sees it. Plain value type.
struct link {
    double bandwidth_bytes_per_s = 0.0;  //!< [B/s] achievable bandwidth, one direction
    double latency_s = 0.0;              //!< [s] per-message start-up cost (alpha)
    bool operator==(const link&) const = default;
};

/// Time [s] to send `bytes` over `l`: alpha + n beta. Throws domain_error for a non-positive bandwidth.
double p2p_s(double bytes, const link& l);
/// Ring all-reduce of a `bytes` buffer over `ranks`: 2(p-1) alpha + 2 (p-1)/p n beta; 0 for one rank.
double ring_all_reduce_s(double bytes, int ranks, const link& l);
/// Binomial-tree reduce then broadcast: 2 ceil(log2 p) (alpha + n beta); 0 for one rank.
double tree_all_reduce_s(double bytes, int ranks, const link& l);
/// The faster of ring and tree all-reduce [s] (what NCCL's tuner picks, to first order).
double all_reduce_s(double bytes, int ranks, const link& l);
/// Ring all-gather producing a `bytes` buffer on each rank: (p-1) alpha + (p-1)/p n beta.
double all_gather_s(double bytes, int ranks, const link& l);
/// Ring reduce-scatter of a `bytes` buffer: (p-1) alpha + (p-1)/p n beta.
double reduce_scatter_s(double bytes, int ranks, const link& l);
/// Pairwise-exchange all-to-all, each rank sending `bytes` in total: (p-1) alpha + (p-1)/p n beta.
double all_to_all_s(double bytes, int ranks, const link& l);

}  // namespace kardashev::compute
