// The layout search on any accelerator count (issue 20): the layout uses as many accelerators as it can and
// the rest are spares; the batch is given in sequences or in tokens with a unit.
#include <gtest/gtest.h>

#include "kardashev/compute/parallel.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "support/compute_fixtures.hpp"
#include "validation/compute/train_cli.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::compute;

const accelerator& catalogue(const std::string& name) {
    for (const auto& a : io::builtin_accelerators())
        if (a.name == name) return a;
    throw std::runtime_error("no " + name);
}

/// GPT-3 175B as Narayanan et al. 2021 table 1 trains it: 96 layers, width 12,288, 96 heads, s = 2048.
transformer gpt3() {
    transformer m;
    m.layers = 96;
    m.hidden = 12'288;
    m.heads = 96;
    m.gated_mlp = false;
    m.vocab = 51'200;
    m.seq = 2048;
    return m;
}

void expect_a_layout_within(const layout_search& found, int count) {
    EXPECT_LE(layout_size(found.best), count);
    EXPECT_EQ(found.spares, count - found.step.accelerators);
    EXPECT_EQ(found.step.accelerators, layout_size(found.best));
    EXPECT_LE(found.step.memory.total_b, 80e9);
    EXPECT_GT(found.step.mfu, 0.05);
}

TEST(layout_search, finds_a_layout_for_100000_h100_that_no_power_of_two_divides) {
    const transformer m = shape_for(1e12, 8192);
    const auto found = search_layout(m, make_cluster(catalogue("H100"), 100'000));
    expect_a_layout_within(found, 100'000);
    EXPECT_GT(found.step.accelerators, 90'000);  // most of the cluster works
}

TEST(layout_search, finds_a_layout_for_a_million_h100) {
    // 2,048 sequences of 8,192 tokens (16M, Llama 3's batch) cap dp at 2,048: a replica of 1T needs
    // tp x pp >= 489 to use a million accelerators.
    const transformer m = shape_for(1e12, 8192);
    const auto found = search_layout(m, make_cluster(catalogue("H100"), 1'000'000));
    expect_a_layout_within(found, 1'000'000);
    EXPECT_LE(found.best.dp * found.best.micro_batch, 2048);
}

TEST(layout_search, finds_a_layout_for_gpt3_on_1536_a100) {
    // Narayanan et al. 2021 table 1: 175B on 1,536 A100 with a batch of 1,536 sequences (t = 8, p = 8, d = 24).
    step_options o;
    o.global_batch_sequences = 1536;
    const auto found = search_layout(gpt3(), make_cluster(catalogue("A100"), 1536), o);
    expect_a_layout_within(found, 1536);
    EXPECT_EQ(found.spares, 0);
}

TEST(layout_search, the_cli_reads_a_batch_in_sequences_or_tokens_and_refuses_a_bare_number) {
    const std::string gpt3_args =
        "--params 175e9 --tokens 300e9 --layers 96 --hidden 12288 --heads 96 --gelu --vocab 51200 --seq 2048 "
        "--accelerator A100 --count 1536 --search --json ";
    const auto in_sequences = kd_test::kardashev_train(gpt3_args + "--set \"batch=1536 sequences\"");
    ASSERT_EQ(in_sequences.code, 0) << in_sequences.err;
    EXPECT_EQ(in_sequences.json["spares"].get<int>(), 0);
    const auto in_tokens = kd_test::kardashev_train(gpt3_args + "--set \"batch=3145728 tokens\"");
    ASSERT_EQ(in_tokens.code, 0) << in_tokens.err;
    EXPECT_EQ(in_tokens.json["layout"], in_sequences.json["layout"]);
    const auto bare = kd_test::kardashev_train(gpt3_args + "--set batch=1536");
    EXPECT_EQ(bare.code, 2);
    EXPECT_NE(bare.err.find("--set batch: expected a batch in sequences or tokens with its unit (e.g. \"2048 sequences\" or "
                            "\"16 Mtok\"), got \"1536\""),
              std::string::npos)
        << bare.err;
}

TEST(layout_search, covers_expert_parallelism_for_a_mixture_of_experts) {
    // DeepSeek-V3's shape (c8_deepseek_v3_test) on 2,048 H800: 1.4 TB of BF16 weights cannot sit on a
    // replica without splitting its 256 experts.
    const transformer m = kardashev::testing::model_deepseek_v3();
    step_options o;
    o.global_batch_sequences = 15'360;
    const auto found = search_layout(m, make_cluster(catalogue("H800"), 2048), o);
    expect_a_layout_within(found, 2048);
    EXPECT_GT(found.best.ep, 1);
    EXPECT_GT(found.step.ep_comm_s, 0.0);
    EXPECT_FALSE(found.best.fp8);  // the search keeps BF16
}

TEST(layout_search, the_cli_builds_a_mixture_of_experts_from_its_options) {
    const auto r = kd_test::kardashev_train(
        "--params 671e9 --tokens 14.8e12 --layers 61 --hidden 7168 --heads 128 --ffn 2048 --experts 256 --top-k 8 "
        "--shared-experts 1 --vocab 129280 --seq 4096 --accelerator H800 --count 2048 "
        "--layout tp=1,pp=16,dp=128,ep=64,fp8=1 --set \"batch=15360 sequences\" --json");
    ASSERT_EQ(r.code, 0) << r.err;
    // 6 N_active D with N_active = 61 (4 h^2 + 9 x 3 h f) + 2 V h.
    const double h = 7168, f = 2048, v = 129'280;
    EXPECT_NEAR(r.json["flops"].get<double>(), 6.0 * (61.0 * (4.0 * h * h + 27.0 * h * f) + 2.0 * v * h) * 14.8e12, 1e15);
}

TEST(layout_search, the_cli_reports_spares_on_100000_h100) {
    const auto r = kd_test::kardashev_train("--params 1e12 --tokens 20e12 --count 100000 --search --json");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_GT(r.json["spares"].get<int>(), 0);
    EXPECT_LT(r.json["spares"].get<int>(), 10'000);
}

}  // namespace
