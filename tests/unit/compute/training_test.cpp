// Training compute C = 6 N D and wall time t = C / (n X MFU goodput).
#include <gtest/gtest.h>

#include "support/error_message.hpp"

#include <string>

#include "kardashev/compute/training.hpp"
#include "kardashev/core/error.hpp"

namespace {

using namespace kardashev;

using kardashev::testing::domain_error_message;

TEST(training, training_flop_is_six_times_params_times_tokens) {
    EXPECT_DOUBLE_EQ(compute::training_flop(1e9, 2e10), 1.2e20);
    EXPECT_DOUBLE_EQ(compute::training_flop(70e9, 1.4e12), 5.88e23);  // Chinchilla
}

TEST(training, training_time_is_flop_over_delivered_rate) {
    // 1e21 FLOP on 10 devices of 1e15 FLOP/s at 50 % MFU, full goodput: 2e5 s.
    EXPECT_DOUBLE_EQ(compute::training_time_s(1e21, 10, 1e15, 0.5), 2e5);
    EXPECT_DOUBLE_EQ(compute::training_time_s(1e21, 10, 1e15, 0.5, 1.0), 2e5);
}

TEST(training, goodput_stretches_wall_time) {
    const double t_full = compute::training_time_s(1e24, 1000, 1e15, 0.4, 1.0);
    const double t_ninety = compute::training_time_s(1e24, 1000, 1e15, 0.4, 0.9);
    EXPECT_NEAR(t_ninety / t_full, 1.0 / 0.9, 1e-14);
}

TEST(training, doubling_accelerators_halves_time) {
    const double t1 = compute::training_time_s(3.79e25, 8192, 989.4e12, 0.43, 0.9);
    const double t2 = compute::training_time_s(3.79e25, 16384, 989.4e12, 0.43, 0.9);
    EXPECT_NEAR(t1 / t2, 2.0, 1e-14);
}

TEST(training, delivered_flop_over_training_time_is_the_training_flop) {
    const double flop = 3.79e25;
    const double t = compute::training_time_s(flop, 16384, 989.4e12, 0.4, 0.9);
    EXPECT_NEAR(compute::delivered_flop(16384, 989.4e12, 0.4, 0.9, t) / flop, 1.0, 1e-14);
}

TEST(training, no_accelerators_or_no_time_deliver_nothing) {
    EXPECT_DOUBLE_EQ(compute::delivered_flop(0.0, 1e15, 0.4, 0.9, 86400.0), 0.0);
    EXPECT_DOUBLE_EQ(compute::delivered_flop(100.0, 1e15, 0.4, 0.9, 0.0), 0.0);
}

TEST(training, mfu_and_goodput_outside_unit_interval_are_domain_errors) {
    EXPECT_EQ(domain_error_message([] { compute::training_time_s(1e21, 10, 1e15, 1.5); }),
              "training: expected MFU in (0, 1], got 1.5");
    EXPECT_EQ(domain_error_message([] { compute::training_time_s(1e21, 10, 1e15, 0.0); }),
              "training: expected MFU in (0, 1], got 0");
    EXPECT_EQ(domain_error_message([] { compute::training_time_s(1e21, 10, 1e15, 0.4, -0.1); }),
              "training: expected goodput in (0, 1], got -0.1");
    EXPECT_EQ(domain_error_message([] { compute::delivered_flop(10, 1e15, 0.4, 1.01, 1.0); }),
              "training: expected goodput in (0, 1], got 1.01");
}

TEST(training, non_positive_inputs_are_domain_errors) {
    EXPECT_EQ(domain_error_message([] { compute::training_flop(0.0, 1e12); }),
              "training: expected a positive parameter count, got 0");
    EXPECT_EQ(domain_error_message([] { compute::training_flop(1e9, -1.0); }),
              "training: expected a positive token count, got -1");
    EXPECT_EQ(domain_error_message([] { compute::training_time_s(0.0, 10, 1e15, 0.4); }),
              "training: expected a positive training compute [FLOP], got 0");
    EXPECT_EQ(domain_error_message([] { compute::training_time_s(1e21, 0, 1e15, 0.4); }),
              "training: expected a positive accelerator count, got 0");
    EXPECT_EQ(domain_error_message([] { compute::training_time_s(1e21, 10, -1e15, 0.4); }),
              "training: expected a positive peak throughput [FLOP/s], got -1000000000000000");
    EXPECT_EQ(domain_error_message([] { compute::delivered_flop(-1.0, 1e15, 0.4, 0.9, 1.0); }),
              "training: expected a non-negative accelerator count, got -1");
}

}  // namespace
