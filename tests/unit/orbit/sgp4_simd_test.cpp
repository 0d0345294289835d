// The near-Earth vector kernel: its libm-free sin/cos/sqrt/mod against libm, and the kernel against the
// scalar transcription of the same equations (propagate_record<false>).

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include "kardashev/orbit/sgp4.hpp"
#include "kardashev/orbit/tle.hpp"
#include "orbit/sgp4_kernel.hpp"
#include "orbit/sgp4_simd.hpp"

#pragma GCC diagnostic ignored "-Wpsabi"

namespace {

namespace orbit = kardashev::orbit;
namespace detail = kardashev::orbit::detail;

TEST(sgp4_simd, sincos_is_within_two_ulp_of_libm_over_a_thousand_radians) {
    double worst = 0.0;
    for (int i = -400000; i <= 400000; i += 4) {
        const double x0 = i * 2.5e-3 + 1e-7;
        const detail::vecd x = {x0, x0 + 1e-3, x0 + 2e-3, -x0};
        detail::vecd s, c;
        detail::simd_sincos(x, s, c);
        for (int l = 0; l < 4; ++l) {
            worst = std::max(worst, std::fabs(s[l] - std::sin(x[l])));
            worst = std::max(worst, std::fabs(c[l] - std::cos(x[l])));
        }
    }
    EXPECT_LT(worst, 2.3e-16);  // two ulp of 1
}

TEST(sgp4_simd, sqrt_and_mod_two_pi_agree_with_libm) {
    double worst_sqrt = 0.0;
    double worst_mod = 0.0;
    for (int i = -3000; i <= 3000; ++i) {
        const double a = std::pow(10.0, i * 3e-3);  // 1e-9 .. 1e9
        const detail::vecd v = {a, 0.5 * a, 1.0 + a, 0.0};
        const detail::vecd r = detail::simd_sqrt(v);
        for (int l = 0; l < 4; ++l) {
            const double want = std::sqrt(v[l]);
            worst_sqrt = std::max(worst_sqrt, want == 0.0 ? std::fabs(r[l]) : std::fabs(r[l] - want) / want);
        }
        const double x0 = i * 0.37;
        const detail::vecd m = detail::simd_mod_two_pi(detail::vecd{x0, -x0, x0 + 6.283185307179586, 1e-3 * x0});
        for (int l = 0; l < 4; ++l) {
            const double x = l == 0 ? x0 : (l == 1 ? -x0 : (l == 2 ? x0 + 6.283185307179586 : 1e-3 * x0));
            // Compared as angles: at exact multiples of 2 pi one side may give 0 and the other 2 pi.
            const double two_pi = 2.0 * 3.14159265358979323846;
            const double d = std::remainder(m[l] - std::fmod(x, two_pi), two_pi);
            worst_mod = std::max(worst_mod, std::fabs(d));
            EXPECT_LE(std::fabs(m[l]), 6.2831853071795865) << x;
        }
    }
    EXPECT_LT(worst_sqrt, 2.3e-16);
    EXPECT_LT(worst_mod, 2e-12);  // |x| up to 1100 rad: a few ulp of x
    EXPECT_TRUE(std::isnan(detail::simd_sqrt(detail::splat(-1.0))[0]));
}

TEST(sgp4_simd, vector_kernel_matches_the_scalar_equations_to_a_micrometre) {
    const auto sets = orbit::parse_tle_catalogue(
        "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753\n"
        "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667\n"
        "1 06251U 62025E   06176.82412014  .00008885  00000-0  12808-3 0  3985\n"
        "2 06251  58.0579  54.0425 0030035 139.1568 221.1854 15.56387291  6774\n"
        "1 28057U 03049A   06177.78615833  .00000060  00000-0  35940-4 0  1836\n"
        "2 28057  98.4283 247.6961 0000884  88.1964 271.9322 14.35478080140550\n"
        "1 28350U 04020A   06167.21788666  .16154492  76267-5  18678-3 0  8894\n"
        "2 28350  64.9977 345.6130 0024870 260.7578  99.9590 16.47856722116490\n");
    double worst_r = 0.0;
    double worst_v = 0.0;
    for (const auto& set : sets) {
        detail::sat_record rec;
        detail::init_record(rec, set, orbit::sgp4_mode::improved);
        ASSERT_FALSE(rec.deep);
        for (double t0 = -1440.0; t0 < 1440.0; t0 += 4 * 3.7) {
            const double t[4] = {t0, t0 + 3.7, t0 + 7.4, t0 + 11.1};
            double x[4], y[4], z[4], vx[4], vy[4], vz[4];
            orbit::sgp4_status st[4];
            detail::propagate_near_block(rec, t, x, y, z, vx, vy, vz, st);
            for (int l = 0; l < 4; ++l) {
                double r[3], v[3];
                const orbit::sgp4_status want = detail::propagate_record<false>(rec, t[l], r, v);
                ASSERT_EQ(st[l], want) << set.catalogue_number << " t=" << t[l];
                if (want != orbit::sgp4_status::ok) {
                    continue;
                }
                worst_r = std::max({worst_r, std::fabs(x[l] - r[0]), std::fabs(y[l] - r[1]), std::fabs(z[l] - r[2])});
                worst_v = std::max({worst_v, std::fabs(vx[l] - v[0]), std::fabs(vy[l] - v[1]), std::fabs(vz[l] - v[2])});
            }
        }
    }
    std::cout << "vector vs scalar kernel: max |dr| " << worst_r << " km, max |dv| " << worst_v << " km/s\n";
    EXPECT_LT(worst_r, 1e-9);   // 1 micrometre
    EXPECT_LT(worst_v, 1e-12);
}

}  // namespace
