#include "kardashev/sim/uplink.hpp"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/network/delivery.hpp"
#include "kardashev/network/nodes.hpp"

namespace kardashev::sim {

routed_network routed_network_of(const scenario& s, epoch at) {
    const auto& net = s.uplink.network;
    routed_network out;
    auto& model = out.model;
    auto& options = out.options;
    auto& region_stations = out.region_stations;
    auto& sink_stations = out.sink_stations;
    auto& share = out.share;
    auto& routed = out.routed;
    for (const auto& name : net.constellation) {
        const auto shell = network::shell_preset(name);
        if (!shell) {
            throw domain_error(fmt::format("uplink.network.constellation: unknown shell \"{}\"; known: {}", name,
                                           network::shell_preset_names()));
        }
        network::append_shell(model, *shell, s.start);
    }
    if (model.satellites.empty()) throw domain_error("uplink.network.constellation: expected at least one shell");
    if (net.regions.empty() || net.regions.size() > static_cast<std::size_t>(network::max_delivery_regions)) {
        throw domain_error(fmt::format("uplink.network.regions: expected 1 to {} regions, got {}",
                                       network::max_delivery_regions, net.regions.size()));
    }
    for (const auto& r : net.regions) {
        region_stations.push_back(static_cast<int>(model.stations.size()));
        model.stations.push_back(network::make_ground_station(static_cast<int>(model.stations.size()), r.name, r.latitude_rad * 180.0 / constants::pi, r.longitude_rad * 180.0 / constants::pi, 0.0, "uplink.network.regions"));
    }
    for (const auto& site : s.sites) {
        if (site.kind != site_kind::ground || !site.location.given) continue;
        sink_stations.push_back(static_cast<int>(model.stations.size()));
        model.stations.push_back(network::make_ground_station(static_cast<int>(model.stations.size()), site.name,
                                                              site.location.latitude_rad * 180.0 / constants::pi,
                                                              site.location.longitude_rad * 180.0 / constants::pi, 0.0, "sites"));
    }
    if (sink_stations.empty()) {
        throw domain_error("uplink.network: expected at least one ground site with a location (the data's destination)");
    }
    for (std::size_t r = 0; r < net.regions.size(); ++r) {
        for (const auto& to : net.regions[r].fibre_to) {
            const auto it = std::find_if(model.stations.begin() + static_cast<std::ptrdiff_t>(net.regions.size()),
                                         model.stations.end(), [&](const auto& g) { return g.name == to; });
            if (it == model.stations.end()) {
                throw domain_error(fmt::format("uplink.network.regions[{}].fibre_to: \"{}\" is not a ground site with a "
                                               "location", r, to));
            }
            model.fibres.push_back({static_cast<int>(r), static_cast<int>(it - model.stations.begin()), net.fibre_route_factor});
        }
    }
    options.gsl.rule = network::gsl_rule::elevation;
    options.gsl.min_elevation_rad = net.min_elevation_rad;
    routed.assign(s.cohorts.size(), 0);
    for (std::size_t r = 0; r < net.regions.size(); ++r) {
        for (const auto& rs : net.regions[r].cohorts) {
            const auto it = std::find_if(s.cohorts.begin(), s.cohorts.end(), [&](const auto& c) { return c.name == rs.cohort; });
            if (it == s.cohorts.end()) {
                throw domain_error(fmt::format("uplink.network.regions[{}].cohorts: unknown cohort \"{}\"", r, rs.cohort));
            }
            routed[static_cast<std::size_t>(it - s.cohorts.begin())] = 1;
        }
    }
    share = routed_shares_at(net, s.cohorts, at);
    apply_capacities(out, net, at);
    return out;
}

void apply_capacities(routed_network& n, const uplink_network& net, epoch at) {
    n.options.isl_capacity_bps = 8.0 * schedule_value(net.isl_capacity_bytes_per_s, at);
    n.options.fibre_capacity_bps = 8.0 * schedule_value(net.fibre_capacity_bytes_per_s, at);
    n.station_link_capacity_bps.assign(n.model.stations.size(), 8.0 * schedule_value(net.gateway_link_capacity_bytes_per_s, at));
    for (const int r : n.region_stations) {
        n.station_link_capacity_bps[static_cast<std::size_t>(r)] = 8.0 * schedule_value(net.user_link_capacity_bytes_per_s, at);
    }
}

network::delivery_capacities delivery_capacities_at(const routed_network& net, const uplink_network& cfg, epoch at) {
    routed_network n;
    n.model.stations = net.model.stations;
    n.region_stations = net.region_stations;
    n.options = net.options;
    apply_capacities(n, cfg, at);
    return network::delivery_capacities_of(n.model, n.options, n.station_link_capacity_bps);
}

network::delivery_cuts delivery_cuts(const routed_network& net, const uplink_network& cfg, epoch capacities_at,
                                     std::span<const epoch> times) {
    routed_network n = net;
    apply_capacities(n, cfg, capacities_at);
    return network::delivery_cut_table(n.model, n.options, n.region_stations, n.sink_stations, times,
                                       n.station_link_capacity_bps);
}

}  // namespace kardashev::sim
