#pragma once
/// The routed uplink's graph, composed from a scenario: the constellation of `uplink.network`, its demand
/// regions and the ground sites with a location as ground stations, fibres from regions to sites, and each
/// link's capacity at a date. Used by the engine and by `kardashev network SCENARIO` (docs/models/sim.md
/// "Routed uplink").

#include <span>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/network/delivery.hpp"
#include "kardashev/network/routing.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::sim {

/// The network of a scenario's routed uplink.
struct routed_network {
    network::network_model model;             //!< shells (element sets at the scenario start), stations, fibres
    network::network_options options;         //!< elevation mask; ISL and fibre capacities at the date applied
    std::vector<int> region_stations;         //!< station index of each uplink.network.regions entry (0..R-1)
    std::vector<int> sink_stations;           //!< station index of each ground site with a location (R..)
    std::vector<double> station_link_capacity_bps;  //!< per station: its ground-link capacity [bit/s]
    std::vector<std::vector<double>> share;   //!< [region][cohort]: routed_shares_at the graph's date (the engine takes each step's)
    std::vector<std::uint8_t> routed;         //!< per cohort: 1 when some region lists it
};

/// The graph of `s.uplink.network` with its capacities at `at`. Throws domain_error naming the key for an
/// unknown shell, no or too many regions, no ground site with a location, a fibre_to that is not one, or an
/// unknown cohort.
[[nodiscard]] routed_network routed_network_of(const scenario& s, epoch at);

/// Sets the ISL, fibre and per-station ground-link capacities of `n` to the schedules of `net` at `at` [bit/s].
void apply_capacities(routed_network& n, const uplink_network& net, epoch at);

/// The capacities of `net` with the schedules of `cfg` in force at `at` applied (apply_capacities) [bit/s].
[[nodiscard]] network::delivery_capacities delivery_capacities_at(const routed_network& net, const uplink_network& cfg,
                                                                  epoch at);

/// The delivery cut table of `net` (network::delivery_cut_table over its regions and sinks) at each of `times`,
/// with the capacities of `cfg` in force at `capacities_at` applied to a copy of `net`; `net` is unchanged.
[[nodiscard]] network::delivery_cuts delivery_cuts(const routed_network& net, const uplink_network& cfg,
                                                   epoch capacities_at, std::span<const epoch> times);

}  // namespace kardashev::sim
