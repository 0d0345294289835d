// libFuzzer target: the scenario reader (io::load_scenario_text). A scenario it accepts writes YAML (`explain`) that
// loads again and writes the same YAML (a fixed point); a failure there is a finding, not bad input.
// NOTE: the stronger load(write(s)) == s fails for tests/data/hardening/fuzz_scenario_round_trip.yaml (an open
// finding, tests/unit/io/fuzz_findings_test.cpp), so the target checks the text.
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
    if (kardashev::io::write_scenario_yaml(again) != once) std::abort();
    return 0;
}
