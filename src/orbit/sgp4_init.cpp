// SGP4/SDP4 initialisation: STR#3 sec. 6 (SGP4 initialisation), sec. 10 (DEEP: DPINIT), V06 sgp4init,
// initl, dscom and dsinit. Symbols follow the report (and V06's lower-case spellings of them).

#include <cmath>

#include "sgp4_kernel.hpp"

namespace kardashev::orbit::detail {

double gmst_1982_rad(double jd_ut1) {
    // IAU 1982 GMST (V06 gstime; Vallado, Fundamentals, eq. 3-45): seconds of time, then radians.
    constexpr double deg2rad = sgp4_pi / 180.0;
    const double tut1 = (jd_ut1 - 2451545.0) / 36525.0;
    double temp = -6.2e-6 * tut1 * tut1 * tut1 + 0.093104 * tut1 * tut1 +
                  (876600.0 * 3600 + 8640184.812866) * tut1 + 67310.54841;
    temp = std::fmod(temp * deg2rad / 240.0, two_pi);  // 360 deg / 86400 s = 1/240 deg per second of time
    if (temp < 0.0) {
        temp += two_pi;
    }
    return temp;
}

namespace {

/// Lunar-solar geometry at epoch (STR#3 DPINIT; V06 dscom): the outputs dsinit needs besides deep_terms.
struct dscom_out {
    double snodm, cnodm, sinim, cosim, sinomm, cosomm, day, em, emsq, gam, rtemsq, nm;
    double s1, s2, s3, s4, s5, s6, s7, ss1, ss2, ss3, ss4, ss5, ss6, ss7;
    double sz1, sz2, sz3, sz11, sz12, sz13, sz21, sz22, sz23, sz31, sz32, sz33;
    double z1, z2, z3, z11, z12, z13, z21, z22, z23, z31, z32, z33;
};

void dscom(double epoch_days, double ep, double argpp, double tc, double inclp, double nodep, double np,
           dscom_out& o, deep_terms& ds) {
    // Solar and lunar constants (STR#3 sec. 10: ZES, ZEL, C1SS, C1L, ZSINIS, ZCOSIS, ZCOSGS, ZSINGS).
    constexpr double zes = 0.01675;
    constexpr double zel = 0.05490;
    constexpr double c1ss = 2.9864797e-6;
    constexpr double c1l = 4.7968065e-7;
    constexpr double zsinis = 0.39785416;
    constexpr double zcosis = 0.91744867;
    constexpr double zcosgs = 0.1945905;
    constexpr double zsings = -0.98088458;

    o.nm = np;
    o.em = ep;
    o.snodm = std::sin(nodep);
    o.cnodm = std::cos(nodep);
    o.sinomm = std::sin(argpp);
    o.cosomm = std::cos(argpp);
    o.sinim = std::sin(inclp);
    o.cosim = std::cos(inclp);
    o.emsq = o.em * o.em;
    const double betasq = 1.0 - o.emsq;
    o.rtemsq = std::sqrt(betasq);

    // Lunar orbit at epoch (STR#3 DPINIT: DAY, XNODCE, ZCOSIL, ZSINIL, ZSINHL, ZCOSHL, GAM, ZX).
    o.day = epoch_days + 18261.5 + tc / 1440.0;  // days since 1900 Jan 0.5
    const double xnodce = std::fmod(4.5236020 - 9.2422029e-4 * o.day, two_pi);
    const double stem = std::sin(xnodce);
    const double ctem = std::cos(xnodce);
    const double zcosil = 0.91375164 - 0.03568096 * ctem;
    const double zsinil = std::sqrt(1.0 - zcosil * zcosil);
    const double zsinhl = 0.089683511 * stem / zsinil;
    const double zcoshl = std::sqrt(1.0 - zsinhl * zsinhl);
    o.gam = 5.8351514 + 0.0019443680 * o.day;
    double zx = 0.39785416 * stem / zsinil;
    const double zy = zcoshl * ctem + 0.91744867 * zsinhl * stem;
    zx = std::atan2(zx, zy);
    zx = o.gam + zx - xnodce;
    const double zcosgl = std::cos(zx);
    const double zsingl = std::sin(zx);

    // Solar pass first, then lunar (STR#3 DPINIT loop over the two bodies: A1..A10, X1..X8, Z1..Z33).
    double zcosg = zcosgs;
    double zsing = zsings;
    double zcosi = zcosis;
    double zsini = zsinis;
    double zcosh = o.cnodm;
    double zsinh = o.snodm;
    double cc = c1ss;
    const double xnoi = 1.0 / o.nm;
    for (int body = 1; body <= 2; ++body) {
        const double a1 = zcosg * zcosh + zsing * zcosi * zsinh;
        const double a3 = -zsing * zcosh + zcosg * zcosi * zsinh;
        const double a7 = -zcosg * zsinh + zsing * zcosi * zcosh;
        const double a8 = zsing * zsini;
        const double a9 = zsing * zsinh + zcosg * zcosi * zcosh;
        const double a10 = zcosg * zsini;
        const double a2 = o.cosim * a7 + o.sinim * a8;
        const double a4 = o.cosim * a9 + o.sinim * a10;
        const double a5 = -o.sinim * a7 + o.cosim * a8;
        const double a6 = -o.sinim * a9 + o.cosim * a10;

        const double x1 = a1 * o.cosomm + a2 * o.sinomm;
        const double x2 = a3 * o.cosomm + a4 * o.sinomm;
        const double x3 = -a1 * o.sinomm + a2 * o.cosomm;
        const double x4 = -a3 * o.sinomm + a4 * o.cosomm;
        const double x5 = a5 * o.sinomm;
        const double x6 = a6 * o.sinomm;
        const double x7 = a5 * o.cosomm;
        const double x8 = a6 * o.cosomm;

        o.z31 = 12.0 * x1 * x1 - 3.0 * x3 * x3;
        o.z32 = 24.0 * x1 * x2 - 6.0 * x3 * x4;
        o.z33 = 12.0 * x2 * x2 - 3.0 * x4 * x4;
        o.z1 = 3.0 * (a1 * a1 + a2 * a2) + o.z31 * o.emsq;
        o.z2 = 6.0 * (a1 * a3 + a2 * a4) + o.z32 * o.emsq;
        o.z3 = 3.0 * (a3 * a3 + a4 * a4) + o.z33 * o.emsq;
        o.z11 = -6.0 * a1 * a5 + o.emsq * (-24.0 * x1 * x7 - 6.0 * x3 * x5);
        o.z12 = -6.0 * (a1 * a6 + a3 * a5) + o.emsq * (-24.0 * (x2 * x7 + x1 * x8) - 6.0 * (x3 * x6 + x4 * x5));
        o.z13 = -6.0 * a3 * a6 + o.emsq * (-24.0 * x2 * x8 - 6.0 * x4 * x6);
        o.z21 = 6.0 * a2 * a5 + o.emsq * (24.0 * x1 * x5 - 6.0 * x3 * x7);
        o.z22 = 6.0 * (a4 * a5 + a2 * a6) + o.emsq * (24.0 * (x2 * x5 + x1 * x6) - 6.0 * (x4 * x7 + x3 * x8));
        o.z23 = 6.0 * a4 * a6 + o.emsq * (24.0 * x2 * x6 - 6.0 * x4 * x8);
        o.z1 = o.z1 + o.z1 + betasq * o.z31;
        o.z2 = o.z2 + o.z2 + betasq * o.z32;
        o.z3 = o.z3 + o.z3 + betasq * o.z33;
        o.s3 = cc * xnoi;
        o.s2 = -0.5 * o.s3 / o.rtemsq;
        o.s4 = o.s3 * o.rtemsq;
        o.s1 = -15.0 * o.em * o.s4;
        o.s5 = x1 * x3 + x2 * x4;
        o.s6 = x2 * x3 + x1 * x4;
        o.s7 = x2 * x4 - x1 * x3;

        if (body == 1) {
            o.ss1 = o.s1; o.ss2 = o.s2; o.ss3 = o.s3; o.ss4 = o.s4; o.ss5 = o.s5; o.ss6 = o.s6; o.ss7 = o.s7;
            o.sz1 = o.z1; o.sz2 = o.z2; o.sz3 = o.z3;
            o.sz11 = o.z11; o.sz12 = o.z12; o.sz13 = o.z13;
            o.sz21 = o.z21; o.sz22 = o.z22; o.sz23 = o.z23;
            o.sz31 = o.z31; o.sz32 = o.z32; o.sz33 = o.z33;
            zcosg = zcosgl;
            zsing = zsingl;
            zcosi = zcosil;
            zsini = zsinil;
            zcosh = zcoshl * o.cnodm + zsinhl * o.snodm;
            zsinh = o.snodm * zcoshl - o.cnodm * zsinhl;
            cc = c1l;
        }
    }

    ds.zmol = std::fmod(4.7199672 + 0.22997150 * o.day - o.gam, two_pi);
    ds.zmos = std::fmod(6.2565837 + 0.017201977 * o.day, two_pi);

    // Solar periodic coefficients (STR#3 DPINIT: SE2..SH3).
    ds.se2 = 2.0 * o.ss1 * o.ss6;
    ds.se3 = 2.0 * o.ss1 * o.ss7;
    ds.si2 = 2.0 * o.ss2 * o.sz12;
    ds.si3 = 2.0 * o.ss2 * (o.sz13 - o.sz11);
    ds.sl2 = -2.0 * o.ss3 * o.sz2;
    ds.sl3 = -2.0 * o.ss3 * (o.sz3 - o.sz1);
    ds.sl4 = -2.0 * o.ss3 * (-21.0 - 9.0 * o.emsq) * zes;
    ds.sgh2 = 2.0 * o.ss4 * o.sz32;
    ds.sgh3 = 2.0 * o.ss4 * (o.sz33 - o.sz31);
    ds.sgh4 = -18.0 * o.ss4 * zes;
    ds.sh2 = -2.0 * o.ss2 * o.sz22;
    ds.sh3 = -2.0 * o.ss2 * (o.sz23 - o.sz21);
    // Lunar periodic coefficients (STR#3 DPINIT: EE2..XH3).
    ds.ee2 = 2.0 * o.s1 * o.s6;
    ds.e3 = 2.0 * o.s1 * o.s7;
    ds.xi2 = 2.0 * o.s2 * o.z12;
    ds.xi3 = 2.0 * o.s2 * (o.z13 - o.z11);
    ds.xl2 = -2.0 * o.s3 * o.z2;
    ds.xl3 = -2.0 * o.s3 * (o.z3 - o.z1);
    ds.xl4 = -2.0 * o.s3 * (-21.0 - 9.0 * o.emsq) * zel;
    ds.xgh2 = 2.0 * o.s4 * o.z32;
    ds.xgh3 = 2.0 * o.s4 * (o.z33 - o.z31);
    ds.xgh4 = -18.0 * o.s4 * zel;
    ds.xh2 = -2.0 * o.s2 * o.z22;
    ds.xh3 = -2.0 * o.s2 * (o.z23 - o.z21);
}

void dsinit(sat_record& rec, const dscom_out& o, double eccsq, double xpidot) {
    // Resonance constants (STR#3 DPINIT: Q22, Q31, Q33, ROOTxx, THDT; V06 dsinit).
    constexpr double q22 = 1.7891679e-6;
    constexpr double q31 = 2.1460748e-6;
    constexpr double q33 = 2.2123015e-7;
    constexpr double root22 = 1.7891679e-6;
    constexpr double root44 = 7.3636953e-9;
    constexpr double root54 = 2.1765803e-9;
    constexpr double rptim = 4.37526908801129966e-3;  // Earth rotation [rad/min]
    constexpr double root32 = 3.7393792e-7;
    constexpr double root52 = 1.1428639e-7;
    constexpr double znl = 1.5835218e-4;
    constexpr double zns = 1.19459e-5;
    constexpr double x2o3 = 2.0 / 3.0;
    deep_terms& ds = rec.ds;
    const double nm = o.nm;
    double em = o.em;
    double emsq = o.emsq;
    const double sinim = o.sinim;
    const double cosim = o.cosim;
    const double inclm = rec.inclo;

    // Resonance class (STR#3 DPINIT: synchronous for 0.0034906585 < n < 0.0052359877 rad/min, half-day for
    // 8.26e-3 <= n <= 9.24e-3 rad/min with e >= 0.5).
    ds.irez = 0;
    if (nm < 0.0052359877 && nm > 0.0034906585) {
        ds.irez = 1;
    }
    if (nm >= 8.26e-3 && nm <= 9.24e-3 && em >= 0.5) {
        ds.irez = 2;
    }

    // Solar secular terms (STR#3 DPINIT: SSE, SSI, SSL, SSG, SSH).
    const double ses = o.ss1 * zns * o.ss5;
    const double sis = o.ss2 * zns * (o.sz11 + o.sz13);
    const double sls = -zns * o.ss3 * (o.sz1 + o.sz3 - 14.0 - 6.0 * emsq);
    const double sghs = o.ss4 * zns * (o.sz31 + o.sz33 - 6.0);
    double shs = -zns * o.ss2 * (o.sz21 + o.sz23);
    // V06: no node rate for inclinations within 3 deg of 0 or 180 deg.
    if (inclm < 5.2359877e-2 || inclm > sgp4_pi - 5.2359877e-2) {
        shs = 0.0;
    }
    if (sinim != 0.0) {
        shs = shs / sinim;
    }
    const double sgs = sghs - cosim * shs;

    // Lunar secular terms added to the solar ones (STR#3 DPINIT).
    ds.dedt = ses + o.s1 * znl * o.s5;
    ds.didt = sis + o.s2 * znl * (o.z11 + o.z13);
    ds.dmdt = sls - znl * o.s3 * (o.z1 + o.z3 - 14.0 - 6.0 * emsq);
    const double sghl = o.s4 * znl * (o.z31 + o.z33 - 6.0);
    double shll = -znl * o.s2 * (o.z21 + o.z23);
    if (inclm < 5.2359877e-2 || inclm > sgp4_pi - 5.2359877e-2) {
        shll = 0.0;
    }
    ds.domdt = sgs + sghl;
    ds.dnodt = shs;
    if (sinim != 0.0) {
        ds.domdt = ds.domdt - cosim / sinim * shll;
        ds.dnodt = ds.dnodt + shll / sinim;
    }

    // Resonance terms (STR#3 DPINIT, sections for "synchronous" and "geopotential resonance for 12 hour orbits").
    const double theta = std::fmod(ds.gsto, two_pi);  // at tc = 0
    if (ds.irez != 0) {
        const double aonv = std::pow(nm / rec.xke, x2o3);
        if (ds.irez == 2) {
            const double cosisq = cosim * cosim;
            const double emo = em;
            em = rec.ecco;
            const double emsqo = emsq;
            emsq = eccsq;
            const double eoc = em * emsq;
            const double g201 = -0.306 - (em - 0.64) * 0.440;
            double g211, g310, g322, g410, g422, g520, g521, g532, g533;
            if (em <= 0.65) {
                g211 = 3.616 - 13.2470 * em + 16.2900 * emsq;
                g310 = -19.302 + 117.3900 * em - 228.4190 * emsq + 156.5910 * eoc;
                g322 = -18.9068 + 109.7927 * em - 214.6334 * emsq + 146.5816 * eoc;
                g410 = -41.122 + 242.6940 * em - 471.0940 * emsq + 313.9530 * eoc;
                g422 = -146.407 + 841.8800 * em - 1629.014 * emsq + 1083.4350 * eoc;
                g520 = -532.114 + 3017.977 * em - 5740.032 * emsq + 3708.2760 * eoc;
            } else {
                g211 = -72.099 + 331.819 * em - 508.738 * emsq + 266.724 * eoc;
                g310 = -346.844 + 1582.851 * em - 2415.925 * emsq + 1246.113 * eoc;
                g322 = -342.585 + 1554.908 * em - 2366.899 * emsq + 1215.972 * eoc;
                g410 = -1052.797 + 4758.686 * em - 7193.992 * emsq + 3651.957 * eoc;
                g422 = -3581.690 + 16178.110 * em - 24462.770 * emsq + 12422.520 * eoc;
                if (em > 0.715) {
                    g520 = -5149.66 + 29936.92 * em - 54087.36 * emsq + 31324.56 * eoc;
                } else {
                    g520 = 1464.74 - 4664.75 * em + 3763.64 * emsq;
                }
            }
            if (em < 0.7) {
                g533 = -919.22770 + 4988.6100 * em - 9064.7700 * emsq + 5542.21 * eoc;
                g521 = -822.71072 + 4568.6173 * em - 8491.4146 * emsq + 5337.524 * eoc;
                g532 = -853.66600 + 4690.2500 * em - 8624.7700 * emsq + 5341.4 * eoc;
            } else {
                g533 = -37995.780 + 161616.52 * em - 229838.20 * emsq + 109377.94 * eoc;
                g521 = -51752.104 + 218913.95 * em - 309468.16 * emsq + 146349.42 * eoc;
                g532 = -40023.880 + 170470.89 * em - 242699.48 * emsq + 115605.82 * eoc;
            }
            const double sini2 = sinim * sinim;
            const double f220 = 0.75 * (1.0 + 2.0 * cosim + cosisq);
            const double f221 = 1.5 * sini2;
            const double f321 = 1.875 * sinim * (1.0 - 2.0 * cosim - 3.0 * cosisq);
            const double f322 = -1.875 * sinim * (1.0 + 2.0 * cosim - 3.0 * cosisq);
            const double f441 = 35.0 * sini2 * f220;
            const double f442 = 39.3750 * sini2 * sini2;
            const double f522 = 9.84375 * sinim *
                                (sini2 * (1.0 - 2.0 * cosim - 5.0 * cosisq) +
                                 0.33333333 * (-2.0 + 4.0 * cosim + 6.0 * cosisq));
            const double f523 = sinim * (4.92187512 * sini2 * (-2.0 - 4.0 * cosim + 10.0 * cosisq) +
                                         6.56250012 * (1.0 + 2.0 * cosim - 3.0 * cosisq));
            const double f542 = 29.53125 * sinim *
                                (2.0 - 8.0 * cosim + cosisq * (-12.0 + 8.0 * cosim + 10.0 * cosisq));
            const double f543 = 29.53125 * sinim *
                                (-2.0 - 8.0 * cosim + cosisq * (12.0 + 8.0 * cosim - 10.0 * cosisq));
            const double xno2 = nm * nm;
            const double ainv2 = aonv * aonv;
            double temp1 = 3.0 * xno2 * ainv2;
            double temp = temp1 * root22;
            ds.d2201 = temp * f220 * g201;
            ds.d2211 = temp * f221 * g211;
            temp1 = temp1 * aonv;
            temp = temp1 * root32;
            ds.d3210 = temp * f321 * g310;
            ds.d3222 = temp * f322 * g322;
            temp1 = temp1 * aonv;
            temp = 2.0 * temp1 * root44;
            ds.d4410 = temp * f441 * g410;
            ds.d4422 = temp * f442 * g422;
            temp1 = temp1 * aonv;
            temp = temp1 * root52;
            ds.d5220 = temp * f522 * g520;
            ds.d5232 = temp * f523 * g532;
            temp = 2.0 * temp1 * root54;
            ds.d5421 = temp * f542 * g521;
            ds.d5433 = temp * f543 * g533;
            ds.xlamo = std::fmod(rec.mo + rec.nodeo + rec.nodeo - theta - theta, two_pi);
            ds.xfact = rec.mdot + ds.dmdt + 2.0 * (rec.nodedot + ds.dnodt - rptim) - rec.no_unkozai;
            em = emo;
            emsq = emsqo;
        }
        if (ds.irez == 1) {
            const double g200 = 1.0 + emsq * (-2.5 + 0.8125 * emsq);
            const double g310 = 1.0 + 2.0 * emsq;
            const double g300 = 1.0 + emsq * (-6.0 + 6.60937 * emsq);
            const double f220 = 0.75 * (1.0 + cosim) * (1.0 + cosim);
            const double f311 = 0.9375 * sinim * sinim * (1.0 + 3.0 * cosim) - 0.75 * (1.0 + cosim);
            double f330 = 1.0 + cosim;
            f330 = 1.875 * f330 * f330 * f330;
            double del1 = 3.0 * nm * nm * aonv * aonv;
            ds.del2 = 2.0 * del1 * f220 * g200 * q22;
            ds.del3 = 3.0 * del1 * f330 * g300 * q33 * aonv;
            del1 = del1 * f311 * g310 * q31 * aonv;
            ds.del1 = del1;
            ds.xlamo = std::fmod(rec.mo + rec.nodeo + rec.argpo - theta, two_pi);
            ds.xfact = rec.mdot + xpidot - rptim + ds.dmdt + ds.domdt + ds.dnodt - rec.no_unkozai;
        }
    }
}

}  // namespace

sgp4_status init_record(sat_record& rec, const element_set& set, sgp4_mode mode) {
    rec = sat_record{};
    rec.mode = mode;
    rec.xke = sgp4_xke();
    const double ke = rec.xke;
    const double j2 = wgs72_j2;
    const double j4 = wgs72_j4;
    const double j3oj2 = wgs72_j3 / wgs72_j2;
    constexpr double x2o3 = 2.0 / 3.0;
    constexpr double re = wgs72_radius_km;

    rec.bstar = set.bstar_per_earth_radii;
    rec.ecco = set.eccentricity;
    rec.argpo = set.arg_perigee_rad;
    rec.inclo = set.inclination_rad;
    rec.mo = set.mean_anomaly_rad;
    rec.nodeo = set.raan_rad;
    const double no_kozai = set.mean_motion_rad_per_min;

    // Atmosphere boundaries (STR#3 sec. 6: s = 78 km, q0 = 120 km, (q0 - s)^4 in earth radii).
    const double ss = 78.0 / re + 1.0;
    const double qzms2ttemp = (120.0 - 78.0) / re;
    const double qzms2t = qzms2ttemp * qzms2ttemp * qzms2ttemp * qzms2ttemp;

    // Un-Kozai the mean motion (STR#3 sec. 6: a1, delta1, a0, delta0, n0''; V06 initl).
    const double eccsq = rec.ecco * rec.ecco;
    const double omeosq = 1.0 - eccsq;
    const double rteosq = std::sqrt(omeosq);
    const double cosio = std::cos(rec.inclo);
    const double cosio2 = cosio * cosio;
    const double ak = std::pow(ke / no_kozai, x2o3);
    const double d1 = 0.75 * j2 * (3.0 * cosio2 - 1.0) / (rteosq * omeosq);
    double del = d1 / (ak * ak);
    const double adel = ak * (1.0 - del * del - del * (1.0 / 3.0 + 134.0 * del * del / 81.0));
    del = d1 / (adel * adel);
    rec.no_unkozai = no_kozai / (1.0 + del);
    const double ao = std::pow(ke / rec.no_unkozai, x2o3);  // a0'' (STR#3)
    const double sinio = std::sin(rec.inclo);
    rec.ao = ao;
    rec.sinio = sinio;
    rec.cosio = cosio;
    const double po = ao * omeosq;
    const double con42 = 1.0 - 5.0 * cosio2;
    rec.con41 = -con42 - cosio2 - cosio2;
    const double posq = po * po;
    const double rp = ao * (1.0 - rec.ecco);
    // NOTE: V06 computes gsto from gstime in both modes (its AFSPC formula is overwritten), so one path here.
    rec.ds.gsto = gmst_1982_rad(set.epoch_days_since_1949_12_31 + 2433281.5);

    if (omeosq >= 0.0 || rec.no_unkozai >= 0.0) {
        rec.isimp = rp < (220.0 / re + 1.0);  // perigee below 220 km (STR#3 sec. 6)
        double sfour = ss;
        double qzms24 = qzms2t;
        const double perige = (rp - 1.0) * re;
        // Perigee below 156 km: s* = perigee - 78 km, at least 20 km (STR#3 sec. 6).
        if (perige < 156.0) {
            sfour = perige - 78.0;
            if (perige < 98.0) {
                sfour = 20.0;
            }
            const double qzms24temp = (120.0 - sfour) / re;
            qzms24 = qzms24temp * qzms24temp * qzms24temp * qzms24temp;
            sfour = sfour / re + 1.0;
        }
        const double pinvsq = 1.0 / posq;
        const double tsi = 1.0 / (ao - sfour);  // xi (STR#3)
        rec.eta = ao * rec.ecco * tsi;
        const double etasq = rec.eta * rec.eta;
        const double eeta = rec.ecco * rec.eta;
        const double psisq = std::fabs(1.0 - etasq);
        const double coef = qzms24 * tsi * tsi * tsi * tsi;  // (q0 - s)^4 xi^4
        const double coef1 = coef / std::pow(psisq, 3.5);
        // C2, C1, C3, C4, C5 (STR#3 sec. 6).
        const double cc2 = coef1 * rec.no_unkozai *
                           (ao * (1.0 + 1.5 * etasq + eeta * (4.0 + etasq)) +
                            0.375 * j2 * tsi / psisq * rec.con41 * (8.0 + 3.0 * etasq * (8.0 + etasq)));
        rec.cc1 = rec.bstar * cc2;
        double cc3 = 0.0;
        if (rec.ecco > 1.0e-4) {
            cc3 = -2.0 * coef * tsi * j3oj2 * rec.no_unkozai * sinio / rec.ecco;
        }
        rec.x1mth2 = 1.0 - cosio2;
        rec.cc4 = 2.0 * rec.no_unkozai * coef1 * ao * omeosq *
                  (rec.eta * (2.0 + 0.5 * etasq) + rec.ecco * (0.5 + 2.0 * etasq) -
                   j2 * tsi / (ao * psisq) *
                       (-3.0 * rec.con41 * (1.0 - 2.0 * eeta + etasq * (1.5 - 0.5 * eeta)) +
                        0.75 * rec.x1mth2 * (2.0 * etasq - eeta * (1.0 + etasq)) * std::cos(2.0 * rec.argpo)));
        rec.cc5 = 2.0 * coef1 * ao * omeosq * (1.0 + 2.75 * (etasq + eeta) + eeta * etasq);
        // Secular rates of M, omega, Omega (STR#3 sec. 6: MDOT, OMGDOT, XNODOT).
        const double cosio4 = cosio2 * cosio2;
        const double temp1 = 1.5 * j2 * pinvsq * rec.no_unkozai;
        const double temp2 = 0.5 * temp1 * j2 * pinvsq;
        const double temp3 = -0.46875 * j4 * pinvsq * pinvsq * rec.no_unkozai;
        rec.mdot = rec.no_unkozai + 0.5 * temp1 * rteosq * rec.con41 +
                   0.0625 * temp2 * rteosq * (13.0 - 78.0 * cosio2 + 137.0 * cosio4);
        rec.argpdot = -0.5 * temp1 * con42 + 0.0625 * temp2 * (7.0 - 114.0 * cosio2 + 395.0 * cosio4) +
                      temp3 * (3.0 - 36.0 * cosio2 + 49.0 * cosio4);
        const double xhdot1 = -temp1 * cosio;
        rec.nodedot = xhdot1 + (0.5 * temp2 * (4.0 - 19.0 * cosio2) + 2.0 * temp3 * (3.0 - 7.0 * cosio2)) * cosio;
        const double xpidot = rec.argpdot + rec.nodedot;
        rec.omgcof = rec.bstar * cc3 * std::cos(rec.argpo);
        rec.xmcof = 0.0;
        if (rec.ecco > 1.0e-4) {
            rec.xmcof = -x2o3 * coef * rec.bstar / eeta;
        }
        rec.nodecf = 3.5 * omeosq * xhdot1 * rec.cc1;
        rec.t2cof = 1.5 * rec.cc1;
        // Long-period coefficients (STR#3 sec. 6: XLCOF, AYCOF); V06 guards 1 + cos i near zero.
        if (std::fabs(cosio + 1.0) > 1.5e-12) {
            rec.xlcof = -0.25 * j3oj2 * sinio * (3.0 + 5.0 * cosio) / (1.0 + cosio);
        } else {
            rec.xlcof = -0.25 * j3oj2 * sinio * (3.0 + 5.0 * cosio) / 1.5e-12;
        }
        rec.aycof = -0.5 * j3oj2 * sinio;
        const double delmotemp = 1.0 + rec.eta * std::cos(rec.mo);
        rec.delmo = delmotemp * delmotemp * delmotemp;
        rec.sinmao = std::sin(rec.mo);
        rec.x7thm1 = 7.0 * cosio2 - 1.0;

        // Deep space: period >= 225 min (STR#3 sec. 10; V06 sgp4init).
        if (two_pi / rec.no_unkozai >= 225.0) {
            rec.deep = true;
            rec.isimp = true;
            dscom_out o{};
            dscom(set.epoch_days_since_1949_12_31, rec.ecco, rec.argpo, 0.0, rec.inclo, rec.nodeo, rec.no_unkozai,
                  o, rec.ds);
            dsinit(rec, o, eccsq, xpidot);
        }

        // Higher-order drag terms D2, D3, D4 and the t^3..t^5 coefficients (STR#3 sec. 6).
        if (!rec.isimp) {
            const double cc1sq = rec.cc1 * rec.cc1;
            rec.d2 = 4.0 * ao * tsi * cc1sq;
            const double temp = rec.d2 * tsi * rec.cc1 / 3.0;
            rec.d3 = (17.0 * ao + sfour) * temp;
            rec.d4 = 0.5 * temp * ao * tsi * (221.0 * ao + 31.0 * sfour) * rec.cc1;
            rec.t3cof = rec.d2 + 2.0 * cc1sq;
            rec.t4cof = 0.25 * (3.0 * rec.d3 + rec.cc1 * (12.0 * rec.d2 + 10.0 * cc1sq));
            rec.t5cof = 0.2 * (3.0 * rec.d4 + 12.0 * rec.cc1 * rec.d3 + 6.0 * rec.d2 * rec.d2 +
                               15.0 * cc1sq * (2.0 * rec.d2 + cc1sq));
        }
    }

    if (rec.deep) {
        double r[3];
        double v[3];
        rec.init_status = propagate_deep(rec, 0.0, r, v);
    } else {
        double t[near_lanes] = {};
        double x[near_lanes], y[near_lanes], z[near_lanes], vx[near_lanes], vy[near_lanes], vz[near_lanes];
        sgp4_status st[near_lanes];
        propagate_near_block(rec, t, x, y, z, vx, vy, vz, st);
        rec.init_status = st[0];
    }
    return rec.init_status;
}

}  // namespace kardashev::orbit::detail
