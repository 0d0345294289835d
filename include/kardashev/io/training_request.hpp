#pragma once
/// The options of `kardashev train` (and kardashev.train in Python) as text and numbers, and the training request
/// they make (compute/training_plan.hpp).

#include <cstdint>
#include <string>
#include <vector>

#include "kardashev/compute/training_plan.hpp"

namespace kardashev::io {

/// What `kardashev train` reads from its options; the defaults are the CLI's.
struct training_options {
    std::string params, tokens, accelerator = "H100", layout, site = "ground";  //!< text as the options give it
    int layers = 0, hidden = 0, heads = 0, kv_heads = 0, ffn = 0, seq = 8192, vocab = 128'256;
    int experts = 1, top_k = 1, shared_experts = 0;
    bool gelu = false;
    int count = -1;    //!< accelerators (required: at least 1)
    bool search = false;
    std::vector<std::string> sets;  //!< "key=value" model inputs (training_set_keys)
    std::uint64_t seed = 1;
    int trials = 200;
};

/// The keys a `--set key=value` of `train` may name, comma-separated.
extern const char* const training_set_keys;

/// The request of `options`; input_error naming the option for a missing or bad value.
[[nodiscard]] compute::training_request training_request_of(const training_options& options);

}  // namespace kardashev::io
