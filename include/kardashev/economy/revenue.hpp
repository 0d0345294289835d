#pragma once
/// Revenue of a product from its units in service: a paying share with a constant price elasticity and a
/// linear response to model quality (docs/models/economy.md "Revenue").

namespace kardashev::economy {

/// A product's price and demand response. Plain value type.
struct revenue_terms {
    double paying_share = 1.0;               //!< [-] share of units that pay, at the reference price
    double price_usd_per_s = 0.0;            //!< [USD/s] per paying unit
    double reference_price_usd_per_s = 0.0;  //!< [USD/s] the price the paying share is quoted at; 0: the price itself
    double price_elasticity = 0.0;           //!< [-] constant-elasticity demand: share x (price / reference)^-elasticity
    double quality_elasticity = 0.0;         //!< [-] revenue x (1 + elasticity q), q in [0, 1) the model quality
    bool operator==(const revenue_terms&) const = default;
};

/// Paying units [count] of `units` in service: units x min(1, share x (p / p_ref)^-e) (constant-elasticity demand,
/// Varian, "Intermediate Microeconomics", ch. 15). Throws domain_error for a negative price, share or units.
double paying_units(double units, const revenue_terms& terms);

/// Revenue rate [USD/s]: paying_units x price x (1 + quality_elasticity x quality) (the fleet's market-size form,
/// docs/models/fleet.md, applied to willingness to pay). Throws as paying_units.
double revenue_usd_per_s(double units, double quality, const revenue_terms& terms);

}  // namespace kardashev::economy
