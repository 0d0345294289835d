// Scale against physics: a run's figures beyond the plausibility bounds of economy/scale.hpp (docs/models/sim.md
// "Scale against physics").
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// The excess of `value` [bound's unit] over `bound`, when it exceeds it.
std::optional<economy::bound_excess> excess_of(const economy::plausibility_bound& bound, double value) {
    if (!(value > bound.limit)) return std::nullopt;
    return economy::bound_excess{bound, value, value / bound.limit};
}

void add_warning(std::vector<scale_warning>& out, std::string entity, const std::optional<economy::bound_excess>& x) {
    if (!x) return;
    auto message = fmt::format("{}: {}", entity, economy::describe(*x));
    out.push_back({std::move(entity), *x, std::move(message)});
}

/// The largest value of a site's power capacity schedule [W] (0 without one).
double largest_power_capacity_w(const site& where) {
    double most = 0.0;
    for (const auto& point : where.power_capacity_w) most = std::max(most, point.value);
    return most;
}

}  // namespace

std::vector<scale_warning> scale_warnings(const scenario& input, const run_summary& summary) {
    std::vector<scale_warning> out;
    const double life_yr = input.economy.accelerator_life.seconds() / constants::julian_year_s;
    for (const auto& bound : economy::plausibility_bounds()) {
        switch (bound.kind) {
            case economy::bound_kind::electric_power: {
                add_warning(out, "company", excess_of(bound, summary.peak_facility_power_w));
                auto capacity = bound;
                capacity.quantity = "power capacity";
                for (const auto& where : input.sites)
                    add_warning(out, fmt::format("site/{}", where.name), excess_of(capacity, largest_power_capacity_w(where)));
                break;
            }
            case economy::bound_kind::array_area:
                // The off-world design at the site's peak IT power (economy::bound_value: the design's array area).
                for (const auto& st : summary.sites)
                    if (st.has_design) add_warning(out, fmt::format("site/{}", st.name), excess_of(bound, st.array_area_m2));
                break;
            case economy::bound_kind::launch_rate:
                // economy::bound_value: the design's launches once per accelerator life.
                for (const auto& st : summary.sites)
                    if (st.has_design && st.launches > 0.0)
                        add_warning(out, fmt::format("site/{}", st.name), excess_of(bound, st.launches / life_yr));
                break;
        }
    }
    return out;
}

}  // namespace kardashev::sim::detail
