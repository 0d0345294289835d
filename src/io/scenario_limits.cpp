// Limits on a scenario's work and dates (docs/scenarios.md, "Limits").

#include "scenario_limits.hpp"

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/text.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/core/limits.hpp"

namespace kardashev::io::detail {

namespace {

/// Channels a run records, estimated from the scenario's size: the company's and the uplink's, each site's,
/// cohort's and region's (sim/stages.hpp).
double estimated_channels(const sim::scenario& s) {
    return 40.0 + 16.0 * static_cast<double>(s.sites.size()) + 3.0 * static_cast<double>(s.cohorts.size()) +
           2.0 * static_cast<double>(s.uplink.network.regions.size());
}

/// Bytes one recorded value costs: its row in memory and its line in timeseries.csv.
constexpr double bytes_per_value = 100.0;

}  // namespace

void check_scenario_limits(field_reader& reader, const yaml_node& root, const sim::scenario& scenario) {
    if (scenario.step.ns() <= 0 || scenario.length.ns() <= 0) return;  // reported where they were read
    const yaml_node* step = root.find("step");
    const yaml_node* length = root.find("length");
    const yaml_node* at = step != nullptr ? step : length != nullptr ? length : &root;
    const std::string path = step != nullptr ? "step" : length != nullptr ? "length" : "";
    const double steps = scenario.length.seconds() / scenario.step.seconds();
    const double bytes = steps * estimated_channels(scenario) * bytes_per_value;
    const std::string span = fmt::format("steps of {} over {}", format_quantity(scenario.step.seconds(), quantity_kind::time),
                                         format_quantity(scenario.length.seconds(), quantity_kind::time));
    if (steps > limits::max_run_steps) {
        reader.report(at->pos, path, fmt::format("expected at most {:.0f} steps in a run (docs/scenarios.md, Limits), got {:.0f} {}",
                                                 limits::max_run_steps, steps, span));
    } else if (bytes > limits::max_run_bytes) {
        reader.report(at->pos, path, fmt::format("expected a run of at most {:.0f} GB of series (docs/scenarios.md, Limits), got "
                                                 "about {:.0f} GB: {:.0f} {} with {} sites",
                                                 limits::max_run_bytes / 1e9, bytes / 1e9, steps, span, scenario.sites.size()));
    }
    try {
        limits::check_end("", scenario.start, scenario.length);
    } catch (const input_error& e) {
        const yaml_node* end_at = length != nullptr ? length : root.find("start");
        reader.report((end_at != nullptr ? end_at : &root)->pos, end_at == length ? "length" : "start",
                      std::string(e.what()).substr(2));
    }
}

void check_polar_sunlight(field_reader& reader, const yaml_node& moon, const std::string& path, const sim::site_moon& where) {
    if (where.location != sim::lunar_location::polar) return;
    if (where.sunlit_fraction >= 0.86 - 1e-12 && where.sunlit_fraction <= 0.96 + 1e-12) return;
    const yaml_node* n = moon.find("sunlit_fraction");
    if (n == nullptr) return;  // the default is inside
    reader.report(n->pos, child_path(path, "sunlit_fraction"),
                  "expected 86 to 96 % for a polar site (the polar-ridge model's range, docs/models/energy.md), got " + quoted(n->text));
}

}  // namespace kardashev::io::detail
