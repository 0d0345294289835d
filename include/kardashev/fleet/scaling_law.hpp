#pragma once
/// Chinchilla scaling law L(N, D) = E + A / N^alpha + B / D^beta and compute-optimal allocation.

#include <cstdint>
#include <string>
#include <string_view>

#include "kardashev/fleet/corpus.hpp"

namespace kardashev::fleet {

/// A published fit of the Chinchilla law: Epoch AI's refit (Besiroglu et al. 2024) or Hoffmann et al. (2022).
enum class scaling_law_kind : std::uint8_t { epoch, hoffmann };

/// "epoch" or "hoffmann".
[[nodiscard]] std::string_view to_string(scaling_law_kind kind) noexcept;

/// Parameters of L(N, D) = E + A N^-alpha + B D^-beta (Hoffmann et al. 2022, eq. 2).
struct chinchilla_law {
    std::string name;   //!< "epoch" or "hoffmann"
    double e = 0.0;     //!< irreducible loss [nats/token]
    double a = 0.0;
    double b = 0.0;
    double alpha = 0.0;
    double beta = 0.0;
    /// Epoch AI's refit of approach 3 (Besiroglu et al. 2024, arXiv 2404.10102, Table 1).
    static chinchilla_law epoch_ai();
    /// Hoffmann et al. 2022 approach 3, rounded published constants (eq. 10 / App. D.2).
    static chinchilla_law hoffmann();
    /// Returns the fit `kind`: epoch_ai() or hoffmann().
    static chinchilla_law of(scaling_law_kind kind);
    /// Loss [nats/token] at `params` parameters and `tokens` training tokens.
    [[nodiscard]] double loss(double params, double tokens) const;
    bool operator==(const chinchilla_law&) const = default;
};

/// A choice of model size and data for a compute budget.
struct allocation {
    double params = 0.0;          //!< N
    double tokens = 0.0;          //!< D, tokens trained (may repeat unique data)
    double effective_tokens = 0.0;//!< D' after repetition (Muennighoff), used in the loss
    double loss = 0.0;            //!< L(N, D') [nats/token]
    bool data_limited = false;    //!< true when the corpus, not compute, set D
    bool operator==(const allocation&) const = default;
};

/// Compute-optimal N and D for `flop` under C = 6 N D, unlimited data (Hoffmann et al. 2022 eq. 4):
/// N_opt = G (C/6)^(beta/(alpha+beta)), D_opt = G^-1 (C/6)^(alpha/(alpha+beta)), G = (alpha A / (beta B))^(1/(alpha+beta)).
allocation compute_optimal(const chinchilla_law& law, double flop);

/// compute_optimal's D_opt alone [tokens], to the bit (for a test against a corpus at every step, without the loss's
/// powers); same errors.
double compute_optimal_tokens(const chinchilla_law& law, double flop);

/// Best N and D for `flop` when only `unique_tokens` unique tokens exist: the compute-optimal choice
/// when D_opt <= U; otherwise the minimum of L(C/6D, D'(D)) over D in [U, min(D_opt, U max_epochs)]
/// (golden-section search), marked data_limited.
allocation data_limited_optimal(const chinchilla_law& law, double flop, double unique_tokens, const corpus_params& corpus);

}  // namespace kardashev::fleet
