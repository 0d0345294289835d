#pragma once
/// The typing helpers of the scenario reader: a value read from a YAML node as a string, quantity, duration,
/// date, choice or schedule, with every problem reported to one diagnostic sink (private to io).

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic_sink.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/sim/scenario.hpp"
#include "scenario_schema.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io::detail {

/// The range a value must lie in.
enum class bound {
    any,
    non_negative,   //!< >= 0
    positive,       //!< > 0
    fraction,       //!< [0, 1]
    open_fraction,  //!< (0, 1]
    at_least_one,   //!< >= 1
    one_to_ten,     //!< [1, 10] (a PUE)
    latitude,       //!< [-90, 90] deg
    longitude,      //!< [-180, 180] deg
};

/// Typing helpers that report every problem to one sink. A helper that returns nullopt has
/// reported why; the caller keeps the field's default.
class field_reader {
public:
    explicit field_reader(diagnostic_sink& sink) : m_sink(sink) {}

    /// True when the scalar `n` is a name of at most 200 characters with no control character; else reported.
    bool printable_name(const yaml_node& n, const std::string& path);

    /// True while nothing has been reported.
    [[nodiscard]] bool clean() const noexcept { return m_sink.empty(); }

    /// Reports `message` at `pos` for the key path `path`.
    void report(const source_pos& pos, const std::string& path, std::string message);

    /// True when `n` is a mapping, or empty (an empty mapping). Reports anything else, and
    /// unknown, duplicate and non-string keys.
    bool mapping(const yaml_node& n, const std::string& path, const map_spec& spec);

    /// The items of a sequence (none when empty); nullptr, reported, for anything else.
    const std::vector<yaml_node>* sequence(const yaml_node& n, const std::string& path);

    /// A string (empty for an empty value).
    std::optional<std::string> text(const yaml_node& n, const std::string& path);

    /// A quantity of `kind` in SI, within `b`.
    std::optional<double> quantity(const yaml_node& n, const std::string& path, quantity_kind kind, bound b);

    /// A duration within `b`.
    std::optional<duration> span(const yaml_node& n, const std::string& path, bound b);

    /// A UTC date or date-time.
    std::optional<epoch> date(const yaml_node& n, const std::string& path);

    /// A non-negative integer that fits in 64 bits.
    std::optional<std::uint64_t> unsigned_integer(const yaml_node& n, const std::string& path);

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
                                                             quantity_kind kind, bound b, epoch start);

    /// The required, non-empty `name` of a mapping.
    std::optional<std::string> required_name(const yaml_node& map, const std::string& path);

    // Field setters: each reads `key` of `map` when present and keeps `out` otherwise.

    /// A string.
    void set_text(const yaml_node& map, std::string_view key, const std::string& parent, std::string& out);

    /// A quantity; true when `key` is present.
    bool set_quantity(const yaml_node& map, std::string_view key, const std::string& parent, quantity_kind kind,
                      bound b, double& out);

    /// A quantity; reports a missing `key`.
    void set_required_quantity(const yaml_node& map, std::string_view key, const std::string& parent,
                               quantity_kind kind, bound b, double& out);

    /// A duration.
    void set_span(const yaml_node& map, std::string_view key, const std::string& parent, bound b, duration& out);

    /// A schedule.
    void set_schedule(const yaml_node& map, std::string_view key, const std::string& parent, quantity_kind kind,
                      bound b, epoch start, std::vector<sim::schedule_point>& out);

    /// A flag: true or false.
    void set_flag(const yaml_node& map, std::string_view key, const std::string& parent, bool& out);

    /// One of `known`.
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
    /// Reports `name` at the `name` key of `map` when the list has seen it already.
    void check(field_reader& reader, const yaml_node& map, const std::string& path, const std::string& name);

private:
    std::string_view m_what;
    std::set<std::string> m_seen;
};

/// A default of the language, as text, in SI.
double default_quantity(std::string_view text, quantity_kind kind);

}  // namespace kardashev::io::detail
