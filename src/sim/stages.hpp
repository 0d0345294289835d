#pragma once
/// The engine's stages (private to sim): what each stage carries from step to step (its state), what it writes
/// in a step (its part of `step_state`), the recorder channels it writes, and one function per stage, in the
/// order `run` calls them (sim/engine.hpp). A stage takes const references to what it reads and references to
/// what it writes; its `start_*` function gives its starting state and registers its channels.

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "depreciation_book.hpp"
#include "kardashev/core/rng.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/economy/lunar_factory.hpp"
#include "kardashev/fleet/scaling_law.hpp"
#include "kardashev/network/delivery.hpp"
#include "kardashev/sim/engine.hpp"
#include "kardashev/sim/fast_clock.hpp"
#include "kardashev/sim/recorder.hpp"
#include "kardashev/sim/run_cache.hpp"
#include "kardashev/sim/scenario.hpp"
#include "kardashev/sim/uplink.hpp"
#include "money_state.hpp"
#include "offworld_cost.hpp"
#include "vintages.hpp"

namespace kardashev::sim::detail {

struct lines_state;  // model lines (lines.hpp)

inline constexpr double inf = std::numeric_limits<double>::infinity();
inline constexpr double tiny = 1e-9;  // relative slack when comparing accelerator counts

using channel_id = std::uint32_t;                 // an index into recorder::channels()
using channel_ids = std::vector<channel_id>;      // one channel per cohort, region or site

/// The slow step being run: its index, its interval [start, end) and its length.
struct step_clock {
    std::int64_t index = 0;
    epoch start;
    epoch end;
    double dt_s = 0.0;  // [s]
};

// --- 1. fast

/// The routed uplink (docs/models/sim.md "Routed uplink"): its graph (sim/uplink.hpp) and its fast-clock window.
struct routed_uplink {
    routed_network net;
    std::string geometry_key;  // every input of the snapshots, exactly (the run cache's key)
    run_cache* cache = nullptr;  // shared with other runs, or none
    std::shared_ptr<const network::delivery_geometry> geometry;  // the window's snapshots, shared by every capacity period

    explicit routed_uplink(const scenario& input, run_cache* shared = nullptr);
    /// Cache key: the capacity schedule points in force (the constellation's geometry repeats, so a window's
    /// capacity depends on the date only through them).
    [[nodiscard]] fast_clock::key_fn key(const scenario& input) const;
    /// The window: `samples` topologies evenly spread over net.window from the scenario start (centres of equal
    /// parts), the same snapshots for every capacity period, so periods differ only by their capacities (which
    /// the cache key holds); one max flow per subset of regions each (network::delivery_cut_table).
    [[nodiscard]] fast_clock::window_fn window(const scenario& input) const;
};

/// The fast clock and its entities: one per distinct orbit of the orbit sites, and the routed uplink.
struct fast_state {
    fast_clock clock;
    std::vector<std::uint32_t> site_entity;      // per site: the entity of an orbit site's orbit
    std::optional<std::uint32_t> uplink_entity;  // the routed uplink's, when the scenario routes it
};

/// Stage 1's output: this step's aggregates.
struct fast_step {
    std::vector<double> sunlit;                           // [-] per site: sunlit fraction (1 on the ground)
    const network::delivery_cuts* uplink_cuts = nullptr;  // the routed uplink's cut table (in fast_state's cache)
};

// --- 2. fleet

struct fleet_channels {
    channel_ids units, upload_demand;  // per cohort: fleet/NAME units, upload_demand
};

/// The cohorts and the model they run.
struct fleet_state {
    std::vector<double> units;      // [count] per cohort
    std::vector<std::uint8_t> started;  // per cohort: 1 once in service (from the start, or since its start date)
    std::vector<fleet::production_fleet> ramps;  // per cohort: its production ramp's batches (unused under logistic growth)
    epoch previous_step;            // start of the previous step: dated events in (previous_step, this step] are recorded
    std::size_t deployed = 0;       // released generations deployed so far
    double deployed_loss = 0.0;     // [nats/token] of the deployed model
    double deployed_quality = 0.0;  // [-] of the deployed model
    std::vector<double> cohort_quality;  // [-] per cohort, from the line that serves it (model lines); < 0: the deployed model's
    cohort_routes routes;                // the routed uplink's regions per cohort (approval shares)
    fleet_channels channels;
};

/// Stage 2's output.
struct fleet_step {
    std::vector<double> demand_bytes_per_s;  // [B/s] upload demand per cohort
    double demand_total_bytes_per_s = 0.0;   // [B/s]
};

// --- 3. uplink

struct uplink_channels {
    channel_id capacity = 0, carried = 0;      // uplink capacity, carried
    channel_ids region_demand, region_capacity;  // per region: region/NAME upload_demand, capacity
};

struct uplink_state {
    std::unique_ptr<routed_uplink> routed;  // heap: the fast clock's window points into it
    cohort_routes routes;                   // the routed uplink's regions per cohort
    std::vector<std::vector<double>> share; // [region][cohort] this step's routed shares (a buffer kept across steps)
    double total_bytes = 0.0;               // [B] carried over the run
    uplink_channels channels;
};

/// Stage 3's output.
struct uplink_step {
    double capacity_bytes_per_s = 0.0;  // [B/s] infinite without a limit
    double carried_bytes_per_s = 0.0;   // [B/s]
    double carried_share = 0.0;         // [-] of the demand
    bool saturated = false;             // carried less than the demand
};

// --- 4. corpus

struct corpus_channels {
    channel_id unique_tokens = 0, tokens_added = 0, curated = 0;  // corpus unique_tokens, tokens_added, curated
    channel_id collected = 0;                                      // fleet collected
};

struct corpus_state {
    double unique_tokens = 0.0;
    std::vector<double> tokens_added;  // [tokens] per cohort, this step (the model lines' corpora)
    corpus_channels channels;
};

// --- 5. launch

/// An off-world site's design per accelerator (economy::design_site at unit prices; mass and cost are linear in IT
/// power and in the two prices), for one accelerator type.
struct offworld_unit {
    std::string accelerator;      // the accelerator's catalogue name
    double spacecraft_kg = 0.0;   // [kg] spacecraft (or base) mass built per accelerator, accelerators excluded
    double leo_kg = 0.0;          // [kg] mass launched to LEO per accelerator (the Moon: with its transfer propellant)
};

/// launch price, spacecraft_price, world_mass_cumulative, launched_mass_cumulative, launches_cumulative,
/// capacity_used_share, failures_cumulative, lost_mass_cumulative.
struct launch_channels {
    channel_id price = 0, spacecraft_price = 0, world_mass = 0, launched = 0, launches = 0, used_share = 0;
    channel_id failures = 0, lost = 0;
};

struct launch_state {
    double launched_kg = 0.0;          // [kg] the company's, to LEO, since the start
    double launches = 0.0;             // flights the company's mass filled (payload shares), since the start
    double spacecraft_kg = 0.0;        // [kg] the company's spacecraft built since the start
    double others_launched_kg = 0.0;   // [kg] others', since the start
    double others_spacecraft_kg = 0.0; // [kg] others', since the start
    std::vector<std::vector<offworld_unit>> units;  // per site: designs per accelerator type (cache)
    std::vector<std::array<double, 4>> unit_fits;   // per site: spacecraft and LEO kg per accelerator, a + b x power (empty: not yet)
    orbit_year_cache orbit_years;                   // the designs' yearly eclipses, per orbit
    double failed_flights = 0.0;       // flights that did not deliver their payload (payload shares), since the start
    double lost_kg = 0.0;              // [kg] launched since the start that did not arrive
    std::vector<rng_stream> failure_draws;  // `failures: drawn`: per launcher, its stream "launch/NAME" of the run seed
    launch_channels channels;
};

/// Stage 5's output; the build-out takes capacity from it and writes what it launched.
struct launch_step {
    double price_usd_per_kg = 0.0;             // [USD/kg] to LEO this step
    double spacecraft_usd_per_kg = 0.0;        // [USD/kg] this step
    double capacity_kg = inf;                  // [kg] the launchers' capacity this step (infinite: no launchers)
    double left_kg = inf;                      // [kg] capacity not yet used this step
    double launched_kg = 0.0;                  // [kg] launched by the build-out this step
    double spacecraft_kg = 0.0;                // [kg] spacecraft built by the build-out this step
    std::vector<double> launcher_capacity_kg;  // [kg] per launcher this step
    double failed_flights = 0.0;               // flights this step that did not deliver their payload
    double lost_kg = 0.0;                      // [kg] launched this step that did not arrive
};

/// What an off-world site's accelerator costs to put in place this step, and how many the launch capacity allows.
struct offworld_offer {
    double facility_usd_per_w = 0.0;  // [USD/W of facility power] spacecraft + launch per accelerator / its facility W
    double max_new = inf;             // accelerators that need a new spacecraft share the capacity left can launch
    const offworld_unit* unit = nullptr;  // the design (null on the ground)
};

// --- 6. build-out

/// A site's installed base.
struct site_plant {
    double installed = 0.0;         // accelerators in service
    double facility_built_w = 0.0;  // [W] facility power built so far
    double failed = 0.0;            // accelerators lost to failures without repair
    double launch_lost = 0.0;       // accelerators lost with failed launches
    site_vintages stock;            // the accelerators in service by purchase (installed == stock.count)
    std::optional<rng_stream> failure_draws;  // `failures: drawn`: the site's stream "failures/NAME" of the run seed
};

/// A moon site's satellite factory (lunar_industry.cpp; docs/models/sim.md "Lunar industry").
struct lunar_site {
    bool enabled = false;                // the site has `moon.industry`
    economy::lunar_factory factory;      // the satellite design, and the step's schedules applied
    economy::lunar_factory_step last;    // what it launched this step
    double satellites = 0.0;             // [count] launched so far
    offworld_unit unit;                  // this step's Earth share per accelerator, as the launch market sees it
    double earth_mass_kg = 0.0;          // [kg] shipped from Earth so far
    economy::lunar_limit recorded_limit = economy::lunar_limit::plan;  // the limit of the last `lunar_limit` event
    channel_id satellites_ch = 0, throughput_ch = 0, power_ch = 0, earth_ch = 0, regolith_ch = 0;
};

/// Every site's factory (disabled but for moon sites with `industry`).
struct lunar_industry_state {
    std::vector<lunar_site> sites;
    bool any = false;  // some site has a factory
};

struct buildout_state {
    std::vector<site_plant> sites;
    lunar_industry_state lunar;       // moon sites' satellite factories
    double budget_unspent_usd = 0.0;  // [USD] infinite without a budget schedule
    compute::hardware_trend trend;    // past the catalogue (compute::epoch_ai_hardware_trend)
    mutable part_offer_cache offers;  // the part on offer, made once per key (read by the unit-cost stage too)
};

/// Stage 6's output for one site.
struct site_buildout {
    double planned = 0.0;                     // accelerators the plan asks for
    double facility_w_per_accelerator = 0.0;  // [W]
    double power_cap_w = 0.0;                 // [W] infinite without a schedule
    bool power_limited = false;               // the plan exceeds what the power cap feeds
    bool money_limited = false;               // the budget bought less than the target
    bool launch_limited = false;              // the launch capacity left launched less than the target
    double accelerator_capex_usd = 0.0;       // [USD] bought this step
    double facility_capex_usd = 0.0;          // [USD] bought this step
    std::size_t part = 0;                     // the part bought this step (index into the site's stock.parts)
    double bought = 0.0;                      // accelerators bought this step
    double launched_kg = 0.0;                 // [kg] to LEO for them this step (0 on the ground)
    double launched_from_kg = 0.0;            // [kg] the step's launched mass before this site's (its place in the flights)
    double launched_accelerators = 0.0;       // accelerators launched with new spacecraft shares this step
    double launch_lost = 0.0;                 // accelerators of them lost with failed flights this step
};

/// Stage 6's output: per site, and the peak FLOP/s the plan asks for and what power and money cut from it.
struct buildout_step {
    std::vector<site_buildout> sites;
    double planned_peak_flops = 0.0;    // [FLOP/s]
    double power_cut_peak_flops = 0.0;  // [FLOP/s] planned beyond the power caps
    double money_cut_peak_flops = 0.0;  // [FLOP/s] not bought for want of budget
    double lunar_cut_peak_flops = 0.0;  // [FLOP/s] planned beyond what moon sites' factories launch
    double launch_cut_peak_flops = 0.0; // [FLOP/s] not bought for want of launch capacity
    bool any_money_limited = false;
    bool any_launch_limited = false;
};

// --- 7. energy

/// One site's block of channels, site/NAME: accelerators_planned, accelerators, it_power, facility_power,
/// power_capacity, for ground sites energy_price and emissions (cumulative), and for orbit and moon sites
/// sunlit_fraction and usable_fraction.
struct site_channels {
    channel_id planned = 0, installed = 0, it_power = 0, facility_power = 0, power_cap = 0;
    channel_id energy_price = 0, emissions = 0;
    channel_id sunlit = 0, usable = 0;
    channel_id peak_flops = 0, retired = 0;  // running peak FLOP/s; accelerators retired, cumulative
};

/// A site's energy and hours over the run.
struct site_energy {
    double energy_j = 0.0, energy_usd = 0.0;
    double emissions_kg = 0.0;  // [kg CO2] energy x carbon intensity
    double accelerator_hours = 0.0, running_hours = 0.0;
    double peak_it_w = 0.0;  // [W] installed accelerators x all-in power, at its peak
    site_channels channels;
};

struct energy_state {
    std::vector<site_energy> sites;
    double total_energy_j = 0.0, total_opex_usd = 0.0, accelerator_hours = 0.0;
    double peak_facility_power_w = 0.0;
    double total_emissions_kg = 0.0;  // [kg CO2] all sites
    channel_id emissions_channel = 0;  // company emissions (cumulative)
};

/// Stage 7's output.
struct energy_step {
    std::vector<double> running;                      // per site: accelerators the step's energy runs
    std::vector<double> running_peak_flops;           // [FLOP/s] per site: their peak, summed over vintages
    std::vector<const compute::accelerator*> newest;  // per site: the newest vintage's part (in buildout_state)
    double it_power_w = 0.0, facility_power_w = 0.0;  // [W] all sites
    double unfed_peak_flops = 0.0;                    // [FLOP/s] installed that the arrays cannot feed
    bool any_power_limited = false;                   // some site's plan or running count was cut by power
};

// --- 8. training

/// One layout search of the utilisation model, cached by (site, job size, reference parameters).
struct utilisation_entry {
    std::size_t site = 0;
    int job = 0;
    std::string part;  // the site's newest part
    double params = 0.0;
    double mfu = 0.0;    // 0 when no layout holds the model
    std::string layout;  // compute::to_string of the best layout
    int dp = 0;          // its data-parallel replicas
    long used = 0;       // accelerators it uses (the job's others are spares)
};

/// The generation in training.
struct training_run {
    int index = 1;
    epoch started;
    epoch ends;
    double flop = 0.0;
    std::array<std::int64_t, constraint_count> binding_steps{};
    double reference_params = 0.0;  // N of the shape whose layout sets each site's MFU (utilisation: model)
    double interruptions = 0.0;     // expected, all sites
    double effective_flop = 0.0;    // [FLOP] each step's flop x its algorithmic-progress multiplier
};

/// A site's share of the generation in training (utilisation: model).
struct site_training {
    std::string layout;                             // layout of the last step's job
    double checkpoint_interval_s = 0.0;             // of the last step's job
    double interruptions = 0.0, checkpoints = 0.0;  // expected, over the generation
    double peak_flop = 0.0;                         // [FLOP] running x peak x dt over the generation's steps
    double model_flop = 0.0;                        // [FLOP] the same times MFU
    double flop = 0.0;                              // [FLOP] delivered (MFU and goodput)
    bool no_fit = false;                            // some step found no layout that holds the model
    channel_id mfu_channel = 0, goodput_channel = 0;  // site/NAME mfu, goodput
};

struct training_channels {
    channel_id mfu = 0, goodput = 0, interruptions = 0;  // training mfu, goodput, interruptions (utilisation: model)
};

struct training_state {
    training_run current;                         // the generation in training
    std::vector<generation> released;             // in release order
    std::vector<site_training> sites;
    std::vector<utilisation_entry> utilisation_cache;
    double delivered_share = 0.0;                 // delivered / peak FLOP of the last generation
    double generation_peak_flop = 0.0;            // [FLOP] peak of the running accelerators, this generation
    training_channels channels;
};

/// Stage 8's output.
struct training_step {
    double flop = 0.0;            // [FLOP] delivered this step
    double projected_flop = 0.0;  // [FLOP] the generation's, at this step's rate to its end
    double multiplier = 1.0;      // [-] effective compute per FLOP at the step's midpoint (algorithmic progress)
    double projected_effective_flop = 0.0;  // [FLOP] the generation's effective, at this step's rate and multiplier
};

// --- 9. binding

struct binding_state {
    std::optional<constraint> last;                     // the constraint of the previous step
    std::array<std::int64_t, constraint_count> steps{};  // steps each constraint bound
    std::optional<constraint> last_buildout;                     // what bound the build-out the previous step
    std::array<std::int64_t, constraint_count> buildout_steps{};  // steps each constraint bound the build-out
    std::optional<constraint> last_supply;                        // what bound the supply the previous step
    std::array<std::int64_t, constraint_count> supply_steps{};    // steps each constraint bound the supply, data aside
};

// --- 10. release

/// training generation, flop_accumulated, flop_rate, effective_flop_accumulated, algorithmic_multiplier; model
/// deployed_loss, deployed_quality.
struct release_channels {
    channel_id generation = 0, generation_flop = 0, flop_rate = 0;
    channel_id deployed_loss = 0, deployed_quality = 0;
    channel_id generation_effective_flop = 0, multiplier = 0;
};

// --- 11. economy

/// One part's books at a site: its accelerators' depreciation, and its share of the site's energy and facility
/// depreciation by its IT power.
struct part_books {
    depreciation_book accelerators;
    double depreciation_usd = 0.0, shared_usd = 0.0;   // [USD]
    double capital_charge_usd = 0.0;  // [USD] on its accelerators' book value and its share of the site's hall and plant
    double accelerator_hours = 0.0, running_hours = 0.0;
};

/// A site's books.
struct site_books {
    depreciation_book accelerators, facility, power_plant;
    double capex_usd = 0.0, depreciation_usd = 0.0;
    double capital_charge_usd = 0.0;     // [USD] cost of capital on its book value (docs/models/economy.md)
    double power_plant_capex_usd = 0.0;  // [USD] blocks of its power plant ordered so far (also in capex_usd)
    std::vector<part_books> parts;  // as the site's stock.parts
    double energy_usd_shared = 0.0; // [USD] of the site's energy shared among its parts so far
};

/// economy capex_cumulative, opex_cumulative, depreciation_cumulative, budget_unspent; company facility_power,
/// kardashev_index, binding.
struct economy_channels {
    channel_id capex = 0, opex = 0, depreciation = 0, budget = 0;
    channel_id power = 0, kardashev = 0, binding = 0, buildout_binding = 0;
};

struct economy_state {
    std::vector<site_books> sites;
    depreciation_book accelerators, facility, power_plant;  // the company's
    double total_capex_usd = 0.0, total_depreciation_usd = 0.0;
    double total_capital_charge_usd = 0.0;  // [USD]
    double total_power_plant_capex_usd = 0.0;  // [USD] (also in total_capex_usd)
    economy_channels channels;
};

// --- 12. unit cost

/// The levelised cost of a new accelerator-hour per site, the first dates orbit and Moon undercut the ground, and
/// what each kind of site added per calendar year (docs/models/sim.md "Cheaper than the ground").
struct unit_cost_state {
    channel_ids cost;                       // per site: site/NAME new_accelerator_hour_cost
    std::optional<epoch> orbit_from, moon_from;
    std::vector<year_summary> years;
    double launches_seen = 0.0;             // launch_state::launches at the end of the last step
};

/// What the stages of one step write (each stage overwrites its part), sized for the scenario.
struct step_state {
    step_clock clock;
    fast_step fast;
    fleet_step fleet;
    uplink_step uplink;
    launch_step launch;
    buildout_step buildout;
    energy_step energy;
    training_step training;
    constraint binding = constraint::compute;
    constraint buildout_binding = constraint::compute;  // what cut the build-out most (compute: nothing did)

    explicit step_state(const scenario& input);
};

// --- each stage's starting state and channels, registered in this order

/// The cohorts at the start and the reference model; registers the fleet channels.
fleet_state start_fleet(const scenario& input, recorder& recording);
/// The routed uplink's graph when the scenario routes it; registers the uplink and region channels.
uplink_state start_uplink(const scenario& input, recorder& recording, run_cache* shared = nullptr);
/// The fast clock with an entity per distinct orbit and one for the routed uplink.
fast_state start_fast(const scenario& input, const uplink_state& uplink, run_cache* shared = nullptr);
/// The corpus at the start; registers the corpus channels.
corpus_state start_corpus(const scenario& input, recorder& recording);
/// Registers each site's block of channels.
energy_state start_energy(const scenario& input, recorder& recording);
/// The first generation; registers the utilisation model's channels (utilisation: model).
training_state start_training(const scenario& input, recorder& recording);
/// Registers the channels of the generation in training and the deployed model.
release_channels start_release(recorder& recording);
/// Empty books; registers the economy and company channels.
economy_state start_economy(const scenario& input, recorder& recording);
/// Registers each site's site/NAME new_accelerator_hour_cost channel.
unit_cost_state start_unit_cost(const scenario& input, recorder& recording);
/// Each revenue row's cohort; registers the serving channels when the scenario serves or earns (none otherwise).
serving_state start_serving(const scenario& input, recorder& recording);
/// Starting cash and the financing dated in the first step; the first step's budget when capex is funded by cash;
/// the economy's totals at the start as paid (the installed base is taken as built); registers the money channels
/// when the scenario has a `money` section that asks for anything.
money_state start_money(const scenario& input, const economy_state& books, const energy_state& energy,
                        buildout_state& plants, recorder& recording);
/// The energy step as training sees it: each site's running accelerators and their peak FLOP/s less what serving
/// took at the end of the previous step; `energy` itself when nothing serves (`scratch` holds the copy).
[[nodiscard]] const energy_step& training_view(const energy_step& energy, const serving_state& serving, energy_step& scratch);

/// Each moon site's factory with its satellite design (economy::design_site of an orbit site, lunar_industry.cpp).
lunar_industry_state start_lunar_industry(const scenario& input, orbit_year_cache& orbits);
/// Registers the channels of each site with a factory (site/NAME satellites_launched, mass_driver_throughput,
/// mass_driver_power, earth_mass_shipped, regolith_share), after every other stage's.
void register_lunar_industry(const scenario& input, lunar_industry_state& lunar, recorder& recording);
/// Applies the schedules in force at the step's start to each factory and clears what it launched.
/// `launch_usd_per_kg` is the step's price to LEO (the default delivery price is it times the gear ratio).
void lunar_industry_begin_step(const step_clock& clock, const scenario& input, double launch_usd_per_kg,
                               lunar_industry_state& lunar);
/// The most of `want` accelerators site `i`'s factory launches this step (`want` for a site without one); keeps the
/// limit that capped it.
double lunar_industry_cap(const step_clock& clock, std::size_t i, double want, lunar_industry_state& lunar);
/// For a moon site with a factory, its offer this step (true): Earth ships only what regolith does not make (chips
/// always), built at the spacecraft price and landed at the delivery price, its LEO mass the shipped mass times the
/// gear ratio; false for any other site.
bool lunar_offer(std::size_t i, double per_accel_facility_w, const launch_step& prices, lunar_industry_state& lunar,
                 offworld_offer& offer);
/// What one accelerator of moon site `i`'s factory costs from Earth this step (its Earth share built and delivered,
/// as lunar_offer prices it); NaN for a site without a factory.
[[nodiscard]] double lunar_usd_per_accelerator(std::size_t i, const launch_step& prices, const lunar_industry_state& lunar);
/// Books `launched` accelerators as site `i`'s factory output this step (nothing for a site without one).
void lunar_industry_launched(const step_clock& clock, std::size_t i, double launched, lunar_industry_state& lunar);
/// Records the factories' channels for the step, and a `lunar_limit` event when a factory's binding limit changes.
void record_lunar_industry(const step_clock& clock, const scenario& input, lunar_industry_state& lunar, recorder& recording);

/// Registers the launch channels; the design cache per site.
launch_state start_launch(const scenario& input, recorder& recording);
/// The installed base at the start, taken as built (not limited by the budget or launch capacity); its purchases in
/// `bought`, off-world at the start's launch and spacecraft prices (its mass is part of the starting masses).
buildout_state start_buildout(const scenario& input, launch_state& launched, buildout_step& bought);
/// An off-world site's cost per accelerator at this step's prices and the count the capacity left launches;
/// on the ground, the site's facility_capex and no limit (offworld_cost.cpp).
offworld_offer offer_for(const scenario& input, std::size_t site_index, const compute::accelerator& part,
                         double per_accel_facility_w, launch_state& launched, const launch_step& prices);
/// `want` accelerators cut to what spare facility power and `offer.max_new` allow; marks `out.launch_limited`.
double launch_limited(double want, const site_plant& plant, double per_accel_facility_w, const offworld_offer& offer,
                      site_buildout& out);
/// The launch and spacecraft prices at the scenario start, with the launchers' capacity unlimited.
launch_step start_prices(const scenario& input, const launch_state& launched);
/// Takes `count` new spacecraft shares of `offer` from the step's capacity: launched and built mass.
void take_launch(const offworld_offer& offer, double count, launch_step& step);
/// After the build-out: adds the step's launched and built mass to the cumulative masses and records the launch
/// channels.
void record_launches(const step_clock& clock, const scenario& input, const launch_step& step, launch_state& launched,
                     recorder& recording);
/// Books the purchases in `bought` at `at`: capex, and a depreciation vintage per site and book.
void book_purchases(const scenario& input, epoch at, const buildout_step& bought, economy_state& books);

// --- the stages, in the order of a step

/// 1. fast: each orbit site's sunlit fraction over the step, a moon site's constant one, the routed uplink's cuts.
void fast_stage(const step_clock& clock, const scenario& input, fast_state& fast, fast_step& out);
/// The quality [-] of the model serving cohort `cohort`: its model line's deployed model, else the company's.
[[nodiscard]] double cohort_quality(const fleet_state& cohorts, std::size_t cohort);

/// 2. fleet: deploys a released model whose date has come; each cohort in service grows (logistic or production ramp) and uploads from its approved regions; dated fleet events.
void fleet_stage(const step_clock& clock, const scenario& input, const std::vector<generation>& released,
                 fleet_state& cohorts, fleet_step& out, recorder& recording);
/// 3. uplink: the capacity (schedule, routed network or both) and the bytes carried within it.
void uplink_stage(const step_clock& clock, const scenario& input, const fleet_step& demand, const fast_step& fast,
                  uplink_state& uplink, uplink_step& out, recorder& recording);
/// 4. corpus: carried bytes curated and tokenised into unique tokens.
void corpus_stage(const step_clock& clock, const scenario& input, const fleet_state& cohorts,
                  const fleet_step& demand, const uplink_step& uplink, corpus_state& corpus, recorder& recording);
/// 5. launch: this step's launch and spacecraft prices (Wright's law on cumulative mass, or schedules) and the
/// launchers' capacity; after the build-out, record_launches adds what it launched.
void launch_stage(const step_clock& clock, const scenario& input, launch_state& launched, launch_step& out,
                  recorder& recording);
/// 6. buildout: failures off-world, vintages past their life retired; planned accelerators cut by the power cap and
/// the launch capacity, then the part on offer bought within the budget, off-world at the design's cost at this
/// step's prices; a `part_change` event when a site's purchases switch part; last, the payload of failed flights
/// lost with the accelerators it carried (lose_failed_launches, launch_failures.hpp).
void buildout_stage(const step_clock& clock, const scenario& input, launch_state& launched, buildout_state& plants,
                    launch_step& launch, buildout_step& out, recorder& recording);
/// 7. energy: the share of each site's accelerators its energy runs, facility power and energy opex; records each
/// site's block of channels.
void energy_stage(const step_clock& clock, const scenario& input, const buildout_state& plants,
                  const buildout_step& buildout, const fast_step& fast, energy_state& totals, energy_step& out,
                  recorder& recording);
/// 8. training: FLOP delivered to the generation in training, at fixed or modelled MFU and goodput per site.
void training_stage(const step_clock& clock, const scenario& input, const fleet::chinchilla_law& law,
                    const energy_step& energy, const corpus_state& corpus, training_state& training,
                    training_step& out, recorder& recording);
/// 9. binding: the constraint that bound the step; a `bottleneck_change` event when it changes.
/// With model lines (`lines_data_short` given) the company's data test is the one of the line with the most compute
/// (bind_lines, lines.hpp; docs/models/fleet.md "Model lines"); without, the company's law against the corpus.
[[nodiscard]] constraint binding_stage(const step_clock& clock, const fleet::chinchilla_law& law,
                                       const training_step& training, const corpus_state& corpus,
                                       const uplink_step& uplink, const buildout_step& buildout,
                                       const energy_step& energy, std::optional<bool> lines_data_short,
                                       binding_state& binding, recorder& recording);
/// What bound the supply of compute this step, data aside: money, power, launch or a moon site's factory when its
/// cut is a material share of the plan's peak FLOP/s (in that order), else compute.
[[nodiscard]] constraint supply_constraint(const buildout_step& buildout, const energy_step& energy);
/// 10. release: counts the step's binding for the generation in training; one whose time is up takes the best
/// (N, D) for its FLOP and the corpus and is released, and the next starts. Records the generation and the
/// deployed model. With model lines the generation's compute is split among the lines, which train their models,
/// and the company's generation is made from them (train_lines, lines.hpp).
void release_stage(const step_clock& clock, const scenario& input, const fleet::chinchilla_law& law,
                   constraint binding, const corpus_state& corpus, const fleet_state& cohorts,
                   const training_step& step, const release_channels& channels, training_state& training,
                   lines_state& lines, recorder& recording);
/// 11. economy: the step's purchases booked, depreciation charged; records the company's books, facility power,
/// Kardashev index and binding constraint.
void economy_stage(const step_clock& clock, const scenario& input, const buildout_state& budget,
                   const buildout_step& bought, const energy_state& energy, const energy_step& power,
                   constraint binding, constraint buildout_binding, economy_state& books, recorder& recording);

/// 12. unit_cost: each site's levelised cost of one running accelerator-hour of the part on offer at this step's
/// prices; a `crossover` event when an orbit or moon site first costs less than the cheapest ground site; launches,
/// launched mass and IT power added per calendar year and site kind.
void unit_cost_stage(const step_clock& clock, const scenario& input, const buildout_state& plants,
                     const buildout_step& bought, const fast_step& fast, const energy_step& power,
                     const launch_step& prices, launch_state& launched, unit_cost_state& costs, recorder& recording);

/// 13. serving: each cohort's serving demand (output tokens per unit) priced in accelerator time at the deployed model
/// (compute::serving_tokens_per_s), taken first from serving-only sites (all their running accelerators) and then
/// from the other sites' up to a share, for the next step.
void serving_stage(const step_clock& clock, const scenario& input, const fleet_state& cohorts,
                   const training_state& training, const energy_step& energy, serving_state& serving,
                   recorder& recording);

/// 14. money: financing booked, revenue per cohort (served share, quality), capex, energy opex, debt service and
/// partners' share paid from cash; the next step's budget when capex is funded by cash; the first money-bound date.
void money_stage(const step_clock& clock, const scenario& input, const fleet_state& cohorts,
                 const serving_state& serving, const buildout_step& bought, const economy_state& books,
                 const energy_state& energy, buildout_state& plants, money_state& money, recorder& recording);

/// Copies the money and serving figures into `summary` (discounted at money.discount_rate).
void summarise_money(const scenario& input, const serving_state& serving, const money_state& money, run_summary& summary);

/// Copies the crossover dates and the yearly table into `summary`.
void summarise_unit_cost(const unit_cost_state& costs, run_summary& summary);

/// The figures of `summary` beyond a plausibility bound (economy::plausibility_bounds): the run's peak facility
/// power and each site's power capacity against the world's electricity, each off-world site's design at its peak
/// (array area, launches per life) against the Earth's surface and the world's launches.
[[nodiscard]] std::vector<scale_warning> scale_warnings(const scenario& input, const run_summary& summary);

/// The run's summary from the stages' states at its end.
[[nodiscard]] run_summary summarise(const scenario& input, std::int64_t steps, const fleet_state& cohorts,
                                    const uplink_state& uplink, const corpus_state& corpus,
                                    const buildout_state& plants, const energy_state& energy,
                                    const training_state& training, const binding_state& binding,
                                    const economy_state& books, const launch_step& launched,
                                    orbit_year_cache& orbits);

}  // namespace kardashev::sim::detail
