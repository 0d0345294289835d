// Stage 10 (economy): capex booked, depreciation and the capital charge made, and the company's books recorded (docs/models/sim.md
// "Build-out", docs/models/economy.md).
#include <algorithm>
#include <cmath>

#include "kardashev/economy/cost.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// Books the power-plant blocks ordered in the step (those ordered before the run in its first step): capex at
/// the order date, or the run's start, and a vintage over the block's life (docs/models/energy.md).
void book_plant_orders(const step_clock& clock, const scenario& input, economy_state& books) {
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        auto& site = books.sites[i];
        for (const auto& block : input.sites[i].power_plant) {
            const bool due = block.from < clock.end && (clock.index == 0 || block.from >= clock.start);
            if (!due) continue;
            const double capex_usd = block.capacity_w * block.capex_usd_per_w;
            const epoch at = std::max(block.from, clock.start);
            site.power_plant.buy(capex_usd, at, block.life);
            books.power_plant.buy(capex_usd, at, block.life);
            site.capex_usd += capex_usd;
            site.power_plant_capex_usd += capex_usd;
            books.total_capex_usd += capex_usd;
            books.total_power_plant_capex_usd += capex_usd;
        }
    }
}

}  // namespace

economy_state start_economy(const scenario& input, recorder& recording) {
    economy_state books;
    books.sites.resize(input.sites.size());
    auto& channels = books.channels;
    channels.capex = recording.add_channel("economy", "capex_cumulative", "USD");
    channels.opex = recording.add_channel("economy", "opex_cumulative", "USD");
    channels.depreciation = recording.add_channel("economy", "depreciation_cumulative", "USD");
    channels.budget = recording.add_channel("economy", "budget_unspent", "USD");
    channels.power = recording.add_channel("company", "facility_power", "W");
    channels.kardashev = recording.add_channel("company", "kardashev_index", "1");
    channels.binding = recording.add_channel("company", "binding", "constraint index (0 data; 1 bandwidth; 2 compute; 3 power; 4 money; 5 lunar_industry; 6 launch)");
    channels.buildout_binding = recording.add_channel("company", "buildout_binding", "constraint index (0 data; 1 bandwidth; 2 compute; 3 power; 4 money; 5 lunar_industry; 6 launch)");
    return books;
}

void book_purchases(const scenario& input, epoch at, const buildout_step& bought, economy_state& books) {
    double capex_usd = 0.0;  // all sites
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const auto& purchase = bought.sites[i];
        auto& site = books.sites[i];
        const duration accelerator_life = input.economy.accelerator_life;
        const duration facility_life = facility_life_of(input.sites[i], input.economy);
        books.accelerators.buy(purchase.accelerator_capex_usd, at, accelerator_life);
        books.facility.buy(purchase.facility_capex_usd, at, facility_life);
        site.accelerators.buy(purchase.accelerator_capex_usd, at, accelerator_life);
        if (site.parts.size() <= purchase.part) site.parts.resize(purchase.part + 1);
        site.parts[purchase.part].accelerators.buy(purchase.accelerator_capex_usd, at, accelerator_life);
        site.facility.buy(purchase.facility_capex_usd, at, facility_life);
        site.capex_usd += purchase.accelerator_capex_usd + purchase.facility_capex_usd;
        capex_usd += purchase.accelerator_capex_usd + purchase.facility_capex_usd;
    }
    books.total_capex_usd += capex_usd;
}

namespace {

/// The step's capital charge on a book's value at the step's start, after its purchases (economy::capital_charge_usd).
double capital_charge(const depreciation_book& book, const step_clock& clock, double rate_per_year) {
    return economy::capital_charge_usd(book.book_usd, rate_per_year, clock.dt_s);
}

/// Charges each part of a site its accelerators' depreciation and capital charge over the step and its share, by IT
/// power, of the site's energy and facility depreciation (`shared_usd`) and facility capital charge
/// (`shared_capital_usd`) over the step; counts its accelerator-hours, running at the site's usable share.
void charge_parts(const step_clock& clock, const site_vintages& stock, double usable, double shared_usd,
                  double shared_capital_usd, double rate_per_year, site_books& site) {
    if (site.parts.size() < stock.parts.size()) site.parts.resize(stock.parts.size());
    for (auto& part : site.parts) {
        part.capital_charge_usd += capital_charge(part.accelerators, clock, rate_per_year);
        part.depreciation_usd += part.accelerators.charge(clock.start, clock.end);
    }
    if (!(stock.it_w > 0.0)) return;
    // Each part's charges are linear in its vintages' accelerators and IT power, which the stock sums per part.
    const double step_hours = clock.dt_s / 3600.0;
    for (std::size_t i = 0; i < stock.parts.size(); ++i) {
        const auto& in_service = stock.parts[i];
        auto& part = site.parts[i];
        const double it_share = in_service.it_w / stock.it_w;
        part.shared_usd += shared_usd * it_share;
        part.capital_charge_usd += shared_capital_usd * it_share;
        part.accelerator_hours += in_service.count * step_hours;
        part.running_hours += in_service.count * usable * step_hours;
    }
}

}  // namespace

void economy_stage(const step_clock& clock, const scenario& input, const buildout_state& budget,
                   const buildout_step& bought, const energy_state& energy, const energy_step& power,
                   constraint binding, constraint buildout_binding, economy_state& books, recorder& recording) {
    book_purchases(input, clock.start, bought, books);
    book_plant_orders(clock, input, books);
    const double rate = input.economy.cost_of_capital;
    books.total_capital_charge_usd += capital_charge(books.accelerators, clock, rate) +
                                      capital_charge(books.facility, clock, rate) +
                                      capital_charge(books.power_plant, clock, rate);
    books.total_depreciation_usd += books.accelerators.charge(clock.start, clock.end) +
                                    books.facility.charge(clock.start, clock.end) +
                                    books.power_plant.charge(clock.start, clock.end);
    for (std::size_t i = 0; i < books.sites.size(); ++i) {
        auto& site = books.sites[i];
        // The hall and the plant serve every part: each part carries a share of them by its IT power.
        const double facility_capital_usd =
            capital_charge(site.facility, clock, rate) + capital_charge(site.power_plant, clock, rate);
        site.capital_charge_usd += capital_charge(site.accelerators, clock, rate) + facility_capital_usd;
        const double facility_usd =
            site.facility.charge(clock.start, clock.end) + site.power_plant.charge(clock.start, clock.end);
        site.depreciation_usd += site.accelerators.charge(clock.start, clock.end) + facility_usd;
        const double energy_usd = energy.sites[i].energy_usd - site.energy_usd_shared;
        site.energy_usd_shared = energy.sites[i].energy_usd;
        const auto& plant = budget.sites[i];
        const double usable = plant.installed > 0.0 ? power.running[i] / plant.installed : 0.0;
        charge_parts(clock, plant.stock, usable, energy_usd + facility_usd, facility_capital_usd, rate, site);
    }
    const double unspent_usd = budget.budget_unspent_usd;
    const double facility_w = power.facility_power_w;
    const auto& channels = books.channels;
    recording.record(clock.index, channels.capex, books.total_capex_usd);
    recording.record(clock.index, channels.opex, energy.total_opex_usd);
    recording.record(clock.index, channels.depreciation, books.total_depreciation_usd);
    recording.record(clock.index, channels.budget, std::isinf(unspent_usd) ? 0.0 : unspent_usd);
    recording.record(clock.index, channels.power, facility_w);
    recording.record(clock.index, channels.kardashev, facility_w > 0.0 ? economy::kardashev_index(facility_w) : 0.0);
    recording.record(clock.index, channels.binding, static_cast<double>(binding));
    recording.record(clock.index, channels.buildout_binding, static_cast<double>(buildout_binding));
}

}  // namespace kardashev::sim::detail
