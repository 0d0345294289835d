// The memory model of a training step (docs/models/compute.md "Memory"): Korthikanti et al. 2022's activation
// count term by term, the in-flight micro-batches of 1F1B and interleaved 1F1B, ZeRO's sharding, FP8.
#include <gtest/gtest.h>

#include "kardashev/compute/parallel.hpp"
#include "kardashev/core/error.hpp"
#include "support/compute_fixtures.hpp"
#include "support/error_message.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::compute;

using kardashev::testing::h100;
using kardashev::testing::model_70b;

/// A GPT layer as Korthikanti et al. 2022 count it: GeLU MLP of 4 h, dropout, no GQA.
transformer gpt() {
    transformer m;
    m.layers = 8;
    m.hidden = 4096;
    m.heads = 32;
    m.ffn_hidden = 4 * 4096;
    m.gated_mlp = false;
    m.dropout = true;
    m.vocab = 51'200;
    m.seq = 2048;
    return m;
}

accelerator roomy() {
    accelerator a = h100();
    a.hbm_bytes = 1e15;  // the check stays out of the way: these tests read the terms
    return a;
}

step_breakdown one_sequence(const transformer& m, layout l, bool flash = false, int count = 1) {
    step_options o;
    o.flash_attention = flash;
    o.global_batch_sequences = l.dp * l.micro_batch;
    return training_step(m, make_cluster(roomy(), count), l, o);
}

TEST(training_memory, a_gpt_layer_stores_34_sbh_plus_5_as2b_bytes) {
    // Korthikanti et al. 2022 eq. 1: s b h (34 + 5 a s / h) without parallelism or recomputation.
    layout l;
    l.recompute = recompute::none;
    const auto st = one_sequence(gpt(), l);
    const double s = 2048, b = 1, h = 4096, a = 32;
    EXPECT_NEAR(st.memory.per_layer_b / (s * b * h * (34.0 + 5.0 * a * s / h)), 1.0, 1e-12);
}

TEST(training_memory, tensor_and_sequence_parallelism_divide_every_term) {
    // Korthikanti et al. 2022 eq. 2 (tensor parallelism: 10 + 24/t + 5as/(ht)) and eq. 4 (with sequence
    // parallelism: (34 + 5as/h) / t).
    const double s = 2048, h = 4096, a = 32, t = 8;
    layout l;
    l.tp = 8;
    l.recompute = recompute::none;
    l.sequence_parallel = false;
    EXPECT_NEAR(one_sequence(gpt(), l, false, 8).memory.per_layer_b / (s * h * (10.0 + 24.0 / t + 5.0 * a * s / (h * t))), 1.0,
                1e-12);
    l.sequence_parallel = true;
    EXPECT_NEAR(one_sequence(gpt(), l, false, 8).memory.per_layer_b / (s * h * (34.0 + 5.0 * a * s / h) / t), 1.0, 1e-12);
    // Selective recomputation drops the 5 a s^2 b of the attention core (sec. 5): 34 s b h / t.
    l.recompute = recompute::selective;
    EXPECT_NEAR(one_sequence(gpt(), l, false, 8).memory.per_layer_b / (s * h * 34.0 / t), 1.0, 1e-12);
}

TEST(training_memory, a_llama_layer_follows_gqa_swiglu_and_flash_attention) {
    // No dropout; Q, K, V of h + 2 h_kv; SwiGLU's gate, up and product (6 s b f); flash attention keeps
    // only the FP32 log-sum-exp (4 a s b) of the scores.
    const auto m = model_70b();
    layout l;
    l.tp = 8;
    l.recompute = recompute::none;
    const auto st = one_sequence(m, l, true, 8);
    const double s = 8192, h = 8192, hkv = 1024, f = 28'672, a = 64, t = 8;
    const double expected = s * h * (12.0 + 4.0 * hkv / h + 6.0 * f / h) / t + 4.0 * a * s / t;
    EXPECT_NEAR(st.memory.per_layer_b / expected, 1.0, 1e-12);
}

TEST(training_memory, full_recompute_keeps_each_layers_input_and_one_layer) {
    layout l;
    l.tp = 8;
    l.recompute = recompute::full;
    const auto st = one_sequence(gpt(), l, true, 8);
    const double s = 2048, h = 4096, t = 8;
    EXPECT_NEAR(st.memory.per_layer_b, 2.0 * s * h / t, 1e-6);
    layout none = l;
    none.recompute = recompute::none;
    const double one_layer = one_sequence(gpt(), none, true, 8).memory.per_layer_b;
    EXPECT_NEAR(st.memory.activations_b, st.memory.in_flight * 2.0 * s * h / t + one_layer, 1e-3);
}

TEST(training_memory, interleaving_keeps_more_micro_batches_in_flight) {
    // Llama 3 405B on 16 stages: 126 layers + embedding + output = 8 places per stage, one layer fewer on
    // the first and last stage (Llama 3 paper sec. 3.3.2). 32 micro-batches per pipeline.
    transformer m = model_70b();
    m.layers = 126;
    layout l;
    l.tp = 8;
    l.pp = 16;
    l.dp = 1;
    l.recompute = recompute::none;
    step_options o;
    o.global_batch_sequences = 32;
    o.check_memory = false;
    const auto plain = training_step(m, make_cluster(h100(), 128), l, o);
    // 1F1B: stage 0 holds p = 16 micro-batches of its 7 layers (112), stage 1 p - 1 = 15 of its 8 (120).
    EXPECT_EQ(plain.memory.stage, 1);
    EXPECT_NEAR(plain.memory.in_flight, 15.0 * 8.0, 1e-9);
    // Interleaved with v = 8: 2 (p - r - 1) + (v - 1) p + 1 chunks of one layer; stage 1: 28 + 112 + 1 = 141.
    l.vp = 8;
    const auto inter = training_step(m, make_cluster(h100(), 128), l, o);
    EXPECT_EQ(inter.memory.stage, 1);
    EXPECT_NEAR(inter.memory.in_flight, 141.0, 1e-9);
    EXPECT_NEAR(inter.memory.layers, 8.0, 1e-12);
    // On stage 0 it is Korthikanti et al. 2022 sec. 4.2.3's p (1 + (p - 1)/(p v)) micro-batches.
    EXPECT_NEAR((2.0 * 15 + 7 * 16 + 1) / 8.0, 16.0 * (1.0 + 15.0 / (16.0 * 8)), 1e-12);
}

TEST(training_memory, zero_stages_shard_what_rajbhandari_et_al_shard) {
    // ZeRO fig. 1 with 2 B weights, 4 B FP32 gradients and 12 B optimizer state per parameter, N_d = 64.
    const auto m = model_70b();
    layout l;
    l.tp = 8;
    l.dp = 64;
    double per_rank = 0.0;
    for (int zero : {0, 1, 2, 3}) {
        l.zero = zero;
        const auto mem = one_sequence(m, l, true, 512).memory;
        if (zero == 0) per_rank = mem.weights_b / 2.0;
        EXPECT_NEAR(mem.weights_b, per_rank * (zero >= 3 ? 2.0 / 64 : 2.0), 1.0) << zero;
        EXPECT_NEAR(mem.gradients_b, per_rank * (zero >= 2 ? 4.0 / 64 : 4.0), 1.0) << zero;
        EXPECT_NEAR(mem.optimizer_b, per_rank * (zero >= 1 ? 12.0 / 64 : 12.0), 1.0) << zero;
        EXPECT_EQ(mem.buffers_b > 0.0, zero >= 2) << zero;
    }
    EXPECT_NEAR(per_rank, parameter_count(m) / 8.0, 1.0);
}

TEST(training_memory, fp8_halves_weights_and_stored_matrix_inputs) {
    const auto m = model_70b();
    accelerator a = roomy();
    a.peak_flops_fp8 = 2.0 * a.peak_flops_bf16;
    layout l;
    l.tp = 8;
    step_options o;
    o.global_batch_sequences = 1;
    const auto bf16 = training_step(m, make_cluster(a, 8), l, o);
    l.fp8 = true;
    const auto fp8 = training_step(m, make_cluster(a, 8), l, o);
    EXPECT_NEAR(fp8.memory.weights_b, 0.5 * bf16.memory.weights_b, 1.0);
    EXPECT_LT(fp8.memory.per_layer_b, bf16.memory.per_layer_b);
    EXPECT_LT(fp8.step_s, bf16.step_s);
    accelerator no_fp8 = roomy();
    EXPECT_EQ(kardashev::testing::error_message<input_error>([&] { training_step(m, make_cluster(no_fp8, 8), l, o); }),
              "training: fp8 needs an FP8 peak, and the H100 has none");
}

}  // namespace
