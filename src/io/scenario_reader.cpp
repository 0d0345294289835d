#include "scenario_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <utility>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/orbit/kepler.hpp"
#include "network_names.hpp"
#include "overrides.hpp"
#include "scenario_schema.hpp"

namespace kardashev::io::detail {

namespace {

/// The range a value must lie in.
enum class bound {
    any,
    non_negative,   //!< >= 0
    positive,       //!< > 0
    fraction,       //!< [0, 1]
    open_fraction,  //!< (0, 1]
    at_least_one,   //!< >= 1
    latitude,       //!< [-90, 90] deg
    longitude,      //!< [-180, 180] deg
};

// int64 nanoseconds hold +-292 years; stay clear of the edge.
constexpr double max_duration_s = 9.0e9;

/// The noun a bound message uses for a value of `kind`.
std::string_view noun(quantity_kind kind) {
    switch (kind) {
    case quantity_kind::count: return "count";
    case quantity_kind::time: return "duration";
    default: return "value";
    }
}

/// Returns what was expected when `v` lies outside `b`, or nullopt.
std::optional<std::string> bound_violation(double v, quantity_kind kind, bound b) {
    switch (b) {
    case bound::any: return std::nullopt;
    case bound::non_negative:
        if (v < 0.0) return "expected a non-negative " + std::string(noun(kind));
        return std::nullopt;
    case bound::positive:
        if (v <= 0.0) return "expected a positive " + std::string(noun(kind));
        return std::nullopt;
    case bound::fraction:
        if (v < 0.0 || v > 1.0) return std::string("expected a number between 0 and 100 %");
        return std::nullopt;
    case bound::open_fraction:
        if (v <= 0.0 || v > 1.0) return std::string("expected a number above 0 and at most 100 %");
        return std::nullopt;
    case bound::at_least_one:
        if (v < 1.0) return std::string("expected a number of at least 1");
        return std::nullopt;
    case bound::latitude:
        if (std::abs(v) > 0.5 * constants::pi * (1.0 + 1e-12)) return std::string("expected a latitude from -90 to 90 deg");
        return std::nullopt;
    case bound::longitude:
        if (std::abs(v) > constants::pi * (1.0 + 1e-12)) return std::string("expected a longitude from -180 to 180 deg");
        return std::nullopt;
    }
    return std::nullopt;
}

/// Typing helpers that report every problem to one sink. A helper that returns nullopt has
/// reported why; the caller keeps the field's default.
class reader {
public:
    explicit reader(diagnostic_sink& sink) : m_sink(sink) {}

    void report(const source_pos& pos, const std::string& path, std::string message) {
        m_sink.report(pos, path, std::move(message));
    }

    /// True when `n` is a mapping, or empty (an empty mapping). Reports anything else, and
    /// unknown, duplicate and non-string keys.
    bool mapping(const yaml_node& n, const std::string& path, const map_spec& spec) {
        if (n.kind == node_kind::null) return true;
        if (n.kind != node_kind::mapping) {
            report(n.pos, path, "expected a mapping, got " + describe_found(n));
            return false;
        }
        const auto keys = spec.keys();
        for (std::size_t i = 0; i < n.entries.size(); ++i) {
            const auto& e = n.entries[i];
            if (!e.key_is_scalar) {
                report(e.key_pos, path, "expected a key (a string), got a mapping or a sequence");
                continue;
            }
            const auto key_path = child_path(path, e.key);
            if (spec.find(e.key) == nullptr) {
                const auto hint = did_you_mean(e.key, keys);
                report(e.key_pos, key_path,
                       "unknown key " + quoted(e.key) + (hint.empty() ? "; known keys: " + join(keys) : hint));
                continue;
            }
            for (std::size_t j = 0; j < i; ++j) {
                const auto& first = n.entries[j];
                if (first.key_is_scalar && first.key == e.key) {
                    std::string where;
                    if (first.key_pos.origin == 0 && first.key_pos.line > 0) {
                        where = " (first given at line " + std::to_string(first.key_pos.line) + ")";
                    }
                    report(e.key_pos, key_path, "duplicate key " + quoted(e.key) + where);
                    break;
                }
            }
        }
        return true;
    }

    /// The items of a sequence (none when empty); nullptr, reported, for anything else.
    const std::vector<yaml_node>* sequence(const yaml_node& n, const std::string& path) {
        static const std::vector<yaml_node> none;
        if (n.kind == node_kind::null) return &none;
        if (n.kind != node_kind::sequence) {
            report(n.pos, path, "expected a sequence, got " + describe_found(n));
            return nullptr;
        }
        return &n.items;
    }

    /// A string (empty for an empty value).
    std::optional<std::string> text(const yaml_node& n, const std::string& path) {
        if (n.kind == node_kind::scalar) return n.text;
        if (n.kind == node_kind::null) return std::string();
        report(n.pos, path, "expected a string, got " + describe_found(n));
        return std::nullopt;
    }

    /// A quantity of `kind` in SI, within `b`.
    std::optional<double> quantity(const yaml_node& n, const std::string& path, quantity_kind kind, bound b) {
        if (n.kind != node_kind::scalar) {
            report(n.pos, path, "expected " + describe(kind) + ", got " + describe_found(n));
            return std::nullopt;
        }
        double v = 0.0;
        try {
            v = parse_quantity(n.text, kind);
        } catch (const error& e) {
            report(n.pos, path, e.what());
            return std::nullopt;
        }
        if (!std::isfinite(v)) {
            report(n.pos, path, "expected a finite value, got " + quoted(n.text));
            return std::nullopt;
        }
        if (auto expected = bound_violation(v, kind, b)) {
            report(n.pos, path, *expected + ", got " + quoted(n.text));
            return std::nullopt;
        }
        return v;
    }

    /// A duration within `b`.
    std::optional<duration> span(const yaml_node& n, const std::string& path, bound b) {
        const auto s = quantity(n, path, quantity_kind::time, b);
        if (!s) return std::nullopt;
        if (std::abs(*s) > max_duration_s) {
            report(n.pos, path, "expected a duration shorter than 285 years, got " + quoted(n.text));
            return std::nullopt;
        }
        const auto d = duration::from_seconds(*s);
        if (b == bound::positive && d.ns() <= 0) {
            report(n.pos, path, "expected a positive duration, got " + quoted(n.text));
            return std::nullopt;
        }
        return d;
    }

    /// A UTC date or date-time.
    std::optional<epoch> date(const yaml_node& n, const std::string& path) {
        if (n.kind == node_kind::scalar) {
            try {
                return epoch::from_utc_iso(n.text);
            } catch (const error&) {
                // NOTE: the message of time.cpp is not repeated: the expected form says enough.
            }
        }
        report(n.pos, path, "expected a UTC date like 2026-01-01 or 2026-01-01T12:00:00Z, got " + describe_found(n));
        return std::nullopt;
    }

    /// A non-negative integer that fits in 64 bits.
    std::optional<std::uint64_t> unsigned_integer(const yaml_node& n, const std::string& path) {
        if (n.kind == node_kind::scalar) {
            std::uint64_t v = 0;
            const char* first = n.text.data();
            const char* last = first + n.text.size();
            const auto [end, ec] = std::from_chars(first, last, v);
            if (ec == std::errc() && end == last && !n.text.empty()) return v;
        }
        report(n.pos, path, "expected a non-negative integer, got " + describe_found(n));
        return std::nullopt;
    }

    /// One of `known`, by its to_string; `what` names the thing in the message ("scaling law").
    template <class Choice>
    std::optional<Choice> choice(const yaml_node& n, const std::string& path, std::string_view what,
                                 std::span<const Choice> known) {
        auto t = text(n, path);
        if (!t) return std::nullopt;
        std::vector<std::string_view> names;
        for (const Choice c : known) {
            if (to_string(c) == *t) return c;
            names.push_back(to_string(c));
        }
        report(n.pos, path,
               "unknown " + std::string(what) + " " + quoted(*t) + "; known: " + join(names) + did_you_mean(*t, names));
        return std::nullopt;
    }

    /// A schedule: one quantity (a point at `start`) or a sequence of {from, value} points with
    /// increasing dates.
    std::optional<std::vector<sim::schedule_point>> schedule(const yaml_node& n, const std::string& path,
                                                             quantity_kind kind, bound b, epoch start) {
        if (n.kind == node_kind::scalar) {
            const auto v = quantity(n, path, kind, b);
            if (!v) return std::nullopt;
            return std::vector<sim::schedule_point>{{start, *v}};
        }
        if (n.kind == node_kind::null) return std::vector<sim::schedule_point>{};
        if (n.kind == node_kind::mapping) {
            report(n.pos, path,
                   "expected " + describe(kind) + " or a sequence of {from: DATE, value: ...} points, got a mapping");
            return std::nullopt;
        }
        std::vector<sim::schedule_point> points;
        bool ok = true;
        const yaml_node* previous = nullptr;
        epoch previous_at;
        for (std::size_t i = 0; i < n.items.size(); ++i) {
            const auto& item = n.items[i];
            const auto item_path = index_path(path, i);
            if (!mapping(item, item_path, schedule_point_spec)) {
                ok = false;
                continue;
            }
            const yaml_node* from = item.find("from");
            const yaml_node* value = item.find("value");
            if (from == nullptr) report(item.pos, item_path, "missing required key \"from\"");
            if (value == nullptr) report(item.pos, item_path, "missing required key \"value\"");
            std::optional<epoch> at;
            std::optional<double> v;
            if (from != nullptr) at = date(*from, child_path(item_path, "from"));
            if (value != nullptr) v = quantity(*value, child_path(item_path, "value"), kind, b);
            if (at && previous != nullptr && *at <= previous_at) {
                report(from->pos, child_path(item_path, "from"),
                       "expected a date later than " + previous->text + " (the previous point), got " + from->text);
                at.reset();
            }
            if (from != nullptr && from->kind == node_kind::scalar && at) {
                previous = from;
                previous_at = *at;
            }
            if (at && v) {
                points.push_back({*at, *v});
            } else {
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        return points;
    }

    /// The required, non-empty `name` of a mapping.
    std::optional<std::string> required_name(const yaml_node& map, const std::string& path) {
        const yaml_node* n = map.find("name");
        if (n == nullptr) {
            report(map.pos, path, "missing required key \"name\"");
            return std::nullopt;
        }
        const auto name_path = child_path(path, "name");
        auto t = text(*n, name_path);
        if (!t) return std::nullopt;
        if (t->empty()) {
            report(n->pos, name_path, "expected a non-empty name, got " + describe_found(*n));
            return std::nullopt;
        }
        return t;
    }

    // Field setters: each reads `key` of `map` when present and keeps `out` otherwise.

    void set_text(const yaml_node& map, std::string_view key, const std::string& parent, std::string& out) {
        if (const yaml_node* n = map.find(key)) {
            if (auto v = text(*n, child_path(parent, key))) out = *v;
        }
    }

    bool set_quantity(const yaml_node& map, std::string_view key, const std::string& parent, quantity_kind kind,
                      bound b, double& out) {
        const yaml_node* n = map.find(key);
        if (n == nullptr) return false;
        if (auto v = quantity(*n, child_path(parent, key), kind, b)) out = *v;
        return true;
    }

    void set_required_quantity(const yaml_node& map, std::string_view key, const std::string& parent,
                               quantity_kind kind, bound b, double& out) {
        if (!set_quantity(map, key, parent, kind, b, out)) {
            report(map.pos, parent, "missing required key " + quoted(key));
        }
    }

    void set_span(const yaml_node& map, std::string_view key, const std::string& parent, bound b, duration& out) {
        if (const yaml_node* n = map.find(key)) {
            if (auto v = span(*n, child_path(parent, key), b)) out = *v;
        }
    }

    void set_schedule(const yaml_node& map, std::string_view key, const std::string& parent, quantity_kind kind,
                      bound b, epoch start, std::vector<sim::schedule_point>& out) {
        if (const yaml_node* n = map.find(key)) {
            if (auto v = schedule(*n, child_path(parent, key), kind, b, start)) out = std::move(*v);
        }
    }

    template <class Choice, std::size_t N>
    void set_choice(const yaml_node& map, std::string_view key, const std::string& parent, std::string_view what,
                    const Choice (&known)[N], Choice& out) {
        if (const yaml_node* n = map.find(key)) {
            if (auto v = choice(*n, child_path(parent, key), what, std::span<const Choice>(known))) out = *v;
        }
    }

private:
    diagnostic_sink& m_sink;
};

/// Reports a name seen before in the same list (`what` names the list: "cohort").
class unique_names {
public:
    explicit unique_names(std::string_view what) : m_what(what) {}
    void check(reader& r, const yaml_node& map, const std::string& path, const std::string& name) {
        if (m_seen.insert(name).second) return;
        const yaml_node* n = map.find("name");
        r.report(n != nullptr ? n->pos : map.pos, child_path(path, "name"),
                 "duplicate " + std::string(m_what) + " name " + quoted(name));
    }

private:
    std::string_view m_what;
    std::set<std::string> m_seen;
};

double default_quantity(std::string_view text, quantity_kind kind) { return parse_quantity(text, kind); }

compute::accelerator read_accelerator(reader& r, const yaml_node& n, const std::string& path) {
    compute::accelerator a;
    if (!r.mapping(n, path, accelerator_spec)) return a;
    if (auto name = r.required_name(n, path)) a.name = *name;
    r.set_required_quantity(n, "peak_flops_bf16", path, quantity_kind::flop_rate, bound::positive, a.peak_flops_bf16);
    r.set_required_quantity(n, "hbm", path, quantity_kind::data_size, bound::positive, a.hbm_bytes);
    r.set_required_quantity(n, "hbm_bandwidth", path, quantity_kind::data_rate, bound::positive,
                            a.hbm_bandwidth_bytes_per_s);
    r.set_required_quantity(n, "power", path, quantity_kind::power, bound::positive, a.power_w);
    r.set_required_quantity(n, "all_in_power", path, quantity_kind::power, bound::positive, a.all_in_power_w);
    r.set_required_quantity(n, "price", path, quantity_kind::money, bound::positive, a.price_usd);
    r.set_text(n, "source", path, a.source);
    r.set_quantity(n, "scale_up_size", path, quantity_kind::count, bound::positive, a.scale_up_size);
    r.set_quantity(n, "scale_up_bandwidth", path, quantity_kind::data_rate, bound::positive, a.scale_up_bandwidth_bytes_per_s);
    r.set_quantity(n, "scale_out_bandwidth", path, quantity_kind::data_rate, bound::positive, a.scale_out_bandwidth_bytes_per_s);
    r.set_quantity(n, "matmul_efficiency", path, quantity_kind::dimensionless, bound::fraction, a.matmul_efficiency);
    const yaml_node* power = n.find("power");
    const yaml_node* all_in = n.find("all_in_power");
    if (power != nullptr && all_in != nullptr && a.power_w > 0.0 && a.all_in_power_w > 0.0 &&
        a.all_in_power_w < a.power_w) {
        r.report(all_in->pos, child_path(path, "all_in_power"),
                 "expected at least the board power (" + power->text + "), got " + quoted(all_in->text));
    }
    return a;
}

std::vector<compute::accelerator> read_accelerator_list(reader& r, const yaml_node& n, const std::string& path) {
    std::vector<compute::accelerator> out;
    const auto* items = r.sequence(n, path);
    if (items == nullptr) return out;
    unique_names names("accelerator");
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto item_path = index_path(path, i);
        auto a = read_accelerator(r, (*items)[i], item_path);
        if (!a.name.empty()) names.check(r, (*items)[i], item_path, a.name);
        out.push_back(std::move(a));
    }
    return out;
}

fleet::cohort read_cohort(reader& r, const yaml_node& n, const std::string& path) {
    fleet::cohort c;
    c.upload_fraction = default_quantity(default_upload_fraction, quantity_kind::dimensionless);
    c.curation_yield = default_quantity(default_curation_yield, quantity_kind::dimensionless);
    c.tokens_per_byte = default_quantity(default_tokens_per_byte, quantity_kind::tokens_per_byte);
    if (!r.mapping(n, path, cohort_spec)) return c;
    if (auto name = r.required_name(n, path)) c.name = *name;
    r.set_choice(n, "kind", path, "cohort kind", cohort_kinds, c.kind);
    r.set_quantity(n, "units", path, quantity_kind::count, bound::non_negative, c.units);
    if (!r.set_quantity(n, "market_size", path, quantity_kind::count, bound::non_negative, c.market_size)) {
        c.market_size = c.units;
    }
    r.set_quantity(n, "growth_rate", path, quantity_kind::rate, bound::non_negative, c.growth_rate_per_s);
    r.set_quantity(n, "raw_data_per_unit", path, quantity_kind::data_rate, bound::non_negative, c.raw_bytes_per_unit_s);
    r.set_quantity(n, "upload_fraction", path, quantity_kind::dimensionless, bound::fraction, c.upload_fraction);
    r.set_quantity(n, "curation_yield", path, quantity_kind::dimensionless, bound::fraction, c.curation_yield);
    r.set_quantity(n, "tokens_per_byte", path, quantity_kind::tokens_per_byte, bound::non_negative, c.tokens_per_byte);
    r.set_quantity(n, "quality_elasticity", path, quantity_kind::dimensionless, bound::non_negative,
                   c.quality_elasticity);
    return c;
}

/// Accelerators by name: the builtin catalogue, then the scenario's custom entries (which replace
/// a builtin entry of the same name).
class accelerator_index {
public:
    accelerator_index(const std::vector<compute::accelerator>& builtin, const std::vector<compute::accelerator>& custom) {
        for (const auto& a : builtin) m_by_name[a.name] = a;
        for (const auto& a : custom) {
            if (!a.name.empty()) m_by_name[a.name] = a;
        }
    }
    [[nodiscard]] const compute::accelerator* find(const std::string& name) const {
        auto it = m_by_name.find(name);
        return it == m_by_name.end() ? nullptr : &it->second;
    }
    [[nodiscard]] std::vector<std::string_view> names() const {
        std::vector<std::string_view> out;
        for (const auto& [name, a] : m_by_name) out.push_back(name);
        return out;  // sorted: std::map order
    }

private:
    std::map<std::string, compute::accelerator> m_by_name;
};

/// "HH:MM" -> hours, or nullopt.
std::optional<double> local_time_hours(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (std::size_t i : {0U, 1U, 3U, 4U}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    const int h = (text[0] - '0') * 10 + (text[1] - '0');
    const int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h + m / 60.0;
}

void read_site_orbit(reader& r, const yaml_node& n, const std::string& path, sim::site_orbit& o) {
    if (!r.mapping(n, path, site_orbit_spec)) return;
    r.set_quantity(n, "altitude", path, quantity_kind::length, bound::positive, o.altitude_m);
    const yaml_node* ltan = n.find("ltan");
    const yaml_node* incl = n.find("inclination");
    if (ltan != nullptr && incl != nullptr) {
        r.report(incl->pos, child_path(path, "inclination"),
                 "give either ltan (sun-synchronous) or inclination, not both");
    }
    if (ltan != nullptr) {
        if (auto t = r.text(*ltan, child_path(path, "ltan"))) {
            if (auto h = local_time_hours(*t)) o.ltan_h = *h;
            else r.report(ltan->pos, child_path(path, "ltan"), "expected a local time \"HH:MM\" (e.g. \"18:00\"), got " + quoted(*t));
        }
    }
    if (incl != nullptr && ltan == nullptr) {
        o.sun_synchronous = false;
        r.set_quantity(n, "inclination", path, quantity_kind::angle, bound::non_negative, o.inclination_rad);
        r.set_quantity(n, "raan", path, quantity_kind::angle, bound::any, o.raan_rad);
    } else if (const yaml_node* raan = n.find("raan")) {
        r.report(raan->pos, child_path(path, "raan"), "raan goes with inclination; a sun-synchronous orbit takes its node from ltan");
    }
    r.set_choice(n, "shadow", path, "shadow model", shadow_models, o.shadow);
    r.set_quantity(n, "satellite_size", path, quantity_kind::count, bound::non_negative, o.satellite_size);
    r.set_quantity(n, "isl_bandwidth", path, quantity_kind::data_rate, bound::positive, o.isl_bandwidth_bytes_per_s);
    r.set_quantity(n, "isl_latency", path, quantity_kind::time, bound::non_negative, o.isl_latency_s);
    if (o.sun_synchronous) {
        try {
            (void)orbit::sso_inclination_rad(o.altitude_m);
        } catch (const domain_error&) {
            const yaml_node* alt = n.find("altitude");
            r.report(alt != nullptr ? alt->pos : n.pos, child_path(path, "altitude"),
                     "no orbit is sun-synchronous above about 5970 km (J2 precession is too slow); give an inclination "
                     "instead of ltan");
        }
    }
}

/// A `location: {latitude, longitude}` mapping, both keys required; true when both were given.
bool read_location(reader& r, const yaml_node& loc, const std::string& path, double& lat_rad, double& lon_rad) {
    if (!r.mapping(loc, path, site_location_spec)) return false;
    const bool lat = r.set_quantity(loc, "latitude", path, quantity_kind::angle, bound::latitude, lat_rad);
    const bool lon = r.set_quantity(loc, "longitude", path, quantity_kind::angle, bound::longitude, lon_rad);
    if (!lat) r.report(loc.pos, path, "missing required key \"latitude\"");
    if (!lon) r.report(loc.pos, path, "missing required key \"longitude\"");
    return lat && lon;
}

/// A scalar string or a sequence of strings.
std::vector<std::string> read_names(reader& r, const yaml_node& n, const std::string& path) {
    std::vector<std::string> out;
    if (n.kind == node_kind::sequence) {
        for (std::size_t i = 0; i < n.items.size(); ++i) {
            if (auto t = r.text(n.items[i], index_path(path, i))) out.push_back(*t);
        }
    } else if (auto t = r.text(n, path); t && !t->empty()) {
        out.push_back(*t);
    }
    return out;
}

/// `uplink.network`: the constellation, capacities, window and demand regions. Cohort names and shares are
/// checked here; fibre_to against the sites in check_uplink_sites, once the sites are read.
void read_uplink_network(reader& r, const yaml_node& n, const std::string& path, const sim::scenario& s,
                         sim::uplink_network& net) {
    net.enabled = true;
    net.constellation = {std::string(default_constellation)};
    net.isl_capacity_bytes_per_s = {{s.start, default_quantity(default_isl_capacity, quantity_kind::data_rate)}};
    net.user_link_capacity_bytes_per_s = {{s.start, default_quantity(default_user_link_capacity, quantity_kind::data_rate)}};
    net.gateway_link_capacity_bytes_per_s = {{s.start, default_quantity(default_gateway_link_capacity, quantity_kind::data_rate)}};
    net.fibre_capacity_bytes_per_s = {{s.start, default_quantity(default_fibre_capacity, quantity_kind::data_rate)}};
    if (!r.mapping(n, path, uplink_network_spec)) return;
    if (const yaml_node* c = n.find("constellation")) {
        const auto cp = child_path(path, "constellation");
        auto names = read_names(r, *c, cp);
        for (const auto& name : names) {
            if (!is_shell_preset(name)) {
                r.report(c->pos, cp, "unknown shell " + quoted(name) + "; known: " + shell_preset_list());
            }
        }
        if (names.empty()) r.report(c->pos, cp, "expected at least one shell, got " + describe_found(*c));
        net.constellation = std::move(names);
    }
    if (const yaml_node* e = n.find("min_elevation")) {
        if (auto v = r.quantity(*e, child_path(path, "min_elevation"), quantity_kind::angle, bound::non_negative)) {
            if (*v >= 0.5 * constants::pi) {
                r.report(e->pos, child_path(path, "min_elevation"), "expected an elevation below 90 deg, got " + quoted(e->text));
            } else {
                net.min_elevation_rad = *v;
            }
        }
    }
    r.set_schedule(n, "isl_capacity", path, quantity_kind::data_rate, bound::non_negative, s.start, net.isl_capacity_bytes_per_s);
    r.set_schedule(n, "user_link_capacity", path, quantity_kind::data_rate, bound::non_negative, s.start,
                   net.user_link_capacity_bytes_per_s);
    r.set_schedule(n, "gateway_link_capacity", path, quantity_kind::data_rate, bound::non_negative, s.start,
                   net.gateway_link_capacity_bytes_per_s);
    r.set_schedule(n, "fibre_capacity", path, quantity_kind::data_rate, bound::non_negative, s.start, net.fibre_capacity_bytes_per_s);
    r.set_quantity(n, "fibre_route_factor", path, quantity_kind::dimensionless, bound::at_least_one, net.fibre_route_factor);
    r.set_span(n, "window", path, bound::positive, net.window);
    if (const yaml_node* k = n.find("samples")) {
        if (auto v = r.unsigned_integer(*k, child_path(path, "samples"))) {
            if (*v < 1 || *v > 1000) {
                r.report(k->pos, child_path(path, "samples"), "expected 1 to 1000 snapshots, got " + quoted(k->text));
            } else {
                net.samples = static_cast<int>(*v);
            }
        }
    }
    const yaml_node* regions = n.find("regions");
    if (regions == nullptr) {
        r.report(n.pos, path, "missing required key \"regions\" (where the fleet's data enters the network)");
        return;
    }
    const auto rp = child_path(path, "regions");
    const auto* items = r.sequence(*regions, rp);
    if (items == nullptr) return;
    if (items->empty() || items->size() > static_cast<std::size_t>(max_uplink_regions())) {
        r.report(regions->pos, rp, "expected 1 to " + std::to_string(max_uplink_regions()) + " regions, got " + std::to_string(items->size()));
        return;
    }
    unique_names names("region");
    std::map<std::string, double> total_share;  // per cohort, over the regions
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto& item = (*items)[i];
        const auto ip = index_path(rp, i);
        sim::uplink_region region;
        if (!r.mapping(item, ip, uplink_region_spec)) continue;
        if (auto name = r.required_name(item, ip)) {
            region.name = *name;
            names.check(r, item, ip, region.name);
        }
        if (const yaml_node* loc = item.find("location")) {
            (void)read_location(r, *loc, child_path(ip, "location"), region.latitude_rad, region.longitude_rad);
        } else {
            r.report(item.pos, ip, "missing required key \"location\"");
        }
        if (const yaml_node* cohorts = item.find("cohorts")) {
            const auto cp = child_path(ip, "cohorts");
            if (const auto* list = r.sequence(*cohorts, cp)) {
                for (std::size_t j = 0; j < list->size(); ++j) {
                    const auto& c = (*list)[j];
                    const auto sp = index_path(cp, j);
                    if (!r.mapping(c, sp, region_share_spec)) continue;
                    sim::region_share share;
                    bool known = false;
                    if (auto name = r.required_name(c, sp)) {
                        share.cohort = *name;
                        known = std::any_of(s.cohorts.begin(), s.cohorts.end(), [&](const auto& k) { return k.name == *name; });
                        if (!known) {
                            std::vector<std::string_view> cohort_names;
                            for (const auto& k : s.cohorts) cohort_names.push_back(k.name);
                            r.report(c.find("name")->pos, child_path(sp, "name"),
                                     "unknown cohort " + quoted(*name) + "; known: " + join(cohort_names) + did_you_mean(*name, cohort_names));
                        }
                    }
                    r.set_required_quantity(c, "share", sp, quantity_kind::dimensionless, bound::fraction, share.share);
                    if (known) total_share[share.cohort] += share.share;
                    region.cohorts.push_back(std::move(share));
                }
            }
        }
        if (const yaml_node* f = item.find("fibre_to")) region.fibre_to = read_names(r, *f, child_path(ip, "fibre_to"));
        net.regions.push_back(std::move(region));
    }
    for (const auto& [cohort, total] : total_share) {
        if (std::abs(total - 1.0) > 1e-6) {
            r.report(regions->pos, rp, "the shares of cohort " + quoted(cohort) + " over the regions sum to " +
                                           format_quantity(total, quantity_kind::dimensionless) + "; expected 1 (100 %)");
        }
    }
}

/// uplink.network against the sites: fibre_to names a ground site with a location, and some ground site has one.
void check_uplink_sites(reader& r, const yaml_node& network_node, const sim::scenario& s) {
    const auto located = [&](const std::string& name) {
        return std::any_of(s.sites.begin(), s.sites.end(), [&](const sim::site& site) {
            return site.name == name && site.kind == sim::site_kind::ground && site.location.given;
        });
    };
    if (std::none_of(s.sites.begin(), s.sites.end(), [](const sim::site& site) { return site.kind == sim::site_kind::ground && site.location.given; })) {
        r.report(network_node.pos, "uplink.network",
                 "the routed uplink needs at least one ground site with a location (where the data lands)");
    }
    const yaml_node* regions = network_node.find("regions");
    if (regions == nullptr || regions->kind != node_kind::sequence) return;
    for (std::size_t i = 0; i < regions->items.size() && i < s.uplink.network.regions.size(); ++i) {
        const yaml_node* f = regions->items[i].find("fibre_to");
        for (const auto& to : s.uplink.network.regions[i].fibre_to) {
            if (!located(to)) {
                r.report(f->pos, child_path(index_path("uplink.network.regions", i), "fibre_to"),
                         "expected the name of a ground site with a location, got " + quoted(to));
            }
        }
    }
}

sim::site read_site(reader& r, const yaml_node& n, const std::string& path, epoch start,
                    const accelerator_index& accelerators) {
    sim::site s;
    s.facility.energy_price_usd_per_j = default_quantity(default_energy_price, quantity_kind::price_per_energy);
    s.facility.carbon_kg_per_j = default_quantity(default_carbon_intensity, quantity_kind::mass_per_energy);
    s.facility_capex_usd_per_w = default_quantity(default_facility_capex, quantity_kind::price_per_power);
    if (!r.mapping(n, path, site_spec)) return s;
    if (auto name = r.required_name(n, path)) s.name = *name;
    r.set_choice(n, "kind", path, "site kind", site_kinds, s.kind);
    const yaml_node* orbit = n.find("orbit");
    const yaml_node* moon = n.find("moon");
    if (const yaml_node* loc = n.find("location")) {
        const auto lp = child_path(path, "location");
        if (s.kind != sim::site_kind::ground) {
            r.report(loc->pos, lp, "only a site of kind ground has a location (an orbit site has an orbit, a moon site a moon block)");
        } else {
            s.location.given = read_location(r, *loc, lp, s.location.latitude_rad, s.location.longitude_rad);
        }
    }
    if (s.kind != sim::site_kind::ground) {
        s.facility.energy_price_usd_per_j = 0.0;  // sunlight is free; operations cost is capex
        s.facility.carbon_kg_per_j = 0.0;
        s.failure_rate_per_s = default_quantity(default_off_world_failure_rate, quantity_kind::rate);
    }
    if (s.kind == sim::site_kind::orbit) {
        if (orbit != nullptr) read_site_orbit(r, *orbit, child_path(path, "orbit"), s.orbit);
    } else if (orbit != nullptr) {
        r.report(orbit->pos, child_path(path, "orbit"), "only a site of kind orbit has an orbit");
    }
    if (s.kind == sim::site_kind::moon) {
        if (moon != nullptr && r.mapping(*moon, child_path(path, "moon"), site_moon_spec)) {
            const auto mp = child_path(path, "moon");
            r.set_choice(*moon, "location", mp, "lunar location", moon_locations, s.moon.location);
            if (s.moon.location == sim::lunar_location::equatorial) s.moon.sunlit_fraction = 0.5;  // 14.77 d of day per 29.53 d synodic month
            r.set_quantity(*moon, "sunlit_fraction", mp, quantity_kind::dimensionless, bound::open_fraction,
                           s.moon.sunlit_fraction);
        }
    } else if (moon != nullptr) {
        r.report(moon->pos, child_path(path, "moon"), "only a site of kind moon has a moon block");
    }
    r.set_quantity(n, "launch_price", path, quantity_kind::price_per_mass, bound::non_negative, s.launch_price_usd_per_kg);
    r.set_quantity(n, "failure_rate", path, quantity_kind::rate, bound::non_negative, s.failure_rate_per_s);

    const yaml_node* accel = n.find("accelerator");
    std::string accel_name(default_site_accelerator);
    bool accel_ok = true;
    if (accel != nullptr) {
        auto t = r.text(*accel, child_path(path, "accelerator"));
        accel_ok = t.has_value();
        if (t) accel_name = *t;
    }
    if (accel_ok) {
        if (const auto* a = accelerators.find(accel_name)) {
            s.accel = *a;
        } else {
            const auto known = accelerators.names();
            r.report(accel != nullptr ? accel->pos : n.pos, child_path(path, "accelerator"),
                     "unknown accelerator " + quoted(accel_name) + "; known: " + join(known) +
                         did_you_mean(accel_name, known));
        }
    }

    r.set_schedule(n, "accelerators", path, quantity_kind::count, bound::non_negative, start, s.planned_accelerators);
    r.set_schedule(n, "power_capacity", path, quantity_kind::power, bound::non_negative, start, s.power_capacity_w);
    r.set_quantity(n, "pue", path, quantity_kind::dimensionless, bound::at_least_one, s.facility.pue);
    r.set_quantity(n, "energy_price", path, quantity_kind::price_per_energy, bound::non_negative,
                   s.facility.energy_price_usd_per_j);
    r.set_quantity(n, "carbon_intensity", path, quantity_kind::mass_per_energy, bound::non_negative,
                   s.facility.carbon_kg_per_j);
    r.set_quantity(n, "facility_capex", path, quantity_kind::price_per_power, bound::non_negative,
                   s.facility_capex_usd_per_w);
    r.set_span(n, "facility_life", path, bound::positive, s.facility_life);  // unset: resolved after economy
    return s;
}

}  // namespace

sim::scenario read_scenario(const yaml_node& root, const std::vector<compute::accelerator>& catalog,
                            diagnostic_sink& sink) {
    reader r(sink);
    sim::scenario s;
    if (!r.mapping(root, "", scenario_spec)) return s;

    r.set_text(root, "name", "", s.name);
    r.set_text(root, "description", "", s.description);
    if (const yaml_node* n = root.find("start")) {
        if (auto v = r.date(*n, "start")) s.start = *v;
    }
    r.set_span(root, "length", "", bound::positive, s.length);
    r.set_span(root, "step", "", bound::positive, s.step);
    if (const yaml_node* n = root.find("seed")) {
        if (auto v = r.unsigned_integer(*n, "seed")) s.seed = *v;
    }

    if (const yaml_node* n = root.find("accelerators")) {
        s.custom_accelerators = read_accelerator_list(r, *n, "accelerators");
    }
    const accelerator_index accelerators(catalog, s.custom_accelerators);

    if (const yaml_node* fleet = root.find("fleet"); fleet != nullptr && r.mapping(*fleet, "fleet", fleet_spec)) {
        if (const yaml_node* n = fleet->find("cohorts")) {
            if (const auto* items = r.sequence(*n, "fleet.cohorts")) {
                unique_names names("cohort");
                for (std::size_t i = 0; i < items->size(); ++i) {
                    const auto path = index_path("fleet.cohorts", i);
                    auto c = read_cohort(r, (*items)[i], path);
                    if (!c.name.empty()) names.check(r, (*items)[i], path, c.name);
                    s.cohorts.push_back(std::move(c));
                }
            }
        }
    }

    if (const yaml_node* n = root.find("corpus"); n != nullptr && r.mapping(*n, "corpus", corpus_spec)) {
        r.set_quantity(*n, "initial_unique_tokens", "corpus", quantity_kind::tokens, bound::non_negative,
                       s.corpus.initial_unique_tokens);
        r.set_quantity(*n, "max_epochs", "corpus", quantity_kind::dimensionless, bound::at_least_one,
                       s.corpus.max_epochs);
        r.set_quantity(*n, "repetition_constant", "corpus", quantity_kind::dimensionless, bound::positive,
                       s.corpus.repetition_constant);
    }

    if (const yaml_node* n = root.find("uplink"); n != nullptr && r.mapping(*n, "uplink", uplink_spec)) {
        r.set_schedule(*n, "capacity", "uplink", quantity_kind::data_rate, bound::non_negative, s.start,
                       s.uplink.capacity_bytes_per_s);
        if (const yaml_node* net = n->find("network")) read_uplink_network(r, *net, "uplink.network", s, s.uplink.network);
    }

    if (const yaml_node* n = root.find("sites")) {
        if (const auto* items = r.sequence(*n, "sites")) {
            unique_names names("site");
            for (std::size_t i = 0; i < items->size(); ++i) {
                const auto path = index_path("sites", i);
                auto site = read_site(r, (*items)[i], path, s.start, accelerators);
                if (!site.name.empty()) names.check(r, (*items)[i], path, site.name);
                s.sites.push_back(std::move(site));
            }
        }
    }

    if (s.uplink.network.enabled) check_uplink_sites(r, *root.find("uplink")->find("network"), s);

    if (const yaml_node* n = root.find("training"); n != nullptr && r.mapping(*n, "training", training_spec)) {
        r.set_choice(*n, "scaling_law", "training", "scaling law", scaling_laws, s.training.scaling_law);
        r.set_quantity(*n, "mfu", "training", quantity_kind::dimensionless, bound::open_fraction, s.training.mfu);
        r.set_quantity(*n, "goodput", "training", quantity_kind::dimensionless, bound::open_fraction,
                       s.training.goodput);
        r.set_choice(*n, "utilisation", "training", "utilisation", utilisation_modes, s.training.utilisation);
        r.set_span(*n, "accelerator_mtbf", "training", bound::positive, s.training.accelerator_mtbf);
        r.set_span(*n, "checkpoint_write", "training", bound::positive, s.training.checkpoint_write);
        r.set_span(*n, "restart", "training", bound::non_negative, s.training.restart);
        r.set_span(*n, "generation_length", "training", bound::positive, s.training.generation_length);
        r.set_span(*n, "release_gap", "training", bound::non_negative, s.training.release_gap);
        r.set_quantity(*n, "reference_loss", "training", quantity_kind::dimensionless, bound::non_negative,
                       s.training.reference_loss);
    }

    if (const yaml_node* n = root.find("economy"); n != nullptr && r.mapping(*n, "economy", economy_spec)) {
        r.set_schedule(*n, "capex_budget", "economy", quantity_kind::money_rate, bound::non_negative, s.start,
                       s.economy.capex_budget_usd_per_s);
        r.set_span(*n, "accelerator_life", "economy", bound::positive, s.economy.accelerator_life);
        r.set_span(*n, "facility_life", "economy", bound::positive, s.economy.facility_life);
    }
    for (auto& site : s.sites) {
        if (site.facility_life.ns() <= 0) site.facility_life = sim::facility_life_of(site, s.economy);
    }

    // length >= step: reported at whichever of the two the file gives (length when both).
    if (s.length < s.step && s.step.ns() > 0 && s.length.ns() > 0) {
        const yaml_node* length = root.find("length");
        const yaml_node* step = root.find("step");
        if (length != nullptr) {
            const std::string step_text =
                step != nullptr ? step->text : format_quantity(s.step.seconds(), quantity_kind::time);
            r.report(length->pos, "length",
                     "expected a duration of at least one step (" + step_text + "), got " + quoted(length->text));
        } else if (step != nullptr) {
            r.report(step->pos, "step",
                     "expected a duration no longer than length (" +
                         format_quantity(s.length.seconds(), quantity_kind::time) + "), got " + quoted(step->text));
        }
    }
    return s;
}

std::vector<compute::accelerator> read_accelerator_catalog(const yaml_node& root, diagnostic_sink& sink) {
    reader r(sink);
    if (!r.mapping(root, "", catalog_spec)) return {};
    const yaml_node* list = root.find("accelerators");
    if (list == nullptr) {
        r.report(root.pos, "", "missing required key \"accelerators\"");
        return {};
    }
    return read_accelerator_list(r, *list, "accelerators");
}

namespace {

/// The YAML tree of a whole file; a syntax error is reported to `sink` and thrown at once.
yaml_node parse_file(std::string_view text, diagnostic_sink& sink) {
    yaml_syntax_error syntax;
    auto root = parse_yaml(text, {0, 1}, syntax);
    if (!root) {
        sink.report(syntax.pos, "", "syntax error: " + syntax.message);
        sink.throw_if_any();
    }
    return std::move(*root);
}

}  // namespace

sim::scenario load_scenario(std::string_view text, const std::string& file, const std::vector<override_kv>& overrides,
                            const std::vector<compute::accelerator>& catalog) {
    diagnostic_sink sink(file);
    auto root = parse_file(text, sink);
    apply_overrides(root, overrides, sink);
    auto s = read_scenario(root, catalog, sink);
    sink.throw_if_any();
    return s;
}

std::vector<compute::accelerator> load_accelerator_catalog(std::string_view text, const std::string& file) {
    diagnostic_sink sink(file);
    auto catalog = read_accelerator_catalog(parse_file(text, sink), sink);
    sink.throw_if_any();
    return catalog;
}

}  // namespace kardashev::io::detail
