// libFuzzer target: the scenario reader (io::load_scenario_text). A scenario it accepts writes YAML (`explain`) that
// loads again to an equal scenario; a failure there is a finding, not bad input.
#include <cstdlib>
#include <optional>

#include "fuzz_support.hpp"
#include "kardashev/io/scenario_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::optional<kardashev::sim::scenario> s;
    kardashev::fuzz::expect_only_input_errors(
        [&] { s = kardashev::io::load_scenario_text(kardashev::fuzz::as_text(data, size), "<fuzz>"); });
    if (!s) return 0;
    const auto again = kardashev::io::load_scenario_text(kardashev::io::write_scenario_yaml(*s), "<resolved>");
    if (!(again == *s)) std::abort();
    return 0;
}
