#pragma once
// SGP4/SDP4 kernel: per-satellite constants (initialisation) and the propagation of one time.
//
// Equations: Hoots & Roehrich, Spacetrack Report #3 (1980), "STR#3" below, sections 6 (SGP4),
// 10 (SDP4 and its DEEP subroutines); with the corrections of Vallado, Crawford, Hujsak & Kelso,
// AIAA 2006-6753, "V06" below (sections and appendix B of the code changes they document).

#include <cmath>
#include <cstdint>

#include "kardashev/orbit/sgp4.hpp"

namespace kardashev::orbit::detail {

// WGS-72 (V06 table 2, "wgs72"): the gravity model the TLEs are fitted with.
inline constexpr double wgs72_mu_km3_s2 = 398600.8;
inline constexpr double wgs72_radius_km = 6378.135;
inline constexpr double wgs72_j2 = 0.001082616;
inline constexpr double wgs72_j3 = -0.00000253881;
inline constexpr double wgs72_j4 = -0.00000165597;
inline constexpr double two_pi = 6.283185307179586476925286766559;
inline constexpr double sgp4_pi = 3.14159265358979323846;

/// Deep-space (SDP4) constants of one satellite: lunar-solar periodics and resonance terms.
struct deep_terms {
    // lunar-solar periodic coefficients (STR#3 DPPER; V06 dscom)
    double e3 = 0, ee2 = 0, se2 = 0, se3 = 0, sgh2 = 0, sgh3 = 0, sgh4 = 0, sh2 = 0, sh3 = 0;
    double si2 = 0, si3 = 0, sl2 = 0, sl3 = 0, sl4 = 0;
    double xgh2 = 0, xgh3 = 0, xgh4 = 0, xh2 = 0, xh3 = 0, xi2 = 0, xi3 = 0, xl2 = 0, xl3 = 0, xl4 = 0;
    double zmol = 0, zmos = 0;
    // lunar-solar secular rates (STR#3 DPSEC)
    double dedt = 0, didt = 0, dmdt = 0, dnodt = 0, domdt = 0;
    // resonance (STR#3 DPINIT/DPSEC; V06 dsinit/dspace)
    int irez = 0;  // 0 none, 1 synchronous (24 h), 2 half-day (12 h)
    double d2201 = 0, d2211 = 0, d3210 = 0, d3222 = 0, d4410 = 0, d4422 = 0;
    double d5220 = 0, d5232 = 0, d5421 = 0, d5433 = 0;
    double del1 = 0, del2 = 0, del3 = 0, xfact = 0, xlamo = 0;
    double gsto = 0;  // Greenwich sidereal angle at epoch [rad]
};

/// Constants of one satellite after initialisation (STR#3 sec. 6 "initialisation" and V06 sgp4init).
struct sat_record {
    // mean elements at epoch
    double ecco = 0, inclo = 0, nodeo = 0, argpo = 0, mo = 0, bstar = 0;
    double no_unkozai = 0;  // Brouwer mean motion [rad/min]
    double xke = 0;         // sgp4_xke()
    double ao = 0;          // (xke / no_unkozai)^(2/3) [earth radii]
    double sinio = 0, cosio = 0;
    // secular and drag constants
    double mdot = 0, argpdot = 0, nodedot = 0, nodecf = 0, omgcof = 0, xmcof = 0;
    double cc1 = 0, cc4 = 0, cc5 = 0, d2 = 0, d3 = 0, d4 = 0, delmo = 0, eta = 0, sinmao = 0;
    double t2cof = 0, t3cof = 0, t4cof = 0, t5cof = 0;
    double aycof = 0, xlcof = 0, con41 = 0, x1mth2 = 0, x7thm1 = 0;
    bool isimp = false;  // perigee below 220 km: truncated drag terms
    bool deep = false;   // period >= 225 min: SDP4
    sgp4_mode mode = sgp4_mode::improved;
    sgp4_status init_status = sgp4_status::ok;
    deep_terms ds;
};

/// Initialises `rec` from Kozai mean elements; returns the status of propagating to the epoch.
sgp4_status init_record(sat_record& rec, const element_set& set, sgp4_mode mode);

/// Greenwich mean sidereal angle of IAU 1982 [rad] at a UT1 Julian date (V06 gstime; STR#3 eq. in THETAG).
double gmst_1982_rad(double jd_ut1);

/// Lanes of the near-Earth block kernel: times propagated together for one satellite.
inline constexpr int near_lanes = 4;

/// Propagates near-Earth record `s` to the near_lanes times `t` (SIMD over times; libm-free sin/cos);
/// writes position [km], velocity [km/s] and status per lane. Failed lanes other than decay get NaN.
void propagate_near_block(const sat_record& s, const double* t, double* x, double* y, double* z, double* vx,
                          double* vy, double* vz, sgp4_status* status) noexcept;

/// Propagates a deep-space record (out of line: SDP4 is the uncommon case).
sgp4_status propagate_deep(const sat_record& rec, double t, double* r, double* v) noexcept;

/// Lunar-solar periodics (STR#3 DPPER; V06 dpper with the Lyddane branch below 0.2 rad).
void deep_periodics(const deep_terms& ds, double t, sgp4_mode mode, double& ep, double& inclp, double& nodep,
                    double& argpp, double& mp) noexcept;

/// Lunar-solar secular terms and the resonance integration from epoch (STR#3 DPSEC; V06 dspace).
void deep_secular(const sat_record& rec, double t, double& em, double& argpm, double& inclm, double& mm,
                  double& nodem, double& nm) noexcept;

/// SGP4's k_e = 60 / sqrt(ae^3 / mu) [1/min] with ae the WGS-72 radius (V06 getgravconst; STR#3 sec. 12 XKE).
inline double sgp4_xke() noexcept {
    return 60.0 / std::sqrt(wgs72_radius_km * wgs72_radius_km * wgs72_radius_km / wgs72_mu_km3_s2);
}

/// Propagates to `t` minutes since epoch; Deep selects the SDP4 branch at compile time. Writes r [km], v [km/s].
/// The deep-space batch runs this; near-Earth batches run propagate_near_block, which is tested against
/// propagate_record<false> as the scalar reference.
template <bool Deep>
inline sgp4_status propagate_record(const sat_record& s, double t, double* r, double* v) noexcept {
    const double ke = s.xke;
    const double j3oj2 = wgs72_j3 / wgs72_j2;
    constexpr double x2o3 = 2.0 / 3.0;
    constexpr double temp4 = 1.5e-12;

    // Secular gravity and atmospheric drag (STR#3 sec. 6 eqs. for XMDF, OMGADF, XNODDF; V06 sgp4).
    const double xmdf = s.mo + s.mdot * t;
    const double argpdf = s.argpo + s.argpdot * t;
    const double nodedf = s.nodeo + s.nodedot * t;
    double argpm = argpdf;
    double mm = xmdf;
    const double t2 = t * t;
    double nodem = nodedf + s.nodecf * t2;
    double tempa = 1.0 - s.cc1 * t;
    double tempe = s.bstar * s.cc4 * t;
    double templ = s.t2cof * t2;
    if (!s.isimp) {
        // Full drag terms (STR#3 sec. 6, DELOMG, DELM, TEMPA/TEMPE/TEMPL to fifth order).
        const double delomg = s.omgcof * t;
        const double delmtemp = 1.0 + s.eta * std::cos(xmdf);
        const double delm = s.xmcof * (delmtemp * delmtemp * delmtemp - s.delmo);
        const double temp = delomg + delm;
        mm = xmdf + temp;
        argpm = argpdf - temp;
        const double t3 = t2 * t;
        const double t4 = t3 * t;
        tempa = tempa - s.d2 * t2 - s.d3 * t3 - s.d4 * t4;
        tempe = tempe + s.bstar * s.cc5 * (std::sin(mm) - s.sinmao);
        templ = templ + s.t3cof * t3 + t4 * (s.t4cof + t * s.t5cof);
    }
    double nm = s.no_unkozai;
    double em = s.ecco;
    double inclm = s.inclo;
    if constexpr (Deep) {
        deep_secular(s, t, em, argpm, inclm, mm, nodem, nm);
    }
    if (nm <= 0.0) {
        return sgp4_status::negative_mean_motion;  // V06 error 2
    }
    const double am = std::pow(ke / nm, x2o3) * tempa * tempa;  // STR#3 A = (XKE/XN)^(2/3) TEMPA^2
    nm = ke / std::pow(am, 1.5);
    em = em - tempe;
    if (em >= 1.0 || em < -0.001) {
        return sgp4_status::mean_eccentricity_out_of_range;  // V06 error 1
    }
    if (em < 1.0e-6) {
        em = 1.0e-6;  // V06: keeps e away from zero for the long-period terms
    }
    mm = mm + s.no_unkozai * templ;
    double xlm = mm + argpm + nodem;
    nodem = std::fmod(nodem, two_pi);
    argpm = std::fmod(argpm, two_pi);
    xlm = std::fmod(xlm, two_pi);
    mm = std::fmod(xlm - argpm - nodem, two_pi);

    double sinim = std::sin(inclm);
    double cosim = std::cos(inclm);
    double ep = em;
    double xincp = inclm;
    double argpp = argpm;
    double nodep = nodem;
    double mp = mm;
    double sinip = sinim;
    double cosip = cosim;
    double aycof = s.aycof;
    double xlcof = s.xlcof;
    double con41 = s.con41;
    double x1mth2 = s.x1mth2;
    double x7thm1 = s.x7thm1;
    if constexpr (Deep) {
        deep_periodics(s.ds, t, s.mode, ep, xincp, nodep, argpp, mp);
        if (xincp < 0.0) {
            xincp = -xincp;  // V06: a negative inclination flips node and perigee
            nodep = nodep + sgp4_pi;
            argpp = argpp - sgp4_pi;
        }
        if (ep < 0.0 || ep > 1.0) {
            return sgp4_status::perturbed_eccentricity_out_of_range;  // V06 error 3
        }
        sinip = std::sin(xincp);
        cosip = std::cos(xincp);
        // Long-period coefficients with the perturbed inclination (STR#3 sec. 10, AYCOF/XLCOF)
        aycof = -0.5 * j3oj2 * sinip;
        if (std::fabs(cosip + 1.0) > 1.5e-12) {
            xlcof = -0.25 * j3oj2 * sinip * (3.0 + 5.0 * cosip) / (1.0 + cosip);
        } else {
            xlcof = -0.25 * j3oj2 * sinip * (3.0 + 5.0 * cosip) / temp4;
        }
        const double cosisq = cosip * cosip;
        con41 = 3.0 * cosisq - 1.0;
        x1mth2 = 1.0 - cosisq;
        x7thm1 = 7.0 * cosisq - 1.0;
    }

    // Long-period periodics (STR#3 sec. 6: AXN, AYNL, XLT).
    const double axnl = ep * std::cos(argpp);
    double temp = 1.0 / (am * (1.0 - ep * ep));
    const double aynl = ep * std::sin(argpp) + temp * aycof;
    const double xl = mp + argpp + nodep + temp * xlcof * axnl;

    // Kepler's equation for E + omega (STR#3 sec. 6, Newton-Raphson with the 0.95 step limit of V06).
    const double u = std::fmod(xl - nodep, two_pi);
    double eo1 = u;
    double tem5 = 9999.9;
    double sineo1 = 0.0;
    double coseo1 = 0.0;
    for (int ktr = 1; std::fabs(tem5) >= 1.0e-12 && ktr <= 10; ++ktr) {
        sineo1 = std::sin(eo1);
        coseo1 = std::cos(eo1);
        tem5 = 1.0 - coseo1 * axnl - sineo1 * aynl;
        tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5;
        if (std::fabs(tem5) >= 0.95) {
            tem5 = tem5 > 0.0 ? 0.95 : -0.95;
        }
        eo1 = eo1 + tem5;
    }

    // Short-period preliminaries (STR#3 sec. 6: ECOSE, ESINE, EL2, PL, R, RDOT, RFDOT, U).
    const double ecose = axnl * coseo1 + aynl * sineo1;
    const double esine = axnl * sineo1 - aynl * coseo1;
    const double el2 = axnl * axnl + aynl * aynl;
    const double pl = am * (1.0 - el2);
    if (pl < 0.0) {
        return sgp4_status::negative_semi_latus_rectum;  // V06 error 4
    }
    const double rl = am * (1.0 - ecose);
    const double rdotl = std::sqrt(am) * esine / rl;
    const double rvdotl = std::sqrt(pl) / rl;
    const double betal = std::sqrt(1.0 - el2);
    temp = esine / (1.0 + betal);
    const double sinu = am / rl * (sineo1 - aynl - axnl * temp);
    const double cosu = am / rl * (coseo1 - axnl + aynl * temp);
    double su = std::atan2(sinu, cosu);
    const double sin2u = (cosu + cosu) * sinu;
    const double cos2u = 1.0 - 2.0 * sinu * sinu;
    temp = 1.0 / pl;
    const double temp1 = 0.5 * wgs72_j2 * temp;
    const double temp2 = temp1 * temp;

    // Short-period periodics (STR#3 sec. 6: RK, UK, XNODEK, XINCK, RDOTK, RFDOTK).
    const double mrt = rl * (1.0 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
    su = su - 0.25 * temp2 * x7thm1 * sin2u;
    const double xnode = nodep + 1.5 * temp2 * cosip * sin2u;
    const double xinc = xincp + 1.5 * temp2 * cosip * sinip * cos2u;
    const double mvt = rdotl - nm * temp1 * x1mth2 * sin2u / ke;
    const double rvdot = rvdotl + nm * temp1 * (x1mth2 * cos2u + 1.5 * con41) / ke;

    // Orientation vectors and position/velocity (STR#3 sec. 6: U, V, r = RK U, rdot = RDOTK U + RFDOTK V).
    const double sinsu = std::sin(su);
    const double cossu = std::cos(su);
    const double snod = std::sin(xnode);
    const double cnod = std::cos(xnode);
    const double sini = std::sin(xinc);
    const double cosi = std::cos(xinc);
    const double xmx = -snod * cosi;
    const double xmy = cnod * cosi;
    const double ux = xmx * sinsu + cnod * cossu;
    const double uy = xmy * sinsu + snod * cossu;
    const double uz = sini * sinsu;
    const double vx = xmx * cossu - cnod * sinsu;
    const double vy = xmy * cossu - snod * sinsu;
    const double vz = sini * cossu;
    const double vkmpersec = wgs72_radius_km * ke / 60.0;
    r[0] = mrt * ux * wgs72_radius_km;
    r[1] = mrt * uy * wgs72_radius_km;
    r[2] = mrt * uz * wgs72_radius_km;
    v[0] = (mvt * ux + rvdot * vx) * vkmpersec;
    v[1] = (mvt * uy + rvdot * vy) * vkmpersec;
    v[2] = (mvt * uz + rvdot * vz) * vkmpersec;
    if (mrt < 1.0) {
        return sgp4_status::decayed;  // V06 error 6: below the Earth's surface
    }
    return sgp4_status::ok;
}

}  // namespace kardashev::orbit::detail
