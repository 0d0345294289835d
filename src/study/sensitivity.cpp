#include "kardashev/study/sensitivity.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/rng.hpp"

namespace kardashev::study {

namespace {

/// Outputs of one base point of Saltelli's design: f(A), f(AB^(j)) for each j, f(B).
struct base_outputs {
    double a = 0.0;
    std::vector<double> ab;
    double b = 0.0;
};

/// First-order and total indices of every input from the base points `rows` (indices into `base`).
std::vector<std::pair<double, double>> indices_of(const std::vector<base_outputs>& base,
                                                  const std::vector<std::size_t>& rows, std::size_t k) {
    const auto n = static_cast<double>(rows.size());
    // Total variance of f over the 2N points of A and B (Saltelli et al. 2010 sec. 4).
    double mean = 0.0;
    for (const auto r : rows) mean += base[r].a + base[r].b;
    mean /= 2.0 * n;
    double variance = 0.0;
    for (const auto r : rows) variance += (base[r].a - mean) * (base[r].a - mean) + (base[r].b - mean) * (base[r].b - mean);
    variance /= 2.0 * n;
    std::vector<std::pair<double, double>> out(k, {0.0, 0.0});
    if (!(variance > 0.0)) return out;
    for (std::size_t j = 0; j < k; ++j) {
        double first = 0.0;
        double total = 0.0;
        for (const auto r : rows) {
            const auto& p = base[r];
            first += p.b * (p.ab[j] - p.a);                  // Saltelli et al. 2010, Table 2 (b)
            total += (p.a - p.ab[j]) * (p.a - p.ab[j]);      // Jansen 1999; Saltelli et al. 2010, Table 2 (f)
        }
        out[j] = {first / n / variance, total / (2.0 * n) / variance};
    }
    return out;
}

}  // namespace

double quantile_sorted(const std::vector<double>& sorted, double q) {
    // Hyndman & Fan 1996, definition 7: h = (n - 1) q, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
    const double h = static_cast<double>(sorted.size() - 1) * q;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::vector<sobol_index> sobol_indices(const std::vector<double>& y, std::size_t k, std::size_t resamples,
                                       std::uint64_t seed, double confidence) {
    const std::size_t stride = k + 2;
    std::vector<base_outputs> base;
    for (std::size_t i = 0; i + stride <= y.size(); i += stride) {
        const auto first = y.begin() + static_cast<std::ptrdiff_t>(i);
        if (!std::all_of(first, first + static_cast<std::ptrdiff_t>(stride), [](double v) { return std::isfinite(v); })) continue;
        base.push_back({y[i], std::vector<double>(first + 1, first + 1 + static_cast<std::ptrdiff_t>(k)), y[i + k + 1]});
    }
    if (base.size() < 2) throw input_error(fmt::format("Sobol indices need at least 2 complete base points, got {}", base.size()));
    std::vector<std::size_t> all(base.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const auto first_a = base.front().a;
    if (std::all_of(base.begin(), base.end(), [&](const base_outputs& p) {
            return p.a == first_a && p.b == first_a && std::all_of(p.ab.begin(), p.ab.end(), [&](double v) { return v == first_a; });
        })) {
        throw input_error("no Sobol indices: the output is the same in every sample");
    }
    const auto point = indices_of(base, all, k);
    // Percentile bootstrap over base points (Efron & Tibshirani 1993, ch. 13; Archer, Saltelli & Sobol 1997).
    rng_stream rng(seed, "study/bootstrap");
    std::vector<std::vector<double>> firsts(k);
    std::vector<std::vector<double>> totals(k);
    std::vector<std::size_t> rows(base.size());
    for (std::size_t b = 0; b < resamples; ++b) {
        for (auto& r : rows) r = std::min(static_cast<std::size_t>(rng.uniform() * static_cast<double>(base.size())), base.size() - 1);
        const auto est = indices_of(base, rows, k);
        for (std::size_t j = 0; j < k; ++j) {
            firsts[j].push_back(est[j].first);
            totals[j].push_back(est[j].second);
        }
    }
    const double lo_q = (1.0 - confidence) / 2.0;
    const double hi_q = (1.0 + confidence) / 2.0;
    std::vector<sobol_index> out(k);
    for (std::size_t j = 0; j < k; ++j) {
        out[j].first.value = point[j].first;
        out[j].total.value = point[j].second;
        if (resamples == 0) {
            out[j].first.low = out[j].first.high = point[j].first;
            out[j].total.low = out[j].total.high = point[j].second;
            continue;
        }
        std::sort(firsts[j].begin(), firsts[j].end());
        std::sort(totals[j].begin(), totals[j].end());
        out[j].first.low = quantile_sorted(firsts[j], lo_q);
        out[j].first.high = quantile_sorted(firsts[j], hi_q);
        out[j].total.low = quantile_sorted(totals[j], lo_q);
        out[j].total.high = quantile_sorted(totals[j], hi_q);
    }
    return out;
}

std::vector<morris_effect> morris_effects(const point_set& points, const std::vector<double>& y, std::size_t k) {
    std::vector<std::vector<double>> effects(k);
    const std::size_t stride = k + 1;
    for (std::size_t t = 0; t + stride <= points.size(); t += stride) {
        for (std::size_t s = t; s + 1 < t + stride; ++s) {
            // The one input that changed between points s and s + 1 (Morris 1991 eq. 1).
            std::size_t j = 0;
            while (j < k && points[s][j] == points[s + 1][j]) ++j;
            if (j == k || !std::isfinite(y[s]) || !std::isfinite(y[s + 1])) continue;
            effects[j].push_back((y[s + 1] - y[s]) / (points[s + 1][j] - points[s][j]));
        }
    }
    std::vector<morris_effect> out(k);
    for (std::size_t j = 0; j < k; ++j) {
        const auto& e = effects[j];
        auto& m = out[j];
        m.count = e.size();
        if (e.empty()) continue;
        const auto n = static_cast<double>(e.size());
        for (const double v : e) {
            m.mu += v / n;
            m.mu_star += std::abs(v) / n;  // Campolongo, Cariboni & Saltelli 2007 eq. 4
        }
        double ss = 0.0;
        for (const double v : e) ss += (v - m.mu) * (v - m.mu);
        m.sigma = e.size() > 1 ? std::sqrt(ss / (n - 1.0)) : 0.0;
    }
    return out;
}

}  // namespace kardashev::study
