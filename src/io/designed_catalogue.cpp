// What `kardashev constellation` writes (io/designed_catalogue.hpp).

#include "kardashev/io/designed_catalogue.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kardashev/core/constants.hpp"
#include "kardashev/orbit/designed_export.hpp"

namespace kardashev::io {

std::string designed_catalogue(std::span<const orbit::kepler_elements> elements, epoch epoch_time, std::uint32_t first_id,
                               const std::string& prefix, catalogue_format format) {
    std::string text = format == catalogue_format::omm ? "[\n" : "";
    for (std::size_t k = 0; k < elements.size(); ++k) {
        const auto set = orbit::designed_element_set(elements[k], epoch_time, first_id + static_cast<std::uint32_t>(k),
                                                     fmt::format("{}-{:04}", prefix, k + 1));
        if (format == catalogue_format::tle) {
            const auto lines = orbit::designed_tle_lines(set);
            text += fmt::format("{}\n{}\n{}\n", set.name, lines[0], lines[1]);
        } else {
            text += fmt::format("  {}{}\n", orbit::designed_omm_json(set), k + 1 < elements.size() ? "," : "");
        }
    }
    if (format == catalogue_format::omm) text += "]\n";
    return text;
}

std::string designed_catalogue_json(const std::string& kind, std::span<const orbit::kepler_elements> elements,
                                    const std::string& out, catalogue_format format, epoch epoch_time, std::int64_t first_id) {
    constexpr double rad_to_deg = 180.0 / constants::pi;
    const auto& e0 = elements.front();
    nlohmann::ordered_json j;
    j["command"] = "constellation";
    j["kind"] = kind;
    j["count"] = elements.size();
    j["out"] = out;
    j["format"] = format == catalogue_format::omm ? "omm" : "tle";
    j["epoch"] = epoch_time.to_utc_iso();
    j["first_id"] = first_id;
    j["altitude_km"] = (e0.a_m - orbit::gravity_model{}.radius_m) / 1000.0;
    j["inclination_deg"] = e0.i_rad * rad_to_deg;
    j["period_min"] = orbit::orbital_period_s(e0.a_m) / 60.0;
    return j.dump(2);
}

}  // namespace kardashev::io
