#include "kardashev/study/sampler.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <utility>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/rng.hpp"
#include "kardashev/study/distribution.hpp"

namespace kardashev::study {

namespace {

constexpr std::array<std::string_view, 6> method_names{"grid",  "monte_carlo", "latin_hypercube",
                                                       "sobol", "saltelli",    "morris"};

/// Uniform integer in [0, n): floor(U n) with U of 53 bits (bias below 2^-30 for n < 2^23).
std::size_t below(rng_stream& rng, std::size_t n) {
    return std::min(static_cast<std::size_t>(rng.uniform() * static_cast<double>(n)), n - 1);
}

/// Fisher-Yates shuffle of 0..n-1 (Knuth, TAOCP vol. 2, sec. 3.4.2, algorithm P).
std::vector<std::size_t> permutation(rng_stream& rng, std::size_t n) {
    std::vector<std::size_t> p(n);
    std::iota(p.begin(), p.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) std::swap(p[i - 1], p[below(rng, i)]);
    return p;
}

/// Lower-triangular L with L L^T = a; throws input_error when a is not positive definite.
std::vector<std::vector<double>> cholesky(const std::vector<std::vector<double>>& a) {
    const std::size_t k = a.size();
    std::vector<std::vector<double>> l(k, std::vector<double>(k, 0.0));
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j <= i; ++j) {
            double sum = a[i][j];
            for (std::size_t m = 0; m < j; ++m) sum -= l[i][m] * l[j][m];
            if (i == j) {
                if (!(sum > 0.0)) throw input_error("the correlations are not consistent (the matrix is not positive definite)");
                l[i][i] = std::sqrt(sum);
            } else {
                l[i][j] = sum / l[j][j];
            }
        }
    }
    return l;
}

}  // namespace

std::string_view to_string(sampling_method method) noexcept { return method_names[static_cast<std::size_t>(method)]; }

point_set grid_points(const std::vector<std::size_t>& levels) {
    std::size_t total = 1;
    for (const auto n : levels) total *= n;
    point_set out(total, std::vector<double>(levels.size()));
    for (std::size_t row = 0; row < total; ++row) {
        std::size_t rest = row;
        for (std::size_t j = levels.size(); j-- > 0;) {
            const std::size_t i = rest % levels[j];
            rest /= levels[j];
            out[row][j] = (static_cast<double>(i) + 0.5) / static_cast<double>(levels[j]);
        }
    }
    return out;
}

point_set monte_carlo_points(std::size_t k, std::size_t n, std::uint64_t seed) {
    rng_stream rng(seed, "study/monte_carlo");
    point_set out(n, std::vector<double>(k));
    for (auto& p : out) {
        for (auto& u : p) u = rng.uniform();
    }
    return out;
}

point_set latin_hypercube_points(std::size_t k, std::size_t n, std::uint64_t seed) {
    // McKay, Beckman & Conover 1979: input j of sample i falls in stratum perm_j(i) of n equal strata.
    rng_stream rng(seed, "study/latin_hypercube");
    point_set out(n, std::vector<double>(k));
    for (std::size_t j = 0; j < k; ++j) {
        const auto perm = permutation(rng, n);
        for (std::size_t i = 0; i < n; ++i) {
            out[i][j] = (static_cast<double>(perm[i]) + rng.uniform()) / static_cast<double>(n);
        }
    }
    return out;
}

point_set sobol_points(std::size_t k, std::size_t n) {
    sobol_sequence seq(k);
    seq.next();  // the origin
    point_set out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(seq.next());
    return out;
}

point_set saltelli_points(std::size_t k, std::size_t n) {
    // Saltelli et al. 2010 sec. 3: A and B from one quasi-random sequence of dimension 2k.
    const point_set base = sobol_points(2 * k, n);
    point_set out;
    out.reserve(n * (k + 2));
    for (const auto& p : base) {
        const std::vector<double> a(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(k));
        const std::vector<double> b(p.begin() + static_cast<std::ptrdiff_t>(k), p.end());
        out.push_back(a);
        for (std::size_t j = 0; j < k; ++j) {
            auto ab = a;
            ab[j] = b[j];
            out.push_back(std::move(ab));
        }
        out.push_back(b);
    }
    return out;
}

point_set morris_points(std::size_t k, std::size_t r, std::size_t levels, std::uint64_t seed) {
    if (levels < 2 || levels % 2 != 0) throw input_error(fmt::format("Morris levels: expected an even number >= 2, got {}", levels));
    // Morris 1991 sec. 3: delta = p / (2 (p - 1)); the base value from {0, 1/(p-1), ..., 1 - delta} (p/2 values)
    // so that base + delta stays on the grid.
    const double step = 1.0 / static_cast<double>(levels - 1);
    const double delta = static_cast<double>(levels) / (2.0 * static_cast<double>(levels - 1));
    rng_stream rng(seed, "study/morris");
    point_set out;
    out.reserve(r * (k + 1));
    for (std::size_t t = 0; t < r; ++t) {
        std::vector<double> x(k);
        std::vector<double> direction(k);
        for (std::size_t j = 0; j < k; ++j) {
            const double base = static_cast<double>(below(rng, levels / 2)) * step;
            direction[j] = rng.uniform() < 0.5 ? 1.0 : -1.0;
            x[j] = direction[j] > 0.0 ? base : base + delta;
        }
        const auto order = permutation(rng, k);
        out.push_back(x);
        for (const auto j : order) {
            x[j] += direction[j] * delta;
            out.push_back(x);
        }
    }
    return out;
}

void apply_gaussian_copula(point_set& points, const std::vector<std::vector<double>>& correlation) {
    const auto l = cholesky(correlation);
    const std::size_t k = correlation.size();
    std::vector<double> z(k);
    for (auto& p : points) {
        for (std::size_t j = 0; j < k; ++j) z[j] = normal_quantile(std::clamp(p[j], 0x1.0p-53, 1.0 - 0x1.0p-53));
        for (std::size_t i = 0; i < k; ++i) {
            double sum = 0.0;
            for (std::size_t j = 0; j <= i; ++j) sum += l[i][j] * z[j];
            p[i] = normal_cdf(sum);
        }
    }
}

}  // namespace kardashev::study
