// libFuzzer target: the TLE catalogue reader (orbit::parse_tle_catalogue), checksums on and off.
#include "element_checks.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = kardashev::fuzz::as_text(data, size);
    for (const bool checksums : {true, false}) {
        kardashev::fuzz::expect_only_input_errors([&] {
            kardashev::fuzz::require_finite(kardashev::orbit::parse_tle_catalogue(text, "<fuzz>", {.verify_checksums = checksums}));
        });
    }
    return 0;
}
