#include "kardashev/core/units.hpp"

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace kardashev {
namespace {

// Exponents over the base dimensions: length, mass, time, temperature, angle, data (bytes), money
// (USD), tokens, floating-point operations.
constexpr std::size_t n_dims = 9;
using dims = std::array<int, n_dims>;

constexpr dims dim(int length, int mass, int time, int temperature = 0, int angle = 0, int data = 0, int money = 0,
                   int tokens = 0, int flop = 0) {
    return {length, mass, time, temperature, angle, data, money, tokens, flop};
}

constexpr dims none = dim(0, 0, 0);
constexpr dims power_dims = dim(2, 1, -3);
constexpr dims energy_dims = dim(2, 1, -2);

/// A unit symbol: one unit is num / den in SI of `exponents`. Keeping num and den apart lets
/// "USD/kWh" divide by 3.6e6 instead of multiplying by its inexact reciprocal.
struct unit_symbol {
    std::string_view name;
    double num;
    double den;
    dims exponents;
    bool large_prefixes;  // k M G T P E
    bool small_prefixes;  // m u n
};

constexpr double julian_year_s = constants::julian_year_s;

// The symbols parse_quantity knows; docs/models/core.md lists them.
constexpr std::array<unit_symbol, 27> symbols{{
    {"%", 1.0, 100.0, none, false, false},
    {"m", 1.0, 1.0, dim(1, 0, 0), true, true},
    {"g", 1.0, 1000.0, dim(0, 1, 0), true, true},
    {"t", 1000.0, 1.0, dim(0, 1, 0), true, false},
    {"s", 1.0, 1.0, dim(0, 0, 1), false, true},
    {"min", 60.0, 1.0, dim(0, 0, 1), false, false},
    {"h", 3600.0, 1.0, dim(0, 0, 1), false, false},
    {"d", 86'400.0, 1.0, dim(0, 0, 1), false, false},
    {"y", julian_year_s, 1.0, dim(0, 0, 1), false, false},
    {"yr", julian_year_s, 1.0, dim(0, 0, 1), false, false},
    {"month", julian_year_s, 12.0, dim(0, 0, 1), false, false},
    {"months", julian_year_s, 12.0, dim(0, 0, 1), false, false},
    {"Hz", 1.0, 1.0, dim(0, 0, -1), true, false},
    {"K", 1.0, 1.0, dim(0, 0, 0, 1), false, true},
    {"rad", 1.0, 1.0, dim(0, 0, 0, 0, 1), false, true},
    {"deg", constants::pi, 180.0, dim(0, 0, 0, 0, 1), false, false},
    {"W", 1.0, 1.0, power_dims, true, true},
    {"J", 1.0, 1.0, energy_dims, true, true},
    {"Wh", 3600.0, 1.0, energy_dims, true, false},
    {"B", 1.0, 1.0, dim(0, 0, 0, 0, 0, 1), true, false},
    {"bit", 1.0, 8.0, dim(0, 0, 0, 0, 0, 1), true, false},
    {"bps", 1.0, 8.0, dim(0, 0, -1, 0, 0, 1), true, false},
    {"USD", 1.0, 1.0, dim(0, 0, 0, 0, 0, 0, 1), true, false},
    {"tok", 1.0, 1.0, dim(0, 0, 0, 0, 0, 0, 0, 1), true, false},
    {"token", 1.0, 1.0, dim(0, 0, 0, 0, 0, 0, 0, 1), true, false},
    {"tokens", 1.0, 1.0, dim(0, 0, 0, 0, 0, 0, 0, 1), true, false},
    {"FLOP", 1.0, 1.0, dim(0, 0, 0, 0, 0, 0, 0, 0, 1), true, false},
}};

struct si_prefix {
    std::string_view name;
    double num;
    double den;
    bool large;
};

constexpr std::array<si_prefix, 10> prefixes{{
    {"k", 1e3, 1.0, true},
    {"M", 1e6, 1.0, true},
    {"G", 1e9, 1.0, true},
    {"T", 1e12, 1.0, true},
    {"P", 1e15, 1.0, true},
    {"E", 1e18, 1.0, true},
    {"m", 1.0, 1e3, false},
    {"u", 1.0, 1e6, false},
    {"\xC2\xB5", 1.0, 1e6, false},  // U+00B5 micro sign
    {"n", 1.0, 1e9, false},
}};

/// A parsed unit expression: one of it is num / den in SI of `exponents`.
struct unit_value {
    double num = 1.0;
    double den = 1.0;
    dims exponents{};
};

/// Looks up a symbol with an optional SI prefix ("kWh", "ms", "Ttok").
std::optional<unit_value> find_symbol(std::string_view name) {
    for (const unit_symbol& s : symbols) {
        if (s.name == name) {
            return unit_value{s.num, s.den, s.exponents};
        }
    }
    for (const si_prefix& p : prefixes) {
        if (name.size() <= p.name.size() || name.substr(0, p.name.size()) != p.name) {
            continue;
        }
        const std::string_view rest = name.substr(p.name.size());
        for (const unit_symbol& s : symbols) {
            if (s.name == rest && (p.large ? s.large_prefixes : s.small_prefixes)) {
                return unit_value{p.num * s.num, p.den * s.den, s.exponents};
            }
        }
    }
    return std::nullopt;
}

/// Looks up one factor of a unit expression: a symbol with an optional integer power ("m2", "s^-2").
std::optional<unit_value> find_factor(std::string_view token) {
    if (auto plain = find_symbol(token)) {
        return plain;
    }
    std::size_t digits_start = token.size();
    while (digits_start > 0 && token[digits_start - 1] >= '0' && token[digits_start - 1] <= '9') {
        --digits_start;
    }
    if (digits_start == token.size() || digits_start == 0) {
        return std::nullopt;
    }
    std::size_t base_end = digits_start;
    bool negative = false;
    if (token[base_end - 1] == '-') {
        negative = true;
        --base_end;
    }
    if (base_end > 0 && token[base_end - 1] == '^') {
        --base_end;
    }
    int power = 0;
    const auto [end, ec] = std::from_chars(token.data() + digits_start, token.data() + token.size(), power);
    if (ec != std::errc() || end != token.data() + token.size() || power == 0 || power > 9 || base_end == 0) {
        return std::nullopt;
    }
    auto base = find_symbol(token.substr(0, base_end));
    if (!base) {
        return std::nullopt;
    }
    // An SI prefix is raised with its symbol: km2 = (1e3 m)^2.
    unit_value v;
    for (int i = 0; i < power; ++i) {
        v.num *= base->num;
        v.den *= base->den;
    }
    for (std::size_t i = 0; i < n_dims; ++i) {
        v.exponents[i] = base->exponents[i] * power;
    }
    if (negative) {
        std::swap(v.num, v.den);
        for (int& e : v.exponents) {
            e = -e;
        }
    }
    return v;
}

bool is_operator(char c) { return c == '/' || c == '*' || c == '.'; }

/// What went wrong in a unit expression: an unknown symbol as written, or empty for an empty
/// factor (a stray or doubled operator).
struct unit_problem {
    std::string unknown;
};

/// Parses a unit expression: factors joined by '/', '*' or '.', left to right ("USD/kWh", "%/yr",
/// "/d", "kg.m2"). A leading '/' divides one.
std::optional<unit_value> parse_unit_expression(std::string_view expr, unit_problem& problem) {
    unit_value total;
    std::size_t pos = 0;
    bool divide = false;
    if (!expr.empty() && expr.front() == '/') {
        divide = true;
        pos = 1;
    }
    while (true) {
        std::size_t end = pos;
        while (end < expr.size() && !is_operator(expr[end])) {
            ++end;
        }
        const std::string_view token = trim(expr.substr(pos, end - pos));
        if (token.empty()) {
            return std::nullopt;
        }
        const auto factor = find_factor(token);
        if (!factor) {
            problem.unknown = std::string(token);
            return std::nullopt;
        }
        if (divide) {
            total.num *= factor->den;
            total.den *= factor->num;
        } else {
            total.num *= factor->num;
            total.den *= factor->den;
        }
        for (std::size_t i = 0; i < n_dims; ++i) {
            total.exponents[i] += divide ? -factor->exponents[i] : factor->exponents[i];
        }
        if (end == expr.size()) {
            return total;
        }
        divide = expr[end] == '/';
        pos = end + 1;
    }
}

struct kind_info {
    const char* phrase;
    dims expected;
};

kind_info info(quantity_kind kind) {
    switch (kind) {
        case quantity_kind::dimensionless: return {"a number (e.g. \"0.4\" or \"40 %\")", none};
        case quantity_kind::count: return {"a count (e.g. \"100000\")", none};
        case quantity_kind::length: return {"a length (e.g. \"650 km\")", dim(1, 0, 0)};
        case quantity_kind::area: return {"an area (e.g. \"105 m2\")", dim(2, 0, 0)};
        case quantity_kind::mass: return {"a mass (e.g. \"575 kg\")", dim(0, 1, 0)};
        case quantity_kind::time: return {"a time (e.g. \"90 d\")", dim(0, 0, 1)};
        case quantity_kind::power: return {"a power (e.g. \"1.2 GW\")", power_dims};
        case quantity_kind::energy: return {"an energy (e.g. \"1 kWh\")", energy_dims};
        case quantity_kind::temperature: return {"a temperature (e.g. \"300 K\")", dim(0, 0, 0, 1)};
        case quantity_kind::angle: return {"an angle (e.g. \"53 deg\")", dim(0, 0, 0, 0, 1)};
        case quantity_kind::rate: return {"a rate (e.g. \"30 %/yr\")", dim(0, 0, -1)};
        case quantity_kind::data_size: return {"a data size (e.g. \"1.5 GB\")", dim(0, 0, 0, 0, 0, 1)};
        case quantity_kind::data_rate: return {"a data rate (e.g. \"100 Gbps\")", dim(0, 0, -1, 0, 0, 1)};
        case quantity_kind::money: return {"an amount of money (e.g. \"2.5 MUSD\")", dim(0, 0, 0, 0, 0, 0, 1)};
        case quantity_kind::price_per_mass:
            return {"a price per mass (e.g. \"3600 USD/kg\")", dim(0, -1, 0, 0, 0, 0, 1)};
        case quantity_kind::price_per_energy:
            return {"a price per energy (e.g. \"0.06 USD/kWh\")", dim(-2, -1, 2, 0, 0, 0, 1)};
        case quantity_kind::price_per_power:
            return {"a price per power (e.g. \"10 USD/W\")", dim(-2, -1, 3, 0, 0, 0, 1)};
        case quantity_kind::money_rate: return {"a money rate (e.g. \"20 GUSD/yr\")", dim(0, 0, -1, 0, 0, 0, 1)};
        case quantity_kind::flop_rate:
            return {"a FLOP rate (e.g. \"989 TFLOP/s\")", dim(0, 0, -1, 0, 0, 0, 0, 0, 1)};
        case quantity_kind::tokens: return {"a number of tokens (e.g. \"15.6 Ttok\")", dim(0, 0, 0, 0, 0, 0, 0, 1)};
        case quantity_kind::tokens_per_byte:
            return {"tokens per byte (e.g. \"0.25 tok/B\")", dim(0, 0, 0, 0, 0, -1, 0, 1)};
        case quantity_kind::specific_energy: return {"a specific energy (e.g. \"150 Wh/kg\")", dim(2, 0, -2)};
        case quantity_kind::mass_rate: return {"a mass rate (e.g. \"1 Mt/yr\")", dim(0, 1, -1)};
        case quantity_kind::speed: return {"a speed (e.g. \"2.38 km/s\")", dim(1, 0, -1)};
        case quantity_kind::acceleration: return {"an acceleration (e.g. \"294 m/s2\")", dim(1, 0, -2)};
        case quantity_kind::mass_per_energy:
            // kg/J = s^2/m^2: the mass cancels.
            return {"a mass per energy (e.g. \"0.4 kg/kWh\")", dim(-2, 0, 2)};
    }
    return {"a quantity", none};
}

/// Length of the leading decimal number of `s` (sign, digits, optional fraction and exponent); 0 if none.
std::size_t scan_number(std::string_view s) {
    std::size_t i = 0;
    const auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        ++i;
    }
    std::size_t mantissa_digits = 0;
    while (digit(i)) {
        ++i;
        ++mantissa_digits;
    }
    if (i < s.size() && s[i] == '.' && (mantissa_digits > 0 || digit(i + 1))) {
        ++i;
        while (digit(i)) {
            ++i;
            ++mantissa_digits;
        }
    }
    if (mantissa_digits == 0) {
        return 0;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) {
            ++j;
        }
        if (digit(j)) {
            while (digit(j)) {
                ++j;
            }
            i = j;
        }
    }
    return i;
}

/// Shortest of up to 15 significant digits: exact enough for a 1e-12 round trip, and prints a value
/// read from "1.2 y" as 1.2 rather than 1.2000000000000002.
std::string format_number(double v, int digits = 15) {
    std::array<char, 64> buf{};
    const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::general, digits);
    return std::string(buf.data(), result.ptr);
}

/// Significant digits in a number written by format_number.
int significant_digits(const std::string& text) {
    int count = 0;
    bool leading = true;
    for (char c : text) {
        if (c == 'e' || c == 'E') {
            break;
        }
        if (c < '0' || c > '9') {
            continue;
        }
        if (leading && c == '0') {
            continue;
        }
        leading = false;
        ++count;
    }
    return count;
}

struct display_unit {
    std::string label;
    unit_value value;
};

display_unit make_display(const std::string& label) {
    unit_problem problem;
    const auto v = parse_unit_expression(label, problem);
    return {label, v ? *v : unit_value{}};
}

/// Display units of `kind`, smallest first; empty for plain numbers.
std::vector<display_unit> display_units(quantity_kind kind) {
    const auto prefixed = [](const std::string& base, const std::string& small, const std::string& large) {
        std::vector<display_unit> units;
        for (auto it = small.rbegin(); it != small.rend(); ++it) {
            units.push_back(make_display(std::string(1, *it) + base));
        }
        units.push_back(make_display(base));
        for (char p : large) {
            units.push_back(make_display(std::string(1, p) + base));
        }
        return units;
    };
    switch (kind) {
        case quantity_kind::dimensionless:
        case quantity_kind::count: return {};
        case quantity_kind::length: return prefixed("m", "mun", "k");
        case quantity_kind::area: return {make_display("m2"), make_display("km2")};
        case quantity_kind::mass:
            return {make_display("g"), make_display("kg"), make_display("t"), make_display("kt"), make_display("Mt"),
                    make_display("Gt")};
        case quantity_kind::time: return prefixed("s", "mun", "");
        case quantity_kind::power: return prefixed("W", "m", "kMGTPE");
        case quantity_kind::energy: return prefixed("J", "m", "kMGTPE");
        case quantity_kind::temperature: return {make_display("K")};
        case quantity_kind::angle: return {make_display("deg")};
        case quantity_kind::rate: return {make_display("%/yr")};
        case quantity_kind::data_size: return prefixed("B", "", "kMGTPE");
        case quantity_kind::data_rate: return prefixed("bps", "", "kMGTPE");
        case quantity_kind::money: return prefixed("USD", "", "kMGT");
        case quantity_kind::price_per_mass: return {make_display("USD/kg")};
        case quantity_kind::price_per_energy: return {make_display("USD/kWh")};
        case quantity_kind::price_per_power: return {make_display("USD/W")};
        case quantity_kind::money_rate: return prefixed("USD/yr", "", "kMGT");
        case quantity_kind::flop_rate: return prefixed("FLOP/s", "", "kMGTPE");
        case quantity_kind::tokens: return prefixed("tok", "", "kMGTPE");
        case quantity_kind::tokens_per_byte: return {make_display("tok/B")};
        case quantity_kind::specific_energy: return {make_display("Wh/kg")};
        case quantity_kind::mass_per_energy: return {make_display("kg/kWh")};
        case quantity_kind::mass_rate:
            return {make_display("t/yr"), make_display("kt/yr"), make_display("Mt/yr"), make_display("Gt/yr")};
        case quantity_kind::speed: return {make_display("m/s"), make_display("km/s")};
        case quantity_kind::acceleration: return {make_display("m/s2")};
    }
    return {};
}

double mantissa_in(double value_si, const unit_value& u) { return value_si * u.den / u.num; }

/// `value_si` written in `u` with `digits` significant digits.
std::string text_in(double value_si, const display_unit& u, int digits = 15) {
    return format_number(mantissa_in(value_si, u.value), digits) + " " + u.label;
}

/// `value_si` in `u` with 16 or 17 digits of its mantissa, or of a neighbouring double, that read
/// back exactly; empty when no decimal mantissa times the unit rounds to `value_si`.
std::string exact_long_text_in(double value_si, const display_unit& u, quantity_kind kind) {
    const double m = mantissa_in(value_si, u.value);
    if (!std::isfinite(m)) {
        return {};
    }
    for (const double candidate : {m, std::nextafter(m, -HUGE_VAL), std::nextafter(m, HUGE_VAL)}) {
        for (int digits = 16; digits <= 17; ++digits) {
            std::string text = format_number(candidate, digits) + " " + u.label;
            if (parse_quantity(text, kind) == value_si) {
                return text;
            }
        }
    }
    return {};
}

/// Display units of `kind` in the order format_quantity prefers them for `value_si`.
std::vector<const display_unit*> preferred_units(double value_si, quantity_kind kind,
                                                 const std::vector<display_unit>& units,
                                                 const std::vector<display_unit>& calendar) {
    std::vector<const display_unit*> order;
    const double magnitude = std::fabs(value_si);
    if (kind == quantity_kind::time && magnitude >= 1.0) {
        // The largest of y, d, h, min that writes the value in a few digits ("10 y", "3653 d", "12 h").
        for (const display_unit& u : calendar) {
            if (mantissa_in(magnitude, u.value) >= 1.0 && significant_digits(text_in(magnitude, u)) <= 6) {
                order.push_back(&u);
            }
        }
    }
    // The largest prefix that keeps the mantissa at 1 or more (1.2e9 W -> "1.2 GW"); the SI unit for 0.
    std::size_t chosen = 0;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const bool si_unit = units[i].value.num == units[i].value.den;
        if (value_si == 0.0 ? si_unit : mantissa_in(magnitude, units[i].value) >= 1.0) {
            chosen = i;
        }
    }
    order.push_back(&units[chosen]);
    for (std::size_t i = chosen; i-- > 0;) {
        order.push_back(&units[i]);
    }
    for (std::size_t i = chosen + 1; i < units.size(); ++i) {
        order.push_back(&units[i]);
    }
    return order;
}

/// `v` when it is 0 or a normal double; otherwise input_error "EXPECTED"TEXT" (outside the range of a number)".
double representable(double v, const std::string& expected, std::string_view text) {
    if (v == 0.0 || std::isnormal(v)) {
        return v;
    }
    throw input_error(expected + quoted(text) + " (outside the range of a number)");
}

}  // namespace

std::string describe(quantity_kind kind) { return info(kind).phrase; }

double parse_quantity(std::string_view text, quantity_kind kind) {
    const kind_info k = info(kind);
    const std::string expected = std::string("expected ") + k.phrase + ", got ";
    const std::string_view s = trim(text);
    const std::size_t n = scan_number(s);
    double number = 0.0;
    if (n > 0) {
        const std::size_t skip = s.front() == '+' ? 1 : 0;
        const auto [end, ec] = std::from_chars(s.data() + skip, s.data() + n, number);
        if (ec != std::errc() || end != s.data() + n) {
            throw input_error(expected + quoted(text));
        }
    } else {
        throw input_error(expected + quoted(text));
    }
    const std::string_view rest = trim(s.substr(n));
    if (rest.empty()) {
        if (kind == quantity_kind::dimensionless || kind == quantity_kind::count) {
            return representable(number, expected, text);
        }
        throw input_error(expected + "a bare number " + quoted(text) + "; add a unit");
    }
    if (kind == quantity_kind::count && rest.size() == 1) {
        for (const si_prefix& p : prefixes) {
            if (p.large && p.name == rest) {
                return representable(number * p.num, expected, text);
            }
        }
    }
    unit_problem problem;
    const auto unit = parse_unit_expression(rest, problem);
    if (!unit) {
        if (!problem.unknown.empty()) {
            throw input_error("unknown unit " + quoted(problem.unknown) + " in " + quoted(text) + "; expected " +
                              k.phrase);
        }
        throw input_error(expected + quoted(text));
    }
    if (unit->exponents != k.expected) {
        throw input_error(expected + quoted(text));
    }
    return representable(number * unit->num / unit->den, expected, text);
}

std::string format_quantity(double value_si, quantity_kind kind) {
    const std::vector<display_unit> units = display_units(kind);
    if (units.empty()) {
        // Plain numbers: the fewest of 15 to 17 significant digits that read back exactly.
        for (int digits = 15; digits < 17; ++digits) {
            std::string text = format_number(value_si, digits);
            if (!std::isfinite(value_si) || parse_quantity(text, kind) == value_si) {
                return text;
            }
        }
        return format_number(value_si, 17);
    }
    if (!std::isfinite(value_si)) {
        return format_number(value_si) + " " + units.front().label;
    }
    std::vector<display_unit> calendar;
    if (kind == quantity_kind::time) {
        for (const char* label : {"y", "d", "h", "min"}) {
            calendar.push_back(make_display(label));
        }
    }
    const std::vector<const display_unit*> order = preferred_units(value_si, kind, units, calendar);
    // First choice: a text of up to 15 digits that reads back exactly, in the most natural unit that
    // has one (a value read from "482.127 s" is not forced into minutes).
    for (const display_unit* u : order) {
        std::string text = text_in(value_si, *u);
        if (parse_quantity(text, kind) == value_si) {
            return text;
        }
    }
    // A computed value: up to 17 digits in the natural unit when some read back exactly, else 15
    // digits (within 1e-14 relative).
    std::string exact = exact_long_text_in(value_si, *order.front(), kind);
    return exact.empty() ? text_in(value_si, *order.front()) : exact;
}

std::string with_si_prefix(double value, std::string_view unit) {
    static constexpr const char* prefixes[] = {"", "k", "M", "G", "T", "P"};
    int i = 0;
    while (std::fabs(value) >= 1000.0 && i < 5) {
        value /= 1000.0;
        ++i;
    }
    return fmt::format("{:.4g} {}{}", value, prefixes[i], unit);
}

}  // namespace kardashev
