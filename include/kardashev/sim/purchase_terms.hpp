#pragma once
/// The build-out's terms of purchase, public for the planner (plan module): the part a site buys at a date, its
/// facility power, a ground site's power cap, an off-world site's spacecraft and launch mass per accelerator and a
/// lunar factory at a date. The engine's build-out stage uses the same functions (docs/models/sim.md "Build-out").

#include <cstddef>

#include "kardashev/compute/accelerator.hpp"
#include "kardashev/compute/accelerator_timeline.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/economy/lunar_factory.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::sim {

/// The part a purchase at `where` buys at `at`: the part on offer (compute::part_on_offer over the scenario's
/// catalogue along `trend`) under purchase: newest with a catalogue, else the site's `accel`.
[[nodiscard]] compute::accelerator part_bought(const scenario& input, const site& where, epoch at,
                                               const compute::hardware_trend& trend);

/// [W] facility power one accelerator of `part` draws at `where` (all-in power x PUE).
[[nodiscard]] double facility_w_per_accelerator(const site& where, const compute::accelerator& part);

/// [W] a site's facility power cap at `at`: its plant's online blocks, else its power_capacity schedule, else infinite.
[[nodiscard]] double power_cap_w(const site& where, epoch at);

/// Spacecraft built and mass launched per accelerator of an off-world site's design, both affine in the part's
/// all-in power (the build-out's design at unit prices: economy::design_site).
struct offworld_mass {
    double spacecraft_kg = 0.0;  //!< [kg] spacecraft (or base) built per accelerator, the accelerator excluded
    double leo_kg = 0.0;         //!< [kg] launched to LEO per accelerator (the Moon: with its transfer propellant)
    bool operator==(const offworld_mass&) const = default;
};

/// The affine fit of offworld_mass in a part's all-in power for one off-world site: two designs, as the build-out
/// makes them. Throws domain_error naming the site when its design does not close.
class offworld_mass_fit {
public:
    /// Fits the design of `input.sites[site_index]` (an orbit or moon site) around `part`.
    offworld_mass_fit(const scenario& input, std::size_t site_index, const compute::accelerator& part);
    /// Masses per accelerator of a part of `all_in_power_w` [W].
    [[nodiscard]] offworld_mass at(double all_in_power_w) const noexcept;

private:
    offworld_mass m_base;      // at zero power
    offworld_mass m_per_watt;  // [kg/W]
};

/// A moon site's factory (moon.industry): its satellite designed as the build-out designs it, its schedules not yet
/// read (lunar_factory_at). Throws input_error when the site has no industry, domain_error when the design does not
/// close.
[[nodiscard]] economy::lunar_factory lunar_factory_design(const scenario& input, std::size_t site_index);

/// Sets `factory`'s figures at `at` from the site's moon.industry schedules, the Earth-to-Moon delivery at
/// `launch_usd_per_kg` x the gear ratio when the scenario gives no delivery price: as the build-out runs it that step.
void lunar_factory_at(const site& where, epoch at, double launch_usd_per_kg, economy::lunar_factory& factory);

}  // namespace kardashev::sim
