#include "overrides.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "kardashev/core/error.hpp"
#include "kardashev/core/text.hpp"
#include "scenario_schema.hpp"

namespace kardashev::io {

override_kv parse_override(std::string_view text) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos) {
        throw input_error("expected key.path=value, got \"" + std::string(text) + "\"");
    }
    const auto key = trim(text.substr(0, eq));
    if (key.empty()) {
        throw input_error("expected a key path before '=', got \"" + std::string(text) + "\"");
    }
    return {std::string(key), std::string(text.substr(eq + 1))};
}

}  // namespace kardashev::io

namespace kardashev::io::detail {

namespace {

/// One step of a key path: a key or an index, and its 1-based column in the key path.
struct segment {
    bool is_index = false;
    std::string key;
    std::size_t index = 0;
    int column = 1;
};

/// Splits "fleet.cohorts[1].units" into segments; on a malformed path returns nullopt and the
/// 1-based column of the first bad character.
std::optional<std::vector<segment>> split_key_path(std::string_view path, int& bad_column) {
    std::vector<segment> out;
    std::size_t i = 0;
    const auto fail = [&](std::size_t at) {
        bad_column = static_cast<int>(at) + 1;
        return std::nullopt;
    };
    while (true) {
        const std::size_t start = i;
        while (i < path.size() && path[i] != '.' && path[i] != '[' && path[i] != ']') ++i;
        if (i == start) return fail(i);
        out.push_back({false, std::string(path.substr(start, i - start)), 0, static_cast<int>(start) + 1});
        while (i < path.size() && path[i] == '[') {
            const std::size_t open = i++;
            std::size_t index = 0;
            const std::size_t digits = i;
            while (i < path.size() && path[i] >= '0' && path[i] <= '9') {
                index = index * 10 + static_cast<std::size_t>(path[i] - '0');
                if (index > 1'000'000) return fail(digits);
                ++i;
            }
            if (i == digits || i >= path.size() || path[i] != ']') return fail(i);
            ++i;
            out.push_back({true, {}, index, static_cast<int>(open) + 1});
        }
        if (i == path.size()) return out;
        if (path[i] != '.') return fail(i);
        ++i;
    }
}

/// Checks `segments` against the language; reports the first step that leaves it.
bool check_against_schema(const std::vector<segment>& segments, int origin, diagnostic_sink& sink) {
    field_shape shape = field_shape::mapping;
    const map_spec* spec = &scenario_spec;
    std::string path;
    for (const auto& seg : segments) {
        const source_pos pos{origin, origin, seg.column};
        if (seg.is_index) {
            if (shape == field_shape::list) {
                shape = field_shape::mapping;
            } else if (shape == field_shape::schedule) {
                shape = field_shape::mapping;
                spec = &schedule_point_spec;
            } else {
                sink.report(pos, index_path(path, seg.index),
                            "expected a key after " + quoted(path) + ", got an index (" + quoted(path) +
                                " is not a list)");
                return false;
            }
            path = index_path(path, seg.index);
            continue;
        }
        const auto key_path = child_path(path, seg.key);
        if (shape == field_shape::list || shape == field_shape::schedule) {
            sink.report(pos, key_path,
                        "expected an index after " + quoted(path) + ", like " + quoted(path + "[0]." + seg.key));
            return false;
        }
        if (shape == field_shape::value) {
            sink.report(pos, key_path, "unknown key " + quoted(seg.key) + "; " + quoted(path) + " holds a value");
            return false;
        }
        const field_spec* field = spec->find(seg.key);
        if (field == nullptr) {
            const auto keys = spec->keys();
            const auto hint = did_you_mean(seg.key, keys);
            sink.report(pos, key_path,
                        "unknown key " + quoted(seg.key) + (hint.empty() ? "; known keys: " + join(keys) : hint));
            return false;
        }
        shape = field->shape;
        spec = field->child;
        path = key_path;
    }
    return true;
}

/// Sets the node at `segments` to `value`, creating mappings, entries and one-past-the-end items
/// on the way.
void set_node(yaml_node& root, const std::vector<segment>& segments, yaml_node value, int origin,
              diagnostic_sink& sink) {
    yaml_node* node = &root;
    std::string path;
    for (const auto& seg : segments) {
        const source_pos pos{origin, origin, seg.column};
        if (node->kind == node_kind::null) {
            node->kind = seg.is_index ? node_kind::sequence : node_kind::mapping;
        }
        if (!seg.is_index) {
            if (node->kind != node_kind::mapping) {
                sink.report(pos, child_path(path, seg.key),
                            "cannot set a key inside " + (path.empty() ? std::string("the scenario") : path) +
                                ", which is " + describe_found(*node) + " in the scenario");
                return;
            }
            yaml_node* child = node->find(seg.key);
            if (child == nullptr) {
                yaml_entry e;
                e.key = seg.key;
                e.key_pos = pos;
                e.value.pos = pos;
                node->entries.push_back(std::move(e));
                child = &node->entries.back().value;
            }
            node = child;
            path = child_path(path, seg.key);
            continue;
        }
        if (node->kind != node_kind::sequence) {
            sink.report(pos, index_path(path, seg.index),
                        "cannot index " + path + ", which is " + describe_found(*node) + " in the scenario");
            return;
        }
        if (seg.index > node->items.size()) {
            sink.report(pos, index_path(path, seg.index),
                        "index " + std::to_string(seg.index) + " is out of range: " + path + " has " +
                            std::to_string(node->items.size()) +
                            (node->items.size() == 1 ? " entry" : " entries"));
            return;
        }
        if (seg.index == node->items.size()) {
            yaml_node item;
            item.pos = pos;
            node->items.push_back(std::move(item));
        }
        node = &node->items[seg.index];
        path = index_path(path, seg.index);
    }
    *node = std::move(value);
}

}  // namespace

void apply_overrides(yaml_node& root, const std::vector<override_kv>& overrides, diagnostic_sink& sink) {
    for (std::size_t k = 0; k < overrides.size(); ++k) {
        const auto& kv = overrides[k];
        const int origin = static_cast<int>(k) + 1;
        int bad_column = 1;
        const auto segments = split_key_path(kv.key_path, bad_column);
        if (!segments) {
            sink.report({origin, origin, bad_column}, kv.key_path,
                        "expected a key path like \"sites[0].pue\" or \"training.mfu\"");
            continue;
        }
        if (!check_against_schema(*segments, origin, sink)) continue;
        yaml_syntax_error syntax;
        const int value_column = static_cast<int>(kv.key_path.size()) + 2;
        auto value = parse_yaml(kv.value, {origin, value_column}, syntax);
        if (!value) {
            sink.report(syntax.pos, kv.key_path, "syntax error: " + syntax.message);
            continue;
        }
        set_node(root, *segments, std::move(*value), origin, sink);
    }
}

}  // namespace kardashev::io::detail
