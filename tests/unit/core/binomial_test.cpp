// Exact binomial deviates (src/core/binomial.cpp, docs/models/sim.md "Build-out": failures).
#include "kardashev/core/binomial.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace kardashev {
namespace {

struct moments {
    double mean = 0.0;
    double variance = 0.0;
};

moments binomial_moments(std::uint64_t n, double p, int draws) {
    rng_stream s(7, "binomial-test");
    double sum = 0.0, sum2 = 0.0;
    for (int i = 0; i < draws; ++i) {
        const double k = static_cast<double>(binomial(s, n, p));
        sum += k;
        sum2 += k * k;
    }
    const double mean = sum / draws;
    return {mean, sum2 / draws - mean * mean};
}

/// Mean within 4 standard errors of n p, variance within 4 of its own (n p q (1 + ...) ~ sqrt(2/draws) relative).
void expect_binomial_law(std::uint64_t n, double p, int draws) {
    const auto m = binomial_moments(n, p, draws);
    const double mean = static_cast<double>(n) * p;
    const double variance = mean * (1.0 - p);
    EXPECT_NEAR(m.mean, mean, 4.0 * std::sqrt(variance / draws)) << n << " " << p;
    EXPECT_NEAR(m.variance, variance, 4.0 * variance * std::sqrt(2.0 / draws)) << n << " " << p;
}

TEST(binomial, mean_and_variance_are_n_p_and_n_p_q_over_small_and_large_n) {
    expect_binomial_law(10, 0.3, 100'000);          // one uniform per trial
    expect_binomial_law(1000, 0.0025, 100'000);     // order-statistic steps, tiny n p
    expect_binomial_law(10'000, 0.000246, 100'000);  // a day of 9 %/yr failures on 10,000
    expect_binomial_law(1'000'000'000, 0.5, 20'000);
    expect_binomial_law(123'456'789, 0.97, 20'000);
}

TEST(binomial, edges_are_exact) {
    rng_stream s(1, "edges");
    EXPECT_EQ(binomial(s, 0, 0.5), 0U);
    EXPECT_EQ(binomial(s, 1000, 0.0), 0U);
    EXPECT_EQ(binomial(s, 1000, 1.0), 1000U);
    for (int i = 0; i < 1000; ++i) EXPECT_LE(binomial(s, 100'000, 0.3), 100'000U);
}

TEST(binomial, one_seed_and_name_give_one_sequence) {
    rng_stream a(42, "failures/a"), b(42, "failures/a"), c(43, "failures/a");
    int differ = 0;
    for (int i = 0; i < 100; ++i) {
        const auto x = binomial(a, 1'000'000, 0.01);
        EXPECT_EQ(x, binomial(b, 1'000'000, 0.01));
        differ += x != binomial(c, 1'000'000, 0.01) ? 1 : 0;
    }
    EXPECT_GT(differ, 90);
}

TEST(gamma_deviate, mean_and_variance_are_the_shape) {
    rng_stream s(3, "gamma");
    const int draws = 100'000;
    for (double shape : {1.0, 33.0, 5e8}) {
        double sum = 0.0, sum2 = 0.0;
        for (int i = 0; i < draws; ++i) {
            const double g = gamma_deviate(s, shape);
            sum += g;
            sum2 += g * g;
        }
        const double mean = sum / draws;
        EXPECT_NEAR(mean, shape, 4.0 * std::sqrt(shape / draws));
        EXPECT_NEAR(sum2 / draws - mean * mean, shape, 4.0 * shape * std::sqrt(2.0 / draws) + 1e-6 * shape * shape / draws);
    }
}

}  // namespace
}  // namespace kardashev
