// Source: SpaceX FCC filing SAT-LOA-20260108-00016 (100 kW/t, via spacedc.md 3a); Turyshev arXiv:2604.27197 (34-59 kg/kW); spacedc.md V9.
//
// At 100 kW/t (10 kg/kW) 1 Mt/yr of satellites is 100 GW/yr; 1 TW/yr needs 10 Mt/yr, ~100,000 flights of
// 100 t (~274 a day). At Turyshev's 34-59 kg/kW, 1 GW is 34-59 kt, 170-295 Starship flights of 200 t.
#include <gtest/gtest.h>

#include "kardashev/logistics/launcher.hpp"

namespace {

using namespace kardashev::logistics;

TEST(v9_launches_per_gigawatt, one_tw_per_year_at_10_kg_per_kw_is_100_000_flights_of_100_t) {
    const launcher v3{"Starship V3", 100e3, 10e6, 1e9, "test"};
    const auto p = plan_launches(1e12 / 1e3 * 10.0, v3);  // 1 TW x 10 kg/kW
    // Exact arithmetic: tolerance 0.
    EXPECT_EQ(p.flights, 100'000.0);
    // ~274 a day: +- 0.5, the rounding of the published figure.
    EXPECT_NEAR(p.flights / 365.0, 274.0, 0.5);
}

TEST(v9_launches_per_gigawatt, one_gw_at_34_to_59_kg_per_kw_is_170_to_295_flights_of_200_t) {
    const launcher big{"Starship (Suncatcher)", 200e3, 40e6, 180.0, "test"};
    // Exact arithmetic: tolerance 0.
    EXPECT_EQ(plan_launches(1e6 * 34.0, big).flights, 170.0);
    EXPECT_EQ(plan_launches(1e6 * 59.0, big).flights, 295.0);
}

}  // namespace
