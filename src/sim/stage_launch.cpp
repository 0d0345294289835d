// Stage 5 (launch): launch and spacecraft prices over time and the launchers' capacity (docs/models/sim.md
// "Launch"; the price models are logistics/price_path.hpp, docs/models/logistics.md "Prices over time").
#include <algorithm>

#include "kardashev/logistics/price_path.hpp"
#include "launch_failures.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// The cumulative mass a learning price is read at: its starting mass, others' and the company's.
double learning_mass_kg(const logistics::price_path& path, double others_kg, double own_kg) {
    return path.starting_mass_kg + others_kg + own_kg;
}

}  // namespace

launch_state start_launch(const scenario& input, recorder& recording) {
    launch_state launched;
    launched.units.resize(input.sites.size());
    auto& c = launched.channels;
    c.price = recording.add_channel("launch", "price", "USD/kg");
    c.spacecraft_price = recording.add_channel("launch", "spacecraft_price", "USD/kg");
    // The mass the launch price's learning curve is read at: starting mass + others' + the company's.
    c.world_mass = recording.add_channel("launch", "world_mass_cumulative", "kg");
    c.launched = recording.add_channel("launch", "launched_mass_cumulative", "kg");
    c.launches = recording.add_channel("launch", "launches_cumulative", "1");
    c.used_share = recording.add_channel("launch", "capacity_used_share", "1");
    // Flights that did not deliver their payload and the mass lost with them (launch_failures.hpp).
    c.failures = recording.add_channel("launch", "failures_cumulative", "1");
    c.lost = recording.add_channel("launch", "lost_mass_cumulative", "kg");
    launched.failure_draws = start_launch_draws(input);
    return launched;
}

launch_step start_prices(const scenario& input, const launch_state& launched) {
    const auto& launch = input.launch.price;
    const auto& craft = input.spacecraft.price;
    launch_step at_start;
    at_start.price_usd_per_kg =
        logistics::price_at(launch, input.start, learning_mass_kg(launch, 0.0, launched.launched_kg));
    at_start.spacecraft_usd_per_kg =
        logistics::price_at(craft, input.start, learning_mass_kg(craft, 0.0, launched.spacecraft_kg));
    return at_start;
}

void launch_stage(const step_clock& clock, const scenario& input, launch_state& launched, launch_step& out,
                  recorder& recording) {
    const auto& launch = input.launch.price;
    const auto& craft = input.spacecraft.price;
    // Prices at the step's start: Wright's law on the mass launched or built by then (the company's, through the last
    // step, and others', through this step's start).
    const double world_kg = learning_mass_kg(launch, launched.others_launched_kg, launched.launched_kg);
    out.price_usd_per_kg = logistics::price_at(launch, clock.start, world_kg);
    out.spacecraft_usd_per_kg = logistics::price_at(
        craft, clock.start, learning_mass_kg(craft, launched.others_spacecraft_kg, launched.spacecraft_kg));
    launched.others_launched_kg += logistics::integral_between(launch.other_mass_kg_per_s, clock.start, clock.end);
    launched.others_spacecraft_kg += logistics::integral_between(craft.other_mass_kg_per_s, clock.start, clock.end);
    const auto& launchers = input.launch.launchers;
    out.launcher_capacity_kg.resize(launchers.size());
    out.capacity_kg = launchers.empty() ? inf : 0.0;
    for (std::size_t k = 0; k < launchers.size(); ++k) {
        // Capacity per step: flights in the step (the schedule's rate x dt) x payload to LEO.
        out.launcher_capacity_kg[k] = logistics::launch_capacity_kg(launchers[k].vehicle.payload_leo_kg,
                                                                    launchers[k].flights_per_s, clock.start, clock.end);
        out.capacity_kg += out.launcher_capacity_kg[k];
    }
    out.left_kg = out.capacity_kg;
    out.launched_kg = out.spacecraft_kg = 0.0;
    recording.record(clock.index, launched.channels.price, out.price_usd_per_kg);
    recording.record(clock.index, launched.channels.spacecraft_price, out.spacecraft_usd_per_kg);
    recording.record(clock.index, launched.channels.world_mass, world_kg);
}

void record_launches(const step_clock& clock, const scenario& input, const launch_step& step, launch_state& launched,
                     recorder& recording) {
    launched.launched_kg += step.launched_kg;
    launched.spacecraft_kg += step.spacecraft_kg;
    // Flights filled: the step's mass taken from each launcher in turn, in the scenario's order, over its payload.
    if (step.launched_kg > 0.0) {
        const auto filled = filled_kg_per_launcher(input, step);
        for (std::size_t k = 0; k < filled.size(); ++k)
            if (filled[k] > 0.0) launched.launches += filled[k] / input.launch.launchers[k].vehicle.payload_leo_kg;
    }
    const double used_share = step.capacity_kg > 0.0 && step.capacity_kg < inf ? step.launched_kg / step.capacity_kg : 0.0;
    recording.record(clock.index, launched.channels.launched, launched.launched_kg);
    recording.record(clock.index, launched.channels.launches, launched.launches);
    recording.record(clock.index, launched.channels.used_share, used_share);
    recording.record(clock.index, launched.channels.failures, launched.failed_flights);
    recording.record(clock.index, launched.channels.lost, launched.lost_kg);
}

}  // namespace kardashev::sim::detail
