#pragma once
/// The fleet in the scenario language: `fleet.cohorts` (figures as quantities or schedules, a production ramp,
/// start and end dates) and the cohort shares of the routed uplink's regions (schedules, approval dates); private
/// to io, docs/scenarios.md "fleet".

#include <map>
#include <string>
#include <vector>

#include "field_reader.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/sim/scenario.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io::detail {

/// Reads `fleet` of `root` into `scenario.cohorts` (scenario.start already read).
void read_fleet(field_reader& reader, const yaml_node& root, sim::scenario& scenario);

/// The `cohorts` of one demand region at `cp`: each a cohort of the scenario, its share (a quantity or a schedule)
/// and its approval date.
std::vector<sim::region_share> read_region_shares(field_reader& reader, const yaml_node& cohorts, const std::string& cp,
                                                  const sim::scenario& scenario);

/// Reports, at the `regions` node at `rp`, each cohort whose shares over the regions do not sum to 1 at some date.
void check_region_share_totals(field_reader& reader, const yaml_node& regions, const std::string& rp,
                               const std::vector<sim::uplink_region>& regions_read);

}  // namespace kardashev::io::detail
