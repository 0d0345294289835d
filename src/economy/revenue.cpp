#include "kardashev/economy/revenue.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::economy {

double paying_units(double units, const revenue_terms& terms) {
    if (!(units >= 0.0) || !(terms.paying_share >= 0.0) || !(terms.price_usd_per_s >= 0.0))
        throw domain_error(fmt::format("revenue: expected non-negative units, paying share and price, got {}, {}, {}", units,
                                       terms.paying_share, terms.price_usd_per_s));
    const double reference = terms.reference_price_usd_per_s > 0.0 ? terms.reference_price_usd_per_s : terms.price_usd_per_s;
    if (!(reference > 0.0)) return 0.0;
    // Constant-elasticity demand (Varian ch. 15): the share scales with (p / p_ref)^-e, capped at every unit.
    const double ratio = terms.price_usd_per_s / reference;
    const double share = ratio > 0.0 ? terms.paying_share * std::pow(ratio, -terms.price_elasticity) : terms.paying_share;
    return units * std::min(1.0, share);
}

double revenue_usd_per_s(double units, double quality, const revenue_terms& terms) {
    return paying_units(units, terms) * terms.price_usd_per_s * (1.0 + terms.quality_elasticity * quality);
}

}  // namespace kardashev::economy
