// libFuzzer target: the scenario reader (io::load_scenario_text); an accepted scenario writes YAML that loads again.
#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "kardashev/io/scenario_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kardashev::fuzz::expect_only_input_errors([&] {
        const auto s = kardashev::io::load_scenario_text(kardashev::fuzz::as_text(data, size), "<fuzz>");
        const auto again = kardashev::io::load_scenario_text(kardashev::io::write_scenario_yaml(s), "<resolved>");
        (void)again;
    });
    return 0;
}
