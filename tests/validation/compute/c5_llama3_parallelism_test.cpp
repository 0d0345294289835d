// Source: Llama 3 paper (arXiv:2407.21783) table 4 and VALIDATION.md C5: TP8 x PP16 x DP64 on 8192 H100 reached 430 TFLOP/s per GPU (43 % MFU); DP128 on 16,384: 400 (41 %); +-3 points.
//
// The 8192-GPU row sets the H100 matmul efficiency in the catalogue (0.57), so its check only
// confirms the calibration; the 16,384-GPU row is the prediction: doubling DP halves the
// micro-batches per pipeline (32 -> 16 at 16M tokens per batch) and the bubble (p-1)/(v m) doubles.
// The layout as the paper describes it (sec. 3.3.2): the embedding and the output layer each take one
// layer's place, so 126 layers fill 16 stages x 8 one-layer chunks (vp = 8); no activation
// recomputation; FSDP sharding gradients and optimizer state over dp (ZeRO-2). Assumptions, stated
// because the paper does not give them: micro-batch 1 and flash attention. The memory check is on:
// the busiest stage (stage 1: 141 one-layer chunks in flight) needs 84.0 GB of the H100's 80 GiB
// (85.5 GB usable); docs/models/compute.md "Memory" gives each term.
#include <gtest/gtest.h>

#include "kardashev/compute/parallel.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "support/catalogue_part.hpp"
#include "validation/compute/train_cli.hpp"

namespace {

using namespace kardashev;

compute::transformer llama3_405b() {
    compute::transformer m;
    m.layers = 126;
    m.hidden = 16'384;
    m.heads = 128;
    m.kv_heads = 8;
    m.ffn_hidden = 53'248;
    m.vocab = 128'256;
    m.seq = 8192;
    return m;
}

const compute::accelerator& h100() { return kardashev::testing::catalogue_part("H100"); }

compute::step_breakdown run(int dp) {
    compute::layout l;
    l.tp = 8;
    l.pp = 16;
    l.dp = dp;
    l.vp = 8;
    l.zero = 2;
    l.recompute = compute::recompute::none;
    return compute::training_step(llama3_405b(), compute::make_cluster(h100(), 8 * 16 * dp), l);
}

const std::string cli_args =
    "--params 405e9 --tokens 15.6e12 --layers 126 --hidden 16384 --heads 128 --kv-heads 8 --ffn 53248 "
    "--accelerator H100 --json ";

TEST(c5_llama3, dp64_on_8192_gpus_reaches_43_percent_mfu) {
    EXPECT_NEAR(run(64).mfu, 0.43, 0.03);
    const auto r = kd_test::kardashev_train(cli_args + "--count 8192 --layout tp=8,pp=16,dp=64,vp=8,recompute=none,zero=2");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NEAR(r.json["mfu"].get<double>(), 0.43, 0.03);
}

TEST(c5_llama3, dp128_on_16384_gpus_drops_to_41_percent_mfu) {
    EXPECT_NEAR(run(128).mfu, 0.41, 0.03);
    const auto r = kd_test::kardashev_train(cli_args + "--count 16384 --layout tp=8,pp=16,dp=128,vp=8,recompute=none,zero=2");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NEAR(r.json["mfu"].get<double>(), 0.41, 0.03);
}

TEST(c5_llama3, both_layouts_fit_in_an_80_gb_h100_without_recomputation) {
    // The Llama 3 paper trains them at 8K tokens without activation checkpointing (sec. 3.3.2).
    for (int dp : {64, 128}) {
        const auto st = run(dp);
        EXPECT_LE(st.memory.total_b, h100().hbm_bytes) << dp;
        EXPECT_GT(st.memory.total_b, 0.85 * h100().hbm_bytes) << dp;  // and they need most of it
    }
    EXPECT_EQ(run(64).memory.stage, 1);
    EXPECT_NEAR(run(64).memory.in_flight, 141.0, 1e-9);
    EXPECT_NEAR(run(128).memory.in_flight, 128.0, 1e-9);  // 16 micro-batches x 8 chunks: all of them
}

TEST(c5_llama3, doubling_dp_costs_about_two_points) {
    // The published drop is 2 points (43 -> 41); the model must show a drop, of 2 +- 3 points at most.
    const double drop = run(64).mfu - run(128).mfu;
    EXPECT_GT(drop, 0.0);
    EXPECT_NEAR(drop, 0.02, 0.03);
    // And it comes from the pipeline bubble: the same bubble time in a step half as long.
    EXPECT_NEAR(run(128).bubble_s, run(64).bubble_s, 1e-9);
}

}  // namespace
