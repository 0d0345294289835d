// Terrestrial facility power and energy cost: P = IT x PUE (The Green Grid WP#49) and E x price.
#include <gtest/gtest.h>

#include "support/error_message.hpp"

#include <string>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/energy/facility.hpp"

namespace {

using namespace kardashev;

using kardashev::testing::domain_error_message;

TEST(facility, facility_power_is_it_load_times_pue) {
    EXPECT_DOUBLE_EQ(energy::facility_power_w(100e6, 1.2), 120e6);
    EXPECT_DOUBLE_EQ(energy::facility_power_w(0.0, 1.5), 0.0);
    EXPECT_DOUBLE_EQ(energy::facility_power_w(5e6, 1.0), 5e6);
}

TEST(facility, it_power_cap_inverts_facility_power) {
    // Colossus: a 150 MW grid connection at PUE 1.09 carries 137.6 MW of IT load.
    const double it_w = energy::it_power_cap_w(150e6, 1.09);
    EXPECT_NEAR(it_w, 137.61e6, 0.01e6);
    EXPECT_DOUBLE_EQ(energy::facility_power_w(it_w, 1.09), 150e6);
}

TEST(facility, energy_cost_is_power_times_time_times_price) {
    // 1 MW for one hour at 0.10 USD/kWh costs 100 USD.
    const double price = 0.10 / constants::joules_per_kwh;
    EXPECT_NEAR(energy::energy_cost_usd(1e6, 3600.0, price), 100.0, 1e-9);
    // A year at 1 kW and 0.06 USD/kWh, PUE 1.09: Suncatcher's 573 USD/kW/yr terrestrial floor.
    const double year_s = 8760.0 * 3600.0;
    EXPECT_NEAR(energy::energy_cost_usd(energy::facility_power_w(1e3, 1.09), year_s, 0.06 / constants::joules_per_kwh),
                572.9, 0.1);
    EXPECT_DOUBLE_EQ(energy::energy_cost_usd(1e6, 0.0, price), 0.0);
}

TEST(facility, pue_below_one_is_a_domain_error) {
    EXPECT_EQ(domain_error_message([] { energy::facility_power_w(1e6, 0.9); }),
              "facility: expected a PUE >= 1, got 0.9");
    EXPECT_EQ(domain_error_message([] { energy::it_power_cap_w(1e6, 0.5); }),
              "facility: expected a PUE >= 1, got 0.5");
}

TEST(facility, negative_loads_times_and_prices_are_domain_errors) {
    EXPECT_EQ(domain_error_message([] { energy::facility_power_w(-1.0, 1.2); }),
              "facility: expected a non-negative IT power [W], got -1");
    EXPECT_EQ(domain_error_message([] { energy::it_power_cap_w(-5.0, 1.2); }),
              "facility: expected a non-negative facility power cap [W], got -5");
    EXPECT_EQ(domain_error_message([] { energy::energy_cost_usd(1.0, -2.0, 1.0); }),
              "facility: expected a non-negative duration [s], got -2");
    EXPECT_EQ(domain_error_message([] { energy::energy_cost_usd(1.0, 1.0, -1e-8); }),
              "facility: expected a non-negative energy price [USD/J], got -1e-08");
}

}  // namespace
