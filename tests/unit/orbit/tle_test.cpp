// TLE reader: fields, units, epochs, checksums, Alpha-5 numbers and the exact error messages.

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "kardashev/core/error.hpp"
#include "kardashev/orbit/tle.hpp"
#include "support/error_message.hpp"

namespace {

using kardashev::input_error;
using kardashev::testing::error_message;
namespace orbit = kardashev::orbit;

// Vanguard 1 (00005), the TEME example of AIAA 2006-6753.
const std::string l1 = "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753";
const std::string l2 = "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667";
constexpr double pi = 3.14159265358979323846;

/// Replaces column 69 of `line` with its checksum.
std::string with_checksum(std::string line) {
    line[68] = static_cast<char>('0' + orbit::tle_checksum(line));
    return line;
}

/// `line` with columns starting at `column` (1-based) replaced by `text`, checksum fixed.
std::string edit(std::string line, int column, const std::string& text) {
    line.replace(static_cast<std::size_t>(column - 1), text.size(), text);
    return with_checksum(line);
}

TEST(tle, parses_vanguard_elements_in_sgp4_units) {
    const orbit::element_set e = orbit::parse_tle(l1, l2);
    EXPECT_EQ(e.catalogue_number, 5u);
    EXPECT_EQ(e.classification, 'U');
    EXPECT_EQ(e.international_designator, "58002B");
    EXPECT_EQ(e.epoch_year, 2000);
    EXPECT_DOUBLE_EQ(e.epoch_day_of_year, 179.78495062);
    EXPECT_DOUBLE_EQ(e.bstar_per_earth_radii, 0.28098e-4);
    EXPECT_DOUBLE_EQ(e.mean_motion_dot_rad_per_min2, 0.00000023 * 2.0 * pi / (1440.0 * 1440.0));
    EXPECT_DOUBLE_EQ(e.mean_motion_ddot_rad_per_min3, 0.0);
    EXPECT_DOUBLE_EQ(e.inclination_rad, 34.2682 * pi / 180.0);
    EXPECT_DOUBLE_EQ(e.raan_rad, 348.7242 * pi / 180.0);
    EXPECT_DOUBLE_EQ(e.eccentricity, 0.1859667);
    EXPECT_DOUBLE_EQ(e.arg_perigee_rad, 331.7664 * pi / 180.0);
    EXPECT_DOUBLE_EQ(e.mean_anomaly_rad, 19.3264 * pi / 180.0);
    EXPECT_DOUBLE_EQ(e.mean_motion_rad_per_min, 10.82419157 * 2.0 * pi / 1440.0);
    EXPECT_EQ(e.element_set_number, 475);
    EXPECT_EQ(e.revolution_number, 41366);
    EXPECT_EQ(e.ephemeris_type, 0);
}

TEST(tle, epoch_is_exact_to_the_nanosecond_in_utc) {
    const orbit::element_set e = orbit::parse_tle(l1, l2);
    // 0.78495062 d = 67819.733568 s = 18:50:19.733568 on day 179 of 2000 (27 June).
    EXPECT_EQ(e.epoch_time.to_utc_iso(), "2000-06-27T18:50:19.733568Z");
    // Days since 1949-12-31 0h: 18262 days to 2000-01-01, plus 178.78495062.
    EXPECT_NEAR(e.epoch_days_since_1949_12_31, 18262.0 + 179.78495062, 1e-9);
}

TEST(tle, two_digit_years_pivot_at_57) {
    const orbit::element_set e57 = orbit::parse_tle(edit(l1, 19, "57"), l2);
    EXPECT_EQ(e57.epoch_year, 1957);
    const orbit::element_set e56 = orbit::parse_tle(edit(l1, 19, "56"), l2);
    EXPECT_EQ(e56.epoch_year, 2056);
}

TEST(tle, negative_implied_exponent_fields) {
    const orbit::element_set e = orbit::parse_tle(edit(l1, 45, "-12345-3 -11606-4"), l2);
    EXPECT_DOUBLE_EQ(e.bstar_per_earth_radii, -0.11606e-4);
    EXPECT_DOUBLE_EQ(e.mean_motion_ddot_rad_per_min3, -0.12345e-3 * 2.0 * pi / (1440.0 * 1440.0 * 1440.0));
}

TEST(tle, checksum_counts_digits_and_minus_signs) {
    EXPECT_EQ(orbit::tle_checksum(l1), 3);
    EXPECT_EQ(orbit::tle_checksum(l2), 7);
    EXPECT_EQ(orbit::tle_checksum("1 -"), 2);
}

TEST(tle, wrong_checksum_names_file_line_and_column) {
    std::string bad = l1;
    bad[68] = '2';
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_tle(bad, l2, "cat.tle", 4); }),
              "cat.tle:4:69: line 1 checksum: expected 3, got '2'");
    const orbit::element_set e = orbit::parse_tle(bad, l2, "cat.tle", 4, {.verify_checksums = false});
    EXPECT_EQ(e.catalogue_number, 5u);
}

TEST(tle, alpha5_catalogue_numbers) {
    EXPECT_EQ(orbit::parse_catalogue_number("00005"), 5u);
    EXPECT_EQ(orbit::parse_catalogue_number("99999"), 99999u);
    EXPECT_EQ(orbit::parse_catalogue_number("A0000"), 100000u);
    EXPECT_EQ(orbit::parse_catalogue_number("H9999"), 179999u);
    EXPECT_EQ(orbit::parse_catalogue_number("J0000"), 180000u);  // I is skipped
    EXPECT_EQ(orbit::parse_catalogue_number("P0000"), 230000u);  // O is skipped
    EXPECT_EQ(orbit::parse_catalogue_number("Z9999"), 339999u);
    EXPECT_EQ(error_message<input_error>([] { (void)orbit::parse_catalogue_number("I0000"); }),
              "catalogue number: expected 5 digits or Alpha-5, got 'I0000'");
    const orbit::element_set e = orbit::parse_tle(edit(l1, 3, "B1234"), edit(l2, 3, "B1234"));
    EXPECT_EQ(e.catalogue_number, 111234u);
}

TEST(tle, line_errors_read_like_compiler_diagnostics) {
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_tle(l1, l2.substr(0, 39), "cat.tle", 1); }),
              "cat.tle:2:40: line 2 length: expected 69 columns, got '39 columns'");
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_tle(l2, l1, "cat.tle", 1); }),
              "cat.tle:1:1: line 1 number: expected '1 ', got '2 '");
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_tle(l1, edit(l2, 27, "18596x7")); }),
              "<tle>:2:27: line 2 eccentricity: expected 7 digits with an implied leading decimal point, got "
              "'18596x7'");
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_tle(l1, edit(l2, 3, "00006")); }),
              "<tle>:2:3: line 2 catalogue number: expected 00005 as on line 1, got '00006'");
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_tle(l1, edit(l2, 9, "234.2682")); }),
              "<tle>:2:9: line 2 inclination: expected degrees 0 to 180, got '234.2682'");
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_tle(edit(l1, 54, " 2809x-4"), l2); }),
              "<tle>:1:54: line 1 bstar: expected an implied-decimal number like ' 12345-4', got ' 2809x-4'");
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_tle(edit(l1, 21, "400.78495062"), l2); }),
              "<tle>:1:21: line 1 epoch day: expected a day of year 1.0 to 366.99999999, got '400.78495062'");
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_tle(l1, edit(l2, 53, " 0.00000000")); }),
              "<tle>:2:53: line 2 mean motion: expected a positive number of revolutions per day, at most 100, got ' 0.00000000'");
}

TEST(tle, catalogue_reads_names_and_reports_every_bad_record) {
    const std::string good = "VANGUARD 1\n" + l1 + "\r\n" + l2 + "\n\n0 VANGUARD AGAIN\n" + l1 + "\n" + l2 + "\n";
    const auto sets = orbit::parse_tle_catalogue(good, "cat.tle");
    ASSERT_EQ(sets.size(), 2u);
    EXPECT_EQ(sets[0].name, "VANGUARD 1");
    EXPECT_EQ(sets[1].name, "VANGUARD AGAIN");

    std::string bad1 = l1;
    bad1[68] = '0';
    const std::string text = bad1 + "\n" + l2 + "\n" + l1 + "\n" + l2 + "\n" + l2 + "\n" + l1 + "\n";
    EXPECT_EQ(error_message<input_error>([&] { (void)orbit::parse_tle_catalogue(text, "cat.tle"); }),
              "cat.tle:1:69: line 1 checksum: expected 3, got '0'\n"
              "cat.tle:5:1: line 2: expected line 1 before it\n"
              "cat.tle:7:1: line 2: expected a line starting '2 ' after line 1");
}

TEST(tle, missing_file_is_an_input_error) {
    EXPECT_EQ(error_message<input_error>([] { (void)orbit::load_tle_catalogue("no/such.tle"); }),
              "no/such.tle: cannot read the file");
}

}  // namespace
