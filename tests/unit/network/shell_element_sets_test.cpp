// shell_element_sets (src/network/nodes.cpp) against the TLE text Hypatia writes, read back with parse_tle: the
// element sets must be the text's to the bit, since validation against Hypatia's series depends on its rounding.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/network/nodes.hpp"
#include "kardashev/orbit/tle.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::network;

constexpr double deg = constants::pi / 180.0;

/// The reference: each satellite's TLE text as satgenpy's generate_tles_from_scratch.py writes it, parsed back.
std::vector<orbit::element_set> sets_from_text(const shell_design& shell, epoch epoch_time) {
    const utc_fields u = epoch_time.to_utc();
    const split_jd jd = epoch_time.jd_utc();
    const split_jd jan1 = epoch::from_utc({u.year, 1, 1, 0, 0, 0, 0}).jd_utc();
    const double doy = 1.0 + (jd.day - jan1.day) + (jd.fraction - jan1.fraction);
    const std::string epoch_field = fmt::format("{:02d}{:012.8f}", u.year % 100, doy);
    std::vector<orbit::element_set> out;
    int n = 0;
    for (int i = 0; i < shell.planes; ++i) {
        const double raan_deg = i * 360.0 / shell.planes;
        const double shift_deg = i % 2 == 1 ? 360.0 / (shell.sats_per_plane * 2.0) : 0.0;
        for (int j = 0; j < shell.sats_per_plane; ++j) {
            const double m_deg = shift_deg + j * 360.0 / shell.sats_per_plane;
            ++n;
            std::string l1 = fmt::format("1 {:05d}U 00000ABC {}  .00000000  00000-0  00000+0 0    0", n, epoch_field);
            std::string l2 = fmt::format("2 {:05d} {:>8.4f} {:>8.4f} 0000001 {:>8.4f} {:>8.4f} {:>11.8f}    0", n,
                                         shell.inclination_rad / deg, raan_deg, 0.0, m_deg, shell.mean_motion_rev_per_day);
            l1 += std::to_string(orbit::tle_checksum(l1));
            l2 += std::to_string(orbit::tle_checksum(l2));
            orbit::element_set set = orbit::parse_tle(l1, l2, shell.name);
            set.name = fmt::format("{} {}", shell.name, n - 1);
            out.push_back(std::move(set));
        }
    }
    return out;
}

void expect_same_sets(const shell_design& shell, epoch epoch_time) {
    const std::vector<orbit::element_set> fast = shell_element_sets(shell, epoch_time);
    const std::vector<orbit::element_set> text = sets_from_text(shell, epoch_time);
    ASSERT_EQ(fast.size(), text.size()) << shell.name;
    for (std::size_t k = 0; k < fast.size(); ++k) {
        const orbit::element_set& a = fast[k];
        const orbit::element_set& b = text[k];
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.catalogue_number, b.catalogue_number) << a.name;
        EXPECT_EQ(a.epoch_time, b.epoch_time) << a.name;
        EXPECT_EQ(a.epoch_days_since_1949_12_31, b.epoch_days_since_1949_12_31) << a.name;
        EXPECT_EQ(a.inclination_rad, b.inclination_rad) << a.name;
        EXPECT_EQ(a.raan_rad, b.raan_rad) << a.name;
        EXPECT_EQ(a.mean_anomaly_rad, b.mean_anomaly_rad) << a.name;
        EXPECT_EQ(a.mean_motion_rad_per_min, b.mean_motion_rad_per_min) << a.name;
        EXPECT_EQ(a, b) << a.name << ": every other field";
    }
}

TEST(shell_element_sets, are_hypatias_tle_text_read_back_to_the_bit_for_the_three_presets) {
    for (const char* name : {"starlink-s1", "kuiper-k1", "telesat-t1"}) expect_same_sets(*shell_preset(name), hypatia_epoch());
}

TEST(shell_element_sets, are_the_tle_text_read_back_at_another_epoch_and_an_odd_shell) {
    shell_design odd;
    odd.name = "odd";
    odd.planes = 7;
    odd.sats_per_plane = 9;
    odd.inclination_rad = 97.6321 * deg;
    odd.mean_motion_rev_per_day = 14.912345678;
    expect_same_sets(odd, epoch::from_utc_iso("2026-03-01T12:34:56.789Z"));
    expect_same_sets(*shell_preset("starlink-s1"), epoch::from_utc_iso("2031-12-31T23:59:59Z"));
}

}  // namespace
