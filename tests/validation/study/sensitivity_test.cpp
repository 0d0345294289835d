// Source: Ishigami & Homma 1990 (the function); analytic indices from Sobol' & Levitan 1999 and Saltelli et al.
// 2008 (Global Sensitivity Analysis: The Primer, sec. 4.4 and Table 4.4: a = 7, b = 0.1 gives S1 = 0.314,
// S2 = 0.442, S3 = 0, ST1 = 0.558, ST2 = 0.442, ST3 = 0.244). Tolerance 0.02 (issue 17): Saltelli's design with
// 4096 Sobol base points (20,480 runs) estimates these within ~0.005, so 0.02 leaves room and still fails an
// estimator with a wrong formula (Sobol 1993's first-order estimator has a bias of ~0.03 here).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "kardashev/study/distribution.hpp"
#include "kardashev/study/sampler.hpp"
#include "kardashev/study/sensitivity.hpp"

namespace {

using namespace kardashev::study;

constexpr double a = 7.0;
constexpr double b = 0.1;
constexpr double pi = std::numbers::pi;

double ishigami(double x1, double x2, double x3) {
    return std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
}

/// The analytic partial variances (Saltelli et al. 2008, eq. 4.33 onwards).
struct analytic {
    double v1 = 0.5 * std::pow(1.0 + b * std::pow(pi, 4) / 5.0, 2);
    double v2 = a * a / 8.0;
    double v13 = b * b * std::pow(pi, 8) * (1.0 / 18.0 - 1.0 / 50.0);
    double v = v1 + v2 + v13;
};

TEST(sobol_indices, ishigami_through_the_sampler_and_estimator_match_the_analytic_indices) {
    const std::size_t n = 4096;
    const auto pts = saltelli_points(3, n);
    // The inputs go through the same path as a sweep's: uniform(-pi, pi) distributions and their quantiles.
    const auto d = parse_distribution("uniform(-3.141592653589793, 3.141592653589793)");
    std::vector<double> y;
    for (const auto& p : pts) y.push_back(ishigami(quantile(d, p[0]), quantile(d, p[1]), quantile(d, p[2])));
    const auto s = sobol_indices(y, 3, 200, 1);
    const analytic t;
    const double s1[3] = {t.v1 / t.v, t.v2 / t.v, 0.0};
    const double st[3] = {(t.v1 + t.v13) / t.v, t.v2 / t.v, t.v13 / t.v};
    EXPECT_NEAR(s1[0], 0.3139, 5e-4);  // the Primer's table, to its digits
    EXPECT_NEAR(st[2], 0.2437, 5e-4);
    for (int j = 0; j < 3; ++j) {
        EXPECT_NEAR(s[j].first.value, s1[j], 0.02) << "S1 of x" << j + 1;
        EXPECT_NEAR(s[j].total.value, st[j], 0.02) << "ST of x" << j + 1;
        EXPECT_LE(s[j].first.low, s[j].first.value);
        EXPECT_GE(s[j].first.high, s[j].first.value);
        EXPECT_LT(s[j].total.high - s[j].total.low, 0.1);
    }
}

TEST(sobol_indices, additive_linear_model_gives_squared_coefficient_shares) {
    // y = sum c_i x_i with independent uniform x_i: S_i = ST_i = c_i^2 / sum c_j^2 (no interactions).
    const double c[4] = {4.0, 2.0, 1.0, 0.0};
    const auto pts = saltelli_points(4, 2048);
    std::vector<double> y;
    for (const auto& p : pts) y.push_back(c[0] * p[0] + c[1] * p[1] + c[2] * p[2] + c[3] * p[3]);
    const auto s = sobol_indices(y, 4, 0, 1);
    for (int j = 0; j < 4; ++j) {
        EXPECT_NEAR(s[j].first.value, c[j] * c[j] / 21.0, 0.01);
        EXPECT_NEAR(s[j].total.value, c[j] * c[j] / 21.0, 0.01);
    }
}

TEST(morris, linear_model_ranks_its_inputs_exactly_by_coefficient) {
    // Morris 1991: on y = sum c_i x_i every elementary effect of x_i is c_i, so mu* = |c_i| and sigma = 0.
    const double c[5] = {-3.0, 10.0, 0.5, 0.0, 5.0};
    const auto pts = morris_points(5, 10, 4, 11);
    std::vector<double> y;
    for (const auto& p : pts) {
        double v = 0.0;
        for (int j = 0; j < 5; ++j) v += c[j] * p[j];
        y.push_back(v);
    }
    const auto e = morris_effects(pts, y, 5);
    for (int j = 0; j < 5; ++j) {
        EXPECT_NEAR(e[j].mu_star, std::abs(c[j]), 1e-12);
        EXPECT_NEAR(e[j].mu, c[j], 1e-12);
        EXPECT_NEAR(e[j].sigma, 0.0, 1e-12);
        EXPECT_EQ(e[j].count, 10u);
    }
    // The ranking by mu*: x2, x5, x1, x3, x4.
    std::vector<int> order{0, 1, 2, 3, 4};
    std::sort(order.begin(), order.end(), [&](int p, int q) { return e[p].mu_star > e[q].mu_star; });
    EXPECT_EQ(order, (std::vector<int>{1, 4, 0, 2, 3}));
}

}  // namespace
