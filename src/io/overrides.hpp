#pragma once
/// `--set key.path=value` overrides applied to a scenario's YAML tree before it is typed
/// (private to io).

#include <vector>

#include "diagnostic_sink.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io::detail {

/// Applies `overrides` to `root` in order. A key path names keys of the language and indices of
/// lists and schedules (an index one past the end appends); the value is YAML text. Reports a
/// malformed path, an unknown key, an index out of range or a value that does not parse, with
/// file "<--set>", line k for the k-th override and the column in its "key=value" text.
void apply_overrides(yaml_node& root, const std::vector<override_kv>& overrides, diagnostic_sink& sink);

}  // namespace kardashev::io::detail
