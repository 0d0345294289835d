// A site's accelerators as vintages (docs/models/sim.md "Build-out": vintages).
#include "vintages.hpp"

#include <algorithm>

#include "kardashev/energy/facility.hpp"

namespace kardashev::sim::detail {

namespace {

/// Scalings and subtractions the sums take before they are recomputed: each moves them by a rounding of about one
/// part in 2^53 of their size, so they drift by less than about 1e-13 of it.
constexpr std::size_t max_kept_changes = 512;
/// The scale below which it is folded into the counts (so that a purchase's count / scale stays finite).
constexpr double min_scale = 1e-200;

/// Adds the terms of vintage `v`, `count` of it in service, to the sums of `stock` and of its part (a count below 0,
/// a rounding remainder of a retirement, as 0 in the part's).
void add_terms(site_vintages& stock, const vintage& v, double count) {
    stock.count += count;
    stock.facility_w += count * v.facility_w_per_accelerator;
    stock.it_w += count * v.it_w_per_accelerator;
    stock.peak_flops += count * v.peak_flops_per_accelerator;
    auto& part = stock.parts[v.part];
    const double kept = std::max(0.0, count);
    part.count += kept;
    part.it_w += kept * v.it_w_per_accelerator;
    ++part.vintages;
}

/// Subtracts add_terms's terms of vintage `v`, `count` of it in service; a part left with no vintage sums to 0.
void subtract_terms(site_vintages& stock, const vintage& v, double count) {
    stock.count -= count;
    stock.facility_w -= count * v.facility_w_per_accelerator;
    stock.it_w -= count * v.it_w_per_accelerator;
    stock.peak_flops -= count * v.peak_flops_per_accelerator;
    auto& part = stock.parts[v.part];
    const double kept = std::max(0.0, count);
    part.count -= kept;
    part.it_w -= kept * v.it_w_per_accelerator;
    if (--part.vintages == 0) part.count = part.it_w = 0.0;
    ++stock.kept_changes;
}

/// Scales the sums of `stock` and of every part by `share`.
void scale_sums(site_vintages& stock, double share) {
    stock.count *= share;
    stock.facility_w *= share;
    stock.it_w *= share;
    stock.peak_flops *= share;
    for (auto& p : stock.parts) {
        p.count *= share;
        p.it_w *= share;
    }
    ++stock.kept_changes;
}

/// Folds the scale of `stock` into its vintages' counts: each count is then in service as written.
void fold_scale(site_vintages& stock) {
    if (stock.scale == 1.0) return;
    for (auto& v : stock.in_service) v.count *= stock.scale;
    stock.scale = 1.0;
}

/// Part sums over a pass, made in locals over each run of consecutive vintages of one part (most of a site's vintages
/// are runs of its newest part) and added to the part's at the run's end: a store per vintage into `parts` would
/// cost a pass three times its time.
class part_sums {
public:
    /// Starts a pass: every part's sums at 0.
    explicit part_sums(std::vector<part_record>& parts) : m_parts(parts) {
        for (auto& p : parts) {
            p.count = p.it_w = 0.0;
            p.vintages = 0;
        }
    }
    part_sums(const part_sums&) = delete;
    part_sums& operator=(const part_sums&) = delete;
    /// Ends the pass.
    ~part_sums() { flush(); }

    /// add_terms's part terms for `v` (its count as written: the stock's scale folded).
    void add(const vintage& v) {
        if (v.part != m_part) {
            flush();
            m_part = v.part;
        }
        const double count = std::max(0.0, v.count);
        m_count += count;
        m_it_w += count * v.it_w_per_accelerator;
        ++m_vintages;
    }

private:
    void flush() {
        if (m_part < m_parts.size()) {
            m_parts[m_part].count += m_count;
            m_parts[m_part].it_w += m_it_w;
            m_parts[m_part].vintages += m_vintages;
        }
        m_count = m_it_w = 0.0;
        m_vintages = 0;
    }

    std::vector<part_record>& m_parts;
    std::size_t m_part = static_cast<std::size_t>(-1);
    double m_count = 0.0, m_it_w = 0.0;
    std::size_t m_vintages = 0;
};

/// The sums of site_vintages in locals: the compiler cannot keep `stock`'s own fields in registers while it writes
/// vintages (they might alias), and a store and reload per vintage was most of a pass's time.
struct sums {
    double count = 0.0, facility_w = 0.0, it_w = 0.0, peak_flops = 0.0;

    /// add_terms's additions, in its order (the count as written: the stock's scale folded).
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

/// Recomputes the sums of `stock` over its vintages in service, oldest first, its scale folded.
void tally(site_vintages& stock) {
    fold_scale(stock);
    stock.kept_changes = 0;
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

/// After kept changes: sums of 0 exactly when no vintage is in service, recomputed after max_kept_changes or when
/// the scale is about to underflow.
void settle(site_vintages& stock) {
    if (stock.in_service.empty()) {
        tally(stock);  // every sum 0, the scale 1
        return;
    }
    if (stock.kept_changes >= max_kept_changes || stock.scale < min_scale) tally(stock);
}

/// Retires the run of vintages at the front whose life has ended by `at` (all share one life, so they retire in the
/// order bought), subtracting their terms; returns how many accelerators.
double retire_front(site_vintages& stock, epoch at) {
    double count = 0.0;
    while (!stock.in_service.empty() && stock.in_service.front().retires <= at) {
        const auto& v = stock.in_service.front();
        const double in_service = v.count * stock.scale;
        count += in_service;
        subtract_terms(stock, v, in_service);
        stock.in_service.pop_front();
    }
    stock.retired += count;
    stock.retired_at_end_of_life += count;
    return count;
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
    stock.in_service.push_back({part, count / stock.scale, at, at + life, facility_w_per_accelerator(where, record.part),
                                record.part.all_in_power_w, record.part.peak_flops_bf16});
    stock.buying = part;
    add_terms(stock, stock.in_service.back(), count);  // the sums in order with the newest last, as tally makes them
}

double retire_expired(site_vintages& stock, epoch at) {
    const double count = retire_front(stock, at);
    if (count > 0.0) settle(stock);
    return count;
}

void retire_oldest(site_vintages& stock, double count) {
    fold_scale(stock);
    take_from_end(stock.in_service, count, vintage_end::oldest, [&stock](double taken) { stock.retired += taken; });
    tally(stock);
}

void retire_to_power(site_vintages& stock, double cap_w) {
    if (!(stock.facility_w > cap_w && !stock.in_service.empty())) return;  // nothing retires: the sums stand
    fold_scale(stock);
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
    stock.scale *= surviving;
    scale_sums(stock, surviving);
    out.failed_freed_w = before_w - stock.facility_w;
    out.count_after_failures = stock.count;
    out.facility_w_after_failures = stock.facility_w;
    out.retired = retire_front(stock, at);
    settle(stock);
    return out;
}

double lose_newest(site_vintages& stock, double count) {
    const double before_w = stock.facility_w;
    fold_scale(stock);
    take_from_end(stock.in_service, count, vintage_end::newest, [](double) {});
    tally(stock);
    return before_w - stock.facility_w;
}

const compute::accelerator& newest_part(const site_vintages& stock) {
    return stock.parts[stock.in_service.empty() ? stock.buying : stock.in_service.back().part].part;
}

}  // namespace kardashev::sim::detail
