#pragma once
/// Typing of a scenario's YAML tree into sim::scenario, with every problem reported as a
/// diagnostic (private to io; the language is in docs/scenarios.md).

#include <string>
#include <string_view>
#include <vector>

#include "diagnostic_sink.hpp"
#include "kardashev/compute/accelerator.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/scenario.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io::detail {

// Defaults the language chooses for cohort and site fields (docs/scenarios.md). Other fields
// default to their struct's member initialiser; a cohort's market_size defaults to its units.
inline constexpr std::string_view default_cohort_kind = "vehicle";
inline constexpr std::string_view default_upload_fraction = "100 %";
inline constexpr std::string_view default_curation_yield = "100 %";
inline constexpr std::string_view default_tokens_per_byte = "0.25 tok/B";
inline constexpr std::string_view default_site_accelerator = "H100";
inline constexpr std::string_view default_energy_price = "0.08 USD/kWh";
inline constexpr std::string_view default_carbon_intensity = "0.37 kg/kWh";
inline constexpr std::string_view default_facility_capex = "10 USD/W";
inline constexpr std::string_view default_off_world_failure_rate = "9 %/yr";  // Meta via McCalip 2026 (docs/models/sites.md)
// Routed uplink (docs/scenarios.md "uplink.network"; research/network.md sec. 3).
inline constexpr std::string_view default_constellation = "starlink-s1";         // Hypatia's Starlink shell 1
inline constexpr std::string_view default_isl_capacity = "100 Gbps";             // Starlink laser link, sustained (SpaceX, SPIE 2024)
inline constexpr std::string_view default_user_link_capacity = "6.7 Gbps";       // Starlink V2 mini user uplink per satellite
inline constexpr std::string_view default_gateway_link_capacity = "96 Gbps";     // assumption: a feeder carries a V2 mini's ~96 Gbps
inline constexpr std::string_view default_fibre_capacity = "400 Gbps";           // assumption: one 400G wavelength (OIF 400ZR)

/// Cohort kinds the language knows.
inline constexpr std::string_view cohort_kinds[] = {"vehicle", "robotaxi", "humanoid", "factory", "eo_satellite", "social"};
/// Site kinds the language knows.
inline constexpr std::string_view site_kinds[] = {"ground", "orbit", "moon"};
/// Locations of a moon site.
inline constexpr std::string_view moon_locations[] = {"polar", "equatorial"};
/// Earth shadow models of an orbit site.
inline constexpr std::string_view shadow_models[] = {"cylindrical", "conical"};
/// Scaling laws the language knows (fleet::chinchilla_law::by_name).
inline constexpr std::string_view scaling_laws[] = {"epoch", "hoffmann"};
inline constexpr std::string_view utilisation_modes[] = {"fixed", "model"};

/// Types the tree of a scenario; `catalog` is the builtin accelerator catalogue. Every problem is
/// reported to `sink`; fields with problems keep their defaults.
sim::scenario read_scenario(const yaml_node& root, const std::vector<compute::accelerator>& catalog,
                            diagnostic_sink& sink);

/// Types the tree of an accelerator catalogue (`accelerators:` and a list of entries).
std::vector<compute::accelerator> read_accelerator_catalog(const yaml_node& root, diagnostic_sink& sink);

/// Loads a scenario text against the accelerator catalogue `catalog`: parses, applies the
/// overrides, types; throws scenario_error with every diagnostic.
sim::scenario load_scenario(std::string_view text, const std::string& file, const std::vector<override_kv>& overrides,
                            const std::vector<compute::accelerator>& catalog);

/// Loads an accelerator catalogue text; throws scenario_error with every diagnostic.
std::vector<compute::accelerator> load_accelerator_catalog(std::string_view text, const std::string& file);

}  // namespace kardashev::io::detail
