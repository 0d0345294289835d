#pragma once
/// The outputs of a network study (sim/network_study.hpp): routes.csv, summary.json, the topology export, the
/// text table, and the whole `kardashev network` run that writes them (docs/models/network.md).

#include <filesystem>
#include <string>

#include "kardashev/io/atomic_file.hpp"
#include "kardashev/sim/network_study.hpp"

namespace kardashev::io {

/// summary.json of a study (without the final newline): inputs, node ids, trees, per-pair round trips [ms,
/// rounded to 1e-6] and, with a routed uplink, its delivery [bit/s].
[[nodiscard]] std::string network_summary_json(const sim::network_study& study, const sim::network_result& result);

/// Writes routes.csv to `out`: time,pair,rtt_ms,hops,path, one row per pair per step, pair after pair.
void write_routes_csv(atomic_file& out, const sim::network_study& study, const network::route_run& routes);
/// The text of routes.csv (what write_routes_csv writes), for callers that keep it in memory (the Python module).
[[nodiscard]] std::string routes_csv(const sim::network_study& study, const network::route_run& routes);

/// Writes every link of every step once (u < v) as step,u,v,kind,delay_s (delays to 17 digits, for reference
/// tools such as tools/make_networkx_agreement.py) to the file `path`, whole or not at all; input_error when it
/// exists and `force` is false.
void write_topology_csv(const std::filesystem::path& path, bool force, const sim::network_study& study);

/// The per-pair table printed with --out, ending with the files written to `dir`.
[[nodiscard]] std::string network_table(const sim::network_study& study, const sim::network_result& result,
                                        const std::string& dir);

/// Writes routes.csv and summary.json to the folder `dir`, whole or not at all (io::write_folder).
void write_network_folder(const std::filesystem::path& dir, bool force, const sim::network_study& study,
                          const sim::network_result& result);

/// What `kardashev network` reads and writes besides the study's request.
struct network_command {
    sim::network_request request;              //!< the study
    std::string scenario;                      //!< scenario file with uplink.network to route over; empty: none
    std::filesystem::path out;                 //!< folder for routes.csv and summary.json; empty: none
    std::filesystem::path export_topology;     //!< CSV of every step's links; empty: none
    bool force = false;                        //!< replace an existing --out or --export-topology
    bool json = false;                         //!< print summary.json instead of the CSV or the table
    bool quiet = false;                        //!< no progress bar
};

/// Runs `kardashev network`: loads the scenario, composes and routes the study (with a progress bar on a
/// terminal), writes the files asked for, and prints the JSON summary, the table (with --out) or routes.csv.
void run_network_command(const network_command& command);

}  // namespace kardashev::io
