#pragma once
/// A company's accounts: cash balance, net present value, internal rate of return, payback, and the
/// level-payment (annuity) debt schedule (docs/models/economy.md "Accounts").

#include <optional>
#include <vector>

namespace kardashev::economy {

/// A cash flow at a time. Plain value type.
struct dated_flow {
    double t_years = 0.0;  //!< [yr] time from the valuation date
    double usd = 0.0;      //!< [USD] inflow (+) or outflow (-)
    bool operator==(const dated_flow&) const = default;
};

/// A period's cash movements. Plain value type.
struct cash_period {
    double inflow_usd = 0.0;   //!< [USD] revenue, equity, debt drawn, partner capital (>= 0)
    double outflow_usd = 0.0;  //!< [USD] capex, opex, interest, principal repaid (>= 0)
    bool operator==(const cash_period&) const = default;
};

/// Cash [USD] at the end of `periods` from `start_usd`: start + sum of inflows - sum of outflows.
double cash_at_end(double start_usd, const std::vector<cash_period>& periods);

/// Net present value [USD] of `flows` at the annual `rate` (compounded yearly, continuous in t):
/// sum usd / (1 + rate)^t (Brealey, Myers & Allen, "Principles of Corporate Finance", ch. 2).
/// Throws domain_error for rate <= -1.
double npv_usd(double rate, const std::vector<dated_flow>& flows);

/// Internal rate of return [1/yr]: the rate at which npv_usd is 0, found by bisection on (-0.99, 100).
/// nullopt when the NPV keeps one sign over that range (no sign change in the flows, or no root there).
std::optional<double> irr(const std::vector<dated_flow>& flows);

/// Payback time [yr]: the first time the cumulative flow (in time order) reaches 0 from below, linear within
/// the flow that crosses it is not assumed (the time of that flow). nullopt when it never does.
std::optional<double> payback_years(const std::vector<dated_flow>& flows);

/// Level payment [USD per period] that repays `principal_usd` over `periods` at `rate_per_period`:
/// P r / (1 - (1 + r)^-n), P / n at r = 0 (the annuity formula). Throws domain_error for periods < 1
/// or a negative rate or principal.
double annuity_payment_usd(double principal_usd, double rate_per_period, int periods);

/// One period of a debt schedule. Plain value type.
struct debt_row {
    double interest_usd = 0.0;   //!< [USD] interest on the opening balance
    double principal_usd = 0.0;  //!< [USD] principal repaid
    double balance_usd = 0.0;    //!< [USD] balance at the end of the period
    bool operator==(const debt_row&) const = default;
};

/// The level-payment schedule of a loan, period by period: interest = r x opening balance, principal =
/// payment - interest. Throws as annuity_payment_usd.
std::vector<debt_row> annuity_schedule(double principal_usd, double rate_per_period, int periods);

/// Balance [USD] still owed after `k` of `periods` level payments (closed form):
/// P ((1 + r)^n - (1 + r)^k) / ((1 + r)^n - 1), P (1 - k / n) at r = 0.
double annuity_balance_usd(double principal_usd, double rate_per_period, int periods, int k);

}  // namespace kardashev::economy
