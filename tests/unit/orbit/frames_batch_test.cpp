// Batch TEME -> ECEF of positions (src/orbit/frames.cpp): the scalar teme_to_ecef's positions bit for bit.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "kardashev/core/error.hpp"
#include "kardashev/orbit/frames.hpp"
#include "support/error_message.hpp"

namespace kardashev::orbit {
namespace {

constexpr double arcsec = 3.141592653589793 / 180.0 / 3600.0;

TEST(frames_batch, positions_equal_teme_to_ecef_bit_for_bit_with_and_without_earth_orientation) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> coordinate_km(-42'000.0, 42'000.0);
    std::vector<double> x(200), y(200), z(200);
    for (std::size_t i = 0; i < x.size(); ++i) {
        x[i] = coordinate_km(rng);
        y[i] = coordinate_km(rng);
        z[i] = coordinate_km(rng);
    }
    const epoch t = epoch::from_utc_iso("2004-04-06T07:51:28.386009Z");
    for (const earth_orientation& eop : {earth_orientation{}, earth_orientation{-0.4399619, -0.140682 * arcsec, 0.333309 * arcsec}}) {
        std::vector<double> ex(x.size()), ey(x.size()), ez(x.size());
        teme_km_to_ecef_m(t, x, y, z, ex, ey, ez, eop);
        for (std::size_t i = 0; i < x.size(); ++i) {
            const vec3 r = teme_to_ecef({{x[i] * 1e3, y[i] * 1e3, z[i] * 1e3}, {}}, t, eop).r_m;
            ASSERT_EQ(ex[i], r[0]) << i;
            ASSERT_EQ(ey[i], r[1]) << i;
            ASSERT_EQ(ez[i], r[2]) << i;
        }
    }
}

TEST(frames_batch, works_in_place_and_carries_nan) {
    const epoch t = epoch::from_utc_iso("2026-01-01T00:00:00Z");
    std::vector<double> x{7000.0, std::numeric_limits<double>::quiet_NaN()}, y{1.0, 2.0}, z{3.0, 4.0};
    const vec3 expected = teme_to_ecef({{7000.0e3, 1.0e3, 3.0e3}, {}}, t).r_m;
    teme_km_to_ecef_m(t, x, y, z, x, y, z);
    EXPECT_EQ(x[0], expected[0]);
    EXPECT_EQ(y[0], expected[1]);
    EXPECT_EQ(z[0], expected[2]);
    EXPECT_TRUE(std::isnan(x[1]) && std::isnan(y[1]));
}

TEST(frames_batch, arrays_of_different_sizes_are_an_error) {
    std::vector<double> a(3), b(2);
    EXPECT_EQ(testing::error_message<input_error>([&] { teme_km_to_ecef_m(epoch{}, a, a, a, a, b, a); }),
              "TEME to ECEF: expected six arrays of one size, got 3, 3, 3 in and 3, 2, 3 out");
}

}  // namespace
}  // namespace kardashev::orbit
