#pragma once
/// The typed scenario the engine runs: plain values in SI, loaded from YAML by io (docs/scenarios.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/compute/accelerator.hpp"
#include "kardashev/compute/site_kind.hpp"
#include "kardashev/core/constants.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/energy/facility.hpp"
#include "kardashev/energy/plant.hpp"
#include "kardashev/fleet/algorithmic_progress.hpp"
#include "kardashev/fleet/cohort.hpp"
#include "kardashev/fleet/corpus.hpp"
#include "kardashev/fleet/model_line.hpp"
#include "kardashev/fleet/scaling_law.hpp"
#include "kardashev/logistics/mass_driver.hpp"
#include "kardashev/logistics/launcher.hpp"
#include "kardashev/logistics/price_path.hpp"
#include "kardashev/sim/money.hpp"
#include "kardashev/orbit/shadow_model.hpp"

namespace kardashev::sim {

/// Where a site is: ground, orbit or moon (compute/site_kind.hpp, shared with compute and economy).
using compute::site_kind;
using compute::to_string;

/// Where a lunar site stands.
enum class lunar_location : std::uint8_t { polar, equatorial };
/// "polar" or "equatorial".
[[nodiscard]] std::string_view to_string(lunar_location location) noexcept;

/// Where each site's MFU and goodput come from (docs/models/sim.md "Utilisation").
enum class utilisation_mode : std::uint8_t {
    fixed,  //!< training.mfu and training.goodput at every site and step
    model,  //!< from the compute layer per site: layout search and reliability model
};
/// "fixed" or "model".
[[nodiscard]] std::string_view to_string(utilisation_mode mode) noexcept;

/// How off-world and launch failures are counted (docs/models/sim.md "Build-out": failures; "Launch": failures).
enum class failure_mode : std::uint8_t {
    expected,  //!< each step loses the expected share: 1 - exp(-lambda dt) of every site's accelerators, 1 - r of flights
    drawn,     //!< each step loses a binomial draw from the site's (launcher's) named stream of the run seed
};
/// "expected" or "drawn".
[[nodiscard]] std::string_view to_string(failure_mode mode) noexcept;

/// Which part a site's purchases buy (docs/models/sim.md "Build-out": vintages).
enum class purchase_policy : std::uint8_t {
    newest,  //!< the part on offer at the purchase date (compute::part_on_offer over scenario.catalogue)
    pinned,  //!< always the site's `accelerator`
};
/// "newest" or "pinned".
[[nodiscard]] std::string_view to_string(purchase_policy policy) noexcept;

/// A value that steps to `value` at `at` and holds until the next point (piecewise constant; logistics owns it so
/// that its price models take the scenario's schedules as they are).
using schedule_point = logistics::dated_value;

/// Returns the value of a piecewise-constant schedule at `t`: the last point with at <= t, or 0
/// before the first point. Points must be sorted by `at`.
double schedule_value(const std::vector<schedule_point>& schedule, epoch t);

/// Index of the point of a piecewise-constant schedule in force at `t` (the last with at <= t), or -1 before the
/// first point or for an empty schedule. Points must be sorted by `at`.
std::ptrdiff_t schedule_index(const std::vector<schedule_point>& schedule, epoch t);

/// Orbit of an orbital site: circular, sun-synchronous (node from a local time) or at a given inclination.
struct site_orbit {
    double altitude_m = 650'000.0;     //!< [m] above the equatorial radius (WGS-84)
    bool sun_synchronous = true;       //!< inclination from the altitude (J2), node from ltan_h at the scenario start
    double ltan_h = 18.0;              //!< [h] local time of the ascending node (18: dawn-dusk)
    double inclination_rad = 0.0;      //!< [rad] when not sun-synchronous
    double raan_rad = 0.0;             //!< [rad] TEME node at the scenario start, when not sun-synchronous
    orbit::shadow_model shadow = orbit::shadow_model::cylindrical;  //!< Earth shadow model (orbit/eclipse.hpp)
    double satellite_size = 0.0;       //!< [count] accelerators per satellite; 0: one scale-up domain (utilisation: model)
    double isl_bandwidth_bytes_per_s = 1.6e12 / 8.0;  //!< [B/s] one satellite's inter-satellite link, one direction (model)
    double isl_latency_s = 1e-6;       //!< [s] per hop over the inter-satellite link (model)
    bool operator==(const site_orbit&) const = default;
};

/// A lunar site's factory of compute satellites (docs/models/sim.md "Lunar industry"): a share of each satellite made
/// from regolith, the rest shipped from Earth, all launched by a mass driver that lunar PV feeds. Without it
/// (`enabled` false) a moon site grows by its plan alone.
struct lunar_industry {
    bool enabled = false;                                   //!< the scenario gives `moon.industry`
    std::vector<schedule_point> regolith_share;             //!< [-] share of the satellite's mass made on the Moon
    logistics::mass_driver driver{};                        //!< launch speed, efficiency, acceleration (rate: below)
    std::vector<schedule_point> driver_rate_kg_per_s;       //!< [kg/s] the driver's throughput over time (written t/yr)
    std::vector<schedule_point> plant_power_w;              //!< [W] PV nameplate feeding the driver (mean: x sunlit fraction)
    std::vector<schedule_point> delivery_price_usd_per_kg;  //!< [USD/kg] Earth to the surface; empty: launch price x gear ratio
    std::vector<schedule_point> earth_shipments_kg_per_s;   //!< [kg/s] mass Earth can land (written t/yr); empty: no limit
    bool operator==(const lunar_industry&) const = default;
};

/// Where a lunar site stands: a polar ridge lit most of the time, or the equator with its 14.8-day night.
struct site_moon {
    lunar_location location = lunar_location::polar;  //!< polar ridge or equator
    double sunlit_fraction = 0.9227;   //!< [-] polar ridge's lit share of the year (Glaser et al. 2014); equatorial: 0.5
    lunar_industry industry;           //!< the satellite factory, when given
    bool operator==(const site_moon&) const = default;
};

/// Where a ground site stands on the WGS-84 ellipsoid (for the globe view; no model reads it yet).
struct site_location {
    bool given = false;           //!< false: the scenario gives no location and the site is absent from the globe
    double latitude_rad = 0.0;    //!< [rad] geodetic latitude, [-pi/2, pi/2]
    double longitude_rad = 0.0;   //!< [rad] longitude east, [-pi, pi]
    bool operator==(const site_location&) const = default;
};

/// One block of a ground site's power plant: ordered at `from`, online from `from + lead_time`, adding its
/// capacity to the site's cap; dispatched in merit order by energy price (docs/models/energy.md "Site power plant").
struct power_block {
    epoch from;                                     //!< order date; the capex is booked then
    energy::plant_kind source = energy::plant_kind::grid;  //!< grid, gas_turbine, nuclear or solar_storage
    double capacity_w = 0.0;                        //!< [W] facility power it feeds once online
    double capex_usd_per_w = 0.0;                   //!< [USD/W] capital per W of capacity, booked at `from`
    double energy_price_usd_per_j = 0.0;            //!< [USD/J] grid tariff, or fuel and O&M of an own plant
    double carbon_kg_per_j = 0.0;                   //!< [kg CO2/J] direct emissions per J delivered
    duration lead_time = duration::from_seconds(0.0);  //!< from order to online
    duration life = duration::from_seconds(0.0);    //!< depreciation life of its capex
    bool operator==(const power_block&) const = default;
};

/// The documented default block of `source` ordered at `from` (capacity 0): capex, energy price, carbon
/// intensity, lead time and life per source kind (docs/models/energy.md "Site power plant").
[[nodiscard]] power_block default_power_block(energy::plant_kind source, epoch from);

/// A compute site: a terrestrial campus ("ground"), a cluster in orbit ("orbit") or a lunar base ("moon");
/// off-world sites run on sunlight.
struct site {
    std::string name;                                 //!< unique name, e.g. "memphis"
    site_kind kind = site_kind::ground;               //!< ground, orbit or moon
    site_orbit orbit;                                 //!< used when kind is orbit
    site_moon moon;                                   //!< used when kind is moon
    site_location location;                           //!< used when kind is ground
    double failure_rate_per_s = 0.0;                  //!< [1/s] accelerator failures without repair; io's default: 9 %/yr off-world (Meta via McCalip 2026), 0 on the ground
    compute::accelerator accel;                       //!< resolved catalogue entry (accel.name is the key): the part installed at the start
    purchase_policy purchase = purchase_policy::newest;  //!< newest: each purchase buys the part on offer at its date; pinned: `accel`
    bool replace_retired = true;                      //!< the build-out replaces accelerators retired at the end of their life
    bool serving_only = false;                        //!< a dedicated serving site: serves first and never trains (docs/models/sim.md "Serving and money")
    std::vector<schedule_point> planned_accelerators; //!< [count] target installed accelerators over time
    std::vector<schedule_point> power_capacity_w;     //!< [W] facility power over time: the grid connection, or for an orbit or moon site the arrays' output in full sunlight
    energy::grid_facility facility;                   //!< PUE, energy price, carbon intensity
    std::vector<schedule_point> energy_price_usd_per_j;  //!< [USD/J] over time when given as a schedule; empty: facility's, constant
    std::vector<schedule_point> carbon_kg_per_j;         //!< [kg/J] over time when given as a schedule; empty: facility's, constant
    std::vector<power_block> power_plant;             //!< ground: blocks by order date; when given, the cap, price and carbon come from it
    double facility_capex_usd_per_w = 0.0;            //!< [USD/W] ground: facility build cost per W of facility power (off-world: from the design, scenario.launch and .spacecraft)
    /// Depreciation life of the site's facility (data hall, or the spacecraft or lunar plant); zero: the engine's
    /// default, economy.facility_life on the ground and economy.accelerator_life off-world (the site design
    /// amortises the spacecraft with its accelerators). io resolves it when it reads a scenario.
    duration facility_life = duration::from_seconds(0.0);
    bool operator==(const site&) const = default;
};

/// Model-generation training policy.
struct training_params {
    fleet::scaling_law_kind scaling_law = fleet::scaling_law_kind::epoch;  //!< epoch (Besiroglu et al. 2024) or hoffmann (2022)
    double mfu = 0.40;                        //!< [-] model FLOP utilisation (Llama 3: 38-43 %)
    double goodput = 0.90;                    //!< [-] effective training time share (Llama 3: > 90 %)
    utilisation_mode utilisation = utilisation_mode::fixed;  //!< fixed: mfu and goodput above; model: from the compute layer per site
    duration accelerator_mtbf = duration::from_seconds(50'000.0 * 3600.0);  //!< per-accelerator mean time between job-stopping failures (model; Llama 3)
    duration checkpoint_write = duration::from_seconds(60.0);  //!< blocking time to write one checkpoint (model)
    duration restart = duration::from_seconds(600.0);          //!< time from a failure to training again (model)
    duration generation_length = duration::from_days(120);  //!< training time of each generation
    duration release_gap = duration::from_days(30);         //!< evaluation and roll-out between runs
    fleet::algorithmic_progress algorithmic_progress;  //!< effective-compute multiplier; default on, 8-month halving (Ho et al. 2024)
    double reference_loss = 1.865;            //!< [nats/token] loss of the deployed model at the start (quality 0); must exceed the law's E. Default: Epoch-fit loss of a compute-optimal 4.6e26 FLOP model (Grok 3's compute, Epoch AI database)
    bool operator==(const training_params&) const = default;
};

/// The share of one cohort's upload demand that enters the network in a region.
struct region_share {
    std::string cohort;                  //!< cohort name
    std::vector<schedule_point> share;   //!< [-] in [0, 1] over time; a cohort's shares over the regions sum to 1 at every date
    /// The cohort's approval in the region (e.g. supervised FSD in Europe): before it the region's units upload
    /// nothing; none: approved from the start.
    std::optional<epoch> approved;
    bool operator==(const region_share&) const = default;
};

/// A demand region: one ground node where the data of the cohorts it lists enters the network.
struct uplink_region {
    std::string name;                    //!< unique among regions
    double latitude_rad = 0.0;           //!< [rad] geodetic latitude of the aggregation point
    double longitude_rad = 0.0;          //!< [rad] east longitude
    std::vector<region_share> cohorts;   //!< cohorts whose data originates here, with their shares
    std::vector<std::string> fibre_to;   //!< ground sites this region reaches over fibre
    bool operator==(const uplink_region&) const = default;
};

/// The routed uplink (network module): a constellation, demand regions, and the ground sites with a location as
/// sinks; the engine's uplink carries what the network can deliver (docs/models/sim.md "Routed uplink").
struct uplink_network {
    bool enabled = false;                                   //!< the scenario gives `uplink.network`
    std::vector<std::string> constellation;                 //!< shell presets (network::shell_preset), one graph
    double min_elevation_rad = 25.0 * constants::pi / 180.0;  //!< [rad] ground-link mask (Starlink, FCC SAT-MOD-20181108-00083)
    std::vector<schedule_point> isl_capacity_bytes_per_s;   //!< [B/s] one laser ISL, each direction
    std::vector<schedule_point> user_link_capacity_bytes_per_s;     //!< [B/s] one region-satellite link, each direction
    std::vector<schedule_point> gateway_link_capacity_bytes_per_s;  //!< [B/s] one site-satellite link, each direction
    std::vector<schedule_point> fibre_capacity_bytes_per_s; //!< [B/s] one region-to-site fibre, each direction
    double fibre_route_factor = 1.5;                        //!< [-] fibre route length / geodesic (delay only)
    duration window = duration::from_seconds(3600.0);       //!< representative window sampled per capacity period
    int samples = 4;                                        //!< [count] topology snapshots in the window
    std::vector<uplink_region> regions;                     //!< demand regions (at most network::max_delivery_regions)
    bool operator==(const uplink_network&) const = default;
};

/// The share of cohort `cohort`'s units whose uploads are approved at `t`: 1 less the shares (at `t`) of the
/// regions where it is not yet approved; 1 when the scenario has no routed uplink or no region lists it.
[[nodiscard]] double approved_share(const uplink_network& net, const std::string& cohort, epoch t);

/// [region][cohort]: the share of each cohort's approved upload demand that enters at each region at `t`: its
/// scheduled share, zero before its approval, over approved_share (so that a cohort's shares sum to 1 once any
/// region is approved). Cohorts are matched by name; an unlisted cohort has no share anywhere.
[[nodiscard]] std::vector<std::vector<double>> routed_shares_at(const uplink_network& net,
                                                                const std::vector<fleet::cohort>& cohorts, epoch t);

/// The routed uplink's region shares by cohort index, matched by name once (a run's steps then need no name
/// matching). Refers into the uplink_network it was made from, which must outlive it.
struct cohort_routes {
    struct route {
        std::size_t region = 0;             //!< index into uplink_network::regions
        const region_share* share = nullptr;
    };
    bool enabled = false;                     //!< the scenario has a routed uplink
    std::size_t regions = 0;
    std::vector<std::vector<route>> of_cohort;  //!< [cohort]: the regions listing it, in region order
};

/// `net`'s routes for `cohorts`.
[[nodiscard]] cohort_routes cohort_routes_of(const uplink_network& net, const std::vector<fleet::cohort>& cohorts);

/// approved_share of cohort index `cohort` through its routes.
[[nodiscard]] double approved_share(const cohort_routes& routes, std::size_t cohort, epoch t);

/// routed_shares_at through the routes, written into `share` ([region][cohort], resized).
void routed_shares_at(const cohort_routes& routes, epoch t, std::vector<std::vector<double>>& share);

/// Uplink from the fleet to the compute sites: a capacity schedule (the ingest limit), the routed network, or
/// both (the smaller binds).
struct uplink_params {
    std::vector<schedule_point> capacity_bytes_per_s;  //!< [B/s] aggregate ingest capacity over time
    uplink_network network;                            //!< routed capacity, when enabled
    bool operator==(const uplink_params&) const = default;
};

/// Money: what may be spent on build-out, and how capital is depreciated.
struct economy_params {
    std::vector<schedule_point> capex_budget_usd_per_s;  //!< [USD/s] build-out budget over time (written per year)
    /// [1/s] accelerators the company can buy over time, all sites (written per year): the chip supply (advanced
    /// packaging) the planner plans within; empty: no limit. The engine's build-out does not read it.
    std::vector<schedule_point> chip_supply_per_s;
    duration accelerator_life = duration::from_days(5 * 365);   //!< depreciation life of accelerators
    duration facility_life = duration::from_days(15 * 365);     //!< depreciation life of facilities
    /// [1/yr] annual cost of capital charged on the undepreciated book value (CoreWeave 10-Q, 30 Jun 2025: OEM
    /// financing 9-10 %, 2030 notes 10 %)
    double cost_of_capital = 0.10;
    bool operator==(const economy_params&) const = default;
};

/// The depreciation life of a site's facility: its own when set, else economy.facility_life on the ground and
/// economy.accelerator_life for an orbit or moon site (its spacecraft or plant is built and amortised with its
/// accelerators, as economy::design_site does).
[[nodiscard]] duration facility_life_of(const site& s, const economy_params& e);

/// One launcher the company flies and its flights per year over time.
struct launcher_flights {
    logistics::launcher vehicle;                        //!< the catalogue entry (data/catalog/launchers.yaml)
    std::vector<schedule_point> flights_per_s;          //!< [1/s] flights over time (written per year)
    bool operator==(const launcher_flights&) const = default;
};

/// Launch to LEO over time, shared by every off-world site (docs/models/sim.md "Launch").
struct launch_params {
    /// USD/kg to LEO: Wright's law on cumulative mass, or a schedule. Default: Suncatcher's curve (1800 USD/kg at
    /// 400 t, LR 20 %, sec. 2.4 and 4.4) from 400 t, others adding the world's ~2,700 t/yr (trajectory.md 4b:
    /// ~2,300 t SpaceX in 2025 at an 86 % share; assumption: held flat).
    logistics::price_path price{logistics::price_model::learning, {}, 400.0e3,
                                {{epoch::from_utc_iso("2000-01-01"), 2.7e6 / constants::julian_year_s}}, {}};
    std::vector<launcher_flights> launchers;        //!< capacity per step: sum of flights x payload; none: no limit
    bool operator==(const launch_params&) const = default;
};

/// The spacecraft price per kg (bus, arrays, radiators, batteries, structure; not the accelerators) over time.
struct spacecraft_params {
    /// Wright's law on cumulative spacecraft mass built, or a schedule. Default: 1000 USD/kg (Quilty Space: Starlink
    /// V2 mini ~1,100, V3 ~800 USD/kg; trajectory.md 5) at 6,000 t, the mass of the ~10,800 Starlinks launched by
    /// Dec 2025 (McDowell; assumption: ~550 kg average), LR 10 % (assumption: no published Starlink rate; its
    /// USD/kg stayed flat as satellites grew), others adding Starlink's ~2,700 t/yr (3,640 a year x ~750 kg).
    logistics::price_path price{logistics::price_model::learning, {1000.0, 6.0e6, 0.10}, 6.0e6,
                                {{epoch::from_utc_iso("2000-01-01"), 2.7e6 / constants::julian_year_s}}, {}};
    bool operator==(const spacecraft_params&) const = default;
};

/// A whole scenario. Regular value type; the engine takes it by const reference.
struct scenario {
    std::string name = "unnamed";
    std::string description;
    epoch start = epoch::from_utc_iso("2026-01-01");  //!< first slow step (default: the default scenario's start)
    duration length = duration::from_days(3653); //!< run length
    duration step = duration::from_days(1);      //!< slow-clock step
    std::uint64_t seed = 1;                      //!< run seed for named RNG streams
    failure_mode failures = failure_mode::expected;  //!< off-world and launch failures: expected share or drawn from the seed
    std::vector<fleet::cohort> cohorts;
    /// Model lines (fleet.lines), each trained on its own cohorts' data; empty: one model on every cohort's data.
    std::vector<fleet::model_line> lines;
    fleet::line_allocation line_allocation = fleet::line_allocation::fixed;  //!< how a generation's compute is split among lines
    fleet::corpus_params corpus;
    uplink_params uplink;
    std::vector<site> sites;
    training_params training;
    economy_params economy;
    launch_params launch;                        //!< launch price and cadence (off-world sites)
    spacecraft_params spacecraft;                //!< spacecraft price (off-world sites)
    money_params money;                          //!< financing, serving and revenue (sim/money.hpp)
    std::vector<compute::accelerator> custom_accelerators;  //!< entries the scenario adds to the catalogue
    /// The parts on offer over time (compute::part_on_offer): the built-in catalogue with the custom entries, which
    /// io resolves when it reads a scenario (never written back); empty: every purchase buys the site's `accel`.
    std::vector<compute::accelerator> catalogue;
    bool operator==(const scenario&) const = default;
};

}  // namespace kardashev::sim
