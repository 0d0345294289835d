#pragma once
/// The options of `kardashev network` (and kardashev.network in Python) as text and numbers, and the study's
/// request they make (sim/network_study.hpp).

#include <string>

#include "kardashev/sim/network_study.hpp"

namespace kardashev::io {

/// What `kardashev network` reads from its options; the defaults are the CLI's.
struct network_options {
    std::string scenario;         //!< the scenario's name when one gives the constellation; empty: none
    std::string constellation;    //!< shell presets, comma-separated
    std::string catalogue;        //!< element sets (TLE or OMM)
    std::string grid;             //!< "PLANESxSATS"
    int isl_shift = 0;
    std::string ground_stations;  //!< Hypatia-format stations file
    std::string gsl;              //!< "elevation[:ANGLE]" or "slant-range[:LENGTH]"
    int gsl_per_station = 0;
    int gsl_per_satellite = 0;
    bool ground_relays = false;
    bool isl_repair = false;
    std::string pairs;            //!< "A:B,C:D" (required)
    std::string start;            //!< ISO-8601 UTC; empty: the default start
    std::string duration = "200 s";
    std::string step = "1 s";
    int threads = 0;
    std::string moon_terminals;   //!< stations, comma-separated
};

/// The study's request of `options` (the constellation, stations and pairs are resolved by the study);
/// input_error naming the option for a missing, conflicting or bad value.
[[nodiscard]] sim::network_request network_request_of(const network_options& options);

}  // namespace kardashev::io
