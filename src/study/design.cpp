#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/rng.hpp"
#include "kardashev/study/sweep.hpp"

namespace kardashev::study {

namespace {

/// The correlation matrix of `spec`'s inputs (identity plus the stated pairs, both ways).
std::vector<std::vector<double>> correlation_matrix(const sweep_spec& spec) {
    const std::size_t k = spec.inputs.size();
    std::vector<std::vector<double>> c(k, std::vector<double>(k, 0.0));
    for (std::size_t i = 0; i < k; ++i) c[i][i] = 1.0;
    const auto index_of = [&](const std::string& key) {
        for (std::size_t i = 0; i < k; ++i) {
            if (spec.inputs[i].key == key) return i;
        }
        throw input_error(fmt::format("correlation: {} is not an uncertain input", key));
    };
    for (const auto& corr : spec.correlations) {
        const auto a = index_of(corr.a);
        const auto b = index_of(corr.b);
        if (a == b || !(std::abs(corr.rho) < 1.0)) {
            throw input_error(fmt::format("correlation {} - {}: expected two inputs and -1 < rho < 1", corr.a, corr.b));
        }
        c[a][b] = c[b][a] = corr.rho;
    }
    return c;
}

point_set points_of(const sweep_spec& spec) {
    const std::size_t k = spec.inputs.size();
    switch (spec.method) {
        case sampling_method::grid: {
            std::vector<std::size_t> levels;
            for (const auto& in : spec.inputs) levels.push_back(is_discrete(in.dist) ? level_count(in.dist) : spec.samples);
            return grid_points(levels);
        }
        case sampling_method::monte_carlo: return monte_carlo_points(k, spec.samples, spec.seed);
        case sampling_method::latin_hypercube: return latin_hypercube_points(k, spec.samples, spec.seed);
        case sampling_method::sobol: return sobol_points(k, spec.samples);
        case sampling_method::saltelli: return saltelli_points(k, spec.samples);
        case sampling_method::morris: return morris_points(k, spec.samples, spec.morris_levels, spec.seed);
    }
    return {};
}

}  // namespace

std::uint64_t sample_seed(std::uint64_t sweep_seed, std::size_t index) {
    rng_stream rng(sweep_seed, fmt::format("sweep/sample/{}", index));
    return rng.next_u64() >> 1;
}

sweep_design make_design(const sweep_spec& spec) {
    if (spec.inputs.empty()) throw input_error("a sweep needs at least one uncertain input (--vary KEY=DIST or inputs: in the sweep file)");
    if (spec.samples == 0) throw input_error("a sweep needs at least one sample (--samples)");
    const bool copula_ok = spec.method == sampling_method::monte_carlo || spec.method == sampling_method::latin_hypercube ||
                           spec.method == sampling_method::sobol;
    if (!spec.correlations.empty() && !copula_ok) {
        throw input_error(fmt::format("correlations: the {} method takes independent inputs; use monte_carlo, "
                                      "latin_hypercube or sobol", to_string(spec.method)));
    }
    sweep_design d;
    d.points = points_of(spec);
    if (!spec.correlations.empty()) apply_gaussian_copula(d.points, correlation_matrix(spec));
    for (std::size_t i = 0; i < d.points.size(); ++i) {
        std::vector<std::string> row;
        for (std::size_t j = 0; j < spec.inputs.size(); ++j) row.push_back(value_text(spec.inputs[j].dist, d.points[i][j]));
        d.values.push_back(std::move(row));
        d.seeds.push_back(sample_seed(spec.seed, i));
    }
    return d;
}

}  // namespace kardashev::study
