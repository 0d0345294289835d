#include <array>
#include <charconv>
#include <cstdlib>
#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/text.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/study/sweep.hpp"

namespace kardashev::study {

namespace {

constexpr double never = std::numeric_limits<double>::infinity();
constexpr double seconds_per_day = 86400.0;

/// Days since 2000-01-01 00:00 UTC of `e` (the epoch's UTC calendar day and time of day).
double days_of(const epoch& e) {
    const auto f = e.to_utc();
    const double day = static_cast<double>(days_since_2000(civil_date{f.year, f.month, f.day}));
    return day + (f.hour * 3600.0 + f.minute * 60.0 + f.second) / seconds_per_day;
}

/// The first calendar year whose new IT power, all kinds of site together, reaches 1 TW (1 January of it).
double terawatt_year(const sim::run_summary& s) {
    for (const auto& y : s.years) {
        double added = 0.0;
        for (const auto& k : y.kinds) added += k.it_power_added_w;
        if (added >= 1e12) return static_cast<double>(days_since_2000(civil_date{y.year, 1, 1}));
    }
    return never;
}

std::string known_outputs() {
    std::string out;
    for (const auto& o : headline_outputs()) out += (out.empty() ? "" : ", ") + std::string(o.name);
    return out;
}

/// A date threshold: "2033" (1 January) or "2033-06-30", as days since 2000-01-01.
double date_threshold(std::string_view text) {
    int year = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, year);
    if (ec == std::errc{} && ptr == end) return static_cast<double>(days_since_2000(civil_date{year, 1, 1}));
    return days_of(epoch::from_utc_iso(std::string(text)));
}

}  // namespace

const std::vector<output_def>& headline_outputs() {
    using enum output_kind;
    static const std::vector<output_def> defs{
        {"cost_per_accelerator_hour_usd", "USD/h", number, "(depreciation + capital charge + energy) / accelerator-hours"},
        {"total_capex_usd", "USD", number, "capital spent over the run"},
        {"accelerator_hours", "h", number, "accelerator-hours installed"},
        {"peak_facility_power_w", "W", number, "peak facility power, all sites"},
        {"kardashev_index_peak", "", number, "Sagan's K of the peak facility power"},
        {"final_unique_tokens", "tokens", number, "unique tokens in the corpus at the end"},
        {"generations", "", number, "model generations released"},
        {"final_loss", "nats/token", number, "loss of the last generation released"},
        {"total_emissions_kg", "kg", number, "CO2 from the energy bought"},
        {"orbit_cheaper_than_ground_from", "date", date, "first step an orbit accelerator-hour costs less than the ground's"},
        {"moon_cheaper_than_ground_from", "date", date, "first step a Moon accelerator-hour costs less than the ground's"},
        {"terawatt_a_year_from", "date", date, "first calendar year adding 1 TW of IT power, all sites"},
    };
    return defs;
}

std::size_t find_output(std::string_view name) {
    const auto& defs = headline_outputs();
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (defs[i].name == name) return i;
    }
    return defs.size();
}

std::vector<double> headline_values(const sim::run_summary& s) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {s.cost_per_accelerator_hour_usd,
            s.total_capex_usd,
            s.accelerator_hours,
            s.peak_facility_power_w,
            s.kardashev_index_peak,
            s.final_unique_tokens,
            static_cast<double>(s.generations.size()),
            s.generations.empty() ? nan : s.generations.back().loss,
            s.total_emissions_kg,
            s.orbit_cheaper_than_ground_from ? days_of(*s.orbit_cheaper_than_ground_from) : never,
            s.moon_cheaper_than_ground_from ? days_of(*s.moon_cheaper_than_ground_from) : never,
            terawatt_year(s)};
}

stated_event parse_event(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, comparison>, 4> ops{
        {{"<=", comparison::less_equal}, {">=", comparison::greater_equal}, {"<", comparison::less}, {">", comparison::greater}}};
    for (const auto& [sym, op] : ops) {
        const auto at = text.find(sym);
        if (at == std::string_view::npos) continue;
        stated_event e;
        e.text = std::string(trim(text));
        e.op = op;
        const auto name = trim(text.substr(0, at));
        const auto value = trim(text.substr(at + sym.size()));
        e.output = find_output(name);
        if (e.output == headline_outputs().size()) {
            throw input_error(fmt::format("event {}: unknown output {}; known outputs: {}", kardashev::quoted(text), kardashev::quoted(name), known_outputs()));
        }
        if (headline_outputs()[e.output].kind == output_kind::date) {
            e.threshold = date_threshold(value);
            return e;
        }
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), e.threshold);
        if (ec != std::errc{} || ptr != value.data() + value.size()) {
            throw input_error(fmt::format("event {}: expected a number after {}, got {}", kardashev::quoted(text), sym, kardashev::quoted(value)));
        }
        return e;
    }
    throw input_error(fmt::format("event {}: expected OUTPUT < VALUE (or <=, >, >=)", kardashev::quoted(text)));
}

bool holds(const stated_event& event, double value) {
    switch (event.op) {
        case comparison::less: return value < event.threshold;
        case comparison::less_equal: return value <= event.threshold;
        case comparison::greater: return value > event.threshold;
        case comparison::greater_equal: return value >= event.threshold;
    }
    return false;
}

std::string encode_outcome(const sample_outcome& outcome) {
    if (!outcome.ok) {
        std::string msg;
        for (const char c : outcome.error) msg += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
        return "error\t" + msg;
    }
    std::string out = "ok\t";
    for (std::size_t i = 0; i < outcome.values.size(); ++i) out += fmt::format("{}{}", i ? "," : "", outcome.values[i]);
    return out;
}

sample_outcome decode_outcome(std::string_view text) {
    sample_outcome o;
    if (text.starts_with("error\t")) {
        o.error = std::string(text.substr(6));
        return o;
    }
    if (!text.starts_with("ok\t")) throw input_error("not a sample outcome");
    o.ok = true;
    std::string_view rest = text.substr(3);
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string field(rest.substr(0, comma));
        char* end = nullptr;
        const double v = std::strtod(field.c_str(), &end);
        if (field.empty() || end != field.c_str() + field.size()) throw input_error("not a sample outcome");
        o.values.push_back(v);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    return o;
}

}  // namespace kardashev::study
