// The quantity parser and formatter (src/core/units.cpp, docs/models/core.md "Units").
#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/rng.hpp"
#include "kardashev/core/units.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace kardashev {
namespace {

constexpr double year_s = 365.25 * 86400.0;
constexpr double kwh_j = 3.6e6;

struct example {
    const char* text;
    quantity_kind kind;
    double si;
};

std::string message_of(std::string_view text, quantity_kind kind) {
    try {
        (void)parse_quantity(text, kind);
    } catch (const input_error& e) {
        return e.what();
    }
    return "<no exception>";
}

constexpr quantity_kind all_kinds[] = {
    quantity_kind::dimensionless,    quantity_kind::count,           quantity_kind::length,
    quantity_kind::area,             quantity_kind::mass,            quantity_kind::time,
    quantity_kind::power,            quantity_kind::energy,          quantity_kind::temperature,
    quantity_kind::angle,            quantity_kind::rate,            quantity_kind::data_size,
    quantity_kind::data_rate,        quantity_kind::money,           quantity_kind::price_per_mass,
    quantity_kind::price_per_energy, quantity_kind::price_per_power, quantity_kind::money_rate,
    quantity_kind::flop_rate,        quantity_kind::tokens,          quantity_kind::tokens_per_byte,
    quantity_kind::specific_energy,  quantity_kind::mass_per_energy, quantity_kind::mass_rate,
};

TEST(units, scenario_examples_parse_to_si) {
    const std::vector<example> examples = {
        {"650 km", quantity_kind::length, 650e3},
        {"1.2 GW", quantity_kind::power, 1.2e9},
        {"3600 USD/kg", quantity_kind::price_per_mass, 3600.0},
        {"0.06 USD/kWh", quantity_kind::price_per_energy, 0.06 / kwh_j},
        {"30 %/yr", quantity_kind::rate, 0.30 / year_s},
        {"100 Gbps", quantity_kind::data_rate, 100e9 / 8.0},
        {"1.5 GB", quantity_kind::data_size, 1.5e9},
        {"4 TB/d", quantity_kind::data_rate, 4e12 / 86400.0},
        {"10 y", quantity_kind::time, 10.0 * year_s},
        {"90 d", quantity_kind::time, 90.0 * 86400.0},
        {"100 ms", quantity_kind::time, 0.1},
        {"2.5 MUSD", quantity_kind::money, 2.5e6},
        {"20 GUSD/yr", quantity_kind::money_rate, 20e9 / year_s},
        {"10 USD/W", quantity_kind::price_per_power, 10.0},
        {"10 MUSD/MW", quantity_kind::price_per_power, 10.0},
        {"989 TFLOP/s", quantity_kind::flop_rate, 989e12},
        {"15.6 Ttok", quantity_kind::tokens, 15.6e12},
        {"0.002 tok/B", quantity_kind::tokens_per_byte, 0.002},
        {"150 Wh/kg", quantity_kind::specific_energy, 150.0 * 3600.0},
        {"0.4 kg/kWh", quantity_kind::mass_per_energy, 0.4 / kwh_j},
        {"53 deg", quantity_kind::angle, 53.0 * constants::pi / 180.0},
        {"40 %", quantity_kind::dimensionless, 0.4},
        {"105 m2", quantity_kind::area, 105.0},
        {"200 t", quantity_kind::mass, 200e3},
    };
    for (const example& e : examples) {
        EXPECT_DOUBLE_EQ(parse_quantity(e.text, e.kind), e.si) << e.text;
    }
}

TEST(units, header_and_default_scenario_examples_parse_to_si) {
    const std::vector<example> examples = {
        {"0.4", quantity_kind::dimensionless, 0.4},
        {"0.2 %", quantity_kind::dimensionless, 0.002},
        {"100000", quantity_kind::count, 1e5},
        {"1.2e6", quantity_kind::count, 1.2e6},
        {"2.5 M", quantity_kind::count, 2.5e6},
        {"3 k", quantity_kind::count, 3e3},
        {"150 m", quantity_kind::length, 150.0},
        {"575 kg", quantity_kind::mass, 575.0},
        {"12 h", quantity_kind::time, 43200.0},
        {"5 min", quantity_kind::time, 300.0},
        {"1 yr", quantity_kind::time, year_s},
        {"700 W", quantity_kind::power, 700.0},
        {"1 kWh", quantity_kind::energy, kwh_j},
        {"2.82 MJ", quantity_kind::energy, 2.82e6},
        {"300 K", quantity_kind::temperature, 300.0},
        {"1 rad", quantity_kind::angle, 1.0},
        {"2 /d", quantity_kind::rate, 2.0 / 86400.0},
        {"1.5 GB/s", quantity_kind::data_rate, 1.5e9},
        {"25 GB/h", quantity_kind::data_rate, 25e9 / 3600.0},
        {"4 TB", quantity_kind::data_size, 4e12},
        {"10 Gbit", quantity_kind::data_size, 10e9 / 8.0},
        {"30000 USD", quantity_kind::money, 3e4},
        {"12 USD/W", quantity_kind::price_per_power, 12.0},
        {"15.6e12 tokens", quantity_kind::tokens, 15.6e12},
        {"0.25 tok/B", quantity_kind::tokens_per_byte, 0.25},
        {"400 Gbps", quantity_kind::data_rate, 50e9},
        {"0.0977 USD/kWh", quantity_kind::price_per_energy, 0.0977 / kwh_j},
    };
    for (const example& e : examples) {
        EXPECT_DOUBLE_EQ(parse_quantity(e.text, e.kind), e.si) << e.text;
    }
}

TEST(units, prefixes_powers_and_operators_combine) {
    EXPECT_DOUBLE_EQ(parse_quantity("1 km2", quantity_kind::area), 1e6);
    EXPECT_DOUBLE_EQ(parse_quantity("3 m^2", quantity_kind::area), 3.0);
    EXPECT_DOUBLE_EQ(parse_quantity("1 W*h", quantity_kind::energy), 3600.0);
    EXPECT_DOUBLE_EQ(parse_quantity("1 W.h", quantity_kind::energy), 3600.0);
    EXPECT_DOUBLE_EQ(parse_quantity("2 kg.m2/s2", quantity_kind::energy), 2.0);
    EXPECT_DOUBLE_EQ(parse_quantity("100 us", quantity_kind::time), 1e-4);
    EXPECT_DOUBLE_EQ(parse_quantity("100 \xC2\xB5s", quantity_kind::time), 1e-4);
    EXPECT_DOUBLE_EQ(parse_quantity("5 ns", quantity_kind::time), 5e-9);
    EXPECT_DOUBLE_EQ(parse_quantity("7 mm", quantity_kind::length), 7e-3);
    EXPECT_DOUBLE_EQ(parse_quantity("3 Mt", quantity_kind::mass), 3e9);
    EXPECT_DOUBLE_EQ(parse_quantity("1 TWh", quantity_kind::energy), 3.6e15);
    EXPECT_DOUBLE_EQ(parse_quantity("1 bit/s", quantity_kind::data_rate), 0.125);
    EXPECT_DOUBLE_EQ(parse_quantity("2 kHz", quantity_kind::rate), 2e3);
    EXPECT_DOUBLE_EQ(parse_quantity("1 EFLOP/s", quantity_kind::flop_rate), 1e18);
    EXPECT_DOUBLE_EQ(parse_quantity("1 J/s", quantity_kind::power), 1.0);
    EXPECT_DOUBLE_EQ(parse_quantity("3 m/km", quantity_kind::dimensionless), 3e-3);
}

TEST(units, numbers_take_signs_fractions_and_exponents_with_or_without_a_space) {
    EXPECT_DOUBLE_EQ(parse_quantity("1.2GW", quantity_kind::power), 1.2e9);
    EXPECT_DOUBLE_EQ(parse_quantity("1.2e3 MW", quantity_kind::power), 1.2e9);
    EXPECT_DOUBLE_EQ(parse_quantity("1.2E+3MW", quantity_kind::power), 1.2e9);
    EXPECT_DOUBLE_EQ(parse_quantity("-3 K", quantity_kind::temperature), -3.0);
    EXPECT_DOUBLE_EQ(parse_quantity("+3 K", quantity_kind::temperature), 3.0);
    EXPECT_DOUBLE_EQ(parse_quantity(".5 d", quantity_kind::time), 43200.0);
    EXPECT_DOUBLE_EQ(parse_quantity("  40%  ", quantity_kind::dimensionless), 0.4);
    EXPECT_DOUBLE_EQ(parse_quantity("3 EFLOP/s", quantity_kind::flop_rate), 3e18);
}

TEST(units, a_unit_of_another_kind_is_an_input_error) {
    EXPECT_EQ(message_of("3 kg", quantity_kind::power), "expected a power (e.g. \"1.2 GW\"), got \"3 kg\"");
    EXPECT_EQ(message_of("1 GWh", quantity_kind::power), "expected a power (e.g. \"1.2 GW\"), got \"1 GWh\"");
    EXPECT_EQ(message_of("100 GB", quantity_kind::data_rate),
              "expected a data rate (e.g. \"100 Gbps\"), got \"100 GB\"");
    EXPECT_EQ(message_of("0.4 kg/kWh", quantity_kind::specific_energy),
              "expected a specific energy (e.g. \"150 Wh/kg\"), got \"0.4 kg/kWh\"");
    EXPECT_EQ(message_of("30 %", quantity_kind::rate), "expected a rate (e.g. \"30 %/yr\"), got \"30 %\"");
    EXPECT_EQ(message_of("2 kg", quantity_kind::count), "expected a count (e.g. \"100000\"), got \"2 kg\"");
}

TEST(units, an_unknown_symbol_is_named_with_what_was_expected) {
    EXPECT_EQ(message_of("3 fortnight", quantity_kind::time),
              "unknown unit \"fortnight\" in \"3 fortnight\"; expected a time (e.g. \"90 d\")");
    EXPECT_EQ(message_of("3 GWh/fortnight", quantity_kind::power),
              "unknown unit \"fortnight\" in \"3 GWh/fortnight\"; expected a power (e.g. \"1.2 GW\")");
    // A prefix only goes where it makes sense: no kilo-days, no milli-bytes.
    EXPECT_EQ(message_of("2 kd", quantity_kind::time),
              "unknown unit \"kd\" in \"2 kd\"; expected a time (e.g. \"90 d\")");
    EXPECT_EQ(message_of("2 mB", quantity_kind::data_size),
              "unknown unit \"mB\" in \"2 mB\"; expected a data size (e.g. \"1.5 GB\")");
    EXPECT_EQ(message_of("2 kW h", quantity_kind::energy),
              "unknown unit \"kW h\" in \"2 kW h\"; expected an energy (e.g. \"1 kWh\")");
}

TEST(units, a_bare_number_needs_a_unit_except_for_numbers_and_counts) {
    EXPECT_EQ(message_of("3", quantity_kind::power),
              "expected a power (e.g. \"1.2 GW\"), got a bare number \"3\"; add a unit");
    EXPECT_EQ(message_of("90", quantity_kind::time),
              "expected a time (e.g. \"90 d\"), got a bare number \"90\"; add a unit");
    EXPECT_EQ(parse_quantity("3", quantity_kind::dimensionless), 3.0);
    EXPECT_EQ(parse_quantity("3", quantity_kind::count), 3.0);
}

TEST(units, text_that_is_not_a_number_is_an_input_error) {
    EXPECT_EQ(message_of("abc", quantity_kind::power), "expected a power (e.g. \"1.2 GW\"), got \"abc\"");
    EXPECT_EQ(message_of("", quantity_kind::power), "expected a power (e.g. \"1.2 GW\"), got \"\"");
    EXPECT_EQ(message_of("GW", quantity_kind::power), "expected a power (e.g. \"1.2 GW\"), got \"GW\"");
    EXPECT_EQ(message_of("inf W", quantity_kind::power), "expected a power (e.g. \"1.2 GW\"), got \"inf W\"");
    EXPECT_EQ(message_of("1e999 W", quantity_kind::power), "expected a power (e.g. \"1.2 GW\"), got \"1e999 W\"");
    EXPECT_EQ(message_of("3 kg//s", quantity_kind::price_per_mass),
              "expected a price per mass (e.g. \"3600 USD/kg\"), got \"3 kg//s\"");
    EXPECT_EQ(message_of("3 USD/", quantity_kind::money), "expected an amount of money (e.g. \"2.5 MUSD\"), got \"3 USD/\"");
}

TEST(units, describe_gives_a_noun_phrase_with_an_example) {
    EXPECT_EQ(describe(quantity_kind::power), "a power (e.g. \"1.2 GW\")");
    EXPECT_EQ(describe(quantity_kind::time), "a time (e.g. \"90 d\")");
    EXPECT_EQ(describe(quantity_kind::price_per_energy), "a price per energy (e.g. \"0.06 USD/kWh\")");
}

TEST(units, every_kind_parses_the_example_in_its_description) {
    for (const quantity_kind kind : all_kinds) {
        const std::string phrase = describe(kind);
        const auto open = phrase.find("(e.g. \"");
        ASSERT_NE(open, std::string::npos) << phrase;
        const auto start = open + 7;
        const std::string sample = phrase.substr(start, phrase.find('"', start) - start);
        EXPECT_NO_THROW((void)parse_quantity(sample, kind)) << phrase;
    }
}

TEST(units, format_writes_the_unit_a_person_would) {
    EXPECT_EQ(format_quantity(1.2e9, quantity_kind::power), "1.2 GW");
    EXPECT_EQ(format_quantity(700.0, quantity_kind::power), "700 W");
    EXPECT_EQ(format_quantity(0.0, quantity_kind::power), "0 W");
    EXPECT_EQ(format_quantity(-3e6, quantity_kind::power), "-3 MW");
    EXPECT_EQ(format_quantity(2.82e6, quantity_kind::energy), "2.82 MJ");
    EXPECT_EQ(format_quantity(2.5e6, quantity_kind::money), "2.5 MUSD");
    EXPECT_EQ(format_quantity(30000.0, quantity_kind::money), "30 kUSD");
    EXPECT_EQ(format_quantity(650e3, quantity_kind::length), "650 km");
    EXPECT_EQ(format_quantity(384'400e3, quantity_kind::length), "384400 km");
    EXPECT_EQ(format_quantity(105.0, quantity_kind::area), "105 m2");
    EXPECT_EQ(format_quantity(575.0, quantity_kind::mass), "575 kg");
    EXPECT_EQ(format_quantity(200e3, quantity_kind::mass), "200 t");
    EXPECT_EQ(format_quantity(300.0, quantity_kind::temperature), "300 K");
    EXPECT_EQ(format_quantity(0.4, quantity_kind::dimensionless), "0.4");
    EXPECT_EQ(format_quantity(1.1e6, quantity_kind::count), "1100000");
    EXPECT_EQ(format_quantity(1.5e9, quantity_kind::data_size), "1.5 GB");
    EXPECT_EQ(format_quantity(50e9, quantity_kind::data_rate), "400 Gbps");
}

TEST(units, format_of_a_parsed_example_gives_the_example_back) {
    const std::vector<std::pair<const char*, quantity_kind>> examples = {
        {"1.2 GW", quantity_kind::power},
        {"3600 USD/kg", quantity_kind::price_per_mass},
        {"0.06 USD/kWh", quantity_kind::price_per_energy},
        {"0.0977 USD/kWh", quantity_kind::price_per_energy},
        {"30 %/yr", quantity_kind::rate},
        {"100 Gbps", quantity_kind::data_rate},
        {"10 y", quantity_kind::time},
        {"90 d", quantity_kind::time},
        {"1 d", quantity_kind::time},
        {"3653 d", quantity_kind::time},
        {"1.5 y", quantity_kind::time},
        {"12 h", quantity_kind::time},
        {"5 min", quantity_kind::time},
        {"100 ms", quantity_kind::time},
        {"2.5 MUSD", quantity_kind::money},
        {"20 GUSD/yr", quantity_kind::money_rate},
        {"10 USD/W", quantity_kind::price_per_power},
        {"989 TFLOP/s", quantity_kind::flop_rate},
        {"15.6 Ttok", quantity_kind::tokens},
        {"0.002 tok/B", quantity_kind::tokens_per_byte},
        {"150 Wh/kg", quantity_kind::specific_energy},
        {"0.4 kg/kWh", quantity_kind::mass_per_energy},
        {"53 deg", quantity_kind::angle},
        {"105 m2", quantity_kind::area},
        {"200 t", quantity_kind::mass},
        {"650 km", quantity_kind::length},
    };
    for (const auto& [text, kind] : examples) {
        EXPECT_EQ(format_quantity(parse_quantity(text, kind), kind), text);
    }
}

TEST(units, format_then_parse_returns_the_value_to_1e_12_for_random_values_of_every_kind) {
    // Log-uniform magnitudes over 1e-9 .. 1e21 SI units with random signs; 15 significant digits
    // bound the representation error at 5e-15, so 1e-12 leaves room only for a real defect.
    rng_stream rng(2026, "units.round_trip");
    for (const quantity_kind kind : all_kinds) {
        for (int i = 0; i < 2000; ++i) {
            const double magnitude = std::pow(10.0, -9.0 + 30.0 * rng.uniform());
            const double v = rng.uniform() < 0.5 ? -magnitude : magnitude;
            const std::string text = format_quantity(v, kind);
            const double back = parse_quantity(text, kind);
            ASSERT_NEAR(back, v, 1e-12 * std::fabs(v)) << describe(kind) << ": " << text;
        }
        // Whole numbers of the display unit, as a person writes them.
        for (int i = 0; i < 200; ++i) {
            const double v = std::floor(1000.0 * rng.uniform()) * std::pow(10.0, std::floor(12.0 * rng.uniform()));
            const std::string text = format_quantity(v, kind);
            ASSERT_NEAR(parse_quantity(text, kind), v, 1e-12 * std::fabs(v)) << describe(kind) << ": " << text;
        }
    }
}

TEST(units, values_read_from_short_texts_format_back_to_the_same_double) {
    // A value that came from a text such as "123.45 GW" (up to 6 significant digits, in any unit
    // format_quantity picks) must survive format-then-parse bit for bit, so `explain` echoes inputs.
    rng_stream rng(2027, "units.exact");
    for (const quantity_kind kind : all_kinds) {
        for (int i = 0; i < 1000; ++i) {
            const std::string sample = format_quantity(std::pow(10.0, -6.0 + 24.0 * rng.uniform()), kind);
            const auto space = sample.find(' ');
            const std::string unit = space == std::string::npos ? "" : sample.substr(space);
            const double mantissa = std::floor(1e5 * (1.0 + 999.0 * rng.uniform())) / 1e5;
            char number[32];
            std::snprintf(number, sizeof number, "%.6g", mantissa);
            const double v = parse_quantity(std::string(number) + unit, kind);
            const std::string text = format_quantity(v, kind);
            ASSERT_EQ(parse_quantity(text, kind), v) << number << unit << " -> " << text;
        }
    }
}

}  // namespace
}  // namespace kardashev
