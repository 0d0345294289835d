#pragma once
/// The launcher catalogue (data/catalog/launchers.yaml), compiled into the binary.

#include <string>
#include <string_view>
#include <vector>

#include "kardashev/logistics/launcher.hpp"

namespace kardashev::io {

/// The launcher catalogue compiled into the binary (data/catalog/launchers.yaml).
const std::vector<logistics::launcher>& builtin_launchers();

/// Loads a launcher catalogue text (`launchers:` and a list of entries); `file` names it in diagnostics.
/// Throws scenario_error with every problem found.
std::vector<logistics::launcher> load_launcher_catalog(std::string_view text, const std::string& file);

/// The builtin launcher named `name`; throws input_error listing the known names.
const logistics::launcher& find_launcher(std::string_view name);

}  // namespace kardashev::io
