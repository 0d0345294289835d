// Corpus accounting: the value of repeated tokens (Muennighoff et al. 2023 eq. 5) and the epoch cap.
#include <gtest/gtest.h>

#include "support/error_message.hpp"

#include <cmath>
#include <string>

#include "kardashev/core/error.hpp"
#include "kardashev/fleet/corpus.hpp"

namespace {

using namespace kardashev;

using kardashev::testing::domain_error_message;

TEST(corpus, effective_tokens_equal_tokens_without_repetition) {
    const fleet::corpus_params p;
    EXPECT_DOUBLE_EQ(fleet::effective_tokens(0.0, 1e12, p), 0.0);
    EXPECT_DOUBLE_EQ(fleet::effective_tokens(5e11, 1e12, p), 5e11);
    EXPECT_DOUBLE_EQ(fleet::effective_tokens(1e12, 1e12, p), 1e12);
}

TEST(corpus, repeated_tokens_saturate_at_u_times_one_plus_r_star) {
    const fleet::corpus_params p;  // R* = 15.4
    const double u = 1e12;
    EXPECT_NEAR(fleet::effective_tokens(1e4 * u, u, p) / (u * (1.0 + 15.4)), 1.0, 1e-12);
    // Never above the asymptote, and increasing towards it.
    double previous = u;
    for (const double epochs : {1.5, 2.0, 4.0, 8.0, 16.0, 64.0, 256.0}) {
        const double d_eff = fleet::effective_tokens(epochs * u, u, p);
        EXPECT_GT(d_eff, previous);
        EXPECT_LT(d_eff, u * 16.4);
        EXPECT_LT(d_eff, epochs * u);
        previous = d_eff;
    }
}

TEST(corpus, four_epochs_are_nearly_as_good_as_new_data) {
    // R = 3: D' = U (1 + 15.4 (1 - e^{-3/15.4})) = 3.7254 U, 93 % of four epochs of new data.
    const fleet::corpus_params p;
    const double u = 2e12;
    const double d_eff = fleet::effective_tokens(4.0 * u, u, p);
    EXPECT_NEAR(d_eff / u, 1.0 + 15.4 * (1.0 - std::exp(-3.0 / 15.4)), 1e-12);
    EXPECT_GT(d_eff / (4.0 * u), 0.93);
}

TEST(corpus, effective_tokens_are_continuous_with_unit_slope_at_one_epoch) {
    const fleet::corpus_params p;
    const double u = 1e12;
    const double eps = 1e-6;
    const double slope = (fleet::effective_tokens(u * (1.0 + eps), u, p) - u) / (u * eps);
    EXPECT_NEAR(slope, 1.0, 1e-6);
}

TEST(corpus, max_trainable_tokens_is_unique_tokens_times_max_epochs) {
    fleet::corpus_params p;
    EXPECT_DOUBLE_EQ(fleet::max_trainable_tokens(3e13, p), 1.2e14);
    p.max_epochs = 1.0;
    EXPECT_DOUBLE_EQ(fleet::max_trainable_tokens(3e13, p), 3e13);
}

TEST(corpus, bad_parameters_are_domain_errors) {
    fleet::corpus_params p;
    p.max_epochs = 0.5;
    EXPECT_EQ(domain_error_message([&] { fleet::max_trainable_tokens(1e12, p); }),
              "corpus: expected max_epochs >= 1, got 0.5");
    p = {};
    p.repetition_constant = 0.0;
    EXPECT_EQ(domain_error_message([&] { fleet::effective_tokens(2e12, 1e12, p); }),
              "corpus: expected a positive repetition constant R*, got 0");
    EXPECT_EQ(domain_error_message([] { fleet::effective_tokens(-1.0, 1e12, {}); }),
              "corpus: expected a non-negative token count, got -1");
    EXPECT_EQ(domain_error_message([] { fleet::effective_tokens(1.0, -1e12, {}); }),
              "corpus: expected a non-negative unique token count, got -1000000000000");
}

}  // namespace
