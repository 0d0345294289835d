#pragma once
/// A YAML document as a plain tree that keeps every node's position, duplicate keys and the
/// origin of nodes set by `--set` overrides (private to io).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kardashev::io::detail {

/// Where a node came from: the scenario text (origin 0) or the k-th `--set` override (origin k).
/// Positions are 1-based; 0 when unknown. For an override, line is k and column counts in "key=value".
struct source_pos {
    int origin = 0;
    int line = 0;
    int column = 0;
    bool operator==(const source_pos&) const = default;
};

enum class node_kind { null, scalar, sequence, mapping };

struct yaml_entry;

/// One YAML node. Scalars keep their text as written (after YAML unquoting); tags are ignored.
struct yaml_node {
    node_kind kind = node_kind::null;
    std::string text;                 //!< scalar text (empty otherwise)
    source_pos pos;                   //!< start of the node
    std::vector<yaml_node> items;     //!< sequence items
    std::vector<yaml_entry> entries;  //!< mapping entries in document order, duplicates kept

    /// Returns the value of the first entry named `key`, or nullptr (also when not a mapping).
    [[nodiscard]] const yaml_node* find(std::string_view key) const;
    [[nodiscard]] yaml_node* find(std::string_view key);
};

/// One `key: value` pair of a mapping.
struct yaml_entry {
    std::string key;             //!< key text; empty with key_is_scalar false for a complex key
    bool key_is_scalar = true;
    source_pos key_pos;
    yaml_node value;
};

/// A YAML syntax error at `pos`, with yaml-cpp's message.
struct yaml_syntax_error {
    source_pos pos;
    std::string message;
};

/// How positions in a parsed text map to source positions: the scenario text itself (origin 0),
/// or the value of override `origin` that starts at `first_column` of its "key=value" text.
struct position_map {
    int origin = 0;
    int first_column = 1;
};

/// Parses one YAML document. Returns the root (a null node for an empty text), or a syntax error.
/// A null value inherits the position of its key.
[[nodiscard]] std::optional<yaml_node> parse_yaml(std::string_view text, const position_map& where,
                                                  yaml_syntax_error& error);

/// Returns "a mapping", "a sequence", "an empty value" or the quoted scalar text, for messages.
[[nodiscard]] std::string describe_found(const yaml_node& node);

}  // namespace kardashev::io::detail
