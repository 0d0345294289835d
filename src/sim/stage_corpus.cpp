// Stage 4 (corpus): curation and tokenisation of the carried bytes (docs/models/fleet.md F4, F5).
#include "stages.hpp"

namespace kardashev::sim::detail {

corpus_state start_corpus(const scenario& input, recorder& recording) {
    corpus_state corpus;
    corpus.unique_tokens = input.corpus.initial_unique_tokens;
    corpus.tokens_added.assign(input.cohorts.size(), 0.0);
    corpus.channels.unique_tokens = recording.add_channel("corpus", "unique_tokens", "tokens");
    corpus.channels.tokens_added = recording.add_channel("corpus", "tokens_added", "tokens");
    // Raw bytes the fleet produces and bytes kept by curation, for the report's data funnel (docs/models/fleet.md F4, F5).
    corpus.channels.collected = recording.add_channel("fleet", "collected", "B/s");
    corpus.channels.curated = recording.add_channel("corpus", "curated", "B/s");
    return corpus;
}

void corpus_stage(const step_clock& clock, const scenario& input, const fleet_state& cohorts,
                  const fleet_step& demand, const uplink_step& uplink, corpus_state& corpus, recorder& recording) {
    const double carried_share = uplink.carried_share;
    double tokens_added = 0.0, collected = 0.0, curated = 0.0;
    for (std::size_t i = 0; i < input.cohorts.size(); ++i) {
        const auto& cohort = input.cohorts[i];
        const double selected = demand.demand_bytes_per_s[i];
        const double curation_yield = logistics::dated_value_at(cohort.curation_yield, clock.start);
        corpus.tokens_added[i] = selected * carried_share * clock.dt_s * curation_yield * cohort.tokens_per_byte;  // F5
        tokens_added += corpus.tokens_added[i];
        collected += cohorts.units[i] * logistics::dated_value_at(cohort.raw_bytes_per_unit_s, clock.start);  // F4 before the upload fraction
        curated += selected * carried_share * curation_yield;   // F5 before tokenisation
    }
    // With model lines the company's corpus is the sum of the lines' (add_line_tokens, lines.hpp): each takes its own
    // cohorts' tokens, weighted and capped.
    if (input.lines.empty()) {
        corpus.unique_tokens += tokens_added;
        recording.record(clock.index, corpus.channels.unique_tokens, corpus.unique_tokens);
        recording.record(clock.index, corpus.channels.tokens_added, tokens_added);
    }
    recording.record(clock.index, corpus.channels.collected, collected);
    recording.record(clock.index, corpus.channels.curated, curated);
}

}  // namespace kardashev::sim::detail
