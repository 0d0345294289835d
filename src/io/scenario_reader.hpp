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

// The choices the language knows, in the order its messages list them; each is written as its to_string.
/// Cohort kinds.
inline constexpr fleet::cohort_kind cohort_kinds[] = {fleet::cohort_kind::vehicle,  fleet::cohort_kind::robotaxi,
                                                      fleet::cohort_kind::humanoid, fleet::cohort_kind::factory,
                                                      fleet::cohort_kind::eo_satellite, fleet::cohort_kind::social};
/// Site kinds.
inline constexpr sim::site_kind site_kinds[] = {sim::site_kind::ground, sim::site_kind::orbit, sim::site_kind::moon};
/// Locations of a moon site.
inline constexpr sim::lunar_location moon_locations[] = {sim::lunar_location::polar, sim::lunar_location::equatorial};
/// Earth shadow models of an orbit site.
inline constexpr orbit::shadow_model shadow_models[] = {orbit::shadow_model::cylindrical, orbit::shadow_model::conical};
/// Scaling laws (fleet::chinchilla_law::of).
inline constexpr fleet::scaling_law_kind scaling_laws[] = {fleet::scaling_law_kind::epoch, fleet::scaling_law_kind::hoffmann};
/// Which part a site's purchases buy.
inline constexpr sim::purchase_policy purchase_policies[] = {sim::purchase_policy::newest, sim::purchase_policy::pinned};
/// Where MFU and goodput come from.
inline constexpr sim::utilisation_mode utilisation_modes[] = {sim::utilisation_mode::fixed, sim::utilisation_mode::model};

/// How off-world failures are counted.
inline constexpr sim::failure_mode failure_modes[] = {sim::failure_mode::expected, sim::failure_mode::drawn};

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
