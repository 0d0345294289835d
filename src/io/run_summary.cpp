// What `kardashev run` prints when a run is done (io/run_summary.hpp).

#include "kardashev/io/run_summary.hpp"

#include <cmath>

#include <fmt/format.h>

#include "money_outputs.hpp"

namespace kardashev::io {

namespace {

/// 1.23e12 -> "1.23 T"; plain numbers below a thousand.
std::string si_count(double v) {
    static const char* suffix[] = {"", " k", " M", " G", " T", " P", " E"};
    int i = 0;
    double x = v;
    while (std::fabs(x) >= 1000.0 && i < 6) {
        x /= 1000.0;
        ++i;
    }
    return fmt::format("{:.3g}{}", x, suffix[i]);
}

/// The dates orbit and Moon first undercut the ground, and what each kind of site added per year.
std::string crossover_text(const sim::run_summary& sum) {
    const auto date = [](const std::optional<epoch>& at) { return at ? at->to_utc_date() : std::string("never"); };
    std::string text = fmt::format("a new accelerator-hour cheaper than the ground's: orbit from {}, moon from {}\n",
                                   date(sum.orbit_cheaper_than_ground_from), date(sum.moon_cheaper_than_ground_from));
    text += fmt::format("\n{:<5} {:>10} {:>9} {:>9} {:>10} {:>9} {:>9} {:>10}\n", "year", "ground IT", "orbit fl.",
                        "orbit kg", "orbit IT", "moon fl.", "moon kg", "moon IT");
    const auto whole = [](double v) { return v < 0.5 ? 0.0 : v; };  // rounding remainders of the build-out
    for (const auto& y : sum.years) {
        const auto& [ground, orbit, moon] = y.kinds;
        text += fmt::format("{:<5} {:>9}W {:>9.3g} {:>9} {:>9}W {:>9.3g} {:>9} {:>9}W\n", y.year,
                            si_count(whole(ground.it_power_added_w)), orbit.launches,
                            si_count(whole(orbit.launched_mass_kg)), si_count(whole(orbit.it_power_added_w)),
                            moon.launches, si_count(whole(moon.launched_mass_kg)), si_count(whole(moon.it_power_added_w)));
    }
    return text;
}

}  // namespace

std::string run_summary_text(const sim::scenario& s, const sim::run_result& r, const std::filesystem::path& out) {
    const auto& sum = r.summary;
    std::string text = fmt::format("kardashev {}: scenario \"{}\", seed {}, {} steps of {} d from {}\n\n", KD_VERSION,
                                   s.name, s.seed, sum.steps, s.step.days(), s.start.to_utc_date());
    text += fmt::format("{:>4}  {:<10}  {:<10}  {:>10}  {:>10}  {:>10}  {:>10}  {:>7}  {:<9}\n", "gen", "trained",
                        "deployed", "FLOP", "eff. FLOP", "params", "tokens", "loss", "bound by");
    for (const auto& g : sum.generations) {
        text += fmt::format("{:>4}  {:<10}  {:<10}  {:>10}  {:>10}  {:>10}  {:>10}  {:>7.4f}  {:<9}\n", g.index,
                            (g.released - s.training.release_gap).to_utc_date(), g.released.to_utc_date(),
                            fmt::format("{:.3g}", g.flop), fmt::format("{:.3g}", g.effective_flop), si_count(g.params),
                            si_count(g.tokens), g.loss, sim::to_string(g.binding));
    }
    text += "\nfleet at the end:";
    for (const auto& [name, units] : sum.final_fleet_units) text += fmt::format("  {} {}", name, si_count(units));
    text += fmt::format("\ncorpus at the end: {} unique tokens; {}B uploaded\n", si_count(sum.final_unique_tokens),
                        si_count(sum.total_bytes_uploaded));
    text += fmt::format("costs: capex {} USD, energy {} USD, depreciation {} USD, capital charge {} USD, {:.2f} USD per "
                        "accelerator-hour\n",
                        si_count(sum.total_capex_usd), si_count(sum.total_opex_usd), si_count(sum.total_depreciation_usd),
                        si_count(sum.total_capital_charge_usd), sum.cost_per_accelerator_hour_usd);
    if (sum.total_power_plant_capex_usd > 0.0)
        text += fmt::format("power plants: capex {} USD (in the capex above)\n", si_count(sum.total_power_plant_capex_usd));
    if (sum.launch_failed_flights > 0.0)
        text += fmt::format("launch failures: {:.3g} flights, {}t lost (paid for, never in service)\n",
                            sum.launch_failed_flights, si_count(sum.launch_lost_mass_kg / 1e3));
    text += fmt::format("emissions: {}t CO2\n", si_count(sum.total_emissions_kg / 1e3));
    text += fmt::format("peak facility power {}W (Kardashev index {:.3f}; {:.3g} of the Sun's output, {:.3g} of the "
                        "sunlight the Earth intercepts); energy {}Wh\n",
                        si_count(sum.peak_facility_power_w), sum.kardashev_index_peak, sum.peak_sun_share,
                        sum.peak_earth_sunlight_share, si_count(sum.total_energy_j / 3600.0));
    text += crossover_text(sum);
    text += detail::money_text(sum);
    text += fmt::format("\n{:<18} {:<6} {:>12} {:>10} {:>12} {:>9} {:>9} {:>9}\n", "site", "kind", "accel-hours",
                        "peak IT", "USD/acc-h", "kg/kW", "launches", "energy");
    for (const auto& st : sum.sites) {
        text += fmt::format("{:<18} {:<6} {:>12} {:>9}W {:>12.2f} {:>9} {:>9} {:>8}Wh\n", st.name, sim::to_string(st.kind),
                            si_count(st.accelerator_hours), si_count(st.peak_it_power_w),
                            st.cost_per_accelerator_hour_usd,
                            st.has_design ? fmt::format("{:.1f}", st.kg_per_kw) : std::string("-"),
                            st.has_design ? fmt::format("{:.0f}", std::ceil(st.launches)) : std::string("-"),
                            si_count(st.energy_j / 3600.0));
    }
    text += fmt::format("\n{:<18} {:<18} {:>10} {:>12} {:>12}\n", "site", "part", "bought", "accel-hours", "USD/acc-h");
    for (const auto& st : sum.sites) {
        for (const auto& part : st.parts)
            text += fmt::format("{:<18} {:<18} {:>10} {:>12} {:>12.2f}\n", st.name, part.accelerator, si_count(part.bought),
                                si_count(part.accelerator_hours), part.cost_per_accelerator_hour_usd);
    }
    text += "binding constraint, steps:";
    for (std::size_t i = 0; i < sim::constraint_count; ++i)
        text += fmt::format("  {} {}", sim::to_string(static_cast<sim::constraint>(i)), sum.binding_steps[i]);
    text += "\nwhat bound the build-out, steps (compute: the plan itself):";
    for (std::size_t i = 0; i < sim::constraint_count; ++i)
        if (sum.buildout_binding_steps[i] > 0)
            text += fmt::format("  {} {}", sim::to_string(static_cast<sim::constraint>(i)), sum.buildout_binding_steps[i]);
    text += "\nwhat bound the compute supply, data aside, steps:";
    for (std::size_t i = 0; i < sim::constraint_count; ++i)
        if (sum.supply_binding_steps[i] > 0)
            text += fmt::format("  {} {}", sim::to_string(static_cast<sim::constraint>(i)), sum.supply_binding_steps[i]);
    text += fmt::format("\n\nrun folder: {}\n", out.string());
    return text;
}

}  // namespace kardashev::io
