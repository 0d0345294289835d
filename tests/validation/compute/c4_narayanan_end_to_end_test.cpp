// Source: Narayanan et al. 2021 (SC'21, arXiv:2104.04473) sec. 5.1 and VALIDATION.md C4: t = 8 T P / (n X); GPT-3 175B, 300e9 tokens, 1024 A100 at 140 TFLOP/s: 34 days; 1T, 450e9 tokens, 3072 A100 at 163 TFLOP/s: 84 days.
//
// Tolerance: the paper rounds to whole days (+-0.5 d); its 84 d for 1T uses P = 1e12 where the
// formula gives 83.2 d, so that case gets +-1 d.
#include <gtest/gtest.h>

#include "kardashev/compute/parallel.hpp"
#include "kardashev/compute/training.hpp"
#include "validation/compute/train_cli.hpp"

namespace {

using namespace kardashev;

TEST(c4_narayanan, gpt3_175b_on_1024_a100_takes_34_days) {
    // Library: the coarse model with X = hardware FLOP/s and 8/6 of the 6 N D model FLOP (full recomputation).
    const double flop = compute::training_flop(175e9, 300e9) * 8.0 / 6.0;
    EXPECT_NEAR(compute::training_time_s(flop, 1024, 140e12, 1.0) / 86400.0, 34.0, 0.5);
    const auto r = kd_test::kardashev_train(
        "--params 175e9 --tokens 300e9 --accelerator A100 --count 1024 --set achieved=\"140 TFLOP/s\" --set recompute=full --json");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NEAR(r.json["days_compute"].get<double>(), 34.0, 0.5);
}

TEST(c4_narayanan, one_trillion_on_3072_a100_takes_84_days) {
    const double flop = compute::training_flop(1e12, 450e9) * 8.0 / 6.0;
    EXPECT_NEAR(compute::training_time_s(flop, 3072, 163e12, 1.0) / 86400.0, 84.0, 1.0);
    const auto r = kd_test::kardashev_train(
        "--params 1e12 --tokens 450e9 --accelerator A100 --count 3072 --set achieved=\"163 TFLOP/s\" --json");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NEAR(r.json["days_compute"].get<double>(), 84.0, 1.0);
}

TEST(c4_narayanan, the_step_model_reproduces_163_tflops_for_the_1t_model) {
    // Narayanan et al. 2021 table 1, last row: 1008B (l = 128, h = 25600, a = 160), TP8 x PP64 on
    // 3072 A100, batch 3072, s = 2048, full recomputation, no sequence parallelism: 163 TFLOP/s per
    // GPU (52 % of peak, hardware FLOP). This row sets the A100 matmul efficiency in the catalogue,
    // so the check is that the calibration holds (+-3 %), not an independent prediction.
    compute::transformer m;
    m.layers = 128;
    m.hidden = 25'600;
    m.heads = 160;
    m.ffn_hidden = 4 * 25'600;
    m.gated_mlp = false;
    m.vocab = 51'200;
    m.seq = 2048;
    compute::accelerator a100;
    a100.name = "A100";
    a100.peak_flops_bf16 = 312e12;
    a100.hbm_bytes = 80e9;
    a100.hbm_bandwidth_bytes_per_s = 2.039e12;
    a100.scale_up_size = 8;
    a100.scale_up_bandwidth_bytes_per_s = 300e9;
    a100.scale_out_bandwidth_bytes_per_s = 25e9;
    a100.matmul_efficiency = 0.72;
    compute::layout l;
    l.tp = 8;
    l.pp = 64;
    l.dp = 6;
    l.recompute = compute::recompute::full;
    l.sequence_parallel = false;
    l.zero = 0;
    compute::step_options o;
    o.flash_attention = false;
    o.global_batch_tokens = 3072.0 * 2048;
    const auto st = compute::training_step(m, compute::make_cluster(a100, 3072), l, o);
    EXPECT_NEAR(st.hfu * 312.0, 163.0, 0.03 * 163.0);
}

}  // namespace
