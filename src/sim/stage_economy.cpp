// Stage 10 (economy): capex booked, depreciation charged, and the company's books recorded (docs/models/sim.md
// "Build-out", docs/models/economy.md).
#include <cmath>

#include "kardashev/economy/cost.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

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
    channels.binding = recording.add_channel("company", "binding", "constraint index (0 data; 1 bandwidth; 2 compute; 3 power; 4 money; 5 launch)");
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
        site.facility.buy(purchase.facility_capex_usd, at, facility_life);
        site.capex_usd += purchase.accelerator_capex_usd + purchase.facility_capex_usd;
        capex_usd += purchase.accelerator_capex_usd + purchase.facility_capex_usd;
    }
    books.total_capex_usd += capex_usd;
}

void economy_stage(const step_clock& clock, const scenario& input, const buildout_state& budget,
                   const buildout_step& bought, const energy_state& energy, const energy_step& power,
                   constraint binding, economy_state& books, recorder& recording) {
    book_purchases(input, clock.start, bought, books);
    books.total_depreciation_usd +=
        books.accelerators.charge(clock.start, clock.end) + books.facility.charge(clock.start, clock.end);
    for (auto& site : books.sites)
        site.depreciation_usd += site.accelerators.charge(clock.start, clock.end) + site.facility.charge(clock.start, clock.end);
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
}

}  // namespace kardashev::sim::detail
