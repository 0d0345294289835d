#pragma once
// A made-up accelerator for engine tests: round figures that make hand sums easy (not a catalogue part).
#include "kardashev/compute/accelerator.hpp"

namespace kardashev::testing {

/// "T1": 1 PFLOP/s BF16, 80 GB at 3 TB/s, 700 W (1 kW all-in), 20,000 USD.
inline compute::accelerator test_accelerator() {
    compute::accelerator a;
    a.name = "T1";
    a.peak_flops_bf16 = 1e15;
    a.hbm_bytes = 80e9;
    a.hbm_bandwidth_bytes_per_s = 3e12;
    a.power_w = 700;
    a.all_in_power_w = 1000;
    a.price_usd = 20'000;
    return a;
}

}  // namespace kardashev::testing
