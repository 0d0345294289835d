#pragma once
/// A ground site's power over time (private to sim): the cap its plant or schedule gives at a date, and the
/// energy price and carbon intensity of a load dispatched over its online blocks (docs/models/energy.md
/// "Site power plant").

#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::sim::detail {

/// What the step's energy costs and emits per J: dispatch-weighted over the blocks that serve the load.
struct energy_mix {
    double price_usd_per_j = 0.0;  //!< [USD/J]
    double carbon_kg_per_j = 0.0;  //!< [kg CO2/J]
};

/// True when `block` is online at `at`: ordered at `from`, online from `from + lead_time`.
[[nodiscard]] bool block_online(const power_block& block, epoch at);

/// The plant's online capacity [W] at `at`: the sum of its online blocks.
[[nodiscard]] double plant_capacity_w(const std::vector<power_block>& plant, epoch at);

/// `load_w` dispatched over the blocks online at `at` in merit order (cheapest energy price first, ties in list
/// order); returns the load-weighted price and carbon intensity. Load beyond the online capacity is served by the
/// dearest online block; a zero load gets the cheapest block's figures; no online block gives zeros.
[[nodiscard]] energy_mix dispatch(const std::vector<power_block>& plant, epoch at, double load_w);

/// A site's facility power cap [W] at `at`: its plant's online capacity, else its power_capacity schedule, else
/// infinite.
[[nodiscard]] double site_power_cap_w(const site& where, epoch at);

/// A site's energy price and carbon intensity at `at` for a facility load `load_w`: dispatched over its plant,
/// else its schedules, else its constant facility figures.
[[nodiscard]] energy_mix site_energy_mix(const site& where, epoch at, double load_w);

}  // namespace kardashev::sim::detail
