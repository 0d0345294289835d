// io::network_request_of: the options of `kardashev network` (and kardashev.network) read into the study's request.
#include <gtest/gtest.h>

#include <string>

#include "kardashev/core/error.hpp"
#include "kardashev/io/network_request.hpp"

namespace {

using kardashev::input_error;
using kardashev::io::network_options;
using kardashev::io::network_request_of;

std::string error_of(const network_options& o) {
    try {
        (void)network_request_of(o);
    } catch (const input_error& e) {
        return e.what();
    }
    return "";
}

TEST(network_request_of, reads_pairs_presets_grid_gsl_and_times_with_units) {
    network_options o;
    o.pairs = "Manila:Dalian,0:1";
    o.constellation = "starlink-s1,kuiper-k1";
    o.gsl = "slant-range:1000 km";
    o.duration = "2 min";
    o.step = "500 ms";
    const auto r = network_request_of(o);
    ASSERT_EQ(r.pairs.size(), 2u);
    EXPECT_EQ(r.pairs[1].first, "0");
    EXPECT_EQ(r.constellation.size(), 2u);
    ASSERT_TRUE(r.gsl && r.gsl->limit);
    EXPECT_DOUBLE_EQ(*r.gsl->limit, 1.0e6);
    EXPECT_DOUBLE_EQ(r.duration_s, 120.0);
    EXPECT_DOUBLE_EQ(r.step_s, 0.5);
    EXPECT_FALSE(r.start.has_value());
}

TEST(network_request_of, names_the_option_of_a_bad_value) {
    network_options o;
    EXPECT_NE(error_of(o).find("--pairs: expected at least one pair"), std::string::npos);
    o.pairs = "A:B";
    o.step = "0 s";
    EXPECT_NE(error_of(o).find("--step: expected a positive step"), std::string::npos);
    o.step = "1 s";
    o.grid = "34by34";
    EXPECT_NE(error_of(o).find("--grid"), std::string::npos);
    o.grid.clear();
    o.scenario = "s.yaml";
    o.catalogue = "x.tle";
    EXPECT_NE(error_of(o).find("SCENARIO gives the constellation"), std::string::npos);
}

}  // namespace
