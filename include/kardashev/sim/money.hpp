#pragma once
/// The scenario's `money` section: how capex is funded (a typed budget, or cash and credit), the company's
/// financing (equity, debt, partnerships), serving demand and revenue per cohort (docs/models/economy.md
/// "Revenue and financing", docs/flywheel.md "When money binds").

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/economy/revenue.hpp"

namespace kardashev::sim {

/// What limits the build-out's spending.
enum class capex_funding : std::uint8_t {
    budget,  //!< economy.capex_budget (a typed schedule; none: no limit)
    cash,    //!< the cash balance: starting cash, financing and revenue less what has been spent
};
/// "budget" or "cash".
[[nodiscard]] std::string_view to_string(capex_funding funding) noexcept;

/// A kind of financing.
enum class financing_kind : std::uint8_t {
    equity,       //!< shares sold: cash in, nothing repaid
    debt,         //!< a loan: cash in, repaid in level payments over its term at its rate
    partnership,  //!< a partner's capital for a share of revenue from then on (like the AI Infrastructure Partnership)
};
/// "equity", "debt" or "partnership".
[[nodiscard]] std::string_view to_string(financing_kind kind) noexcept;

/// One financing event. Plain value type.
struct financing_event {
    std::string name;                               //!< e.g. "Series E"
    financing_kind kind = financing_kind::equity;
    epoch date;                                     //!< when the cash arrives
    double amount_usd = 0.0;                        //!< [USD] raised
    double rate = 0.0;                              //!< [1/yr] debt: annual interest rate
    duration term;                                  //!< debt: repaid in level payments, one per step, over this term
    double revenue_share = 0.0;                     //!< [-] partnership: the partner's share of revenue from the date on
    std::string source;                             //!< citation
    bool operator==(const financing_event&) const = default;
};

/// One cohort's serving demand and revenue. Plain value type.
struct cohort_revenue {
    std::string cohort;                    //!< a cohort of the fleet, by name
    economy::revenue_terms terms;          //!< price (written per year), paying share, elasticities
    double serving_tokens_per_s = 0.0;     //!< [tokens/s] output tokens served in the data centre per unit (written per day)
    std::string source;                    //!< citation of the price and share
    bool operator==(const cohort_revenue&) const = default;
};

/// The `money` section. Without it (no financing, no revenue), the run is the budget-funded one.
struct money_params {
    capex_funding capex = capex_funding::budget;  //!< what limits the build-out's spending
    double cash_usd = 0.0;                        //!< [USD] cash at the start
    /// [-] covenant: debt outstanding at most this multiple of the equity raised (starting cash included); a
    /// loan is drawn only up to it. 0: no debt may be drawn.
    double leverage_cap = 1.0;
    double discount_rate = 0.10;                  //!< [1/yr] for the net present value (Damodaran Jan 2026: WACC 7.6-9.4 %)
    double serving_max_share = 0.5;               //!< [-] most of a site's running accelerators serving may take
    /// [-] the largest model served: the deployed model's parameters up to this (a larger one is served distilled
    /// to it: assumption), and this before the first release. Default: DeepSeek-V3's 671B (arXiv:2412.19437).
    double serving_model_params = 671e9;
    std::vector<financing_event> financing;       //!< in date order
    std::vector<cohort_revenue> revenue;          //!< per cohort
    bool operator==(const money_params&) const = default;

    /// True when the section asks for anything (financing, revenue or cash funding).
    [[nodiscard]] bool any() const { return capex == capex_funding::cash || !financing.empty() || !revenue.empty(); }
};

}  // namespace kardashev::sim

namespace kardashev::sim {

/// The run's money: cash flow, financing, revenue and serving (all zero without a `money` section).
struct money_summary {
    bool enabled = false;                    //!< the scenario has a money section that asks for anything
    double cash_end_usd = 0.0;               //!< [USD] cash at the end
    double equity_raised_usd = 0.0;          //!< [USD] starting cash and equity rounds
    double debt_drawn_usd = 0.0;             //!< [USD]
    double partner_capital_usd = 0.0;        //!< [USD]
    double revenue_usd = 0.0;                //!< [USD] all cohorts
    double partner_paid_usd = 0.0;           //!< [USD] partners' share of revenue
    double interest_usd = 0.0;               //!< [USD] paid on debt
    double capex_paid_usd = 0.0;             //!< [USD] capex paid during the run (the starting base excluded)
    double opex_paid_usd = 0.0;              //!< [USD] energy
    std::vector<std::pair<std::string, double>> revenue_by_cohort;  //!< cohort name, [USD]
    double npv_usd = 0.0;                    //!< [USD] of the operating flows (revenue - capex - opex - partners) at discount_rate
    std::optional<double> irr;               //!< [1/yr] of the yearly operating flows; empty when no rate zeroes their NPV
    std::optional<epoch> payback;            //!< end of the first step at which the cumulative operating flow, once negative, is >= 0
    std::optional<epoch> first_money_bound;  //!< first step whose build-out money cut; empty: never
    std::int64_t money_bound_steps = 0;      //!< steps whose build-out money cut
    double serving_accelerator_hours = 0.0;  //!< [h] accelerators serving
    bool operator==(const money_summary&) const = default;
};

}  // namespace kardashev::sim
