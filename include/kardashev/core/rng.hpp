#pragma once
/// Named deterministic random streams derived from the run seed (DESIGN.md "Determinism").
///
/// Each stream is keyed by (seed, name): adding a stream never shifts another. The generator is
/// xoshiro256** (Blackman & Vigna 2018) seeded through splitmix64; the name is hashed with FNV-1a 64.

#include <cstdint>
#include <string_view>

namespace kardashev {

/// One random stream; a regular value type (copying it copies its state).
class rng_stream {
public:
    /// Returns the stream named `name` of run seed `seed`.
    rng_stream(std::uint64_t seed, std::string_view name) noexcept;
    /// Next 64 random bits.
    std::uint64_t next_u64() noexcept;
    /// Uniform double in [0, 1) with 53 random bits.
    double uniform() noexcept;
    /// Standard normal deviate (Marsaglia polar method).
    double normal() noexcept;
    /// Exponential deviate with the given mean (> 0).
    double exponential(double mean) noexcept;
    /// Poisson deviate with the given mean (>= 0); exact inversion below 30, normal approximation with
    /// continuity correction above.
    std::uint64_t poisson(double mean) noexcept;
    bool operator==(const rng_stream&) const = default;

private:
    std::uint64_t m_s[4]{};
};

}  // namespace kardashev
