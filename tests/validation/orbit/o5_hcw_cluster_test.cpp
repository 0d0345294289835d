// Source: Google, "Towards a future space-based, highly scalable AI infrastructure system design" (2025), sec. 2.2, and Clohessy & Wiltshire (1960); VALIDATION.md O5. Tolerances: n to the 5 digits quoted, period to 0.01 min, the 2:1 ratio and zero drift to 1e-9 (closed form, round-off only).
//
// Reference orbit: circular, a = 6378.137 km + 650 km, mu = 3.986004418e14 m^3/s^2.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "kardashev/orbit/hcw.hpp"
#include "kardashev/orbit/kepler.hpp"

namespace {

using namespace kardashev::orbit;

TEST(o5_hcw, mean_motion_and_period_at_650_km) {
    const double a = gravity_model{}.radius_m + 650e3;
    const double n = mean_motion_rad_s(a);
    std::printf("O5 n = %.6e rad/s, period %.3f min\n", n, orbital_period_s(a) / 60.0);
    EXPECT_NEAR(n, 1.0715e-3, 0.00005e-3);
    EXPECT_NEAR(orbital_period_s(a) / 60.0, 97.73, 0.01);
}

TEST(o5_hcw, bounded_solution_is_a_2_to_1_ellipse_without_drift) {
    const double n = mean_motion_rad_s(gravity_model{}.radius_m + 650e3);
    const double x0 = 500.0;  // m radial
    const hcw_state s0 = hcw_bounded(x0, 0.0, 0.0, n);
    EXPECT_DOUBLE_EQ(s0.v_rsw[1], -2.0 * n * x0);
    double max_x = 0.0, max_y = 0.0;
    const double period = 2.0 * 3.141592653589793 / n;
    for (int k = 0; k <= 1000; ++k) {
        const hcw_state s = hcw_propagate(s0, n, period * k / 1000.0);
        max_x = std::max(max_x, std::fabs(s.r_rsw[0]));
        max_y = std::max(max_y, std::fabs(s.r_rsw[1]));
    }
    std::printf("O5 along-track / radial amplitude = %.9f\n", max_y / max_x);
    EXPECT_NEAR(max_y / max_x, 2.0, 1e-5);  // sampled extremum: 1000 points per orbit
    // No secular drift: after 100 orbits the state returns to the start.
    const hcw_state s100 = hcw_propagate(s0, n, 100.0 * period);
    for (int j = 0; j < 3; ++j) {
        EXPECT_NEAR(s100.r_rsw[j], s0.r_rsw[j], 1e-6);
        EXPECT_NEAR(s100.v_rsw[j], s0.v_rsw[j], 1e-9);
    }
    // An unbounded start (ydot0 = 0) drifts by -12 pi x0 per orbit (the 6 (sin nt - nt) x0 term) along-track (Vallado 2013 eq. 6-66).
    hcw_state drift = s0;
    drift.v_rsw[1] = 0.0;
    EXPECT_NEAR(hcw_propagate(drift, n, period).r_rsw[1], -12.0 * 3.141592653589793 * x0, 1e-6);
}

TEST(o5_hcw, suncatcher_cluster_of_81_stays_within_1_km) {
    const double n = mean_motion_rad_s(gravity_model{}.radius_m + 650e3);
    const auto sats = compact_cluster(81, 1000.0, n);
    ASSERT_EQ(sats.size(), 81u);
    const double period = 2.0 * 3.141592653589793 / n;
    double max_r = 0.0, min_sep = 1e30;
    for (int k = 0; k < 200; ++k) {
        const double t = period * k / 200.0;
        std::vector<hcw_state> now;
        for (const hcw_state& s : sats) now.push_back(hcw_propagate(s, n, t));
        for (std::size_t a = 0; a < now.size(); ++a) {
            max_r = std::max(max_r, std::hypot(now[a].r_rsw[0], now[a].r_rsw[1], now[a].r_rsw[2]));
            for (std::size_t b = a + 1; b < now.size(); ++b) {
                min_sep = std::min(min_sep, std::hypot(now[a].r_rsw[0] - now[b].r_rsw[0],
                                                       now[a].r_rsw[1] - now[b].r_rsw[1]));
            }
        }
    }
    std::printf("O5 cluster of 81 in R = 1 km: max distance %.1f m, min separation %.1f m\n", max_r, min_sep);
    EXPECT_LE(max_r, 1000.0 + 1e-6);
    EXPECT_GT(min_sep, 50.0);
}

}  // namespace
