// Whole-or-nothing outputs (docs/reliability.md): the one routine every command's output folder goes through.

#include "kardashev/io/folder_swap.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "temp_siblings.hpp"

namespace kardashev::io {

namespace fs = std::filesystem;

namespace {

/// The names in the folder `dir` that are not regular files named in `ours`; the first one found, or "".
std::string foreign_entry(const fs::path& dir, const std::set<std::string>& ours) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (!it->is_regular_file(ec) || it->is_symlink(ec) || !ours.contains(name)) return name;
    }
    return ec ? std::string("(unreadable)") : std::string();
}

/// The file names this program just wrote into `tmp`.
std::set<std::string> names_in(const fs::path& tmp) {
    std::set<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(tmp, ec), end; !ec && it != end; it.increment(ec)) names.insert(it->path().filename().string());
    return names;
}

/// Refuses to replace `dir` unless it is a folder holding only files named in `ours` (what this program writes).
void check_replaceable(const fs::path& dir, const std::set<std::string>& ours, std::string_view what) {
    std::error_code ec;
    const auto st = fs::symlink_status(dir, ec);
    if (!fs::exists(st)) return;
    if (st.type() != fs::file_type::directory) {
        throw input_error(fmt::format("{}: not a {} this program wrote (it is {}); --force replaces only those, choose "
                                      "another --out", dir.string(), what, fs::is_symlink(st) ? "a link" : "a file"));
    }
    if (const auto other = foreign_entry(dir, ours); !other.empty()) {
        throw input_error(fmt::format("{}: not a {} this program wrote (it holds \"{}\"); --force replaces only those, "
                                      "choose another --out", dir.string(), what, other));
    }
}

/// Swaps the folders `a` and `b` in one step (Linux renameat2 RENAME_EXCHANGE); false where not supported.
bool exchange(const fs::path& a, const fs::path& b) {
#ifdef RENAME_EXCHANGE
    return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
#else
    (void)a;
    (void)b;
    return false;
#endif
}

}  // namespace

fs::path output_path(const fs::path& path) {
    std::string text = path.string();
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    if (text.empty() || text == "." || text == ".." || text.ends_with("/.") || text.ends_with("/.."))
        throw input_error(fmt::format("{}: expected a file or folder name to write, got \"{}\"", "--out", path.string()));
    return fs::path(text);
}

void check_output_folder(const fs::path& dir, bool force, std::string_view what) {
    std::error_code ec;
    const auto st = fs::symlink_status(dir, ec);
    if (!fs::exists(st)) return;
    if (!force)
        throw input_error(fmt::format("{}: the {} exists; choose another --out or pass --force to replace it", dir.string(), what));
    if (st.type() != fs::file_type::directory) check_replaceable(dir, {}, what);
}

void write_folder(const fs::path& target, bool force, const std::function<void(const fs::path&)>& fill, std::string_view what) {
    const fs::path dir = output_path(target);
    check_output_folder(dir, force, what);
    const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw input_error(fmt::format("{}: cannot create the folder: {}", parent.string(), ec.message()));
    detail::sweep_stale_temps(parent);
    const fs::path tmp = detail::temp_sibling(dir, "tmp");
    fs::remove_all(tmp, ec);
    detail::remember_temp(tmp);
    fs::create_directory(tmp, ec);
    try {
        if (ec) throw input_error(fmt::format("{}: cannot create the folder: {}", tmp.string(), ec.message()));
        fill(tmp);
        check_replaceable(dir, names_in(tmp), what);
        replace_folder(tmp, dir);
    } catch (...) {
        fs::remove_all(tmp, ec);
        detail::forget_temp(tmp);
        throw;
    }
    detail::forget_temp(tmp);
}

void replace_folder(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(to, ec))) {
        fs::rename(from, to, ec);
        if (ec) throw input_error(fmt::format("{}: cannot replace the folder: {}", to.string(), ec.message()));
        return;
    }
    if (exchange(from, to)) {  // `from` now holds the old folder
        fs::remove_all(from, ec);
        return;
    }
    const fs::path old = detail::temp_sibling(to, "old");
    fs::remove_all(old, ec);
    fs::rename(to, old, ec);
    if (ec) throw input_error(fmt::format("{}: cannot replace the folder: {}", to.string(), ec.message()));
    fs::rename(from, to, ec);
    if (ec) {
        std::error_code back;
        fs::rename(old, to, back);  // the old folder returns to its place
        throw input_error(fmt::format("{}: cannot replace the folder: {}", to.string(), ec.message()));
    }
    fs::remove_all(old, ec);  // NOTE: the new folder is in place; a leftover hidden sibling is swept later
}

void write_text_file(const fs::path& path, std::string_view text) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) throw input_error(fmt::format("cannot write {}", path.string()));
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    f.close();
    if (!f) throw input_error(fmt::format("cannot write {}", path.string()));
}

std::string safe_folder_name(std::string_view name) {
    std::string out;
    for (const char c : name) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (plain) out += c;
        else if (!out.empty() && out.back() != '_') out += '_';
        if (out.size() >= 64) break;
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out.empty() ? std::string("run") : out;
}

}  // namespace kardashev::io
