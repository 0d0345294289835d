// SGP4/SDP4 propagator: initialisation once per satellite, then the batch kernel over satellites x times.

#include "kardashev/orbit/sgp4.hpp"

#include <limits>
#include <string>
#include <utility>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "kardashev/core/error.hpp"
#include "sgp4_kernel.hpp"

namespace kardashev::orbit {

namespace detail {

/// Initialised satellites, split into near-Earth and deep-space index lists so each loop has one branch.
struct sgp4_records {
    std::vector<sat_record> records;
    std::vector<std::size_t> near_index;  // satellites using SGP4
    std::vector<std::size_t> deep_index;  // satellites using SDP4
    std::vector<epoch> epochs;            // element epochs, for absolute-time propagation
};

namespace {

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();

/// Writes one deep-space element: r, v and status; failed elements other than decay get NaN.
template <bool Deep>
inline void propagate_into(const sat_record& rec, double t, std::size_t k, const sgp4_batch_output& out) noexcept {
    double r[3];
    double v[3];
    sgp4_status st = rec.init_status;
    if (st == sgp4_status::ok || st == sgp4_status::decayed) {
        st = propagate_record<Deep>(rec, t, r, v);
    }
    if (st != sgp4_status::ok && st != sgp4_status::decayed) {
        r[0] = r[1] = r[2] = v[0] = v[1] = v[2] = nan_value;
    }
    out.x_km[k] = r[0];
    out.y_km[k] = r[1];
    out.z_km[k] = r[2];
    out.vx_km_s[k] = v[0];
    out.vy_km_s[k] = v[1];
    out.vz_km_s[k] = v[2];
    out.status[k] = st;
}

/// Near-Earth satellite `i` over `count` times in blocks of near_lanes (the last block padded with its
/// last time); writes elements i * count + j.
template <typename Tsince>
inline void run_near(const sat_record& rec, std::size_t i, std::size_t count, const sgp4_batch_output& out,
                     const Tsince& tsince) noexcept {
    constexpr std::size_t w = near_lanes;
    double t[w], x[w], y[w], z[w], vx[w], vy[w], vz[w];
    sgp4_status st[w];
    const bool init_failed = rec.init_status != sgp4_status::ok && rec.init_status != sgp4_status::decayed;
    for (std::size_t j0 = 0; j0 < count; j0 += w) {
        const std::size_t n = count - j0 < w ? count - j0 : w;
        for (std::size_t l = 0; l < w; ++l) {
            t[l] = tsince(i, j0 + (l < n ? l : n - 1));
        }
        propagate_near_block(rec, t, x, y, z, vx, vy, vz, st);
        const std::size_t k0 = i * count + j0;
        for (std::size_t l = 0; l < n; ++l) {
            const bool keep = !init_failed;
            out.x_km[k0 + l] = keep ? x[l] : nan_value;
            out.y_km[k0 + l] = keep ? y[l] : nan_value;
            out.z_km[k0 + l] = keep ? z[l] : nan_value;
            out.vx_km_s[k0 + l] = keep ? vx[l] : nan_value;
            out.vy_km_s[k0 + l] = keep ? vy[l] : nan_value;
            out.vz_km_s[k0 + l] = keep ? vz[l] : nan_value;
            out.status[k0 + l] = keep ? st[l] : rec.init_status;
        }
    }
}

/// Runs the kernel for every satellite over `count` times; `tsince(sat, j)` gives minutes since epoch.
template <typename Tsince>
void run_batch(const sgp4_records& recs, std::size_t count, const sgp4_batch_output& out,
               const sgp4_run_options& options, const Tsince& tsince) {
    auto body = [&]() {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, recs.near_index.size(), 16),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              for (std::size_t n = range.begin(); n != range.end(); ++n) {
                                  const std::size_t i = recs.near_index[n];
                                  run_near(recs.records[i], i, count, out, tsince);
                              }
                          });
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, recs.deep_index.size(), 1),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              for (std::size_t n = range.begin(); n != range.end(); ++n) {
                                  const std::size_t i = recs.deep_index[n];
                                  const sat_record& rec = recs.records[i];
                                  for (std::size_t j = 0; j < count; ++j) {
                                      propagate_into<true>(rec, tsince(i, j), i * count + j, out);
                                  }
                              }
                          });
    };
    if (options.threads > 0) {
        tbb::task_arena arena(options.threads);
        arena.execute(body);
    } else {
        body();
    }
}

void check_shapes(std::size_t sats, std::size_t times, const sgp4_batch_output& out) {
    const std::size_t need = sats * times;
    const auto check = [&](std::size_t got, const char* name) {
        if (got != need) {
            throw input_error("sgp4 batch: output '" + std::string(name) + "' has " + std::to_string(got) +
                              " elements, expected " + std::to_string(need) + " (" + std::to_string(sats) +
                              " satellites x " + std::to_string(times) + " times)");
        }
    };
    check(out.x_km.size(), "x_km");
    check(out.y_km.size(), "y_km");
    check(out.z_km.size(), "z_km");
    check(out.vx_km_s.size(), "vx_km_s");
    check(out.vy_km_s.size(), "vy_km_s");
    check(out.vz_km_s.size(), "vz_km_s");
    check(out.status.size(), "status");
}

}  // namespace
}  // namespace detail

std::string_view to_string(sgp4_status s) noexcept {
    switch (s) {
        case sgp4_status::ok: return "ok";
        case sgp4_status::mean_eccentricity_out_of_range: return "mean eccentricity out of range";
        case sgp4_status::negative_mean_motion: return "negative mean motion";
        case sgp4_status::perturbed_eccentricity_out_of_range: return "perturbed eccentricity out of range";
        case sgp4_status::negative_semi_latus_rectum: return "negative semi-latus rectum";
        case sgp4_status::decayed: return "decayed";
    }
    return "unknown";
}

sgp4_propagator::sgp4_propagator(std::span<const element_set> sets, sgp4_mode mode)
    : m_records(std::make_unique<detail::sgp4_records>()) {
    auto& recs = *m_records;
    recs.records.resize(sets.size());
    recs.epochs.reserve(sets.size());
    for (std::size_t i = 0; i < sets.size(); ++i) {
        detail::init_record(recs.records[i], sets[i], mode);
        (recs.records[i].deep ? recs.deep_index : recs.near_index).push_back(i);
        recs.epochs.push_back(sets[i].epoch_time);
    }
}

sgp4_propagator::~sgp4_propagator() = default;
sgp4_propagator::sgp4_propagator(sgp4_propagator&&) noexcept = default;
sgp4_propagator& sgp4_propagator::operator=(sgp4_propagator&&) noexcept = default;

std::size_t sgp4_propagator::size() const noexcept { return m_records->records.size(); }

sgp4_status sgp4_propagator::init_status(std::size_t i) const { return m_records->records.at(i).init_status; }

bool sgp4_propagator::is_deep_space(std::size_t i) const { return m_records->records.at(i).deep; }

void sgp4_propagator::propagate(std::span<const double> tsince_min, const sgp4_batch_output& out,
                                const sgp4_run_options& options) const {
    detail::check_shapes(size(), tsince_min.size(), out);
    detail::run_batch(*m_records, tsince_min.size(), out, options,
                      [tsince_min](std::size_t, std::size_t j) { return tsince_min[j]; });
}

void sgp4_propagator::propagate(std::span<const epoch> times, const sgp4_batch_output& out,
                                const sgp4_run_options& options) const {
    detail::check_shapes(size(), times.size(), out);
    const std::vector<epoch>& epochs = m_records->epochs;
    detail::run_batch(*m_records, times.size(), out, options, [&epochs, times](std::size_t i, std::size_t j) {
        return static_cast<double>((times[j] - epochs[i]).ns()) / 60.0e9;
    });
}

teme_state sgp4_propagator::propagate(std::size_t i, double tsince_min) const {
    if (i >= size()) {
        throw input_error("sgp4: satellite index " + std::to_string(i) + " out of range (" +
                          std::to_string(size()) + " satellites)");
    }
    teme_state s;
    const double t[1] = {tsince_min};
    double x[1], y[1], z[1], vx[1], vy[1], vz[1];
    sgp4_status st[1];
    // A batch of one: the same kernel as every batch.
    const sgp4_batch_output out{x, y, z, vx, vy, vz, st};
    const detail::sat_record& rec = m_records->records[i];
    if (rec.deep) {
        detail::propagate_into<true>(rec, t[0], 0, out);
    } else {
        detail::run_near(rec, 0, 1, out, [&t](std::size_t, std::size_t) { return t[0]; });
    }
    s.r_teme_km = {x[0], y[0], z[0]};
    s.v_teme_km_s = {vx[0], vy[0], vz[0]};
    s.status = st[0];
    return s;
}

teme_state sgp4_propagate(const element_set& set, double tsince_min, sgp4_mode mode) {
    const sgp4_propagator p(std::span<const element_set>(&set, 1), mode);
    return p.propagate(0, tsince_min);
}

}  // namespace kardashev::orbit
