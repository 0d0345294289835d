#pragma once
// The limits on a scenario's work and dates (core/limits.hpp), and model ranges a run would refuse, checked when the
// scenario is read (private to io).

#include "field_reader.hpp"
#include "kardashev/sim/scenario.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io::detail {

/// Reports, at `step` or `length` (or the document when neither is given): a run of more than limits::max_run_steps
/// steps, one whose estimated series exceed limits::max_run_bytes, and one that ends after limits::max_end_year.
void check_scenario_limits(field_reader& reader, const yaml_node& root, const sim::scenario& scenario);

/// Reports, at `moon.sunlit_fraction` (the mapping `moon` at `path`), a polar site's sunlit fraction outside the
/// 86-96 % the polar-ridge model is validated for (energy::lunar_polar_ridge), which a run would refuse.
void check_polar_sunlight(field_reader& reader, const yaml_node& moon, const std::string& path, const sim::site_moon& where);

}  // namespace kardashev::io::detail
