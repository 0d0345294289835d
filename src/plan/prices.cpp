// Shadow prices in the user's units (docs/plan.md "Reading shadow prices"): each row's dual (CLP's
// dualRowSolution, in objective units per unit of the row's limit) summed or averaged over a period as the question
// "one more X in year Y" moves the limits.
#include "prices.hpp"

#include <cmath>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "kardashev/logistics/price_path.hpp"

namespace kardashev::plan::detail {

namespace {

/// The rows of one family in one period at one site.
struct row_group {
    std::string location;
    double dual_sum = 0.0;
    int rows = 0;
    bool binding = false;
};

/// True when row `i` meets one of its limits (relative 1e-7).
bool at_limit(const lp_model& m, const lp_solution& s, int i) {
    const double a = s.activity[i];
    auto near = [&](double limit) { return std::isfinite(limit) && std::abs(a - limit) <= 1e-7 * std::max(1.0, std::abs(limit)); };
    return near(m.row_lower[i]) || near(m.row_upper[i]);
}

/// The launcher that lifts the most in steps [first, end), and its payload [kg]; none: "tonne" of 1,000 kg.
std::pair<std::string, double> main_launcher(const sim::scenario& input, const step_grid& grid, int p) {
    std::pair<std::string, double> best{"tonne to LEO", 1000.0};
    double most = 0.0;
    const epoch from = grid.periods[p].start, to = grid.periods[p].end;
    for (const auto& l : input.launch.launchers) {
        const double kg = logistics::launch_capacity_kg(l.vehicle.payload_leo_kg, l.flights_per_s, from, to);
        if (kg > most) {
            most = kg;
            best = {"launch of " + l.vehicle.name, l.vehicle.payload_leo_kg};
        }
    }
    return best;
}

/// The shadow price of one group in user units.
shadow_price priced(const sim::scenario& input, const plan_terms& terms, const std::string& objective_unit,
                    std::tuple<row_kind, int, int> key, const row_group& g, double budget_suffix) {
    const auto [kind, p, s] = key;
    shadow_price out{kind, p, s, g.location, 0.0, "", "", g.binding};
    const std::string& label = terms.grid.periods[p].label;
    const std::string site = s >= 0 ? input.sites[static_cast<std::size_t>(s)].name : "";
    switch (kind) {
        case row_kind::budget:
            out.value = budget_suffix;
            out.unit = objective_unit + " per USD";
            out.text = fmt::format("budget {}: {:.4g} {} per USD more granted in {}", label, out.value, objective_unit, label);
            break;
        case row_kind::launch: {
            const auto [name, payload] = main_launcher(input, terms.grid, p);
            out.value = payload * g.dual_sum / g.rows;
            out.unit = fmt::format("{} per {}", objective_unit, name);
            out.text = fmt::format("launch {}: {:.4g} {} per extra {} in {}", label, out.value, objective_unit, name, label);
            break;
        }
        case row_kind::power:
        case row_kind::facility:
            out.value = 1e9 * g.dual_sum;
            out.unit = objective_unit + " per GW";
            out.text = fmt::format("{} {} {}: {:.4g} {} per GW more through {}", to_string(kind), site, label, out.value,
                                   objective_unit, label);
            break;
        case row_kind::lunar:
            out.value = g.dual_sum / g.rows;
            out.unit = objective_unit + " per accelerator";
            out.text = fmt::format("lunar {} {}: {:.4g} {} per accelerator more from the factory in {}", site, label,
                                   out.value, objective_unit, label);
            break;
        case row_kind::chips:
            out.value = g.dual_sum / g.rows;
            out.unit = objective_unit + " per accelerator";
            out.text = fmt::format("chips {}: {:.4g} {} per accelerator more of chip supply in {}", label, out.value,
                                   objective_unit, label);
            break;
        case row_kind::target:
            out.value = g.dual_sum;
            out.unit = objective_unit + " per FLOP";
            out.text = fmt::format("target: {:.4g} {} per FLOP more by the date", out.value, objective_unit);
            break;
    }
    return out;
}

}  // namespace

std::vector<shadow_price> shadow_prices(const sim::scenario& input, const plan_terms& terms, const plan_lp& lp,
                                        const lp_solution& solution) {
    std::map<std::tuple<row_kind, int, int>, row_group> groups;
    for (int i = 0; i < lp.model.row_count(); ++i) {
        const auto& tag = lp.model.rows[i];
        auto& g = groups[{tag.kind, tag.period, tag.site}];
        g.location = tag.location;
        g.dual_sum += solution.dual[i] * lp.objective_scale;
        ++g.rows;
        // Binding: at its limit with a price (a limit of zero met by buying nothing is not).
        g.binding = g.binding || (at_limit(lp.model, solution, i) && solution.dual[i] != 0.0);
    }
    // Budget rows hold money spent through a period: a USD granted in period p lifts every row from p on.
    std::map<int, double> suffix;
    double running = 0.0;
    for (auto it = groups.rbegin(); it != groups.rend(); ++it)
        if (std::get<0>(it->first) == row_kind::budget) suffix[std::get<1>(it->first)] = running += it->second.dual_sum;
    const std::string unit = lp.model.maximise ? "FLOP" : "USD";
    std::vector<shadow_price> out;
    for (const auto& [key, g] : groups)
        out.push_back(priced(input, terms, unit, key, g, suffix[std::get<1>(key)]));
    return out;
}

}  // namespace kardashev::plan::detail
