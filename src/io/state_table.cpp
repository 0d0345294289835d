// What `kardashev propagate` writes (io/state_table.hpp).

#include "kardashev/io/state_table.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "kardashev/core/constants.hpp"

namespace kardashev::io {

namespace {

std::string_view frame_name(state_frame f) {
    switch (f) {
        case state_frame::teme: return "teme";
        case state_frame::ecef: return "ecef";
        case state_frame::geodetic: return "geodetic";
    }
    return "teme";
}

/// A value for CSV (empty when not finite) or JSON (null).
std::string cell(double v, int decimals, bool json) {
    if (std::isfinite(v)) return fmt::format("{:.{}f}", v, decimals);
    return json ? std::string("null") : std::string();
}

std::vector<std::string> columns_of(state_frame frame) {
    if (frame == state_frame::geodetic) return {"id", "time_utc", "tsince_min", "lat_deg", "lon_deg", "alt_km", "status"};
    return {"id", "time_utc", "tsince_min", "x_km", "y_km", "z_km", "vx_km_s", "vy_km_s", "vz_km_s", "status"};
}

/// One propagated chunk: TEME states [km, km/s] and statuses, satellite-major.
struct chunk_states {
    std::vector<double> x, y, z, vx, vy, vz;
    std::vector<orbit::sgp4_status> status;
};

/// The state cells of element `e` of `c` at `t` in the frame of `o` (3 geodetic, else 6).
std::array<std::string, 6> state_cells(const chunk_states& c, std::size_t e, epoch t, const state_table_options& o) {
    std::array<std::string, 6> v;
    const bool json = o.json;
    if (o.frame == state_frame::teme) {
        const double s[6] = {c.x[e], c.y[e], c.z[e], c.vx[e], c.vy[e], c.vz[e]};
        for (std::size_t j = 0; j < 6; ++j) v[j] = cell(s[j], j < 3 ? 8 : 9, json);
        return v;
    }
    const orbit::state_vector ecef = orbit::teme_to_ecef(
        {{c.x[e] * 1e3, c.y[e] * 1e3, c.z[e] * 1e3}, {c.vx[e] * 1e3, c.vy[e] * 1e3, c.vz[e] * 1e3}}, t, o.eop);
    if (o.frame == state_frame::ecef) {
        for (std::size_t j = 0; j < 3; ++j) v[j] = cell(ecef.r_m[j] / 1e3, 8, json);
        for (std::size_t j = 0; j < 3; ++j) v[3 + j] = cell(ecef.v_m_s[j] / 1e3, 9, json);
    } else if (std::isfinite(c.x[e])) {
        const orbit::geodetic geo = orbit::ecef_to_geodetic(ecef.r_m);
        v[0] = cell(geo.lat_rad * 180.0 / constants::pi, 8, json);
        v[1] = cell(geo.lon_rad * 180.0 / constants::pi, 8, json);
        v[2] = cell(geo.alt_m / 1e3, 6, json);
    } else {
        for (std::size_t j = 0; j < 3; ++j) v[j] = cell(NAN, 0, json);
    }
    return v;
}

/// Appends one row (CSV line or JSON object) to `buf`.
void append_row(fmt::memory_buffer& buf, const state_table_options& o, const std::vector<std::string>& columns,
                bool first, std::uint32_t id, epoch t, double tsince, const std::array<std::string, 6>& v,
                orbit::sgp4_status st) {
    const std::size_t nv = o.frame == state_frame::geodetic ? 3 : 6;
    std::string status(orbit::to_string(st));
    std::replace(status.begin(), status.end(), ' ', '_');
    auto it = std::back_inserter(buf);
    if (o.json) {
        fmt::format_to(it, "{}\n    {{\"id\": {}, \"time_utc\": \"{}\", \"tsince_min\": {:.6f}", first ? "" : ",", id,
                       t.to_utc_iso(), tsince);
        for (std::size_t j = 0; j < nv; ++j) fmt::format_to(it, ", \"{}\": {}", columns[3 + j], v[j]);
        fmt::format_to(it, ", \"status\": \"{}\"}}", status);
    } else {
        fmt::format_to(it, "{},{},{:.6f}", id, t.to_utc_iso(), tsince);
        for (std::size_t j = 0; j < nv; ++j) fmt::format_to(it, ",{}", v[j]);
        fmt::format_to(it, ",{}\n", status);
    }
}

chunk_states propagate_chunk(std::span<const orbit::element_set> chunk, const time_grid& g, orbit::sgp4_mode mode) {
    const orbit::sgp4_propagator prop(chunk, mode);
    const std::size_t n = chunk.size() * g.size();
    chunk_states c{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n), std::vector<double>(n),
                   std::vector<double>(n), std::vector<double>(n), std::vector<orbit::sgp4_status>(n)};
    const orbit::sgp4_batch_output o{c.x, c.y, c.z, c.vx, c.vy, c.vz, c.status};
    if (g.absolute()) prop.propagate(std::span<const epoch>(g.times), o);
    else prop.propagate(std::span<const double>(g.tsince_min), o);
    return c;
}

}  // namespace

void write_state_table(atomic_file& out, std::span<const orbit::element_set> sets, const time_grid& g,
                       const state_table_options& o, const std::function<void(std::size_t)>& on_progress) {
    const std::vector<std::string> columns = columns_of(o.frame);
    if (o.json) {
        // The file name as a JSON string: quotes, backslashes and control characters escaped, bad UTF-8 replaced.
        const std::string catalogue = nlohmann::json(o.catalogue).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out.write(fmt::format("{{\n  \"command\": \"propagate\",\n  \"catalogue\": {},\n  \"satellites\": {},\n"
                              "  \"times\": {},\n  \"frame\": \"{}\",\n  \"mode\": \"{}\",\n  \"dut1_s\": {},\n"
                              "  \"rows\": [",
                              catalogue, sets.size(), g.size(), frame_name(o.frame),
                              o.mode == orbit::sgp4_mode::afspc ? "afspc" : "improved", o.eop.dut1_s));
    } else {
        out.write(fmt::format("{}\n", fmt::join(columns, ",")));
    }
    const std::size_t per_chunk = std::max<std::size_t>(1, 2'000'000 / g.size());
    bool first = true;
    fmt::memory_buffer buf;
    for (std::size_t s0 = 0; s0 < sets.size(); s0 += per_chunk) {
        const auto chunk = sets.subspan(s0, std::min(per_chunk, sets.size() - s0));
        const chunk_states c = propagate_chunk(chunk, g, o.mode);
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            const auto& set = chunk[i];
            for (std::size_t k = 0; k < g.size(); ++k) {
                const std::size_t e = i * g.size() + k;
                const epoch t = g.absolute() ? g.times[k] : set.epoch_time + duration::from_seconds(g.tsince_min[k] * 60.0);
                const double tsince = g.absolute() ? (t - set.epoch_time).seconds() / 60.0 : g.tsince_min[k];
                append_row(buf, o, columns, first, set.catalogue_number, t, tsince, state_cells(c, e, t, o), c.status[e]);
                first = false;
                if (buf.size() > (1U << 20)) {
                    out.write(std::string_view(buf.data(), buf.size()));
                    buf.clear();
                }
            }
        }
        if (on_progress) on_progress(s0 + chunk.size());
    }
    if (o.json) fmt::format_to(std::back_inserter(buf), "\n  ]\n}}\n");
    out.write(std::string_view(buf.data(), buf.size()));
}

}  // namespace kardashev::io
