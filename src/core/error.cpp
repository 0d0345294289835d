#include "kardashev/core/error.hpp"

#include <cstddef>
#include <utility>

namespace kardashev {

std::string diagnostic::to_string() const {
    // Compiler style: a location part is written only when known (`file:line:col`, `file:line`, `file`).
    std::string text = file;
    if (line > 0) {
        text += ':' + std::to_string(line);
        if (column > 0) {
            text += ':' + std::to_string(column);
        }
    }
    if (!text.empty()) {
        text += ": ";
    }
    if (!key_path.empty()) {
        text += key_path + ": ";
    }
    text += message;
    return text;
}

namespace {

std::string join_diagnostics(const std::vector<diagnostic>& diagnostics) {
    std::string text;
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        if (i > 0) {
            text += '\n';
        }
        text += diagnostics[i].to_string();
    }
    return text;
}

}  // namespace

scenario_error::scenario_error(std::vector<diagnostic> diagnostics)
    : error(join_diagnostics(diagnostics)), m_diagnostics(std::move(diagnostics)) {}

}  // namespace kardashev
