#include "kardashev/fleet/corpus.hpp"

#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::fleet {
namespace {

void require_non_negative(const char* what, double value) {
    if (!(value >= 0.0) || !std::isfinite(value)) {
        throw domain_error(fmt::format("corpus: expected a non-negative {}, got {}", what, value));
    }
}

void require_params(const corpus_params& p) {
    if (!(p.max_epochs >= 1.0) || !std::isfinite(p.max_epochs)) {
        throw domain_error(fmt::format("corpus: expected max_epochs >= 1, got {}", p.max_epochs));
    }
    if (!(p.repetition_constant > 0.0) || !std::isfinite(p.repetition_constant)) {
        throw domain_error(
            fmt::format("corpus: expected a positive repetition constant R*, got {}", p.repetition_constant));
    }
}

}  // namespace

double max_trainable_tokens(double unique_tokens, const corpus_params& p) {
    require_non_negative("unique token count", unique_tokens);
    require_params(p);
    return unique_tokens * p.max_epochs;
}

double effective_tokens(double tokens, double unique_tokens, const corpus_params& p) {
    require_non_negative("token count", tokens);
    require_non_negative("unique token count", unique_tokens);
    require_params(p);
    if (tokens <= unique_tokens) {
        return tokens;  // no repetition: every token is new
    }
    const double repetitions = tokens / unique_tokens - 1.0;  // R_D = D/U - 1 (> 0 here, so U > 0)
    const double r_star = p.repetition_constant;
    // Muennighoff et al. 2023 eq. 5: D' = U + U R* (1 - e^{-R/R*}); -expm1 keeps small R exact.
    return unique_tokens + unique_tokens * r_star * -std::expm1(-repetitions / r_star);
}

}  // namespace kardashev::fleet
