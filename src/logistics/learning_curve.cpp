#include "kardashev/logistics/learning_curve.hpp"

#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/require.hpp"

namespace kardashev::logistics {
namespace {

void require_curve(const wright_curve& c) {
    require_positive("learning curve", "reference price [USD/kg]", c.p0_usd_per_kg);
    require_positive("learning curve", "reference cumulative mass [kg]", c.m0_kg);
    if (!(c.learning_rate > 0.0 && c.learning_rate < 1.0))
        throw input_error(fmt::format("learning curve: expected a learning rate in (0, 1), got {:g}", c.learning_rate));
}

}  // namespace

double wright_exponent(const wright_curve& c) {
    require_curve(c);
    return std::log2(1.0 - c.learning_rate);  // Wright 1936: each doubling multiplies the price by (1 - LR)
}

double wright_price_usd_per_kg(const wright_curve& c, double cumulative_kg) {
    const double b = wright_exponent(c);
    require_positive("learning curve", "cumulative mass [kg]", cumulative_kg);
    return c.p0_usd_per_kg * std::pow(cumulative_kg / c.m0_kg, b);  // p(M) = p0 (M/M0)^b (Suncatcher sec. 4.4)
}

double wright_mass_for_price_kg(const wright_curve& c, double price_usd_per_kg) {
    const double b = wright_exponent(c);
    require_positive("learning curve", "price [USD/kg]", price_usd_per_kg);
    return c.m0_kg * std::pow(price_usd_per_kg / c.p0_usd_per_kg, 1.0 / b);  // p(M) inverted
}

double wright_cost_usd(const wright_curve& c, double m1_kg, double m2_kg) {
    const double b = wright_exponent(c);
    require_positive("learning curve", "cumulative mass [kg]", m1_kg);
    if (!(m2_kg >= m1_kg))
        throw input_error(fmt::format("learning curve: expected an end mass >= the start mass {:g} kg, got {:g} kg", m1_kg, m2_kg));
    // integral of p0 (M/M0)^b dM = p0 M0 / (b + 1) [(M/M0)^(b+1)] from m1 to m2 (b = -1, LR = 50 %: the logarithm)
    if (std::fabs(b + 1.0) < 1e-12) return c.p0_usd_per_kg * c.m0_kg * std::log(m2_kg / m1_kg);
    return c.p0_usd_per_kg * c.m0_kg / (b + 1.0) *
           (std::pow(m2_kg / c.m0_kg, b + 1.0) - std::pow(m1_kg / c.m0_kg, b + 1.0));
}

}  // namespace kardashev::logistics
