#pragma once
/// What `kardashev eclipse` prints of an orbit's eclipses over a period: JSON or text (docs/models/orbit.md).

#include <string>

#include "kardashev/core/time.hpp"
#include "kardashev/orbit/eclipse.hpp"

namespace kardashev::io {

/// An orbit's eclipse statistics with the inputs that produced them.
struct eclipse_report {
    std::string orbit;                 //!< what the orbit is, e.g. "sun-synchronous, 650 km, LTAN 18:00"
    epoch start;                       //!< start of the period
    double days = 0.0;                 //!< [d] length of the period
    orbit::shadow_model shadow = orbit::shadow_model::cylindrical;  //!< shadow model
    bool analytic = false;             //!< beta-angle form (else sampled)
    double step_s = 0.0;               //!< [s] sampling step
    double inclination_rad = 0.0;      //!< [rad] the orbit's inclination
    orbit::eclipse_summary summary;    //!< the statistics
};

/// The report as JSON (without the final newline): the inputs, then sunlit_fraction, max_eclipse_min,
/// eclipse_season_days, period_min, inclination_deg, beta_min_deg, beta_max_deg.
[[nodiscard]] std::string eclipse_json(const eclipse_report& r);

/// The report as text: the inputs, then one statistic a line.
[[nodiscard]] std::string eclipse_text(const eclipse_report& r);

}  // namespace kardashev::io
