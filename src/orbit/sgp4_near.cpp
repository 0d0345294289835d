// Near-Earth SGP4 block kernel: the equations of propagate_record<false> (STR#3 sec. 6) evaluated for
// near_lanes times at once in GCC vector values, branch-free except for Kepler's iteration count.

#include <cstring>
#include <limits>

#include "sgp4_kernel.hpp"
#include "sgp4_simd.hpp"

// NOTE: vecd values cross no call boundary (every helper is inlined), so GCC's note about the ABI of
// 64-byte vector arguments without AVX-512 does not apply.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace kardashev::orbit::detail {

static_assert(near_lanes == simd_lanes, "one block is one vecd");

// NOTE: compiled for AVX2 and for the baseline ISA, picked at load time; FMA is enabled in neither, so
// both give the same bits.
__attribute__((target_clones("avx2", "default")))
void propagate_near_block(const sat_record& s, const double* t_in, double* x, double* y, double* z, double* vx,
                          double* vy, double* vz, sgp4_status* status) noexcept {
    const double ke = s.xke;
    const double j2 = wgs72_j2;
    const vecd nan = splat(std::numeric_limits<double>::quiet_NaN());
    vecd t;
    std::memcpy(&t, t_in, sizeof t);

    // Secular gravity and drag (STR#3 sec. 6: XMDF, OMGADF, XNODDF, TEMPA, TEMPE, TEMPL).
    const vecd xmdf = s.mo + s.mdot * t;
    const vecd argpdf = s.argpo + s.argpdot * t;
    const vecd nodedf = s.nodeo + s.nodedot * t;
    vecd argpm = argpdf;
    vecd mm = xmdf;
    const vecd t2 = t * t;
    vecd nodem = nodedf + s.nodecf * t2;
    vecd tempa = 1.0 - s.cc1 * t;
    vecd tempe = s.bstar * s.cc4 * t;
    vecd templ = s.t2cof * t2;
    if (!s.isimp) {
        vecd sx, cx;
        simd_sincos(xmdf, sx, cx);
        const vecd delomg = s.omgcof * t;
        const vecd delmtemp = 1.0 + s.eta * cx;
        const vecd delm = s.xmcof * (delmtemp * delmtemp * delmtemp - s.delmo);
        const vecd temp = delomg + delm;
        mm = xmdf + temp;
        argpm = argpdf - temp;
        const vecd t3 = t2 * t;
        const vecd t4 = t3 * t;
        tempa = tempa - s.d2 * t2 - s.d3 * t3 - s.d4 * t4;
        vecd sm, cm;
        simd_sincos(mm, sm, cm);
        tempe = tempe + s.bstar * s.cc5 * (sm - s.sinmao);
        templ = templ + s.t3cof * t3 + t4 * (s.t4cof + t * s.t5cof);
    }
    const vecd am = s.ao * tempa * tempa;  // (XKE/n)^(2/3) TEMPA^2 with n = n0'' for near-Earth
    const vecd nm = ke / (am * simd_sqrt(am));
    vecd em = s.ecco - tempe;
    const vecm bad1 = (em >= 1.0) | (em < -0.001);  // V06 error 1
    em = em < 1.0e-6 ? splat(1.0e-6) : em;
    mm = mm + s.no_unkozai * templ;
    vecd xlm = mm + argpm + nodem;
    nodem = simd_mod_two_pi(nodem);
    argpm = simd_mod_two_pi(argpm);
    xlm = simd_mod_two_pi(xlm);
    mm = simd_mod_two_pi(xlm - argpm - nodem);

    // Long-period periodics (STR#3 sec. 6: AXN, AYNL, XLT).
    vecd sa, ca;
    simd_sincos(argpm, sa, ca);
    const vecd axnl = em * ca;
    vecd temp = 1.0 / (am * (1.0 - em * em));
    const vecd aynl = em * sa + temp * s.aycof;
    const vecd xl = mm + argpm + nodem + temp * s.xlcof * axnl;
    const vecd u = simd_mod_two_pi(xl - nodem);

    // Kepler's equation (STR#3 sec. 6; V06 step limit): a lane stops when its step is below 1e-12.
    vecd eo1 = u;
    vecd tem5 = splat(9999.9);
    vecd sineo1 = splat(0.0);
    vecd coseo1 = splat(0.0);
    for (int ktr = 1; ktr <= 10; ++ktr) {
        const vecm active = simd_abs(tem5) >= 1.0e-12;
        std::int64_t any = 0;
        for (int l = 0; l < near_lanes; ++l) {
            any |= active[l];
        }
        if (any == 0) {
            break;
        }
        vecd se, ce;
        simd_sincos(eo1, se, ce);
        vecd step = (u - aynl * ce + axnl * se - eo1) / (1.0 - ce * axnl - se * aynl);
        step = step >= 0.95 ? splat(0.95) : step;
        step = step <= -0.95 ? splat(-0.95) : step;
        sineo1 = active ? se : sineo1;
        coseo1 = active ? ce : coseo1;
        tem5 = active ? step : tem5;
        eo1 = active ? eo1 + step : eo1;
    }

    // Short-period preliminaries and periodics (STR#3 sec. 6).
    const vecd ecose = axnl * coseo1 + aynl * sineo1;
    const vecd esine = axnl * sineo1 - aynl * coseo1;
    const vecd el2 = axnl * axnl + aynl * aynl;
    const vecd pl = am * (1.0 - el2);
    const vecm bad4 = pl < 0.0;  // V06 error 4
    const vecd rl = am * (1.0 - ecose);
    const vecd rdotl = simd_sqrt(am) * esine / rl;
    const vecd rvdotl = simd_sqrt(pl) / rl;
    const vecd betal = simd_sqrt(1.0 - el2);
    temp = esine / (1.0 + betal);
    const vecd sinu = am / rl * (sineo1 - aynl - axnl * temp);
    const vecd cosu = am / rl * (coseo1 - axnl + aynl * temp);
    const vecd sin2u = (cosu + cosu) * sinu;
    const vecd cos2u = 1.0 - 2.0 * sinu * sinu;
    temp = 1.0 / pl;
    const vecd temp1 = 0.5 * j2 * temp;
    const vecd temp2 = temp1 * temp;
    const vecd mrt = rl * (1.0 - 1.5 * temp2 * betal * s.con41) + 0.5 * temp1 * s.x1mth2 * cos2u;
    // su = atan2(sinu, cosu) + dsu, evaluated as the unit vector (sinu, cosu) rotated by dsu.
    const vecd dsu = -0.25 * temp2 * s.x7thm1 * sin2u;
    const vecd norm = 1.0 / simd_sqrt(sinu * sinu + cosu * cosu);
    vecd sd, cd;
    // dsu is a short-period correction (~1e-3 rad): the polynomial alone gives simd_sincos's bits.
    if (simd_all_small_angles(dsu)) {
        simd_sincos_small(dsu, sd, cd);
    } else {
        simd_sincos(dsu, sd, cd);
    }
    const vecd sinsu = sinu * norm * cd + cosu * norm * sd;
    const vecd cossu = cosu * norm * cd - sinu * norm * sd;
    const vecd xnode = nodem + 1.5 * temp2 * s.cosio * sin2u;
    const vecd dinc = 1.5 * temp2 * s.cosio * s.sinio * cos2u;
    const vecd mvt = rdotl - nm * temp1 * s.x1mth2 * sin2u / ke;
    const vecd rvdot = rvdotl + nm * temp1 * (s.x1mth2 * cos2u + 1.5 * s.con41) / ke;

    // Orientation vectors, r = RK U, v = RDOTK U + RFDOTK V (STR#3 sec. 6).
    vecd snod, cnod, sini, cosi;
    simd_sincos(xnode, snod, cnod);
    if (simd_all_small_angles(dinc)) {
        // sin and cos of xinc = i0 + dinc by the angle-sum formulas from sin i0, cos i0 (within an ulp or two).
        vecd sdi, cdi;
        simd_sincos_small(dinc, sdi, cdi);
        sini = s.sinio * cdi + s.cosio * sdi;
        cosi = s.cosio * cdi - s.sinio * sdi;
    } else {
        simd_sincos(s.inclo + dinc, sini, cosi);
    }
    const vecd xmx = -snod * cosi;
    const vecd xmy = cnod * cosi;
    const vecd ux = xmx * sinsu + cnod * cossu;
    const vecd uy = xmy * sinsu + snod * cossu;
    const vecd uz = sini * sinsu;
    const vecd wx = xmx * cossu - cnod * sinsu;
    const vecd wy = xmy * cossu - snod * sinsu;
    const vecd wz = sini * cossu;
    const double vkmpersec = wgs72_radius_km * ke / 60.0;
    const vecm bad = bad1 | bad4;
    const vecd rx = bad ? nan : mrt * ux * wgs72_radius_km;
    const vecd ry = bad ? nan : mrt * uy * wgs72_radius_km;
    const vecd rz = bad ? nan : mrt * uz * wgs72_radius_km;
    const vecd vxo = bad ? nan : (mvt * ux + rvdot * wx) * vkmpersec;
    const vecd vyo = bad ? nan : (mvt * uy + rvdot * wy) * vkmpersec;
    const vecd vzo = bad ? nan : (mvt * uz + rvdot * wz) * vkmpersec;
    std::memcpy(x, &rx, sizeof rx);
    std::memcpy(y, &ry, sizeof ry);
    std::memcpy(z, &rz, sizeof rz);
    std::memcpy(vx, &vxo, sizeof vxo);
    std::memcpy(vy, &vyo, sizeof vyo);
    std::memcpy(vz, &vzo, sizeof vzo);
    const vecm decayed = mrt < 1.0;  // V06 error 6: position kept
    for (int l = 0; l < near_lanes; ++l) {
        status[l] = bad1[l] != 0   ? sgp4_status::mean_eccentricity_out_of_range
                    : bad4[l] != 0 ? sgp4_status::negative_semi_latus_rectum
                    : decayed[l] != 0 ? sgp4_status::decayed
                                      : sgp4_status::ok;
    }
}

}  // namespace kardashev::orbit::detail
