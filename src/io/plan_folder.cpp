// The plan folder (docs/plan.md "Outputs"): plan.json, plan.yaml and report.html, and the terminal summary.
#include "kardashev/io/plan_folder.hpp"

#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kardashev/core/units.hpp"
#include "kardashev/io/folder_swap.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "embedded.hpp"
#include "report_parts.hpp"

namespace kardashev::io {

namespace {

using json = nlohmann::ordered_json;

/// The build-out of one site over the periods.
json site_json(const sim::site& where, const std::vector<plan::site_period>& periods,
               const std::vector<plan::period_info>& info) {
    json rows = json::array();
    for (std::size_t p = 0; p < periods.size(); ++p) {
        const auto& c = periods[p];
        rows.push_back({{"period", info[p].label},
                        {"bought", c.bought},
                        {"in_service_end", c.in_service_end},
                        {"peak_flops_end", c.peak_flops_end},
                        {"it_power_end_w", c.it_power_end_w},
                        {"spend_usd", c.spend_usd},
                        {"launched_kg", c.launched_kg},
                        {"hall_built_w", c.hall_built_w}});
    }
    return {{"name", where.name}, {"kind", std::string(to_string(where.kind))}, {"periods", rows}};
}

/// Every shadow price, in the order the plan lists them.
json prices_json(const sim::scenario& input, const plan::plan_result& plan) {
    json out = json::array();
    for (const auto& p : plan.prices) {
        json row = {{"kind", std::string(plan::to_string(p.kind))},
                    {"period", plan.periods[static_cast<std::size_t>(p.period)].label},
                    {"site", p.site >= 0 ? json(input.sites[static_cast<std::size_t>(p.site)].name) : json(nullptr)},
                    {"location", p.location},
                    {"value", p.value},
                    {"unit", p.unit},
                    {"binding", p.binding},
                    {"text", p.text}};
        out.push_back(row);
    }
    return out;
}

}  // namespace

std::string plan_json(const sim::scenario& input, const plan::plan_result& plan) {
    json sites = json::array();
    for (std::size_t s = 0; s < input.sites.size(); ++s) sites.push_back(site_json(input.sites[s], plan.sites[s], plan.periods));
    json orders = json::array();
    for (const auto& o : plan.power_orders)
        orders.push_back({{"site", input.sites[static_cast<std::size_t>(o.site)].name},
                          {"period", plan.periods[static_cast<std::size_t>(o.period)].label},
                          {"source", std::string(energy::to_string(o.source))},
                          {"capacity_w", o.capacity_w}});
    json out = {
        {"scenario", input.name},
        {"objective", {{"kind", std::string(plan::to_string(plan.options.objective))},
                       {"value", plan.objective},
                       {"unit", plan.objective_unit},
                       {"by", plan.by.to_utc_date()}}},
        {"effective_flop", plan.effective_flop},
        {"spend_usd", plan.spend_usd},
        {"discounted_spend_usd", plan.discounted_spend_usd},
        {"periods", [&] {
             json p = json::array();
             for (const auto& i : plan.periods) p.push_back(i.label);
             return p;
         }()},
        {"sites", sites},
        {"power_orders", orders},
        {"shadow_prices", prices_json(input, plan)},
        {"lp", {{"rows", plan.size.rows}, {"columns", plan.size.columns}, {"nonzeros", plan.size.nonzeros},
                {"solves", plan.solves}, {"launch_price_change", plan.price_change}}},
    };
    return out.dump(2) + "\n";
}

std::string render_plan_report(const sim::scenario& input, const plan::plan_result& plan) {
    const std::string data_json = plan_json(input, plan);
    return detail::render_page(
        {"plan", "plan.html", detail::plan_report_template_html, input.name, data_json, detail::plan_report_js});
}

void write_plan_folder(const std::filesystem::path& dir, const sim::scenario& input, const plan::plan_result& plan,
                       bool force) {
    const std::string json_text = plan_json(input, plan);
    const std::string yaml_text = write_scenario_yaml(plan::plan_scenario(input, plan));
    const std::string report = render_plan_report(input, plan);
    write_folder(
        dir, force,
        [&](const std::filesystem::path& tmp) {
            write_text_file(tmp / "plan.json", json_text);
            write_text_file(tmp / "plan.yaml", yaml_text);
            write_text_file(tmp / "report.html", report);
        },
        "plan folder");
}

std::string plan_summary_text(const sim::scenario& input, const plan::plan_result& plan) {
    std::string out = fmt::format("plan of {}: {} {:.4g} {} by {} ({} rows, {} columns, {} non-zeros, {} solve{})\n",
                                  input.name, plan::to_string(plan.options.objective), plan.objective,
                                  plan.objective_unit, plan.by.to_utc_date(), plan.size.rows, plan.size.columns,
                                  plan.size.nonzeros, plan.solves, plan.solves == 1 ? "" : "s");
    out += fmt::format("{:>8} {:>12} {:>12} {:>12} {:>12}  binding\n", "period", "ground GW", "orbit GW", "moon GW", "spend USD");
    for (std::size_t p = 0; p < plan.periods.size(); ++p) {
        std::array<double, 3> gw{};
        double spend = 0.0;
        for (std::size_t s = 0; s < input.sites.size(); ++s) {
            gw[static_cast<std::size_t>(input.sites[s].kind)] += plan.sites[s][p].it_power_end_w / 1e9;
            spend += plan.sites[s][p].spend_usd;
        }
        std::string binding;
        for (const auto& price : plan.prices)
            if (price.period == static_cast<int>(p) && price.binding && price.kind != plan::row_kind::facility)
                binding += (binding.empty() ? "" : ", ") + std::string(plan::to_string(price.kind)) +
                           (price.site >= 0 ? " " + input.sites[static_cast<std::size_t>(price.site)].name : "");
        out += fmt::format("{:>8} {:>12.4g} {:>12.4g} {:>12.4g} {:>12.4g}  {}\n", plan.periods[p].label, gw[0], gw[1],
                           gw[2], spend, binding);
    }
    return out;
}

plan::plan_options plan_options_of(const plan_request& r) {
    plan::plan_options o;
    o.objective = plan::objective_kind_from_string(r.objective);
    if (!r.by.empty()) o.by = epoch::from_utc_iso(r.by);
    if (!r.target.empty()) o.target_flop = parse_quantity(r.target, quantity_kind::count);
    if (!r.weight.empty()) o.flop_per_usd = parse_quantity(r.weight, quantity_kind::count);
    if (!r.discount.empty()) o.discount_rate = parse_quantity(r.discount, quantity_kind::dimensionless);
    o.period_months = r.quarters ? 3 : 12;
    o.effective = !r.physical;
    o.power_builds = !r.no_power_builds;
    o.progress = r.progress;
    return o;
}

}  // namespace kardashev::io
