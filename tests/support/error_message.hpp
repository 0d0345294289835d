#pragma once
// Test helper: the message of the kardashev error a call throws, so tests can match it exactly.

#include <string>

#include "kardashev/core/error.hpp"

namespace kardashev::testing {

/// Runs `f` and returns the what() of the `Error` it throws, or "<no error>" when it throws none.
template <typename Error = domain_error, typename F>
std::string error_message(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "<no error>";
}

/// The message of the domain_error `f` throws.
template <typename F>
std::string domain_error_message(F&& f) {
    return error_message<domain_error>(static_cast<F&&>(f));
}

}  // namespace kardashev::testing
