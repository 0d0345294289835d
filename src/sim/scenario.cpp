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

double schedule_value(const std::vector<schedule_point>& schedule, epoch t) {
    const std::ptrdiff_t i = schedule_index(schedule, t);
    return i < 0 ? 0.0 : schedule[static_cast<std::size_t>(i)].value;
}

}  // namespace kardashev::sim
