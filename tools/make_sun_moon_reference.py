#!/usr/bin/python3
"""Reference geocentric Sun and Moon positions for validation O4 (tests/validation/orbit/o4_*).

Run with Debian's interpreter: /usr/bin/python3 tools/make_sun_moon_reference.py > tests/data/orbit/sun_moon_erfa.csv

Frame: geometric geocentric positions (no light-time, no aberration, no deflection) referred to
the TRUE equator and equinox of date (TOD).
  Sun:  -(heliocentric Earth position) from erfa.epv00 (BCRS/ICRS axes), a VSOP2000-fit series
        (vs DE405 over 1900-2100: 3.7 km RMS, 11.2 km max).
  Moon: erfa.moon98 (GCRS), Meeus's ELP-2000/82 truncation (vs ELP/MPP02 1950-2100: 2.9" RMS).
  Both rotated GCRS -> TOD with erfa.pnm06a (IAU 2006 precession + IAU 2000A nutation + frame bias).
Epochs: 400 instants, whole TT seconds since J2000.0 (= TAI ns since J2000.0 / 1e9 in kardashev's
epoch), spread over 2000-01-01 .. 2050-12-31 with a fixed pseudo-random offset (seed 20260101).
"""
import random
import sys

import numpy as np
import erfa

AU_M = 149597870700.0
J2000 = 2451545.0


def main():
    rng = random.Random(20260101)
    start_s = -0.5 * 86400.0                   # 2000-01-01T00:00 TT
    span_s = 51.0 * 365.25 * 86400.0           # to 2050-12-31
    n = 400
    out = sys.stdout
    out.write("# generator: tools/make_sun_moon_reference.py; pyerfa %s (ERFA %s), numpy %s\n"
              % (erfa.__version__, erfa.version.erfa_version, np.__version__))
    out.write("# frame: geometric geocentric, true equator and equinox of date (erfa.pnm06a); metres\n")
    out.write("tt_s_since_j2000,sun_x_m,sun_y_m,sun_z_m,moon_x_m,moon_y_m,moon_z_m\n")
    for k in range(n):
        t_s = int(start_s + (k + rng.random()) * span_s / n)
        d1, d2 = J2000, t_s / 86400.0
        pvh, _pvb = erfa.epv00(d1, d2)
        sun_gcrs = -np.asarray(pvh[0]) * AU_M
        moon_gcrs = np.asarray(erfa.moon98(d1, d2)[0]) * AU_M
        rbpn = erfa.pnm06a(d1, d2)
        sun = rbpn @ sun_gcrs
        moon = rbpn @ moon_gcrs
        out.write("%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f\n" % (t_s, *sun, *moon))


if __name__ == "__main__":
    main()
