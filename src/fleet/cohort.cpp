#include "kardashev/fleet/cohort.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::fleet {
namespace {

void require_positive(const char* what, double value) {
    if (!(value > 0.0) || !std::isfinite(value)) {
        throw domain_error(fmt::format("fleet: expected a positive {}, got {}", what, value));
    }
}

void require_non_negative(const char* what, double value) {
    if (!(value >= 0.0) || !std::isfinite(value)) {
        throw domain_error(fmt::format("fleet: expected a non-negative {}, got {}", what, value));
    }
}

void require_unit_interval(const char* what, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
        throw domain_error(fmt::format("fleet: expected {} in [0, 1], got {}", what, value));
    }
}

}  // namespace

std::string_view to_string(cohort_kind kind) noexcept {
    switch (kind) {
        case cohort_kind::vehicle: return "vehicle";
        case cohort_kind::robotaxi: return "robotaxi";
        case cohort_kind::humanoid: return "humanoid";
        case cohort_kind::factory: return "factory";
        case cohort_kind::eo_satellite: return "eo_satellite";
        case cohort_kind::social: return "social";
    }
    return "vehicle";
}

bool in_service(const cohort& c, epoch t) {
    return (!c.start || t >= *c.start) && (!c.end || t < *c.end);
}

double logistic_step(double units, double k, double r_per_s, double dt_s) {
    require_non_negative("unit count", units);
    require_non_negative("growth rate [1/s]", r_per_s);
    require_non_negative("time step [s]", dt_s);
    if (units == 0.0) {
        require_non_negative("market size", k);  // a dormant cohort may have no market yet
        return 0.0;
    }
    require_positive("market size", k);
    const double decay = std::exp(-r_per_s * dt_s);
    // Verhulst 1838, exact solution of dN/dt = r N (1 - N/K): N' = K / (1 + (K/N - 1) e^{-r dt}),
    // written as K N / (N + (K - N) e^{-r dt}) so that a tiny N does not overflow K/N.
    return k * units / (units + (k - units) * decay);
}

double market_size(const cohort& c, epoch t, double quality) {
    const double k0 = logistics::dated_value_at(c.market_size, t);
    require_non_negative("market size", k0);
    require_non_negative("quality elasticity", c.quality_elasticity);
    require_unit_interval("model quality", quality);
    return k0 * (1.0 + c.quality_elasticity * quality);  // docs/models/fleet.md eq. (F2), assumption
}

double quality_from_loss(double loss, double reference_loss, double irreducible_loss) {
    if (!std::isfinite(loss) || !(loss > 0.0)) {
        throw domain_error(fmt::format("fleet: expected a positive loss, got {}", loss));
    }
    if (!std::isfinite(irreducible_loss) || !std::isfinite(reference_loss) || !(reference_loss > irreducible_loss)) {
        throw domain_error(fmt::format(
            "fleet: expected a reference loss above the irreducible loss {}, got {}", irreducible_loss, reference_loss));
    }
    // docs/models/fleet.md eq. (F3): share of the reducible loss above E removed relative to L_ref.
    const double q = (reference_loss - loss) / (reference_loss - irreducible_loss);
    return std::clamp(q, 0.0, std::nextafter(1.0, 0.0));
}

double upload_demand_bytes_per_s(const cohort& c, epoch t, double units) {
    const double raw = logistics::dated_value_at(c.raw_bytes_per_unit_s, t);
    const double upload = logistics::dated_value_at(c.upload_fraction, t);
    require_non_negative("unit count", units);
    require_non_negative("raw data rate [B/s]", raw);
    require_unit_interval("upload fraction", upload);
    return units * raw * upload;  // docs/models/fleet.md eq. (F4)
}

production_fleet start_production(double units, epoch began) {
    require_non_negative("unit count", units);
    production_fleet f;
    f.units = units;
    f.initial_units = units;
    f.began = began;
    return f;
}

double production_step(production_fleet& f, const std::vector<dated_value>& production_per_s, duration service_life,
                       epoch from, epoch to) {
    const double service_life_s = service_life.seconds();
    require_non_negative("service life [s]", service_life_s);
    for (const auto& p : production_per_s) require_non_negative("production rate [1/s]", p.value);
    // docs/models/fleet.md eq. (F10): N(to) = N(from) + additions - retirements.
    const double added = logistics::integral_between(production_per_s, from, to);
    if (service_life_s > 0.0) f.batches.push_back({to, added});  // dated at the step's end
    double retired = 0.0;
    if (service_life_s > 0.0) {
        const duration life = service_life;
        // The initial stock retires evenly over [began, began + life): its share of [from, to).
        const epoch stock_gone = f.began + life;
        const epoch overlap_end = std::min(to, stock_gone);
        const epoch overlap_begin = std::max(from, f.began);
        if (overlap_begin < overlap_end) retired += f.initial_units * ((overlap_end - overlap_begin).seconds() / service_life_s);
        // Each batch retires whole in the step in which its life ends.
        while (f.retired_batches < f.batches.size() && f.batches[f.retired_batches].at + life <= to) {
            retired += f.batches[f.retired_batches].value;
            ++f.retired_batches;
        }
    }
    f.units = std::max(0.0, f.units + added - retired);
    return f.units;
}

}  // namespace kardashev::fleet
