// Stage 3 (uplink): what the uplink carries of the fleet's uploads (docs/models/sim.md "Uplink", "Routed uplink").
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

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

/// Every input of the window's snapshots (routed_network_of's graph and options, window_times), doubles written
/// exactly (shortest round trip): the run cache's key for them and their cut tables.
std::string snapshot_key(const scenario& input) {
    const auto& cfg = input.uplink.network;
    std::string key = fmt::format("start {} window {} samples {} elevation {} route {}\n", input.start.tai_ns(),
                                  cfg.window.ns(), cfg.samples, cfg.min_elevation_rad, cfg.fibre_route_factor);
    for (const auto& shell : cfg.constellation) key += fmt::format("shell {}\n", shell);
    for (const auto& r : cfg.regions) {
        key += fmt::format("region {} {} {} fibre", r.name, r.latitude_rad, r.longitude_rad);
        for (const auto& to : r.fibre_to) key += fmt::format(" {}", to);
        key += '\n';
    }
    for (const auto& site : input.sites) {
        if (site.kind != site_kind::ground || !site.location.given) continue;
        key += fmt::format("sink {} {} {}\n", site.name, site.location.latitude_rad, site.location.longitude_rad);
    }
    return key;
}

}  // namespace

routed_uplink::routed_uplink(const scenario& input, run_cache* shared)
    : net(routed_network_of(input, input.start)), geometry_key(snapshot_key(input)), cache(shared) {
    const auto make = [&] {
        return network::delivery_geometry_at(net.model, net.options, net.region_stations, net.sink_stations,
                                             window_times(input.uplink.network, input.start));
    };
    geometry = cache ? cache->geometry(geometry_key, make) : std::make_shared<const network::delivery_geometry>(make());
}

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
        const auto capacities = delivery_capacities_at(net, cfg, from);
        const auto make = [&] { return network::delivery_cut_table(*geometry, capacities); };
        a.delivery = cache ? cache->cuts(geometry_key, capacities, make) : make();
        return a;
    };
}

uplink_state start_uplink(const scenario& input, recorder& recording, run_cache* shared) {
    uplink_state uplink;
    uplink.channels.capacity = recording.add_channel("uplink", "capacity", "B/s");
    uplink.channels.carried = recording.add_channel("uplink", "carried", "B/s");
    if (input.uplink.network.enabled) {
        uplink.routed = std::make_unique<routed_uplink>(input, shared);
        uplink.routes = cohort_routes_of(input.uplink.network, input.cohorts);
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
        routed_shares_at(uplink.routes, clock.start, uplink.share);  // [region][cohort], this step's
        const auto& share = uplink.share;
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
