#pragma once
/// Straight-line depreciation of capital bought at different times, and its remaining book value (private to sim).

#include <algorithm>
#include <deque>

#include "kardashev/core/time.hpp"
#include "kardashev/economy/cost.hpp"

namespace kardashev::sim::detail {

/// A running charge rate and a queue of vintages that stop depreciating when their life ends.
struct depreciation_book {
    struct vintage {
        epoch expires;
        double rate_usd_per_s;
    };
    std::deque<vintage> vintages;
    double rate_usd_per_s = 0.0;
    double book_usd = 0.0;  // [USD] undepreciated book value: bought less charged

    /// Books `capex_usd` bought `at`, depreciated over `life`; nothing for a non-positive amount. The queue stays
    /// in expiry order (a vintage with a shorter life goes before longer-lived ones bought earlier).
    void buy(double capex_usd, epoch at, duration life) {
        if (capex_usd <= 0.0) return;
        const double rate = economy::depreciation_usd(capex_usd, life.seconds(), 1.0);
        const vintage v{at + life, rate};
        vintages.insert(std::upper_bound(vintages.begin(), vintages.end(), v,
                                         [](const vintage& a, const vintage& b) { return a.expires < b.expires; }),
                        v);
        rate_usd_per_s += rate;
        book_usd += capex_usd;
    }
    /// Depreciation charged over [t0, t1), vintages in expiry order; none is bought after t0.
    double charge(epoch t0, epoch t1) {
        double usd = 0.0;
        epoch cursor = t0;
        while (!vintages.empty() && vintages.front().expires < t1) {
            const auto expiring = vintages.front();
            const epoch until = std::max(expiring.expires, cursor);
            usd += rate_usd_per_s * (until - cursor).seconds();
            cursor = until;
            // Rates of very different sizes cancel with rounding: a running rate never goes below zero.
            rate_usd_per_s = std::max(0.0, rate_usd_per_s - expiring.rate_usd_per_s);
            vintages.pop_front();
        }
        if (vintages.empty()) rate_usd_per_s = 0.0;  // no drift from rounding
        usd += rate_usd_per_s * (t1 - cursor).seconds();
        book_usd = vintages.empty() ? 0.0 : std::max(book_usd - usd, 0.0);
        return usd;
    }
};

}  // namespace kardashev::sim::detail
