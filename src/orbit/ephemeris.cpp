// Analytic Sun (Meeus 1998 ch. 25) and Moon (Meeus 1998 ch. 47) with low-accuracy nutation (ch. 22).

#include "kardashev/orbit/ephemeris.hpp"

#include <array>
#include <cmath>

#include "kardashev/core/constants.hpp"
#include "vec_math.hpp"

namespace kardashev::orbit {

namespace {

constexpr double deg = constants::pi / 180.0;
constexpr double arcsec = deg / 3600.0;
constexpr double au_m = 149'597'870'700.0;  // IAU 2012 Resolution B2

/// The sine and cosine of one angle, combined by the angle-addition formulas.
struct sin_cos {
    double s = 0.0;
    double c = 1.0;
};
sin_cos sin_cos_of(double angle) noexcept { return {std::sin(angle), std::cos(angle)}; }
sin_cos operator+(sin_cos a, sin_cos b) noexcept { return {a.s * b.c + a.c * b.s, a.c * b.c - a.s * b.s}; }
sin_cos operator-(sin_cos a, sin_cos b) noexcept { return {a.s * b.c - a.c * b.s, a.c * b.c + a.s * b.s}; }
sin_cos twice(sin_cos a) noexcept { return {2.0 * a.s * a.c, a.c * a.c - a.s * a.s}; }

// Julian centuries of TT since J2000.0.
double centuries_tt(epoch t) noexcept {
    const split_jd jd = t.jd_tt();
    return ((jd.day - constants::jd_j2000) + jd.fraction) / 36'525.0;
}

struct nutation {
    double dpsi = 0.0;       // nutation in longitude [rad]
    double eps_true = 0.0;   // true obliquity [rad]
};

nutation nutation_low(double t) noexcept {
    // Meeus 1998 eq. 22.2: mean obliquity.
    const double eps0 = (23.0 + 26.0 / 60.0 + 21.448 / 3600.0) * deg +
                        (-46.8150 * t - 0.00059 * t * t + 0.001813 * t * t * t) * arcsec;
    // Meeus 1998 ch. 22, the 0.5"/0.1" series.
    const double om = (125.04452 - 1934.136261 * t + 0.0020708 * t * t + t * t * t / 450'000.0) * deg;
    const double l_sun = (280.4665 + 36'000.7698 * t) * deg;
    const double l_moon = (218.3165 + 481'267.8813 * t) * deg;
    const sin_cos om1 = sin_cos_of(om), om2 = twice(om1);
    const sin_cos sun2 = sin_cos_of(2.0 * l_sun), moon2 = sin_cos_of(2.0 * l_moon);
    const double dpsi = (-17.20 * om1.s - 1.32 * sun2.s - 0.23 * moon2.s + 0.21 * om2.s) * arcsec;
    const double deps = (9.20 * om1.c + 0.57 * sun2.c + 0.10 * moon2.c - 0.09 * om2.c) * arcsec;
    return {dpsi, eps0 + deps};
}

// Ecliptic (longitude, latitude, distance) of date -> equator of date (Meeus 1998 eq. 13.3-13.4 in vector form).
vec3 ecliptic_to_equatorial(double lon, double lat, double dist, double eps) noexcept {
    const double cb = std::cos(lat), sb = std::sin(lat), cl = std::cos(lon), sl = std::sin(lon);
    const double ce = std::cos(eps), se = std::sin(eps);
    return {dist * cb * cl, dist * (ce * cb * sl - se * sb), dist * (se * cb * sl + ce * sb)};
}

// Meeus 1998 table 47.A: multiples of D, M, M', F; sum_l [1e-6 deg]; sum_r [1e-3 km].
struct lr_term { signed char d, m, mp, f; int sl; int sr; };
constexpr std::array<lr_term, 60> moon_lr{{
    {0, 0, 1, 0, 6288774, -20905355}, {2, 0, -1, 0, 1274027, -3699111}, {2, 0, 0, 0, 658314, -2955968},
    {0, 0, 2, 0, 213618, -569925},    {0, 1, 0, 0, -185116, 48888},     {0, 0, 0, 2, -114332, -3149},
    {2, 0, -2, 0, 58793, 246158},     {2, -1, -1, 0, 57066, -152138},   {2, 0, 1, 0, 53322, -170733},
    {2, -1, 0, 0, 45758, -204586},    {0, 1, -1, 0, -40923, -129620},   {1, 0, 0, 0, -34720, 108743},
    {0, 1, 1, 0, -30383, 104755},     {2, 0, 0, -2, 15327, 10321},      {0, 0, 1, 2, -12528, 0},
    {0, 0, 1, -2, 10980, 79661},      {4, 0, -1, 0, 10675, -34782},     {0, 0, 3, 0, 10034, -23210},
    {4, 0, -2, 0, 8548, -21636},      {2, 1, -1, 0, -7888, 24208},      {2, 1, 0, 0, -6766, 30824},
    {1, 0, -1, 0, -5163, -8379},      {1, 1, 0, 0, 4987, -16675},       {2, -1, 1, 0, 4036, -12831},
    {2, 0, 2, 0, 3994, -10445},       {4, 0, 0, 0, 3861, -11650},       {2, 0, -3, 0, 3665, 14403},
    {0, 1, -2, 0, -2689, -7003},      {2, 0, -1, 2, -2602, 0},          {2, -1, -2, 0, 2390, 10056},
    {1, 0, 1, 0, -2348, 6322},        {2, -2, 0, 0, 2236, -9884},       {0, 1, 2, 0, -2120, 5751},
    {0, 2, 0, 0, -2069, 0},           {2, -2, -1, 0, 2048, -4950},      {2, 0, 1, -2, -1773, 4130},
    {2, 0, 0, 2, -1595, 0},           {4, -1, -1, 0, 1215, -3958},      {0, 0, 2, 2, -1110, 0},
    {3, 0, -1, 0, -892, 3258},        {2, 1, 1, 0, -810, 2616},         {4, -1, -2, 0, 759, -1897},
    {0, 2, -1, 0, -713, -2117},       {2, 2, -1, 0, -700, 2354},        {2, 1, -2, 0, 691, 0},
    {2, -1, 0, -2, 596, 0},           {4, 0, 1, 0, 549, -1423},         {0, 0, 4, 0, 537, -1117},
    {4, -1, 0, 0, 520, -1571},        {1, 0, -2, 0, -487, -1739},       {2, 1, 0, -2, -399, 0},
    {0, 0, 2, -2, -381, -4421},       {1, 1, 1, 0, 351, 0},             {3, 0, -2, 0, -340, 0},
    {4, 0, -3, 0, 330, 0},            {2, -1, 2, 0, 327, 0},            {0, 2, 1, 0, -323, 1165},
    {1, 1, -1, 0, 299, 0},            {2, 0, 3, 0, 294, 0},             {2, 0, -1, -2, 0, 8752},
}};

// Meeus 1998 table 47.B: multiples of D, M, M', F; sum_b [1e-6 deg].
struct b_term { signed char d, m, mp, f; int sb; };
constexpr std::array<b_term, 60> moon_b{{
    {0, 0, 0, 1, 5128122}, {0, 0, 1, 1, 280602}, {0, 0, 1, -1, 277693}, {2, 0, 0, -1, 173237},
    {2, 0, -1, 1, 55413},  {2, 0, -1, -1, 46271}, {2, 0, 0, 1, 32573},   {0, 0, 2, 1, 17198},
    {2, 0, 1, -1, 9266},   {0, 0, 2, -1, 8822},   {2, -1, 0, -1, 8216},  {2, 0, -2, -1, 4324},
    {2, 0, 1, 1, 4200},    {2, 1, 0, -1, -3359},  {2, -1, -1, 1, 2463},  {2, -1, 0, 1, 2211},
    {2, -1, -1, -1, 2065}, {0, 1, -1, -1, -1870}, {4, 0, -1, -1, 1828},  {0, 1, 0, 1, -1794},
    {0, 0, 0, 3, -1749},   {0, 1, -1, 1, -1565},  {1, 0, 0, 1, -1491},   {0, 1, 1, 1, -1475},
    {0, 1, 1, -1, -1410},  {0, 1, 0, -1, -1344},  {1, 0, 0, -1, -1335},  {0, 0, 3, 1, 1107},
    {4, 0, 0, -1, 1021},   {4, 0, -1, 1, 833},    {0, 0, 1, -3, 777},    {4, 0, -2, 1, 671},
    {2, 0, 0, -3, 607},    {2, 0, 2, -1, 596},    {2, -1, 1, -1, 491},   {2, 0, -2, 1, -451},
    {0, 0, 3, -1, 439},    {2, 0, 2, 1, 422},     {2, 0, -3, -1, 421},   {2, 1, -1, 1, -366},
    {2, 1, 0, 1, -351},    {4, 0, 0, 1, 331},     {2, -1, 1, 1, 315},    {2, -2, 0, -1, 302},
    {0, 0, 1, 3, -283},    {2, 1, 1, -1, -229},   {1, 1, 0, -1, 223},    {1, 1, 0, 1, 223},
    {0, 1, -2, -1, -220},  {2, 1, -1, -1, -220},  {1, 0, 1, 1, -185},    {2, -1, -2, -1, 181},
    {0, 1, 2, 1, -177},    {4, 0, -2, -1, 176},   {4, -1, -1, -1, 166},  {1, 0, 1, -1, -164},
    {4, 0, 1, -1, 132},    {1, 0, -1, -1, -119},  {4, -1, 0, -1, 115},   {2, -2, 0, 1, 107},
}};


vec3 moon_tod_at(double tc, const nutation& nut);
vec3 principal_moon_tod_at(double tc, const nutation& nut);

/// The Sun at `tc` Julian centuries of TT with the nutation of that date (sun_position_tod).
vec3 sun_tod_at(double tc, const nutation& nut) {
    // Meeus 1998 eqs. 25.2-25.4: geometric mean longitude, mean anomaly, eccentricity of the Earth's orbit.
    const double l0 = (280.46646 + 36'000.76983 * tc + 0.0003032 * tc * tc) * deg;
    const double m = (357.52911 + 35'999.05029 * tc - 0.0001537 * tc * tc) * deg;
    const double e = 0.016708634 - 0.000042037 * tc - 0.0000001267 * tc * tc;
    // Meeus 1998 ch. 25: equation of the centre C.
    const sin_cos m1 = sin_cos_of(m), m2 = twice(m1), m3 = m2 + m1;
    const double c = ((1.914602 - 0.004817 * tc - 0.000014 * tc * tc) * m1.s + (0.019993 - 0.000101 * tc) * m2.s +
                      0.000289 * m3.s) * deg;
    const double nu = m + c;
    const double r_au = 1.000001018 * (1.0 - e * e) / (1.0 + e * std::cos(nu));  // Meeus 1998 eq. 25.5
    // True geometric longitude referred to the true equinox: add dpsi (Meeus 1998 ch. 25, "apparent" less aberration).
    const vec3 sun_from_emb = ecliptic_to_equatorial(l0 + c + nut.dpsi, 0.0, r_au * au_m, nut.eps_true);
    // NOTE: the ch. 25 mean elements are those of the Earth-Moon barycentre; the geocentre sits
    // M_moon / (M_earth + M_moon) of the Moon's distance from it (mass ratio 81.300568, IAU 2009 system).
    // The principal-term Moon serves: its error, at most 3,900 km in position, moves the 4,670 km offset by at most
    // 47 km, 0.065" seen from 1 AU, against the series' own 0.008 deg (29") (docs/models/orbit.md "Sun").
    constexpr double moon_mass_fraction = 1.0 / (1.0 + 81.300'568);
    return detail::add(sun_from_emb, detail::scale(principal_moon_tod_at(tc, nut), moon_mass_fraction));
}

/// The Moon's fundamental arguments at `tc` Julian centuries of TT [rad] and the eccentricity factor E.
struct moon_arguments {
    double lp, d, m, mp, f, a1, a2, a3, ecc;
};

moon_arguments moon_arguments_at(double tc) noexcept {
    const double t2 = tc * tc, t3 = t2 * tc, t4 = t3 * tc;
    moon_arguments a{};
    // Meeus 1998 eqs. 47.1-47.5: mean longitude, elongation, Sun's and Moon's mean anomalies, argument of latitude.
    a.lp = (218.3164477 + 481'267.88123421 * tc - 0.0015786 * t2 + t3 / 538'841.0 - t4 / 65'194'000.0) * deg;
    a.d = (297.8501921 + 445'267.1114034 * tc - 0.0018819 * t2 + t3 / 545'868.0 - t4 / 113'065'000.0) * deg;
    a.m = (357.5291092 + 35'999.0502909 * tc - 0.0001536 * t2 + t3 / 24'490'000.0) * deg;
    a.mp = (134.9633964 + 477'198.8675055 * tc + 0.0087414 * t2 + t3 / 69'699.0 - t4 / 14'712'000.0) * deg;
    a.f = (93.2720950 + 483'202.0175233 * tc - 0.0036539 * t2 - t3 / 3'526'000.0 + t4 / 863'310'000.0) * deg;
    a.a1 = (119.75 + 131.849 * tc) * deg;
    a.a2 = (53.09 + 479'264.290 * tc) * deg;
    a.a3 = (313.45 + 481'266.484 * tc) * deg;
    a.ecc = 1.0 - 0.002516 * tc - 0.0000074 * t2;  // Meeus 1998 eq. 47.6
    return a;
}

/// Meeus's E factor of a term with `mult` times M: 1, E or E^2.
double e_factor(double ecc, int mult) noexcept { return mult == 0 ? 1.0 : (mult == 1 || mult == -1 ? ecc : ecc * ecc); }

/// The Moon [m, true of date] from its ecliptic longitude and latitude of date [rad] and distance [m].
vec3 moon_of_date(const moon_arguments& a, double sum_l, double sum_b, double sum_r, const nutation& nut) {
    const double lon = a.lp + sum_l * 1e-6 * deg;
    const double lat = sum_b * 1e-6 * deg;
    const double dist_m = 385'000'560.0 + sum_r;  // Meeus 1998 ch. 47: 385000.56 km + sum_r/1000 km
    return ecliptic_to_equatorial(lon + nut.dpsi, lat, dist_m, nut.eps_true);
}

/// The Moon at `tc` Julian centuries of TT with the nutation of that date: Meeus's tables 47.A and 47.B in full and
/// the additive terms (moon_position_tod).
vec3 moon_tod_at(double tc, const nutation& nut) {
    const moon_arguments a = moon_arguments_at(tc);
    double sum_l = 0.0, sum_r = 0.0, sum_b = 0.0;
    for (const lr_term& k : moon_lr) {
        const double arg = k.d * a.d + k.m * a.m + k.mp * a.mp + k.f * a.f;
        const double ef = e_factor(a.ecc, k.m);
        sum_l += k.sl * ef * std::sin(arg);
        sum_r += k.sr * ef * std::cos(arg);
    }
    for (const b_term& k : moon_b) {
        const double arg = k.d * a.d + k.m * a.m + k.mp * a.mp + k.f * a.f;
        sum_b += k.sb * e_factor(a.ecc, k.m) * std::sin(arg);
    }
    // Meeus 1998 ch. 47: additive terms (Venus, Jupiter, flattening of the Earth).
    sum_l += 3958.0 * std::sin(a.a1) + 1962.0 * std::sin(a.lp - a.f) + 318.0 * std::sin(a.a2);
    sum_b += -2235.0 * std::sin(a.lp) + 382.0 * std::sin(a.a3) + 175.0 * std::sin(a.a1 - a.f) +
             175.0 * std::sin(a.a1 + a.f) + 127.0 * std::sin(a.lp - a.mp) - 115.0 * std::sin(a.lp + a.mp);
    return moon_of_date(a, sum_l, sum_b, sum_r, nut);
}

// The rows principal_moon_tod_at builds by angle addition, in table order: D, M, M', F multiples of each.
constexpr bool row_is(const lr_term& k, int d, int m, int mp, int f) {
    return k.d == d && k.m == m && k.mp == mp && k.f == f;
}
constexpr bool row_is(const b_term& k, int d, int m, int mp, int f) {
    return k.d == d && k.m == m && k.mp == mp && k.f == f;
}
static_assert(row_is(moon_lr[0], 0, 0, 1, 0) && row_is(moon_lr[1], 2, 0, -1, 0) && row_is(moon_lr[2], 2, 0, 0, 0) &&
              row_is(moon_lr[3], 0, 0, 2, 0) && row_is(moon_lr[4], 0, 1, 0, 0) && row_is(moon_lr[5], 0, 0, 0, 2));
static_assert(row_is(moon_b[0], 0, 0, 0, 1) && row_is(moon_b[1], 0, 0, 1, 1) && row_is(moon_b[2], 0, 0, 1, -1) &&
              row_is(moon_b[3], 2, 0, 0, -1));

/// The Moon of moon_position_tod_principal: the rows of 47.A at or above 0.1 deg in longitude (the equation of the
/// centre, evection, variation, 2M', the annual equation, the reduction to the ecliptic) and of 47.B at or above 0.1
/// deg in latitude, without the additive terms. The rows and planetary terms left out sum to at most 0.48 deg in
/// longitude, 0.23 deg in latitude and 1,500 km in distance were they all in phase: a position within 3,900 km of the
/// full series'. Each row's sine and cosine comes from those of D, M, M' and F by the angle-addition formulas: four
/// sincos instead of ten.
vec3 principal_moon_tod_at(double tc, const nutation& nut) {
    const moon_arguments a = moon_arguments_at(tc);
    const sin_cos d = sin_cos_of(a.d), m = sin_cos_of(a.m), mp = sin_cos_of(a.mp), f = sin_cos_of(a.f);
    const sin_cos d2 = twice(d);
    const std::array<sin_cos, 6> lr{mp, d2 - mp, d2, twice(mp), m, twice(f)};
    const std::array<sin_cos, 4> b{f, mp + f, mp - f, d2 - f};
    double sum_l = 0.0, sum_r = 0.0, sum_b = 0.0;
    for (std::size_t i = 0; i < lr.size(); ++i) {
        const double ef = e_factor(a.ecc, moon_lr[i].m);
        sum_l += moon_lr[i].sl * ef * lr[i].s;
        sum_r += moon_lr[i].sr * ef * lr[i].c;
    }
    for (std::size_t i = 0; i < b.size(); ++i) sum_b += moon_b[i].sb * e_factor(a.ecc, moon_b[i].m) * b[i].s;
    return moon_of_date(a, sum_l, sum_b, sum_r, nut);
}

double equation_of_equinoxes(const nutation& nut) {
    return nut.dpsi * std::cos(nut.eps_true);  // Vallado 2013 eq. 3-79 (without the small Omega terms)
}

}  // namespace

vec3 sun_position_tod(epoch t) {
    const double tc = centuries_tt(t);
    return sun_tod_at(tc, nutation_low(tc));
}

vec3 moon_position_tod(epoch t) {
    const double tc = centuries_tt(t);
    return moon_tod_at(tc, nutation_low(tc));
}

vec3 moon_position_tod_principal(epoch t) {
    const double tc = centuries_tt(t);
    return principal_moon_tod_at(tc, nutation_low(tc));
}

double equation_of_equinoxes_rad(epoch t) { return equation_of_equinoxes(nutation_low(centuries_tt(t))); }

vec3 tod_to_teme(const vec3& r_tod, epoch t) { return detail::rot3(r_tod, equation_of_equinoxes_rad(t)); }

vec3 sun_position_teme(epoch t) {
    // One nutation serves the Sun, the Moon's pull on the geocentre and the rotation to TEME.
    const double tc = centuries_tt(t);
    const nutation nut = nutation_low(tc);
    return detail::rot3(sun_tod_at(tc, nut), equation_of_equinoxes(nut));
}

}  // namespace kardashev::orbit
