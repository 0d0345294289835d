#include "kardashev/core/rng.hpp"

#include "rng_detail.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace kardashev {
namespace {

using core::detail::fnv1a64;
using core::detail::splitmix64;

/// Below this mean, poisson() inverts the distribution exactly.
constexpr double poisson_inversion_limit = 30.0;

}  // namespace

rng_stream::rng_stream(std::uint64_t seed, std::string_view name) noexcept {
    // The seed is mixed once through splitmix64 and combined with the name hash, so that streams of
    // one seed differ by name and streams of one name differ by seed; splitmix64 then fills the
    // 256-bit state, never all zero: its mixing is a bijection and its four successive states differ.
    std::uint64_t state = seed;
    state = splitmix64(state) ^ fnv1a64(name);
    for (std::uint64_t& word : m_s) {
        word = splitmix64(state);
    }
}

std::uint64_t rng_stream::next_u64() noexcept { return core::detail::xoshiro256ss_next(m_s); }

double rng_stream::uniform() noexcept {
    // The top 53 bits scaled by 2^-53, as Blackman & Vigna 2018 recommend: each multiple of 2^-53 in
    // [0, 1) equally likely.
    return static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
}

double rng_stream::normal() noexcept {
    // Marsaglia & Bray (1964) polar method (Knuth, TAOCP vol. 2, sec. 3.4.1, algorithm P). The second
    // deviate of each pair is discarded so that the state stays the four xoshiro words.
    while (true) {
        const double u = 2.0 * uniform() - 1.0;
        const double v = 2.0 * uniform() - 1.0;
        const double s = u * u + v * v;
        if (s > 0.0 && s < 1.0) {
            return u * std::sqrt(-2.0 * std::log(s) / s);
        }
    }
}

double rng_stream::exponential(double mean) noexcept {
    // Inversion: -mean ln(1 - U), with 1 - U in (0, 1] so the logarithm is finite.
    return -mean * std::log1p(-uniform());
}

std::uint64_t rng_stream::poisson(double mean) noexcept {
    if (!(mean > 0.0)) {
        return 0;
    }
    if (mean < poisson_inversion_limit) {
        // Inversion by sequential search (Devroye 1986, Non-Uniform Random Variate Generation, ch. X;
        // Knuth, TAOCP vol. 2, sec. 3.4.1): the smallest k with U < F(k), where
        // p(k) = p(k-1) mean / k from p(0) = exp(-mean).
        const double u = uniform();
        double p = std::exp(-mean);
        double cdf = p;
        std::uint64_t k = 0;
        // NOTE: the bound ends the search where rounding leaves cdf just below a u near 1; for a mean
        // below 30 the tail beyond 200 is below 1e-80.
        while (u >= cdf && k < 200) {
            ++k;
            p *= mean / static_cast<double>(k);
            cdf += p;
        }
        return k;
    }
    // Normal approximation N(mean, mean) rounded to the nearest integer (continuity correction).
    const double x = std::floor(mean + std::sqrt(mean) * normal() + 0.5);
    if (x <= 0.0) {
        return 0;
    }
    if (x >= 0x1.0p64) {
        return std::numeric_limits<std::uint64_t>::max();
    }
    return static_cast<std::uint64_t>(x);
}

}  // namespace kardashev
