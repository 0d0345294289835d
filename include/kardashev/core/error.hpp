#pragma once
/// Error types of kardashev: the library throws these and never aborts (STYLE.md "Errors").

#include <stdexcept>
#include <string>
#include <vector>

namespace kardashev {

/// Base of every error kardashev throws.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Bad input that is not tied to a scenario file location (a bad command-line value, a bad unit).
class input_error : public error {
public:
    using error::error;
};

/// One diagnostic at a place in a scenario file: `file:line:col: key.path: message`.
struct diagnostic {
    std::string file;      //!< file name as the user gave it (or "<default>", "<--set>")
    int line = 0;          //!< 1-based line, 0 when unknown
    int column = 0;        //!< 1-based column, 0 when unknown
    std::string key_path;  //!< e.g. "sites[1].pue"; empty for file-level errors
    std::string message;   //!< what was expected and what was found
    /// Returns the compiler-style text `file:line:col: key.path: message`.
    [[nodiscard]] std::string to_string() const;
    bool operator==(const diagnostic&) const = default;
};

/// A scenario that failed to load; carries every diagnostic found in the file, in file order.
class scenario_error : public error {
public:
    explicit scenario_error(std::vector<diagnostic> diagnostics);
    /// Every diagnostic, in the order they appear in the file.
    [[nodiscard]] const std::vector<diagnostic>& diagnostics() const noexcept { return m_diagnostics; }

private:
    std::vector<diagnostic> m_diagnostics;
};

/// A model asked to work outside the range it is validated for.
class domain_error : public error {
public:
    using error::error;
};

}  // namespace kardashev
