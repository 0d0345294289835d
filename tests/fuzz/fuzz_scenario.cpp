// libFuzzer target: the scenario reader (io::load_scenario_text). A scenario it accepts writes YAML (`explain`) that
// loads back as the same scenario (operator==) and writes the same YAML (a fixed point); a failure there is a finding,
// not bad input (docs/scenarios.md promises that explain's YAML reproduces the run).
#include <cstdlib>
#include <optional>
#include <string>

#include "fuzz_support.hpp"
#include "kardashev/io/scenario_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::optional<kardashev::sim::scenario> s;
    kardashev::fuzz::expect_only_input_errors(
        [&] { s = kardashev::io::load_scenario_text(kardashev::fuzz::as_text(data, size), "<fuzz>"); });
    if (!s) return 0;
    const std::string once = kardashev::io::write_scenario_yaml(*s);
    const auto again = kardashev::io::load_scenario_text(once, "<resolved>");
    if (!(again == *s) || kardashev::io::write_scenario_yaml(again) != once) std::abort();
    return 0;
}
