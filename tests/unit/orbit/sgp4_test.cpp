// SGP4/SDP4 batch propagator: batch == scalar, thread count does not change a bit, statuses, shapes.

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "kardashev/core/error.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "kardashev/orbit/tle.hpp"
#include "support/error_message.hpp"

namespace {

using kardashev::input_error;
using kardashev::testing::error_message;
namespace orbit = kardashev::orbit;
using orbit::sgp4_status;

// From the AIAA 2006-6753 verification set: near-Earth (00005, 06251), 12 h resonant Molniya (09880),
// 24 h resonant GEO (28626), and two that fail (22312 eccentricity at 494.2 min, 28872 decays at 55 min).
const char* const catalogue =
    "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753\n"
    "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667\n"
    "1 06251U 62025E   06176.82412014  .00008885  00000-0  12808-3 0  3985\n"
    "2 06251  58.0579  54.0425 0030035 139.1568 221.1854 15.56387291  6774\n"
    "1 09880U 77021A   06176.56157475  .00000421  00000-0  10000-3 0  9814\n"
    "2 09880  64.5968 349.3786 7069051 270.0229  16.3320  2.00813614112380\n"
    "1 22312U 93002D   06094.46235912  .99999999  81888-5  49949-3 0  3953\n"
    "2 22312  62.1486  77.4698 0308723 267.9229  88.7392 15.95744531 98783\n"
    "1 28626U 05008A   06176.46683397 -.00000205  00000-0  10000-3 0  2190\n"
    "2 28626   0.0019 286.9433 0000335  13.7918  55.6504  1.00270176  4891\n"
    "1 28872U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534\n"
    "2 28872  96.4736 157.9986 0303955 244.0492 110.6523 16.46015938 10708\n";

struct batch {
    std::vector<double> x, y, z, vx, vy, vz;
    std::vector<sgp4_status> st;
    explicit batch(std::size_t n) : x(n), y(n), z(n), vx(n), vy(n), vz(n), st(n) {}
    orbit::sgp4_batch_output out() { return {x, y, z, vx, vy, vz, st}; }
};

std::vector<double> grid() {
    std::vector<double> t;
    for (double m = -1440.0; m <= 2880.0; m += 7.5) {
        t.push_back(m);
    }
    return t;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(sgp4, near_earth_and_deep_space_objects_are_told_apart_by_the_225_min_period) {
    const auto sets = orbit::parse_tle_catalogue(catalogue);
    const orbit::sgp4_propagator p(sets);
    ASSERT_EQ(p.size(), 6u);
    EXPECT_FALSE(p.is_deep_space(0));  // 133 min
    EXPECT_FALSE(p.is_deep_space(1));
    EXPECT_TRUE(p.is_deep_space(2));   // 717 min
    EXPECT_FALSE(p.is_deep_space(3));
    EXPECT_TRUE(p.is_deep_space(4));   // 1436 min
    for (std::size_t i = 0; i < p.size(); ++i) {
        EXPECT_EQ(p.init_status(i), sgp4_status::ok);
    }
}

TEST(sgp4, batch_equals_the_scalar_call_bit_for_bit) {
    const auto sets = orbit::parse_tle_catalogue(catalogue);
    const orbit::sgp4_propagator p(sets);
    const std::vector<double> t = grid();
    batch b(sets.size() * t.size());
    p.propagate(t, b.out());
    for (std::size_t i = 0; i < sets.size(); ++i) {
        for (std::size_t j = 0; j < t.size(); ++j) {
            const std::size_t k = i * t.size() + j;
            const orbit::teme_state s = orbit::sgp4_propagate(sets[i], t[j]);
            ASSERT_EQ(s.status, b.st[k]);
            EXPECT_TRUE(same_bits(s.r_teme_km[0], b.x[k]) && same_bits(s.r_teme_km[1], b.y[k]) &&
                        same_bits(s.r_teme_km[2], b.z[k]) && same_bits(s.v_teme_km_s[0], b.vx[k]) &&
                        same_bits(s.v_teme_km_s[1], b.vy[k]) && same_bits(s.v_teme_km_s[2], b.vz[k]))
                << sets[i].catalogue_number << " t=" << t[j];
        }
    }
}

TEST(sgp4, one_thread_and_two_threads_give_identical_bits) {
    // 60 satellites (each element set ten times) so the work splits across threads.
    std::vector<orbit::element_set> sets;
    const auto base = orbit::parse_tle_catalogue(catalogue);
    for (int k = 0; k < 10; ++k) {
        sets.insert(sets.end(), base.begin(), base.end());
    }
    const orbit::sgp4_propagator p(sets);
    const std::vector<double> t = grid();
    batch one(sets.size() * t.size());
    batch two(sets.size() * t.size());
    p.propagate(t, one.out(), {.threads = 1});
    p.propagate(t, two.out(), {.threads = 2});
    const std::size_t bytes = one.x.size() * sizeof(double);
    EXPECT_EQ(std::memcmp(one.x.data(), two.x.data(), bytes), 0);
    EXPECT_EQ(std::memcmp(one.y.data(), two.y.data(), bytes), 0);
    EXPECT_EQ(std::memcmp(one.z.data(), two.z.data(), bytes), 0);
    EXPECT_EQ(std::memcmp(one.vx.data(), two.vx.data(), bytes), 0);
    EXPECT_EQ(std::memcmp(one.vy.data(), two.vy.data(), bytes), 0);
    EXPECT_EQ(std::memcmp(one.vz.data(), two.vz.data(), bytes), 0);
    EXPECT_EQ(one.st, two.st);
}

TEST(sgp4, failures_get_their_vallado_code_and_never_a_silent_state) {
    const auto sets = orbit::parse_tle_catalogue(catalogue);
    const orbit::teme_state ecc = orbit::sgp4_propagate(sets[3], 494.20286720);
    EXPECT_EQ(ecc.status, sgp4_status::mean_eccentricity_out_of_range);
    EXPECT_TRUE(std::isnan(ecc.r_teme_km[0]) && std::isnan(ecc.v_teme_km_s[2]));
    // Decay keeps the (sub-surface) position, as Vallado's code does.
    const orbit::teme_state dec = orbit::sgp4_propagate(sets[5], 55.0);
    EXPECT_EQ(dec.status, sgp4_status::decayed);
    const double r = std::hypot(dec.r_teme_km[0], dec.r_teme_km[1], dec.r_teme_km[2]);
    EXPECT_LT(r, 6378.135);
    EXPECT_EQ(orbit::to_string(sgp4_status::decayed), "decayed");
    EXPECT_EQ(orbit::to_string(sgp4_status::negative_semi_latus_rectum), "negative semi-latus rectum");
}

TEST(sgp4, absolute_times_match_minutes_since_each_epoch) {
    const auto sets = orbit::parse_tle_catalogue(catalogue);
    const orbit::sgp4_propagator p(sets);
    // 360 minutes after each satellite's own epoch, one satellite at a time.
    for (std::size_t i = 0; i < sets.size(); ++i) {
        const std::vector<kardashev::epoch> when{sets[i].epoch_time + kardashev::duration::from_seconds(360.0 * 60)};
        batch b(sets.size());
        p.propagate(std::span<const kardashev::epoch>(when), b.out());
        const orbit::teme_state s = p.propagate(i, 360.0);
        EXPECT_EQ(b.st[i], s.status);
        EXPECT_EQ(b.x[i], s.r_teme_km[0]);
        EXPECT_EQ(b.vz[i], s.v_teme_km_s[2]);
    }
}

TEST(sgp4, output_shapes_are_checked_once_at_entry) {
    const auto sets = orbit::parse_tle_catalogue(catalogue);
    const orbit::sgp4_propagator p(sets);
    const std::vector<double> t{0.0, 1.0};
    batch b(11);
    EXPECT_EQ(error_message<input_error>([&] { p.propagate(t, b.out()); }),
              "sgp4 batch: output 'x_km' has 11 elements, expected 12 (6 satellites x 2 times)");
    EXPECT_EQ(error_message<input_error>([&] { (void)p.propagate(6, 0.0); }),
              "sgp4: satellite index 6 out of range (6 satellites)");
}

}  // namespace
