// Whole-or-nothing text outputs (docs/scenarios.md, "Outputs").

#include "kardashev/io/atomic_file.hpp"

#include <unistd.h>

#include <system_error>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/io/folder_swap.hpp"
#include "temp_siblings.hpp"

namespace kardashev::io {

namespace fs = std::filesystem;

atomic_file::atomic_file(const fs::path& target, bool force) {
    if (target.empty() || target == "-") {
        m_stdout = true;
        m_file = stdout;
        return;
    }
    m_path = output_path(target);
    std::error_code ec;
    const auto st = fs::symlink_status(m_path, ec);
    if (fs::exists(st) && !force) {
        throw input_error(fmt::format("{}: the file exists; choose another name or pass --force to replace it",
                                      m_path.string()));
    }
    if (fs::exists(st) && st.type() != fs::file_type::regular) {
        throw input_error(fmt::format("{}: not a file this program wrote (it is {}); --force replaces only files, choose "
                                      "another name", m_path.string(), fs::is_directory(st) ? "a folder" : "not a regular file"));
    }
    detail::sweep_stale_temps(m_path.has_parent_path() ? m_path.parent_path() : fs::path("."));
    m_tmp = detail::temp_sibling(m_path, "tmp");
    detail::remember_temp(m_tmp);
    m_file = std::fopen(m_tmp.c_str(), "wb");
    if (m_file == nullptr) {
        detail::forget_temp(m_tmp);
        throw input_error(fmt::format("{}: cannot create the file", m_path.string()));
    }
}

atomic_file::~atomic_file() {
    if (m_stdout || m_committed) return;
    std::fclose(m_file);
    std::error_code ec;
    fs::remove(m_tmp, ec);
    detail::forget_temp(m_tmp);
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
    detail::forget_temp(m_tmp);
    if (!closed || ec) {
        fs::remove(m_tmp, ec);
        throw input_error(fmt::format("{}: cannot write the file", m_path.string()));
    }
}

}  // namespace kardashev::io
