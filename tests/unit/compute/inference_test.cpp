// Inference roofline: decode reads every weight once per step; prefill is compute-bound.
#include <gtest/gtest.h>

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
