// CZML of a scene (Cesium's CZML guide: github.com/AnalyticalGraphicsInc/czml-writer/wiki/CZML-Guide).

#include "kardashev/io/czml.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kardashev/core/constants.hpp"

namespace kardashev::io {

namespace {

/// A JSON string literal (quoted and escaped).
std::string json_text(const std::string& s) { return nlohmann::json(s).dump(); }

/// CZML colour {"rgba": [r, g, b, a]}.
std::string rgba(int r, int g, int b, int a = 255) { return fmt::format(R"({{"rgba":[{},{},{},{}]}})", r, g, b, a); }

/// A coordinate rounded to 0.1 m, without a negative zero.
double tenth(double x) { return std::abs(x) < 0.05 ? 0.0 : x; }

/// Sampled Cartesian position in the FIXED frame: "cartesian": [t0, x, y, z, t1, ...] with t in seconds from `epoch`.
std::string sampled_position(const sim::scene& sc, const std::vector<orbit::vec3>& r_ecef_m) {
    fmt::memory_buffer b;
    const int degree = std::min(5, static_cast<int>(r_ecef_m.size()) - 1);
    fmt::format_to(std::back_inserter(b),
                   R"({{"epoch":{},"referenceFrame":"FIXED","interpolationAlgorithm":"LAGRANGE","interpolationDegree":{},"cartesian":[)",
                   json_text(sc.start.to_utc_iso()), std::max(degree, 1));
    for (std::size_t k = 0; k < r_ecef_m.size(); ++k) {
        const auto& r = r_ecef_m[k];
        // Seconds from the epoch: integer nanoseconds / 1e9, exact for whole seconds.
        const double t_s = static_cast<double>(static_cast<std::int64_t>(k) * sc.step.ns()) / 1e9;
        fmt::format_to(std::back_inserter(b), "{}{},{:.1f},{:.1f},{:.1f}", k == 0 ? "" : ",", t_s, tenth(r[0]), tenth(r[1]),
                       tenth(r[2]));
    }
    fmt::format_to(std::back_inserter(b), "]}}");
    return fmt::to_string(b);
}

std::string label(const std::string& text, int offset_px, const std::string& colour) {
    return fmt::format(R"({{"text":{},"font":"13px sans-serif","fillColor":{},"showBackground":true,)"
                       R"("backgroundColor":{},"pixelOffset":{{"cartesian2":[0,{}]}},"horizontalOrigin":"CENTER",)"
                       R"("verticalOrigin":"BOTTOM"}})",
                       json_text(text), colour, rgba(20, 20, 30, 170), -offset_px);
}

}  // namespace

std::string scene_czml(const sim::scene& sc) {
    const std::string start = sc.start.to_utc_iso();
    const std::string stop = (sc.start + sc.step * std::max(sc.samples - 1, 0)).to_utc_iso();
    const std::string interval = json_text(start + "/" + stop);
    std::string out = "[\n";
    out += fmt::format(R"({{"id":"document","name":{},"version":"1.0","clock":{{"interval":{},"currentTime":{},)"
                       R"("multiplier":60,"range":"LOOP_STOP","step":"SYSTEM_CLOCK_MULTIPLIER"}}}})",
                       json_text("kardashev: " + sc.name), interval, json_text(start));

    const std::string sat_colour = rgba(255, 165, 0);
    for (const auto& sat : sc.satellites) {
        out += fmt::format(",\n{{\"id\":{},\"name\":{},\"availability\":{},\"description\":{},\"position\":{},"
                           "\"point\":{{\"pixelSize\":5,\"color\":{},\"outlineColor\":{},\"outlineWidth\":1}}",
                           json_text(sat.id), json_text(sat.id), interval,
                           json_text(fmt::format("satellite {} of {}", sat.index + 1, sat.site)),
                           sampled_position(sc, sat.r_ecef_m), sat_colour, rgba(0, 0, 0));
        if (sat.index == 0) {
            // The formation is ~1 km across: one label and one orbit path (the next ~100 min) per site. Tracked, the
            // camera looks from 2.5 km cross-track at the lattice's radial/along-track plane (Cesium tracks a moving
            // entity in a frame of x along its velocity, z up, y = z x x).
            out += fmt::format(",\"viewFrom\":{{\"cartesian\":[0,2500,500]}},\"label\":{},\"path\":{{\"show\":true,\"width\":1,\"leadTime\":6000,\"trailTime\":0,"
                               "\"resolution\":60,\"material\":{{\"solidColor\":{{\"color\":{}}}}}}}",
                               label(sat.site, 10, sat_colour), rgba(255, 165, 0, 160));
        }
        out += "}";
    }
    for (const auto& site : sc.sites) {
        const bool ground = site.kind != "moon";  // ground sites and demand regions stand still on the Earth
        const std::string colour = site.kind == "ground" ? rgba(255, 235, 59) : site.kind == "region" ? rgba(105, 240, 174) : rgba(200, 200, 255);
        std::string position;
        if (ground) {
            position = fmt::format(R"({{"cartographicDegrees":[{:.6f},{:.6f},0]}})", site.longitude_rad * 180.0 / constants::pi,
                                   site.latitude_rad * 180.0 / constants::pi);
        } else {
            position = sampled_position(sc, site.r_ecef_m);
        }
        // Tracked, a lunar site is seen from 5,000 km towards the Earth (local up is away from it) and 3,000 km south.
        const std::string view_from = ground ? "" : R"("viewFrom":{"cartesian":[0,-3000000,-5000000]},)";
        out += fmt::format(",\n{{\"id\":{},\"name\":{},\"description\":{},\"position\":{},{}"
                           "\"point\":{{\"pixelSize\":{},\"color\":{},\"outlineColor\":{},\"outlineWidth\":2}},\"label\":{}}}",
                           json_text(site.id), json_text(site.name), json_text(site.description), position, view_from,
                           ground ? 10 : 12, colour, rgba(0, 0, 0), label(site.name, 12, colour));
    }
    for (const auto& link : sc.links) {
        out += fmt::format(",\n{{\"id\":{},\"name\":{},\"availability\":{},\"polyline\":{{\"positions\":{{\"references\":[{},{}]}},"
                           "\"width\":1,\"arcType\":\"NONE\",\"material\":{{\"solidColor\":{{\"color\":{}}}}}}}}}",
                           json_text(link.id), json_text(link.kind + " " + link.from + " - " + link.to), interval,
                           json_text(link.from + "#position"), json_text(link.to + "#position"),
                           link.kind == "route" ? rgba(105, 240, 174, 220) : rgba(0, 229, 255, 200));
    }
    out += "\n]\n";
    return out;
}

}  // namespace kardashev::io
