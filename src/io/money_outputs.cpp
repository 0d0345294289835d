#include "money_outputs.hpp"

#include <fmt/format.h>

namespace kardashev::io::detail {

namespace {

nlohmann::ordered_json date_or_null(const std::optional<epoch>& at) {
    return at ? nlohmann::ordered_json(at->to_utc_iso()) : nlohmann::ordered_json(nullptr);
}

}  // namespace

void add_money_json(const sim::run_summary& sum, nlohmann::ordered_json& j) {
    const auto& m = sum.money;
    if (!m.enabled) return;
    nlohmann::ordered_json by_cohort = nlohmann::ordered_json::object();
    for (const auto& [name, usd] : m.revenue_by_cohort) by_cohort[name] = usd;
    j["money"] = {{"cash_end_usd", m.cash_end_usd},
                  {"equity_raised_usd", m.equity_raised_usd},
                  {"debt_drawn_usd", m.debt_drawn_usd},
                  {"partner_capital_usd", m.partner_capital_usd},
                  {"revenue_usd", m.revenue_usd},
                  {"revenue_by_cohort_usd", by_cohort},
                  {"partner_paid_usd", m.partner_paid_usd},
                  {"interest_usd", m.interest_usd},
                  {"capex_paid_usd", m.capex_paid_usd},
                  {"energy_opex_paid_usd", m.opex_paid_usd},
                  {"npv_usd", m.npv_usd},
                  {"irr", m.irr ? nlohmann::ordered_json(*m.irr) : nlohmann::ordered_json(nullptr)},
                  {"payback_utc", date_or_null(m.payback)},
                  {"first_money_bound_utc", date_or_null(m.first_money_bound)},
                  {"money_bound_steps", m.money_bound_steps},
                  {"serving_accelerator_hours", m.serving_accelerator_hours}};
}

std::string money_text(const sim::run_summary& sum) {
    const auto& m = sum.money;
    if (!m.enabled) return {};
    std::string text = fmt::format(
        "money: cash at the end {:.3g} USD; raised {:.3g} equity, {:.3g} debt, {:.3g} partners; revenue {:.3g} USD; NPV {:.3g} USD",
        m.cash_end_usd, m.equity_raised_usd, m.debt_drawn_usd, m.partner_capital_usd, m.revenue_usd, m.npv_usd);
    text += m.irr ? fmt::format(", IRR {:.1f} %", 100.0 * *m.irr) : std::string(", no IRR");
    text += m.payback ? ", payback " + m.payback->to_utc_date() : std::string(", no payback");
    text += m.first_money_bound ? ", money first binds " + m.first_money_bound->to_utc_date() : std::string(", money never binds");
    text += "\nrevenue by cohort:";
    for (const auto& [name, usd] : m.revenue_by_cohort) text += fmt::format("  {} {:.3g} USD", name, usd);
    return text + "\n";
}

}  // namespace kardashev::io::detail
