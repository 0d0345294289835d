// Hill-Clohessy-Wiltshire motion and compact clusters (src/orbit/hcw.cpp).
#include "kardashev/orbit/hcw.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/core/error.hpp"

namespace kardashev::orbit {
namespace {

constexpr double n = 1.0715e-3;

TEST(hcw, cross_track_motion_is_a_harmonic_oscillator) {
    const hcw_state s0{{0.0, 0.0, 100.0}, {0.0, 0.0, 0.0}};
    const double quarter = 0.5 * 3.141592653589793 / n;
    EXPECT_NEAR(hcw_propagate(s0, n, quarter).r_rsw[2], 0.0, 1e-9);
    EXPECT_NEAR(hcw_propagate(s0, n, 2.0 * quarter).r_rsw[2], -100.0, 1e-9);
}

TEST(hcw, bounded_state_is_centred_and_drift_free) {
    const hcw_state s0 = hcw_bounded(100.0, 50.0, 0.0, n);
    const double period = 2.0 * 3.141592653589793 / n;
    double sum_y = 0.0;
    for (int k = 0; k < 360; ++k) sum_y += hcw_propagate(s0, n, period * k / 360.0).r_rsw[1];
    EXPECT_NEAR(sum_y / 360.0, 0.0, 1e-9);  // centred on the reference point
}

TEST(hcw, cluster_rejects_bad_sizes) {
    EXPECT_THROW(compact_cluster(0, 1000.0, n), input_error);
    EXPECT_THROW(compact_cluster(5, -1.0, n), input_error);
    EXPECT_EQ(compact_cluster(1, 1000.0, n).front(), (hcw_state{}));  // one satellite sits at the centre
}

}  // namespace
}  // namespace kardashev::orbit
