#pragma once
/// The engine: runs a scenario on the slow clock through a fixed pipeline of stages.
///
/// Each slow step runs, in this order (DESIGN.md "Two clocks"; one file per stage, src/sim/stage_*.cpp):
///   1. fast      each orbit site's sunlit fraction over the step (sim/fast_clock.hpp), a moon site's constant
///                one, and the routed uplink's cut table
///   2. fleet     the model released by the step's start is deployed; cohort growth (logistic, market size fed
///                back from the deployed model's quality) and upload demand
///   3. uplink    data carried within the uplink capacity (schedule, routed network or both)
///   4. corpus    curation and tokenisation into unique tokens
///   5. launch    launch and spacecraft prices (Wright's law on cumulative mass, or schedules) and the launchers'
///                capacity for the step; after the build-out, the mass it launched is added
///   6. buildout  off-world failures; installed accelerators per site, cut by power, launch capacity and the capex
///                budget; off-world accelerators cost their design's spacecraft and launch at the step's prices;
///                the accelerators on failed flights (launcher reliability) are lost after they are paid for
///   7. energy    the share of each site's accelerators its energy runs; facility power and energy opex
///   8. training  FLOP delivered to the current generation (MFU and goodput fixed, or per site from the
///                compute layer's layout search and failure model)
///   9. binding   which constraint bound this step
///  10. release   a generation whose time is up takes the best (N, D) for its FLOP and deploys after the gap
///  11. economy   capex booked, depreciation charged; the company's books recorded
///  12. unit_cost the levelised cost of an accelerator-hour of the part each site would buy now; the dates orbit
///                and Moon first undercut the ground; launches, launched mass and IT power added per year and kind
/// A stage reads only what earlier stages of this step or earlier steps wrote.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/economy/scale.hpp"
#include "kardashev/sim/recorder.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::sim {

class run_cache;

/// What limited the flywheel in a step.
enum class constraint : std::uint8_t { data, bandwidth, compute, power, money, lunar_industry, launch };
inline constexpr std::size_t constraint_count = 7;
/// Lower-case name: "data", "bandwidth", "compute", "power", "money", "lunar_industry", "launch".
std::string_view to_string(constraint binding) noexcept;

/// One released model generation.
struct generation {
    int index = 0;               //!< 1-based
    epoch started;
    epoch released;
    double flop = 0.0;           //!< [FLOP] compute delivered (physical)
    double effective_flop = 0.0; //!< [FLOP] delivered x the algorithmic-progress multiplier of each step (sets N, D, loss)
    double params = 0.0;         //!< N of the compute-optimal split of effective_flop (the start's algorithms)
    double tokens = 0.0;         //!< D trained (effective_flop's split, within the corpus)
    double unique_tokens = 0.0;  //!< corpus unique tokens at release
    double loss = 0.0;           //!< [nats/token]
    double quality = 0.0;        //!< [-] quality_from_loss
    constraint binding = constraint::compute;  //!< constraint that bound most steps of its run
    double interruptions = 0.0;  //!< [-] expected job interruptions over its run, all sites (utilisation: model; else 0)
    bool operator==(const generation&) const = default;
};

/// One model of a model line (fleet.lines): its share of the company's compute, split by its own law.
struct line_generation {
    int index = 0;               //!< 1-based, within the line
    epoch released;
    double effective_flop = 0.0; //!< [FLOP] the line's share of its generations' effective compute
    double params = 0.0;         //!< N
    double tokens = 0.0;         //!< D trained, within the line's corpus
    double unique_tokens = 0.0;  //!< the line's unique tokens at release
    double loss = 0.0;           //!< [law's unit] by the line's law
    double quality = 0.0;        //!< [-] quality_from_loss against the line's reference
    bool data_limited = false;   //!< the line's corpus, not its compute, set D
    bool operator==(const line_generation&) const = default;
};

/// A model line over the run.
struct line_summary {
    std::string name;
    std::vector<line_generation> generations;
    double final_unique_tokens = 0.0;                            //!< [tokens]
    double total_effective_flop = 0.0;                           //!< [FLOP] given to it over the run
    std::array<std::int64_t, constraint_count> binding_steps{};  //!< steps each constraint bound the line
    bool operator==(const line_summary&) const = default;
};

/// A figure of the run beyond a plausibility bound of economy::plausibility_bounds (docs/models/sim.md "Scale
/// against physics").
struct scale_warning {
    std::string entity;            //!< "company" for the run's peak power, "site/NAME" for a site's figure
    economy::bound_excess excess;  //!< the bound, the run's value [bound's unit] and value / limit
    std::string message;           //!< "site/NAME: array area 5.6e22 m2 is 1.1e8 times the Earth's surface (5.1e14 m2)"
    bool operator==(const scale_warning&) const = default;
};

/// Headline figures of a run.
/// One site over the run; for orbit and moon sites also the physical design at the site's peak IT power.
/// What a site bought of one part over the run (docs/models/sim.md "Build-out": vintages).
struct part_summary {
    std::string accelerator;                     //!< part name (an extrapolated part: "<last>+<k>y")
    double bought = 0.0;                         //!< accelerators bought, the installed base at the start included
    double accelerator_hours = 0.0;              //!< [h] installed
    double running_accelerator_hours = 0.0;      //!< [h] running
    double capital_charge_usd = 0.0;             //!< [USD] cost of capital on its accelerators and its hall share
    /// [USD/h] (its accelerators' depreciation and capital charge + its share of the site's energy, facility
    /// depreciation and facility capital charge by its IT
    /// power) / its running accelerator-hours
    double cost_per_accelerator_hour_usd = 0.0;
    bool operator==(const part_summary&) const = default;
};

struct site_summary {
    std::string name;
    site_kind kind = site_kind::ground;        //!< ground, orbit or moon
    double accelerator_hours = 0.0;            //!< [h] installed
    double running_accelerator_hours = 0.0;    //!< [h] running (installed x usable fraction)
    double capex_usd = 0.0;                    //!< [USD] accelerators, facility and power-plant blocks bought
    double power_plant_capex_usd = 0.0;        //!< [USD] power-plant blocks ordered (part of capex_usd)
    double depreciation_usd = 0.0;             //!< [USD] charged over the run
    double capital_charge_usd = 0.0;           //!< [USD] cost of capital on the book value, over the run
    double energy_j = 0.0;                     //!< [J] facility energy
    double energy_usd = 0.0;                   //!< [USD] energy bought
    double emissions_kg = 0.0;                 //!< [kg CO2] energy x carbon intensity
    double cost_per_accelerator_hour_usd = 0.0;  //!< [USD/h] (depreciation + capital + energy) / running acc-hours
    double peak_it_power_w = 0.0;              //!< [W] installed accelerators x all-in power, at its peak
    double failed_accelerators = 0.0;          //!< accelerators lost to failures (orbit, moon: no repair), replaced by the build-out
    double launch_lost_accelerators = 0.0;     //!< accelerators lost with failed launches (paid for, never in service)
    double retired_accelerators = 0.0;         //!< accelerators retired: at the end of their life, or by a falling plan or power cap
    std::vector<part_summary> parts;           //!< per part bought, in order of first purchase
    bool has_design = false;                   //!< true for orbit and moon sites that installed anything
    double kg_per_kw = 0.0;                    //!< [kg/kW] of IT power (economy::design_site)
    double mass_kg = 0.0;                      //!< [kg] site mass at peak IT power
    double launches = 0.0;                     //!< flights to LEO for that mass
    double array_area_m2 = 0.0;
    double radiator_area_m2 = 0.0;
    double battery_kwh = 0.0;                  //!< [kWh] storage for the worst eclipse or night
    double design_usd_per_kw_year = 0.0;       //!< [USD/(kW yr)] the design's full cost per kW of IT
    double design_usd_per_gpu_hour = 0.0;      //!< [USD/h] the design's full cost per usable accelerator-hour
    bool operator==(const site_summary&) const = default;
};

/// What one kind of site added in one calendar year (docs/models/sim.md "Cheaper than the ground").
struct kind_year {
    double launches = 0.0;          //!< flights the kind's launched mass filled (payload shares)
    double launched_mass_kg = 0.0;  //!< [kg] to LEO
    double it_power_added_w = 0.0;  //!< [W] all-in IT power of the accelerators bought
    bool operator==(const kind_year&) const = default;
};

/// One calendar year of the run: what each kind of site added.
struct year_summary {
    int year = 0;                      //!< UTC calendar year
    std::array<kind_year, 3> kinds{};  //!< by site_kind: ground, orbit, moon
    bool operator==(const year_summary&) const = default;
};

struct run_summary {
    std::vector<generation> generations;
    std::vector<std::pair<std::string, double>> final_fleet_units;  //!< cohort name, units at the end
    double final_unique_tokens = 0.0;        //!< [tokens]
    double total_bytes_uploaded = 0.0;       //!< [B]
    double total_capex_usd = 0.0;            //!< [USD]
    double total_power_plant_capex_usd = 0.0;  //!< [USD] power-plant blocks ordered (part of total_capex_usd)
    double total_opex_usd = 0.0;             //!< [USD] energy
    double total_depreciation_usd = 0.0;     //!< [USD]
    double total_capital_charge_usd = 0.0;   //!< [USD] cost of capital on the book value (economy.cost_of_capital)
    double accelerator_hours = 0.0;          //!< [h]
    double cost_per_accelerator_hour_usd = 0.0;  //!< [USD/h] (depreciation + capital charge + energy) / accelerator-hours
    double total_energy_j = 0.0;             //!< [J] facility energy
    double total_emissions_kg = 0.0;         //!< [kg CO2] all sites
    double peak_facility_power_w = 0.0;      //!< [W]
    double kardashev_index_peak = 0.0;       //!< [-] Sagan K of the peak facility power
    double peak_sun_share = 0.0;             //!< [-] peak facility power / the Sun's luminosity (IAU 2015 B3)
    double peak_earth_sunlight_share = 0.0;  //!< [-] peak facility power / the sunlight the Earth intercepts
    std::vector<scale_warning> warnings;     //!< figures beyond a plausibility bound (scale_warnings), in check order
    std::array<std::int64_t, constraint_count> binding_steps{};  //!< steps each constraint bound
    /// Steps each constraint bound the build-out (what cut the plan's peak FLOP/s most; compute: nothing did).
    std::array<std::int64_t, constraint_count> buildout_binding_steps{};
    /// Steps each constraint bound the supply of compute, data aside (money, power, launch, lunar_industry or
    /// compute; the company's rule without its data test): what binds when every model line is data-bound.
    std::array<std::int64_t, constraint_count> supply_binding_steps{};
    std::int64_t steps = 0;
    std::vector<site_summary> sites;         //!< per site, in scenario order
    /// First step start at which an orbit (moon) site's new accelerator-hour costs less than the cheapest ground
    /// site's; empty when never or when either kind is absent.
    std::optional<epoch> orbit_cheaper_than_ground_from, moon_cheaper_than_ground_from;
    std::vector<year_summary> years;         //!< each calendar year the run's steps start in, in order
    std::vector<line_summary> lines;         //!< per model line (fleet.lines), in scenario order
    money_summary money;                     //!< cash flow, financing, revenue, serving (sim/money.hpp)
    double launch_failed_flights = 0.0;      //!< flights that did not deliver their payload (payload shares)
    double launch_lost_mass_kg = 0.0;        //!< [kg] launched that did not arrive
    bool operator==(const run_summary&) const = default;
};

/// Options that do not change results.
struct run_options {
    bool progress = false;  //!< draw a progress bar on a terminal
    /// Results shared with other runs (a sweep's samples; sim/run_cache.hpp), or none. The run's results are the
    /// same with or without it.
    run_cache* cache = nullptr;
};

/// The result of a run: the recorder's series and events, and the summary.
struct run_result {
    recorder record;
    run_summary summary;
};

/// Runs `input` to the end and returns what it recorded. Throws domain_error when a model leaves its range.
run_result run(const scenario& input, const run_options& options = {});

}  // namespace kardashev::sim
