#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/study/sweep.hpp"

namespace kardashev::study {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// Ranks 1..n of `x`, ties given their mean rank; +infinity ranks last.
std::vector<double> ranks(const std::vector<double>& x) {
    std::vector<std::size_t> order(x.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    std::vector<double> r(x.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
        const double mean_rank = (static_cast<double>(i + j) / 2.0) + 1.0;
        for (std::size_t m = i; m <= j; ++m) r[order[m]] = mean_rank;
        i = j + 1;
    }
    return r;
}

/// Pearson's correlation of `a` and `b`; NaN when either has no spread.
double pearson(const std::vector<double>& a, const std::vector<double>& b) {
    const auto n = static_cast<double>(a.size());
    const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n;
    const double mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
    double sab = 0.0, saa = 0.0, sbb = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa > 0.0 && sbb > 0.0 ? sab / std::sqrt(saa * sbb) : nan;
}

output_stats stats_of(std::vector<double> values) {
    output_stats s;
    std::vector<double> finite;
    for (const double v : values) {
        if (std::isfinite(v)) finite.push_back(v);
        if (v == std::numeric_limits<double>::infinity()) ++s.never;
    }
    std::erase_if(values, [](double v) { return std::isnan(v); });
    s.finite = finite.size();
    if (!finite.empty()) {
        const auto n = static_cast<double>(finite.size());
        s.mean = std::accumulate(finite.begin(), finite.end(), 0.0) / n;
        double ss = 0.0;
        for (const double v : finite) ss += (v - s.mean) * (v - s.mean);
        s.sd = finite.size() > 1 ? std::sqrt(ss / (n - 1.0)) : 0.0;
    }
    std::sort(values.begin(), values.end());
    for (std::size_t q = 0; q < quantile_levels.size(); ++q) {
        if (values.empty()) {
            s.quantiles[q] = nan;
        } else {
            // Type 7 between order statistics; one that reaches +infinity (a date that never came) is +infinity.
            const double h = static_cast<double>(values.size() - 1) * quantile_levels[q];
            const auto lo = static_cast<std::size_t>(std::floor(h));
            const auto hi = std::min(lo + 1, values.size() - 1);
            s.quantiles[q] = h == static_cast<double>(lo) ? values[lo]
                             : std::isinf(values[hi])     ? values[hi]
                                                          : quantile_sorted(values, quantile_levels[q]);
        }
    }
    return s;
}

event_stats event_of(const stated_event& e, const std::vector<sample_outcome>& outcomes) {
    event_stats s;
    for (const auto& o : outcomes) {
        if (!o.ok) continue;
        ++s.ran;
        if (holds(e, o.values[e.output])) ++s.count;
    }
    if (s.ran == 0) return s;
    // Wilson 1927 score interval at z = 1.96 (95 %).
    const double n = static_cast<double>(s.ran);
    const double p = static_cast<double>(s.count) / n;
    const double z = 1.959963984540054;
    const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    s.probability = {p, std::max(0.0, centre - half), std::min(1.0, centre + half)};
    return s;
}

/// Sensitivity of target values `y` (one per design sample, NaN where the sample failed).
sensitivity sensitivity_of(const sweep_spec& spec, const sweep_design& design, std::string target, const std::vector<double>& y) {
    sensitivity s;
    s.target = std::move(target);
    const std::size_t k = spec.inputs.size();
    std::vector<double> ty;
    std::vector<std::vector<double>> tx(k);
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (std::isnan(y[i])) continue;
        ty.push_back(y[i]);
        for (std::size_t j = 0; j < k; ++j) tx[j].push_back(design.points[i][j]);
    }
    const auto ry = ranks(ty);
    for (std::size_t j = 0; j < k; ++j) s.rank_correlation.push_back(ty.size() > 2 ? pearson(ranks(tx[j]), ry) : nan);
    if (spec.method == sampling_method::morris) s.morris = morris_effects(design.points, y, k);
    if (spec.method != sampling_method::saltelli) return s;
    if (std::any_of(y.begin(), y.end(), [](double v) { return std::isinf(v); })) {
        s.note = "some samples have no value (a date that never came): see the event's indices";
        return s;
    }
    try {
        s.sobol = sobol_indices(y, k, spec.bootstrap, spec.seed);
    } catch (const input_error& e) {
        s.note = e.what();
    }
    return s;
}

}  // namespace

sweep_summary summarize(const sweep_spec& spec, const sweep_design& design, const std::vector<sample_outcome>& outcomes) {
    sweep_summary out;
    out.samples = outcomes.size();
    for (const auto& o : outcomes) (o.ok ? out.ran : out.failed) += 1;
    const auto& defs = headline_outputs();
    for (std::size_t m = 0; m < defs.size(); ++m) {
        std::vector<double> y;
        for (const auto& o : outcomes) y.push_back(o.ok ? o.values[m] : nan);
        out.outputs.push_back(stats_of(y));
        const auto first = std::find_if(y.begin(), y.end(), [](double v) { return !std::isnan(v); });
        const bool spread = first != y.end() && std::any_of(first, y.end(), [&](double v) { return !std::isnan(v) && v != *first; });
        if (out.ran > 0 && spread) out.sensitivities.push_back(sensitivity_of(spec, design, std::string(defs[m].name), y));
    }
    for (const auto& e : spec.events) {
        out.events.push_back(event_of(e, outcomes));
        std::vector<double> y;
        for (const auto& o : outcomes) y.push_back(o.ok ? (holds(e, o.values[e.output]) ? 1.0 : 0.0) : nan);
        if (out.ran > 0) out.sensitivities.push_back(sensitivity_of(spec, design, e.text, y));
    }
    return out;
}

}  // namespace kardashev::study
