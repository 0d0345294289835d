#include "field_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"

namespace kardashev::io::detail {

namespace {

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

/// `text` with each control character written as \xNN, for messages.
std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) out += fmt::format("\\x{:02x}", u);
        else out += c;
    }
    return out;
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
    case bound::one_to_ten:
        if (v < 1.0) return std::string("expected a number of at least 1");
        if (v > 10.0) return std::string("expected a number of at most 10");
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

}  // namespace

void field_reader::report(const source_pos& pos, const std::string& path, std::string message) {
    m_sink.report(pos, path, std::move(message));
}

bool field_reader::mapping(const yaml_node& n, const std::string& path, const map_spec& spec) {
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

const std::vector<yaml_node>* field_reader::sequence(const yaml_node& n, const std::string& path) {
    static const std::vector<yaml_node> none;
    if (n.kind == node_kind::null) return &none;
    if (n.kind != node_kind::sequence) {
        report(n.pos, path, "expected a sequence, got " + describe_found(n));
        return nullptr;
    }
    return &n.items;
}

std::optional<std::string> field_reader::text(const yaml_node& n, const std::string& path) {
    if (n.kind == node_kind::scalar) return n.text;
    if (n.kind == node_kind::null) return std::string();
    report(n.pos, path, "expected a string, got " + describe_found(n));
    return std::nullopt;
}

std::optional<double> field_reader::quantity(const yaml_node& n, const std::string& path, quantity_kind kind, bound b) {
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

std::optional<duration> field_reader::span(const yaml_node& n, const std::string& path, bound b) {
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

std::optional<epoch> field_reader::date(const yaml_node& n, const std::string& path) {
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

std::optional<std::uint64_t> field_reader::unsigned_integer(const yaml_node& n, const std::string& path) {
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

std::optional<std::vector<sim::schedule_point>> field_reader::schedule(const yaml_node& n, const std::string& path,
                                                                   quantity_kind kind, bound b, epoch start) {
    if (n.kind == node_kind::scalar) {
        const auto v = quantity(n, path, kind, b);
        if (!v) return std::nullopt;
        return std::vector<sim::schedule_point>{{start, *v}};
    }
    if (n.kind == node_kind::null) {
        // NOTE: an empty value is a slip (`--set key=`), not "no schedule": that is written [].
        report(n.pos, path, "expected " + describe(kind) + ", a sequence of {from: DATE, value: ...} points or [] for none, got nothing");
        return std::nullopt;
    }
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

std::optional<std::string> field_reader::required_name(const yaml_node& map, const std::string& path) {
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
    if (!printable_name(*n, name_path)) return std::nullopt;
    return t;
}

bool field_reader::printable_name(const yaml_node& n, const std::string& path) {
    constexpr std::size_t max_name = 200;
    const bool control = std::any_of(n.text.begin(), n.text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
    if (!control && n.text.size() <= max_name) return true;
    report(n.pos, path, fmt::format("expected a name of at most {} printable characters (no control characters), got {}",
                                    max_name, quoted(control ? escaped(n.text) : n.text.substr(0, 40) + "...")));
    return false;
}

void field_reader::set_text(const yaml_node& map, std::string_view key, const std::string& parent, std::string& out) {
    if (const yaml_node* n = map.find(key)) {
        if (auto v = text(*n, child_path(parent, key))) out = *v;
    }
}

void field_reader::set_flag(const yaml_node& map, std::string_view key, const std::string& parent, bool& out) {
    const yaml_node* n = map.find(key);
    if (n == nullptr) return;
    const auto path = child_path(parent, key);
    const auto t = text(*n, path);
    if (!t) return;
    if (*t == "true" || *t == "false") {
        out = *t == "true";
    } else {
        report(n->pos, path, "expected true or false, got " + quoted(*t));
    }
}

bool field_reader::set_quantity(const yaml_node& map, std::string_view key, const std::string& parent, quantity_kind kind,
                            bound b, double& out) {
    const yaml_node* n = map.find(key);
    if (n == nullptr) return false;
    if (auto v = quantity(*n, child_path(parent, key), kind, b)) out = *v;
    return true;
}

void field_reader::set_required_quantity(const yaml_node& map, std::string_view key, const std::string& parent,
                                     quantity_kind kind, bound b, double& out) {
    if (!set_quantity(map, key, parent, kind, b, out)) {
        report(map.pos, parent, "missing required key " + quoted(key));
    }
}

void field_reader::set_span(const yaml_node& map, std::string_view key, const std::string& parent, bound b, duration& out) {
    if (const yaml_node* n = map.find(key)) {
        if (auto v = span(*n, child_path(parent, key), b)) out = *v;
    }
}

void field_reader::set_schedule(const yaml_node& map, std::string_view key, const std::string& parent, quantity_kind kind,
                            bound b, epoch start, std::vector<sim::schedule_point>& out) {
    if (const yaml_node* n = map.find(key)) {
        if (auto v = schedule(*n, child_path(parent, key), kind, b, start)) out = std::move(*v);
    }
}

void unique_names::check(field_reader& reader, const yaml_node& map, const std::string& path, const std::string& name) {
    if (m_seen.insert(name).second) return;
    const yaml_node* n = map.find("name");
    reader.report(n != nullptr ? n->pos : map.pos, child_path(path, "name"),
                  "duplicate " + std::string(m_what) + " name " + quoted(name));
}

double default_quantity(std::string_view text, quantity_kind kind) { return parse_quantity(text, kind); }

}  // namespace kardashev::io::detail
