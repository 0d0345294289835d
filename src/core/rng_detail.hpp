#pragma once
// The generators behind rng_stream, exposed to the unit tests for known-answer checks.

#include <cstdint>
#include <string_view>

namespace kardashev::core::detail {

constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }

/// splitmix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA;
/// the seeding generator recommended by Blackman & Vigna 2018): advances `state` by the golden-ratio
/// increment and returns the mixed value.
constexpr std::uint64_t splitmix64(std::uint64_t& state) noexcept {
    state += 0x9e37'79b9'7f4a'7c15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58'476d'1ce4'e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d0'49bb'1331'11ebULL;
    return z ^ (z >> 31);
}

/// FNV-1a 64-bit hash of `text` (Fowler, Noll & Vo; offset basis and prime from the FNV reference,
/// IETF draft-eastlake-fnv).
constexpr std::uint64_t fnv1a64(std::string_view text) noexcept {
    std::uint64_t h = 0xcbf2'9ce4'8422'2325ULL;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x0000'0100'0000'01b3ULL;
    }
    return h;
}

/// One step of xoshiro256** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
/// generators"): returns the scrambled output rotl(s1 * 5, 7) * 9 and advances the xoshiro256
/// linear engine (shift a = 17, rotation b = 45).
constexpr std::uint64_t xoshiro256ss_next(std::uint64_t (&s)[4]) noexcept {
    const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

}  // namespace kardashev::core::detail
