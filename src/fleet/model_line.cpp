#include "kardashev/fleet/model_line.hpp"

#include <cmath>

namespace kardashev::fleet {
namespace {

/// Waymo's "optimal AV models are about 50x smaller than LLMs at equal training compute" (Baniodeh et al. 2025).
constexpr double waymo_llm_size_ratio = 50.0;

/// The motion-planning law (docs/models/fleet.md "Model lines"). Exponents chosen inside Waymo's fitted ranges:
/// beta / (alpha + beta) = 0.592 for N_opt (0.63 +- 0.08), alpha / (alpha + beta) = 0.408 for D_opt (0.44 +- 0.06).
chinchilla_law waymo_motion() {
    chinchilla_law law{"waymo_motion", 1.0, 1.0, 0.0, 0.29, 0.42};
    const double sum = law.alpha + law.beta;
    const double c6 = waymo_calibration_flop / 6.0;
    const double target_params = compute_optimal(chinchilla_law::epoch_ai(), waymo_calibration_flop).params / waymo_llm_size_ratio;
    const double g = target_params / std::pow(c6, law.beta / sum);  // Hoffmann et al. 2022 eq. 4: N_opt = G (C/6)^(b/(a+b))
    law.b = law.alpha * law.a / (law.beta * std::pow(g, sum));       // G = (alpha A / (beta B))^(1/(alpha+beta)), solved for B
    return law;
}

}  // namespace

std::string_view to_string(modality kind) noexcept {
    switch (kind) {
        case modality::text: return "text";
        case modality::video: return "video";
        case modality::image: return "image";
    }
    return "text";
}

modality modality_of(cohort_kind kind) noexcept {
    switch (kind) {
        case cohort_kind::social: return modality::text;
        case cohort_kind::eo_satellite: return modality::image;
        case cohort_kind::vehicle:
        case cohort_kind::robotaxi:
        case cohort_kind::humanoid:
        case cohort_kind::factory: return modality::video;
    }
    return modality::video;
}

std::string_view to_string(line_law_kind kind) noexcept {
    switch (kind) {
        case line_law_kind::epoch: return "epoch";
        case line_law_kind::hoffmann: return "hoffmann";
        case line_law_kind::waymo_motion: return "waymo_motion";
    }
    return "epoch";
}

chinchilla_law line_law(line_law_kind kind) {
    switch (kind) {
        case line_law_kind::epoch: return chinchilla_law::epoch_ai();
        case line_law_kind::hoffmann: return chinchilla_law::hoffmann();
        case line_law_kind::waymo_motion: return waymo_motion();
    }
    return chinchilla_law::epoch_ai();
}

std::string_view to_string(line_allocation rule) noexcept {
    return rule == line_allocation::marginal ? "marginal" : "fixed";
}

}  // namespace kardashev::fleet
