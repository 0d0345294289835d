#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/orbit/frames.hpp"
#include "kardashev/orbit/visibility.hpp"
#include "support/error_message.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::orbit;

constexpr double deg = constants::pi / 180.0;
const epoch t0 = epoch::from_utc_iso("2026-03-20T00:00:00Z");

// A target fixed in ECEF, given to the search as a TEME trajectory.
state_at_fn fixed_in_ecef(const vec3& r_ecef) {
    return [r_ecef](double t_s) {
        return ecef_to_teme(state_vector{r_ecef, {}}, t0 + duration::from_seconds(t_s));
    };
}

// A target on a great circle through the zenith of (0, 0) at 1000 km, in ECEF: angular rate w [rad/s], closest
// approach at t = 600 s.
state_at_fn overflight(double w) {
    return [w](double t_s) {
        const double r = 6'378'137.0 + 1.0e6;
        const double a = w * (t_s - 600.0);
        return ecef_to_teme(state_vector{{r * std::cos(a), 0.0, r * std::sin(a)}, {}}, t0 + duration::from_seconds(t_s));
    };
}

TEST(visibility, target_overhead_all_window_is_one_clipped_pass_at_ninety_degrees) {
    const geodetic site{10.0 * deg, 20.0 * deg, 0.0};
    const geodetic above{10.0 * deg, 20.0 * deg, 35'786'000.0};
    const auto passes = find_passes(fixed_in_ecef(geodetic_to_ecef(above)), t0, duration::from_seconds(43200), site);
    ASSERT_EQ(passes.size(), 1U);
    EXPECT_TRUE(passes[0].rise_clipped);
    EXPECT_TRUE(passes[0].set_clipped);
    EXPECT_EQ(passes[0].rise, t0);
    EXPECT_EQ(passes[0].set, t0 + duration::from_seconds(43200));
    EXPECT_NEAR(passes[0].max_elevation_rad, 90.0 * deg, 1e-6);
}

TEST(visibility, target_below_the_horizon_gives_no_pass) {
    const geodetic site{10.0 * deg, 20.0 * deg, 0.0};
    const geodetic antipode{-10.0 * deg, -160.0 * deg, 35'786'000.0};
    EXPECT_TRUE(find_passes(fixed_in_ecef(geodetic_to_ecef(antipode)), t0, duration::from_days(1), site).empty());
}

TEST(visibility, zenith_overflight_culminates_at_closest_approach_and_is_symmetric) {
    const geodetic site{0.0, 0.0, 0.0};
    const auto passes = find_passes(overflight(1e-3), t0, duration::from_seconds(1200), site);
    ASSERT_EQ(passes.size(), 1U);
    const auto& p = passes[0];
    EXPECT_FALSE(p.rise_clipped);
    EXPECT_FALSE(p.set_clipped);
    EXPECT_NEAR((p.culmination - t0).seconds(), 600.0, 2e-3);
    EXPECT_NEAR(p.max_elevation_rad, 90.0 * deg, 1e-6);
    EXPECT_NEAR((p.culmination - p.rise).seconds(), (p.set - p.culmination).seconds(), 2e-3);
    // Rise where the elevation is 10 deg: the Earth-centre angle lambda solves cos(lambda + el) = (R/r) cos(el).
    const double ratio = 6'378'137.0 / (6'378'137.0 + 1.0e6);
    const double lambda = std::acos(ratio * std::cos(10.0 * deg)) - 10.0 * deg;
    EXPECT_NEAR((p.culmination - p.rise).seconds(), lambda / 1e-3, 2e-3);
    EXPECT_NEAR(p.rise_azimuth_rad, 180.0 * deg, 1e-6);  // comes from the south (negative z side)
    EXPECT_NEAR(p.set_azimuth_rad, 0.0, 1e-6);
}

TEST(visibility, a_pass_shorter_than_the_step_is_found_from_its_sampled_peak) {
    const geodetic site{0.0, 0.0, 0.0};
    pass_options opt;
    opt.mask_rad = 80.0 * deg;  // above 80 deg for about 30 s at 3e-3 rad/s
    opt.step_s = 100.0;
    const auto passes = find_passes(overflight(3e-3), t0, duration::from_seconds(1200), site, opt);
    ASSERT_EQ(passes.size(), 1U);
    EXPECT_NEAR((passes[0].culmination - t0).seconds(), 600.0, 2e-3);
    EXPECT_LT((passes[0].set - passes[0].rise).seconds(), opt.step_s);
}

TEST(visibility, bad_search_inputs_are_named) {
    const geodetic site{};
    const auto fn = overflight(1e-3);
    using kardashev::testing::error_message;
    EXPECT_EQ(error_message<input_error>([&] { (void)find_passes(fn, t0, duration::from_seconds(0), site); }),
              "passes: expected a positive span, got 0 s");
    pass_options opt;
    opt.mask_rad = 95.0 * deg;
    EXPECT_EQ(error_message<input_error>([&] { (void)find_passes(fn, t0, duration::from_seconds(60), site, opt); }),
              "passes: expected an elevation mask between -90 and 90 deg, got 95 deg");
}

}  // namespace
