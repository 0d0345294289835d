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
    return s.kind == "ground" ? e.facility_life : e.accelerator_life;
}

double schedule_value(const std::vector<schedule_point>& schedule, epoch t) {
    const std::ptrdiff_t i = schedule_index(schedule, t);
    return i < 0 ? 0.0 : schedule[static_cast<std::size_t>(i)].value;
}

}  // namespace kardashev::sim
