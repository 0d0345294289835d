// Stage 3 (uplink): what the uplink carries of the fleet's uploads (docs/models/sim.md "Uplink", "Routed uplink").
#include <algorithm>
#include <cmath>

#include "kardashev/network/delivery.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// The window's sample times: `samples` evenly spread over net.window from `start` (centres of equal parts).
std::vector<epoch> window_times(const uplink_network& cfg, epoch start) {
    std::vector<epoch> times;
    for (int j = 0; j < cfg.samples; ++j) times.push_back(start + duration::from_seconds(cfg.window.seconds() * (j + 0.5) / cfg.samples));
    return times;
}

}  // namespace

routed_uplink::routed_uplink(const scenario& input)
    : net(routed_network_of(input, input.start)),
      geometry(network::delivery_geometry_at(net.model, net.options, net.region_stations, net.sink_stations,
                                             window_times(input.uplink.network, input.start))) {}

fast_clock::key_fn routed_uplink::key(const scenario& input) const {
    const auto& cfg = input.uplink.network;
    return [&cfg](epoch t) {
        std::int64_t k = 0;
        for (const auto* sch : {&cfg.isl_capacity_bytes_per_s, &cfg.user_link_capacity_bytes_per_s,
                                &cfg.gateway_link_capacity_bytes_per_s, &cfg.fibre_capacity_bytes_per_s}) {
            k = k * 4096 + schedule_index(*sch, t) + 1;
        }
        return k;
    };
}

fast_clock::window_fn routed_uplink::window(const scenario& input) const {
    const auto& cfg = input.uplink.network;
    return [this, &cfg](epoch from, epoch) {
        fast_aggregate a;
        a.delivery = network::delivery_cut_table(geometry, delivery_capacities_at(net, cfg, from));
        return a;
    };
}

uplink_state start_uplink(const scenario& input, recorder& recording) {
    uplink_state uplink;
    uplink.channels.capacity = recording.add_channel("uplink", "capacity", "B/s");
    uplink.channels.carried = recording.add_channel("uplink", "carried", "B/s");
    if (input.uplink.network.enabled) {
        uplink.routed = std::make_unique<routed_uplink>(input);
        for (const auto& region : input.uplink.network.regions) {
            uplink.channels.region_demand.push_back(recording.add_channel("region/" + region.name, "upload_demand", "B/s"));
            uplink.channels.region_capacity.push_back(recording.add_channel("region/" + region.name, "capacity", "B/s"));
        }
    }
    return uplink;
}

void uplink_stage(const step_clock& clock, const scenario& input, const fleet_step& demand, const fast_step& fast,
                  uplink_state& uplink, uplink_step& out, recorder& recording) {
    // Selected data is carried within the capacity, shared in proportion to demand. The capacity is the ingest
    // schedule, or what the routed network delivers for this step's demand by region (its window's mean; Gale's
    // min-cut form, network/delivery.hpp), plus the cohorts no region routes; the smaller of the two when both are
    // given.
    const double demand_total = demand.demand_total_bytes_per_s;
    const auto& schedule = input.uplink.capacity_bytes_per_s;
    double capacity = schedule.empty() ? inf : schedule_value(schedule, clock.start);
    double deliverable = demand_total;
    if (uplink.routed) {
        const auto& cuts = *fast.uplink_cuts;
        const auto& graph = uplink.routed->net;
        std::vector<double> region_bps(graph.region_stations.size(), 0.0);  // [bit/s] demand entering at each region
        double unrouted = 0.0;                                               // [B/s] demand no region lists
        const auto share = routed_shares_at(input.uplink.network, input.cohorts, clock.start);  // [region][cohort], this step's
        for (std::size_t i = 0; i < input.cohorts.size(); ++i) {
            if (graph.routed[i] == 0) unrouted += demand.demand_bytes_per_s[i];
            for (std::size_t r = 0; r < region_bps.size(); ++r) region_bps[r] += 8.0 * demand.demand_bytes_per_s[i] * share[r][i];
        }
        // The network's capacity with every region saturated, and each region's own: mean f over the window.
        const double joint = network::mean_cut_bps(cuts, (std::size_t{1} << region_bps.size()) - 1) / 8.0;
        for (std::size_t r = 0; r < region_bps.size(); ++r) {
            recording.record(clock.index, uplink.channels.region_demand[r], region_bps[r] / 8.0);
            recording.record(clock.index, uplink.channels.region_capacity[r], network::mean_cut_bps(cuts, std::size_t{1} << r) / 8.0);
        }
        deliverable = network::mean_deliverable_bps(cuts, region_bps) / 8.0 + unrouted;
        capacity = std::min(capacity, joint + unrouted);
    }
    const double carried = std::min({demand_total, capacity, deliverable});
    out.capacity_bytes_per_s = capacity;
    out.carried_bytes_per_s = carried;
    out.saturated = carried < demand_total * (1.0 - tiny);
    out.carried_share = demand_total > 0.0 ? carried / demand_total : 0.0;
    recording.record(clock.index, uplink.channels.capacity, std::isinf(capacity) ? 0.0 : capacity);
    recording.record(clock.index, uplink.channels.carried, carried);
    uplink.total_bytes += carried * clock.dt_s;
}

}  // namespace kardashev::sim::detail
