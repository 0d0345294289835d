#pragma once
// Shared by the libFuzzer targets (tests/fuzz/README.md): a reader may throw kardashev's errors for bad input and
// nothing else; any other exception, a crash, a sanitizer report, a hang or a leak is a finding.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kardashev/core/error.hpp"

namespace kardashev::fuzz {

/// The fuzzer's bytes as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Calls `fn`; the errors a reader reports for bad input (kardashev::error and below) are expected and swallowed.
template <class Fn>
void expect_only_input_errors(Fn&& fn) {
    try {
        fn();
    } catch (const kardashev::error&) {
    }
}

}  // namespace kardashev::fuzz
