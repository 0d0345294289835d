#pragma once
/// Collects the diagnostics of one scenario load, sorts them into file order and throws them
/// together (private to io).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/core/error.hpp"
#include "kardashev/core/text.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io::detail {

/// The file name of diagnostics about `--set` overrides.
inline constexpr std::string_view overrides_file = "<--set>";

/// Diagnostics of one load, in the order they were found.
class diagnostic_sink {
public:
    /// `file` names the scenario text in diagnostics of origin 0.
    explicit diagnostic_sink(std::string file) : m_file(std::move(file)) {}

    /// Records `message` about the node at `pos` whose key path is `key_path`.
    void report(const source_pos& pos, std::string key_path, std::string message);

    /// True when nothing was reported.
    [[nodiscard]] bool empty() const noexcept { return m_entries.empty(); }

    /// The diagnostics in file order: the scenario's by line and column, then the overrides' in
    /// the order they were given; ties keep the order of report().
    [[nodiscard]] std::vector<diagnostic> sorted() const;

    /// Throws scenario_error with sorted() when anything was reported.
    void throw_if_any() const;

private:
    struct entry {
        source_pos pos;
        diagnostic diag;
    };
    std::string m_file;
    std::vector<entry> m_entries;
};

/// Levenshtein distance between `a` and `b` (insertions, deletions, substitutions).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate `word` was probably meant to be: a case-insensitive match, else the nearest one
/// within edit distance 2 (the first of equals); nullopt when none is close.
[[nodiscard]] std::optional<std::string_view> closest_match(std::string_view word,
                                                            const std::vector<std::string_view>& candidates);

/// Returns `; did you mean "x"?` for the closest match, or an empty string.
[[nodiscard]] std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

/// Joins `items` with ", ".
[[nodiscard]] std::string join(const std::vector<std::string_view>& items);

/// Returns `text` in double quotes (core/text.hpp).
using kardashev::quoted;

/// Joins a parent key path and a key: ("sites[0]", "pue") -> "sites[0].pue", ("", "seed") -> "seed".
[[nodiscard]] std::string child_path(const std::string& parent, std::string_view key);

/// Appends an index: ("sites", 1) -> "sites[1]".
[[nodiscard]] std::string index_path(const std::string& parent, std::size_t index);

}  // namespace kardashev::io::detail
