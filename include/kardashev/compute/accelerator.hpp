#pragma once
/// Accelerator catalogue entries (data/catalog/accelerators.yaml; each entry cites its source).

#include <string>

namespace kardashev::compute {

/// One accelerator model. Plain value type.
struct accelerator {
    std::string name;                        //!< catalogue key, e.g. "H100"
    double peak_flops_bf16 = 0.0;            //!< [FLOP/s] dense BF16
    double hbm_bytes = 0.0;                  //!< [B] HBM capacity
    double hbm_bandwidth_bytes_per_s = 0.0;  //!< [B/s]
    double power_w = 0.0;                    //!< [W] board power (TDP)
    double all_in_power_w = 0.0;             //!< [W] IT power per accelerator incl. host, network, storage share
    double price_usd = 0.0;                  //!< [USD] installed price per accelerator incl. its server share
    std::string source;                      //!< citation of the figures
    bool operator==(const accelerator&) const = default;
};

}  // namespace kardashev::compute
