// Inputs the libFuzzer targets found (tests/fuzz/README.md), kept as regression tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "io/report_parts.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/orbit/tle.hpp"

namespace {

namespace io = kardashev::io;

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// fuzz_scenario, 2026-12-06: a mutated default scenario (a line cut inside a folded description, bytes 0xF7 in a
// key's comment line). It loaded, and the YAML `explain` wrote was a fixed point, but the scenario loaded back from it
// was not equal to the first: yaml-cpp kept the bad bytes in the description and the writer replaced them with U+FFFD.
// YAML 1.2 reads Unicode only, so a byte that is not UTF-8 is now a located syntax error, in the file and in --set.
TEST(fuzz_findings, a_byte_that_is_not_utf8_is_a_located_syntax_error) {
    const auto text = read(std::filesystem::path(KD_TEST_DATA_DIR) / "hardening" / "fuzz_scenario_round_trip.yaml");
    try {
        (void)io::load_scenario_text(text, "fuzz_scenario_round_trip.yaml");
        FAIL() << "expected scenario_error";
    } catch (const kardashev::scenario_error& e) {
        EXPECT_EQ(std::string(e.what()), "fuzz_scenario_round_trip.yaml:15:13: syntax error: expected UTF-8 text (YAML 1.2, "
                                         "RFC 3629), got the byte 0xF7");
    }
    const std::string good = "name: caf\xC3\xA9\nsites: []\n";
    EXPECT_EQ(io::load_scenario_text(good, "s.yaml").name, "caf\xC3\xA9");
    try {
        (void)io::load_scenario_text(good, "s.yaml", {io::parse_override("name=caf\xF7")});
        FAIL() << "expected scenario_error";
    } catch (const kardashev::scenario_error& e) {
        EXPECT_NE(std::string(e.what()).find(":1:9: name: syntax error: expected UTF-8 text"), std::string::npos) << e.what();
    }
}

// fuzz_scenario, 2026-12-06: a cohort with neither units nor market_size loaded with a market size of 0 (which the
// fleet model refuses in a run), and its explain output, market_size: 0, did not load.
TEST(fuzz_findings, a_cohort_without_units_or_market_size_is_a_located_error) {
    const auto text = read(std::filesystem::path(KD_TEST_DATA_DIR) / "hardening" / "fuzz_scenario_cohort_without_units.yaml");
    try {
        (void)io::load_scenario_text(text, "s.yaml");
        FAIL() << "expected scenario_error";
    } catch (const kardashev::scenario_error& e) {
        EXPECT_EQ(std::string(e.what()), "s.yaml:5:7: fleet.cohorts[0]: expected units above 0, or a market_size (a cohort's "
                                         "market size is its units unless given)");
    }
}

/// The message of the input_error `f` throws.
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const kardashev::input_error& e) {
        return e.what();
    }
    return "<no error>";
}

// fuzz_omm_json and fuzz_omm_csv, 2026-12-06: an EPOCH in the year 0000 or 1000 overflowed the nanoseconds of the
// epoch (UndefinedBehaviorSanitizer: signed integer overflow in duration::from_days).
TEST(fuzz_findings, an_omm_epoch_outside_1957_to_2199_is_a_located_error) {
    const std::string json = R"([{"OBJECT_NAME": "V", "EPOCH": "0000-06-27T18:50:19.733568", "MEAN_MOTION": 10.8, )"
                             R"("ECCENTRICITY": 0.18, "INCLINATION": 34.2, "RA_OF_ASC_NODE": 348.7, "ARG_OF_PERICENTER": 331.7, )"
                             R"("MEAN_ANOMALY": 19.3, "NORAD_CAT_ID": 5, "BSTAR": 2.8e-5}])";
    EXPECT_EQ(error_of([&] { (void)kardashev::orbit::parse_omm_json(json, "gp.json"); }),
              "gp.json:1:32: EPOCH: expected a UTC time like 2024-07-05T12:00:00.000000, got '0000-06-27T18:50:19.733568' "
              "(a year 1957 to 2199)");
    const std::string csv = "OBJECT_NAME,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,"
                            "MEAN_ANOMALY,NORAD_CAT_ID,BSTAR\nV,1000-06-27T18:50:19,10.8,.18,34.2,348.7,331.7,19.3,5,.28E-4\n";
    EXPECT_EQ(error_of([&] { (void)kardashev::orbit::parse_omm_csv(csv, "gp.csv"); }),
              "gp.csv:2:3: EPOCH: expected a UTC time like 2024-07-05T12:00:00.000000, got '1000-06-27T18:50:19' (a year "
              "1957 to 2199)");
}

// fuzz_report_csv, 2026-12-06: a first row with an empty time_utc indexed step -1 (UndefinedBehaviorSanitizer: an
// unsigned offset that overflowed in std::vector::operator[]).
TEST(fuzz_findings, a_first_timeseries_row_without_a_time_is_a_located_error) {
    EXPECT_EQ(error_of([] {
                  (void)kardashev::io::detail::read_report_csv("time_utc,entity,metric,value,unit\n,company,capex,1.5,USD\n", false);
              }),
              "timeseries.csv:2: time_utc: expected an ISO-8601 UTC time like 2026-01-02T00:00:00Z, got \"\"");
}

}  // namespace
