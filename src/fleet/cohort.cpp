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

double market_size(const cohort& c, double quality) {
    require_non_negative("market size", c.market_size);
    require_non_negative("quality elasticity", c.quality_elasticity);
    require_unit_interval("model quality", quality);
    return c.market_size * (1.0 + c.quality_elasticity * quality);  // docs/models/fleet.md eq. (F2), assumption
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

double upload_demand_bytes_per_s(const cohort& c, double units) {
    require_non_negative("unit count", units);
    require_non_negative("raw data rate [B/s]", c.raw_bytes_per_unit_s);
    require_unit_interval("upload fraction", c.upload_fraction);
    return units * c.raw_bytes_per_unit_s * c.upload_fraction;  // docs/models/fleet.md eq. (F4)
}

}  // namespace kardashev::fleet
