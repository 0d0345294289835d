#pragma once
/// Accelerators over time: the newest catalogue entry available at a date, and a trend extrapolation
/// past the last one (docs/models/compute.md "Accelerators over time").

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "kardashev/compute/accelerator.hpp"
#include "kardashev/core/time.hpp"

namespace kardashev::compute {

/// Doubling times of ML accelerator figures over time. Plain value type.
struct hardware_trend {
    double flops_doubling_years = 0.0;           //!< [yr] peak FLOP/s per accelerator
    double flops_per_usd_doubling_years = 0.0;   //!< [yr] peak FLOP/s per USD of price
    double flops_per_w_doubling_years = 0.0;     //!< [yr] peak FLOP/s per W of power
    double hbm_doubling_years = 0.0;             //!< [yr] memory capacity
    double hbm_bandwidth_doubling_years = 0.0;   //!< [yr] memory bandwidth
    std::string source;                          //!< citation of the doubling times
    bool operator==(const hardware_trend&) const = default;
};

/// Epoch AI's ML hardware trends (47 accelerators 2010-2023): FLOP/s 2.3 yr, FLOP/s per USD 2.1 yr,
/// FLOP/s per W 3.0 yr, memory capacity 4 yr, memory bandwidth 4.1 yr (Hobbhahn, Heim & Aydos 2023).
[[nodiscard]] hardware_trend epoch_ai_hardware_trend();

/// The entry of `catalogue` with the latest availability date not after `at` (on equal dates, the later
/// one in the list); entries without a date are skipped. Throws input_error when none is available by `at`.
[[nodiscard]] const accelerator& newest_available(std::span<const accelerator> catalogue, epoch at);

/// `last` carried forward to `at` along `trend`: FLOP/s, FLOP/s per USD, FLOP/s per W, HBM capacity and
/// bandwidth each grow as 2^(t / doubling time), t in Julian years since `last.available`; power (board
/// and all-in) and price follow from the ratios; scale-up, scale-out and matmul efficiency are kept.
/// Throws input_error when `last` has no date, `at` is before it, or a doubling time is not positive.
[[nodiscard]] accelerator extrapolated_accelerator(const accelerator& last, epoch at, const hardware_trend& trend);

/// The part a buyer gets at `at`: newest_available(catalogue, at) until one Julian year after the latest dated
/// entry (`last`); from then on `last` extrapolated along `trend` to last.available + k years, k the whole Julian
/// years elapsed, named "<last>+<k>y": one new part a year (assumption: NVIDIA's annual flagship cadence,
/// docs/models/compute.md "Part on offer"). Throws input_error as newest_available does.
[[nodiscard]] accelerator part_on_offer(std::span<const accelerator> catalogue, epoch at, const hardware_trend& trend);

/// What part_on_offer depends on the date through: the catalogue entry on offer or extrapolated (its index) and the
/// whole Julian years it is carried forward (-1: the entry itself). Dates with equal keys get equal parts.
struct offer_key {
    std::size_t entry = 0;
    std::int64_t years = -1;
    bool operator==(const offer_key&) const = default;
};

/// The key of part_on_offer(catalogue, at, trend); throws input_error as newest_available does.
[[nodiscard]] offer_key part_offer_key(std::span<const accelerator> catalogue, epoch at);

/// The part of `key` (part_offer_key over the same catalogue): part_on_offer at any date with that key.
[[nodiscard]] accelerator part_of_key(std::span<const accelerator> catalogue, const offer_key& key,
                                      const hardware_trend& trend);

}  // namespace kardashev::compute
