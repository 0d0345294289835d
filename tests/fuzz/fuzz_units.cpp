// libFuzzer target: the unit parser (core::parse_quantity). The first byte picks the quantity kind, the rest is the
// text; an accepted quantity is a finite number that formats and parses back.
#include <cmath>
#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "kardashev/core/units.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    constexpr int kinds = static_cast<int>(kardashev::quantity_kind::acceleration) + 1;
    const auto kind = static_cast<kardashev::quantity_kind>(data[0] % kinds);
    const std::string text(kardashev::fuzz::as_text(data + 1, size - 1));
    kardashev::fuzz::expect_only_input_errors([&] {
        const double v = kardashev::parse_quantity(text, kind);
        if (!std::isfinite(v)) std::abort();
        (void)kardashev::parse_quantity(kardashev::format_quantity(v, kind), kind);
    });
    return 0;
}
