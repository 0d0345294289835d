// OMM element sets (CelesTrak JSON and CSV): the same elements as the TLE, and exact messages for bad records.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

#include "kardashev/core/error.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "kardashev/orbit/tle.hpp"
#include "support/error_message.hpp"

namespace {

using kardashev::input_error;
using kardashev::testing::error_message;
namespace orbit = kardashev::orbit;

// Vanguard 1 (00005) as a TLE and as the OMM CelesTrak would serve for it.
const std::string l1 = "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753";
const std::string l2 = "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667";
const std::string json = R"([{
  "OBJECT_NAME": "VANGUARD 1", "OBJECT_ID": "1958-002B", "EPOCH": "2000-06-27T18:50:19.733568",
  "MEAN_MOTION": 10.82419157, "ECCENTRICITY": 0.1859667, "INCLINATION": 34.2682, "RA_OF_ASC_NODE": 348.7242,
  "ARG_OF_PERICENTER": 331.7664, "MEAN_ANOMALY": 19.3264, "EPHEMERIS_TYPE": 0, "CLASSIFICATION_TYPE": "U",
  "NORAD_CAT_ID": 5, "ELEMENT_SET_NO": 475, "REV_AT_EPOCH": 41366, "BSTAR": 2.8098e-5,
  "MEAN_MOTION_DOT": 2.3e-7, "MEAN_MOTION_DDOT": 0
}])";
const std::string csv_header =
    "OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,"
    "MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,NORAD_CAT_ID,ELEMENT_SET_NO,REV_AT_EPOCH,BSTAR,"
    "MEAN_MOTION_DOT,MEAN_MOTION_DDOT\n";
const std::string csv_row =
    "VANGUARD 1,1958-002B,2000-06-27T18:50:19.733568,10.82419157,.1859667,34.2682,348.7242,331.7664,"
    "19.3264,0,U,5,475,41366,.28098E-4,.23E-6,0\n";

void expect_same_elements(const orbit::element_set& a, const orbit::element_set& b) {
    EXPECT_EQ(a.catalogue_number, b.catalogue_number);
    EXPECT_EQ(a.international_designator, b.international_designator);
    EXPECT_EQ(a.epoch_time, b.epoch_time);
    EXPECT_NEAR(a.epoch_days_since_1949_12_31, b.epoch_days_since_1949_12_31, 1e-11);
    EXPECT_DOUBLE_EQ(a.bstar_per_earth_radii, b.bstar_per_earth_radii);
    EXPECT_DOUBLE_EQ(a.mean_motion_dot_rad_per_min2, b.mean_motion_dot_rad_per_min2);
    EXPECT_EQ(a.inclination_rad, b.inclination_rad);
    EXPECT_EQ(a.raan_rad, b.raan_rad);
    EXPECT_EQ(a.eccentricity, b.eccentricity);
    EXPECT_EQ(a.arg_perigee_rad, b.arg_perigee_rad);
    EXPECT_EQ(a.mean_anomaly_rad, b.mean_anomaly_rad);
    EXPECT_EQ(a.mean_motion_rad_per_min, b.mean_motion_rad_per_min);
    EXPECT_EQ(a.element_set_number, b.element_set_number);
    EXPECT_EQ(a.revolution_number, b.revolution_number);
    // Same state to a micrometre a day out.
    const orbit::teme_state sa = orbit::sgp4_propagate(a, 1440.0);
    const orbit::teme_state sb = orbit::sgp4_propagate(b, 1440.0);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_NEAR(sa.r_teme_km[i], sb.r_teme_km[i], 1e-9);
    }
}

TEST(tle_omm, json_gives_the_elements_of_the_tle) {
    const auto sets = orbit::parse_omm_json(json, "gp.json");
    ASSERT_EQ(sets.size(), 1u);
    EXPECT_EQ(sets[0].name, "VANGUARD 1");
    expect_same_elements(sets[0], orbit::parse_tle(l1, l2));
    EXPECT_EQ(orbit::parse_element_sets(json, "gp.json").size(), 1u);
}

TEST(tle_omm, csv_gives_the_elements_of_the_tle) {
    const auto sets = orbit::parse_omm_csv(csv_header + csv_row + csv_row, "gp.csv");
    ASSERT_EQ(sets.size(), 2u);
    expect_same_elements(sets[1], orbit::parse_tle(l1, l2));
    EXPECT_EQ(orbit::parse_element_sets(csv_header + csv_row, "gp.csv").size(), 1u);
}

TEST(tle_omm, catalogue_numbers_beyond_alpha5_are_read) {
    std::string row = csv_row;
    row.replace(row.find(",5,475"), 6, ",400005,475");
    EXPECT_EQ(orbit::parse_omm_csv(csv_header + row).at(0).catalogue_number, 400005u);
}

TEST(tle_omm, every_bad_record_is_reported_with_its_place) {
    std::string bad_epoch = csv_row;
    bad_epoch.replace(bad_epoch.find("2000-06-27"), 10, "2000-13-27");
    std::string bad_n = csv_row;
    bad_n.replace(bad_n.find("10.82419157"), 11, "ten");
    const std::string text = csv_header + bad_epoch + csv_row + bad_n;
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_omm_csv(text, "gp.csv"); }),
              "gp.csv:2:22: EPOCH: expected a UTC time like 2024-07-05T12:00:00.000000, got "
              "'2000-13-27T18:50:19.733568'\n"
              "gp.csv:4:49: MEAN_MOTION: expected a number, got 'ten'");
    EXPECT_EQ(error_message<input_error>([] { (void)orbit::parse_omm_json(R"([{"NORAD_CAT_ID": 5}])", "j"); }),
              "j:1:2: OMM record: expected key EPOCH");
    EXPECT_EQ(error_message<input_error>([] { (void)orbit::parse_omm_json("[{\"A\": 1,\n \"B\" 2}]", "gp.json"); }),
              "gp.json:2:6: JSON: expected ':', got '2'");
    EXPECT_EQ(error_message<input_error>([] { (void)orbit::parse_omm_csv("NORAD_CAT_ID,EPOCH\n5\n", "gp.csv"); }),
              "gp.csv:2:1: CSV row: expected 2 fields as in the header, got 1");
}

TEST(tle_omm, epoch_29_february_is_read_only_in_a_leap_year) {
    std::string leap = json;
    leap.replace(leap.find("2000-06-27T18:50:19.733568"), 26, "2024-02-29T12:00:00.000000");
    const auto sets = orbit::parse_omm_json(leap, "gp.json");
    ASSERT_EQ(sets.size(), 1u);
    EXPECT_EQ(sets[0].epoch_time, kardashev::epoch::from_utc_iso("2024-02-29T12:00:00Z"));
    EXPECT_EQ(sets[0].epoch_day_of_year, 60.5);
    std::string common = json;
    common.replace(common.find("2000-06-27T18:50:19.733568"), 26, "2025-02-29T12:00:00.000000");
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_omm_json(common, "gp.json"); }),
              "gp.json:2:67: EPOCH: expected a UTC time like 2024-07-05T12:00:00.000000, got "
              "'2025-02-29T12:00:00.000000' (2025-02 has 28 days)");
    std::string century = csv_row;
    century.replace(century.find("2000-06-27"), 10, "2100-02-29");
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_omm_csv(csv_header + century, "gp.csv"); }),
              "gp.csv:2:22: EPOCH: expected a UTC time like 2024-07-05T12:00:00.000000, got "
              "'2100-02-29T18:50:19.733568' (2100-02 has 28 days)");
}

TEST(tle_omm, json_lines_and_columns_count_on_through_many_records) {
    // The reader counts lines as it goes: an error in the 500th record names that record's line.
    std::string text = "[";
    for (int k = 0; k < 500; ++k) {
        text += std::string(k == 0 ? "" : ",\n") + json.substr(1, json.size() - 2);
    }
    text += "]";
    const std::size_t last = text.rfind("\"MEAN_MOTION\": 10.82419157");
    text.replace(last + 15, 11, "ten");
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(last), '\n'));
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_omm_json(text, "gp.json"); }),
              "gp.json:" + std::to_string(line) + ":18: MEAN_MOTION: expected a number, got 'ten'");
}

}  // namespace
