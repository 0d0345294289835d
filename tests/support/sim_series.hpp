#pragma once
// One channel of a run's time series, for engine tests.
#include <string>
#include <vector>

#include "kardashev/sim/engine.hpp"

namespace kardashev::testing {

/// The values of channel `entity`/`metric` of `r`, one per step in step order (empty when there is no such channel).
inline std::vector<double> series(const sim::run_result& r, const std::string& entity, const std::string& metric) {
    const auto& channels = r.record.channels();
    std::vector<double> values;
    for (const auto& row : r.record.rows()) {
        const auto& c = channels[row.channel];
        if (c.entity == entity && c.metric == metric) values.push_back(row.value);
    }
    return values;
}

}  // namespace kardashev::testing
