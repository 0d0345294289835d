#include "kardashev/logistics/price_path.hpp"

#include <algorithm>

#include "kardashev/core/error.hpp"
#include "kardashev/core/require.hpp"

namespace kardashev::logistics {

double dated_value_at(const std::vector<dated_value>& series, epoch t) {
    const auto after = std::upper_bound(series.begin(), series.end(), t,
                                        [](epoch at, const dated_value& p) { return at < p.at; });
    return after == series.begin() ? 0.0 : std::prev(after)->value;
}

double integral_between(const std::vector<dated_value>& rate_per_s, epoch from, epoch to) {
    double total = 0.0;
    for (std::size_t i = 0; i < rate_per_s.size(); ++i) {
        const epoch begin = std::max(from, rate_per_s[i].at);
        const epoch end = i + 1 < rate_per_s.size() ? std::min(to, rate_per_s[i + 1].at) : to;
        if (begin < end) total += rate_per_s[i].value * (end - begin).seconds();  // piecewise constant: rate x time
    }
    return total;
}

std::string_view to_string(price_model model) noexcept {
    switch (model) {
        case price_model::learning: return "learning";
        case price_model::schedule: return "schedule";
    }
    return "unknown";
}

double price_at(const price_path& path, epoch t, double cumulative_kg) {
    if (path.model == price_model::schedule) return dated_value_at(path.price_usd_per_kg, t);
    return wright_price_usd_per_kg(path.curve, cumulative_kg);  // Wright 1936 in cumulative mass (Suncatcher sec. 4.4)
}

double launch_capacity_kg(double payload_kg, const std::vector<dated_value>& flights_per_s, epoch from, epoch to) {
    require_non_negative("launch capacity", "payload [kg]", payload_kg);
    return payload_kg * integral_between(flights_per_s, from, to);
}

}  // namespace kardashev::logistics
