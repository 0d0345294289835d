#!/usr/bin/python3
"""Reference states for the SGP4 agreement test (tests/validation/orbit/sgp4_agreement_test.cpp).

Run with Debian's interpreter (python3-sgp4 2.15):

    /usr/bin/python3 tools/make_sgp4_agreement.py tests/data/sgp4_agreement

Writes, into the folder given:
  catalogue.tle      3 000 synthetic two-line element sets with valid checksums (fixed seed 20260314)
  improved.csv       python-sgp4 states in improved mode ('i') for every element set
  afspc.csv          python-sgp4 states in AFSPC mode ('a') for the deep-space low-inclination
                     subset (the only branch where the modes differ) and every 25th other set

Each CSV row is `catalogue_number,tsince_min,x,y,z,vx,vy,vz,error`: TEME km (%.9f) and km/s (%.12f)
from sgp4.propagation.sgp4 (Vallado's 2020 code transcribed to Python) with WGS-72 constants, and
python-sgp4's error code (0..6). A failed propagation (codes 1..4) has NaN states, written `nan`.
Times: per satellite, 0, 14 400 (10 days) and 6 other points of the 720-min grid in between (a
pseudo-random choice), plus two pseudo-random odd times in [-1 440, 14 400] min with up to 6
decimals, so the deep-space resonance integrator also stops between its 720-min steps.
"""
import math
import os
import random
import sys

from sgp4.earth_gravity import wgs72
from sgp4.io import twoline2rv
from sgp4.model import Satrec
from sgp4.propagation import sgp4

SEED = 20260314


def checksum(line):
    total = 0
    for ch in line[:68]:
        if ch.isdigit():
            total += int(ch)
        elif ch == '-':
            total += 1
    return total % 10


def implied_exponent(value):
    """TLE implied-decimal field ' 12345-3' (sign, 5 mantissa digits, exponent) for |value| < 1."""
    if value == 0.0:
        return ' 00000-0'
    sign = '-' if value < 0 else ' '
    a = abs(value)
    exp = math.floor(math.log10(a)) + 1  # a = 0.mmmmm * 10^exp
    mant = round(a / 10.0 ** exp * 1e5)
    if mant >= 100000:
        mant //= 10
        exp += 1
    esign = '-' if exp < 0 else '+'
    return '%s%05d%s%d' % (sign, mant, esign, abs(exp))


def ndot_field(value):
    """Columns 34-43: ' .00001234' or '-.00001234' (rev/day^2 / 2)."""
    s = '%.8f' % abs(value)  # '0.00001234'
    return ('-' if value < 0 else ' ') + s[1:]


def tle_lines(satnum, year, doy, ndot, bstar, incl, raan, ecc, argp, ma, n_revday, revnum, elnum):
    yy = year % 100
    intl = '%02d%03dA' % (yy, 1 + satnum % 300)
    l1 = '1 %05dU %-8s %02d%012.8f %s  00000-0 %s 0 %4d' % (
        satnum, intl, yy, doy, ndot_field(ndot), implied_exponent(bstar), elnum)
    l2 = '2 %05d %8.4f %8.4f %07d %8.4f %8.4f %11.8f%5d' % (
        satnum, incl, raan, round(ecc * 1e7), argp, ma, n_revday, revnum)
    assert len(l1) == 68 and len(l2) == 68, (l1, l2)
    return l1 + str(checksum(l1)), l2 + str(checksum(l2))


def families(rng):
    """(family, count, element generator) per orbit family; angles in degrees, n in rev/day."""
    def common():
        return dict(raan=rng.uniform(0, 360), argp=rng.uniform(0, 360), ma=rng.uniform(0, 360))

    def bstar(lo, hi, neg=0.1, zero=0.05):
        u = rng.random()
        if u < zero:
            return 0.0
        v = 10.0 ** rng.uniform(math.log10(lo), math.log10(hi))
        return -v if u < zero + neg else v

    def leo():
        i = rng.choice([rng.uniform(0, 110), rng.uniform(96.5, 99.5), 51.64, 53.0, 97.6,
                        rng.uniform(0, 5), rng.uniform(60, 90), 0.0])
        e = rng.choice([0.0, rng.uniform(0, 0.002), rng.uniform(0, 0.02), rng.uniform(0.02, 0.1)])
        n = rng.uniform(12.5, 16.0)
        return dict(common(), incl=i, ecc=e, n=n, bstar=bstar(1e-6, 1e-3))

    def leo_eccentric():  # near-Earth (period < 225 min) with large e
        return dict(common(), incl=rng.uniform(0, 110), ecc=rng.uniform(0.1, 0.55),
                    n=rng.uniform(6.5, 11.0), bstar=bstar(1e-6, 1e-3))

    def near_decay():  # low perigee, high drag: s* branches (< 156 km, < 98 km), isimp (< 220 km), decay
        kind = rng.random()
        if kind < 0.5:
            n, e = rng.uniform(15.9, 16.45), rng.uniform(0, 0.004)
        else:
            n, e = rng.uniform(13.5, 15.8), rng.uniform(0.01, 0.08)
        return dict(common(), incl=rng.uniform(0, 100), ecc=e, n=n, bstar=bstar(2e-4, 5e-2, neg=0.02, zero=0.0))

    def meo():  # GPS, GLONASS, Galileo-like
        n = rng.choice([2.00563, rng.uniform(1.7, 2.15), rng.uniform(2.0, 2.012)])
        return dict(common(), incl=rng.uniform(50, 66), ecc=rng.uniform(0, 0.02), n=n, bstar=bstar(1e-7, 1e-4))

    def geo():  # 24-h resonance
        return dict(common(), incl=rng.choice([rng.uniform(0, 3), rng.uniform(0, 15)]),
                    ecc=rng.uniform(0, 0.001), n=rng.uniform(0.99, 1.01), bstar=bstar(1e-7, 1e-4))

    def molniya():  # 12-h resonance (e >= 0.5)
        return dict(common(), incl=rng.uniform(62.0, 65.0), ecc=rng.uniform(0.6, 0.75),
                    n=rng.uniform(2.0, 2.012), bstar=bstar(1e-6, 1e-3))

    def deep_low_incl():  # GTO-like and near-GEO below 3 deg: the Lyddane branch (i < 0.2 rad)
        if rng.random() < 0.5:
            return dict(common(), incl=rng.choice([rng.uniform(0, 3), rng.uniform(0, 11.4), rng.uniform(3, 28)]),
                        ecc=rng.uniform(0.55, 0.75), n=rng.uniform(2.1, 2.4), bstar=bstar(1e-5, 1e-3))
        return dict(common(), incl=rng.uniform(0, 3), ecc=rng.uniform(0, 0.01),
                    n=rng.choice([rng.uniform(0.98, 1.02), rng.uniform(1.02, 1.5)]), bstar=bstar(1e-7, 1e-4))

    def deep_other():  # HEO, 225 min .. 24 h periods, and retrograde deep space (1 + cos i guard region)
        if rng.random() < 0.25:
            return dict(common(), incl=rng.uniform(170, 180), ecc=rng.uniform(0, 0.6),
                        n=rng.uniform(1.0, 6.0), bstar=bstar(1e-6, 1e-4))
        return dict(common(), incl=rng.uniform(0, 180), ecc=rng.uniform(0, 0.8),
                    n=rng.uniform(0.8, 6.3), bstar=bstar(1e-6, 1e-3))

    return [('leo', 1000, leo), ('leo_eccentric', 150, leo_eccentric), ('near_decay', 350, near_decay),
            ('meo', 300, meo), ('geo', 300, geo), ('molniya', 250, molniya),
            ('deep_low_incl', 400, deep_low_incl), ('deep_other', 250, deep_other)]


def times_for(rng):
    grid = [720.0 * k for k in range(1, 20)]
    ts = [0.0] + sorted(rng.sample(grid, 6)) + [14400.0]
    for _ in range(2):
        ts.append(float('%.6f' % rng.uniform(-1440.0, 14400.0)))
    return ts


def fmt(x, digits):
    return 'nan' if math.isnan(x) else '%.*f' % (digits, x)


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else 'tests/data/sgp4_agreement'
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(SEED)
    sats = []  # (satnum, family, l1, l2, times)
    satnum = 10000
    for family, count, gen in families(rng):
        for _ in range(count):
            el = gen()
            year = rng.choice([rng.randint(2000, 2030), rng.randint(1980, 1999)])
            doy = float('%.8f' % rng.uniform(1.0, 365.99999999))
            ndot = rng.uniform(-1e-4, 1e-3) if family in ('leo', 'near_decay') else 0.0
            l1, l2 = tle_lines(satnum, year, doy, ndot, el['bstar'], el['incl'], el['raan'], el['ecc'],
                               el['argp'], el['ma'], el['n'], rng.randint(0, 99999), rng.randint(1, 999))
            sats.append((satnum, family, l1, l2, times_for(rng)))
            satnum += 1

    with open(os.path.join(outdir, 'catalogue.tle'), 'w') as f:
        for satnum, family, l1, l2, _ in sats:
            f.write('%s %d\n%s\n%s\n' % (family, satnum, l1, l2))

    header = 'catalogue_number,tsince_min,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s,error\n'
    for mode, name in (('i', 'improved.csv'), ('a', 'afspc.csv')):
        with open(os.path.join(outdir, name), 'w') as f:
            f.write(header)
            for k, (satnum, family, l1, l2, times) in enumerate(sats):
                if mode == 'a' and not (family == 'deep_low_incl' or k % 25 == 0):
                    continue
                sat = Satrec()
                twoline2rv(l1, l2, wgs72, mode, sat)
                for t in times:
                    r, v = sgp4(sat, t)
                    f.write('%d,%s,%s,%s,%s,%s,%s,%s,%d\n' % (
                        satnum, ('%.6f' % t).rstrip('0').rstrip('.'),
                        fmt(r[0], 9), fmt(r[1], 9), fmt(r[2], 9),
                        fmt(v[0], 12), fmt(v[1], 12), fmt(v[2], 12), sat.error))


if __name__ == '__main__':
    main()
