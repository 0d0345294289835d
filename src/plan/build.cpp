// The plan's LP (docs/plan.md "Formulation"): variables, each constraint family, the objective.
#include "build.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::plan::detail {

namespace {

/// The plant kinds the plan may order at a ground site with a power plant: the own plants (the grid connection is
/// what the utility grants: the scenario's blocks).
constexpr energy::plant_kind power_sources[] = {energy::plant_kind::gas_turbine, energy::plant_kind::nuclear,
                                                energy::plant_kind::solar_storage};

/// The first step purchases of period `p` are spread from: the period's first, or step 1 in the first period (step 0's
/// stock is the installed base the scenario gives, which the run installs at the start).
int first_buy_step(const step_grid& grid, int p) { return p == 0 ? std::min(1, grid.end[0] - 1) : grid.first[p]; }

/// The share of a period's purchases bought at each of its buying steps.
double step_share(const step_grid& grid, int p) { return 1.0 / (grid.end[p] - first_buy_step(grid, p)); }

/// Adds one accelerator bought at step `k` (weight `w`), surviving and retiring as the build-out's vintages do, to
/// `out` (steps from out.first); `failed_first` when the step's failures hit it (the installed base at the start).
void add_piece(const plan_terms& terms, const site_terms& s, const piece& p, int k, double w, bool failed_first,
               profile& out) {
    const int n = terms.grid.steps();
    const int last = std::min(n, k + s.life_steps);
    double alive = w * (failed_first ? s.survival : 1.0);
    for (int j = k; j < last; ++j) {
        const int at = j - out.first;
        out.count[at] += alive;
        out.facility_w[at] += alive * p.facility_w;
        out.it_w[at] += alive * p.it_w;
        out.peak_flops[at] += alive * p.peak_flops;
        out.flop += alive * p.peak_flops * terms.flop_weight[j];
        alive *= s.survival;
    }
}

/// An empty profile over the steps from `first` to the end.
profile empty_profile(const plan_terms& terms, int first) {
    profile out;
    out.first = first;
    const auto len = static_cast<std::size_t>(terms.grid.steps() - first);
    out.count.assign(len, 0.0);
    out.facility_w.assign(len, 0.0);
    out.it_w.assign(len, 0.0);
    out.peak_flops.assign(len, 0.0);
    return out;
}

/// The scenario key a site's power cap comes from.
std::string power_location(const sim::site& where, int s) {
    return fmt::format("sites[{}].{}", s, where.power_plant.empty() ? "power_capacity" : "power_plant");
}

/// Columns: accelerators bought per site and period, ground facility halls, power blocks ordered.
void add_columns(const plan_options& options, const plan_terms& terms, plan_lp& lp) {
    const int periods = terms.grid.period_count();
    const int sites = static_cast<int>(terms.sites.size());
    lp.buy.assign(sites, std::vector<int>(periods, -1));
    lp.hall.assign(sites, std::vector<int>(periods, -1));
    for (int s = 0; s < sites; ++s) {
        const auto& site = terms.sites[s];
        for (int p = 0; p < periods; ++p) {
            lp.buy[s][p] = lp.model.add_column(0.0, {column_kind::buy, s, p});
            lp.profile_of.resize(static_cast<std::size_t>(lp.model.column_count()), -1);
            lp.profile_of.back() = static_cast<int>(lp.buy_profile.size());
            lp.buy_profile.push_back(buy_profile(terms, s, p));
            lp.column_usd.push_back(lp.buy_profile.back().usd);
            lp.column_discounted_usd.push_back(lp.buy_profile.back().discounted_usd);
            if (site.ground && site.hall_usd_per_w > 0.0) {
                lp.hall[s][p] = lp.model.add_column(0.0, {column_kind::hall, s, p});
                lp.profile_of.push_back(-1);
                const double usd = site.hall_usd_per_w;
                lp.column_usd.push_back(usd);
                lp.column_discounted_usd.push_back(usd * terms.discount[terms.grid.first[p]]);
            }
            if (!site.power_options || !options.power_builds) continue;
            for (const auto source : power_sources) {
                lp.power_columns.push_back(lp.model.add_column(0.0, {column_kind::power, s, p, source}));
                lp.profile_of.push_back(-1);
                const double usd = sim::default_power_block(source, terms.grid.starts[terms.grid.first[p]]).capex_usd_per_w;
                lp.column_usd.push_back(usd);
                lp.column_discounted_usd.push_back(usd * terms.discount[terms.grid.first[p]]);
            }
        }
    }
}

/// Budget: what is spent through each period within the budget accrued through it (the build-out carries the unspent
/// budget over), one row per period.
void add_budget_rows(const plan_terms& terms, plan_lp& lp) {
    const auto& grid = terms.grid;
    double accrued = 0.0;
    std::vector<std::pair<int, double>> spent;
    for (int p = 0; p < grid.period_count(); ++p) {
        for (int j = grid.first[p]; j < grid.end[p]; ++j) accrued += terms.budget_usd[j];
        for (int c = 0; c < lp.model.column_count(); ++c)
            if (lp.model.columns[c].period == p) spent.emplace_back(c, lp.column_usd[c]);
        if (std::isinf(accrued)) return;
        lp.model.add_row(spent, -lp_inf, accrued, {row_kind::budget, p, -1, -1, "economy.capex_budget"});
    }
}

/// Launch: each step's mass to LEO (the step's share of each off-world purchase) within the launchers' capacity.
void add_launch_rows(const plan_terms& terms, plan_lp& lp) {
    const auto& grid = terms.grid;
    for (int j = 0; j < grid.steps(); ++j) {
        if (std::isinf(terms.launch_cap_kg[j])) continue;
        const int p = grid.period_of[j];
        if (j < first_buy_step(grid, p)) continue;
        const double share = step_share(grid, p);
        std::vector<std::pair<int, double>> mass;
        for (std::size_t s = 0; s < terms.sites.size(); ++s)
            if (!terms.sites[s].ground)
                mass.emplace_back(lp.buy[s][p], share * terms.sites[s].pieces[j].leo_kg * bought_per_delivered(terms, s, j));
        if (mass.empty()) return;
        lp.model.add_row(mass, -lp_inf, terms.launch_cap_kg[j], {row_kind::launch, p, -1, j, "launch.launchers"});
    }
}

/// The buy columns with accelerators of site `s` in service at step `j`, and `field` of their profile there.
std::vector<std::pair<int, double>> in_service_at(const plan_lp& lp, int s, int j, std::vector<double> profile::*field) {
    std::vector<std::pair<int, double>> out;
    for (int c : lp.buy[s]) {
        const auto& prof = lp.buy_profile[static_cast<std::size_t>(lp.profile_of[c])];
        if (j >= prof.first) out.emplace_back(c, (prof.*field)[j - prof.first]);
    }
    return out;
}

/// Power: a capped site's facility power in service within its cap at each step, the blocks the plan ordered that
/// are online by then adding to it.
void add_power_rows(const sim::scenario& input, const plan_terms& terms, plan_lp& lp) {
    for (std::size_t si = 0; si < terms.sites.size(); ++si) {
        const auto& site = terms.sites[si];
        if (!site.capped) continue;
        const int s = static_cast<int>(si);
        const auto& base = lp.initial[si];
        for (int j = 0; j < terms.grid.steps(); ++j) {
            if (std::isinf(site.cap_w[j])) continue;
            auto entries = in_service_at(lp, s, j, &profile::facility_w);
            for (int c : lp.power_columns) {
                const auto& tag = lp.model.columns[c];
                const epoch ordered = terms.grid.starts[terms.grid.first[tag.period]];
                if (tag.site == s && ordered + sim::default_power_block(tag.source, ordered).lead_time <= terms.grid.starts[j])
                    entries.emplace_back(c, -1.0);
            }
            lp.model.add_row(entries, -lp_inf, site.cap_w[j] - base.facility_w[j],
                             {row_kind::power, terms.grid.period_of[j], s, j, power_location(input.sites[si], s)});
        }
    }
}

/// Facility halls: a ground site's facility power in service within the halls built so far (they stay when their
/// accelerators retire; the build-out pays a hall only where none is spare).
void add_hall_rows(const plan_terms& terms, plan_lp& lp) {
    for (std::size_t si = 0; si < terms.sites.size(); ++si) {
        const int s = static_cast<int>(si);
        if (lp.hall[si].empty() || lp.hall[si][0] < 0) continue;
        const auto& base = lp.initial[si];
        const double built = terms.sites[si].initial_count * terms.sites[si].initial.facility_w;  // the hall at the start
        for (int j = 0; j < terms.grid.steps(); ++j) {
            auto entries = in_service_at(lp, s, j, &profile::facility_w);
            for (int p = 0; p <= terms.grid.period_of[j]; ++p) entries.emplace_back(lp.hall[si][p], -1.0);
            lp.model.add_row(entries, -lp_inf, built - base.facility_w[j],
                             {row_kind::facility, terms.grid.period_of[j], s, j, fmt::format("sites[{}].facility_capex", s)});
        }
    }
}

/// Lunar industry: a factory site's purchases in each step within what its factory launches in the step.
void add_lunar_rows(const plan_terms& terms, plan_lp& lp) {
    const auto& grid = terms.grid;
    for (std::size_t si = 0; si < terms.sites.size(); ++si) {
        if (!terms.sites[si].factory) continue;
        for (int j = 0; j < grid.steps(); ++j) {
            const int p = grid.period_of[j];
            if (j < first_buy_step(grid, p)) continue;
            lp.model.add_row({{lp.buy[si][p], step_share(grid, p) * bought_per_delivered(terms, si, j)}}, -lp_inf,
                             terms.sites[si].pieces[j].lunar_max,
                             {row_kind::lunar, p, static_cast<int>(si), j, fmt::format("sites[{}].moon.industry", si)});
        }
    }
}

/// Chip supply: every site's purchases in each step within the accelerators the supply gives in it.
void add_chip_rows(const plan_terms& terms, plan_lp& lp) {
    const auto& grid = terms.grid;
    for (int j = 0; j < grid.steps(); ++j) {
        const int p = grid.period_of[j];
        if (std::isinf(terms.chip_supply[j]) || j < first_buy_step(grid, p)) continue;
        std::vector<std::pair<int, double>> bought;
        for (std::size_t s = 0; s < terms.sites.size(); ++s)
            bought.emplace_back(lp.buy[s][p], step_share(grid, p) * bought_per_delivered(terms, s, j));
        lp.model.add_row(bought, -lp_inf, terms.chip_supply[j], {row_kind::chips, p, -1, j, "economy.chip_supply"});
    }
}

/// The objective: effective FLOP by the date (compute), the discounted spend (cost) or their weighted difference; the
/// cost objective's target row.
void set_objective(const plan_options& options, plan_lp& lp) {
    auto& m = lp.model;
    std::vector<std::pair<int, double>> flop;
    for (int c = 0; c < m.column_count(); ++c) {
        const double f = lp.profile_of[c] >= 0 ? lp.buy_profile[static_cast<std::size_t>(lp.profile_of[c])].flop : 0.0;
        if (f != 0.0) flop.emplace_back(c, f);
        switch (options.objective) {
            case objective_kind::compute: m.objective[c] = f; break;
            case objective_kind::cost: m.objective[c] = lp.column_discounted_usd[c]; break;
            case objective_kind::weighted: m.objective[c] = f - options.flop_per_usd * lp.column_discounted_usd[c]; break;
        }
    }
    m.maximise = options.objective != objective_kind::cost;
    double scale = 0.0;
    for (double c : m.objective) scale = std::max(scale, std::abs(c));
    lp.objective_scale = scale > 0.0 ? scale : 1.0;
    for (double& c : m.objective) c /= lp.objective_scale;
    if (options.objective == objective_kind::cost) {
        if (!(options.target_flop > 0.0)) throw input_error("plan: --objective cost needs --target FLOP, a positive figure");
        m.add_row(flop, options.target_flop - lp.objective_constant, lp_inf, {row_kind::target, 0, -1, -1, "--target"});
    }
}

}  // namespace

profile buy_profile(const plan_terms& terms, int s, int p) {
    const auto& grid = terms.grid;
    const auto& site = terms.sites[static_cast<std::size_t>(s)];
    profile out = empty_profile(terms, first_buy_step(grid, p));
    const double w = step_share(grid, p);  // bought evenly over the period's steps
    for (int k = out.first; k < grid.end[p]; ++k) {
        const auto& piece = site.pieces[k];
        add_piece(terms, site, piece, k, w, false, out);
        const double bought = w * bought_per_delivered(terms, static_cast<std::size_t>(s), k);  // lost payloads bought again
        out.usd += bought * (piece.price_usd + piece.offworld_usd);
        out.discounted_usd += bought * (piece.price_usd + piece.offworld_usd) * terms.discount[k];
        out.leo_kg.push_back(bought * piece.leo_kg);
        out.spacecraft_kg.push_back(bought * piece.spacecraft_kg);
    }
    return out;
}

plan_lp build_lp(const sim::scenario& input, const plan_options& options, const plan_terms& terms) {
    plan_lp lp;
    for (const auto& site : terms.sites) {
        lp.initial.push_back(empty_profile(terms, 0));
        add_piece(terms, site, site.initial, 0, site.initial_count, true, lp.initial.back());
        lp.objective_constant += lp.initial.back().flop;
    }
    add_columns(options, terms, lp);
    add_budget_rows(terms, lp);
    add_launch_rows(terms, lp);
    add_power_rows(input, terms, lp);
    add_hall_rows(terms, lp);
    add_lunar_rows(terms, lp);
    add_chip_rows(terms, lp);
    set_objective(options, lp);
    return lp;
}

}  // namespace kardashev::plan::detail
