#pragma once
// Branch-free double-precision sin/cos and modulo 2 pi that the compiler can vectorise (no libm calls),
// for the near-Earth SGP4 block kernel.

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

// NOTE: these helpers pass 64-byte vectors by value; they are inlined into the one kernel that uses them,
// so GCC's note that such an ABI differs without AVX-512 concerns no call that exists.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"

namespace kardashev::orbit::detail {

/// Lanes of the near-Earth block kernel: times propagated together for one satellite.
inline constexpr int simd_lanes = 4;
/// Four doubles in one GCC vector value (one AVX2 register, two SSE2 registers); operators act per lane.
typedef double vecd __attribute__((vector_size(8 * simd_lanes)));
/// Lane masks of a vecd comparison: -1 (true) or 0 per lane.
typedef std::int64_t vecm __attribute__((vector_size(8 * simd_lanes)));

/// Broadcasts a scalar to every lane.
[[gnu::always_inline]] inline vecd splat(double x) noexcept { return vecd{x, x, x, x}; }

/// sin and cos per lane for |r| <= pi/4: the fdlibm kernel polynomials (Sun Microsystems fdlibm k_sin.c,
/// k_cos.c minimax coefficients). For such r simd_sincos gives the same bits.
[[gnu::always_inline]] inline void simd_sincos_small(vecd r, vecd& s, vecd& c) noexcept {
    constexpr double s1 = -1.66666666666666324348e-01;
    constexpr double s2 = 8.33333333332248946124e-03;
    constexpr double s3 = -1.98412698298579493134e-04;
    constexpr double s4 = 2.75573137070700676789e-06;
    constexpr double s5 = -2.50507602534068634195e-08;
    constexpr double s6 = 1.58969099521155010221e-10;
    constexpr double c1 = 4.16666666666666019037e-02;
    constexpr double c2 = -1.38888888888741095749e-03;
    constexpr double c3 = 2.48015872894767294178e-05;
    constexpr double c4 = -2.75573143513906633035e-07;
    constexpr double c5 = 2.08757232129817482790e-09;
    constexpr double c6 = -1.13596475577881948265e-11;
    const vecd z = r * r;
    s = r + r * z * (s1 + z * (s2 + z * (s3 + z * (s4 + z * (s5 + z * s6)))));
    c = 1.0 - 0.5 * z + z * z * (c1 + z * (c2 + z * (c3 + z * (c4 + z * (c5 + z * c6)))));
}

/// True when every lane satisfies |x| < 0.78 (below pi/4, where simd_sincos_small equals simd_sincos).
[[gnu::always_inline]] inline bool simd_all_small_angles(vecd x) noexcept {
    const vecm small = (x < 0.78) & (x > -0.78);
    std::int64_t all = -1;
    for (int l = 0; l < simd_lanes; ++l) {
        all &= small[l];
    }
    return all != 0;
}

/// sin and cos per lane for |x| < 2^30: Cody-Waite reduction by pi/2 in three parts, then
/// simd_sincos_small on [-pi/4, pi/4] and the quadrant's signs.
[[gnu::always_inline]] inline void simd_sincos(vecd x, vecd& s, vecd& c) noexcept {
    constexpr double two_over_pi = 0x1.45f306dc9c883p-1;
    constexpr double pio2_1 = 0x1.921fb54400000p+0;  // pi/2 to 33 bits: j * pio2_1 is exact
    constexpr double pio2_2 = 0x1.0b4611a600000p-34;
    constexpr double pio2_3 = 0x1.3198a2e037073p-69;
    constexpr double round_magic = 6755399441055744.0;  // 1.5 * 2^52: adding it rounds to an integer

    const vecd j = (x * two_over_pi + round_magic) - round_magic;
    const vecd r = ((x - j * pio2_1) - j * pio2_2) - j * pio2_3;
    vecd sr, cr;
    simd_sincos_small(r, sr, cr);
    // Quadrant j mod 4 in doubles (exact for |j| < 2^52).
    const vecd q = j - 4.0 * ((j * 0.25 + round_magic) - round_magic);  // -2..2
    const vecd qq = q < 0.0 ? q + 4.0 : q;                                 // 0..3
    const vecm odd = (qq == 1.0) | (qq == 3.0);
    const vecd s0 = odd ? cr : sr;
    const vecd c0 = odd ? sr : cr;
    s = qq >= 2.0 ? -s0 : s0;
    c = (qq == 1.0) | (qq == 2.0) ? -c0 : c0;
}

/// x - 2 pi trunc(x / 2 pi) per lane: fmod(x, 2 pi) with 2 pi split in two parts.
[[gnu::always_inline]] inline vecd simd_mod_two_pi(vecd x) noexcept {
    constexpr double two_pi_hi = 6.283185307179586;
    constexpr double two_pi_lo = 2.4492935982947064e-16;
    constexpr double inv_two_pi = 0.15915494309189535;
    constexpr double round_magic = 6755399441055744.0;
    vecd k = (x * inv_two_pi + round_magic) - round_magic;  // nearest integer
    const vecd r0 = (x - k * two_pi_hi) - k * two_pi_lo;
    // trunc: step back towards zero where rounding went past x
    k = (x >= 0.0) & (r0 < 0.0) ? k - 1.0 : k;
    k = (x < 0.0) & (r0 > 0.0) ? k + 1.0 : k;
    return (x - k * two_pi_hi) - k * two_pi_lo;
}

/// sqrt per lane, correctly rounded (IEEE 754), without libm: the SSE2 instruction (x86-64 baseline, so both
/// clones of the kernel give the same bits) two lanes at a time; elsewhere libm's sqrt per lane. NaN for a < 0.
[[gnu::always_inline]] inline vecd simd_sqrt(vecd a) noexcept {
    vecd r;
#if defined(__SSE2__)
    typedef double vec2d __attribute__((vector_size(16)));
    for (int l = 0; l < simd_lanes; l += 2) {
        const vec2d q = __builtin_ia32_sqrtpd(vec2d{a[l], a[l + 1]});
        r[l] = q[0];
        r[l + 1] = q[1];
    }
#else
    for (int l = 0; l < simd_lanes; ++l) {
        r[l] = std::sqrt(a[l]);
    }
#endif
    return r;
}

/// |x| per lane.
[[gnu::always_inline]] inline vecd simd_abs(vecd x) noexcept { return x < 0.0 ? -x : x; }

}  // namespace kardashev::orbit::detail

#pragma GCC diagnostic pop
