#pragma once
/// Small text helpers shared by the readers of every module: trimming and quoting for messages.

#include <cstddef>
#include <string>
#include <string_view>

namespace kardashev {

/// True for the ASCII white space that readers skip around a value: space, tab, CR, LF, VT, FF.
[[nodiscard]] constexpr bool is_ascii_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/// Returns `s` without leading and trailing ASCII white space (is_ascii_space); a view into `s`.
[[nodiscard]] constexpr std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_ascii_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_ascii_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

/// Returns `text` in double quotes, for messages: `"3 kg"`.
[[nodiscard]] std::string quoted(std::string_view text);

/// Returns the offset where the first ill-formed UTF-8 sequence of `text` starts
/// (RFC 3629, section 4: no overlong forms, no surrogates, nothing above U+10FFFF), or npos when all of it is UTF-8.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view text) noexcept;

}  // namespace kardashev
