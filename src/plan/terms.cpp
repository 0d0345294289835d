// The plan's terms per step and site (docs/plan.md "Inputs"): the engine's step grid in periods, and each step's
// purchase at each site priced as the build-out prices it.
#include "terms.hpp"

#include "lp_model.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/fleet/algorithmic_progress.hpp"
#include "kardashev/logistics/mass_driver.hpp"
#include "kardashev/logistics/price_path.hpp"

namespace kardashev::plan::detail {

namespace {

/// The UTC instant `months` whole months after `from` (same day and time).
epoch add_months(epoch from, int months) {
    auto f = from.to_utc();
    const int total = f.month - 1 + months;
    f.year += total / 12;
    f.month = total % 12 + 1;
    return epoch::from_utc(f);
}

/// A period's label: its year for whole years from 1 January, "YYYY-Qn" for quarters from a quarter's start, else the
/// start date.
std::string period_label(epoch start, int months) {
    const auto f = start.to_utc();
    const bool first_day = f.day == 1 && f.hour == 0 && f.minute == 0 && f.second == 0;
    if (months == 12 && first_day && f.month == 1) return std::to_string(f.year);
    if (months == 3 && first_day && (f.month - 1) % 3 == 0) return fmt::format("{}-Q{}", f.year, (f.month - 1) / 3 + 1);
    return start.to_utc_date();
}

/// A site's piece for `part` at a step, before off-world prices (reprice).
piece piece_for(const sim::site& where, const compute::accelerator& part, const site_terms& terms) {
    piece p;
    p.part = part.name;
    p.peak_flops = part.peak_flops_bf16;
    p.it_w = part.all_in_power_w;
    p.facility_w = sim::facility_w_per_accelerator(where, part);
    p.price_usd = part.price_usd;
    p.lunar_max = lp_inf;
    if (terms.fit) {
        const auto mass = terms.fit->at(part.all_in_power_w);
        p.leo_kg = mass.leo_kg;
        p.spacecraft_kg = mass.spacecraft_kg;
    }
    return p;
}

/// One site's terms over the grid.
site_terms make_site(const sim::scenario& input, std::size_t index, const step_grid& grid) {
    const auto& where = input.sites[index];
    site_terms s;
    s.ground = where.kind == sim::site_kind::ground;
    s.factory = where.kind == sim::site_kind::moon && where.moon.industry.enabled;
    if (!s.ground) s.fit.emplace(input, index, where.accel);
    if (s.factory) s.lunar = sim::lunar_factory_design(input, index);
    s.power_options = s.ground && !where.power_plant.empty();
    s.hall_usd_per_w = s.ground ? where.facility_capex_usd_per_w : 0.0;
    s.survival = std::exp(-where.failure_rate_per_s * grid.dt_s);
    const auto life_ns = input.economy.accelerator_life.ns(), step_ns = input.step.ns();
    s.life_steps = static_cast<int>((life_ns + step_ns - 1) / step_ns);
    const auto trend = compute::epoch_ai_hardware_trend();
    s.pieces.reserve(grid.starts.size());
    for (const auto at : grid.starts) {
        const auto part = sim::part_bought(input, where, at, trend);
        if (s.pieces.empty() || s.pieces.back().part != part.name)
            s.pieces.push_back(piece_for(where, part, s));
        else
            s.pieces.push_back(s.pieces.back());
        s.cap_w.push_back(sim::power_cap_w(where, at));
        s.capped = s.capped || std::isfinite(s.cap_w.back());
    }
    s.initial = piece_for(where, where.accel, s);
    s.initial_count = std::min(sim::schedule_value(where.planned_accelerators, input.start),
                               sim::power_cap_w(where, input.start) / s.initial.facility_w);
    return s;
}

/// [USD/kg] a learning or scheduled price at step `j`, the plan's own mass through the step before included.
double price_at_step(const logistics::price_path& path, const step_grid& grid, int j, double own_kg) {
    const double others = logistics::integral_between(path.other_mass_kg_per_s, grid.starts.front(), grid.starts[j]);
    return logistics::price_at(path, grid.starts[j], path.starting_mass_kg + others + own_kg);
}

}  // namespace

step_grid make_grid(const sim::scenario& input, int months, epoch by) {
    if (months <= 0) throw input_error(fmt::format("plan: period: expected a positive number of months, got {}", months));
    step_grid grid;
    grid.dt_s = input.step.seconds();
    const auto steps = input.length.ns() / input.step.ns();
    if (steps <= 0) throw input_error("plan: the scenario's length is shorter than one step");
    for (std::int64_t k = 0; k < steps; ++k) grid.starts.push_back(input.start + input.step * k);
    epoch next = input.start;
    for (int j = 0; j < grid.steps(); ++j) {
        if (grid.starts[j] >= next) {
            const epoch from = next;
            while (grid.starts[j] >= next) next = add_months(next, months);
            grid.first.push_back(j);
            grid.end.push_back(j);
            grid.periods.push_back({period_label(from, months), grid.starts[j], grid.starts[j]});
        }
        grid.period_of.push_back(grid.period_count() - 1);
        grid.end.back() = j + 1;
    }
    for (int p = 0; p < grid.period_count(); ++p)
        grid.periods[p].end = grid.end[p] < grid.steps() ? grid.starts[grid.end[p]] : grid.starts.back() + input.step;
    for (const auto at : grid.starts)
        if (at + input.step <= by) ++grid.counted;
    return grid;
}

plan_terms make_terms(const sim::scenario& input, const plan_options& options, step_grid grid) {
    plan_terms t;
    const int n = grid.steps();
    const double share = input.training.mfu * input.training.goodput;
    const double rate = options.discount_rate.value_or(input.economy.cost_of_capital);
    for (int j = 0; j < n; ++j) {
        const double elapsed_s = (grid.starts[j] - input.start).seconds();
        // The engine counts a step's FLOP at the multiplier of its midpoint (stage_training.cpp).
        const double multiplier =
            options.effective
                ? fleet::effective_compute_multiplier(input.training.algorithmic_progress, elapsed_s + 0.5 * grid.dt_s)
                : 1.0;
        t.flop_weight.push_back(j < grid.counted ? share * multiplier * grid.dt_s : 0.0);
        const auto& budget = input.economy.capex_budget_usd_per_s;
        t.budget_usd.push_back(budget.empty() ? lp_inf : sim::schedule_value(budget, grid.starts[j]) * grid.dt_s);
        double cap = input.launch.launchers.empty() ? lp_inf : 0.0, delivered_kg = 0.0;
        for (const auto& l : input.launch.launchers) {
            const double kg = logistics::launch_capacity_kg(l.vehicle.payload_leo_kg, l.flights_per_s, grid.starts[j],
                                                            grid.starts[j] + input.step);
            cap += kg;
            delivered_kg += l.vehicle.reliability * kg;  // the engine's expected losses (sim/launch_failures.cpp)
        }
        t.launch_cap_kg.push_back(cap);
        t.delivered.push_back(cap > 0.0 && !std::isinf(cap) ? delivered_kg / cap : 1.0);
        const auto& chips = input.economy.chip_supply_per_s;
        t.chip_supply.push_back(chips.empty() ? lp_inf : logistics::integral_between(chips, grid.starts[j], grid.starts[j] + input.step));
        t.discount.push_back(std::pow(1.0 + rate, -elapsed_s / constants::julian_year_s));
    }
    for (std::size_t i = 0; i < input.sites.size(); ++i) t.sites.push_back(make_site(input, i, grid));
    t.grid = std::move(grid);
    reprice(input, std::vector<double>(n, 0.0), std::vector<double>(n, 0.0), t);
    return t;
}

double bought_per_delivered(const plan_terms& terms, std::size_t site, int j) {
    return terms.sites[site].ground ? 1.0 : 1.0 / terms.delivered[static_cast<std::size_t>(j)];
}

double reprice(const sim::scenario& input, const std::vector<double>& own_leo_kg,
               const std::vector<double>& own_spacecraft_kg, plan_terms& terms) {
    const auto& grid = terms.grid;
    const int n = grid.steps();
    double change = 0.0, leo_kg = 0.0, craft_kg = 0.0;
    std::vector<double> launch(n), craft(n);
    for (int j = 0; j < n; ++j) {
        launch[j] = price_at_step(input.launch.price, grid, j, leo_kg);
        craft[j] = price_at_step(input.spacecraft.price, grid, j, craft_kg);
        leo_kg += own_leo_kg[j];
        craft_kg += own_spacecraft_kg[j];
        if (!terms.launch_usd_per_kg.empty())
            change = std::max(change, std::abs(launch[j] / terms.launch_usd_per_kg[j] - 1.0));
    }
    terms.launch_usd_per_kg = launch;
    terms.spacecraft_usd_per_kg = craft;
    const double gear = logistics::lunar_delivery_gear_ratio();
    for (std::size_t i = 0; i < terms.sites.size(); ++i) {
        auto& s = terms.sites[i];
        if (s.ground) continue;
        for (int j = 0; j < n; ++j) {
            auto& p = s.pieces[j];
            if (s.factory) {
                sim::lunar_factory_at(input.sites[i], grid.starts[j], launch[j], *s.lunar);
                const auto step = economy::run_lunar_factory(*s.lunar, 0.0, grid.dt_s);
                const double earth_kg = step.earth_kg_per_accelerator;
                // lunar_industry.cpp: Earth's share at the spacecraft price plus its delivery to the surface.
                p.offworld_usd = earth_kg * (craft[j] + s.lunar->delivery_price_usd_per_kg);
                p.spacecraft_kg = earth_kg;
                p.leo_kg = earth_kg * gear;
                p.lunar_max = step.max_accelerators;
            } else {
                p.offworld_usd = p.spacecraft_kg * craft[j] + p.leo_kg * launch[j];  // offworld_cost.cpp offer_for
            }
        }
    }
    return change;
}

}  // namespace kardashev::plan::detail
