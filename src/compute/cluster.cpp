#include "kardashev/compute/cluster.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::compute {
namespace {

// NOTE: defaults for catalogue entries that give no interconnect figures (docs/models/compute.md):
// a 400 Gbps NIC per accelerator, the Llama 3 cluster's scale-out (Llama 3 paper sec. 3.3.1).
constexpr double default_scale_out_bytes_per_s = 400e9 / 8.0;

}  // namespace

cluster make_cluster(const accelerator& a, int count) {
    if (count < 1) throw input_error(fmt::format("cluster: expected at least one accelerator, got {}", count));
    cluster c;
    c.accel = a;
    c.count = count;
    c.scale_out.bandwidth_bytes_per_s =
        a.scale_out_bandwidth_bytes_per_s > 0.0 ? a.scale_out_bandwidth_bytes_per_s : default_scale_out_bytes_per_s;
    c.scale_out.latency_s = default_scale_out_latency_s;
    c.scale_up_size = a.scale_up_size >= 1.0 ? static_cast<int>(a.scale_up_size) : 1;
    c.scale_up.bandwidth_bytes_per_s =
        a.scale_up_bandwidth_bytes_per_s > 0.0 ? a.scale_up_bandwidth_bytes_per_s : c.scale_out.bandwidth_bytes_per_s;
    c.scale_up.latency_s = default_scale_up_latency_s;
    return c;
}

link group_link(const cluster& c, int size, int stride) {
    const long span = static_cast<long>(size) * static_cast<long>(stride);
    if (size <= 1 || span <= c.scale_up_size) return c.scale_up;
    link l = c.scale_out;
    if (c.node_size > 0 && span > c.node_size) {
        // Each satellite's link carries one ring edge for each of the min(stride, node_size) rings
        // whose members it holds: those rings share its bandwidth.
        const int rings = std::max(1, std::min(stride, c.node_size));
        l.bandwidth_bytes_per_s = std::min(l.bandwidth_bytes_per_s, c.inter_node.bandwidth_bytes_per_s / rings);
        l.latency_s += c.inter_node.latency_s;
    }
    return l;
}

}  // namespace kardashev::compute
