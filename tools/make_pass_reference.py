#!/usr/bin/python3
"""Reference passes for tests/validation/orbit/passes_skyfield_test.cpp, computed with Debian's python3-skyfield.

Run with Debian's interpreter: /usr/bin/python3 tools/make_pass_reference.py > tests/data/orbit/passes_skyfield.csv
Skyfield's EarthSatellite uses python3-sgp4 (WGS-72, improved mode) and rotates TEME to the ITRS with GMST-1982
and UT1 from its built-in IERS table; the UT1-UTC it used at each search start is written to the file so the
C++ side can apply the same value.
"""
import sys

from skyfield.api import EarthSatellite, load, wgs84

# Two satellites of Vallado's verification suite (AIAA 2006-6753): 00005 (Vanguard 1, e = 0.186) and
# 28057 (CBERS 2, sun-synchronous LEO), plus the ISS element set from the Skyfield documentation.
SATS = [
    ("1 25544U 98067A   14020.93268519  .00009878  00000-0  18200-3 0  5082",
     "2 25544  51.6498 109.4756 0003572  55.9686 274.8005 15.49815350868473"),
    ("1 28057U 03049A   06177.78615833  .00000060  00000-0  35940-4 0  1836",
     "2 28057  98.4283 247.6961 0000884  88.1964 271.9322 14.35478080140550"),
    ("1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753",
     "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667"),
]
# Sites: (name, latitude deg, longitude deg, height m).
SITES = [("memphis", 35.1495, -90.0490, 100.0), ("svalbard", 78.2298, 15.4078, 500.0),
         ("quito", -0.1807, -78.4678, 2850.0)]
MASK_DEG = 10.0
DAYS = 2.0

ts = load.timescale(builtin=True)


def altitude(sat, site, t0, dt_s):
    return (sat - site).at(ts.tt_jd(t0.tt, dt_s / 86400.0)).altaz()[0].degrees


def refine_crossing(sat, site, t0, lo, hi, rising):
    """Bisection of altitude - mask on [lo, hi] seconds after t0; returns the visible side."""
    while hi - lo > 1e-5:
        mid = 0.5 * (lo + hi)
        if (altitude(sat, site, t0, mid) >= MASK_DEG) == rising:
            hi = mid
        else:
            lo = mid
    return hi if rising else lo


def refine_max(sat, site, t0, lo, hi):
    g = (5 ** 0.5 - 1) / 2
    c, d = hi - g * (hi - lo), lo + g * (hi - lo)
    fc, fd = altitude(sat, site, t0, c), altitude(sat, site, t0, d)
    while hi - lo > 1e-4:
        if fc >= fd:
            hi, d, fd = d, c, fc
            c = hi - g * (hi - lo)
            fc = altitude(sat, site, t0, c)
        else:
            lo, c, fc = c, d, fd
            d = lo + g * (hi - lo)
            fd = altitude(sat, site, t0, d)
    return 0.5 * (lo + hi)
out = sys.stdout
out.write("# passes over 2 days from the first whole hour after each element epoch, mask 10 deg; skyfield "
          "EarthSatellite.find_events\n")
out.write("catalogue,site,lat_deg,lon_deg,height_m,start_utc,dut1_s,rise_utc,culmination_utc,set_utc,"
          "max_elevation_deg\n")
for l1, l2 in SATS:
    sat = EarthSatellite(l1, l2, ts=ts)
    ep = sat.epoch.utc
    t0 = ts.utc(ep.year, ep.month, ep.day, ep.hour + 1)
    t1 = ts.tt_jd(t0.tt + DAYS)
    dut1 = float(t0.dut1)
    for name, lat, lon, h in SITES:
        site = wgs84.latlon(lat, lon, elevation_m=h)
        times, events = sat.find_events(site, t0, t1, altitude_degrees=MASK_DEG)
        rows = []
        cur = {}
        for t, e in zip(times, events):
            if e == 0:
                cur = {"rise": t}
            elif e == 1 and "rise" in cur:
                cur["culm"] = t
            elif e == 2 and "culm" in cur:
                cur["set"] = t
                sec = {k: (v.tt - t0.tt) * 86400.0 for k, v in cur.items()}
                rise = refine_crossing(sat, site, t0, sec["rise"] - 30.0, sec["rise"] + 30.0, True)
                sett = refine_crossing(sat, site, t0, sec["set"] - 30.0, sec["set"] + 30.0, False)
                culm = refine_max(sat, site, t0, max(rise, sec["culm"] - 60.0), min(sett, sec["culm"] + 60.0))
                at = lambda s_: ts.tt_jd(t0.tt, s_ / 86400.0)
                rows.append((at(rise), at(culm), at(sett), altitude(sat, site, t0, culm)))
                cur = {}
        for rise, culm, sett, alt in rows:
            def fmt(t):
                u = t.utc
                return "%04d-%02d-%02dT%02d:%02d:%09.6fZ" % (u.year, u.month, u.day, u.hour, u.minute, u.second)
            out.write("%d,%s,%.4f,%.4f,%.1f,%s,%.6f,%s,%s,%s,%.6f\n" % (
                sat.model.satnum, name, lat, lon, h, t0.utc_strftime("%Y-%m-%dT%H:%M:%SZ"), dut1,
                fmt(rise), fmt(culm), fmt(sett), alt))
