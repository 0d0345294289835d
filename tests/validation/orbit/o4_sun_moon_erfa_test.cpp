// Source: ERFA 2.0.0 (pyerfa 2.0.0.1) epv00 + moon98 rotated to the true equator and equinox of date by pnm06a, 400 epochs 2000-2050 (tools/make_sun_moon_reference.py, tests/data/orbit/README.md); VALIDATION.md O4. Tolerances are O4's (Sun 0.01 deg, Moon 0.1 deg): planning grade, the Sun's 0.01 deg moves a LEO shadow edge by ~1 km (0.15 s).
//
// Both sides are geometric geocentric positions in the same frame (TOD). Meeus 1998 states 0.01 deg for
// the ch. 25 Sun and 10"/4" for the ch. 47 Moon; the measured worst cases are printed and checked.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/orbit/ephemeris.hpp"
#include "orbit/vec_math.hpp"

namespace {

using kardashev::orbit::vec3;

struct row {
    std::int64_t tt_s = 0;
    vec3 sun{};
    vec3 moon{};
};

std::vector<row> load_reference() {
    std::ifstream in(std::string(KD_TEST_DATA_DIR) + "/orbit/sun_moon_erfa.csv");
    std::vector<row> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line[0] == 't') continue;
        std::replace(line.begin(), line.end(), ',', ' ');
        std::istringstream ss(line);
        row r;
        ss >> r.tt_s >> r.sun[0] >> r.sun[1] >> r.sun[2] >> r.moon[0] >> r.moon[1] >> r.moon[2];
        rows.push_back(r);
    }
    return rows;
}

double angle_deg(const vec3& a, const vec3& b) {
    return kardashev::orbit::detail::angle_between(a, b) * 180.0 / 3.141592653589793;
}

TEST(o4_sun_moon, sun_and_moon_directions_agree_with_erfa_2000_to_2050) {
    const auto rows = load_reference();
    ASSERT_EQ(rows.size(), 400u);
    double worst_sun = 0.0, worst_moon = 0.0, worst_sun_dist = 0.0, worst_moon_dist = 0.0;
    for (const row& r : rows) {
        // kardashev's epoch counts TAI ns since J2000.0 TT, so TT seconds since J2000 map one to one.
        const auto t = kardashev::epoch::from_tai_ns(r.tt_s * 1'000'000'000LL);
        const vec3 sun = kardashev::orbit::sun_position_tod(t);
        const vec3 moon = kardashev::orbit::moon_position_tod(t);
        worst_sun = std::max(worst_sun, angle_deg(sun, r.sun));
        worst_moon = std::max(worst_moon, angle_deg(moon, r.moon));
        using kardashev::orbit::detail::norm;
        worst_sun_dist = std::max(worst_sun_dist, std::fabs(norm(sun) / norm(r.sun) - 1.0));
        worst_moon_dist = std::max(worst_moon_dist, std::fabs(norm(moon) / norm(r.moon) - 1.0));
    }
    std::printf("O4 worst Sun direction %.5f deg, Moon direction %.5f deg; distance Sun %.2e, Moon %.2e (relative)\n",
                worst_sun, worst_moon, worst_sun_dist, worst_moon_dist);
    EXPECT_LT(worst_sun, 0.01);
    EXPECT_LT(worst_moon, 0.1);
    EXPECT_LT(worst_sun_dist, 1e-4);
    EXPECT_LT(worst_moon_dist, 1e-3);
}

}  // namespace
