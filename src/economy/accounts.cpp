#include "kardashev/economy/accounts.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::economy {

double cash_at_end(double start_usd, const std::vector<cash_period>& periods) {
    double cash = start_usd;
    for (const auto& p : periods) cash += p.inflow_usd - p.outflow_usd;
    return cash;
}

double npv_usd(double rate, const std::vector<dated_flow>& flows) {
    if (!(rate > -1.0)) throw domain_error(fmt::format("npv: expected a discount rate above -100 %, got {}", rate));
    double sum = 0.0;
    for (const auto& f : flows) sum += f.usd / std::pow(1.0 + rate, f.t_years);  // Brealey, Myers & Allen ch. 2
    return sum;
}

std::optional<double> irr(const std::vector<dated_flow>& flows) {
    double lo = -0.99;
    double hi = 100.0;
    double f_lo = npv_usd(lo, flows);
    const double f_hi = npv_usd(hi, flows);
    if (!(f_lo * f_hi < 0.0)) return std::nullopt;
    for (int i = 0; i < 200 && hi - lo > 1e-12; ++i) {
        const double mid = 0.5 * (lo + hi);
        const double f_mid = npv_usd(mid, flows);
        if ((f_mid < 0.0) == (f_lo < 0.0)) {
            lo = mid;
            f_lo = f_mid;
        } else {
            hi = mid;
        }
    }
    return 0.5 * (lo + hi);
}

std::optional<double> payback_years(const std::vector<dated_flow>& flows) {
    std::vector<dated_flow> sorted = flows;
    std::stable_sort(sorted.begin(), sorted.end(), [](const dated_flow& a, const dated_flow& b) { return a.t_years < b.t_years; });
    double cumulative = 0.0;
    bool below = false;
    for (const auto& f : sorted) {
        cumulative += f.usd;
        if (cumulative < 0.0) below = true;
        else if (below) return f.t_years;
    }
    return std::nullopt;
}

namespace {

void check_loan(double principal_usd, double rate_per_period, int periods) {
    if (periods < 1 || !(rate_per_period >= 0.0) || !(principal_usd >= 0.0))
        throw domain_error(fmt::format("annuity: expected a non-negative principal and rate and at least one period, got {}, {}, {}",
                                       principal_usd, rate_per_period, periods));
}

}  // namespace

double annuity_payment_usd(double principal_usd, double rate_per_period, int periods) {
    check_loan(principal_usd, rate_per_period, periods);
    if (rate_per_period == 0.0) return principal_usd / periods;
    return principal_usd * rate_per_period / (1.0 - std::pow(1.0 + rate_per_period, -periods));
}

std::vector<debt_row> annuity_schedule(double principal_usd, double rate_per_period, int periods) {
    const double payment = annuity_payment_usd(principal_usd, rate_per_period, periods);
    std::vector<debt_row> rows;
    rows.reserve(static_cast<std::size_t>(periods));
    double balance = principal_usd;
    for (int k = 0; k < periods; ++k) {
        debt_row r;
        r.interest_usd = rate_per_period * balance;
        r.principal_usd = k + 1 == periods ? balance : payment - r.interest_usd;
        balance -= r.principal_usd;
        r.balance_usd = balance;
        rows.push_back(r);
    }
    return rows;
}

double annuity_balance_usd(double principal_usd, double rate_per_period, int periods, int k) {
    check_loan(principal_usd, rate_per_period, periods);
    if (rate_per_period == 0.0) return principal_usd * (1.0 - static_cast<double>(k) / periods);
    const double gn = std::pow(1.0 + rate_per_period, periods);
    const double gk = std::pow(1.0 + rate_per_period, k);
    return principal_usd * (gn - gk) / (gn - 1.0);
}

}  // namespace kardashev::economy
