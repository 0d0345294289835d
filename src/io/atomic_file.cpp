// Whole-or-nothing text outputs (docs/scenarios.md, "Outputs").

#include "kardashev/io/atomic_file.hpp"

#include <unistd.h>

#include <system_error>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::io {

namespace fs = std::filesystem;

atomic_file::atomic_file(const fs::path& path, bool force) : m_path(path) {
    if (path.empty() || path == "-") {
        m_stdout = true;
        m_file = stdout;
        return;
    }
    if (!force && fs::exists(path)) {
        throw input_error(fmt::format("{}: the file exists; choose another name or pass --force to replace it",
                                      path.string()));
    }
    const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
    m_tmp = parent / fmt::format(".{}.tmp-{}", path.filename().string(), ::getpid());
    m_file = std::fopen(m_tmp.c_str(), "wb");
    if (m_file == nullptr) throw input_error(fmt::format("{}: cannot create the file", path.string()));
}

atomic_file::~atomic_file() {
    if (m_stdout || m_committed) return;
    std::fclose(m_file);
    std::error_code ec;
    fs::remove(m_tmp, ec);
}

void atomic_file::write(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size()) {
        throw input_error(fmt::format("{}: write failed (disk full?)", m_stdout ? "<stdout>" : m_path.string()));
    }
}

void atomic_file::commit() {
    if (m_stdout) {
        std::fflush(stdout);
        return;
    }
    const bool closed = std::fclose(m_file) == 0;
    m_committed = true;
    std::error_code ec;
    if (closed) fs::rename(m_tmp, m_path, ec);
    if (!closed || ec) {
        fs::remove(m_tmp, ec);
        throw input_error(fmt::format("{}: cannot write the file", m_path.string()));
    }
}

}  // namespace kardashev::io
