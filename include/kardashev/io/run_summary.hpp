#pragma once
/// What `kardashev run` prints when a run is done: generations, fleet, corpus, costs, power, sites and binding
/// constraints, and where the run folder is.

#include <filesystem>
#include <string>

#include "kardashev/sim/engine.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::io {

/// The summary of run `r` of scenario `s` as text, ending with the run folder `out`.
[[nodiscard]] std::string run_summary_text(const sim::scenario& s, const sim::run_result& r, const std::filesystem::path& out);

}  // namespace kardashev::io
