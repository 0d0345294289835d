// Inference roofline: decode reads every weight once per step; prefill is compute-bound.
#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/compute/inference.hpp"
#include "kardashev/core/error.hpp"
#include "support/compute_fixtures.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::compute;

using kardashev::testing::h100;
using kardashev::testing::model_70b;

TEST(inference, batch_one_decode_is_memory_bound_at_bandwidth_over_weight_bytes) {
    inference_setup s;
    s.tp = 2;
    s.batch = 1;
    s.context = 1024;
    const auto r = inference_throughput(model_70b(), h100(), s);
    EXPECT_TRUE(r.decode_memory_bound);
    // 2 x 3.35 TB/s over 141 GB of BF16 weights: ~47 steps/s for the replica, ~24 tokens/s per GPU.
    EXPECT_NEAR(r.decode_tokens_per_s, 2 * 3.35e12 / (2.0 * parameter_count(model_70b())) / 2.0, 0.5);
}

TEST(inference, plain_attention_caches_keys_and_values_of_each_kv_head) {
    // Llama 2/3 70B: 80 layers x 2 (K, V) x 8 KV heads x 128 wide x 2 bytes = 327,680 B per token in BF16.
    EXPECT_DOUBLE_EQ(kv_cache_bytes_per_token(model_70b(), 2.0), 80.0 * 2.0 * 8.0 * 128.0 * 2.0);
}

TEST(inference, latent_attention_caches_the_latent_and_the_rope_key) {
    // DeepSeek-V3 (arXiv:2412.19437 sec. 2.1.1): (d_c 512 + d_h^R 64) x 61 layers x 2 bytes = 70,272 B per token in BF16,
    // against 61 x 2 x 128 heads x 128 x 2 = 3,997,696 B for plain multi-head attention of its width.
    const auto v3 = kardashev::testing::model_deepseek_v3();
    EXPECT_DOUBLE_EQ(kv_cache_bytes_per_token(v3, 2.0), (512.0 + 64.0) * 61.0 * 2.0);
    EXPECT_DOUBLE_EQ(kv_cache_bytes_per_token(v3, 1.0), (512.0 + 64.0) * 61.0);
    auto plain = v3;
    plain.kv_cache_width = 0;
    EXPECT_DOUBLE_EQ(kv_cache_bytes_per_token(plain, 2.0), 61.0 * 2.0 * 7168.0 * 2.0);
}

TEST(inference, the_decode_memory_holds_and_reads_the_latent_cache) {
    const auto v3 = kardashev::testing::model_deepseek_v3();
    inference_setup s;
    s.tp = 16;
    s.batch = 64;
    s.context = 4096;
    s.weight_bytes_per_param = 1.0;
    const auto r = inference_throughput(v3, h100(), s);
    const double kv = 64.0 * 4096.0 * (512.0 + 64.0) * 61.0 * 2.0;
    EXPECT_NEAR(r.memory_bytes, (parameter_count(v3) + kv) / 16.0, 1.0);
    EXPECT_TRUE(r.decode_memory_bound);
    EXPECT_NEAR(r.decode_step_s, (decode_weight_bytes(v3, 64, 1.0) + kv) / (16.0 * 3.35e12), 1e-12);
}

TEST(inference, larger_batches_raise_decode_throughput_until_compute_binds) {
    inference_setup s;
    s.tp = 4;
    s.context = 2048;
    double last = 0.0;
    for (int b : {1, 8, 32}) {
        s.batch = b;
        const double t = inference_throughput(model_70b(), h100(), s).decode_tokens_per_s;
        EXPECT_GT(t, last);
        last = t;
    }
}

TEST(inference, weights_that_do_not_fit_are_an_input_error) {
    inference_setup s;
    s.tp = 1;
    EXPECT_THROW(inference_throughput(model_70b(), h100(), s), input_error);
}

}  // namespace

namespace {

using namespace kardashev;
using namespace kardashev::compute;

inference_setup tp4_setup() {
    inference_setup s;
    s.tp = 4;
    s.batch = 64;
    s.context = 2048;
    return s;
}

TEST(serving, an_empty_prompt_serves_at_the_decode_rate) {
    const auto s = tp4_setup();
    const double decode = inference_throughput(kardashev::testing::model_70b(), kardashev::testing::h100(), s).decode_tokens_per_s;
    EXPECT_DOUBLE_EQ(serving_tokens_per_s(kardashev::testing::model_70b(), kardashev::testing::h100(), s, {.input_tokens = 0.0, .output_tokens = 500.0}), decode);
}

TEST(serving, each_output_token_carries_its_prompt_share_of_prefill) {
    const auto s = tp4_setup();
    const auto r = inference_throughput(kardashev::testing::model_70b(), kardashev::testing::h100(), s);
    const double served = serving_tokens_per_s(kardashev::testing::model_70b(), kardashev::testing::h100(), s, {.input_tokens = 3000.0, .output_tokens = 1000.0});
    EXPECT_NEAR(1.0 / served, 1.0 / r.decode_tokens_per_s + 3.0 / r.prefill_tokens_per_s, 1e-15);
}

TEST(serving, fp8_matrix_products_double_the_compute_bound_prefill) {
    auto s = tp4_setup();
    auto a = kardashev::testing::h100();
    a.peak_flops_fp8 = 2.0 * a.peak_flops_bf16;
    const double bf16 = inference_throughput(kardashev::testing::model_70b(), a, s).prefill_tokens_per_s;
    s.fp8_matmul = true;
    EXPECT_NEAR(inference_throughput(kardashev::testing::model_70b(), a, s).prefill_tokens_per_s / bf16, 2.0, 1e-12);
}

TEST(inference, a_decode_step_reads_the_experts_its_tokens_visit) {
    transformer m = kardashev::testing::model_deepseek_v3();  // 256 routed experts, top-8, 1 shared
    EXPECT_DOUBLE_EQ(expected_experts_read(m, 1), 9.0);      // one token: its 8 routed experts and the shared one
    // 32 tokens: 256 (1 - (1 - 8/256)^32) + 1, the occupancy expectation, by hand 161.0
    EXPECT_NEAR(expected_experts_read(m, 32), 256.0 * (1.0 - std::pow(248.0 / 256.0, 32)) + 1.0, 1e-9);
    EXPECT_NEAR(expected_experts_read(m, 100'000), 257.0, 1e-9);  // a large batch visits every expert
    EXPECT_DOUBLE_EQ(expected_experts_read(model_70b(), 7), 1.0);  // dense
    // bytes: one token reads the non-expert weights and 9 experts; a large batch reads every weight
    const double per_expert = 61.0 * 3.0 * 7168.0 * 2048.0;
    EXPECT_NEAR(decode_weight_bytes(m, 1, 1.0), parameter_count(m) - 248.0 * per_expert, 1.0);
    EXPECT_NEAR(decode_weight_bytes(m, 100'000, 1.0), parameter_count(m), 1.0);
    EXPECT_DOUBLE_EQ(decode_weight_bytes(model_70b(), 3, 2.0), 2.0 * parameter_count(model_70b()));
}

TEST(serving, a_workload_without_answers_is_an_input_error) {
    EXPECT_THROW(serving_tokens_per_s(kardashev::testing::model_70b(), kardashev::testing::h100(), tp4_setup(), {.input_tokens = 10.0, .output_tokens = 0.0}),
                 input_error);
    EXPECT_DOUBLE_EQ(serving_accelerator_seconds(7200.0, 2.0), 3600.0);
}

}  // namespace
