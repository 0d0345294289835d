// Model lines (fleet.lines): each line trains on its own cohorts' data, by its own law, on its share of the
// company's compute (docs/models/fleet.md "Model lines").
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "lines.hpp"

namespace kardashev::sim::detail {

namespace {

/// Chunks each generation's compute is cut into under the marginal rule.
constexpr int marginal_chunks = 40;

/// The loss [law's unit] of the best model `flop` effective FLOP and `unique_tokens` give (Muennighoff et al. 2023
/// repetition within the scenario's corpus rules); the reference loss when there is no data or compute yet.
double line_loss(const line_track& line, double flop, const fleet::corpus_params& corpus) {
    if (!(flop > 0.0) || !(line.unique_tokens > 0.0)) return line.reference_loss;
    return fleet::data_limited_optimal(line.law, flop, line.unique_tokens, corpus).loss;
}

/// The company objective's weight on line `l`'s quality [units of market]: the market its cohorts gain per unit of
/// quality, sum of K0(t) x quality_elasticity (fleet::market_size); docs/models/fleet.md "Model lines".
double line_value(const scenario& input, const lines_state& lines, std::size_t l, epoch t) {
    double value = 0.0;
    for (std::size_t c = 0; c < input.cohorts.size(); ++c) {
        if (lines.serving[c] != static_cast<int>(l)) continue;
        value += logistics::dated_value_at(input.cohorts[c].market_size, t) * input.cohorts[c].quality_elasticity;
    }
    return value;
}

/// Shares of `flop` under the marginal rule: each of `marginal_chunks` chunks goes to the line whose value-weighted
/// loss reduction (relative to its reducible span at the reference) is largest for it.
std::vector<double> marginal_shares(const scenario& input, const lines_state& lines, double flop, epoch t) {
    const std::size_t count = lines.lines.size();
    std::vector<double> given(count, 0.0), value(count, 0.0);
    for (std::size_t l = 0; l < count; ++l) value[l] = line_value(input, lines, l, t);
    const double chunk = flop / marginal_chunks;
    for (int k = 0; k < marginal_chunks; ++k) {
        std::size_t best = 0;
        double best_gain = -1.0;
        for (std::size_t l = 0; l < count; ++l) {
            const auto& line = lines.lines[l];
            const double before = line_loss(line, line.pending_flop + given[l], input.corpus);
            const double after = line_loss(line, line.pending_flop + given[l] + chunk, input.corpus);
            const double gain = value[l] * (before - after) / (line.reference_loss - line.law.e);
            if (gain > best_gain) {
                best_gain = gain;
                best = l;
            }
        }
        given[best] += chunk;
    }
    for (auto& g : given) g = flop > 0.0 ? g / flop : 0.0;
    return given;
}

/// Line `line`'s model from its pending compute, released with the company generation `g`.
line_generation trained_line_model(const scenario& input, const line_track& line, const generation& g) {
    const auto allocation = fleet::data_limited_optimal(line.law, line.pending_flop, line.unique_tokens, input.corpus);
    line_generation model;
    model.index = static_cast<int>(line.summary.generations.size()) + 1;
    model.released = g.released;
    model.effective_flop = line.pending_flop;
    model.params = allocation.params;
    model.tokens = allocation.tokens;
    model.unique_tokens = line.unique_tokens;
    model.loss = allocation.loss;
    model.quality = fleet::quality_from_loss(allocation.loss, line.reference_loss, line.law.e);
    model.data_limited = allocation.data_limited;
    return model;
}

/// Gives line `l` its share of generation `g` and, on its cadence, trains and records its model.
void give_generation(const scenario& input, const generation& g, std::size_t l, double share, lines_state& lines,
                     recorder& recording) {
    auto& line = lines.lines[l];
    const auto& spec = input.lines[l];
    line.share = share;
    line.pending_flop += share * g.effective_flop;
    line.summary.total_effective_flop += share * g.effective_flop;
    if (g.index % spec.cadence != 0 || !(line.pending_flop > 0.0) || !(line.unique_tokens > 0.0)) return;
    const auto model = trained_line_model(input, line, g);
    line.summary.generations.push_back(model);
    line.pending_flop = 0.0;
    recording.add_event({g.released, "line_model_trained", fmt::format("line/{}", spec.name),
                         fmt::format("{} model {}: {:.4g} effective FLOP, {:.4g} parameters, {:.4g} tokens of {:.4g} "
                                     "unique, loss {:.4f}, quality {:.4f}{}",
                                     spec.name, model.index, model.effective_flop, model.params, model.tokens,
                                     model.unique_tokens, model.loss, model.quality,
                                     model.data_limited ? ", data-limited" : "")});
}

/// [tokens] the lines' unique tokens together: the company's corpus.
double lines_corpus(const lines_state& lines) {
    double total = 0.0;
    for (const auto& line : lines.lines) total += line.unique_tokens;
    return total;
}

/// The company's generation from its lines after they took their `shares` of `company_flop` [effective FLOP]: the
/// compute they were given, the sums of their latest models' parameters and tokens and of their corpora, the quality
/// of those models weighted by the shares (equal weights when no share is positive), and the loss of `law` at that
/// quality (quality_from_loss inverted against training.reference_loss).
void company_model(const scenario& input, const fleet::chinchilla_law& law, double company_flop,
                   const std::vector<double>& shares, const lines_state& lines, generation& model) {
    double given = 0.0, share_sum = 0.0, weighted = 0.0;
    model.params = model.tokens = model.unique_tokens = 0.0;
    for (std::size_t l = 0; l < lines.lines.size(); ++l) {
        const auto& line = lines.lines[l];
        given += shares[l] * company_flop;
        model.unique_tokens += line.unique_tokens;
        if (line.summary.generations.empty()) continue;
        const auto& latest = line.summary.generations.back();
        model.params += latest.params;
        model.tokens += latest.tokens;
        share_sum += shares[l];
        weighted += shares[l] * latest.quality;
    }
    const double count = static_cast<double>(lines.lines.size());
    double quality = 0.0;
    if (share_sum > 0.0) {
        quality = weighted / share_sum;
    } else {
        for (const auto& line : lines.lines)
            if (!line.summary.generations.empty()) quality += line.summary.generations.back().quality / count;
    }
    model.effective_flop = given;
    model.quality = quality;
    model.loss = input.training.reference_loss - quality * (input.training.reference_loss - law.e);
}

}  // namespace

lines_state start_lines(const scenario& input, corpus_state& corpus, recorder& recording) {
    lines_state lines;
    lines.serving.assign(input.cohorts.size(), -1);
    for (std::size_t l = 0; l < input.lines.size(); ++l) {
        const auto& spec = input.lines[l];
        if (!(spec.reference_flop > 0.0) || spec.cadence < 1)
            throw domain_error(fmt::format("fleet.lines[{}]: expected a positive reference_compute and a cadence of at "
                                           "least 1, got {} and {}",
                                           l, spec.reference_flop, spec.cadence));
        line_track line;
        line.law = fleet::line_law(spec.law);
        line.reference_loss = fleet::compute_optimal(line.law, spec.reference_flop).loss;
        line.unique_tokens = spec.initial_unique_tokens;
        line.share = input.line_allocation == fleet::line_allocation::fixed ? spec.compute_share
                                                                             : 1.0 / static_cast<double>(input.lines.size());
        line.summary.name = spec.name;
        const auto entity = "line/" + spec.name;
        line.channels.unique_tokens = recording.add_channel(entity, "unique_tokens", "tokens");
        line.channels.deployed_quality = recording.add_channel(entity, "deployed_quality", "1");
        line.channels.deployed_loss = recording.add_channel(entity, "deployed_loss", "1");
        line.channels.compute_share = recording.add_channel(entity, "compute_share", "1");
        line.channels.data_bound = recording.add_channel(entity, "data_bound", "1");
        for (const auto& source : spec.sources) {
            for (std::size_t c = 0; c < input.cohorts.size(); ++c) {
                if (input.cohorts[c].name != source.cohort) continue;
                lines.serving[c] = static_cast<int>(l);
                line.sources.emplace_back(c, source.weight);
            }
        }
        lines.lines.push_back(std::move(line));
    }
    if (!lines.lines.empty()) corpus.unique_tokens = lines_corpus(lines);
    return lines;
}

void deploy_lines(const step_clock& clock, lines_state& lines, fleet_state& cohorts) {
    for (std::size_t l = 0; l < lines.lines.size(); ++l) {
        auto& line = lines.lines[l];
        const auto& released = line.summary.generations;
        while (line.deployed < released.size() && released[line.deployed].released <= clock.start) ++line.deployed;
        const double quality = line.deployed > 0 ? released[line.deployed - 1].quality : 0.0;
        for (std::size_t c = 0; c < lines.serving.size(); ++c)
            if (lines.serving[c] == static_cast<int>(l)) cohorts.cohort_quality[c] = quality;
    }
}

void add_line_tokens(const step_clock& clock, const scenario& input, corpus_state& corpus, lines_state& lines,
                     recorder& recording) {
    if (lines.lines.empty()) return;
    for (std::size_t l = 0; l < lines.lines.size(); ++l) {
        auto& line = lines.lines[l];
        const auto& spec = input.lines[l];
        for (const auto& [c, weight] : line.sources) line.unique_tokens += weight * corpus.tokens_added[c];
        if (spec.unique_token_cap > 0.0) line.unique_tokens = std::min(line.unique_tokens, spec.unique_token_cap);
        const auto& released = line.summary.generations;
        recording.record(clock.index, line.channels.unique_tokens, line.unique_tokens);
        recording.record(clock.index, line.channels.deployed_quality, line.deployed > 0 ? released[line.deployed - 1].quality : 0.0);
        recording.record(clock.index, line.channels.deployed_loss,
                         line.deployed > 0 ? released[line.deployed - 1].loss : line.reference_loss);
    }
    // The company's corpus is its lines' (the corpus stage left it to them).
    const double total = lines_corpus(lines);
    recording.record(clock.index, corpus.channels.unique_tokens, total);
    recording.record(clock.index, corpus.channels.tokens_added, total - corpus.unique_tokens);
    corpus.unique_tokens = total;
}

std::optional<bool> bind_lines(const step_clock& clock, const training_step& training, const uplink_step& uplink,
                               constraint supply, lines_state& lines, recorder& recording) {
    if (lines.lines.empty()) return std::nullopt;
    bool flagship_short = false;
    double flagship_share = -1.0;
    for (auto& line : lines.lines) {
        const double flop = line.share * training.projected_effective_flop;
        const bool data_short = flop > 0.0 && fleet::compute_optimal_tokens(line.law, flop) > line.unique_tokens;
        const constraint bound = data_short ? (uplink.saturated ? constraint::bandwidth : constraint::data) : supply;
        ++line.summary.binding_steps[static_cast<std::size_t>(bound)];
        recording.record(clock.index, line.channels.data_bound, data_short ? 1.0 : 0.0);
        recording.record(clock.index, line.channels.compute_share, line.share);
        if (line.share > flagship_share) {
            flagship_share = line.share;
            flagship_short = data_short;
        }
    }
    return flagship_short;
}

void train_lines(const scenario& input, const fleet::chinchilla_law& law, generation& model, lines_state& lines,
                 recorder& recording) {
    if (lines.lines.empty()) return;
    std::vector<double> shares(lines.lines.size(), 0.0);
    if (input.line_allocation == fleet::line_allocation::marginal) {
        shares = marginal_shares(input, lines, model.effective_flop, model.released);
    } else {
        for (std::size_t l = 0; l < shares.size(); ++l) shares[l] = input.lines[l].compute_share;
    }
    const double company_flop = model.effective_flop;
    for (std::size_t l = 0; l < lines.lines.size(); ++l) give_generation(input, model, l, shares[l], lines, recording);
    company_model(input, law, company_flop, shares, lines, model);
}

std::vector<line_summary> summarise_lines(const lines_state& lines) {
    std::vector<line_summary> out;
    for (const auto& line : lines.lines) {
        out.push_back(line.summary);
        out.back().final_unique_tokens = line.unique_tokens;
    }
    return out;
}

}  // namespace kardashev::sim::detail
