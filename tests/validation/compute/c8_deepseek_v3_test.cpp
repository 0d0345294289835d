// Source: DeepSeek-AI 2024, "DeepSeek-V3 Technical Report" (arXiv:2412.19437): 671B total and 37B active parameters (sec. 4.2), 14.8T pre-training tokens, 2.664 M H800 GPU-hours for pre-training of 2.788 M in all, on 2,048 H800 (table 1, sec. 3.1); issue 20: kardashev's pre-training time within +-15 %.
//
// The shape (sec. 4.2): 61 layers of width 7,168 with 128 heads; 256 routed experts of width 2,048, 8
// routed per token, one shared expert; vocabulary 129,280 (~128K); sequences of 4,096; batch 15,360
// sequences. The training (sec. 3.2): pipeline 16, expert parallelism 64 across 8 nodes, ZeRO-1 data
// parallelism, no tensor parallelism, FP8 matrix products (sec. 3.3), recomputation of norms and
// up-projections (selective here). Approximations, stated: multi-head latent attention is counted as
// full multi-head attention of width 7,168 (its parameters within 10 %), and the first three layers'
// dense MLPs as MoE layers (+33B); so the total is held to +-6 %, to +-1 % with those three layers made
// dense by hand, and the active count to +-5 %.
// Tolerance on GPU-hours: the issue's +-15 %.
#include <gtest/gtest.h>

#include "kardashev/compute/parallel.hpp"
#include "kardashev/compute/training_plan.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "support/compute_fixtures.hpp"

namespace {

using namespace kardashev;

compute::transformer deepseek_v3() { return kardashev::testing::model_deepseek_v3(); }

const compute::accelerator& h800() {
    for (const auto& a : io::builtin_accelerators())
        if (a.name == "H800") return a;
    throw std::runtime_error("no H800");
}

compute::layout deepseek_layout() {
    return compute::parse_layout("tp=1,pp=16,dp=128,ep=64,fp8=1");
}

compute::training_request request() {
    compute::training_request r;
    r.params = compute::parameter_count(deepseek_v3());
    r.tokens = 14.8e12;
    r.shape = deepseek_v3();
    r.accel = h800();
    r.count = 2048;
    r.given_layout = deepseek_layout();
    r.step.global_batch_sequences = 15'360;
    return r;
}

TEST(c8_deepseek_v3, total_and_active_parameters_are_671b_and_37b) {
    // The model counts all 61 MLPs as MoE; the report's first three are dense of width 18,432 (sec. 4.2).
    const double h = 7168;
    const double moe_mlp = 3.0 * h * 2048 * (256 + 1);
    const double dense_mlp = 3.0 * h * 18'432;
    const double total = compute::parameter_count(deepseek_v3());
    EXPECT_NEAR(total / 671e9, 1.0, 0.06);
    EXPECT_NEAR((total - 3.0 * (moe_mlp - dense_mlp)) / 671e9, 1.0, 0.01);
    EXPECT_NEAR(compute::active_parameter_count(deepseek_v3()) / 37e9, 1.0, 0.05);
}

TEST(c8_deepseek_v3, training_flop_comes_from_the_active_parameters) {
    const auto plan = compute::plan_training(request());
    EXPECT_NEAR(plan.flops, 6.0 * compute::active_parameter_count(deepseek_v3()) * 14.8e12, 1e12);
}

TEST(c8_deepseek_v3, fits_in_80_gb_per_h800) {
    const auto plan = compute::plan_training(request());
    EXPECT_LE(plan.step->memory.total_b, 80e9);
}

TEST(c8_deepseek_v3, pre_training_takes_2_664_million_h800_hours_within_15_percent) {
    const auto plan = compute::plan_training(request());
    const double gpu_hours = plan.days_compute * 24.0 * 2048.0;
    EXPECT_NEAR(gpu_hours / 2.664e6, 1.0, 0.15) << gpu_hours << " GPU-hours, MFU " << plan.mfu;
}

}  // namespace
