#include "kardashev/sim/scenario.hpp"

#include <algorithm>

namespace kardashev::sim {

double schedule_value(const std::vector<schedule_point>& schedule, epoch t) {
    // Last point with at <= t (points are sorted by the loader).
    auto it = std::upper_bound(schedule.begin(), schedule.end(), t,
                               [](epoch x, const schedule_point& p) { return x < p.at; });
    if (it == schedule.begin()) return 0.0;
    return std::prev(it)->value;
}

}  // namespace kardashev::sim
