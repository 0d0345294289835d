#pragma once
// The states of stages 13 (serving) and 14 (money) (private to sim; stages.hpp declares the stages).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/economy/accounts.hpp"

namespace kardashev::sim::detail {

using channel_id = std::uint32_t;  // as stages.hpp: an index into recorder::channels()

// --- 13. serving

/// Serving's channels: serving demand_accelerators, accelerators, served_share; site/NAME/serving_accelerators.
struct serving_channels {
    channel_id demand = 0, accelerators = 0, served = 0;
    std::vector<channel_id> sites;
};

struct serving_state {
    bool enabled = false;                  // some cohort has a serving demand or a revenue row
    std::vector<std::size_t> cohort;       // per revenue row: its cohort's index
    std::vector<double> accelerators;      // per site: accelerators serving, taken from the next step's training
    std::vector<char> dedicated;           // per site: serving-only (sites[].serving_only), never trains
    std::vector<double> tokens_per_s;      // per site: output tokens/s per accelerator of its newest part
    std::vector<std::string> rate_part;    // per site: the part tokens_per_s was computed for
    double rate_params = 0.0;              // the model size tokens_per_s was computed for
    double served_share = 1.0;             // [-] of the last step's demand the sites served
    double accelerator_hours = 0.0;        // [h] serving, whole run
    serving_channels channels;
};

// --- 14. money

/// A loan being repaid in level payments, one per step.
struct loan {
    double balance_usd = 0.0;
    double rate_per_step = 0.0;
    double payment_usd = 0.0;
    std::int64_t steps_left = 0;
};

/// money cash, debt, equity_raised, revenue_cumulative, interest_cumulative, money_bound; revenue/NAME per revenue row.
struct money_channels {
    channel_id cash = 0, debt = 0, equity = 0, revenue = 0, interest = 0, bound = 0;
    std::vector<channel_id> cohorts;
};

struct money_state {
    bool enabled = false;
    double cash_usd = 0.0;
    double equity_usd = 0.0;               // raised, starting cash included
    double debt_drawn_usd = 0.0;           // [USD] drawn, whole run
    double partner_capital_usd = 0.0;      // [USD]
    double partner_share = 0.0;            // [-] of revenue owed to partners now
    double revenue_usd = 0.0, partner_paid_usd = 0.0, interest_usd = 0.0, opex_usd = 0.0, capex_usd = 0.0;
    std::vector<double> cohort_revenue_usd;  // per revenue row
    std::vector<loan> loans;
    std::size_t next_financing = 0;        // index of the first financing event not yet booked
    double booked_capex_usd = 0.0, booked_opex_usd = 0.0;  // the economy's totals already paid for
    std::vector<economy::dated_flow> operating;  // per year from the start: revenue - capex - opex - partners, at its end
    double cumulative_usd = 0.0;                 // [USD] operating flow so far
    bool was_negative = false;                   // the cumulative operating flow has been below 0
    std::optional<epoch> payback;                // end of the step at which it came back to >= 0
    std::optional<epoch> first_money_bound;      // first step whose build-out money cut
    std::int64_t money_bound_steps = 0;
    money_channels channels;
};

}  // namespace kardashev::sim::detail
