// Stage 14 (money): the company's cash: financing, revenue, capex, energy opex, debt service and partners' share;
// the next step's budget when capex is funded by cash (docs/models/sim.md "Serving and money", docs/flywheel.md).
#include <algorithm>
#include <cmath>

#include "kardashev/economy/accounts.hpp"
#include "kardashev/economy/revenue.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// Books every financing event dated before `until`: equity and partners' capital as cash, a loan drawn up to the
/// leverage cap (debt outstanding <= cap x equity raised) and repaid in level payments, one per step, over its term.
void book_financing(const scenario& input, epoch until, money_state& money) {
    const auto& events = input.money.financing;
    const double step_years = input.step.seconds() / constants::julian_year_s;
    for (; money.next_financing < events.size() && events[money.next_financing].date < until; ++money.next_financing) {
        const auto& event = events[money.next_financing];
        switch (event.kind) {
            case financing_kind::equity:
                money.cash_usd += event.amount_usd;
                money.equity_usd += event.amount_usd;
                break;
            case financing_kind::partnership:
                money.cash_usd += event.amount_usd;
                money.partner_capital_usd += event.amount_usd;
                money.partner_share = std::min(1.0, money.partner_share + event.revenue_share);
                break;
            case financing_kind::debt: {
                double outstanding = 0.0;
                for (const auto& l : money.loans) outstanding += l.balance_usd;
                const double drawn = std::clamp(input.money.leverage_cap * money.equity_usd - outstanding, 0.0, event.amount_usd);
                if (!(drawn > 0.0)) break;
                loan l;
                l.balance_usd = drawn;
                l.rate_per_step = event.rate * step_years;
                l.steps_left = std::max<std::int64_t>(1, event.term.ns() / input.step.ns());
                l.payment_usd = economy::annuity_payment_usd(drawn, l.rate_per_step, static_cast<int>(l.steps_left));
                money.loans.push_back(l);
                money.cash_usd += drawn;
                money.debt_drawn_usd += drawn;
                break;
            }
        }
    }
}

/// One step's payment on every loan (interest on the opening balance, the rest principal); returns what was paid.
double service_debt(money_state& money) {
    double paid = 0.0;
    for (auto& l : money.loans) {
        if (l.steps_left <= 0) continue;
        const double interest = l.rate_per_step * l.balance_usd;
        const double principal = l.steps_left == 1 ? l.balance_usd : l.payment_usd - interest;
        l.balance_usd -= principal;
        --l.steps_left;
        money.interest_usd += interest;
        paid += interest + principal;
    }
    return paid;
}

double debt_outstanding(const money_state& money) {
    double debt = 0.0;
    for (const auto& l : money.loans) debt += l.balance_usd;
    return debt;
}

/// The step's revenue of every row [USD], each cohort at its quality and the share of its serving demand served.
double book_revenue(const step_clock& clock, const scenario& input, const fleet_state& cohorts,
                    const serving_state& serving, money_state& money) {
    double total = 0.0;
    for (std::size_t r = 0; r < input.money.revenue.size(); ++r) {
        const auto& row = input.money.revenue[r];
        const std::size_t c = serving.cohort[r];
        const double served = row.serving_tokens_per_s > 0.0 ? serving.served_share : 1.0;
        const double usd = economy::revenue_usd_per_s(cohorts.units[c], cohort_quality(cohorts, c), row.terms) * served * clock.dt_s;
        money.cohort_revenue_usd[r] += usd;
        total += usd;
    }
    return total;
}

/// Adds a step's operating flow to its year from the start (dated at that year's end) and tracks the payback.
void book_operating(const step_clock& clock, const scenario& input, double flow_usd, money_state& money) {
    const auto year = static_cast<std::size_t>((clock.start - input.start).seconds() / constants::julian_year_s);
    while (money.operating.size() <= year) money.operating.push_back({static_cast<double>(money.operating.size() + 1), 0.0});
    money.operating[year].usd += flow_usd;
    money.cumulative_usd += flow_usd;
    if (money.cumulative_usd < 0.0) money.was_negative = true;
    else if (money.was_negative && !money.payback) money.payback = clock.end;
}

void set_budget(const scenario& input, const money_state& money, buildout_state& plants) {
    if (input.money.capex == capex_funding::cash) plants.budget_unspent_usd = std::max(0.0, money.cash_usd);
}

}  // namespace

money_state start_money(const scenario& input, const economy_state& books, const energy_state& energy,
                        buildout_state& plants, recorder& recording) {
    money_state money;
    money.enabled = input.money.any();
    if (!money.enabled) return money;
    money.cash_usd = money.equity_usd = input.money.cash_usd;
    money.booked_capex_usd = books.total_capex_usd;  // the installed base at the start is taken as built and paid
    money.booked_opex_usd = energy.total_opex_usd;
    money.cohort_revenue_usd.assign(input.money.revenue.size(), 0.0);
    book_financing(input, input.start + input.step, money);
    set_budget(input, money, plants);
    auto& channels = money.channels;
    channels.cash = recording.add_channel("money", "cash", "USD");
    channels.debt = recording.add_channel("money", "debt", "USD");
    channels.equity = recording.add_channel("money", "equity_raised", "USD");
    channels.revenue = recording.add_channel("money", "revenue_cumulative", "USD");
    channels.interest = recording.add_channel("money", "interest_cumulative", "USD");
    channels.bound = recording.add_channel("money", "money_bound", "1 when the build-out's spending was cut by money");
    for (const auto& row : input.money.revenue) channels.cohorts.push_back(recording.add_channel("revenue", row.cohort, "USD"));
    return money;
}

void money_stage(const step_clock& clock, const scenario& input, const fleet_state& cohorts,
                 const serving_state& serving, const buildout_step& bought, const economy_state& books,
                 const energy_state& energy, buildout_state& plants, money_state& money, recorder& recording) {
    if (!money.enabled) return;
    const double revenue = book_revenue(clock, input, cohorts, serving, money);
    const double partners = money.partner_share * revenue;
    const double capex = books.total_capex_usd - money.booked_capex_usd;
    const double opex = energy.total_opex_usd - money.booked_opex_usd;
    money.booked_capex_usd = books.total_capex_usd;
    money.booked_opex_usd = energy.total_opex_usd;
    const double debt_service = service_debt(money);
    money.cash_usd += revenue - partners - capex - opex - debt_service;  // cash end = start + in - out
    money.revenue_usd += revenue;
    money.partner_paid_usd += partners;
    money.capex_usd += capex;
    money.opex_usd += opex;
    book_operating(clock, input, revenue - partners - capex - opex, money);
    if (bought.any_money_limited) {
        if (!money.first_money_bound) money.first_money_bound = clock.start;
        ++money.money_bound_steps;
    }
    book_financing(input, clock.end + input.step, money);  // what arrives within the next step funds it
    set_budget(input, money, plants);
    const auto& channels = money.channels;
    recording.record(clock.index, channels.cash, money.cash_usd);
    recording.record(clock.index, channels.debt, debt_outstanding(money));
    recording.record(clock.index, channels.equity, money.equity_usd);
    recording.record(clock.index, channels.revenue, money.revenue_usd);
    recording.record(clock.index, channels.interest, money.interest_usd);
    recording.record(clock.index, channels.bound, bought.any_money_limited ? 1.0 : 0.0);
    for (std::size_t r = 0; r < channels.cohorts.size(); ++r) recording.record(clock.index, channels.cohorts[r], money.cohort_revenue_usd[r]);
}

void summarise_money(const scenario& input, const serving_state& serving, const money_state& money, run_summary& summary) {
    auto& out = summary.money;
    out.enabled = money.enabled;
    if (!money.enabled) return;
    out.cash_end_usd = money.cash_usd;
    out.equity_raised_usd = money.equity_usd;
    out.debt_drawn_usd = money.debt_drawn_usd;
    out.partner_capital_usd = money.partner_capital_usd;
    out.revenue_usd = money.revenue_usd;
    out.partner_paid_usd = money.partner_paid_usd;
    out.interest_usd = money.interest_usd;
    out.capex_paid_usd = money.capex_usd;
    out.opex_paid_usd = money.opex_usd;
    for (std::size_t r = 0; r < input.money.revenue.size(); ++r)
        out.revenue_by_cohort.emplace_back(input.money.revenue[r].cohort, money.cohort_revenue_usd[r]);
    out.npv_usd = economy::npv_usd(input.money.discount_rate, money.operating);
    out.irr = economy::irr(money.operating);
    out.payback = money.payback;
    out.first_money_bound = money.first_money_bound;
    out.money_bound_steps = money.money_bound_steps;
    out.serving_accelerator_hours = serving.accelerator_hours;
}

}  // namespace kardashev::sim::detail
