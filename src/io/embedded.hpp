#pragma once
/// Files compiled into the binary by kd_embed_files (cmake/kardashev_embed.cmake).

#include <string_view>

namespace kardashev::io::detail {

/// scenarios/default.yaml.
extern const std::string_view default_scenario_yaml;
/// data/catalog/accelerators.yaml.
extern const std::string_view accelerator_catalog_yaml;
/// data/catalog/launchers.yaml.
extern const std::string_view launcher_catalog_yaml;

}  // namespace kardashev::io::detail
