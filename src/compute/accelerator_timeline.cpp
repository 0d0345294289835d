#include "kardashev/compute/accelerator_timeline.hpp"

#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"

namespace kardashev::compute {

hardware_trend epoch_ai_hardware_trend() {
    // Hobbhahn, Heim & Aydos, "Trends in Machine Learning Hardware", Epoch AI, Nov 2023
    // (epochai.org/blog/trends-in-machine-learning-hardware; research/trajectory.md sec. 2): fits over 47 ML
    // accelerators 2010-2023.
    return {
        .flops_doubling_years = 2.3,
        .flops_per_usd_doubling_years = 2.1,
        .flops_per_w_doubling_years = 3.0,
        .hbm_doubling_years = 4.0,
        .hbm_bandwidth_doubling_years = 4.1,
        .source = "Hobbhahn, Heim & Aydos, \"Trends in Machine Learning Hardware\", Epoch AI, Nov 2023 "
                  "(epochai.org/blog/trends-in-machine-learning-hardware): doubling times FLOP/s 2.3 yr, "
                  "FLOP/s per USD 2.1 yr, FLOP/s per W 3.0 yr, memory capacity 4 yr, memory bandwidth 4.1 yr",
    };
}

const accelerator& newest_available(std::span<const accelerator> catalogue, epoch at) {
    const accelerator* newest = nullptr;
    const accelerator* earliest = nullptr;
    for (const auto& a : catalogue) {
        if (!a.available) continue;
        if (earliest == nullptr || *a.available < *earliest->available) earliest = &a;
        if (*a.available <= at && (newest == nullptr || *a.available >= *newest->available)) newest = &a;
    }
    if (newest != nullptr) return *newest;
    if (earliest == nullptr) {
        throw input_error(fmt::format("no accelerator available at {}: no catalogue entry has an availability date",
                                      at.to_utc_date()));
    }
    throw input_error(fmt::format("no accelerator available at {}: the earliest, {}, is available from {}",
                                  at.to_utc_date(), earliest->name, earliest->available->to_utc_date()));
}

namespace {

void require_positive_doubling(double years, const char* what) {
    if (!(years > 0.0)) {
        throw input_error(fmt::format("hardware trend: expected a positive {} doubling time, got {} yr", what, years));
    }
}

}  // namespace

accelerator extrapolated_accelerator(const accelerator& last, epoch at, const hardware_trend& trend) {
    if (!last.available) {
        throw input_error(fmt::format("cannot extrapolate from {}: it has no availability date", last.name));
    }
    if (at < *last.available) {
        throw input_error(fmt::format("cannot extrapolate {} back to {}: it is available from {}", last.name,
                                      at.to_utc_date(), last.available->to_utc_date()));
    }
    require_positive_doubling(trend.flops_doubling_years, "FLOP/s");
    require_positive_doubling(trend.flops_per_usd_doubling_years, "FLOP/s per USD");
    require_positive_doubling(trend.flops_per_w_doubling_years, "FLOP/s per W");
    require_positive_doubling(trend.hbm_doubling_years, "memory capacity");
    require_positive_doubling(trend.hbm_bandwidth_doubling_years, "memory bandwidth");
    if (at == *last.available) return last;

    const double years = (at - *last.available).seconds() / constants::julian_year_s;
    const auto growth = [years](double doubling_years) { return std::exp2(years / doubling_years); };
    const double flops_growth = growth(trend.flops_doubling_years);
    // Price and power follow from FLOP/s over FLOP/s per USD and per W: X_peak / (X_peak / P) = P.
    const double price_growth = flops_growth / growth(trend.flops_per_usd_doubling_years);
    const double power_growth = flops_growth / growth(trend.flops_per_w_doubling_years);

    accelerator out = last;
    out.name = fmt::format("{}-trend-{}", last.name, at.to_utc_date());
    out.available = at;
    out.peak_flops_bf16 = last.peak_flops_bf16 * flops_growth;
    out.price_usd = last.price_usd * price_growth;
    out.power_w = last.power_w * power_growth;
    out.all_in_power_w = last.all_in_power_w * power_growth;
    out.hbm_bytes = last.hbm_bytes * growth(trend.hbm_doubling_years);
    out.hbm_bandwidth_bytes_per_s = last.hbm_bandwidth_bytes_per_s * growth(trend.hbm_bandwidth_doubling_years);
    out.source = fmt::format("extrapolated from {} ({}) to {} along {}", last.name, last.available->to_utc_date(),
                             at.to_utc_date(), trend.source);
    return out;
}

offer_key part_offer_key(std::span<const accelerator> catalogue, epoch at) {
    const accelerator* last = nullptr;  // the latest dated entry (on equal dates, the later one in the list)
    for (const auto& a : catalogue)
        if (a.available && (last == nullptr || *a.available >= *last->available)) last = &a;
    if (last == nullptr || at < *last->available + duration::from_seconds(constants::julian_year_s))
        return {static_cast<std::size_t>(&newest_available(catalogue, at) - catalogue.data()), -1};
    // Past the catalogue, one extrapolated flagship a year (assumption: NVIDIA's cadence since 2024 of a new
    // architecture every ~2 years with an "Ultra" refresh between, one flagship a year; research/trajectory.md 1a).
    const auto whole_years = static_cast<std::int64_t>(std::floor((at - *last->available).seconds() / constants::julian_year_s));
    return {static_cast<std::size_t>(last - catalogue.data()), whole_years};
}

accelerator part_of_key(std::span<const accelerator> catalogue, const offer_key& key, const hardware_trend& trend) {
    const accelerator& entry = catalogue[key.entry];
    if (key.years < 0) return entry;
    const epoch dated = *entry.available + duration::from_seconds(static_cast<double>(key.years) * constants::julian_year_s);
    accelerator part = extrapolated_accelerator(entry, dated, trend);
    part.name = fmt::format("{}+{}y", entry.name, key.years);
    return part;
}

accelerator part_on_offer(std::span<const accelerator> catalogue, epoch at, const hardware_trend& trend) {
    return part_of_key(catalogue, part_offer_key(catalogue, at), trend);
}

}  // namespace kardashev::compute
