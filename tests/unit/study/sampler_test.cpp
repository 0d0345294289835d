// Samplers: Sobol points against the published sequence, net and stratification properties, Morris trajectories.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "kardashev/core/error.hpp"
#include "kardashev/study/sampler.hpp"

namespace {

using namespace kardashev::study;

TEST(sobol, first_points_in_two_dimensions_are_the_published_ones) {
    // Joe & Kuo's generator (and every Sobol implementation with their numbers), unscrambled, points 0-7.
    const std::vector<std::vector<double>> expected{{0, 0},         {0.5, 0.5},     {0.75, 0.25},   {0.25, 0.75},
                                                    {0.375, 0.375}, {0.875, 0.875}, {0.625, 0.125}, {0.125, 0.625}};
    sobol_sequence seq(2);
    for (const auto& p : expected) EXPECT_EQ(seq.next(), p);
}

TEST(sobol, every_dimension_of_the_first_2_to_the_m_points_hits_each_dyadic_interval_once) {
    const std::size_t m = 10;
    const std::size_t n = std::size_t{1} << m;
    ASSERT_EQ(sobol_max_dimension(), 31u);
    sobol_sequence seq(31);
    std::vector<std::vector<double>> pts;
    for (std::size_t i = 0; i < n; ++i) pts.push_back(seq.next());
    for (std::size_t j = 0; j < 31; ++j) {
        std::set<std::size_t> cells;
        for (const auto& p : pts) cells.insert(static_cast<std::size_t>(p[j] * static_cast<double>(n)));
        EXPECT_EQ(cells.size(), n) << "dimension " << j + 1;
    }
    // Two-dimensional projection of dimensions 1 and 2 is a (0, m, 2)-net: 32 x 32 cells, one point each.
    std::set<std::pair<int, int>> cells;
    for (const auto& p : pts) cells.insert({static_cast<int>(p[0] * 32), static_cast<int>(p[1] * 32)});
    EXPECT_EQ(cells.size(), n);
}

TEST(sobol, more_dimensions_than_the_table_is_an_error) {
    EXPECT_THROW(sobol_sequence(32), kardashev::input_error);
}

TEST(latin_hypercube, each_input_hits_every_stratum_once) {
    const auto pts = latin_hypercube_points(5, 100, 42);
    for (std::size_t j = 0; j < 5; ++j) {
        std::set<int> strata;
        for (const auto& p : pts) strata.insert(static_cast<int>(p[j] * 100));
        EXPECT_EQ(strata.size(), 100u);
    }
    EXPECT_EQ(pts, latin_hypercube_points(5, 100, 42));
    EXPECT_NE(pts, latin_hypercube_points(5, 100, 43));
}

TEST(grid, covers_the_factorial_with_the_last_input_fastest) {
    const auto pts = grid_points({2, 3});
    ASSERT_EQ(pts.size(), 6u);
    EXPECT_EQ(pts[0], (std::vector<double>{0.25, 1.0 / 6}));
    EXPECT_EQ(pts[1], (std::vector<double>{0.25, 0.5}));
    EXPECT_EQ(pts[3], (std::vector<double>{0.75, 1.0 / 6}));
}

TEST(morris, each_step_moves_one_input_by_delta_on_the_grid) {
    const std::size_t k = 4, r = 20, p = 4;
    const auto pts = morris_points(k, r, p, 7);
    ASSERT_EQ(pts.size(), r * (k + 1));
    const double delta = 4.0 / 6.0;
    for (std::size_t t = 0; t < r; ++t) {
        std::set<std::size_t> moved;
        for (std::size_t s = t * (k + 1); s < t * (k + 1) + k; ++s) {
            std::size_t changes = 0;
            for (std::size_t j = 0; j < k; ++j) {
                const double d = pts[s + 1][j] - pts[s][j];
                if (d != 0.0) {
                    ++changes;
                    moved.insert(j);
                    EXPECT_NEAR(std::abs(d), delta, 1e-15);
                }
                EXPECT_NEAR(std::round(pts[s + 1][j] * 3) / 3, pts[s + 1][j], 1e-12);  // on the 4-level grid
            }
            EXPECT_EQ(changes, 1u);
        }
        EXPECT_EQ(moved.size(), k);  // every input moves once per trajectory
    }
}

TEST(copula, gives_the_normal_scores_the_asked_correlation) {
    auto pts = monte_carlo_points(2, 20000, 3);
    apply_gaussian_copula(pts, {{1.0, 0.7}, {0.7, 1.0}});
    // The uniforms' correlation is Spearman's rho of the normal scores: (6 / pi) asin(r / 2) for a bivariate
    // normal with correlation r (Kruskal 1958).
    std::vector<double> zx, zy;
    for (const auto& p : pts) {
        zx.push_back(p[0]);
        zy.push_back(p[1]);
    }
    double sxy = 0, sxx = 0, syy = 0;
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < zx.size(); ++i) mx += zx[i], my += zy[i];
    mx /= static_cast<double>(zx.size()), my /= static_cast<double>(zy.size());
    for (std::size_t i = 0; i < zx.size(); ++i) {
        sxy += (zx[i] - mx) * (zy[i] - my), sxx += (zx[i] - mx) * (zx[i] - mx), syy += (zy[i] - my) * (zy[i] - my);
    }
    EXPECT_NEAR(sxy / std::sqrt(sxx * syy), 6.0 / M_PI * std::asin(0.35), 0.015);
    EXPECT_THROW(apply_gaussian_copula(pts, {{1.0, 1.5}, {1.5, 1.0}}), kardashev::input_error);
}

}  // namespace
