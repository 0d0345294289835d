// Launch failures (docs/models/sim.md "Launch": failures): each flight delivers its payload with its launcher's
// reliability r, independently, so a step's failed flights are Binomial(flights, 1 - r) (expected: flights x (1 - r)).
#include "launch_failures.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/binomial.hpp"

namespace kardashev::sim::detail {

namespace {

/// One launcher's flights this step and what they lost.
struct launcher_loss {
    double filled_kg = 0.0;       // [kg] launched on it this step
    double failed_flights = 0.0;  // flights (payload shares) that did not deliver
    double lost_kg = 0.0;         // [kg] their payload
};

/// Launcher `k`'s failed flights of the `filled_kg` it carried: the expected share 1 - r of its flights, or a draw.
launcher_loss launcher_failures(const logistics::launcher& vehicle, double filled_kg, rng_stream* draws) {
    launcher_loss loss{filled_kg, 0.0, 0.0};
    const double p_fail = 1.0 - vehicle.reliability;
    if (!(filled_kg > 0.0) || !(p_fail > 0.0)) return loss;
    const double flights = filled_kg / vehicle.payload_leo_kg;
    // Binomial(flights, 1 - r) (Ross, A First Course in Probability, 9th ed. 2014, sec. 4.6): mean flights x (1 - r).
    loss.failed_flights = draws != nullptr ? drawn_failures(*draws, flights, p_fail) : flights * p_fail;
    loss.lost_kg = std::min(filled_kg, loss.failed_flights * vehicle.payload_leo_kg);
    return loss;
}

/// The payload lost in [from_kg, from_kg + kg) of the step's launched mass, launchers filled in order.
double lost_in(const std::vector<launcher_loss>& losses, double from_kg, double kg) {
    double lost = 0.0;
    double start = 0.0;
    for (const auto& loss : losses) {
        const double overlap = std::min(from_kg + kg, start + loss.filled_kg) - std::max(from_kg, start);
        if (overlap > 0.0) lost += overlap * (loss.lost_kg / loss.filled_kg);
        start += loss.filled_kg;
    }
    return lost;
}

/// Site `i` loses the share of its launched accelerators that its lost payload is of its launched mass; their
/// spacecraft shares go with them.
void lose_site_launches(const std::vector<launcher_loss>& losses, site_plant& plant, site_buildout& site_out) {
    if (!(site_out.launched_kg > 0.0 && site_out.launched_accelerators > 0.0)) return;
    const double share = lost_in(losses, site_out.launched_from_kg, site_out.launched_kg) / site_out.launched_kg;
    if (!(share > 0.0)) return;
    const double lost = share * site_out.launched_accelerators;
    const double freed_w = lose_newest(plant.stock, lost);
    plant.facility_built_w = std::max(0.0, plant.facility_built_w - freed_w);
    plant.installed = plant.stock.count;
    plant.launch_lost += lost;
    site_out.launch_lost = lost;
}

/// A `launch_failure` event for a launcher with a flight (or the step's fractional last flight) drawn as failed.
void record_failure_event(const step_clock& clock, const logistics::launcher& vehicle, const launcher_loss& loss,
                          recorder& recording) {
    if (!(loss.failed_flights > 0.0)) return;
    recording.add_event({clock.start, "launch_failure", "launcher/" + vehicle.name,
                         fmt::format("{:.3g} of {:.3g} flights failed, {:.0f} kg lost", loss.failed_flights,
                                     loss.filled_kg / vehicle.payload_leo_kg, loss.lost_kg)});
}

}  // namespace

double drawn_failures(rng_stream& stream, double count, double p) {
    const double whole = std::floor(count);
    const double failed = static_cast<double>(binomial(stream, static_cast<std::uint64_t>(whole), p));
    const double fraction = count - whole;
    return failed + (fraction > 0.0 && stream.uniform() < p ? fraction : 0.0);
}

std::vector<double> filled_kg_per_launcher(const scenario& input, const launch_step& step) {
    std::vector<double> filled(input.launch.launchers.size(), 0.0);
    double rest_kg = step.launched_kg;
    for (std::size_t k = 0; k < filled.size() && rest_kg > 0.0; ++k) {
        filled[k] = std::min(rest_kg, step.launcher_capacity_kg[k]);
        rest_kg -= filled[k];
    }
    return filled;
}

std::vector<rng_stream> start_launch_draws(const scenario& input) {
    std::vector<rng_stream> draws;
    if (input.failures != failure_mode::drawn) return draws;
    for (const auto& l : input.launch.launchers) draws.emplace_back(input.seed, "launch/" + l.vehicle.name);
    return draws;
}

void lose_failed_launches(const step_clock& clock, const scenario& input, launch_state& launched, launch_step& launch,
                          buildout_state& plants, buildout_step& out, recorder& recording) {
    launch.failed_flights = launch.lost_kg = 0.0;
    const auto& launchers = input.launch.launchers;
    if (!(launch.launched_kg > 0.0)) return;
    const auto filled = filled_kg_per_launcher(input, launch);
    std::vector<launcher_loss> losses(launchers.size());
    for (std::size_t k = 0; k < launchers.size(); ++k) {
        rng_stream* draws = launched.failure_draws.empty() ? nullptr : &launched.failure_draws[k];
        losses[k] = launcher_failures(launchers[k].vehicle, filled[k], draws);
        launch.failed_flights += losses[k].failed_flights;
        launch.lost_kg += losses[k].lost_kg;
        if (draws != nullptr) record_failure_event(clock, launchers[k].vehicle, losses[k], recording);
    }
    launched.failed_flights += launch.failed_flights;
    launched.lost_kg += launch.lost_kg;
    if (!(launch.lost_kg > 0.0)) return;
    for (std::size_t i = 0; i < input.sites.size(); ++i) lose_site_launches(losses, plants.sites[i], out.sites[i]);
}

void summarise_launch_failures(const launch_state& launched, run_summary& summary) {
    summary.launch_failed_flights = launched.failed_flights;
    summary.launch_lost_mass_kg = launched.lost_kg;
}

}  // namespace kardashev::sim::detail
