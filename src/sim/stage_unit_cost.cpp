// Stage 12 (unit_cost): the levelised cost of a new accelerator-hour per site, the dates orbit and Moon first
// undercut the ground, and what each kind of site added per year (docs/models/sim.md "Cheaper than the ground").
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/compute/accelerator_timeline.hpp"
#include "kardashev/economy/cost.hpp"
#include "site_power.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// The part `where` would buy at `at` (vintages.cpp offered_part, without adding it to the site's stock).
const compute::accelerator& part_now(const scenario& input, const site& where, epoch at, const buildout_state& plants) {
    if (where.purchase == purchase_policy::pinned || input.catalogue.empty()) return where.accel;
    return plants.offers.at(input.catalogue, at, plants.trend);
}

/// Site `i`'s cost [USD/h] of one running accelerator-hour of the part on offer, or NaN when its arrays run none.
double new_accelerator_hour_usd(const step_clock& clock, const scenario& input, std::size_t i,
                                const buildout_state& plants, const fast_step& fast, const energy_step& power,
                                const launch_step& prices, launch_state& launched) {
    const site& where = input.sites[i];
    const auto& part = part_now(input, where, clock.start, plants);
    const double facility_w = facility_w_per_accelerator(where, part);
    economy::accelerator_unit unit;
    unit.accelerator_usd = part.price_usd;
    unit.life_s = input.economy.accelerator_life.seconds();
    unit.facility_life_s = facility_life_of(where, input.economy).seconds();
    unit.cost_of_capital_per_year = input.economy.cost_of_capital;  // as the books charge it (stage_economy.cpp)
    // Facility per accelerator: the data hall's capex per W on the ground; off-world, the design's spacecraft and
    // launch at this step's prices (offworld_cost.cpp), whose life is the accelerator's (scenario.hpp facility_life_of).
    unit.facility_usd = offer_for(input, i, part, facility_w, launched, prices).facility_usd_per_w * facility_w;
    // A moon site with a factory ships only its Earth share (lunar_industry.cpp), as the build-out pays.
    if (const double lunar_usd = lunar_usd_per_accelerator(i, prices, plants.lunar); !std::isnan(lunar_usd))
        unit.facility_usd = lunar_usd;
    if (where.kind == site_kind::ground) {
        // Energy per running hour at the step's price for the site's load (site_power.hpp: plant dispatch or schedule).
        const double load_w = plants.sites[i].stock.facility_w;
        unit.energy_usd_per_h = site_energy_mix(where, clock.start, load_w).price_usd_per_j * facility_w * 3600.0;
        return economy::levelised_accelerator_hour_usd(unit);
    }
    unit.failure_rate_per_s = where.failure_rate_per_s;
    // Usable share: what the step's sunlight runs of the installed accelerators (stage 7), else the sunlit fraction.
    const double installed = plants.sites[i].installed;
    unit.usable_share = std::min(1.0, installed > 0.0 ? power.running[i] / installed : fast.sunlit[i]);
    if (!(unit.usable_share > 0.0)) return std::nan("");
    return economy::levelised_accelerator_hour_usd(unit);  // docs/models/economy.md M2b
}

/// Adds the step's purchases and launches to the calendar year of its start.
void add_to_year(const step_clock& clock, const scenario& input, const buildout_state& plants,
                 const buildout_step& bought, const launch_step& prices, const launch_state& launched,
                 unit_cost_state& costs) {
    const int year = clock.start.to_utc().year;
    if (costs.years.empty()) costs.years.push_back({year, {}});
    while (costs.years.back().year < year) costs.years.push_back({costs.years.back().year + 1, {}});
    auto& row = costs.years.back();
    // Flights of the step (stage 5's record_launches) shared among sites by their launched mass.
    const double flights = launched.launches - costs.launches_seen;
    costs.launches_seen = launched.launches;
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const auto& site_out = bought.sites[i];
        auto& kind = row.kinds[static_cast<std::size_t>(input.sites[i].kind)];
        kind.launched_mass_kg += site_out.launched_kg;
        if (prices.launched_kg > 0.0) kind.launches += flights * site_out.launched_kg / prices.launched_kg;
        if (site_out.bought > 0.0)
            kind.it_power_added_w += site_out.bought * plants.sites[i].stock.parts[site_out.part].part.all_in_power_w;
    }
}

/// Sets `from` and records a `crossover` event the first step `best` [USD/h] of `kind` undercuts the ground's.
void check_crossover(const step_clock& clock, site_kind kind, double best, double ground, std::optional<epoch>& from,
                     recorder& recording) {
    if (from || !(best < ground)) return;
    from = clock.start;
    recording.add_event({clock.start, "crossover", std::string(to_string(kind)),
                         fmt::format("a new {} accelerator-hour costs {:.3g} USD, below the ground's {:.3g} USD",
                                     to_string(kind), best, ground)});
}

}  // namespace

unit_cost_state start_unit_cost(const scenario& input, recorder& recording) {
    unit_cost_state costs;
    for (const auto& where : input.sites)
        costs.cost.push_back(recording.add_channel("site/" + where.name, "new_accelerator_hour_cost", "USD/h"));
    return costs;
}

void unit_cost_stage(const step_clock& clock, const scenario& input, const buildout_state& plants,
                     const buildout_step& bought, const fast_step& fast, const energy_step& power,
                     const launch_step& prices, launch_state& launched, unit_cost_state& costs, recorder& recording) {
    std::array<double, 3> best{inf, inf, inf};  // [USD/h] by site_kind: the cheapest site of each kind
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const double usd = new_accelerator_hour_usd(clock, input, i, plants, fast, power, prices, launched);
        recording.record(clock.index, costs.cost[i], std::isnan(usd) ? 0.0 : usd);
        auto& kind_best = best[static_cast<std::size_t>(input.sites[i].kind)];
        if (!std::isnan(usd)) kind_best = std::min(kind_best, usd);
    }
    const double ground = best[static_cast<std::size_t>(site_kind::ground)];
    if (ground < inf) {
        check_crossover(clock, site_kind::orbit, best[static_cast<std::size_t>(site_kind::orbit)], ground,
                        costs.orbit_from, recording);
        check_crossover(clock, site_kind::moon, best[static_cast<std::size_t>(site_kind::moon)], ground,
                        costs.moon_from, recording);
    }
    add_to_year(clock, input, plants, bought, prices, launched, costs);
}

void summarise_unit_cost(const unit_cost_state& costs, run_summary& summary) {
    summary.orbit_cheaper_than_ground_from = costs.orbit_from;
    summary.moon_cheaper_than_ground_from = costs.moon_from;
    summary.years = costs.years;
}

}  // namespace kardashev::sim::detail
