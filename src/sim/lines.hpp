#pragma once
// Model lines (fleet.lines): each line's corpus, compute share, generations and binding constraint
// (docs/models/fleet.md "Model lines"). Private to sim.

#include <utility>
#include <vector>

#include "stages.hpp"

namespace kardashev::sim::detail {

/// line/NAME unique_tokens, deployed_quality, deployed_loss, compute_share, data_bound.
struct line_channels {
    channel_id unique_tokens = 0, deployed_quality = 0, deployed_loss = 0, compute_share = 0, data_bound = 0;
};

/// One line during a run.
struct line_track {
    fleet::chinchilla_law law;
    double reference_loss = 0.0;     // [law's unit] loss of its deployed model at the start (quality 0)
    double unique_tokens = 0.0;      // [tokens] its corpus
    double pending_flop = 0.0;       // [effective FLOP] given to it since its last release (cadence)
    double share = 0.0;              // [-] its share of the last generation's compute
    std::size_t deployed = 0;        // released models deployed so far
    std::vector<std::pair<std::size_t, double>> sources;  // (cohort index, weight) of each source, matched by name once
    line_summary summary;            // its generations and binding steps
    line_channels channels;
};

struct lines_state {
    std::vector<line_track> lines;
    std::vector<int> serving;        // per cohort: the line that serves it, -1: none
    std::size_t generations_seen = 0;  // company generations already split among the lines
};

/// The lines of `input` with their corpora at the start and their channels; empty without fleet.lines. With lines the
/// company's corpus is the sum of theirs (`corpus.unique_tokens` set to it).
[[nodiscard]] lines_state start_lines(const scenario& input, corpus_state& corpus, recorder& recording);

/// Before the fleet stage: deploys each line's models whose release date has come, and sets each served cohort's
/// quality from its line (fleet_state::cohort_quality).
void deploy_lines(const step_clock& clock, lines_state& lines, fleet_state& cohorts);

/// After the corpus stage: each line adds its sources' curated tokens (times their weights), up to its cap; the
/// company's corpus (corpus unique_tokens, tokens_added) is the sum of the lines'. Nothing without lines.
void add_line_tokens(const step_clock& clock, const scenario& input, corpus_state& corpus, lines_state& lines,
                     recorder& recording);

/// Before the binding stage: a line whose compute-optimal data (by its own law) for its share of the generation's
/// projected effective compute exceeds its corpus is data-bound (bandwidth-bound when the uplink is full); else the
/// supply constraint binds it. Returns whether the line with the largest share (the first of equals) is data-short:
/// the company's data test (docs/models/fleet.md "Model lines"); nothing without lines.
[[nodiscard]] std::optional<bool> bind_lines(const step_clock& clock, const training_step& training,
                                             const uplink_step& uplink, constraint supply, lines_state& lines,
                                             recorder& recording);

/// In the release stage, for a finished generation `model`: splits its effective compute among the lines (fixed
/// shares or the marginal rule), trains each line's model on its cadence, and makes the company's generation from
/// the lines: effective FLOP given to them, the sums of their models' parameters, tokens and corpora, the
/// share-weighted quality and the loss of `law` at that quality against `reference_loss`.
void train_lines(const scenario& input, const fleet::chinchilla_law& law, generation& model, lines_state& lines,
                 recorder& recording);

/// The lines' summaries, in scenario order.
[[nodiscard]] std::vector<line_summary> summarise_lines(const lines_state& lines);

}  // namespace kardashev::sim::detail
