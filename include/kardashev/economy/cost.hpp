#pragma once
/// Capital and operating cost accounting, cost per GPU-hour, and the Kardashev index.

namespace kardashev::economy {

/// Straight-line depreciation charge [USD] of `capex_usd` over `life_s` for a step of `dt_s`.
double depreciation_usd(double capex_usd, double life_s, double dt_s);

/// Cost per accelerator-hour [USD/h]: (depreciation + opex) / accelerator-hours. Returns 0 for no hours.
double cost_per_accelerator_hour(double depreciation_usd, double opex_usd, double accelerator_hours);

/// Kardashev index, Sagan's interpolation K = (log10 P[W] - 6) / 10 (Sagan 1973, "The Cosmic
/// Connection"). Throws domain_error for P <= 0.
double kardashev_index(double power_w);

}  // namespace kardashev::economy
