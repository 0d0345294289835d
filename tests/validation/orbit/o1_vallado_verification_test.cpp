// Source: Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753: SGP4-VER.TLE, tcppver.out (improved mode), and test_cases.toml of the Rust sgp4 crate (AFSPC mode); see tests/data/sgp4/SOURCE.md.
//
// Tolerance: 1e-6 km and 1e-9 km/s per component (VALIDATION.md O1). The reference files print 8 decimals of
// km and 9 of km/s, so their rounding is 5e-9 km and 5e-10 km/s; the remaining margin covers floating-point
// accumulation over the 3.5-year resonance integration of 20413 (1.2e-7 km in python-sgp4's own run).

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kardashev/orbit/sgp4.hpp"
#include "kardashev/orbit/tle.hpp"

namespace {

using kardashev::orbit::element_set;
using kardashev::orbit::sgp4_mode;
using kardashev::orbit::sgp4_propagator;
using kardashev::orbit::sgp4_status;

const std::string data_dir = std::string(KD_TEST_DATA_DIR) + "/sgp4/";
constexpr double tol_km = 1e-6;
constexpr double tol_km_s = 1e-9;

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct ver_case {
    element_set set;
    double start_min = 0, stop_min = 0, step_min = 0;  // columns 70+ of line 2
};

std::vector<ver_case> read_verification_tles() {
    const std::string path = data_dir + "SGP4-VER.TLE";
    const std::string text = read_text(path);
    // The suite's edited element sets (33333..33335) carry no valid checksums.
    const std::vector<element_set> sets = kardashev::orbit::parse_tle_catalogue(text, path, {.verify_checksums = false});
    std::vector<ver_case> cases;
    std::istringstream lines(text);
    std::string line;
    std::size_t k = 0;
    while (std::getline(lines, line)) {
        if (line.rfind("2 ", 0) == 0) {
            ver_case c;
            c.set = sets.at(k++);
            std::istringstream grid(line.substr(69));
            grid >> c.start_min >> c.stop_min >> c.step_min;
            cases.push_back(c);
        }
    }
    EXPECT_EQ(k, sets.size());
    return cases;
}

struct row {
    double t;
    double r[3];
    double v[3];
};

/// tcppver.out blocks in file order: header "NNNNN xx", then rows of 7 leading numbers.
std::vector<std::pair<std::uint32_t, std::vector<row>>> read_tcppver() {
    std::vector<std::pair<std::uint32_t, std::vector<row>>> blocks;
    std::istringstream lines(read_text(data_dir + "tcppver.out"));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.find("xx") != std::string::npos) {
            blocks.emplace_back(static_cast<std::uint32_t>(std::stoul(line)), std::vector<row>{});
            continue;
        }
        std::istringstream in(line);
        row r{};
        if (in >> r.t >> r.r[0] >> r.r[1] >> r.r[2] >> r.v[0] >> r.v[1] >> r.v[2]) {
            blocks.back().second.push_back(r);
        }
    }
    return blocks;
}

/// Error code where the suite's propagation stops (AIAA 2006-6753 table; python-sgp4 asserts the same list).
int expected_error(std::uint32_t cat, std::size_t block) {
    static const std::map<std::uint32_t, int> codes = {
        {22312, 1}, {28350, 1}, {28872, 6}, {29141, 6}, {33333, 4}, {33334, 3}};
    if (cat == 20413 && block > 10) {
        return 6;  // second 20413 block, 3.5 years out
    }
    const auto it = codes.find(cat);
    return it == codes.end() ? 0 : it->second;
}

/// The times Vallado's testcpp visits: 0, then start..stop by step (the last clamped to stop).
std::vector<double> testcpp_times(const ver_case& c) {
    std::vector<double> times{0.0};
    double t = c.start_min;
    if (std::fabs(t) > 1.0e-8) {
        t -= c.step_min;
    }
    while (t < c.stop_min) {
        t += c.step_min;
        if (t > c.stop_min) {
            t = c.stop_min;
        }
        times.push_back(t);
    }
    return times;
}

TEST(o1_vallado_verification, improved_mode_reproduces_every_tcppver_row_and_error) {
    const std::vector<ver_case> cases = read_verification_tles();
    const auto blocks = read_tcppver();
    ASSERT_EQ(cases.size(), 33u);
    ASSERT_EQ(blocks.size(), cases.size());
    double max_dr = 0.0;
    double max_dv = 0.0;
    std::size_t rows_checked = 0;
    std::vector<int> errors_seen;
    for (std::size_t b = 0; b < cases.size(); ++b) {
        const ver_case& c = cases[b];
        const auto& [cat, rows] = blocks[b];
        ASSERT_EQ(cat, c.set.catalogue_number);
        const sgp4_propagator prop({&c.set, 1}, sgp4_mode::improved);
        const int want_error = expected_error(cat, b);
        if (cat == 33334) {
            // Fails at epoch; its single tcppver.out row is a stale copy of 33333's last row.
            EXPECT_EQ(static_cast<int>(prop.init_status(0)), 3);
            EXPECT_EQ(static_cast<int>(prop.propagate(0, 0.0).status), 3);
            errors_seen.push_back(3);
            continue;
        }
        ASSERT_EQ(prop.init_status(0), sgp4_status::ok) << cat;
        std::size_t k = 0;
        int error = 0;
        for (const double t : testcpp_times(c)) {
            const auto s = prop.propagate(0, t);
            if (s.status != sgp4_status::ok) {
                error = static_cast<int>(s.status);
                // Decay still returns a position (V06); other failures return NaN.
                EXPECT_EQ(std::isnan(s.r_teme_km[0]), s.status != sgp4_status::decayed);
                break;
            }
            ASSERT_LT(k, rows.size()) << cat << " at " << t;
            const row& r = rows[k++];
            ASSERT_NEAR(r.t, t, 1e-7) << cat;
            for (int i = 0; i < 3; ++i) {
                const double dr = std::fabs(s.r_teme_km[static_cast<std::size_t>(i)] - r.r[i]);
                const double dv = std::fabs(s.v_teme_km_s[static_cast<std::size_t>(i)] - r.v[i]);
                max_dr = std::max(max_dr, dr);
                max_dv = std::max(max_dv, dv);
                EXPECT_LE(dr, tol_km) << cat << " t=" << t << " r[" << i << "]";
                EXPECT_LE(dv, tol_km_s) << cat << " t=" << t << " v[" << i << "]";
            }
            ++rows_checked;
        }
        EXPECT_EQ(k, rows.size()) << cat << ": rows reproduced";
        EXPECT_EQ(error, want_error) << cat;
        if (error != 0) {
            errors_seen.push_back(error);
        }
    }
    EXPECT_EQ(errors_seen, (std::vector<int>{1, 1, 6, 6, 4, 3, 6}));
    EXPECT_EQ(rows_checked, 666u);  // 667 data rows less the stale 33334 row
    std::cout << "O1 improved: " << rows_checked << " rows, max |dr| " << max_dr << " km, max |dv| " << max_dv
              << " km/s\n";
}

/// One state of test_cases.toml: a time and either r, v or an error text.
struct toml_state {
    double t = 0;
    double r[3]{};
    double v[3]{};
    std::string error;
};

struct toml_case {
    std::string line1, line2;
    std::vector<toml_state> states;
};

std::string between_quotes(const std::string& s) {
    const auto a = s.find('"');
    const auto b = s.rfind('"');
    return s.substr(a + 1, b - a - 1);
}

void read_triplet(const std::string& s, double* out) {
    std::string inner = s.substr(s.find('[') + 1);
    inner = inner.substr(0, inner.find(']'));
    for (char& ch : inner) {
        if (ch == ',') {
            ch = ' ';
        }
    }
    std::istringstream in(inner);
    in >> out[0] >> out[1] >> out[2];
}

/// The minimal TOML this file uses: [[list]], [[list.states]] and key = value lines.
std::vector<toml_case> read_toml() {
    std::vector<toml_case> cases;
    std::istringstream lines(read_text(data_dir + "test_cases.toml"));
    std::string line;
    while (std::getline(lines, line)) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') {
            continue;
        }
        line = line.substr(first);
        if (line.rfind("[[list.states]]", 0) == 0) {
            cases.back().states.emplace_back();
        } else if (line.rfind("[[list]]", 0) == 0) {
            cases.emplace_back();
        } else if (line.rfind("line1", 0) == 0) {
            cases.back().line1 = between_quotes(line);
        } else if (line.rfind("line2", 0) == 0) {
            cases.back().line2 = between_quotes(line);
        } else if (line.rfind("time", 0) == 0) {
            cases.back().states.back().t = std::stod(line.substr(line.find('=') + 1));
        } else if (line.rfind("position", 0) == 0) {
            read_triplet(line, cases.back().states.back().r);
        } else if (line.rfind("velocity", 0) == 0) {
            read_triplet(line, cases.back().states.back().v);
        } else if (line.rfind("error", 0) == 0) {
            cases.back().states.back().error = between_quotes(line);
        }
    }
    return cases;
}

TEST(o1_vallado_verification, afspc_mode_reproduces_every_test_cases_toml_state) {
    const std::vector<toml_case> cases = read_toml();
    ASSERT_EQ(cases.size(), 33u);
    const std::map<std::string, sgp4_status> error_of = {
        {"negative semi-latus rectum", sgp4_status::negative_semi_latus_rectum},
        {"diverging perturbed eccentricity", sgp4_status::perturbed_eccentricity_out_of_range}};
    double max_dr = 0.0;
    double max_dv = 0.0;
    std::size_t states_checked = 0;
    std::size_t errors_checked = 0;
    for (const toml_case& c : cases) {
        const element_set set =
            kardashev::orbit::parse_tle(c.line1, c.line2, "test_cases.toml", 1, {.verify_checksums = false});
        const sgp4_propagator prop({&set, 1}, sgp4_mode::afspc);
        for (const toml_state& st : c.states) {
            const auto s = prop.propagate(0, st.t);
            if (!st.error.empty()) {
                ASSERT_TRUE(error_of.count(st.error)) << st.error;
                EXPECT_EQ(s.status, error_of.at(st.error)) << set.catalogue_number << " t=" << st.t;
                ++errors_checked;
                continue;
            }
            EXPECT_EQ(s.status, sgp4_status::ok) << set.catalogue_number << " t=" << st.t;
            for (int i = 0; i < 3; ++i) {
                const double dr = std::fabs(s.r_teme_km[static_cast<std::size_t>(i)] - st.r[i]);
                const double dv = std::fabs(s.v_teme_km_s[static_cast<std::size_t>(i)] - st.v[i]);
                max_dr = std::max(max_dr, dr);
                max_dv = std::max(max_dv, dv);
                EXPECT_LE(dr, tol_km) << set.catalogue_number << " t=" << st.t;
                EXPECT_LE(dv, tol_km_s) << set.catalogue_number << " t=" << st.t;
            }
            ++states_checked;
        }
    }
    EXPECT_EQ(errors_checked, 2u);
    EXPECT_GT(states_checked, 600u);
    std::cout << "O1 afspc: " << states_checked << " states + " << errors_checked << " errors, max |dr| " << max_dr
              << " km, max |dv| " << max_dv << " km/s\n";
}

TEST(o1_vallado_verification, modes_differ_only_in_the_low_inclination_lyddane_branch_of_23599) {
    const std::vector<ver_case> cases = read_verification_tles();
    for (const ver_case& c : cases) {
        const sgp4_propagator improved({&c.set, 1}, sgp4_mode::improved);
        const sgp4_propagator afspc({&c.set, 1}, sgp4_mode::afspc);
        double max_dr = 0.0;
        for (const double t : testcpp_times(c)) {
            const auto a = improved.propagate(0, t);
            const auto b = afspc.propagate(0, t);
            if (a.status != sgp4_status::ok || b.status != sgp4_status::ok) {
                EXPECT_EQ(a.status, b.status);
                break;
            }
            for (std::size_t i = 0; i < 3; ++i) {
                max_dr = std::max(max_dr, std::fabs(a.r_teme_km[i] - b.r_teme_km[i]));
            }
        }
        if (c.set.catalogue_number == 23599) {
            EXPECT_GT(max_dr, 0.5);  // 0.96 km in the two reference files
        } else {
            // Other low-inclination objects (20413) take the same branch with rounding-level differences.
            EXPECT_LT(max_dr, 1e-8) << c.set.catalogue_number;
        }
    }
}

}  // namespace
