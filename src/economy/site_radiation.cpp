#include "kardashev/economy/site_radiation.hpp"

#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"

namespace kardashev::economy {
namespace {

void require_positive(const char* what, double v) {
    if (!(v > 0.0) || !std::isfinite(v)) throw input_error(fmt::format("radiation: expected a positive {}, got {:g}", what, v));
}

}  // namespace

double cross_section_m2(double rad_per_event) {
    require_positive("dose per event [rad]", rad_per_event);
    return 1.0 / (protons_per_m2_per_rad * rad_per_event);  // Suncatcher sec. 4.3: sigma = 1 / (fluence per rad x D)
}

radiation_rates radiation_event_rates(const site_radiation& r) {
    if (!(r.dose_rate_rad_per_year >= 0.0) || !std::isfinite(r.dose_rate_rad_per_year))
        throw input_error(fmt::format("radiation: expected a non-negative dose rate [rad/yr], got {:g}", r.dose_rate_rad_per_year));
    require_positive("dose per silent data corruption [rad]", r.rad_per_sdc);
    require_positive("dose per HBM uncorrectable error [rad]", r.rad_per_uecc);
    require_positive("dose per functional interrupt [rad]", r.rad_per_sefi);
    require_positive("total-dose limit [rad]", r.tid_limit_rad);
    if (!(r.sefi_recovery_s >= 0.0)) throw input_error(fmt::format("radiation: expected a non-negative recovery time [s], got {:g}", r.sefi_recovery_s));
    radiation_rates out;
    // Events per year = dose rate / dose per event (Suncatcher sec. 2.3: 150 rad/yr, 1 SDC per ~17 rad)
    out.sdc_per_year = r.dose_rate_rad_per_year / r.rad_per_sdc;
    out.uecc_per_year = r.dose_rate_rad_per_year / r.rad_per_uecc;
    out.sefi_per_year = r.dose_rate_rad_per_year / r.rad_per_sefi;
    out.tid_life_s = r.dose_rate_rad_per_year > 0.0 ? r.tid_limit_rad / r.dose_rate_rad_per_year * constants::julian_year_s : 0.0;
    out.availability = 1.0 - out.sefi_per_year * r.sefi_recovery_s / constants::julian_year_s;
    if (out.availability < 0.0) out.availability = 0.0;
    return out;
}

double usable_fraction(double t_s, double lambda_per_s, double replacement_interval_s) {
    if (!(t_s >= 0.0) || !(lambda_per_s >= 0.0) || !(replacement_interval_s >= 0.0))
        throw input_error(fmt::format("capacity: expected non-negative time, failure rate and replacement interval, got {:g} s, {:g} /s, {:g} s",
                                      t_s, lambda_per_s, replacement_interval_s));
    const double age = replacement_interval_s > 0.0 ? std::fmod(t_s, replacement_interval_s) : t_s;
    return std::exp(-lambda_per_s * age);  // survival of a constant-rate failure process with no repair
}

double mean_usable_fraction(double life_s, double lambda_per_s) {
    if (!(life_s > 0.0) || !(lambda_per_s >= 0.0))
        throw input_error(fmt::format("capacity: expected a positive life and a non-negative failure rate, got {:g} s, {:g} /s",
                                      life_s, lambda_per_s));
    const double x = lambda_per_s * life_s;
    if (x < 1e-12) return 1.0;
    // (1/T) integral_0^T exp(-lambda t) dt; its inverse is Turyshev's lifetime penalty lambda T / (1 - e^-lambda T)
    return -std::expm1(-x) / x;
}

}  // namespace kardashev::economy
