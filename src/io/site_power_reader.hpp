#pragma once
/// A site's power over time in the scenario language: `power_plant` blocks, or the older `power_capacity`,
/// `energy_price` and `carbon_intensity` keys, each of the last two a quantity or a schedule (private to io;
/// docs/scenarios.md "Power plant").

#include <string>

#include "field_reader.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/energy/plant.hpp"
#include "kardashev/sim/scenario.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io::detail {

/// The sources a power block may name, in the order messages list them.
inline constexpr energy::plant_kind power_sources[] = {energy::plant_kind::grid, energy::plant_kind::gas_turbine,
                                                       energy::plant_kind::nuclear, energy::plant_kind::solar_storage};

/// Reads `power_capacity`, `energy_price`, `carbon_intensity` and `power_plant` of the site mapping `n` at `path`
/// into `site` (its kind already read). Reports a `power_plant` given with any of the other three, or on an orbit
/// or moon site.
void read_site_power(field_reader& reader, const yaml_node& n, const std::string& path, epoch start, sim::site& site);

}  // namespace kardashev::io::detail
