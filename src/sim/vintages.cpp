// A site's accelerators as vintages (docs/models/sim.md "Build-out": vintages).
#include "vintages.hpp"

#include <algorithm>

#include "kardashev/energy/facility.hpp"

namespace kardashev::sim::detail {

namespace {

/// Adds vintage `v`'s terms to its part's sums (a count below 0, a rounding remainder of a retirement, as 0).
void add_part_terms(std::vector<part_record>& parts, const vintage& v) {
    auto& part = parts[v.part];
    const double count = std::max(0.0, v.count);
    part.count += count;
    part.it_w += count * v.it_w_per_accelerator;
}

/// Adds vintage `v`'s terms to the sums of `stock` and of its part.
void add_terms(site_vintages& stock, const vintage& v) {
    stock.count += v.count;
    stock.facility_w += v.count * v.facility_w_per_accelerator;
    stock.it_w += v.count * v.it_w_per_accelerator;
    stock.peak_flops += v.count * v.peak_flops_per_accelerator;
    add_part_terms(stock.parts, v);
}

/// Part sums over a pass, made in locals over each run of consecutive vintages of one part (most of a site's vintages
/// are runs of its newest part) and added to the part's at the run's end: a store per vintage into `parts` would
/// cost a pass three times its time.
class part_sums {
public:
    /// Starts a pass: every part's sums at 0.
    explicit part_sums(std::vector<part_record>& parts) : m_parts(parts) {
        for (auto& p : parts) p.count = p.it_w = 0.0;
    }
    part_sums(const part_sums&) = delete;
    part_sums& operator=(const part_sums&) = delete;
    /// Ends the pass.
    ~part_sums() { flush(); }

    /// add_part_terms's terms for `v`.
    void add(const vintage& v) {
        if (v.part != m_part) {
            flush();
            m_part = v.part;
        }
        const double count = std::max(0.0, v.count);
        m_count += count;
        m_it_w += count * v.it_w_per_accelerator;
    }

private:
    void flush() {
        if (m_part < m_parts.size()) {
            m_parts[m_part].count += m_count;
            m_parts[m_part].it_w += m_it_w;
        }
        m_count = m_it_w = 0.0;
    }

    std::vector<part_record>& m_parts;
    std::size_t m_part = static_cast<std::size_t>(-1);
    double m_count = 0.0, m_it_w = 0.0;
};

/// The sums of site_vintages in locals: the compiler cannot keep `stock`'s own fields in registers while it writes
/// vintages (they might alias), and a store and reload per vintage was most of a pass's time.
struct sums {
    double count = 0.0, facility_w = 0.0, it_w = 0.0, peak_flops = 0.0;

    /// add_terms's additions, in its order.
    void add(const vintage& v) {
        count += v.count;
        facility_w += v.count * v.facility_w_per_accelerator;
        it_w += v.count * v.it_w_per_accelerator;
        peak_flops += v.count * v.peak_flops_per_accelerator;
    }
    void store(site_vintages& stock) const {
        stock.count = count;
        stock.facility_w = facility_w;
        stock.it_w = it_w;
        stock.peak_flops = peak_flops;
    }
};

/// Recomputes the sums of `stock` over its vintages in service, oldest first.
void tally(site_vintages& stock) {
    sums total;
    {
        part_sums by_part(stock.parts);
        for (const auto& v : stock.in_service) {
            total.add(v);
            by_part.add(v);
        }
    }
    total.store(stock);
}

enum class vintage_end { oldest, newest };

/// Takes `count` accelerators from one end of `in_service`, a vintage whole before the next, dropping the vintages it
/// empties; calls `on_taken(taken)` for each vintage's share in turn.
template <class Fn>
void take_from_end(std::deque<vintage>& in_service, double count, vintage_end end, Fn&& on_taken) {
    double left = count;
    while (left > 0.0 && !in_service.empty()) {
        auto& v = end == vintage_end::oldest ? in_service.front() : in_service.back();
        const double taken = std::min(left, v.count);
        v.count -= taken;
        left -= taken;
        on_taken(taken);
        if (v.count > 0.0) continue;
        if (end == vintage_end::oldest) in_service.pop_front();
        else in_service.pop_back();
    }
}

}  // namespace

const compute::accelerator& part_offer_cache::at(std::span<const compute::accelerator> catalogue, epoch when,
                                                 const compute::hardware_trend& trend) {
    const auto key = compute::part_offer_key(catalogue, when);
    if (m_key != key) {
        m_part = compute::part_of_key(catalogue, key, trend);
        m_key = key;
    }
    return m_part;
}

std::size_t offered_part(const scenario& input, const site& where, epoch at, const compute::hardware_trend& trend,
                         part_offer_cache& offers, site_vintages& stock) {
    if (where.purchase == purchase_policy::pinned || input.catalogue.empty()) return 0;  // parts[0]: the site's
    const auto& part = offers.at(input.catalogue, at, trend);
    for (std::size_t i = 0; i < stock.parts.size(); ++i)
        if (stock.parts[i].part.name == part.name) return i;
    stock.parts.push_back({part, 0.0});
    return stock.parts.size() - 1;
}

double facility_w_per_accelerator(const site& where, const compute::accelerator& part) {
    return energy::facility_power_w(part.all_in_power_w, where.facility.pue);
}

void add_vintage(site_vintages& stock, const site& where, std::size_t part, double count, epoch at, duration life) {
    if (!(count > 0.0)) return;
    auto& record = stock.parts[part];
    record.bought += count;
    stock.in_service.push_back({part, count, at, at + life, facility_w_per_accelerator(where, record.part),
                                record.part.all_in_power_w, record.part.peak_flops_bf16});
    stock.buying = part;
    add_terms(stock, stock.in_service.back());  // the sums in order with the newest last, as tally makes them
}

double retire_expired(site_vintages& stock, epoch at) {
    // All vintages share one life, so they retire in the order bought.
    double count = 0.0;
    while (!stock.in_service.empty() && stock.in_service.front().retires <= at) {
        count += stock.in_service.front().count;
        stock.in_service.pop_front();
    }
    stock.retired += count;
    stock.retired_at_end_of_life += count;
    if (count > 0.0) tally(stock);
    return count;
}

void retire_oldest(site_vintages& stock, double count) {
    take_from_end(stock.in_service, count, vintage_end::oldest, [&stock](double taken) { stock.retired += taken; });
    tally(stock);
}

void retire_to_power(site_vintages& stock, double cap_w) {
    if (!(stock.facility_w > cap_w && !stock.in_service.empty())) return;  // nothing retires: the sums stand
    while (stock.facility_w > cap_w && !stock.in_service.empty()) {
        auto& oldest = stock.in_service.front();
        const double taken = std::min(oldest.count, (stock.facility_w - cap_w) / oldest.facility_w_per_accelerator);
        oldest.count -= taken;
        stock.retired += taken;
        stock.facility_w -= taken * oldest.facility_w_per_accelerator;
        if (oldest.count > 0.0) break;
        stock.in_service.pop_front();
    }
    tally(stock);
}

failed_and_retired fail_then_retire(site_vintages& stock, double surviving, epoch at) {
    failed_and_retired out;
    const double before_w = stock.facility_w;
    // One pass: every vintage keeps its share; `all` are the sums after the failures (keep_share's), `kept` those of
    // the vintages left once the expired ones, a run at the front (all share one life), are retired (tally's).
    sums all, kept;
    std::size_t expired = 0;
    {
        part_sums by_part(stock.parts);
        bool at_front = true;
        for (auto& v : stock.in_service) {
            v.count *= surviving;
            all.add(v);
            if (at_front && v.retires <= at) {
                ++expired;
                out.retired += v.count;
                continue;
            }
            at_front = false;
            kept.add(v);
            by_part.add(v);
        }
    }
    stock.in_service.erase(stock.in_service.begin(), stock.in_service.begin() + static_cast<std::ptrdiff_t>(expired));
    stock.retired += out.retired;
    stock.retired_at_end_of_life += out.retired;
    // retire_expired recomputes the sums only when it retired some accelerators.
    (out.retired > 0.0 ? kept : all).store(stock);
    out.failed_freed_w = before_w - all.facility_w;
    out.count_after_failures = all.count;
    out.facility_w_after_failures = all.facility_w;
    return out;
}

double lose_newest(site_vintages& stock, double count) {
    const double before_w = stock.facility_w;
    take_from_end(stock.in_service, count, vintage_end::newest, [](double) {});
    tally(stock);
    return before_w - stock.facility_w;
}

const compute::accelerator& newest_part(const site_vintages& stock) {
    return stock.parts[stock.in_service.empty() ? stock.buying : stock.in_service.back().part].part;
}

}  // namespace kardashev::sim::detail
