#include "kardashev/core/binomial.hpp"

#include <cmath>

namespace kardashev {
namespace {

/// At or below this many trials, binomial() draws one uniform per trial.
constexpr std::uint64_t direct_trials = 64;

/// Successes among `trials` uniforms below `p`: the definition, one uniform per trial.
std::uint64_t count_below(rng_stream& stream, std::uint64_t trials, double p) noexcept {
    std::uint64_t successes = 0;
    for (std::uint64_t i = 0; i < trials; ++i) successes += stream.uniform() < p ? 1U : 0U;
    return successes;
}

}  // namespace

double gamma_deviate(rng_stream& stream, double shape) noexcept {
    // Marsaglia & Tsang (2000), shape >= 1: d = a - 1/3, c = 1/sqrt(9d); x normal, v = (1 + c x)^3; accept d v when
    // ln U < x^2/2 + d - d v + d ln v (their squeeze is left out: it saves time, not changes the output law).
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    while (true) {
        const double x = stream.normal();
        const double root = 1.0 + c * x;
        if (root <= 0.0) continue;
        const double v = root * root * root;
        const double u = stream.uniform();
        if (u > 0.0 && std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
    }
}

double beta_deviate(rng_stream& stream, double a, double b) noexcept {
    const double x = gamma_deviate(stream, a);
    const double y = gamma_deviate(stream, b);
    return x / (x + y);
}

std::uint64_t binomial(rng_stream& stream, std::uint64_t trials, double p) noexcept {
    if (!(p > 0.0) || trials == 0) return 0;
    if (p >= 1.0) return trials;
    // Knuth, TAOCP vol. 2, 3rd ed., sec. 3.4.1 F: among t uniforms, the a-th smallest X, a = 1 + floor(t/2), is a
    // Beta(a, t - a + 1) deviate. If X >= p, the successes are those among the a - 1 uniforms below X, which are
    // uniform on [0, X): Binomial(a - 1, p / X). Otherwise the a at or below X all succeed and the t - a above X are
    // uniform on (X, 1): a + Binomial(t - a, (p - X) / (1 - X)). Each step halves t.
    std::uint64_t successes = 0;
    while (trials > direct_trials) {
        const std::uint64_t a = 1 + trials / 2;
        const std::uint64_t b = trials - a + 1;
        const double x = beta_deviate(stream, static_cast<double>(a), static_cast<double>(b));
        if (x >= p) {
            trials = a - 1;
            p /= x;
        } else {
            successes += a;
            trials = b - 1;
            p = (p - x) / (1.0 - x);
        }
    }
    return successes + count_below(stream, trials, p);
}

}  // namespace kardashev
