#pragma once
/// Wright's law for launch price in cumulative mass launched. See docs/models/logistics.md.

namespace kardashev::logistics {

/// p(M) = p0 (M / M0)^log2(1 - LR). Plain value type; defaults are Suncatcher sec. 2.4 / 4.4.
struct wright_curve {
    double p0_usd_per_kg = 1800.0;          //!< [USD/kg] price at the reference point (Falcon Heavy)
    double m0_kg = 400.0e3;                 //!< [kg] cumulative mass at the reference point (400 t)
    double learning_rate = 0.20;            //!< [-] price drop per doubling of cumulative mass
    bool operator==(const wright_curve&) const = default;
};

/// Exponent b = log2(1 - LR) (< 0).
double wright_exponent(const wright_curve& c);

/// Price [USD/kg] after `cumulative_kg` launched in all: p0 (M / M0)^b.
double wright_price_usd_per_kg(const wright_curve& c, double cumulative_kg);

/// Cumulative mass [kg] at which the price reaches `price_usd_per_kg`: M0 (p / p0)^(1/b).
double wright_mass_for_price_kg(const wright_curve& c, double price_usd_per_kg);

/// Money [USD] to launch the mass between cumulative m1_kg and m2_kg: integral of p(M) dM.
double wright_cost_usd(const wright_curve& c, double m1_kg, double m2_kg);

}  // namespace kardashev::logistics
