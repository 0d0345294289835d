#include "kardashev/fleet/scaling_law.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::fleet {
namespace {

void require_positive(const char* what, double value) {
    if (!(value > 0.0) || !std::isfinite(value)) {
        throw domain_error(fmt::format("scaling law: expected a positive {}, got {}", what, value));
    }
}

void require_law(const chinchilla_law& law) {
    require_positive("coefficient A", law.a);
    require_positive("coefficient B", law.b);
    require_positive("exponent alpha", law.alpha);
    require_positive("exponent beta", law.beta);
}

// Loss of spending `flop` on `tokens` trained tokens drawn from `unique_tokens` unique ones.
double data_limited_loss(const chinchilla_law& law, double flop, double tokens, double unique_tokens,
                         const corpus_params& corpus) {
    return law.loss(flop / (6.0 * tokens), effective_tokens(tokens, unique_tokens, corpus));
}

}  // namespace

chinchilla_law chinchilla_law::epoch_ai() {
    // Besiroglu et al. 2024 (arXiv 2404.10102), Table 1: refit of Hoffmann et al. approach 3.
    return {"epoch", 1.8172, 482.01, 2085.43, 0.3478, 0.3658};
}

chinchilla_law chinchilla_law::hoffmann() {
    // Hoffmann et al. 2022 eq. 10 (App. D.2), rounded published constants.
    return {"hoffmann", 1.69, 406.4, 410.7, 0.34, 0.28};
}

std::string_view to_string(scaling_law_kind kind) noexcept {
    switch (kind) {
        case scaling_law_kind::epoch: return "epoch";
        case scaling_law_kind::hoffmann: return "hoffmann";
    }
    return "epoch";
}

chinchilla_law chinchilla_law::of(scaling_law_kind kind) {
    return kind == scaling_law_kind::hoffmann ? hoffmann() : epoch_ai();
}

double chinchilla_law::loss(double params, double tokens) const {
    require_positive("parameter count", params);
    require_positive("token count", tokens);
    return e + a / std::pow(params, alpha) + b / std::pow(tokens, beta);  // Hoffmann et al. 2022 eq. 2
}

namespace {

/// G = (alpha A / (beta B))^(1/(alpha+beta)) of Hoffmann et al. 2022 eq. 4, after the checks.
double optimum_g(const chinchilla_law& law, double flop) {
    require_law(law);
    require_positive("training compute [FLOP]", flop);
    return std::pow(law.alpha * law.a / (law.beta * law.b), 1.0 / (law.alpha + law.beta));  // Hoffmann et al. 2022 eq. 4
}

/// D_opt = G^-1 (C/6)^(a/(a+b)) (Hoffmann et al. 2022 eq. 4).
double optimum_tokens(const chinchilla_law& law, double flop, double g) {
    return std::pow(flop / 6.0, law.alpha / (law.alpha + law.beta)) / g;
}

}  // namespace

double compute_optimal_tokens(const chinchilla_law& law, double flop) { return optimum_tokens(law, flop, optimum_g(law, flop)); }

allocation compute_optimal(const chinchilla_law& law, double flop) {
    const double g = optimum_g(law, flop);
    const double sum = law.alpha + law.beta;
    const double c6 = flop / 6.0;
    allocation out;
    out.params = g * std::pow(c6, law.beta / sum);   // Hoffmann et al. 2022 eq. 4: N_opt = G (C/6)^(b/(a+b))
    out.tokens = optimum_tokens(law, flop, g);
    out.effective_tokens = out.tokens;
    out.loss = law.loss(out.params, out.tokens);
    out.data_limited = false;
    return out;
}

allocation data_limited_optimal(const chinchilla_law& law, double flop, double unique_tokens,
                                const corpus_params& corpus) {
    require_positive("unique token count", unique_tokens);
    const allocation unlimited = compute_optimal(law, flop);
    if (unlimited.tokens <= unique_tokens) {
        return unlimited;
    }
    // Repeated tokens are worth less than new ones (Muennighoff et al. 2023 eq. 5), so the best D
    // lies in [U, D_opt]; the epoch cap may cut the interval shorter.
    const double lo = unique_tokens;
    const double hi = std::max(lo, std::min(unlimited.tokens, max_trainable_tokens(unique_tokens, corpus)));
    const auto f = [&](double log_tokens) {
        return data_limited_loss(law, flop, std::exp(log_tokens), unique_tokens, corpus);
    };
    // Golden-section search in ln D (Kiefer 1953), to a bracket of 1e-12 in ln D.
    const double inv_phi = (std::sqrt(5.0) - 1.0) / 2.0;
    double a = std::log(lo);
    double b = std::log(hi);
    double x1 = b - inv_phi * (b - a);
    double x2 = a + inv_phi * (b - a);
    double f1 = f(x1);
    double f2 = f(x2);
    for (int i = 0; i < 200 && b - a > 1e-12; ++i) {
        if (f1 <= f2) {
            b = x2;
            x2 = x1;
            f2 = f1;
            x1 = b - inv_phi * (b - a);
            f1 = f(x1);
        } else {
            a = x1;
            x1 = x2;
            f1 = f2;
            x2 = a + inv_phi * (b - a);
            f2 = f(x2);
        }
    }
    // The interior estimate, or an end of the interval where the minimum sits on the boundary.
    double best_tokens = std::exp(0.5 * (a + b));
    double best_loss = data_limited_loss(law, flop, best_tokens, unique_tokens, corpus);
    for (const double end : {lo, hi}) {
        const double end_loss = data_limited_loss(law, flop, end, unique_tokens, corpus);
        if (end_loss < best_loss) {
            best_tokens = end;
            best_loss = end_loss;
        }
    }
    allocation out;
    out.tokens = best_tokens;
    out.params = flop / (6.0 * best_tokens);  // C = 6 N D
    out.effective_tokens = effective_tokens(best_tokens, unique_tokens, corpus);
    out.loss = best_loss;
    out.data_limited = true;
    return out;
}

}  // namespace kardashev::fleet
