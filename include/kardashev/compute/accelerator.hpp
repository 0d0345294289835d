#pragma once
/// Accelerator catalogue entries (data/catalog/accelerators.yaml; each entry cites its source).

#include <optional>
#include <string>

#include "kardashev/core/time.hpp"

namespace kardashev::compute {

/// One accelerator model. Plain value type. Interconnect fields of 0 mean "not given": the
/// compute model then uses the defaults of docs/models/compute.md.
struct accelerator {
    std::string name;                        //!< catalogue key, e.g. "H100"
    double peak_flops_bf16 = 0.0;            //!< [FLOP/s] dense BF16
    double peak_flops_fp8 = 0.0;             //!< [FLOP/s] dense FP8; 0: the chip has no FP8 matrix units
    double hbm_bytes = 0.0;                  //!< [B] HBM capacity
    double hbm_bandwidth_bytes_per_s = 0.0;  //!< [B/s]
    double power_w = 0.0;                    //!< [W] board power (TDP)
    double all_in_power_w = 0.0;             //!< [W] IT power per accelerator incl. host, network, storage share
    double price_usd = 0.0;                  //!< [USD] installed price per accelerator incl. its server share
    double scale_up_size = 0.0;              //!< [-] accelerators in one scale-up domain (NVLink, ICI)
    double scale_up_bandwidth_bytes_per_s = 0.0;   //!< [B/s] scale-up bandwidth per accelerator, one direction
    double scale_out_bandwidth_bytes_per_s = 0.0;  //!< [B/s] scale-out NIC bandwidth per accelerator, one direction
    double matmul_efficiency = 0.0;          //!< [-] sustained share of peak on large BF16 matrix products in training
    std::optional<epoch> available;          //!< volume availability (UTC date); required in the catalogue, optional in a scenario
    std::string source;                      //!< citation of the figures
    bool operator==(const accelerator&) const = default;
};

}  // namespace kardashev::compute
