#pragma once
/// Model lines in the scenario language: `fleet.lines` and `fleet.allocation` (private to io; docs/scenarios.md
/// "fleet.lines").

#include "field_reader.hpp"
#include "kardashev/sim/scenario.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io::detail {

/// Reads `fleet.lines` and `fleet.allocation` of `root` into `scenario` (its cohorts already read): each line's
/// sources name a cohort of its own modality (cross-modal mixing is refused), fixed shares sum to at most 1.
void read_model_lines(field_reader& reader, const yaml_node& root, sim::scenario& scenario);

}  // namespace kardashev::io::detail
