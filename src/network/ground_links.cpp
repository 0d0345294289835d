// Ground-satellite links of one step (N-e, N-f): each station tests only the satellites in the z bands within its
// reach, with exact prechecks on squared distances, so the links are those of a full scan.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include "kardashev/core/constants.hpp"
#include "topology_build.hpp"

namespace kardashev::network::detail {

namespace {

constexpr int bands = 128;

/// Satellites by z band (a counting sort): band b spans z in [-z_max + b h, -z_max + (b + 1) h), h = (2 z_max + 1) /
/// bands; the satellites of band b are scratch.by_band[band_start[b] .. band_start[b + 1]).
struct z_bands {
    double z_max_m = 0.0;     //!< largest abs(z) of a satellite [m]
    double r2_max_m2 = 0.0;   //!< largest abs(r)^2 of a satellite [m^2]
    double height_m = 0.0;    //!< band height [m]

    [[nodiscard]] int band_of(double z_m) const {
        return static_cast<int>(std::clamp((z_m + z_max_m) / height_m, 0.0, bands - 1.0));
    }
};

z_bands sort_by_z_band(const satellite_positions& sats, build_scratch& scratch) {
    z_bands zb;
    for (node_index k = 0; k < sats.count(); ++k) {
        const double x = sats.x_m[k], y = sats.y_m[k], z = sats.z_m[k];
        if (!std::isfinite(z)) continue;  // a satellite that failed to propagate
        zb.z_max_m = std::max(zb.z_max_m, std::fabs(z));
        zb.r2_max_m2 = std::max(zb.r2_max_m2, x * x + y * y + z * z);
    }
    zb.height_m = (2.0 * zb.z_max_m + 1.0) / bands;
    std::vector<int>& start = scratch.band_start;
    start.assign(bands + 1, 0);
    for (node_index k = 0; k < sats.count(); ++k) {
        if (std::isfinite(sats.z_m[k])) ++start[zb.band_of(sats.z_m[k]) + 1];
    }
    for (std::size_t b = 0; b < bands; ++b) start[b + 1] += start[b];
    scratch.by_band.resize(static_cast<std::size_t>(start[bands]));
    std::vector<int>& cursor = scratch.counts;
    cursor.assign(start.begin(), start.end() - 1);
    for (node_index k = 0; k < sats.count(); ++k) {
        const double z = sats.z_m[k];
        if (std::isfinite(z)) scratch.by_band[cursor[zb.band_of(z)]++] = k;
    }
    return zb;
}

/// The station's reach in z: abs(dz) <= abs(d) <= reach [m] for every satellite it may link to (infinite when
/// unbounded). Slant range: the range. Non-negative mask: a satellite p (abs(p) <= r_max) above the tangent plane
/// has p . up >= a = r . up, so with r = a up + q, p . r >= a^2 - r_max abs(q) and
/// abs(p - r)^2 <= r_max^2 - 2 a^2 + 2 r_max abs(q) + abs(r)^2.
double reach_m(const orbit::vec3& r, const orbit::vec3& up, const gsl_criterion& gsl, const z_bands& zb,
               bool mask_up) {
    double reach = std::numeric_limits<double>::infinity();
    if (gsl.rule == gsl_rule::slant_range) {
        reach = gsl.max_range_m;
    } else if (mask_up) {
        const double a = r[0] * up[0] + r[1] * up[1] + r[2] * up[2];
        const double r2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
        const double q = std::sqrt(std::fmax(r2 - a * a, 0.0));
        const double r_max = std::sqrt(zb.r2_max_m2);
        reach = std::sqrt(std::fmax(zb.r2_max_m2 - 2.0 * a * a + 2.0 * r_max * q + r2, 0.0));
    }
    return reach * (1.0 + 1e-9) + 1.0;
}

/// Appends station s's admitted links to scratch.candidates, in satellite order (as a scan over all satellites would
/// give them: the order of a station's links), the nearest max_per_station kept when that is set.
void admit_station_links(int s, const satellite_positions& sats, const topology_inputs& in, const z_bands& zb,
                         build_scratch& scratch) {
    const gsl_criterion& gsl = in.options->gsl;
    const bool slant = gsl.rule == gsl_rule::slant_range;
    const double sin_mask = std::sin(gsl.min_elevation_rad);
    const bool mask_up = sin_mask >= 0.0;
    // Cheap rejections before the exact tests (they only drop pairs those tests would drop): beyond the slant range
    // by a relative margin of 1e-9 on the squares, or, for a non-negative mask, below the tangent plane or
    // (d . up)^2 < abs(d)^2 sin^2 e_min by the same margin.
    const double range2_reject = gsl.max_range_m * gsl.max_range_m * (1.0 + 1e-9);
    const double sin2_reject = sin_mask * sin_mask * (1.0 - 1e-9);
    const orbit::vec3& r = in.frames->r_ecef_m[s];
    const orbit::vec3& up = in.frames->up[s];
    const double reach = reach_m(r, up, gsl, zb, mask_up);
    const int band_lo = std::isfinite(reach) ? zb.band_of(r[2] - reach) : 0;
    const int band_hi = std::isfinite(reach) ? zb.band_of(r[2] + reach) : bands - 1;
    std::vector<gsl_candidate>& candidates = scratch.candidates;
    const std::size_t first = candidates.size();
    // Local copies: the candidates' stores cannot then make the compiler reload them.
    const double* x = sats.x_m.data();
    const double* y = sats.y_m.data();
    const double* z = sats.z_m.data();
    const node_index* by_band = scratch.by_band.data();
    const double rx = r[0], ry = r[1], rz = r[2], up_x = up[0], up_y = up[1], up_z = up[2];
    const double max_range_m = gsl.max_range_m;
    for (int j = scratch.band_start[band_lo]; j < scratch.band_start[band_hi + 1]; ++j) {
        const node_index k = by_band[j];
        const double dx = x[k] - rx, dy = y[k] - ry, dz = z[k] - rz;
        const double d2 = dx * dx + dy * dy + dz * dz;
        if (slant && d2 > range2_reject) continue;
        const double dot = dx * up_x + dy * up_y + dz * up_z;
        if (!slant && mask_up && (dot < 0.0 || dot * dot < d2 * sin2_reject)) continue;
        const double range = std::sqrt(d2);
        if (!std::isfinite(range)) continue;
        // Hypatia generate_dynamic_state.py: range test only; else sin e = (d . up) / |d| >= sin e_min (N-f).
        const bool admitted = slant ? range <= max_range_m : dot >= range * sin_mask;
        if (admitted) candidates.push_back({range, s, k});
    }
    const auto begin = candidates.begin() + static_cast<std::ptrdiff_t>(first);
    std::sort(begin, candidates.end(), [](const gsl_candidate& p, const gsl_candidate& q) { return p.sat < q.sat; });
    if (gsl.max_per_station > 0 && candidates.size() - first > static_cast<std::size_t>(gsl.max_per_station)) {
        std::partial_sort(begin, begin + gsl.max_per_station, candidates.end(),
                          [](const gsl_candidate& p, const gsl_candidate& q) {
                              return p.range_m < q.range_m || (p.range_m == q.range_m && p.sat < q.sat);
                          });
        candidates.resize(first + static_cast<std::size_t>(gsl.max_per_station));
    }
}

/// Keeps, for each satellite, its nearest max_per_satellite candidates (greedy, nearest first over all stations).
void limit_links_per_satellite(node_index satellites, int max_per_satellite, build_scratch& scratch) {
    std::vector<gsl_candidate>& candidates = scratch.candidates;
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const gsl_candidate& p, const gsl_candidate& q) { return p.range_m < q.range_m; });
    std::vector<int>& served = scratch.counts;
    served.assign(static_cast<std::size_t>(satellites), 0);
    std::size_t kept = 0;
    for (const gsl_candidate& c : candidates) {
        if (served[c.sat] < max_per_satellite) {
            ++served[c.sat];
            candidates[kept++] = c;
        }
    }
    candidates.resize(kept);
}

}  // namespace

void add_ground_links(const satellite_positions& sats, const topology_inputs& in, build_scratch& scratch) {
    scratch.candidates.clear();
    const z_bands zb = sort_by_z_band(sats, scratch);
    for (int s = 0; s < static_cast<int>(in.stations.size()); ++s) admit_station_links(s, sats, in, zb, scratch);
    const network_options& o = *in.options;
    if (o.gsl.max_per_satellite > 0) limit_links_per_satellite(sats.count(), o.gsl.max_per_satellite, scratch);
    for (const gsl_candidate& c : scratch.candidates) {
        scratch.edges.push_back({sats.count() + c.station, c.sat, c.range_m / constants::speed_of_light_m_per_s,
                                 o.gsl_capacity_bps, link_kind::gsl});
    }
}

}  // namespace kardashev::network::detail
