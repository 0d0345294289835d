// SDP4 deep-space terms at a time: STR#3 sec. 10 (DEEP: DPSEC, DPPER), V06 dspace and dpper.

#include <cmath>

#include "sgp4_kernel.hpp"

namespace kardashev::orbit::detail {

void deep_periodics(const deep_terms& ds, double t, sgp4_mode mode, double& ep, double& inclp, double& nodep,
                    double& argpp, double& mp) noexcept {
    // Mean motions and eccentricities of the Sun and Moon (STR#3 sec. 10: ZNS, ZES, ZNL, ZEL).
    constexpr double zns = 1.19459e-5;
    constexpr double zes = 0.01675;
    constexpr double znl = 1.5835218e-4;
    constexpr double zel = 0.05490;

    // Solar terms (STR#3 DPPER: ZM, ZF, F2, F3, SES, SIS, SLS, SGHS, SHS).
    double zm = ds.zmos + zns * t;
    double zf = zm + 2.0 * zes * std::sin(zm);
    double sinzf = std::sin(zf);
    double f2 = 0.5 * sinzf * sinzf - 0.25;
    double f3 = -0.5 * sinzf * std::cos(zf);
    const double ses = ds.se2 * f2 + ds.se3 * f3;
    const double sis = ds.si2 * f2 + ds.si3 * f3;
    const double sls = ds.sl2 * f2 + ds.sl3 * f3 + ds.sl4 * sinzf;
    const double sghs = ds.sgh2 * f2 + ds.sgh3 * f3 + ds.sgh4 * sinzf;
    const double shs = ds.sh2 * f2 + ds.sh3 * f3;
    // Lunar terms (STR#3 DPPER: SEL, SIL, SLL, SGHL, SHL).
    zm = ds.zmol + znl * t;
    zf = zm + 2.0 * zel * std::sin(zm);
    sinzf = std::sin(zf);
    f2 = 0.5 * sinzf * sinzf - 0.25;
    f3 = -0.5 * sinzf * std::cos(zf);
    const double sel = ds.ee2 * f2 + ds.e3 * f3;
    const double sil = ds.xi2 * f2 + ds.xi3 * f3;
    const double sll = ds.xl2 * f2 + ds.xl3 * f3 + ds.xl4 * sinzf;
    const double sghl = ds.xgh2 * f2 + ds.xgh3 * f3 + ds.xgh4 * sinzf;
    const double shll = ds.xh2 * f2 + ds.xh3 * f3;
    // Sums (STR#3 DPPER: PE, PINC, PL, PGH, PH); their values at epoch are zero in V06 (peo.. = 0).
    const double pe = ses + sel;
    const double pinc = sis + sil;
    const double pl = sls + sll;
    double pgh = sghs + sghl;
    double ph = shs + shll;

    inclp = inclp + pinc;
    ep = ep + pe;
    const double sinip = std::sin(inclp);
    const double cosip = std::cos(inclp);
    if (inclp >= 0.2) {
        // Direct application (STR#3 DPPER, i >= 0.2 rad).
        ph = ph / sinip;
        pgh = pgh - cosip * ph;
        argpp = argpp + pgh;
        nodep = nodep + ph;
        mp = mp + pl;
    } else {
        // Lyddane's modification for small inclinations (STR#3 DPPER, i < 0.2 rad; V06 sec. "Lyddane").
        const double sinop = std::sin(nodep);
        const double cosop = std::cos(nodep);
        double alfdp = sinip * sinop;
        double betdp = sinip * cosop;
        const double dalf = ph * cosop + pinc * cosip * sinop;
        const double dbet = -ph * sinop + pinc * cosip * cosop;
        alfdp = alfdp + dalf;
        betdp = betdp + dbet;
        nodep = std::fmod(nodep, two_pi);
        // AFSPC mode keeps the node in [0, 2 pi) before using it (V06 opsmode 'a').
        if (nodep < 0.0 && mode == sgp4_mode::afspc) {
            nodep = nodep + two_pi;
        }
        double xls = mp + argpp + cosip * nodep;
        const double dls = pl + pgh - pinc * nodep * sinip;
        xls = xls + dls;
        const double xnoh = nodep;
        nodep = std::atan2(alfdp, betdp);
        if (nodep < 0.0 && mode == sgp4_mode::afspc) {
            nodep = nodep + two_pi;
        }
        // V06: keep the new node on the same branch as the old one.
        if (std::fabs(xnoh - nodep) > sgp4_pi) {
            if (nodep < xnoh) {
                nodep = nodep + two_pi;
            } else {
                nodep = nodep - two_pi;
            }
        }
        mp = mp + pl;
        argpp = xls - mp - cosip * nodep;
    }
}

void deep_secular(const sat_record& rec, double t, double& em, double& argpm, double& inclm, double& mm,
                  double& nodem, double& nm) noexcept {
    // Resonance phase constants (STR#3 DPSEC: FASX2, FASX4, FASX6, G22..G54) and the 720-min step.
    constexpr double fasx2 = 0.13130908;
    constexpr double fasx4 = 2.8843198;
    constexpr double fasx6 = 0.37448087;
    constexpr double g22 = 5.7686396;
    constexpr double g32 = 0.95240898;
    constexpr double g44 = 1.8014998;
    constexpr double g52 = 1.0508330;
    constexpr double g54 = 4.4108898;
    constexpr double rptim = 4.37526908801129966e-3;
    constexpr double stepp = 720.0;
    constexpr double stepn = -720.0;
    constexpr double step2 = 259200.0;  // stepp^2 / 2
    const deep_terms& ds = rec.ds;

    // Lunar-solar secular rates (STR#3 DPSEC: e, i, omega, Omega, M plus rate * t).
    const double theta = std::fmod(ds.gsto + t * rptim, two_pi);
    em = em + ds.dedt * t;
    inclm = inclm + ds.didt * t;
    argpm = argpm + ds.domdt * t;
    nodem = nodem + ds.dnodt * t;
    mm = mm + ds.dmdt * t;
    if (ds.irez == 0) {
        return;
    }

    // Resonance: Euler-Maclaurin integration of lambda and n in 720-min steps from epoch (STR#3 DPSEC).
    // NOTE: always from epoch, so a result depends on t only (V06 restarts likewise when t changes sign
    // or shrinks; restarting every call gives the same arithmetic as its continuation).
    double atime = 0.0;
    double xni = rec.no_unkozai;
    double xli = ds.xlamo;
    const double delt = t > 0.0 ? stepp : stepn;
    double xndt = 0.0;
    double xldot = 0.0;
    double xnddt = 0.0;
    double ft = 0.0;
    for (;;) {
        if (ds.irez != 2) {
            // Synchronous resonance (STR#3 DPSEC: XNDOT, XNDDT with DEL1..DEL3).
            xndt = ds.del1 * std::sin(xli - fasx2) + ds.del2 * std::sin(2.0 * (xli - fasx4)) +
                   ds.del3 * std::sin(3.0 * (xli - fasx6));
            xldot = xni + ds.xfact;
            xnddt = ds.del1 * std::cos(xli - fasx2) + 2.0 * ds.del2 * std::cos(2.0 * (xli - fasx4)) +
                    3.0 * ds.del3 * std::cos(3.0 * (xli - fasx6));
            xnddt = xnddt * xldot;
        } else {
            // Half-day resonance (STR#3 DPSEC: D2201..D5433 terms).
            const double xomi = rec.argpo + rec.argpdot * atime;
            const double x2omi = xomi + xomi;
            const double x2li = xli + xli;
            xndt = ds.d2201 * std::sin(x2omi + xli - g22) + ds.d2211 * std::sin(xli - g22) +
                   ds.d3210 * std::sin(xomi + xli - g32) + ds.d3222 * std::sin(-xomi + xli - g32) +
                   ds.d4410 * std::sin(x2omi + x2li - g44) + ds.d4422 * std::sin(x2li - g44) +
                   ds.d5220 * std::sin(xomi + xli - g52) + ds.d5232 * std::sin(-xomi + xli - g52) +
                   ds.d5421 * std::sin(xomi + x2li - g54) + ds.d5433 * std::sin(-xomi + x2li - g54);
            xldot = xni + ds.xfact;
            xnddt = ds.d2201 * std::cos(x2omi + xli - g22) + ds.d2211 * std::cos(xli - g22) +
                    ds.d3210 * std::cos(xomi + xli - g32) + ds.d3222 * std::cos(-xomi + xli - g32) +
                    ds.d5220 * std::cos(xomi + xli - g52) + ds.d5232 * std::cos(-xomi + xli - g52) +
                    2.0 * (ds.d4410 * std::cos(x2omi + x2li - g44) + ds.d4422 * std::cos(x2li - g44) +
                           ds.d5421 * std::cos(xomi + x2li - g54) + ds.d5433 * std::cos(-xomi + x2li - g54));
            xnddt = xnddt * xldot;
        }
        if (std::fabs(t - atime) < stepp) {
            ft = t - atime;
            break;
        }
        xli = xli + xldot * delt + xndt * step2;
        xni = xni + xndt * delt + xnddt * step2;
        atime = atime + delt;
    }
    nm = xni + xndt * ft + xnddt * ft * ft * 0.5;
    const double xl = xli + xldot * ft + xndt * ft * ft * 0.5;
    if (ds.irez != 1) {
        mm = xl - 2.0 * nodem + 2.0 * theta;
    } else {
        mm = xl - nodem - argpm + theta;
    }
    const double dndt = nm - rec.no_unkozai;  // V06 carries the rate and adds it back
    nm = rec.no_unkozai + dndt;
}

sgp4_status propagate_deep(const sat_record& rec, double t, double* r, double* v) noexcept {
    return propagate_record<true>(rec, t, r, v);
}

}  // namespace kardashev::orbit::detail
