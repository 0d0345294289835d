#pragma once
/// A training cluster: accelerators, the scale-up domain, the scale-out fabric and, for orbital or
/// lunar sites, the links between satellites (or racks) that carry traffic between nodes.

#include <string>

#include "kardashev/compute/accelerator.hpp"
#include "kardashev/compute/collectives.hpp"
#include "kardashev/compute/site_kind.hpp"

namespace kardashev::compute {

/// A cluster of identical accelerators. Plain value type.
struct cluster {
    accelerator accel;          //!< the accelerator of every rank
    int count = 0;              //!< [-] accelerators
    int scale_up_size = 8;      //!< [-] accelerators sharing one scale-up domain (NVLink, ICI)
    link scale_up;              //!< per-accelerator link inside the scale-up domain
    link scale_out;             //!< per-accelerator NIC into the scale-out fabric (InfiniBand, RoCE)
    site_kind site = site_kind::ground;  //!< where the cluster runs; sets the radiation defaults of reliability_inputs
    int node_size = 0;          //!< [-] accelerators per satellite; 0: no inter-node link tier
    link inter_node;            //!< one satellite's inter-satellite link, shared by its accelerators
    bool operator==(const cluster&) const = default;
};

/// Default scale-out latency [s]: 5 us per message through a three-tier Clos (assumption, docs).
inline constexpr double default_scale_out_latency_s = 5e-6;
/// Default scale-up latency [s]: 2 us per message over NVLink (assumption, docs).
inline constexpr double default_scale_up_latency_s = 2e-6;

/// A cluster of `count` accelerators `a` wired as its catalogue entry says (scale-up size and
/// bandwidth, NIC bandwidth), with the default latencies above. Throws domain_error for count < 1.
cluster make_cluster(const accelerator& a, int count);

/// The link a ring of `size` ranks whose members are `stride` ranks apart sees: the scale-up link
/// when the ring stays inside one scale-up domain, else the NIC, and across satellites the
/// inter-satellite link shared by the min(stride, node_size) rings that leave each satellite.
link group_link(const cluster& c, int size, int stride);

}  // namespace kardashev::compute
