// The searches of a routing run and the path changes it stores.

#include "route_plan.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "root_cover.hpp"
#include "topology_build.hpp"

namespace kardashev::network::detail {

namespace {

void sort_unique(std::vector<node_index>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

/// One search per distinct destination, with its pairs and distinct sources.
void plan_per_destination(std::span<const station_pair> pairs, route_plan& plan) {
    for (const station_pair& p : pairs) plan.dests.push_back(p.dst);
    std::sort(plan.dests.begin(), plan.dests.end());
    plan.dests.erase(std::unique(plan.dests.begin(), plan.dests.end()), plan.dests.end());
    plan.dest_pairs.resize(plan.dests.size());
    plan.dest_sources.resize(plan.dests.size());
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        const auto d = std::lower_bound(plan.dests.begin(), plan.dests.end(), pairs[q].dst) - plan.dests.begin();
        plan.dest_pairs[d].push_back(q);
        plan.dest_sources[d].push_back(plan.satellites + pairs[q].src);
    }
    for (auto& sources : plan.dest_sources) sort_unique(sources);
}

/// One search per root (choose_roots), with its pairs and distinct partners.
void plan_per_root(std::span<const station_pair> pairs, std::span<const ground_station> stations, route_plan& plan) {
    const std::vector<int> root_of = choose_roots(pairs, stations).root_of;
    // Searched from the source, a pair's chain runs destination -> source; it is stored source -> destination.
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        plan.flipped[q] = root_of[q] == pairs[q].src && pairs[q].src != pairs[q].dst;
    }
    std::vector<int> search_of(stations.size(), -1);  // per station: its search, -1 when not a root
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        int& k = search_of[root_of[q]];
        if (k < 0) {
            k = static_cast<int>(plan.roots.size());
            plan.roots.push_back(root_of[q]);
            plan.root_pairs.emplace_back();
            plan.root_partners.emplace_back();
        }
        plan.root_pairs[k].push_back(q);
        const int partner = root_of[q] == pairs[q].dst ? pairs[q].src : pairs[q].dst;
        plan.root_partners[k].push_back(plan.satellites + partner);
    }
    for (auto& partners : plan.root_partners) sort_unique(partners);
}

}  // namespace

void check_route_request(const network_model& model, std::span<const station_pair> pairs,
                         const network_options& options, const run_options& run) {
    check_options(options);
    const auto stations = static_cast<int>(model.stations.size());
    const int ends = stations + (model.moon_terminals.empty() ? 0 : 1);  // the Moon is end point `stations`
    if (run.steps < 1) throw input_error(fmt::format("routes: expected at least one step, got {}", run.steps));
    if (run.step.ns() <= 0) {
        throw input_error(fmt::format("routes: expected a positive step, got {:g} s", run.step.seconds()));
    }
    for (const station_pair& p : pairs) {
        if (p.src < 0 || p.dst < 0 || p.src >= ends || p.dst >= ends) {
            throw input_error(fmt::format("routes: pair {}-{}: expected station indices in [0, {}){}", p.src, p.dst,
                                          ends, ends > stations ? " (the last is the Moon)" : ""));
        }
    }
    check_topology_inputs(static_cast<int>(model.satellites.size()),
                          {model.isls, model.stations, nullptr, model.fibres, model.moon_terminals, &options, nullptr});
}

route_plan plan_routes(const network_model& model, std::span<const station_pair> pairs,
                       const network_options& options) {
    route_plan plan;
    plan.satellites = static_cast<node_index>(model.satellites.size());
    plan.satellites_only = model.fibres.empty() && model.moon_terminals.empty() && !options.ground_relays;
    plan.flipped.assign(pairs.size(), 0);
    if (plan.satellites_only) {
        plan_per_root(pairs, model.stations, plan);
    } else {
        plan_per_destination(pairs, plan);
    }
    return plan;
}

void path_history::record(std::span<const step_paths> steps, std::int64_t first_step, std::span<const char> flipped,
                          route_run& out) {
    last.resize(out.pairs.size());
    stored.resize(out.pairs.size(), 0);
    for (std::size_t k = 0; k < steps.size(); ++k) {
        const step_paths& sp = steps[k];
        for (std::size_t q = 0; q < out.pairs.size(); ++q) {
            if (sp.start[q] == step_paths::unchanged) continue;
            const std::span<const node_index> path = sp.path(q);
            if (stored[q] != 0 && std::equal(path.begin(), path.end(), last[q].begin(), last[q].end())) continue;
            std::vector<path_change>& changes = out.pairs[q].paths;
            changes.push_back({first_step + static_cast<std::int64_t>(k), {path.begin(), path.end()}});
            if (flipped[q] != 0) std::reverse(changes.back().nodes.begin(), changes.back().nodes.end());
            last[q].assign(path.begin(), path.end());
            stored[q] = 1;
        }
    }
}

}  // namespace kardashev::network::detail
