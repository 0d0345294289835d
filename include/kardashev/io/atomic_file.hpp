#pragma once
/// A text output that appears whole or not at all: written to a temporary sibling, renamed on commit.

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace kardashev::io {

/// Output to a file (through a temporary sibling renamed by commit(); dropped if never committed) or, for an
/// empty path or "-", to stdout.
class atomic_file {
public:
    /// Opens the output; throws input_error when `path` exists and `force` is false, or it cannot be created.
    explicit atomic_file(const std::filesystem::path& path, bool force = false);
    ~atomic_file();
    atomic_file(const atomic_file&) = delete;
    atomic_file& operator=(const atomic_file&) = delete;
    /// Appends `text`; throws input_error when the write fails (disk full).
    void write(std::string_view text);
    /// Flushes and renames the temporary file to the target (no-op for stdout).
    void commit();

private:
    std::filesystem::path m_path;
    std::filesystem::path m_tmp;
    std::FILE* m_file = nullptr;
    bool m_stdout = false;
    bool m_committed = false;
};

}  // namespace kardashev::io
