#pragma once
/// Fleet cohorts: data sources with logistic growth, raw data, upload triggers and curation.

#include <cstdint>
#include <string>
#include <string_view>

namespace kardashev::fleet {

/// What a cohort's units are.
enum class cohort_kind : std::uint8_t { vehicle, robotaxi, humanoid, factory, eo_satellite, social };

/// "vehicle", "robotaxi", "humanoid", "factory", "eo_satellite" or "social".
[[nodiscard]] std::string_view to_string(cohort_kind kind) noexcept;

/// One cohort of data sources (cars, robotaxis, humanoid robots, factories, EO satellites, a social
/// text platform). Plain value type; rates in SI.
struct cohort {
    std::string name;                        //!< unique name, e.g. "cars"
    cohort_kind kind = cohort_kind::vehicle; //!< what the units are
    double units = 0.0;                      //!< [count] units in service at the scenario start
    double market_size = 0.0;                //!< [count] logistic cap K0 before quality feedback
    double growth_rate_per_s = 0.0;          //!< [1/s] logistic intrinsic growth rate r
    double raw_bytes_per_unit_s = 0.0;       //!< [B/s] raw data produced per unit
    double upload_fraction = 0.0;            //!< [-] share of raw data that triggers select for upload
    double curation_yield = 0.0;             //!< [-] share of uploaded bytes kept after curation
    double tokens_per_byte = 0.0;            //!< [tokens/B] training tokens per curated byte
    double quality_elasticity = 0.0;         //!< [-] market-size response to model quality, see market_size()
    bool operator==(const cohort&) const = default;
};

/// Units after `dt_s` seconds of logistic growth from `units` towards cap `k` at rate `r_per_s`
/// (exact solution of dN/dt = r N (1 - N/K), Verhulst 1838): N' = K / (1 + (K/N - 1) e^{-r dt}).
/// A cohort above its cap decays towards it by the same law. Returns 0 when units is 0 (k may then
/// be 0); otherwise k > 0. Throws domain_error for negative inputs.
double logistic_step(double units, double k, double r_per_s, double dt_s);

/// Market size with quality feedback: K = K0 (1 + elasticity q), q in [0, 1) the model quality
/// (quality_from_loss). Documented assumption, docs/models/fleet.md.
double market_size(const cohort& c, double quality);

/// Model quality q = (L_ref - L) / (L_ref - E), clamped to [0, 1): the share of the reducible loss
/// above the irreducible E that a model with loss L removes relative to a reference loss L_ref.
double quality_from_loss(double loss, double reference_loss, double irreducible_loss);

/// Bytes that reach the uplink per second from a cohort: units x raw rate x upload fraction [B/s].
double upload_demand_bytes_per_s(const cohort& c, double units);

}  // namespace kardashev::fleet
