#pragma once
/// Option values of the commands (CLI options, Python keyword arguments): quantities, times and local times, with
/// the option named in errors.

#include <cstdio>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/core/units.hpp"

namespace kardashev::io {

/// The SI value of `text` as a quantity of `kind`; errors read "--option: message".
inline double quantity_option(std::string_view option, const std::string& text, quantity_kind kind) {
    try {
        return parse_quantity(text, kind);
    } catch (const input_error& e) {
        throw input_error(fmt::format("{}: {}", option, e.what()));
    }
}

/// The epoch of an ISO-8601 UTC `text`; errors read "--option: message".
inline epoch time_option(std::string_view option, const std::string& text) {
    try {
        return epoch::from_utc_iso(text);
    } catch (const input_error& e) {
        throw input_error(fmt::format("{}: {}", option, e.what()));
    }
}

/// Hours of a local time "HH:MM" (00:00 to 23:59).
inline double local_time_option(std::string_view option, const std::string& text) {
    int h = -1;
    int m = -1;
    char colon = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &h, &colon, &m, &rest) != 3 || colon != ':' || h < 0 || h > 23 || m < 0 ||
        m > 59) {
        throw input_error(fmt::format("{}: expected a local time HH:MM (e.g. \"18:00\"), got \"{}\"", option, text));
    }
    return h + m / 60.0;
}

}  // namespace kardashev::io
