// libFuzzer target: the OMM JSON reader (orbit::parse_omm_json).
#include "element_checks.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kardashev::fuzz::expect_only_input_errors([&] {
        kardashev::fuzz::require_finite(kardashev::orbit::parse_omm_json(kardashev::fuzz::as_text(data, size), "<fuzz>"));
    });
    return 0;
}
