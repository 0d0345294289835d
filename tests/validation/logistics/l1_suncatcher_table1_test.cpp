// Source: Google, Project Suncatcher (arXiv:2511.19468) sec. 2.4, 4.4 and Table 1; VALIDATION.md L1; spacedc.md sec. 1 and V4.
//
// Launched-power price = (mass / power) x (launch price per kg) / lifetime, for every row of Table 1 at 3600
// and 200 USD/kg, and the terrestrial power-spend band 0.06 USD/kWh x 8760 h x PUE 1.09 = 573 to
// 0.25 x 8760 x 1.4 = 3066 USD/kW/yr.
//
// Tolerance: Table 1 prints its inputs rounded to one to three significant figures (7 kW, 0.8 kW, 2 kW,
// 260 kg) and its outputs to three; the printed inputs reproduce the printed outputs to 1.1 % at worst
// (Starlink v1 at 200 USD/kg: 1486 against 1470), so each row is checked to 1.5 %. The v2 mini row, whose
// power is derived from its array (E3), is also checked against VALIDATION.md's bands.
#include <gtest/gtest.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/energy/facility.hpp"
#include "kardashev/logistics/launcher.hpp"

namespace {

using namespace kardashev;

constexpr double year = constants::julian_year_s;

/// USD/kW/yr of launched power.
double table1(double mass_kg, double power_w, double usd_per_kg, double life_years) {
    return logistics::launched_power_price_usd_per_w_s(mass_kg, power_w, usd_per_kg, life_years * year) * 1e3 * year;
}

struct row {
    const char* name;
    double mass_kg, power_w, life_years, at_3600, at_200;
};

// Suncatcher Table 1 (spacedc.md sec. 1): mass, power, lifetime and launched-power price in USD/kW/yr.
constexpr row rows[] = {
    {"Starlink v2 mini", 575.0, 28.3e3, 5.0, 14'700.0, 810.0},
    {"Starlink v1", 260.0, 7.0e3, 5.0, 26'600.0, 1'470.0},
    {"OneWeb", 150.0, 0.8e3, 5.0, 135'800.0, 7'500.0},
    {"Iridium NEXT", 860.0, 2.0e3, 12.5, 124'600.0, 6'900.0},
};

TEST(l1_suncatcher_table1, every_row_at_3600_and_200_usd_per_kg) {
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        EXPECT_NEAR(table1(r.mass_kg, r.power_w, 3600.0, r.life_years), r.at_3600, 0.015 * r.at_3600);
        EXPECT_NEAR(table1(r.mass_kg, r.power_w, 200.0, r.life_years), r.at_200, 0.015 * r.at_200);
    }
}

TEST(l1_suncatcher_table1, v2_mini_within_the_validation_bands) {
    // VALIDATION.md L1: 14.6-14.8 k USD/kW/yr at 3600 USD/kg and 810-820 at 200 USD/kg.
    const double hi = table1(575.0, 28.3e3, 3600.0, 5.0);
    const double lo = table1(575.0, 28.3e3, 200.0, 5.0);
    EXPECT_GE(hi, 14'600.0);
    EXPECT_LE(hi, 14'800.0);
    EXPECT_GE(lo, 810.0);
    EXPECT_LE(lo, 820.0);
}

TEST(l1_suncatcher_table1, terrestrial_power_spend_is_573_to_3066_usd_per_kw_year) {
    const double hours = 8760.0 * 3600.0;  // Suncatcher counts 8760 h in a year
    const double low = energy::energy_cost_usd(energy::facility_power_w(1e3, 1.09), hours, 0.06 / 3.6e6);
    const double high = energy::energy_cost_usd(energy::facility_power_w(1e3, 1.4), hours, 0.25 / 3.6e6);
    // Tolerance: +- 0.5 USD, half a unit of the published whole dollars.
    EXPECT_NEAR(low, 573.0, 0.5);
    EXPECT_NEAR(high, 3066.0, 0.5);
}

}  // namespace
