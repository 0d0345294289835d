// The training step model: layouts, errors with exact messages, and the direction of each effect.
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

std::string message_of(const std::function<void()>& f) { return kardashev::testing::error_message<input_error>(f); }

TEST(parallel, llama_70b_shape_has_70_billion_parameters) {
    EXPECT_NEAR(parameter_count(model_70b()) / 1e9, 70.6, 0.5);
}

TEST(parallel, layouts_round_trip_through_text) {
    const layout l = parse_layout("tp=8,pp=16,dp=64,vp=7,mb=2,recompute=full,sp=0");
    EXPECT_EQ(l.tp, 8);
    EXPECT_EQ(l.vp, 7);
    EXPECT_EQ(l.micro_batch, 2);
    EXPECT_EQ(l.recompute, recompute::full);
    EXPECT_FALSE(l.sequence_parallel);
    EXPECT_EQ(parse_layout(to_string(l)), l);
    EXPECT_EQ(message_of([] { parse_layout("tp=8,zz=2"); }),
              "layout: unknown key \"zz\"; known: tp, pp, dp, cp, ep, vp, mb, sp, recompute, zero, fp8");
    EXPECT_EQ(message_of([] { parse_layout("tp=0"); }), "layout: expected a positive integer for tp, got \"0\" in \"tp=0\"");
}

TEST(parallel, a_tensor_parallel_size_that_does_not_divide_the_heads_is_an_error) {
    auto m = model_70b();
    m.heads = 60;
    m.hidden = 7680;
    layout l;
    l.tp = 8;
    l.pp = 8;
    l.dp = 1;
    EXPECT_EQ(message_of([&] { training_step(m, make_cluster(h100(), 64), l); }),
              "training: tensor-parallel size 8 does not divide the 60 attention heads");
}

TEST(parallel, zero_accelerators_is_an_error) {
    EXPECT_EQ(message_of([] { make_cluster(h100(), 0); }), "cluster: expected at least one accelerator, got 0");
}

TEST(parallel, a_layout_larger_than_the_cluster_is_an_error) {
    layout l;
    l.tp = 8;
    l.pp = 4;
    l.dp = 8;
    EXPECT_EQ(message_of([&] { training_step(model_70b(), make_cluster(h100(), 128), l); }),
              "training: layout tp=8,pp=4,dp=8 uses tp x pp x dp x cp = 256 accelerators, the cluster has 128");
}

TEST(parallel, a_layout_smaller_than_the_cluster_leaves_spares) {
    layout l;
    l.tp = 8;
    l.pp = 4;
    l.dp = 2;
    const auto on_64 = training_step(model_70b(), make_cluster(h100(), 64), l);
    const auto on_100 = training_step(model_70b(), make_cluster(h100(), 100), l);
    EXPECT_EQ(on_100.accelerators, 64);
    EXPECT_DOUBLE_EQ(on_100.step_s, on_64.step_s);
    EXPECT_DOUBLE_EQ(on_100.mfu, on_64.mfu);  // utilisation of the accelerators that work
}

TEST(parallel, a_model_that_does_not_fit_names_each_memory_term) {
    layout l;  // 70B on one H100: 18 B/param is 1.3 TB
    l.dp = 1;
    step_options o;
    o.global_batch_tokens = 8192;
    EXPECT_EQ(message_of([&] { training_step(model_70b(), make_cluster(h100(), 1), l, o); }),
              "training: layout tp=1,pp=1,dp=1 needs 1454.2 GB per accelerator on stage 0 (weights 141.1 GB, gradients "
              "282.2 GB, optimizer 846.6 GB, ZeRO buffers 0.0 GB, activations 180.0 GB, logits 4.2 GB), the H100 has 80.0 GB");
}

TEST(parallel, the_breakdown_adds_up_to_the_step) {
    layout l;
    l.tp = 8;
    l.pp = 4;
    l.dp = 32;
    l.vp = 2;
    const auto st = training_step(model_70b(), make_cluster(h100(), 1024), l);
    EXPECT_NEAR(st.compute_s + st.tp_exposed_s + st.cp_comm_s + st.ep_comm_s + st.pp_comm_s + st.bubble_s +
                    st.dp_exposed_s + st.optimizer_s,
                st.step_s, 1e-9 * st.step_s);
    EXPECT_GT(st.mfu, 0.2);
    EXPECT_LT(st.mfu, st.hfu + 1e-12);
    EXPECT_LT(st.memory.total_b, 80e9);
}

TEST(parallel, interleaving_shrinks_the_bubble) {
    layout l;
    l.tp = 8;
    l.pp = 8;
    l.dp = 16;
    const auto plain = training_step(model_70b(), make_cluster(h100(), 1024), l);
    l.vp = 5;
    const auto interleaved = training_step(model_70b(), make_cluster(h100(), 1024), l);
    EXPECT_NEAR(interleaved.bubble_s / plain.bubble_s, 1.0 / 5.0, 0.05);
    EXPECT_LT(interleaved.step_s, plain.step_s);
}

TEST(parallel, full_recomputation_costs_a_third_more_compute_and_saves_memory) {
    layout l;
    l.tp = 8;
    l.pp = 8;
    l.dp = 16;
    l.recompute = recompute::none;
    const auto none = training_step(model_70b(), make_cluster(h100(), 1024), l);
    l.recompute = recompute::full;
    const auto full = training_step(model_70b(), make_cluster(h100(), 1024), l);
    EXPECT_NEAR((full.compute_s - full.recompute_s) / none.compute_s, 1.0, 1e-9);
    // One more forward pass of every layer: a third more, a little less because logits are not recomputed.
    EXPECT_GT(full.compute_s / none.compute_s, 1.25);
    EXPECT_LT(full.compute_s / none.compute_s, 4.0 / 3.0);
    EXPECT_LT(full.memory.activations_b, none.memory.activations_b / 10.0);
}

TEST(parallel, slower_inter_satellite_links_lower_utilisation) {
    layout l;
    l.tp = 8;
    l.pp = 8;
    l.dp = 16;
    double last = 1.0;
    for (double gbps : {6400.0, 1600.0, 400.0, 100.0}) {
        cluster c = make_cluster(h100(), 1024);
        c.site = site_kind::orbit;
        c.node_size = 8;
        c.inter_node = {gbps * 1e9 / 8.0, 1e-6};
        const double mfu = training_step(model_70b(), c, l).mfu;
        EXPECT_LT(mfu, last) << gbps;
        last = mfu;
    }
}

TEST(parallel, the_search_finds_a_layout_at_least_as_fast_as_a_given_one) {
    layout l;
    l.tp = 8;
    l.pp = 8;
    l.dp = 16;
    const auto given = training_step(model_70b(), make_cluster(h100(), 1024), l);
    const auto found = search_layout(model_70b(), make_cluster(h100(), 1024));
    EXPECT_LE(found.step.step_s, given.step_s);
    EXPECT_GT(found.evaluated, 10);
    EXPECT_LE(found.step.memory.total_b, 80e9);
}

TEST(parallel, a_derived_shape_has_about_the_asked_parameters) {
    // Widths are rounded to 128, which at 1e9 moves the count by up to ~8 %.
    for (double n : {1e9, 70e9, 405e9, 2e12}) EXPECT_NEAR(parameter_count(shape_for(n, 8192)) / n, 1.0, 0.1) << n;
}

}  // namespace
