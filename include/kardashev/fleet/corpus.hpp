#pragma once
/// The training corpus: unique tokens and the value of repeating them (Muennighoff et al. 2023).

namespace kardashev::fleet {

/// Corpus parameters. Plain value type.
struct corpus_params {
    double initial_unique_tokens = 0.0;  //!< [tokens] unique tokens at the scenario start
    double max_epochs = 4.0;             //!< [-] most passes over unique data a run may make (Muennighoff et al. 2023: ~4 epochs are nearly as good as new data)
    double repetition_constant = 15.4;   //!< [-] R*_D of Muennighoff et al. 2023 eq. 5 (fitted 15.39)
    bool operator==(const corpus_params&) const = default;
};

/// Most tokens a run may train on: U x max_epochs.
double max_trainable_tokens(double unique_tokens, const corpus_params& p);

/// Effective data D' for `tokens` trained on `unique_tokens` unique ones (Muennighoff et al. 2023
/// eq. 5): R = D/U - 1 repetitions, D' = U + U R* (1 - exp(-R/R*)); D' = D when D <= U.
double effective_tokens(double tokens, double unique_tokens, const corpus_params& p);

}  // namespace kardashev::fleet
