#pragma once
/// The scenario's `launch` and `spacecraft` sections (private to io; docs/scenarios.md "Launch and spacecraft").

#include "field_reader.hpp"
#include "kardashev/sim/scenario.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io::detail {

/// Reads `launch` and `spacecraft` of `root` into `scenario`; without `launch.launchers`, the default launcher
/// (Starship V3 at 25 flights a year from the scenario start, docs/scenarios.md).
void read_launch(field_reader& reader, const yaml_node& root, sim::scenario& scenario);

}  // namespace kardashev::io::detail
