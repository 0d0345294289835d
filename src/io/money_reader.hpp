#pragma once
/// The scenario's `money` section: capex funding, starting cash, financing events and revenue per cohort (private
/// to io; docs/scenarios.md "money").

#include "field_reader.hpp"
#include "kardashev/sim/scenario.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io::detail {

/// Reads `money` of `root` into `scenario.money` (the fleet already read: each revenue row names a cohort).
void read_money(field_reader& reader, const yaml_node& root, sim::scenario& scenario);

}  // namespace kardashev::io::detail
