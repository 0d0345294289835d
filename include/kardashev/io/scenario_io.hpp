#pragma once
/// Scenario loading (YAML -> sim::scenario) and writing (sim::scenario -> YAML for `explain`).

#include <string>
#include <string_view>
#include <vector>

#include "kardashev/compute/accelerator.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::io {

/// A `--set key.path=value` override, applied to the YAML tree before it is typed.
struct override_kv {
    std::string key_path;  //!< e.g. "training.mfu", "sites[0].pue", "seed"
    std::string value;     //!< YAML scalar text, e.g. "45 %"
};

/// Parses "key.path=value"; throws input_error when there is no '=' or the key is empty.
override_kv parse_override(std::string_view text);

/// The accelerator catalogue compiled into the binary (data/catalog/accelerators.yaml).
const std::vector<compute::accelerator>& builtin_accelerators();

/// The text of the embedded default scenario (scenarios/default.yaml).
std::string_view default_scenario_text();

/// Loads a scenario from YAML `text`; `file` names it in diagnostics. Collects every error in the
/// text (and in the overrides) and throws scenario_error with all of them, in file order.
sim::scenario load_scenario_text(std::string_view text, const std::string& file,
                                 const std::vector<override_kv>& overrides = {});

/// Loads a scenario file; a file that cannot be read is a scenario_error at line 0.
sim::scenario load_scenario_file(const std::string& path, const std::vector<override_kv>& overrides = {});

/// Loads the scenario file `path`, or the embedded default (named "<default>" in diagnostics) when `path` is empty:
/// what every command and the Python module read for "SCENARIO, or none".
sim::scenario load_scenario_or_default(const std::string& path, const std::vector<override_kv>& overrides = {});

/// Each "key.path=value" of `--set` arguments parsed by parse_override, in order.
std::vector<override_kv> parse_overrides(const std::vector<std::string>& texts);

/// Writes the fully resolved scenario as YAML (every key, defaults filled in, units written out);
/// load_scenario_text(write_scenario_yaml(s), ...) == s.
std::string write_scenario_yaml(const sim::scenario& s);

}  // namespace kardashev::io
