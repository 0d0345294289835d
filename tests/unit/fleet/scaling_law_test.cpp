// Chinchilla scaling law: compute-optimal allocation (Hoffmann et al. 2022 eq. 4) and the
// data-limited optimum with repeated tokens.
#include <gtest/gtest.h>

#include "support/error_message.hpp"

#include <cmath>
#include <string>

#include "kardashev/core/error.hpp"
#include "kardashev/fleet/scaling_law.hpp"

namespace {

using namespace kardashev;

using kardashev::testing::domain_error_message;

// Loss on the iso-FLOP curve C = 6 N D at model size `params`, with the corpus's repetition value.
double iso_flop_loss(const fleet::chinchilla_law& law, double flop, double params, double unique,
                     const fleet::corpus_params& p) {
    const double tokens = flop / (6.0 * params);
    return law.loss(params, fleet::effective_tokens(tokens, unique, p));
}

TEST(scaling_law, laws_are_found_by_kind) {
    EXPECT_EQ(fleet::chinchilla_law::of(fleet::scaling_law_kind::epoch), fleet::chinchilla_law::epoch_ai());
    EXPECT_EQ(fleet::chinchilla_law::of(fleet::scaling_law_kind::hoffmann), fleet::chinchilla_law::hoffmann());
    EXPECT_EQ(fleet::chinchilla_law::epoch_ai().name, to_string(fleet::scaling_law_kind::epoch));
    EXPECT_EQ(fleet::chinchilla_law::hoffmann().name, to_string(fleet::scaling_law_kind::hoffmann));
}

TEST(scaling_law, loss_falls_towards_the_irreducible_loss) {
    const auto law = fleet::chinchilla_law::epoch_ai();
    EXPECT_GT(law.loss(1e9, 1e11), law.loss(1e10, 1e11));
    EXPECT_GT(law.loss(1e10, 1e11), law.loss(1e10, 1e12));
    EXPECT_NEAR(law.loss(1e30, 1e30), law.e, 1e-6);
    EXPECT_EQ(domain_error_message([&] { (void)law.loss(0.0, 1e12); }),
              "scaling law: expected a positive parameter count, got 0");
}

TEST(scaling_law, compute_optimal_spends_the_whole_budget) {
    for (const auto& law : {fleet::chinchilla_law::epoch_ai(), fleet::chinchilla_law::hoffmann()}) {
        for (const double flop : {1e20, 5.76e23, 3.8e25, 2e29}) {
            const auto a = fleet::compute_optimal(law, flop);
            EXPECT_NEAR(6.0 * a.params * a.tokens / flop, 1.0, 1e-12) << law.name << " " << flop;
            EXPECT_DOUBLE_EQ(a.effective_tokens, a.tokens);
            EXPECT_DOUBLE_EQ(a.loss, law.loss(a.params, a.tokens));
            EXPECT_FALSE(a.data_limited);
        }
    }
}

TEST(scaling_law, compute_optimal_tokens_is_compute_optimals_token_count_to_the_bit) {
    // The engine tests the corpus against it at every step: it must decide exactly as compute_optimal would.
    for (const auto& law : {fleet::chinchilla_law::epoch_ai(), fleet::chinchilla_law::hoffmann()}) {
        for (double flop = 1e18; flop < 1e31; flop *= 7.3)
            EXPECT_EQ(fleet::compute_optimal_tokens(law, flop), fleet::compute_optimal(law, flop).tokens) << flop;
    }
    EXPECT_THROW((void)fleet::compute_optimal_tokens(fleet::chinchilla_law::epoch_ai(), 0.0), domain_error);
}

TEST(scaling_law, compute_optimal_is_a_minimum_along_the_iso_flop_curve) {
    const fleet::corpus_params unlimited;
    for (const auto& law : {fleet::chinchilla_law::epoch_ai(), fleet::chinchilla_law::hoffmann()}) {
        for (const double flop : {1e21, 5.76e23, 3.8e25}) {
            const auto a = fleet::compute_optimal(law, flop);
            const double unique = 1e30;  // no repetition
            for (const double f : {0.9, 1.1, 0.99, 1.01}) {
                EXPECT_GT(iso_flop_loss(law, flop, f * a.params, unique, unlimited), a.loss)
                    << law.name << " " << flop << " x" << f;
            }
        }
    }
}

TEST(scaling_law, epoch_fit_wants_about_twenty_tokens_per_parameter) {
    // Besiroglu et al. 2024: consistent with approaches 1 and 2, about 20 tokens per parameter;
    // the ratio falls slowly with compute (research/training.md: 16.5 at 3.8e25).
    const auto law = fleet::chinchilla_law::epoch_ai();
    const auto small = fleet::compute_optimal(law, 5.76e23);
    const auto large = fleet::compute_optimal(law, 3.8e25);
    EXPECT_NEAR(small.tokens / small.params, 18.4, 0.1);
    EXPECT_NEAR(large.tokens / large.params, 16.5, 0.1);
}

TEST(scaling_law, data_limited_optimum_is_compute_optimal_when_data_suffices) {
    const auto law = fleet::chinchilla_law::epoch_ai();
    const auto a = fleet::compute_optimal(law, 1e24);
    EXPECT_EQ(fleet::data_limited_optimal(law, 1e24, a.tokens, {}), a);
    EXPECT_EQ(fleet::data_limited_optimal(law, 1e24, 10 * a.tokens, {}), a);
}

TEST(scaling_law, data_limited_optimum_is_continuous_where_data_runs_out) {
    for (const auto& law : {fleet::chinchilla_law::epoch_ai(), fleet::chinchilla_law::hoffmann()}) {
        const double flop = 3.8e25;
        const double d_opt = fleet::compute_optimal(law, flop).tokens;
        const auto above = fleet::data_limited_optimal(law, flop, d_opt * (1.0 + 1e-9), {});
        const auto below = fleet::data_limited_optimal(law, flop, d_opt * (1.0 - 1e-9), {});
        EXPECT_FALSE(above.data_limited);
        EXPECT_TRUE(below.data_limited);
        EXPECT_NEAR(below.params / above.params, 1.0, 1e-8);
        EXPECT_NEAR(below.tokens / above.tokens, 1.0, 1e-8);
        EXPECT_NEAR(below.effective_tokens / above.effective_tokens, 1.0, 1e-8);
        EXPECT_NEAR(below.loss - above.loss, 0.0, 1e-12);
    }
}

TEST(scaling_law, data_limited_optimum_is_a_minimum_within_its_interval) {
    const auto law = fleet::chinchilla_law::epoch_ai();
    const fleet::corpus_params p;
    const double flop = 3.8e25;
    const auto unlimited = fleet::compute_optimal(law, flop);
    const double unique = 0.5 * unlimited.tokens;
    const auto a = fleet::data_limited_optimal(law, flop, unique, p);
    EXPECT_TRUE(a.data_limited);
    EXPECT_NEAR(6.0 * a.params * a.tokens / flop, 1.0, 1e-12);
    EXPECT_GT(a.tokens, unique);             // repeating data beats training a bigger model on one epoch
    EXPECT_LT(a.tokens, unlimited.tokens);   // but repeated tokens are worth less than new ones
    EXPECT_GT(a.loss, unlimited.loss);
    EXPECT_DOUBLE_EQ(a.effective_tokens, fleet::effective_tokens(a.tokens, unique, p));
    EXPECT_DOUBLE_EQ(a.loss, law.loss(a.params, a.effective_tokens));
    for (const double f : {0.98, 1.02}) {
        EXPECT_GT(iso_flop_loss(law, flop, f * a.params, unique, p), a.loss) << "x" << f;
    }
    // Fewer unique tokens never help.
    EXPECT_GT(fleet::data_limited_optimal(law, flop, 0.25 * unlimited.tokens, p).loss, a.loss);
}

TEST(scaling_law, epoch_cap_bounds_the_tokens_of_a_data_starved_run) {
    const auto law = fleet::chinchilla_law::epoch_ai();
    fleet::corpus_params p;
    const double flop = 3.8e25;
    const double unique = 1e-3 * fleet::compute_optimal(law, flop).tokens;
    EXPECT_DOUBLE_EQ(fleet::data_limited_optimal(law, flop, unique, p).tokens, 4.0 * unique);
    p.max_epochs = 1.0;
    const auto one_epoch = fleet::data_limited_optimal(law, flop, unique, p);
    EXPECT_DOUBLE_EQ(one_epoch.tokens, unique);
    EXPECT_DOUBLE_EQ(one_epoch.params, flop / (6.0 * unique));
}

TEST(scaling_law, allocation_rejects_bad_inputs) {
    const auto law = fleet::chinchilla_law::epoch_ai();
    EXPECT_EQ(domain_error_message([&] { fleet::compute_optimal(law, 0.0); }),
              "scaling law: expected a positive training compute [FLOP], got 0");
    EXPECT_EQ(domain_error_message([&] { fleet::data_limited_optimal(law, 1e24, 0.0, {}); }),
              "scaling law: expected a positive unique token count, got 0");
    auto bad = law;
    bad.beta = 0.0;
    EXPECT_EQ(domain_error_message([&] { fleet::compute_optimal(bad, 1e24); }),
              "scaling law: expected a positive exponent beta, got 0");
}

}  // namespace
