// Recovery at scale (docs/models/compute.md "Recovery at scale"): each measure moves goodput the way its
// mechanism says, the measures off leave Daly 2006 as it was, and the Monte Carlo follows the closed form.
#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/compute/reliability.hpp"
#include "kardashev/core/error.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::compute;

constexpr double solve_s = 30.0 * 86400.0;

reliability_inputs job(double gpus) {
    reliability_inputs in;
    in.accelerators = gpus;
    in.mtbf_s = 50'000.0 * 3600.0;
    in.checkpoint_write_s = 60.0;
    in.restart_s = 600.0;
    return in;
}

TEST(recovery, all_measures_off_is_daly_2006) {
    const auto in = job(16'384);
    const auto r = expected_reliability(in, solve_s);
    const double m = in.mtbf_s / in.accelerators;
    const double tau = daly_interval_s(60.0, m);
    EXPECT_DOUBLE_EQ(r.wall_s, m * std::exp(600.0 / m) * std::expm1((tau + 60.0) / m) * solve_s / tau);
    EXPECT_DOUBLE_EQ(r.fallback_share, 0.0);
}

TEST(recovery, asynchronous_checkpoints_block_only_for_the_snapshot) {
    auto in = job(16'384);
    in.recovery.async_checkpoint = true;
    in.recovery.async_snapshot_s = 5.0;
    const auto r = expected_reliability(in, solve_s);
    EXPECT_DOUBLE_EQ(r.checkpoint_cost_s, 5.0);
    EXPECT_GT(r.goodput, expected_reliability(job(16'384), solve_s).goodput);
}

TEST(recovery, hot_spares_replace_the_restart_only_when_they_cover_a_failure_domain) {
    auto in = job(16'384);
    in.recovery.hot_spares = 7;  // fewer than a host of 8
    EXPECT_DOUBLE_EQ(expected_reliability(in, solve_s).recovery_s, 600.0);
    in.recovery.hot_spares = 8;
    EXPECT_DOUBLE_EQ(expected_reliability(in, solve_s).recovery_s, in.recovery.spare_swap_s);
}

TEST(recovery, elastic_data_parallelism_drops_a_replica_instead_of_rolling_back) {
    // A million GPUs fail every 3 minutes: a restart-and-rollback job barely runs; dropping the failed
    // replica (10 s to re-form, its repair shared by 2,048 replicas) keeps it going.
    auto in = job(1e6);
    const auto stopped = expected_reliability(in, solve_s);
    EXPECT_LT(stopped.goodput, 0.05);
    in.recovery.elastic_dp = true;
    in.recovery.dp = 2048;
    in.recovery.hot_spares = 1024;
    const auto elastic = expected_reliability(in, solve_s);
    EXPECT_NEAR(elastic.recovery_s, 10.0 + 60.0 / 2048, 1e-9);
    EXPECT_GT(elastic.goodput, 0.90);
    const auto mc = monte_carlo_reliability(in, 2.0 * 86400.0, 20, 9);
    EXPECT_NEAR(mc.goodput_mean, expected_reliability(in, 2.0 * 86400.0).goodput, 0.01);
}

TEST(recovery, a_failed_rack_removes_every_replica_it_spans) {
    // A 72-GPU rack failure with replicas of 8 GPUs removes 9 replicas at once.
    auto in = job(100'000);
    in.recovery.elastic_dp = true;
    in.recovery.dp = 12'500;
    in.recovery.domain_size = 72;
    in.recovery.domain_failure_share = 1.0;
    EXPECT_NEAR(expected_reliability(in, solve_s).recovery_s, 10.0 + 9.0 * 600.0 / 12'500, 1e-9);
}

TEST(recovery, in_memory_copies_are_lost_only_with_their_partner_domain) {
    auto in = job(16'384);
    in.recovery.in_memory_checkpoint = true;
    const auto r = expected_reliability(in, solve_s);
    // 1 - exp(-8 accelerators x (600 s + 2 s) / MTBF)
    EXPECT_NEAR(r.fallback_share, -std::expm1(-8.0 * 602.0 / in.mtbf_s), 1e-15);
}

TEST(recovery, a_job_whose_recovery_outlasts_its_mtbf_never_runs) {
    auto in = job(1e8);
    in.recovery.elastic_dp = true;
    in.recovery.dp = 1e6;
    in.recovery.rejoin_s = 10.0;
    EXPECT_THROW(expected_reliability(in, solve_s), domain_error);
}

}  // namespace
