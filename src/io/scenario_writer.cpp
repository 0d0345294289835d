#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/io/launcher_catalog.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace kardashev::io {

namespace {

// NOTE: `explain` must load back to an equal scenario, bit for bit. format_quantity promises a
// round trip to 1e-12 only, so each text is checked and, when it misses, the value is written in
// the unit (from a short list per kind) and with the fewest digits that read back exactly; the SI
// unit with 17 digits always does.

/// Units a person writes for `kind`, besides format_quantity's choice; the SI unit is last.
std::vector<std::string_view> candidate_units(quantity_kind kind) {
    switch (kind) {
    case quantity_kind::dimensionless: return {"%", ""};
    case quantity_kind::count: return {"k", "M", "G", ""};
    case quantity_kind::length: return {"km", "m"};
    case quantity_kind::area: return {"km2", "m2"};
    case quantity_kind::mass: return {"t", "kg"};
    case quantity_kind::time: return {"y", "d", "h", "min", "s"};
    case quantity_kind::power: return {"GW", "MW", "kW", "W"};
    case quantity_kind::energy: return {"TWh", "GWh", "MWh", "kWh", "J"};
    case quantity_kind::temperature: return {"K"};
    case quantity_kind::angle: return {"deg", "rad"};
    case quantity_kind::rate: return {"%/yr", "/yr", "/d", "/s"};
    case quantity_kind::data_size: return {"PB", "TB", "GB", "MB", "kB", "B"};
    case quantity_kind::data_rate:
        return {"Tbps", "Gbps", "Mbps", "kbps", "PB/d", "TB/d", "GB/d", "MB/d", "kB/d", "B/d", "TB/h",
                "GB/h",  "MB/h", "kB/h", "TB/s", "GB/s", "MB/s", "kB/s", "B/s"};
    case quantity_kind::money: return {"GUSD", "MUSD", "kUSD", "USD"};
    case quantity_kind::price_per_mass: return {"USD/kg"};
    case quantity_kind::price_per_energy: return {"USD/kWh", "USD/MWh", "USD/J"};
    case quantity_kind::price_per_power: return {"USD/W", "USD/kW", "MUSD/MW"};
    case quantity_kind::money_rate: return {"GUSD/yr", "MUSD/yr", "kUSD/yr", "USD/yr", "USD/d", "USD/s"};
    case quantity_kind::flop_rate: return {"PFLOP/s", "TFLOP/s", "GFLOP/s", "FLOP/s"};
    case quantity_kind::tokens: return {"Ttok", "Gtok", "Mtok", "ktok", "tok"};
    case quantity_kind::tokens_per_byte: return {"tok/B"};
    case quantity_kind::specific_energy: return {"Wh/kg", "J/kg"};
    case quantity_kind::mass_per_energy: return {"kg/kWh", "g/kWh", "kg/J"};
    case quantity_kind::mass_rate: return {"Gt/yr", "Mt/yr", "kt/yr", "t/yr", "kg/s"};
    case quantity_kind::speed: return {"km/s", "m/s"};
    case quantity_kind::acceleration: return {"m/s2"};
    }
    return {};
}

/// `v` written with `digits` significant digits.
std::string number_text(double v, int digits) {
    std::array<char, 64> buffer{};
    const auto result =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), v, std::chars_format::general, digits);
    return std::string(buffer.data(), result.ptr);
}

bool reads_back(const std::string& text, double v, quantity_kind kind) {
    try {
        return parse_quantity(text, kind) == v;
    } catch (const error&) {
        return false;
    }
}

bool reads_back(const std::string& text, duration d) {
    try {
        return duration::from_seconds(parse_quantity(text, quantity_kind::time)) == d;
    } catch (const error&) {
        return false;
    }
}

/// Significant digits of the number that starts `text` ("0.0250 GB" -> 3).
int significant_digits(std::string_view text) {
    int count = 0;
    int zeros = 0;  // zeros after the first significant digit, counted when a digit follows
    bool leading = true;
    for (const char c : text) {
        if (c == 'e' || c == 'E' || c == ' ') break;
        if (c < '0' || c > '9') continue;
        if (leading && c == '0') continue;
        leading = false;
        if (c == '0') {
            ++zeros;
        } else {
            count += zeros + 1;
            zeros = 0;
        }
    }
    return count;
}

/// The text of `value_si` that `accept` takes with the fewest significant digits, preferring
/// format_quantity's choice, then a number without an exponent in [1, 1000) in one of the
/// candidate units.
template <class Accept>
std::string exact_text(double value_si, quantity_kind kind, Accept&& accept) {
    const std::string formatted = format_quantity(value_si, kind);
    const bool formatted_ok = accept(formatted);
    const int formatted_digits = formatted_ok ? significant_digits(formatted) : 99;
    if (formatted_ok && formatted_digits <= 3) return formatted;
    std::string best;
    std::tuple<bool, bool, int> best_score{true, true, 99};
    for (const auto unit : candidate_units(kind)) {
        double one = 1.0;
        try {
            one = parse_quantity(unit.empty() ? std::string("1") : "1 " + std::string(unit), kind);
        } catch (const error&) {
            continue;
        }
        const double mantissa = value_si / one;
        for (int digits = 1; digits <= 17; ++digits) {
            const std::string number = number_text(mantissa, digits);
            const bool exponent = number.find('e') != std::string::npos;
            if (exponent && digits < 17) continue;
            const std::string text = unit.empty() ? number : number + " " + std::string(unit);
            if (!accept(text)) continue;
            const double magnitude = std::fabs(mantissa);
            const std::tuple<bool, bool, int> score{exponent, magnitude != 0.0 && (magnitude < 1.0 || magnitude >= 1000.0),
                                                    significant_digits(number)};
            if (score < best_score) {
                best = text;
                best_score = score;
            }
            break;
        }
    }
    if (best.empty() || (formatted_ok && formatted_digits <= std::get<2>(best_score))) return formatted;
    return best;
}

/// `v` [SI] in the unit a person would write, reading back exactly.
std::string quantity_text(double v, quantity_kind kind) {
    return exact_text(v, kind, [&](const std::string& text) { return reads_back(text, v, kind); });
}

/// `d` in the unit a person would write, reading back exactly.
std::string duration_text(duration d) {
    const auto accept = [&](const std::string& text) { return reads_back(text, d); };
    const std::string text = exact_text(d.seconds(), quantity_kind::time, accept);
    if (accept(text)) return text;
    // NOTE: a duration read from text is from_seconds(x) for some double x, which need not be
    // d.seconds(); x is one of its neighbours.
    double below = d.seconds();
    double above = d.seconds();
    for (int step = 0; step < 16; ++step) {
        below = std::nextafter(below, -HUGE_VAL);
        above = std::nextafter(above, HUGE_VAL);
        for (const double x : {below, above}) {
            const std::string candidate = number_text(x, 17) + " s";
            if (accept(candidate)) return candidate;
        }
    }
    return text;
}

/// ISO-8601 UTC: the date alone at midnight, else the full time.
std::string date_text(epoch e) {
    const std::string iso = e.to_utc_iso();
    const std::string date = e.to_utc_date();
    if (iso == date + "T00:00:00Z") {
        try {
            if (epoch::from_utc_iso(date) == e) return date;
        } catch (const error&) {
        }
    }
    return iso;
}

/// A count per unit of time [1/s] as a count a year ("10000 /yr"), the way a production rate is written, when that
/// reads back exactly; else quantity_text's choice.
std::string per_year_text(double v, quantity_kind kind) {
    for (int digits = 1; digits <= 17; ++digits) {
        const std::string text = number_text(v * 365.25 * 86400.0, digits) + " /yr";
        if (text.find('e') == std::string::npos && reads_back(text, v, kind)) return text;
    }
    return quantity_text(v, kind);
}

using value_text_fn = std::string (*)(double, quantity_kind);

void write_schedule(YAML::Emitter& out, const char* key, const std::vector<sim::schedule_point>& schedule,
                    quantity_kind kind, value_text_fn value_text = quantity_text) {
    out << YAML::Key << key << YAML::Value;
    if (schedule.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
    }
    out << YAML::BeginSeq;
    for (const auto& p : schedule) {
        out << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "from" << YAML::Value << date_text(p.at);
        out << YAML::Key << "value" << YAML::Value << value_text(p.value, kind);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void write_quantity(YAML::Emitter& out, const char* key, double v, quantity_kind kind) {
    out << YAML::Key << key << YAML::Value << quantity_text(v, kind);
}

/// A moon site's `industry` block; the optional schedules only when given.
void write_lunar_industry(YAML::Emitter& out, const sim::lunar_industry& industry) {
    out << YAML::Key << "industry" << YAML::Value << YAML::BeginMap;
    if (!industry.regolith_share.empty()) write_schedule(out, "regolith_share", industry.regolith_share, quantity_kind::dimensionless);
    out << YAML::Key << "mass_driver" << YAML::Value << YAML::BeginMap;
    write_schedule(out, "rate", industry.driver_rate_kg_per_s, quantity_kind::mass_rate);
    write_quantity(out, "launch_speed", industry.driver.launch_speed_m_s, quantity_kind::speed);
    write_quantity(out, "efficiency", industry.driver.efficiency, quantity_kind::dimensionless);
    write_quantity(out, "acceleration", industry.driver.acceleration_m_s2, quantity_kind::acceleration);
    out << YAML::EndMap;
    if (!industry.plant_power_w.empty()) write_schedule(out, "plant_power", industry.plant_power_w, quantity_kind::power);
    if (!industry.delivery_price_usd_per_kg.empty())
        write_schedule(out, "delivery_price", industry.delivery_price_usd_per_kg, quantity_kind::price_per_mass);
    if (!industry.earth_shipments_kg_per_s.empty())
        write_schedule(out, "earth_shipments", industry.earth_shipments_kg_per_s, quantity_kind::mass_rate);
    out << YAML::EndMap;
}

void write_duration(YAML::Emitter& out, const char* key, duration d) {
    out << YAML::Key << key << YAML::Value << duration_text(d);
}

void write_text(YAML::Emitter& out, const char* key, const std::string& text) {
    out << YAML::Key << key << YAML::Value << text;
}

/// A choice by its scenario name (the enum's to_string).
template <class Choice>
void write_choice(YAML::Emitter& out, const char* key, Choice choice) {
    write_text(out, key, std::string(to_string(choice)));
}

/// A site's energy price and carbon intensity (a quantity, or a schedule when one was given), or its power plant.
void write_site_power(YAML::Emitter& out, const sim::site& s) {
    if (s.power_plant.empty()) {
        if (s.energy_price_usd_per_j.empty())
            write_quantity(out, "energy_price", s.facility.energy_price_usd_per_j, quantity_kind::price_per_energy);
        else
            write_schedule(out, "energy_price", s.energy_price_usd_per_j, quantity_kind::price_per_energy);
        if (s.carbon_kg_per_j.empty())
            write_quantity(out, "carbon_intensity", s.facility.carbon_kg_per_j, quantity_kind::mass_per_energy);
        else
            write_schedule(out, "carbon_intensity", s.carbon_kg_per_j, quantity_kind::mass_per_energy);
        return;
    }
    out << YAML::Key << "power_plant" << YAML::Value << YAML::BeginSeq;
    for (const auto& b : s.power_plant) {
        out << YAML::Flow << YAML::BeginMap;
        write_text(out, "from", date_text(b.from));
        write_choice(out, "source", b.source);
        write_quantity(out, "capacity", b.capacity_w, quantity_kind::power);
        write_quantity(out, "capex", b.capex_usd_per_w, quantity_kind::price_per_power);
        write_quantity(out, "energy_price", b.energy_price_usd_per_j, quantity_kind::price_per_energy);
        write_quantity(out, "carbon_intensity", b.carbon_kg_per_j, quantity_kind::mass_per_energy);
        write_duration(out, "lead_time", b.lead_time);
        write_duration(out, "life", b.life);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

/// A schedule of one point at `start` as its quantity (as a person writes a constant), else the schedule.
void write_figure(YAML::Emitter& out, const char* key, const std::vector<sim::schedule_point>& schedule, quantity_kind kind,
                  epoch start, value_text_fn value_text = quantity_text) {
    if (schedule.size() == 1 && schedule.front().at == start) {
        out << YAML::Key << key << YAML::Value << value_text(schedule.front().value, kind);
    } else {
        write_schedule(out, key, schedule, kind, value_text);
    }
}

void write_cohort(YAML::Emitter& out, const fleet::cohort& c, epoch start) {
    out << YAML::BeginMap;
    write_text(out, "name", c.name);
    write_choice(out, "kind", c.kind);
    if (c.start) write_text(out, "start", date_text(*c.start));
    if (c.end) write_text(out, "end", date_text(*c.end));
    write_quantity(out, "units", c.units, quantity_kind::count);
    if (c.production_per_s.empty()) {
        write_figure(out, "market_size", c.market_size, quantity_kind::count, start);
        write_figure(out, "growth_rate", c.growth_rate_per_s, quantity_kind::rate, start);
    } else {
        write_figure(out, "production", c.production_per_s, quantity_kind::rate, start, per_year_text);
        if (c.service_life.ns() > 0) write_duration(out, "service_life", c.service_life);
    }
    write_figure(out, "raw_data_per_unit", c.raw_bytes_per_unit_s, quantity_kind::data_rate, start);
    write_figure(out, "upload_fraction", c.upload_fraction, quantity_kind::dimensionless, start);
    write_figure(out, "curation_yield", c.curation_yield, quantity_kind::dimensionless, start);
    write_quantity(out, "tokens_per_byte", c.tokens_per_byte, quantity_kind::tokens_per_byte);
    write_quantity(out, "quality_elasticity", c.quality_elasticity, quantity_kind::dimensionless);
    out << YAML::EndMap;
}

void write_names(YAML::Emitter& out, const char* key, const std::vector<std::string>& names) {
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& n : names) out << n;
    out << YAML::EndSeq;
}

void write_uplink_network(YAML::Emitter& out, const sim::uplink_network& net, epoch start) {
    out << YAML::Key << "network" << YAML::Value << YAML::BeginMap;
    write_names(out, "constellation", net.constellation);
    write_quantity(out, "min_elevation", net.min_elevation_rad, quantity_kind::angle);
    write_schedule(out, "isl_capacity", net.isl_capacity_bytes_per_s, quantity_kind::data_rate);
    write_schedule(out, "user_link_capacity", net.user_link_capacity_bytes_per_s, quantity_kind::data_rate);
    write_schedule(out, "gateway_link_capacity", net.gateway_link_capacity_bytes_per_s, quantity_kind::data_rate);
    write_schedule(out, "fibre_capacity", net.fibre_capacity_bytes_per_s, quantity_kind::data_rate);
    write_quantity(out, "fibre_route_factor", net.fibre_route_factor, quantity_kind::dimensionless);
    write_duration(out, "window", net.window);
    out << YAML::Key << "samples" << YAML::Value << net.samples;
    out << YAML::Key << "regions" << YAML::Value << YAML::BeginSeq;
    for (const auto& r : net.regions) {
        out << YAML::BeginMap;
        write_text(out, "name", r.name);
        out << YAML::Key << "location" << YAML::Value << YAML::Flow << YAML::BeginMap;
        write_quantity(out, "latitude", r.latitude_rad, quantity_kind::angle);
        write_quantity(out, "longitude", r.longitude_rad, quantity_kind::angle);
        out << YAML::EndMap;
        out << YAML::Key << "cohorts" << YAML::Value << YAML::BeginSeq;
        for (const auto& c : r.cohorts) {
            out << YAML::Flow << YAML::BeginMap;
            write_text(out, "name", c.cohort);
            write_figure(out, "share", c.share, quantity_kind::dimensionless, start);
            if (c.approved) write_text(out, "approved", date_text(*c.approved));
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        write_names(out, "fibre_to", r.fibre_to);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::EndMap;
}

void write_site(YAML::Emitter& out, const sim::site& s) {
    out << YAML::BeginMap;
    write_text(out, "name", s.name);
    write_choice(out, "kind", s.kind);
    if (s.kind == sim::site_kind::ground && s.location.given) {
        out << YAML::Key << "location" << YAML::Value << YAML::BeginMap;
        write_quantity(out, "latitude", s.location.latitude_rad, quantity_kind::angle);
        write_quantity(out, "longitude", s.location.longitude_rad, quantity_kind::angle);
        out << YAML::EndMap;
    }
    if (s.kind == sim::site_kind::orbit) {
        out << YAML::Key << "orbit" << YAML::Value << YAML::BeginMap;
        write_quantity(out, "altitude", s.orbit.altitude_m, quantity_kind::length);
        if (s.orbit.sun_synchronous) {
            const int minutes = static_cast<int>(std::lround(s.orbit.ltan_h * 60.0));
            write_text(out, "ltan", fmt::format("{:02}:{:02}", minutes / 60, minutes % 60));
        } else {
            write_quantity(out, "inclination", s.orbit.inclination_rad, quantity_kind::angle);
            write_quantity(out, "raan", s.orbit.raan_rad, quantity_kind::angle);
        }
        write_choice(out, "shadow", s.orbit.shadow);
        write_quantity(out, "satellite_size", s.orbit.satellite_size, quantity_kind::count);
        write_quantity(out, "isl_bandwidth", s.orbit.isl_bandwidth_bytes_per_s, quantity_kind::data_rate);
        write_quantity(out, "isl_latency", s.orbit.isl_latency_s, quantity_kind::time);
        out << YAML::EndMap;
    }
    if (s.kind == sim::site_kind::moon) {
        out << YAML::Key << "moon" << YAML::Value << YAML::BeginMap;
        write_choice(out, "location", s.moon.location);
        write_quantity(out, "sunlit_fraction", s.moon.sunlit_fraction, quantity_kind::dimensionless);
        if (s.moon.industry.enabled) write_lunar_industry(out, s.moon.industry);
        out << YAML::EndMap;
    }
    if (s.failure_rate_per_s > 0.0 || s.kind != sim::site_kind::ground) write_quantity(out, "failure_rate", s.failure_rate_per_s, quantity_kind::rate);
    write_text(out, "accelerator", s.accel.name);
    write_choice(out, "purchase", s.purchase);
    out << YAML::Key << "replace_retired" << YAML::Value << s.replace_retired;
    out << YAML::Key << "serving_only" << YAML::Value << s.serving_only;
    write_schedule(out, "accelerators", s.planned_accelerators, quantity_kind::count);
    if (s.power_plant.empty()) write_schedule(out, "power_capacity", s.power_capacity_w, quantity_kind::power);
    write_quantity(out, "pue", s.facility.pue, quantity_kind::dimensionless);
    write_site_power(out, s);
    if (s.kind == sim::site_kind::ground) write_quantity(out, "facility_capex", s.facility_capex_usd_per_w, quantity_kind::price_per_power);
    if (s.facility_life.ns() > 0) write_duration(out, "facility_life", s.facility_life);
    out << YAML::EndMap;
}

/// A price path: the learning mapping, or the schedule of prices in its place.
void write_price_path(YAML::Emitter& out, const logistics::price_path& p) {
    if (p.model == logistics::price_model::schedule) {
        write_schedule(out, "price", p.price_usd_per_kg, quantity_kind::price_per_mass);
        return;
    }
    out << YAML::Key << "price" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "learning" << YAML::Value << YAML::Flow << YAML::BeginMap;
    write_quantity(out, "price", p.curve.p0_usd_per_kg, quantity_kind::price_per_mass);
    write_quantity(out, "at_mass", p.curve.m0_kg, quantity_kind::mass);
    write_quantity(out, "learning_rate", p.curve.learning_rate, quantity_kind::dimensionless);
    out << YAML::EndMap;
    write_quantity(out, "starting_mass", p.starting_mass_kg, quantity_kind::mass);
    write_schedule(out, "other_mass", p.other_mass_kg_per_s, quantity_kind::mass_rate);
    out << YAML::EndMap;
}

/// Whether a launcher's reliability differs from its catalogue entry's (an unknown name: always).
bool reliability_overridden(const logistics::launcher& vehicle) {
    try {
        return find_launcher(vehicle.name).reliability != vehicle.reliability;
    } catch (const input_error&) {
        return true;
    }
}

void write_launcher_flights(YAML::Emitter& out, const sim::launcher_flights& l) {
    out << YAML::BeginMap;
    write_text(out, "name", l.vehicle.name);
    write_schedule(out, "flights_per_year", l.flights_per_s, quantity_kind::rate);
    if (reliability_overridden(l.vehicle)) write_quantity(out, "reliability", l.vehicle.reliability, quantity_kind::dimensionless);
    out << YAML::EndMap;
}

void write_accelerator(YAML::Emitter& out, const compute::accelerator& a) {
    out << YAML::BeginMap;
    write_text(out, "name", a.name);
    if (a.available) write_text(out, "available", date_text(*a.available));
    write_quantity(out, "peak_flops_bf16", a.peak_flops_bf16, quantity_kind::flop_rate);
    if (a.peak_flops_fp8 > 0.0) write_quantity(out, "peak_flops_fp8", a.peak_flops_fp8, quantity_kind::flop_rate);
    write_quantity(out, "hbm", a.hbm_bytes, quantity_kind::data_size);
    write_quantity(out, "hbm_bandwidth", a.hbm_bandwidth_bytes_per_s, quantity_kind::data_rate);
    write_quantity(out, "power", a.power_w, quantity_kind::power);
    write_quantity(out, "all_in_power", a.all_in_power_w, quantity_kind::power);
    write_quantity(out, "price", a.price_usd, quantity_kind::money);
    write_text(out, "source", a.source);
    if (a.scale_up_size > 0.0) write_quantity(out, "scale_up_size", a.scale_up_size, quantity_kind::count);
    if (a.scale_up_bandwidth_bytes_per_s > 0.0)
        write_quantity(out, "scale_up_bandwidth", a.scale_up_bandwidth_bytes_per_s, quantity_kind::data_rate);
    if (a.scale_out_bandwidth_bytes_per_s > 0.0)
        write_quantity(out, "scale_out_bandwidth", a.scale_out_bandwidth_bytes_per_s, quantity_kind::data_rate);
    if (a.matmul_efficiency > 0.0) write_quantity(out, "matmul_efficiency", a.matmul_efficiency, quantity_kind::dimensionless);
    out << YAML::EndMap;
}

void write_financing_event(YAML::Emitter& out, const sim::financing_event& e) {
    out << YAML::BeginMap;
    write_text(out, "name", e.name);
    write_choice(out, "kind", e.kind);
    out << YAML::Key << "date" << YAML::Value << date_text(e.date);
    write_quantity(out, "amount", e.amount_usd, quantity_kind::money);
    if (e.kind == sim::financing_kind::debt) {
        write_quantity(out, "rate", e.rate, quantity_kind::dimensionless);
        write_duration(out, "term", e.term);
    }
    if (e.kind == sim::financing_kind::partnership) write_quantity(out, "revenue_share", e.revenue_share, quantity_kind::dimensionless);
    write_text(out, "source", e.source);
    out << YAML::EndMap;
}

void write_revenue_row(YAML::Emitter& out, const sim::cohort_revenue& r) {
    out << YAML::BeginMap;
    write_text(out, "cohort", r.cohort);
    write_quantity(out, "paying_share", r.terms.paying_share, quantity_kind::dimensionless);
    write_quantity(out, "price", r.terms.price_usd_per_s, quantity_kind::money_rate);
    if (r.terms.reference_price_usd_per_s > 0.0)  // the defaults (0: the price; no response) unwritten
        write_quantity(out, "reference_price", r.terms.reference_price_usd_per_s, quantity_kind::money_rate);
    if (r.terms.price_elasticity > 0.0) write_quantity(out, "price_elasticity", r.terms.price_elasticity, quantity_kind::dimensionless);
    write_quantity(out, "quality_elasticity", r.terms.quality_elasticity, quantity_kind::dimensionless);
    if (r.serving_tokens_per_s > 0.0) write_quantity(out, "serving_tokens", r.serving_tokens_per_s, quantity_kind::rate);
    write_text(out, "source", r.source);
    out << YAML::EndMap;
}

template <class T, class F>
void write_list(YAML::Emitter& out, const char* key, const std::vector<T>& items, F&& write_item) {
    out << YAML::Key << key << YAML::Value;
    if (items.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
    }
    out << YAML::BeginSeq;
    for (const auto& item : items) write_item(out, item);
    out << YAML::EndSeq;
}

/// `money`, written only when it differs from the default (so that a scenario without one reads back the same).
void write_money(YAML::Emitter& out, const sim::money_params& m) {
    out << YAML::Key << "money" << YAML::Value << YAML::BeginMap;
    write_choice(out, "capex", m.capex);
    write_quantity(out, "cash", m.cash_usd, quantity_kind::money);
    write_quantity(out, "leverage_cap", m.leverage_cap, quantity_kind::dimensionless);
    write_quantity(out, "discount_rate", m.discount_rate, quantity_kind::dimensionless);
    write_quantity(out, "serving_max_share", m.serving_max_share, quantity_kind::dimensionless);
    write_quantity(out, "serving_model_params", m.serving_model_params, quantity_kind::count);
    write_list(out, "financing", m.financing, write_financing_event);
    write_list(out, "revenue", m.revenue, write_revenue_row);
    out << YAML::EndMap;
}

}  // namespace

namespace {

/// `fleet.allocation` and `fleet.lines` (nothing when the scenario has no lines).
void write_model_lines(YAML::Emitter& out, const sim::scenario& s) {
    if (s.lines.empty()) return;
    write_choice(out, "allocation", s.line_allocation);
    write_list(out, "lines", s.lines, [&](YAML::Emitter& e, const fleet::model_line& line) {
        e << YAML::BeginMap;
        write_text(e, "name", line.name);
        write_choice(e, "unit", line.unit);
        write_choice(e, "law", line.law);
        write_list(e, "sources", line.sources, [](YAML::Emitter& se, const fleet::line_source& source) {
            se << YAML::Flow << YAML::BeginMap;
            write_text(se, "cohort", source.cohort);
            write_quantity(se, "weight", source.weight, quantity_kind::dimensionless);
            se << YAML::EndMap;
        });
        write_quantity(e, "initial_unique_tokens", line.initial_unique_tokens, quantity_kind::tokens);
        write_quantity(e, "unique_token_cap", line.unique_token_cap, quantity_kind::tokens);
        write_quantity(e, "compute_share", line.compute_share, quantity_kind::dimensionless);
        write_quantity(e, "reference_compute", line.reference_flop, quantity_kind::count);
        e << YAML::Key << "cadence" << YAML::Value << line.cadence;
        e << YAML::EndMap;
    });
}

}  // namespace

std::string write_scenario_yaml(const sim::scenario& s) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    write_text(out, "name", s.name);
    write_text(out, "description", s.description);
    out << YAML::Key << "start" << YAML::Value << date_text(s.start);
    write_duration(out, "length", s.length);
    write_duration(out, "step", s.step);
    out << YAML::Key << "seed" << YAML::Value << s.seed;
    if (s.failures != sim::failure_mode::expected) write_choice(out, "failures", s.failures);  // the default unwritten

    out << YAML::Key << "fleet" << YAML::Value << YAML::BeginMap;
    write_list(out, "cohorts", s.cohorts, [&](YAML::Emitter& e, const fleet::cohort& c) { write_cohort(e, c, s.start); });
    write_model_lines(out, s);
    out << YAML::EndMap;

    out << YAML::Key << "corpus" << YAML::Value << YAML::BeginMap;
    write_quantity(out, "initial_unique_tokens", s.corpus.initial_unique_tokens, quantity_kind::tokens);
    write_quantity(out, "max_epochs", s.corpus.max_epochs, quantity_kind::dimensionless);
    write_quantity(out, "repetition_constant", s.corpus.repetition_constant, quantity_kind::dimensionless);
    out << YAML::EndMap;

    out << YAML::Key << "uplink" << YAML::Value << YAML::BeginMap;
    write_schedule(out, "capacity", s.uplink.capacity_bytes_per_s, quantity_kind::data_rate);
    if (s.uplink.network.enabled) write_uplink_network(out, s.uplink.network, s.start);
    out << YAML::EndMap;

    write_list(out, "sites", s.sites, write_site);

    out << YAML::Key << "training" << YAML::Value << YAML::BeginMap;
    write_choice(out, "scaling_law", s.training.scaling_law);
    write_quantity(out, "mfu", s.training.mfu, quantity_kind::dimensionless);
    write_quantity(out, "goodput", s.training.goodput, quantity_kind::dimensionless);
    write_choice(out, "utilisation", s.training.utilisation);
    write_duration(out, "accelerator_mtbf", s.training.accelerator_mtbf);
    write_duration(out, "checkpoint_write", s.training.checkpoint_write);
    write_duration(out, "restart", s.training.restart);
    write_duration(out, "generation_length", s.training.generation_length);
    write_duration(out, "release_gap", s.training.release_gap);
    write_quantity(out, "reference_loss", s.training.reference_loss, quantity_kind::dimensionless);
    if (s.training.algorithmic_progress.enabled) {
        out << YAML::Key << "algorithmic_progress" << YAML::Value << YAML::Flow << YAML::BeginMap;
        write_quantity(out, "halving_time", s.training.algorithmic_progress.halving_time_s, quantity_kind::time);
        out << YAML::EndMap;
    } else {
        write_text(out, "algorithmic_progress", "off");
    }
    out << YAML::EndMap;

    out << YAML::Key << "economy" << YAML::Value << YAML::BeginMap;
    write_schedule(out, "capex_budget", s.economy.capex_budget_usd_per_s, quantity_kind::money_rate);
    if (!s.economy.chip_supply_per_s.empty())  // only when given: the planner's limit, no engine figure moves
        write_schedule(out, "chip_supply", s.economy.chip_supply_per_s, quantity_kind::rate);
    write_duration(out, "accelerator_life", s.economy.accelerator_life);
    write_duration(out, "facility_life", s.economy.facility_life);
    write_quantity(out, "cost_of_capital", s.economy.cost_of_capital, quantity_kind::dimensionless);
    out << YAML::EndMap;

    out << YAML::Key << "launch" << YAML::Value << YAML::BeginMap;
    write_price_path(out, s.launch.price);
    write_list(out, "launchers", s.launch.launchers, write_launcher_flights);
    out << YAML::EndMap;
    out << YAML::Key << "spacecraft" << YAML::Value << YAML::BeginMap;
    write_price_path(out, s.spacecraft.price);
    out << YAML::EndMap;

    if (s.money != sim::money_params{}) write_money(out, s.money);
    write_list(out, "accelerators", s.custom_accelerators, write_accelerator);
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

}  // namespace kardashev::io
