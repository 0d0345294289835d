// Source: Llama 3 paper (arXiv:2407.21783) sec. 3.3.4 and VALIDATION.md C2: 419 unexpected interruptions in 54 days on 16,384 H100 (+-20 %); 50,000 h per-GPU MTBF; Young/Daly ~19 min at a 60 s checkpoint; effective training time ~90 %.
//
// Tolerances: the interruption count is a Poisson outcome of one run (sd ~ 20 on 419) and the
// MTBF is a round figure, hence VALIDATION.md's +-20 %. The interval is quoted as "about 19 min"
// (+-1 min). The paper's effective training time is ">90 %"; the first-order Young/Daly waste
// sqrt(2 delta / M) = 10.4 % puts the model at 89.9 % with an instant restart, so the test asks
// for 90 % within one point (the paper's figure also counts time the model does not see, and the
// restart time of a few minutes lowers the model further: see the last test).
#include <gtest/gtest.h>

#include "kardashev/compute/reliability.hpp"
#include "validation/compute/train_cli.hpp"

namespace {

using namespace kardashev;

constexpr double gpus = 16'384;
constexpr double mtbf_s = 50'000.0 * 3600.0;
constexpr double days54_s = 54.0 * 86400.0;

compute::reliability_inputs llama3() {
    compute::reliability_inputs in;
    in.accelerators = gpus;
    in.mtbf_s = mtbf_s;
    in.checkpoint_write_s = 60.0;
    in.restart_s = 0.0;
    return in;
}

TEST(c2_llama3, fifty_four_days_bring_about_419_interruptions) {
    const auto in = llama3();
    // Expected count over 54 days of wall time: n t / MTBF.
    const auto r = compute::expected_reliability(in, days54_s * 0.9);
    EXPECT_NEAR(r.wall_s / 86400.0, 54.0, 1.0);
    EXPECT_NEAR(r.interruptions, 419.0, 0.2 * 419.0);
    // The seeded Monte Carlo has the same mean and a Poisson-like spread.
    const auto mc = compute::monte_carlo_reliability(in, days54_s * 0.9, 200, 7);
    EXPECT_NEAR(mc.interruptions_mean, 419.0, 0.2 * 419.0);
    EXPECT_NEAR(mc.interruptions_std, std::sqrt(mc.interruptions_mean), 0.3 * std::sqrt(mc.interruptions_mean));
}

TEST(c2_llama3, young_daly_interval_is_about_19_minutes) {
    const double m = mtbf_s / gpus;
    EXPECT_NEAR(compute::young_interval_s(60.0, m) / 60.0, 19.0, 1.0);
    EXPECT_NEAR(compute::daly_interval_s(60.0, m) / 60.0, 19.0, 1.0);
}

TEST(c2_llama3, effective_training_time_is_about_ninety_percent) {
    const auto r = compute::expected_reliability(llama3(), days54_s * 0.9);
    EXPECT_NEAR(r.goodput, 0.90, 0.01);
}

TEST(c2_llama3, through_the_cli) {
    // 54 days of wall time at ~90 % goodput: 48.6 days of compute, i.e. 40 % MFU x 48.6/67.7.
    const auto r = kd_test::kardashev_train(
        "--params 405e9 --tokens 15.6e12 --accelerator H100 --count 16384 --set mfu=55.7% "
        "--set mtbf=50000h --set checkpoint_write=60s --set restart=0s --json");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NEAR(r.json["days_wall"].get<double>(), 54.0, 1.0);
    EXPECT_NEAR(r.json["interruptions"].get<double>(), 419.0, 0.2 * 419.0);
    EXPECT_NEAR(r.json["checkpoint_interval_min"].get<double>(), 19.0, 1.0);
    EXPECT_NEAR(r.json["goodput"].get<double>(), 0.90, 0.01);
    EXPECT_NEAR(r.json["monte_carlo"]["interruptions_mean"].get<double>(), 419.0, 0.2 * 419.0);
}

TEST(c2_llama3, a_ten_minute_restart_costs_about_five_points) {
    // Not a published figure: the restart term R/M of Daly 2006 (600 s / 3.05 h = 5.5 %) shows up in goodput.
    auto in = llama3();
    in.restart_s = 600.0;
    const auto r = compute::expected_reliability(in, days54_s * 0.9);
    EXPECT_NEAR(r.goodput, 0.899 / (1.0 + 600.0 / (mtbf_s / gpus)), 0.01);
}

}  // namespace
