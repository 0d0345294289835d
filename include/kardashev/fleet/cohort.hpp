#pragma once
/// Fleet cohorts: data sources with logistic growth or a production ramp, raw data, upload triggers and curation.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/logistics/price_path.hpp"

namespace kardashev::fleet {

/// A value that steps to `value` at `at` and holds until the next point (logistics/price_path.hpp).
using dated_value = logistics::dated_value;

/// What a cohort's units are.
enum class cohort_kind : std::uint8_t { vehicle, robotaxi, humanoid, factory, eo_satellite, social };

/// "vehicle", "robotaxi", "humanoid", "factory", "eo_satellite" or "social".
[[nodiscard]] std::string_view to_string(cohort_kind kind) noexcept;

/// One cohort of data sources (cars, robotaxis, humanoid robots, factories, EO satellites, a social
/// text platform). Plain value type; rates in SI. The figures that change over time are piecewise-constant
/// schedules (0 before their first point; io writes a constant as one point at the scenario start).
struct cohort {
    std::string name;                        //!< unique name, e.g. "cars"
    cohort_kind kind = cohort_kind::vehicle; //!< what the units are
    double units = 0.0;                      //!< [count] units in service at the scenario start, or at `start` when later
    std::vector<dated_value> market_size;           //!< [count] logistic cap K0 before quality feedback
    std::vector<dated_value> growth_rate_per_s;     //!< [1/s] logistic intrinsic growth rate r
    std::vector<dated_value> production_per_s;      //!< [1/s] units added; non-empty: a production ramp, not logistic growth
    duration service_life;                          //!< production ramp: a unit retires this long after it is added; zero: never
    std::vector<dated_value> raw_bytes_per_unit_s;  //!< [B/s] raw data produced per unit
    std::vector<dated_value> upload_fraction;       //!< [-] share of raw data that triggers select for upload
    std::vector<dated_value> curation_yield;        //!< [-] share of uploaded bytes kept after curation
    double tokens_per_byte = 0.0;            //!< [tokens/B] training tokens per curated byte
    double quality_elasticity = 0.0;         //!< [-] market-size response to model quality, see market_size()
    std::optional<epoch> start;              //!< the product's launch: no units before it; none: in service from the start
    std::optional<epoch> end;                //!< the product's retirement: every unit leaves service then; none: never
    bool operator==(const cohort&) const = default;
};

/// True when the cohort is in service at `t`: on or after its start and before its end.
[[nodiscard]] bool in_service(const cohort& c, epoch t);

/// Units after `dt_s` seconds of logistic growth from `units` towards cap `k` at rate `r_per_s`
/// (exact solution of dN/dt = r N (1 - N/K), Verhulst 1838): N' = K / (1 + (K/N - 1) e^{-r dt}).
/// A cohort above its cap decays towards it by the same law. Returns 0 when units is 0 (k may then
/// be 0); otherwise k > 0. Throws domain_error for negative inputs.
double logistic_step(double units, double k, double r_per_s, double dt_s);

/// Market size at `t` with quality feedback: K = K0(t) (1 + elasticity q), q in [0, 1) the model quality
/// (quality_from_loss). Documented assumption, docs/models/fleet.md.
double market_size(const cohort& c, epoch t, double quality);

/// Model quality q = (L_ref - L) / (L_ref - E), clamped to [0, 1): the share of the reducible loss
/// above the irreducible E that a model with loss L removes relative to a reference loss L_ref.
double quality_from_loss(double loss, double reference_loss, double irreducible_loss);

/// Bytes that reach the uplink per second from a cohort at `t`: units x raw rate x upload fraction [B/s].
double upload_demand_bytes_per_s(const cohort& c, epoch t, double units);

/// A production ramp's units in service (docs/models/fleet.md F10): each step's output as one batch dated at the
/// step's end, retired in the step in which its service life ends; the stock in service when the ramp began
/// retires evenly over one service life (assumption: a uniform age distribution).
struct production_fleet {
    double units = 0.0;              //!< [count] in service
    double initial_units = 0.0;      //!< [count] the stock when the ramp began
    epoch began;                     //!< when the ramp began
    std::vector<dated_value> batches;  //!< [count] output by the end of the step it was made in, oldest first
    std::size_t retired_batches = 0;   //!< batches [0, retired_batches) have left service
    bool operator==(const production_fleet&) const = default;
};

/// A ramp that begins at `began` with `units` in service.
[[nodiscard]] production_fleet start_production(double units, epoch began);

/// Advances `f` over [from, to): adds the integral of `production_per_s` over the interval, retires the batches
/// whose life (`service_life`; zero: never) ends by `to` and the initial stock's share of the interval. Returns
/// the units in service at `to`. Throws domain_error for a negative production rate or service life.
double production_step(production_fleet& f, const std::vector<dated_value>& production_per_s, duration service_life,
                       epoch from, epoch to);

}  // namespace kardashev::fleet
