// Source: Gemini Team 2023, "Gemini: A Family of Highly Capable Multimodal Models" (arXiv:2312.11805) sec. 3: redundant in-memory copies of the model state and rapid recovery from an intact replica raised the largest job's goodput from 85 % to 97 %. Issue 20: the same measures keep 100k GPUs above 90 %.
//
// The report gives neither the job's size nor its failure rate, so the test puts the measures on the one
// large job whose failures are published: Llama 3's 16,384 H100 at a 50,000 h per-GPU MTBF (VALIDATION.md
// C2). Its storage checkpoints (60 s) with a 10-minute restart give 85 %, the report's "before"; snapshots
// to memory (2 s, assumption: a 405B model's state is ~0.5 GB per GPU, a fraction of a second over PCIe)
// with hot spares swapped in 60 s (assumption) give 97 %. Tolerance: the 95-99 % band; the
// "before" within 2 points. The seeded Monte Carlo must agree with the closed form within 1 point.
#include <gtest/gtest.h>

#include "kardashev/compute/reliability.hpp"

namespace {

using namespace kardashev;

constexpr double solve_s = 50.0 * 86400.0;

compute::reliability_inputs storage_only(double gpus) {
    compute::reliability_inputs in;
    in.accelerators = gpus;
    in.mtbf_s = 50'000.0 * 3600.0;
    in.checkpoint_write_s = 60.0;
    in.restart_s = 600.0;
    return in;
}

compute::reliability_inputs gemini_style(double gpus) {
    auto in = storage_only(gpus);
    in.recovery.in_memory_checkpoint = true;
    in.recovery.in_memory_write_s = 2.0;
    in.recovery.hot_spares = 64;
    in.recovery.spare_swap_s = 60.0;
    return in;
}

TEST(c7_gemini_goodput, storage_checkpoints_and_restarts_give_85_percent_at_16k) {
    EXPECT_NEAR(compute::expected_reliability(storage_only(16'384), solve_s).goodput, 0.85, 0.02);
}

TEST(c7_gemini_goodput, in_memory_copies_and_fast_recovery_give_95_to_99_percent) {
    const auto r = compute::expected_reliability(gemini_style(16'384), solve_s);
    EXPECT_GE(r.goodput, 0.95);
    EXPECT_LE(r.goodput, 0.99);
    EXPECT_NEAR(r.goodput, 0.97, 0.01);
    EXPECT_DOUBLE_EQ(r.checkpoint_cost_s, 2.0);
    EXPECT_DOUBLE_EQ(r.recovery_s, 60.0);
    EXPECT_LT(r.fallback_share, 1e-4);  // losing every copy needs a second failure in the partner's domain
    const auto mc = compute::monte_carlo_reliability(gemini_style(16'384), solve_s, 100, 3);
    EXPECT_NEAR(mc.goodput_mean, r.goodput, 0.01);
}

TEST(c7_gemini_goodput, the_same_measures_keep_100k_gpus_above_90_percent) {
    const auto before = compute::expected_reliability(storage_only(100'000), solve_s);
    const auto after = compute::expected_reliability(gemini_style(100'000), solve_s);
    EXPECT_LT(before.goodput, 0.70);
    EXPECT_GT(after.goodput, 0.90);
    const auto mc = compute::monte_carlo_reliability(gemini_style(100'000), solve_s, 50, 5);
    EXPECT_GT(mc.goodput_mean, 0.90);
    EXPECT_NEAR(mc.goodput_mean, after.goodput, 0.01);
}

}  // namespace
