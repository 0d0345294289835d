#include "kardashev/sim/engine.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <memory>

#include <fmt/format.h>

#include "kardashev/compute/cluster.hpp"
#include "kardashev/compute/parallel.hpp"
#include "kardashev/compute/reliability.hpp"
#include "kardashev/compute/training.hpp"
#include "kardashev/compute/transformer.hpp"
#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/progress.hpp"
#include "kardashev/economy/cost.hpp"
#include "kardashev/economy/site_design.hpp"
#include "kardashev/energy/battery.hpp"
#include "kardashev/energy/facility.hpp"
#include "kardashev/fleet/cohort.hpp"
#include "kardashev/fleet/corpus.hpp"
#include "kardashev/fleet/scaling_law.hpp"
#include "kardashev/network/delivery.hpp"
#include "kardashev/network/nodes.hpp"
#include "kardashev/orbit/eclipse.hpp"
#include "kardashev/orbit/kepler.hpp"
#include "kardashev/sim/fast_clock.hpp"
#include "kardashev/sim/uplink.hpp"

namespace kardashev::sim {

std::string_view to_string(constraint c) noexcept {
    switch (c) {
        case constraint::data: return "data";
        case constraint::bandwidth: return "bandwidth";
        case constraint::compute: return "compute";
        case constraint::power: return "power";
        case constraint::money: return "money";
    }
    return "unknown";
}

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double tiny = 1e-9;  // relative slack when comparing accelerator counts

/// Straight-line depreciation of capital bought at different times: a running charge rate and a
/// queue of vintages that stop depreciating when their life ends.
struct depreciation_book {
    struct vintage {
        epoch expires;
        double rate_usd_per_s;
    };
    std::deque<vintage> vintages;
    double rate_usd_per_s = 0.0;

    void buy(double capex_usd, epoch at, duration life) {
        if (capex_usd <= 0.0) return;
        const double rate = economy::depreciation_usd(capex_usd, life.seconds(), 1.0);
        vintages.push_back({at + life, rate});
        rate_usd_per_s += rate;
    }
    /// Depreciation charged over [t0, t1); vintages are bought in time order, so they expire in order.
    double charge(epoch t0, epoch t1) {
        double usd = 0.0;
        epoch cursor = t0;
        while (!vintages.empty() && vintages.front().expires < t1) {
            const auto v = vintages.front();
            const epoch until = std::max(v.expires, cursor);
            usd += rate_usd_per_s * (until - cursor).seconds();
            cursor = until;
            rate_usd_per_s -= v.rate_usd_per_s;
            vintages.pop_front();
        }
        if (vintages.empty()) rate_usd_per_s = 0.0;  // no drift from rounding
        usd += rate_usd_per_s * (t1 - cursor).seconds();
        return usd;
    }
};

struct site_state {
    double installed = 0.0;          // accelerators in service
    double facility_built_w = 0.0;   // facility power built so far [W]
    bool power_limited = false;
    bool money_limited = false;
    std::uint32_t fast_entity = 0;   // fast-clock entity of an orbit site's orbit
    double sunlit = 1.0;             // sunlit fraction of this step (1 for ground sites)
    double usable = 1.0;             // share of the installed accelerators the step's energy can run
    double running = 0.0;            // accelerators running this step
    // utilisation: model
    double mfu = 0.0, goodput = 0.0;   // this step's
    std::string layout;                // layout of this step's job
    double checkpoint_interval_s = 0.0;
    double gen_interruptions = 0.0, gen_checkpoints = 0.0;  // expected, over the current generation
    double gen_peak_flop = 0.0;        // [FLOP] running x peak x dt over the generation's steps
    double gen_model_flop = 0.0;       // [FLOP] the same times MFU
    double gen_flop = 0.0;             // [FLOP] delivered (MFU and goodput)
    bool gen_no_fit = false;           // some step of the generation found no layout that holds the model
    // totals for the run summary
    depreciation_book accel_book, facility_book;
    double capex_usd = 0.0, depreciation_usd = 0.0, energy_j = 0.0, energy_usd = 0.0;
    double accelerator_hours = 0.0, running_hours = 0.0, peak_it_w = 0.0;
    double failed = 0.0;               // accelerators lost to failures without repair
    std::uint32_t ch_planned = 0, ch_installed = 0, ch_it_power = 0, ch_facility_power = 0, ch_power_cap = 0;
    std::uint32_t ch_sunlit = 0, ch_usable = 0, ch_mfu = 0, ch_goodput = 0;
};

struct cohort_state {
    double units = 0.0;
    std::uint32_t ch_units = 0, ch_demand = 0;
};

struct training_run {
    int index = 1;
    epoch started;
    epoch ends;
    double flop = 0.0;
    std::array<std::int64_t, constraint_count> binding_steps{};
    double reference_params = 0.0;  // N of the shape whose layout sets each site's MFU (utilisation: model)
    double interruptions = 0.0;     // expected, all sites
};

/// Sequence length [tokens] of the reference shape of the utilisation model (Llama 3 pre-training).
constexpr int reference_seq = 8192;
/// Global batch [sequences]: Llama 3's 2,048 sequences of 8,192 tokens on 16,384 GPUs, one sequence
/// per 8 accelerators on larger jobs (assumption: the batch grows with the job; docs/models/sim.md).
double reference_batch_sequences(int job) { return std::max(2048.0, job / 8.0); }

/// The job a site's running accelerators form in the utilisation model: the largest power of two
/// that fits (every layout the search tries then splits it), at most 2^30.
int job_size(double running) {
    int job = 1;
    while (job < (1 << 30) && 2.0 * job <= running * (1.0 + tiny)) job *= 2;
    return job;
}

/// One layout search of the utilisation model, cached by (site, job size, reference parameters).
struct utilisation_entry {
    std::size_t site = 0;
    int job = 0;
    double params = 0.0;
    double mfu = 0.0;    // 0 when no layout holds the model
    std::string layout;  // compute::to_string of the best layout
};

/// The cluster of `job` accelerators a site runs as one synchronous job.
compute::cluster site_cluster(const site& where, int job) {
    compute::cluster c = compute::make_cluster(where.accel, job);
    if (where.kind == site_kind::orbit) {
        // Satellites of satellite_size accelerators joined by lasers (compute/cluster.hpp group_link).
        c.site = site_kind::orbit;
        c.node_size = where.orbit.satellite_size >= 1.0 ? static_cast<int>(where.orbit.satellite_size) : c.scale_up_size;
        c.inter_node.bandwidth_bytes_per_s = where.orbit.isl_bandwidth_bytes_per_s;
        c.inter_node.latency_s = where.orbit.isl_latency_s;
    }
    return c;
}

/// MFU of the fastest layout of the dense shape of `params` parameters on a site's job of `job`
/// accelerators (compute::search_layout), 0 when none holds it.
utilisation_entry search_utilisation(const site& where, std::size_t index, int job, double params) {
    utilisation_entry e{index, job, params, 0.0, {}};
    compute::transformer shape = compute::shape_for(std::max(params, 1e8), reference_seq);
    // Width rounded to a multiple of 1,024 so the 128-wide heads come in eights and tensor parallelism
    // up to 8 divides them (compute::shape_for rounds to 128: 124 heads allow tp <= 4).
    shape.hidden = std::max(1024, static_cast<int>(std::lround(shape.hidden / 1024.0)) * 1024);
    shape.heads = shape.hidden / 128;
    shape.ffn_hidden = static_cast<int>(std::lround(3.5 * shape.hidden / 256.0)) * 256;
    compute::step_options o;
    o.global_batch_tokens = reference_batch_sequences(job) * reference_seq;
    try {
        const auto found = compute::search_layout(shape, site_cluster(where, job), o);
        e.mfu = found.step.mfu;
        e.layout = compute::to_string(found.best);
    } catch (const input_error&) {
        // no layout holds one replica: the site delivers nothing to this generation
    }
    return e;
}

/// Expected failures and checkpoints of a site's job of `running` accelerators (compute/reliability.hpp).
compute::reliability_result site_reliability(const site& where, const training_params& t, double running, double dt) {
    compute::reliability_inputs in;
    in.accelerators = running;
    in.mtbf_s = t.accelerator_mtbf.seconds();
    const auto rad = compute::default_radiation(where.kind);
    in.upset_interrupt_rate_per_s = rad.upset_interrupt_rate_per_s;
    in.sdc_rate_per_s = rad.sdc_rate_per_s;
    in.checkpoint_write_s = t.checkpoint_write.seconds();
    in.restart_s = t.restart.seconds();
    return compute::expected_reliability(in, dt);
}

struct pending_release {
    epoch deploys;
    double loss;
};

/// A site's power limit at `t`: facility watts per accelerator, the cap [W] (infinite with no
/// schedule) and the most accelerators the cap feeds. An orbit site's cap is its arrays' output in
/// full sunlight: the build-out never installs more than that feeds.
struct power_limit {
    double per_accel_facility_w;
    double cap_w;
    double max_accelerators;
};

power_limit site_power_limit(const site& where, epoch t) {
    const double per_accel_w = energy::facility_power_w(where.accel.all_in_power_w, where.facility.pue);
    const double cap_w = where.power_capacity_w.empty() ? inf : schedule_value(where.power_capacity_w, t);
    return {per_accel_w, cap_w, cap_w / per_accel_w};
}

/// The fast process of an orbit: its sunlit fraction over a window. The circular orbit is placed at
/// the scenario start and precessed by J2; the cylindrical shadow uses the beta-angle form at the
/// centre of each day of the window, the conical one samples the first orbit of the window every 10 s (the
/// beta angle moves less than a degree a day). Both are orbit/eclipse.hpp, validated by O2.
fast_clock::window_fn sunlit_window(epoch start, const site_orbit& o) {
    orbit::kepler_elements el0;
    if (o.sun_synchronous) {
        el0 = orbit::sso_elements(o.altitude_m, o.ltan_h, start);
    } else {
        el0.a_m = orbit::gravity_model{}.radius_m + o.altitude_m;
        el0.i_rad = o.inclination_rad;
        el0.raan_rad = o.raan_rad;
    }
    orbit::eclipse_options opt;
    opt.shadow = o.shadow;
    return [el0, start, opt](epoch from, epoch to) {
        const orbit::kepler_elements el = orbit::propagate_j2(el0, (from - start).seconds(), opt.gravity);
        fast_aggregate a;
        if (opt.shadow == orbit::shadow_model::cylindrical) {
            // The beta-angle form at the centre of each day of the window: the beta angle moves less than a
            // degree a day, so this matches hourly sampling to ~1e-4 (engine_test.cpp).
            orbit::eclipse_options daily = opt;
            daily.analytic_step_s = 86'400.0;
            a.sunlit_fraction = orbit::eclipse_analytic(el, from, to - from, daily).sunlit_fraction;
        } else {
            const duration one_orbit = duration::from_seconds(orbit::orbital_period_s(el.a_m, opt.gravity));
            a.sunlit_fraction = orbit::eclipse_sampled(el, from, std::min(one_orbit, to - from), opt).sunlit_fraction;
        }
        return a;
    };
}

/// The routed uplink (docs/models/sim.md "Routed uplink"): its graph (sim/uplink.hpp), the fast-clock entity
/// and the per-region channels.
struct routed_uplink {
    routed_network net;
    std::uint32_t entity = 0;
    std::vector<std::uint32_t> ch_region_demand, ch_region_capacity;

    explicit routed_uplink(const scenario& s) : net(routed_network_of(s, s.start)) {}

    /// Cache key: the capacity schedule points in force (the constellation's geometry repeats, so a window's
    /// capacity depends on the date only through them).
    [[nodiscard]] fast_clock::key_fn key(const scenario& s) const {
        const auto& cfg = s.uplink.network;
        return [&cfg](epoch t) {
            std::int64_t k = 0;
            for (const auto* sch : {&cfg.isl_capacity_bytes_per_s, &cfg.user_link_capacity_bytes_per_s,
                                    &cfg.gateway_link_capacity_bytes_per_s, &cfg.fibre_capacity_bytes_per_s}) {
                k = k * 4096 + schedule_index(*sch, t) + 1;
            }
            return k;
        };
    }

    /// The window: `samples` topologies evenly spread over net.window from the scenario start (centres of equal
    /// parts), the same snapshots for every capacity period, so periods differ only by their capacities (which
    /// the cache key holds); one max flow per subset of regions each (network::delivery_cut_table).
    [[nodiscard]] fast_clock::window_fn window(const scenario& s) const {
        const auto& cfg = s.uplink.network;
        const epoch start = s.start;
        return [this, &cfg, start](epoch from, epoch) {
            routed_network n = net;
            apply_capacities(n, cfg, from);
            std::vector<epoch> times;
            for (int j = 0; j < cfg.samples; ++j) times.push_back(start + duration::from_seconds(cfg.window.seconds() * (j + 0.5) / cfg.samples));
            fast_aggregate a;
            a.delivery = network::delivery_cut_table(n.model, n.options, n.region_stations, n.sink_stations, times,
                                                     n.station_link_capacity_bps);
            return a;
        };
    }
};

/// Whether two orbit sites fly the same orbit (their clusters' links may differ).
bool same_path(const site_orbit& a, const site_orbit& b) {
    return a.altitude_m == b.altitude_m && a.sun_synchronous == b.sun_synchronous && a.ltan_h == b.ltan_h &&
           a.inclination_rad == b.inclination_rad && a.raan_rad == b.raan_rad && a.shadow == b.shadow;
}

/// A site's totals, and for an orbit or moon site the physical design at its peak IT power
/// (economy::design_site, docs/models/sites.md).
site_summary summarise_site(const scenario& s, const site& where, const site_state& st) {
    site_summary out;
    out.name = where.name;
    out.kind = where.kind;
    out.accelerator_hours = st.accelerator_hours;
    out.running_accelerator_hours = st.running_hours;
    out.capex_usd = st.capex_usd;
    out.depreciation_usd = st.depreciation_usd;
    out.energy_j = st.energy_j;
    out.energy_usd = st.energy_usd;
    out.peak_it_power_w = st.peak_it_w;
    out.failed_accelerators = st.failed;
    out.cost_per_accelerator_hour_usd = economy::cost_per_accelerator_hour(st.depreciation_usd, st.energy_usd, st.running_hours);
    if (where.kind == site_kind::ground || !(st.peak_it_w > 0.0)) return out;
    economy::site_inputs in;
    in.kind = where.kind;
    in.it_power_w = st.peak_it_w;
    in.accelerator.power_w = where.accel.all_in_power_w;
    in.accelerator.price_usd = where.accel.price_usd;
    in.life_s = s.economy.accelerator_life.seconds();
    in.start = s.start;
    in.launch_price_usd_per_kg = where.launch_price_usd_per_kg;
    in.altitude_m = where.orbit.altitude_m;
    in.sun_synchronous = where.orbit.sun_synchronous;
    in.ltan_h = where.orbit.ltan_h;
    in.inclination_rad = where.orbit.inclination_rad;
    in.lunar_polar = where.moon.location == lunar_location::polar;
    if (in.lunar_polar) in.lunar_sunlit_fraction = where.moon.sunlit_fraction;
    economy::site_design d;
    try {
        d = economy::design_site(in);
    } catch (const error& e) {
        throw domain_error(fmt::format("sites: {}: the {} design does not close at {:.4g} W of IT: {}", where.name,
                                       to_string(where.kind), st.peak_it_w, e.what()));
    }
    out.has_design = true;
    out.kg_per_kw = d.kg_per_kw;
    out.mass_kg = d.mass_kg;
    out.launches = d.launches;
    out.array_area_m2 = d.array_area_m2;
    out.radiator_area_m2 = d.radiator_area_m2;
    out.battery_kwh = d.battery_j / 3.6e6;
    out.design_usd_per_kw_year = d.usd_per_kw_year;
    out.design_usd_per_gpu_hour = d.usd_per_gpu_hour;
    return out;
}

constraint most_frequent(const std::array<std::int64_t, constraint_count>& counts) {
    std::size_t best = static_cast<std::size_t>(constraint::compute);
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > counts[best]) best = i;
    return static_cast<constraint>(best);
}

}  // namespace

run_result run(const scenario& s, const run_options& options) {
    if (s.step.ns() <= 0) throw domain_error("run: the step must be positive");
    if (s.length < s.step) throw domain_error("run: the length must be at least one step");
    const auto law = fleet::chinchilla_law::of(s.training.scaling_law);
    if (!(s.training.reference_loss > law.e))
        throw domain_error(fmt::format("training.reference_loss: expected a loss above the {} law's irreducible loss "
                                       "E = {}, got {}",
                                       law.name, law.e, s.training.reference_loss));
    const std::int64_t steps = s.length.ns() / s.step.ns();
    const double dt = s.step.seconds();
    const bool modelled = s.training.utilisation == utilisation_mode::model;
    std::vector<utilisation_entry> utilisation_cache;
    double delivered_share = s.training.mfu * s.training.goodput;  // delivered / peak FLOP of the last generation
    double gen_peak_flop = 0.0;                                    // [FLOP] peak of the running accelerators, this generation

    run_result out;
    recorder& rec = out.record;
    run_summary& sum = out.summary;
    sum.steps = steps;

    // --- channels (registered once, in a fixed order, so outputs are deterministic)
    std::vector<cohort_state> cohorts(s.cohorts.size());
    for (std::size_t i = 0; i < s.cohorts.size(); ++i) {
        const auto entity = "fleet/" + s.cohorts[i].name;
        cohorts[i].units = s.cohorts[i].units;
        cohorts[i].ch_units = rec.add_channel(entity, "units", "1");
        cohorts[i].ch_demand = rec.add_channel(entity, "upload_demand", "B/s");
    }
    const auto ch_uplink_cap = rec.add_channel("uplink", "capacity", "B/s");
    const auto ch_uplink_carried = rec.add_channel("uplink", "carried", "B/s");
    std::unique_ptr<routed_uplink> routed;  // heap: the fast clock's functions point into it
    if (s.uplink.network.enabled) {
        routed = std::make_unique<routed_uplink>(s);
        for (const auto& r : s.uplink.network.regions) {
            routed->ch_region_demand.push_back(rec.add_channel("region/" + r.name, "upload_demand", "B/s"));
            routed->ch_region_capacity.push_back(rec.add_channel("region/" + r.name, "capacity", "B/s"));
        }
    }
    const auto ch_unique = rec.add_channel("corpus", "unique_tokens", "tokens");
    const auto ch_added = rec.add_channel("corpus", "tokens_added", "tokens");
    // Raw bytes the fleet produces and bytes kept by curation, for the report's data funnel (docs/models/fleet.md F4, F5).
    const auto ch_collected = rec.add_channel("fleet", "collected", "B/s");
    const auto ch_curated = rec.add_channel("corpus", "curated", "B/s");
    std::vector<site_state> sites(s.sites.size());
    for (std::size_t i = 0; i < s.sites.size(); ++i) {
        const auto entity = "site/" + s.sites[i].name;
        auto& st = sites[i];
        st.ch_planned = rec.add_channel(entity, "accelerators_planned", "1");
        st.ch_installed = rec.add_channel(entity, "accelerators", "1");
        st.ch_it_power = rec.add_channel(entity, "it_power", "W");
        st.ch_facility_power = rec.add_channel(entity, "facility_power", "W");
        st.ch_power_cap = rec.add_channel(entity, "power_capacity", "W");
        if (s.sites[i].kind != site_kind::ground) {
            st.ch_sunlit = rec.add_channel(entity, "sunlit_fraction", "1");
            st.ch_usable = rec.add_channel(entity, "usable_fraction", "1");
        }
        if (modelled) {
            st.ch_mfu = rec.add_channel(entity, "mfu", "1");
            st.ch_goodput = rec.add_channel(entity, "goodput", "1");
        }
    }
    const auto ch_generation = rec.add_channel("training", "generation", "1");
    const auto ch_gen_flop = rec.add_channel("training", "flop_accumulated", "FLOP");
    const auto ch_flop_rate = rec.add_channel("training", "flop_rate", "FLOP/s");
    std::uint32_t ch_mfu = 0, ch_goodput = 0, ch_interruptions = 0;
    if (modelled) {
        ch_mfu = rec.add_channel("training", "mfu", "1");
        ch_goodput = rec.add_channel("training", "goodput", "1");
        ch_interruptions = rec.add_channel("training", "interruptions", "1");
    }
    const auto ch_loss = rec.add_channel("model", "deployed_loss", "nats/token");
    const auto ch_quality = rec.add_channel("model", "deployed_quality", "1");
    const auto ch_capex = rec.add_channel("economy", "capex_cumulative", "USD");
    const auto ch_opex = rec.add_channel("economy", "opex_cumulative", "USD");
    const auto ch_depr = rec.add_channel("economy", "depreciation_cumulative", "USD");
    const auto ch_allowance = rec.add_channel("economy", "budget_unspent", "USD");
    const auto ch_power = rec.add_channel("company", "facility_power", "W");
    const auto ch_kardashev = rec.add_channel("company", "kardashev_index", "1");
    const auto ch_binding = rec.add_channel("company", "binding", "constraint index (0 data; 1 bandwidth; 2 compute; 3 power; 4 money)");
    rec.reserve(static_cast<std::size_t>(steps) * rec.channels().size());

    // Stage 1 (fast): one fast-clock entity per distinct orbit, windows of one slow step, so aggregates
    // are cached by (orbit, step). Ground sites and the coarse uplink have no fast dynamics.
    fast_clock fast(s.start, s.step);
    {
        std::vector<std::pair<site_orbit, std::uint32_t>> orbits;
        for (std::size_t i = 0; i < s.sites.size(); ++i) {
            if (s.sites[i].kind != site_kind::orbit) continue;
            const auto& o = s.sites[i].orbit;
            auto it = std::find_if(orbits.begin(), orbits.end(), [&](const auto& e) { return same_path(e.first, o); });
            if (it == orbits.end()) {
                orbits.emplace_back(o, fast.add_entity("orbit/" + s.sites[i].name, sunlit_window(s.start, o)));
                it = orbits.end() - 1;
            }
            sites[i].fast_entity = it->second;
        }
    }
    if (routed) routed->entity = fast.add_entity("network/uplink", routed->window(s), routed->key(s));
    auto fast_stage = [&](epoch t) {
        for (std::size_t i = 0; i < s.sites.size(); ++i) {
            if (s.sites[i].kind == site_kind::orbit) sites[i].sunlit = fast.aggregate(sites[i].fast_entity, t).sunlit_fraction;
            // A lunar site's lit share is constant over the run: the ridge's yearly fraction, or half of each
            // synodic month at the equator; night storage (sized by economy::design_site) carries the dark.
            if (s.sites[i].kind == site_kind::moon) sites[i].sunlit = s.sites[i].moon.sunlit_fraction;
        }
    };

    // --- initial state: the installed base at the start is taken as built; its capex is booked at
    // the start and is not limited by the budget.
    fleet::corpus_params corpus = s.corpus;
    double unique_tokens = corpus.initial_unique_tokens;
    double budget_unspent = 0.0;
    depreciation_book accel_book, facility_book;
    fast_stage(s.start);
    for (std::size_t i = 0; i < s.sites.size(); ++i) {
        const auto& site = s.sites[i];
        auto& st = sites[i];
        const auto limit = site_power_limit(site, s.start);
        st.installed = std::min(schedule_value(site.planned_accelerators, s.start), limit.max_accelerators);
        st.facility_built_w = st.installed * limit.per_accel_facility_w;
        const double accel_capex = st.installed * site.accel.price_usd;
        const double facility_capex = st.facility_built_w * site.facility_capex_usd_per_w;
        accel_book.buy(accel_capex, s.start, s.economy.accelerator_life);
        facility_book.buy(facility_capex, s.start, facility_life_of(site, s.economy));
        st.accel_book.buy(accel_capex, s.start, s.economy.accelerator_life);
        st.facility_book.buy(facility_capex, s.start, facility_life_of(site, s.economy));
        st.capex_usd += accel_capex + facility_capex;
        sum.total_capex_usd += accel_capex + facility_capex;
    }

    training_run gen{1, s.start, s.start + s.training.generation_length, 0.0, {}};
    std::deque<pending_release> pending;
    double deployed_loss = s.training.reference_loss;
    double deployed_quality = 0.0;
    constraint last_binding = constraint::compute;
    bool have_binding = false;

    std::vector<double> demand(s.cohorts.size());  // upload demand per cohort this step [B/s]
    progress_reporter progress("run", static_cast<std::uint64_t>(steps), options.progress);

    for (std::int64_t k = 0; k < steps; ++k) {
        const epoch t0 = s.start + s.step * k;
        const epoch t1 = t0 + s.step;
        rec.add_step_time(t1);

        fast_stage(t0);

        // Deploy any model whose release date has come (feeds this step's fleet stage).
        while (!pending.empty() && pending.front().deploys <= t0) {
            deployed_loss = pending.front().loss;
            deployed_quality = fleet::quality_from_loss(deployed_loss, s.training.reference_loss, law.e);
            pending.pop_front();
        }

        // Stage 2 (fleet): logistic growth towards a market size raised by the deployed model.
        double demand_total = 0.0;
        for (std::size_t i = 0; i < s.cohorts.size(); ++i) {
            const auto& c = s.cohorts[i];
            auto& cs = cohorts[i];
            cs.units = fleet::logistic_step(cs.units, fleet::market_size(c, deployed_quality), c.growth_rate_per_s, dt);
            demand[i] = fleet::upload_demand_bytes_per_s(c, cs.units);
            demand_total += demand[i];
            rec.record(k, cs.ch_units, cs.units);
            rec.record(k, cs.ch_demand, demand[i]);
        }

        // Stage 3 (uplink): selected data is carried within the capacity, shared in proportion to demand. The
        // capacity is the ingest schedule, or what the routed network delivers for this step's demand by region
        // (its window's mean; Gale's min-cut form, network/delivery.hpp), plus the cohorts no region routes; the
        // smaller of the two when both are given.
        double capacity = s.uplink.capacity_bytes_per_s.empty() ? inf : schedule_value(s.uplink.capacity_bytes_per_s, t0);
        double deliverable = demand_total;
        if (routed) {
            const auto& cuts = fast.aggregate(routed->entity, t0).delivery;
            const auto& rn = routed->net;
            std::vector<double> region_bps(rn.region_stations.size(), 0.0);
            double unrouted = 0.0;
            for (std::size_t i = 0; i < s.cohorts.size(); ++i) {
                if (rn.routed[i] == 0) unrouted += demand[i];
                for (std::size_t r = 0; r < region_bps.size(); ++r) region_bps[r] += 8.0 * demand[i] * rn.share[r][i];
            }
            // The network's capacity with every region saturated, and each region's own: mean f over the window.
            const double joint = network::mean_cut_bps(cuts, (std::size_t{1} << region_bps.size()) - 1) / 8.0;
            for (std::size_t r = 0; r < region_bps.size(); ++r) {
                rec.record(k, routed->ch_region_demand[r], region_bps[r] / 8.0);
                rec.record(k, routed->ch_region_capacity[r], network::mean_cut_bps(cuts, std::size_t{1} << r) / 8.0);
            }
            deliverable = network::mean_deliverable_bps(cuts, region_bps) / 8.0 + unrouted;
            capacity = std::min(capacity, joint + unrouted);
        }
        const double carried = std::min({demand_total, capacity, deliverable});
        const bool uplink_saturated = carried < demand_total * (1.0 - tiny);
        const double carried_share = demand_total > 0.0 ? carried / demand_total : 0.0;
        rec.record(k, ch_uplink_cap, std::isinf(capacity) ? 0.0 : capacity);
        rec.record(k, ch_uplink_carried, carried);
        sum.total_bytes_uploaded += carried * dt;

        // Stage 4 (corpus): curation and tokenisation.
        double tokens_added = 0.0, collected = 0.0, curated = 0.0;
        for (std::size_t i = 0; i < s.cohorts.size(); ++i) {
            const auto& c = s.cohorts[i];
            tokens_added += demand[i] * carried_share * dt * c.curation_yield * c.tokens_per_byte;  // F5
            collected += cohorts[i].units * c.raw_bytes_per_unit_s;                                  // F4 before the upload fraction
            curated += demand[i] * carried_share * c.curation_yield;                                 // F5 before tokenisation
        }
        unique_tokens += tokens_added;
        rec.record(k, ch_unique, unique_tokens);
        rec.record(k, ch_added, tokens_added);
        rec.record(k, ch_collected, collected);
        rec.record(k, ch_curated, curated);

        // Stage 5 (build-out): planned accelerators, cut by the power cap, then by the budget.
        if (!s.economy.capex_budget_usd_per_s.empty())
            budget_unspent += schedule_value(s.economy.capex_budget_usd_per_s, t0) * dt;
        else
            budget_unspent = inf;
        double step_capex = 0.0;
        bool any_power_limited = false, any_money_limited = false;
        // Peak FLOP/s the plan asks for, and what power and money cut from it (the binding rule, stage 8).
        double planned_peak = 0.0, power_cut_peak = 0.0, money_cut_peak = 0.0;
        double it_power_total = 0.0, facility_power_total = 0.0, flop_step = 0.0;
        for (std::size_t i = 0; i < s.sites.size(); ++i) {
            const auto& site = s.sites[i];
            auto& st = sites[i];
            const auto [per_accel_facility_w, cap_w, power_max] = site_power_limit(site, t0);
            // Off-world hardware is not repaired: accelerators fail at a constant rate and take their share of the
            // spacecraft (array, radiator, bus) with them, so the build-out below replaces them at full price
            // (replacement launches). Exponential survival over the step (docs/models/sites.md, failures).
            if (site.failure_rate_per_s > 0.0 && st.installed > 0.0) {
                const double lost = st.installed * -std::expm1(-site.failure_rate_per_s * dt);
                st.installed -= lost;
                st.facility_built_w = std::max(0.0, st.facility_built_w - lost * per_accel_facility_w);
                st.failed += lost;
            }
            const double planned = schedule_value(site.planned_accelerators, t0);
            const double target = std::min(planned, power_max);
            const double peak = site.accel.peak_flops_bf16;
            planned_peak += planned * peak;
            st.power_limited = planned > power_max * (1.0 + tiny);
            if (st.power_limited) power_cut_peak += (planned - power_max) * peak;
            st.money_limited = false;
            if (target <= st.installed) {
                st.installed = target;  // retired units are not refunded
            } else {
                const double want = target - st.installed;
                // Accelerators that fit in facility power already built need no new facility.
                const double spare = std::max(0.0, st.facility_built_w / per_accel_facility_w - st.installed);
                const double facility_cost = per_accel_facility_w * site.facility_capex_usd_per_w;
                auto cost_of = [&](double n) { return n * site.accel.price_usd + std::max(0.0, n - spare) * facility_cost; };
                double n = want;
                if (cost_of(want) > budget_unspent) {
                    const double spare_cost = spare * site.accel.price_usd;
                    n = budget_unspent <= spare_cost
                            ? budget_unspent / site.accel.price_usd
                            : spare + (budget_unspent - spare_cost) / (site.accel.price_usd + facility_cost);
                    n = std::clamp(n, 0.0, want);
                    st.money_limited = true;
                    money_cut_peak += (want - n) * peak;
                }
                const double accel_capex = n * site.accel.price_usd;
                const double new_facility_w = std::max(0.0, (st.installed + n) * per_accel_facility_w - st.facility_built_w);
                const double facility_capex = new_facility_w * site.facility_capex_usd_per_w;
                accel_book.buy(accel_capex, t0, s.economy.accelerator_life);
                facility_book.buy(facility_capex, t0, facility_life_of(site, s.economy));
                st.accel_book.buy(accel_capex, t0, s.economy.accelerator_life);
                st.facility_book.buy(facility_capex, t0, facility_life_of(site, s.economy));
                st.capex_usd += accel_capex + facility_capex;
                st.facility_built_w += new_facility_w;
                st.installed += n;
                budget_unspent = std::max(0.0, budget_unspent - accel_capex - facility_capex);  // no rounding debt
                step_capex += accel_capex + facility_capex;
            }
            // An orbit or moon site runs what the step's energy feeds: in sunlight the arrays carry the load and
            // recharge the storage for the dark (the step's shares f lit and 1 - f dark) at its round-trip
            // efficiency, as the site design sizes them (energy::recharge_power_w, SMAD 3rd ed. eq. 11-5;
            // docs/models/sim.md).
            st.usable = 1.0;
            if (site.kind != site_kind::ground && st.installed > 0.0) {
                const double f = st.sunlit;
                const double array_w_per_load_w =
                    f > 0.0 ? 1.0 + energy::recharge_power_w(1.0, 1.0 - f, f, energy::battery{}) : inf;
                st.usable = std::min(1.0, cap_w / (array_w_per_load_w * st.installed * per_accel_facility_w));
                st.power_limited = st.power_limited || st.usable < 1.0 - tiny;
                power_cut_peak += st.installed * (1.0 - st.usable) * peak;
            }
            any_power_limited = any_power_limited || st.power_limited;
            any_money_limited = any_money_limited || st.money_limited;
            const double running = st.installed * st.usable;
            st.running = running;
            const double it_w = running * site.accel.all_in_power_w;
            const double fac_w = energy::facility_power_w(it_w, site.facility.pue);
            it_power_total += it_w;
            facility_power_total += fac_w;
            // Stage 7 (economy, energy part): the facility draws its full power while training.
            const double energy_j = fac_w * dt;
            sum.total_energy_j += energy_j;
            sum.total_opex_usd += energy::energy_cost_usd(fac_w, dt, site.facility.energy_price_usd_per_j);
            sum.accelerator_hours += st.installed * dt / 3600.0;
            rec.record(k, st.ch_planned, planned);
            rec.record(k, st.ch_installed, st.installed);
            rec.record(k, st.ch_it_power, it_w);
            rec.record(k, st.ch_facility_power, fac_w);
            rec.record(k, st.ch_power_cap, std::isinf(cap_w) ? 0.0 : cap_w);
            st.energy_j += energy_j;
            st.energy_usd += energy::energy_cost_usd(fac_w, dt, site.facility.energy_price_usd_per_j);
            st.accelerator_hours += st.installed * dt / 3600.0;
            st.running_hours += running * dt / 3600.0;
            st.peak_it_w = std::max(st.peak_it_w, st.installed * site.accel.all_in_power_w);
            if (site.kind != site_kind::ground) {
                rec.record(k, st.ch_sunlit, st.sunlit);
                rec.record(k, st.ch_usable, st.usable);
            }
        }
        sum.total_capex_usd += step_capex;
        sum.peak_facility_power_w = std::max(sum.peak_facility_power_w, facility_power_total);

        // Stage 6 (training): FLOP to the current generation; a generation ends after its length,
        // takes the best (N, D) for its FLOP and the corpus of the day, and deploys after the gap.
        // utilisation: model sets each site's MFU from the layout search for the generation's reference
        // shape and its goodput from the reliability model (docs/models/sim.md).
        if (modelled && gen.reference_params <= 0.0) {
            // The FLOP the generation expects: this step's peak over the generation's length at the share
            // of peak the previous generation delivered (the scenario's mfu x goodput for the first).
            double prior_flop = 0.0;
            for (std::size_t i = 0; i < s.sites.size(); ++i)
                prior_flop += sites[i].running * s.sites[i].accel.peak_flops_bf16 * delivered_share *
                              s.training.generation_length.seconds();
            if (prior_flop > 0.0) gen.reference_params = fleet::data_limited_optimal(law, prior_flop, unique_tokens, corpus).params;
        }
        double peak_step = 0.0, model_flop_step = 0.0, interruptions_step = 0.0;
        for (std::size_t i = 0; i < s.sites.size(); ++i) {
            const auto& site = s.sites[i];
            auto& st = sites[i];
            if (!modelled) {
                if (st.running > 0.0)
                    flop_step += compute::delivered_flop(st.running, site.accel.peak_flops_bf16, s.training.mfu,
                                                         s.training.goodput, dt);
                continue;
            }
            st.mfu = 0.0;
            st.goodput = 0.0;
            double site_flop = 0.0;
            if (st.running >= 1.0 && gen.reference_params > 0.0) {
                const int job = job_size(st.running);
                auto it = std::find_if(utilisation_cache.begin(), utilisation_cache.end(), [&](const utilisation_entry& e) {
                    return e.site == i && e.job == job && e.params == gen.reference_params;
                });
                if (it == utilisation_cache.end()) {
                    utilisation_cache.push_back(search_utilisation(site, i, job, gen.reference_params));
                    it = utilisation_cache.end() - 1;
                }
                st.mfu = it->mfu;
                st.layout = it->layout;
                if (st.mfu <= 0.0) st.gen_no_fit = true;
            }
            if (st.mfu > 0.0) {
                const auto rel = site_reliability(site, s.training, st.running, dt);
                st.goodput = std::isfinite(rel.goodput) ? rel.goodput : 0.0;
                st.checkpoint_interval_s = rel.checkpoint_interval_s;
                const double interruptions = dt / rel.system_mtbf_s;  // failures arrive at the system rate while it runs
                st.gen_interruptions += interruptions;
                st.gen_checkpoints += dt * st.goodput / rel.checkpoint_interval_s;
                interruptions_step += interruptions;
                const double peak_flop = st.running * site.accel.peak_flops_bf16 * dt;
                st.gen_peak_flop += peak_flop;
                st.gen_model_flop += peak_flop * st.mfu;
                peak_step += peak_flop;
                model_flop_step += peak_flop * st.mfu;
                if (st.goodput > 0.0)
                    site_flop = compute::delivered_flop(st.running, site.accel.peak_flops_bf16, std::min(1.0, st.mfu),
                                                        std::min(1.0, st.goodput), dt);
            }
            st.gen_flop += site_flop;
            flop_step += site_flop;
            rec.record(k, st.ch_mfu, st.mfu);
            rec.record(k, st.ch_goodput, st.goodput);
        }
        if (modelled) {
            gen.interruptions += interruptions_step;
            gen_peak_flop += peak_step;
            rec.record(k, ch_mfu, peak_step > 0.0 ? model_flop_step / peak_step : 0.0);
            rec.record(k, ch_goodput, model_flop_step > 0.0 ? flop_step / model_flop_step : 0.0);
            rec.record(k, ch_interruptions, interruptions_step);
        }
        gen.flop += flop_step;
        const double remaining_steps = std::max(0.0, (gen.ends - t1).seconds() / dt);
        const double projected_flop = gen.flop + flop_step * remaining_steps;

        // Stage 8 (binding): a run that would want more unique tokens than exist is data-bound
        // (bandwidth-bound when the uplink is full); otherwise compute binds, or what cut the build-out
        // by a material share of the plan's peak FLOP/s (docs/models/sim.md, "The binding constraint").
        constexpr double material_share = 0.01;
        constraint binding = constraint::compute;
        bool data_short = false;
        if (projected_flop > 0.0) data_short = fleet::compute_optimal(law, projected_flop).tokens > unique_tokens;
        if (data_short)
            binding = uplink_saturated ? constraint::bandwidth : constraint::data;
        else if (any_money_limited && money_cut_peak >= material_share * planned_peak)
            binding = constraint::money;
        else if (any_power_limited && power_cut_peak >= material_share * planned_peak)
            binding = constraint::power;
        ++gen.binding_steps[static_cast<std::size_t>(binding)];
        ++sum.binding_steps[static_cast<std::size_t>(binding)];
        if (!have_binding || binding != last_binding) {
            rec.add_event({t1, "bottleneck_change", "company",
                           have_binding ? fmt::format("{} -> {}", to_string(last_binding), to_string(binding))
                                        : fmt::format("{}", to_string(binding))});
            last_binding = binding;
            have_binding = true;
        }

        if (t1 >= gen.ends && gen.flop > 0.0) {
            const auto alloc = fleet::data_limited_optimal(law, gen.flop, unique_tokens, corpus);
            generation g;
            g.index = gen.index;
            g.started = gen.started;
            g.released = gen.ends + s.training.release_gap;
            g.flop = gen.flop;
            g.params = alloc.params;
            g.tokens = alloc.tokens;
            g.unique_tokens = unique_tokens;
            g.loss = alloc.loss;
            g.quality = fleet::quality_from_loss(alloc.loss, s.training.reference_loss, law.e);
            g.binding = most_frequent(gen.binding_steps);
            rec.add_event({t1, "model_trained", fmt::format("model/{}", g.index),
                           fmt::format("{:.4g} FLOP, {:.4g} parameters, {:.4g} tokens, loss {:.4f}, bound by {}",
                                       g.flop, g.params, g.tokens, g.loss, to_string(g.binding))});
            if (g.released < s.start + s.length)
                rec.add_event({g.released, "model_deployed", fmt::format("model/{}", g.index),
                               fmt::format("quality {:.4f}", g.quality)});
            if (modelled) {
                g.interruptions = gen.interruptions;
                if (gen_peak_flop > 0.0) delivered_share = gen.flop / gen_peak_flop;
                gen_peak_flop = 0.0;
                for (std::size_t i = 0; i < s.sites.size(); ++i) {
                    auto& st = sites[i];
                    const auto entity = fmt::format("site/{}", s.sites[i].name);
                    if (st.gen_model_flop > 0.0)
                        rec.add_event({t1, "interruptions", entity,
                                       fmt::format("generation {}: {:.1f} expected interruptions, {:.0f} checkpoints every "
                                                   "{:.1f} min, goodput {:.3f}, MFU {:.3f} ({})",
                                                   g.index, st.gen_interruptions, st.gen_checkpoints,
                                                   st.checkpoint_interval_s / 60.0, st.gen_flop / st.gen_model_flop,
                                                   st.gen_model_flop / st.gen_peak_flop, st.layout)});
                    if (st.gen_no_fit)
                        rec.add_event({t1, "model_does_not_fit", entity,
                                       fmt::format("generation {}: no layout of {} holds a {:.3g}-parameter model; "
                                                   "those steps delivered no FLOP",
                                                   g.index, s.sites[i].accel.name, gen.reference_params)});
                    st.gen_interruptions = st.gen_checkpoints = st.gen_peak_flop = st.gen_model_flop = st.gen_flop = 0.0;
                    st.gen_no_fit = false;
                }
            }
            pending.push_back({g.released, g.loss});
            sum.generations.push_back(g);
            gen = training_run{gen.index + 1, gen.ends, gen.ends + s.training.generation_length, 0.0, {}};
        }

        // Stage 7 (economy): depreciation over the step; records.
        sum.total_depreciation_usd += accel_book.charge(t0, t1) + facility_book.charge(t0, t1);
        for (auto& st : sites) st.depreciation_usd += st.accel_book.charge(t0, t1) + st.facility_book.charge(t0, t1);
        rec.record(k, ch_generation, gen.index);
        rec.record(k, ch_gen_flop, gen.flop);
        rec.record(k, ch_flop_rate, flop_step / dt);
        rec.record(k, ch_loss, deployed_loss);
        rec.record(k, ch_quality, deployed_quality);
        rec.record(k, ch_capex, sum.total_capex_usd);
        rec.record(k, ch_opex, sum.total_opex_usd);
        rec.record(k, ch_depr, sum.total_depreciation_usd);
        rec.record(k, ch_allowance, std::isinf(budget_unspent) ? 0.0 : budget_unspent);
        rec.record(k, ch_power, facility_power_total);
        rec.record(k, ch_kardashev, facility_power_total > 0.0 ? economy::kardashev_index(facility_power_total) : 0.0);
        rec.record(k, ch_binding, static_cast<double>(binding));

        progress.update(static_cast<std::uint64_t>(k + 1));
    }
    progress.finish();

    for (std::size_t i = 0; i < s.cohorts.size(); ++i) sum.final_fleet_units.emplace_back(s.cohorts[i].name, cohorts[i].units);
    sum.final_unique_tokens = unique_tokens;
    sum.cost_per_accelerator_hour_usd =
        economy::cost_per_accelerator_hour(sum.total_depreciation_usd, sum.total_opex_usd, sum.accelerator_hours);
    sum.kardashev_index_peak = sum.peak_facility_power_w > 0.0 ? economy::kardashev_index(sum.peak_facility_power_w) : 0.0;
    for (std::size_t i = 0; i < s.sites.size(); ++i) sum.sites.push_back(summarise_site(s, s.sites[i], sites[i]));
    return out;
}

}  // namespace kardashev::sim
