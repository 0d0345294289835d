// Whole-or-nothing folders (docs/scenarios.md, "Outputs").

#include "kardashev/io/folder_swap.hpp"

#include <fstream>
#include <system_error>

#include <unistd.h>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::io {

namespace fs = std::filesystem;

namespace {

/// A sibling of `dir` named ".NAME.TAG-PID": hidden, and unique to this process.
fs::path sibling(const fs::path& dir, std::string_view tag) {
    const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    return parent / fmt::format(".{}.{}-{}", dir.filename().string(), tag, ::getpid());
}

}  // namespace

void write_folder(const fs::path& dir, bool force, const std::function<void(const fs::path&)>& fill, std::string_view what) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !force)
        throw input_error(fmt::format("{}: the {} exists; choose another --out or pass --force to replace it", dir.string(), what));
    const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    fs::create_directories(parent, ec);
    if (ec) throw input_error(fmt::format("{}: cannot create the folder: {}", parent.string(), ec.message()));
    const fs::path tmp = sibling(dir, "tmp");
    fs::remove_all(tmp, ec);
    fs::create_directory(tmp, ec);
    if (ec) throw input_error(fmt::format("{}: cannot create the folder: {}", tmp.string(), ec.message()));
    try {
        fill(tmp);
        replace_folder(tmp, dir);
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
}

void replace_folder(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(to, ec))) {
        fs::rename(from, to, ec);
        if (ec) throw input_error(fmt::format("{}: cannot replace the folder: {}", to.string(), ec.message()));
        return;
    }
    const fs::path old = sibling(to, "old");
    fs::remove_all(old, ec);
    fs::rename(to, old, ec);
    if (ec) throw input_error(fmt::format("{}: cannot replace the folder: {}", to.string(), ec.message()));
    fs::rename(from, to, ec);
    if (ec) {
        std::error_code back;
        fs::rename(old, to, back);  // the old folder returns to its place
        throw input_error(fmt::format("{}: cannot replace the folder: {}", to.string(), ec.message()));
    }
    fs::remove_all(old, ec);  // NOTE: the new folder is in place; a leftover hidden sibling is harmless
}

void write_text_file(const fs::path& path, std::string_view text) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) throw input_error(fmt::format("cannot write {}", path.string()));
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    f.close();
    if (!f) throw input_error(fmt::format("cannot write {}", path.string()));
}

}  // namespace kardashev::io
