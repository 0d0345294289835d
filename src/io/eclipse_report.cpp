// What `kardashev eclipse` prints (io/eclipse_report.hpp).

#include "kardashev/io/eclipse_report.hpp"

#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kardashev/core/constants.hpp"

namespace kardashev::io {

namespace {

constexpr double rad_to_deg = 180.0 / constants::pi;

std::string_view shadow_name(orbit::shadow_model m) { return m == orbit::shadow_model::conical ? "conical" : "cylindrical"; }

std::string_view method_name(bool analytic) { return analytic ? "analytic" : "sampled"; }

}  // namespace

std::string eclipse_json(const eclipse_report& r) {
    const auto& s = r.summary;
    nlohmann::ordered_json j;
    j["command"] = "eclipse";
    j["inputs"] = {{"orbit", r.orbit},          {"start", r.start.to_utc_iso()},   {"days", r.days},
                   {"shadow", shadow_name(r.shadow)}, {"method", method_name(r.analytic)}, {"step_s", r.step_s}};
    j["sunlit_fraction"] = s.sunlit_fraction;
    j["max_eclipse_min"] = s.max_eclipse_s / 60.0;
    j["eclipse_season_days"] = s.eclipse_season_days;
    j["period_min"] = s.period_s / 60.0;
    j["inclination_deg"] = r.inclination_rad * rad_to_deg;
    j["beta_min_deg"] = s.beta_min_rad * rad_to_deg;
    j["beta_max_deg"] = s.beta_max_rad * rad_to_deg;
    return j.dump(2);
}

std::string eclipse_text(const eclipse_report& r) {
    const auto& s = r.summary;
    std::string out = fmt::format("orbit: {}\nfrom {} for {} d, {} shadow, {} ({} s steps)\n\n", r.orbit, r.start.to_utc_iso(),
                                  r.days, shadow_name(r.shadow), method_name(r.analytic), r.step_s);
    out += fmt::format("sunlit fraction      {:.4f} %\n", 100.0 * s.sunlit_fraction);
    out += fmt::format("longest eclipse      {:.2f} min of a {:.2f} min period\n", s.max_eclipse_s / 60.0, s.period_s / 60.0);
    out += fmt::format("eclipse season       {:.0f} d with an eclipse\n", s.eclipse_season_days);
    out += fmt::format("inclination          {:.4f} deg\n", r.inclination_rad * rad_to_deg);
    out += fmt::format("beta angle           {:.2f} .. {:.2f} deg\n", s.beta_min_rad * rad_to_deg, s.beta_max_rad * rad_to_deg);
    return out;
}

}  // namespace kardashev::io
