#pragma once
/// Straight-line depreciation of capital bought at different times, and its remaining book value (private to sim).

#include <algorithm>
#include <cstdint>
#include <deque>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/economy/cost.hpp"

namespace kardashev::sim::detail {

/// A running charge rate and the vintages that stop depreciating when their life ends, in one queue per life: a
/// queue's vintages are bought in time order, so each queue is in expiry order and a purchase appends to its queue
/// (one queue for all, kept sorted, inserted accelerators before the longer-lived facility bought earlier).
struct depreciation_book {
    struct vintage {
        epoch expires;
        double rate_usd_per_s;
        std::uint64_t order;  // purchases before it: the tie-break between equal expiries, the order bought
    };
    struct life_queue {
        duration life;
        std::deque<vintage> vintages;  // in expiry order
    };
    std::vector<life_queue> queues;
    std::uint64_t bought = 0;  // purchases booked
    double rate_usd_per_s = 0.0;
    double book_usd = 0.0;  // [USD] undepreciated book value: bought less charged

    /// Books `capex_usd` bought `at`, depreciated over `life`; nothing for a non-positive amount.
    void buy(double capex_usd, epoch at, duration life) {
        if (capex_usd <= 0.0) return;
        const double rate = economy::depreciation_usd(capex_usd, life.seconds(), 1.0);
        const vintage v{at + life, rate, bought++};
        auto& q = queue_of(life).vintages;
        if (q.empty() || !(v.expires < q.back().expires)) q.push_back(v);
        else q.insert(std::upper_bound(q.begin(), q.end(), v, before), v);  // bought out of time order
        rate_usd_per_s += rate;
        book_usd += capex_usd;
    }
    /// Depreciation charged over [t0, t1), vintages in expiry order; none is bought after t0.
    double charge(epoch t0, epoch t1) {
        double usd = 0.0;
        epoch cursor = t0;
        while (life_queue* q = first_expiring(t1)) {
            const auto expiring = q->vintages.front();
            const epoch until = std::max(expiring.expires, cursor);
            usd += rate_usd_per_s * (until - cursor).seconds();
            cursor = until;
            // Rates of very different sizes cancel with rounding: a running rate never goes below zero.
            rate_usd_per_s = std::max(0.0, rate_usd_per_s - expiring.rate_usd_per_s);
            q->vintages.pop_front();
        }
        const bool none = std::all_of(queues.begin(), queues.end(), [](const life_queue& l) { return l.vintages.empty(); });
        if (none) rate_usd_per_s = 0.0;  // no drift from rounding
        usd += rate_usd_per_s * (t1 - cursor).seconds();
        book_usd = none ? 0.0 : std::max(book_usd - usd, 0.0);
        return usd;
    }

private:
    static bool before(const vintage& a, const vintage& b) {
        return a.expires < b.expires || (a.expires == b.expires && a.order < b.order);
    }
    life_queue& queue_of(duration life) {
        for (auto& q : queues)
            if (q.life == life) return q;
        return queues.emplace_back(life_queue{life, {}});
    }
    /// The queue whose first vintage expires first, before `t1` (equal expiries in the order bought); null if none.
    life_queue* first_expiring(epoch t1) {
        life_queue* first = nullptr;
        for (auto& q : queues) {
            if (q.vintages.empty() || !(q.vintages.front().expires < t1)) continue;
            if (first == nullptr || before(q.vintages.front(), first->vintages.front())) first = &q;
        }
        return first;
    }
};

}  // namespace kardashev::sim::detail
