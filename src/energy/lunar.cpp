#include "kardashev/energy/lunar.hpp"

#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/require.hpp"

namespace kardashev::energy {

lunar_illumination lunar_equatorial_site(double latitude_rad) {
    const double deg = latitude_rad * 180.0 / constants::pi;
    if (!std::isfinite(deg) || std::fabs(deg) > 80.0) {
        throw domain_error(fmt::format(
            "lunar site: latitude {:g} deg is beyond the equatorial model (|latitude| <= 80 deg); "
            "describe a polar site by its illumination fraction and longest night",
            deg));
    }
    // NOTE: with the Moon's 1.54 deg obliquity the Sun is up half of each synodic month at any latitude
    // away from the poles; day and night are each half a synodic month (14.77 d).
    lunar_illumination s;
    s.sunlit_fraction = 0.5;
    s.longest_night_s = lunar_synodic_month_s / 2.0;
    s.lit_before_night_s = lunar_synodic_month_s / 2.0;
    return s;
}

lunar_illumination lunar_polar_ridge(double sunlit_fraction, double longest_night_s) {
    if (!(sunlit_fraction >= 0.86 - 1e-12 && sunlit_fraction <= 0.96 + 1e-12)) {
        throw domain_error(fmt::format(
            "lunar site: polar ridge illumination {:g} % is outside the published 86-96 % (Bussey 2010; Glaser 2014)",
            sunlit_fraction * 100.0));
    }
    require_positive("lunar site", "longest night [s]", longest_night_s);
    lunar_illumination s;
    s.sunlit_fraction = sunlit_fraction;
    s.longest_night_s = longest_night_s;
    // NOTE: assumes the longest night follows a lit spell in the site's mean lit:dark ratio.
    s.lit_before_night_s = longest_night_s * sunlit_fraction / (1.0 - sunlit_fraction);
    return s;
}

double lunar_night_storage_j(double load_w, const lunar_illumination& site, const battery& store) {
    return battery_capacity_j(load_w, site.longest_night_s, store);
}

}  // namespace kardashev::energy
