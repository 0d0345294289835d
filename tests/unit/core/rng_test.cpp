// Named random streams (src/core/rng.cpp, docs/models/core.md "Random streams").
#include "kardashev/core/rng.hpp"

#include "core/rng_detail.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace kardashev {
namespace {

constexpr int n_draws = 1'000'000;

std::vector<std::uint64_t> draws(rng_stream s, int n) {
    std::vector<std::uint64_t> out;
    for (int i = 0; i < n; ++i) {
        out.push_back(s.next_u64());
    }
    return out;
}

struct moments {
    double mean = 0.0;
    double variance = 0.0;
};

template <typename F>
moments sample_moments(F&& draw, int n) {
    // Welford's running mean and variance.
    double mean = 0.0;
    double m2 = 0.0;
    for (int i = 1; i <= n; ++i) {
        const double x = draw();
        const double delta = x - mean;
        mean += delta / i;
        m2 += delta * (x - mean);
    }
    return {mean, m2 / (n - 1)};
}

TEST(rng, fnv1a64_matches_the_reference_test_vectors) {
    // FNV reference test suite (draft-eastlake-fnv): "" is the offset basis.
    EXPECT_EQ(core::detail::fnv1a64(""), 0xcbf29ce484222325ULL);
    EXPECT_EQ(core::detail::fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(core::detail::fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(rng, splitmix64_from_zero_matches_the_reference_sequence) {
    std::uint64_t state = 0;
    EXPECT_EQ(core::detail::splitmix64(state), 0xe220a8397b1dcdafULL);
    EXPECT_EQ(core::detail::splitmix64(state), 0x6e789e6aa1b965f4ULL);
    EXPECT_EQ(core::detail::splitmix64(state), 0x06c45d188009454fULL);
}

TEST(rng, xoshiro256ss_from_state_1_2_3_4_matches_the_reference_sequence) {
    // First outputs of the reference xoshiro256starstar.c from s = {1, 2, 3, 4}.
    std::uint64_t s[4] = {1, 2, 3, 4};
    const std::uint64_t expected[] = {11520ULL, 0ULL, 1509978240ULL, 1215971899390074240ULL};
    for (const std::uint64_t e : expected) {
        EXPECT_EQ(core::detail::xoshiro256ss_next(s), e);
    }
}

TEST(rng, same_seed_and_name_give_the_same_sequence) {
    EXPECT_EQ(draws(rng_stream(42, "launch.failures"), 1000), draws(rng_stream(42, "launch.failures"), 1000));
    EXPECT_EQ(rng_stream(42, "launch.failures"), rng_stream(42, "launch.failures"));
}

TEST(rng, different_names_or_seeds_give_different_sequences) {
    const auto base = draws(rng_stream(42, "launch.failures"), 100);
    EXPECT_NE(base, draws(rng_stream(42, "launch.failure"), 100));
    EXPECT_NE(base, draws(rng_stream(42, ""), 100));
    EXPECT_NE(base, draws(rng_stream(43, "launch.failures"), 100));
    EXPECT_NE(draws(rng_stream(0, ""), 100), draws(rng_stream(1, ""), 100));
}

TEST(rng, adding_a_stream_does_not_shift_another) {
    rng_stream alone(7, "gpu.failures");
    const auto expected = draws(alone, 200);
    rng_stream first(7, "radiation.upsets");
    rng_stream gpu(7, "gpu.failures");
    std::vector<std::uint64_t> interleaved;
    for (int i = 0; i < 200; ++i) {
        (void)first.next_u64();
        (void)first.normal();
        interleaved.push_back(gpu.next_u64());
    }
    EXPECT_EQ(interleaved, expected);
}

TEST(rng, copying_a_stream_copies_its_state) {
    rng_stream a(1, "copy");
    (void)a.next_u64();
    rng_stream b = a;
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.next_u64(), b.next_u64());
    (void)a.next_u64();
    EXPECT_NE(a, b);
}

TEST(rng, uniform_lies_in_0_1_with_mean_one_half_and_variance_one_twelfth) {
    // Tolerances are 5 standard errors for n = 1e6: SE(mean) = sqrt(1/12/n) = 2.9e-4; SE(variance)
    // = sqrt((mu4 - sigma^4)/n) = sqrt((1/80 - 1/144)/n) = 7.5e-5.
    rng_stream s(2026, "test.uniform");
    double lo = 1.0;
    double hi = 0.0;
    const moments m = sample_moments(
        [&] {
            const double u = s.uniform();
            lo = std::min(lo, u);
            hi = std::max(hi, u);
            return u;
        },
        n_draws);
    EXPECT_GE(lo, 0.0);
    EXPECT_LT(hi, 1.0);
    EXPECT_NEAR(m.mean, 0.5, 5 * 2.9e-4);
    EXPECT_NEAR(m.variance, 1.0 / 12.0, 5 * 7.5e-5);
}

TEST(rng, normal_has_mean_zero_and_unit_variance) {
    // 5 standard errors for n = 1e6: SE(mean) = 1e-3; SE(variance) = sqrt(2/n) = 1.41e-3.
    rng_stream s(2026, "test.normal");
    const moments m = sample_moments([&] { return s.normal(); }, n_draws);
    EXPECT_NEAR(m.mean, 0.0, 5 * 1e-3);
    EXPECT_NEAR(m.variance, 1.0, 5 * 1.41e-3);
}

TEST(rng, exponential_has_the_given_mean_and_its_square_as_variance) {
    // Mean 3, n = 1e6: SE(mean) = 3e-3; SE(variance) = sqrt((9 * 3^4 - 3^4)/n) = 2.55e-2.
    rng_stream s(2026, "test.exponential");
    const moments m = sample_moments([&] { return s.exponential(3.0); }, n_draws);
    EXPECT_NEAR(m.mean, 3.0, 5 * 3e-3);
    EXPECT_NEAR(m.variance, 9.0, 5 * 2.55e-2);
}

TEST(rng, poisson_by_inversion_matches_mean_variance_and_zero_probability) {
    // Mean 4, n = 1e6: SE(mean) = 2e-3; SE(variance) = sqrt((mu4 - sigma^4)/n) with mu4 = 4 (1 + 3 * 4)
    // = 52, so 6e-3; P(0) = exp(-4) = 0.0183 with SE sqrt(p (1 - p)/n) = 1.34e-4.
    rng_stream s(2026, "test.poisson.small");
    int zeros = 0;
    const moments m = sample_moments(
        [&] {
            const std::uint64_t k = s.poisson(4.0);
            zeros += k == 0 ? 1 : 0;
            return static_cast<double>(k);
        },
        n_draws);
    EXPECT_NEAR(m.mean, 4.0, 5 * 2e-3);
    EXPECT_NEAR(m.variance, 4.0, 5 * 6e-3);
    EXPECT_NEAR(static_cast<double>(zeros) / n_draws, std::exp(-4.0), 5 * 1.34e-4);
}

TEST(rng, poisson_above_30_follows_the_normal_approximation) {
    // Mean 1000, n = 1e6: SE(mean) = sqrt(1000/n) = 0.032; rounding to integers adds 1/12 to the
    // variance, well inside its SE sqrt(2 * 1000^2/n) = 1.41.
    rng_stream s(2026, "test.poisson.large");
    const moments m = sample_moments([&] { return static_cast<double>(s.poisson(1000.0)); }, n_draws);
    EXPECT_NEAR(m.mean, 1000.0, 5 * 0.032);
    EXPECT_NEAR(m.variance, 1000.0, 5 * 1.41);
}

TEST(rng, poisson_of_zero_or_negative_mean_is_zero) {
    rng_stream s(1, "test.poisson.zero");
    EXPECT_EQ(s.poisson(0.0), 0U);
    EXPECT_EQ(s.poisson(-1.0), 0U);
    EXPECT_EQ(s.poisson(std::nan("")), 0U);
}

}  // namespace
}  // namespace kardashev
