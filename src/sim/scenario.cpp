#include "kardashev/sim/scenario.hpp"

#include <algorithm>

namespace kardashev::sim {

std::ptrdiff_t schedule_index(const std::vector<schedule_point>& schedule, epoch t) {
    // Last point with at <= t (points are sorted by the loader).
    auto it = std::upper_bound(schedule.begin(), schedule.end(), t,
                               [](epoch x, const schedule_point& p) { return x < p.at; });
    return (it - schedule.begin()) - 1;
}

duration facility_life_of(const site& s, const economy_params& e) {
    if (s.facility_life.ns() > 0) return s.facility_life;
    return s.kind == site_kind::ground ? e.facility_life : e.accelerator_life;
}

std::string_view to_string(capex_funding funding) noexcept {
    switch (funding) {
        case capex_funding::budget: return "budget";
        case capex_funding::cash: return "cash";
    }
    return "budget";
}

std::string_view to_string(financing_kind kind) noexcept {
    switch (kind) {
        case financing_kind::equity: return "equity";
        case financing_kind::debt: return "debt";
        case financing_kind::partnership: return "partnership";
    }
    return "equity";
}

std::string_view to_string(lunar_location location) noexcept {
    switch (location) {
        case lunar_location::polar: return "polar";
        case lunar_location::equatorial: return "equatorial";
    }
    return "polar";
}

std::string_view to_string(purchase_policy policy) noexcept {
    switch (policy) {
        case purchase_policy::newest: return "newest";
        case purchase_policy::pinned: return "pinned";
    }
    return "newest";
}

std::string_view to_string(utilisation_mode mode) noexcept {
    switch (mode) {
        case utilisation_mode::fixed: return "fixed";
        case utilisation_mode::model: return "model";
    }
    return "fixed";
}

std::string_view to_string(failure_mode mode) noexcept {
    switch (mode) {
        case failure_mode::expected: return "expected";
        case failure_mode::drawn: return "drawn";
    }
    return "expected";
}

double schedule_value(const std::vector<schedule_point>& schedule, epoch t) {
    const std::ptrdiff_t i = schedule_index(schedule, t);
    return i < 0 ? 0.0 : schedule[static_cast<std::size_t>(i)].value;
}

namespace {

/// A region's share of a cohort at `t`, zero before the cohort's approval there.
double approved_region_share(const region_share& rs, epoch t) {
    if (rs.approved && t < *rs.approved) return 0.0;
    return schedule_value(rs.share, t);
}

}  // namespace

cohort_routes cohort_routes_of(const uplink_network& net, const std::vector<fleet::cohort>& cohorts) {
    cohort_routes routes;
    routes.enabled = net.enabled;
    routes.regions = net.regions.size();
    routes.of_cohort.resize(cohorts.size());
    for (std::size_t c = 0; c < cohorts.size(); ++c) {
        for (std::size_t r = 0; r < net.regions.size(); ++r) {
            for (const auto& rs : net.regions[r].cohorts) {
                if (rs.cohort == cohorts[c].name) routes.of_cohort[c].push_back({r, &rs});
            }
        }
    }
    return routes;
}

double approved_share(const cohort_routes& routes, std::size_t cohort, epoch t) {
    if (!routes.enabled) return 1.0;
    double unapproved = 0.0;
    for (const auto& route : routes.of_cohort[cohort]) {
        const auto& rs = *route.share;
        if (rs.approved && t < *rs.approved) unapproved += schedule_value(rs.share, t);
    }
    return std::clamp(1.0 - unapproved, 0.0, 1.0);
}

double approved_share(const uplink_network& net, const std::string& cohort, epoch t) {
    fleet::cohort named;
    named.name = cohort;
    return approved_share(cohort_routes_of(net, {named}), 0, t);
}

void routed_shares_at(const cohort_routes& routes, epoch t, std::vector<std::vector<double>>& share) {
    share.resize(routes.regions);
    for (auto& row : share) row.assign(routes.of_cohort.size(), 0.0);
    for (std::size_t c = 0; c < routes.of_cohort.size(); ++c) {
        const double approved = approved_share(routes, c, t);
        if (!(approved > 0.0)) continue;
        for (const auto& route : routes.of_cohort[c]) share[route.region][c] += approved_region_share(*route.share, t) / approved;
    }
}

std::vector<std::vector<double>> routed_shares_at(const uplink_network& net, const std::vector<fleet::cohort>& cohorts,
                                                  epoch t) {
    std::vector<std::vector<double>> share;
    routed_shares_at(cohort_routes_of(net, cohorts), t, share);
    return share;
}

}  // namespace kardashev::sim
