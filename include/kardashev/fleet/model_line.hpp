#pragma once
/// Model lines: separate models (language, driving, robotics) trained on their own cohorts' data, each with its
/// own published scaling law, sharing the company's training compute (docs/models/fleet.md "Model lines").

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/fleet/cohort.hpp"
#include "kardashev/fleet/scaling_law.hpp"

namespace kardashev::fleet {

/// What a line's training units are: text tokens, video tokens (Cosmos-class tokenizer), or image tokens.
enum class modality : std::uint8_t { text, video, image };

/// "text", "video" or "image".
[[nodiscard]] std::string_view to_string(modality kind) noexcept;

/// The modality of a cohort's data: social text is text, EO satellites' images are images, every camera fleet
/// (cars, robotaxis, humanoids, factories) is video.
[[nodiscard]] modality modality_of(cohort_kind kind) noexcept;

/// A line's scaling law: Epoch AI's refit of Chinchilla or Hoffmann et al. 2022 (text), or the motion-planning
/// law set from Waymo's compute-optimal exponents (Baniodeh et al. 2025, arXiv 2506.08228).
enum class line_law_kind : std::uint8_t { epoch, hoffmann, waymo_motion };

/// "epoch", "hoffmann" or "waymo_motion".
[[nodiscard]] std::string_view to_string(line_law_kind kind) noexcept;

/// The Chinchilla-form law of `kind` (docs/models/fleet.md "Model lines"): the text fits of scaling_law.hpp, or
/// waymo_motion(): alpha = 0.29, beta = 0.42 (N_opt ~ C^0.59, D_opt ~ C^0.41, inside Waymo's fitted 0.63 +- 0.08 and
/// 0.44 +- 0.06), A = 1 and E = 1 (scale assumptions: only losses relative to the line's reference enter quality),
/// B set so that its compute-optimal model at 1e21 FLOP is 1/50 of Epoch's LLM (Waymo: "about 50x smaller").
[[nodiscard]] chinchilla_law line_law(line_law_kind kind);

/// The compute [FLOP] at which waymo_motion's optimal model is calibrated to 1/50 of the LLM's (assumption: the middle
/// of Waymo's sweep, 118 M-parameter models, sits near it).
inline constexpr double waymo_calibration_flop = 1e21;

/// One cohort a line trains on, and the worth of its tokens to the line [-] (1: a token of the line's own data).
struct line_source {
    std::string cohort;   //!< a cohort of the scenario
    double weight = 1.0;  //!< [-] in (0, 1]
    bool operator==(const line_source&) const = default;
};

/// One model line. Plain value type.
struct model_line {
    std::string name;                           //!< unique, e.g. "driving"
    modality unit = modality::text;             //!< every source cohort must produce this modality
    line_law_kind law = line_law_kind::epoch;   //!< its scaling law
    std::vector<line_source> sources;           //!< the cohorts whose data it trains on; it serves them
    double initial_unique_tokens = 0.0;         //!< [tokens] unique data at the start (text: licensed and public web)
    double unique_token_cap = 0.0;              //!< [tokens] most unique tokens it may hold (e.g. Epoch's stock share); 0: none
    double compute_share = 0.0;                 //!< [-] its share of each generation's compute (fixed rule)
    double reference_flop = 0.0;                //!< [FLOP] its deployed model at the start is compute-optimal at this; > 0
    int cadence = 1;                            //!< it releases every `cadence` company generations, >= 1
    bool operator==(const model_line&) const = default;
};

/// How a generation's compute is split among lines.
enum class line_allocation : std::uint8_t { fixed, marginal };

/// "fixed" or "marginal".
[[nodiscard]] std::string_view to_string(line_allocation rule) noexcept;

/// Epoch AI's central estimate of the stock of public human text [tokens] (Villalobos et al. 2024,
/// arXiv 2211.04325: ~300 T, 90 % CI 100 T-1,000 T).
inline constexpr double epoch_text_stock_tokens = 300e12;

}  // namespace kardashev::fleet
