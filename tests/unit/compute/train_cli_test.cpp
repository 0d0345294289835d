// `kardashev train`: the JSON keys, the --explain breakdown, and exit code 2 with exact messages.
#include <gtest/gtest.h>

#include "validation/compute/train_cli.hpp"

namespace {

const std::string model_70b = "--params 70e9 --tokens 2e12 --layers 80 --hidden 8192 --heads 64 --kv-heads 8 --ffn 28672 ";

TEST(train_cli, json_has_every_documented_key) {
    const auto r = kd_test::kardashev_train(model_70b + "--count 1024 --layout tp=8,pp=4,dp=32 --json");
    ASSERT_EQ(r.code, 0) << r.err;
    for (const char* k : {"flops", "step_time_s", "mfu", "tokens_per_s", "days_compute", "days_wall", "interruptions",
                          "checkpoint_interval_min", "goodput", "memory_gb_per_accelerator", "layout"})
        EXPECT_TRUE(r.json.contains(k)) << k;
    EXPECT_EQ(r.json["layout"], "tp=8,pp=4,dp=32");
    EXPECT_GT(r.json["days_wall"].get<double>(), r.json["days_compute"].get<double>());
}

TEST(train_cli, explain_shares_add_up_to_the_step) {
    const auto r = kd_test::kardashev_train(model_70b + "--count 1024 --layout tp=8,pp=4,dp=32 --explain --json");
    ASSERT_EQ(r.code, 0) << r.err;
    double share = 0.0;
    for (const char* k : {"compute", "recompute", "tp_comm", "cp_comm", "ep_comm", "pp_comm", "bubble", "dp_comm_exposed", "optimizer"})
        share += r.json["explain"][k]["share"].get<double>();
    EXPECT_NEAR(share, 1.0, 1e-9);
}

TEST(train_cli, search_returns_a_layout) {
    const auto r = kd_test::kardashev_train(model_70b + "--count 256 --search --json");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_FALSE(r.json["layout"].is_null());
    EXPECT_GT(r.json["layouts_evaluated"].get<int>(), 1);
}

TEST(train_cli, orbit_with_slower_lasers_trains_slower) {
    const std::string base = model_70b + "--count 1024 --layout tp=8,pp=4,dp=32 --site orbit --json ";
    const auto fast = kd_test::kardashev_train(base + "--set isl_bandwidth=1.6Tbps");
    const auto slow = kd_test::kardashev_train(base + "--set isl_bandwidth=100Gbps");
    ASSERT_EQ(fast.code, 0) << fast.err;
    ASSERT_EQ(slow.code, 0) << slow.err;
    EXPECT_LT(slow.json["mfu"].get<double>(), fast.json["mfu"].get<double>());
}

TEST(train_cli, zero_accelerators_exit_2) {
    const auto r = kd_test::kardashev_train(model_70b + "--count 0 --layout tp=1");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "kardashev: error: --count: expected at least one accelerator, got 0\n");
}

TEST(train_cli, an_unknown_site_exits_2_with_the_known_kinds) {
    const auto r = kd_test::kardashev_train(model_70b + "--count 1024 --site mars");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "kardashev: error: --site: unknown kind \"mars\"; expected ground, orbit or moon\n");
}

TEST(train_cli, tp_that_does_not_divide_the_heads_exits_2) {
    const auto r = kd_test::kardashev_train(model_70b + "--count 96 --layout tp=3,pp=4,dp=8");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "kardashev: error: training: tensor-parallel size 3 does not divide the 64 attention heads\n");
}

TEST(train_cli, a_layout_that_does_not_fit_exits_2_with_its_memory) {
    const auto r = kd_test::kardashev_train(model_70b + "--count 8 --layout tp=8,pp=1,dp=1 --set batch=\"65536 tokens\"");
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err.rfind("kardashev: error: training: layout tp=8,pp=1,dp=1 needs ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("the H100 has 85.5 GB"), std::string::npos) << r.err;  // 80 GiB: 81,559 MiB usable
}

TEST(train_cli, an_unknown_set_key_exits_2) {
    const auto r = kd_test::kardashev_train(model_70b + "--count 8 --layout tp=8 --set warp=9");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--set: unknown key \"warp\""), std::string::npos) << r.err;
}

}  // namespace
