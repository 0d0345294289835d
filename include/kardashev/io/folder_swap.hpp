#pragma once
/// A folder written whole or not at all: its files go to a temporary sibling, which then takes the folder's
/// place; an existing folder is kept until the new one is complete and in place (docs/scenarios.md, "Outputs").

#include <filesystem>
#include <functional>
#include <string_view>

namespace kardashev::io {

/// Writes the folder `dir`: `fill(tmp)` writes its files into a fresh temporary sibling `tmp`, then
/// replace_folder moves it to `dir`. Throws input_error "DIR: the WHAT exists; choose another --out or pass
/// --force to replace it" when `dir` exists and `force` is false, or when a folder cannot be created; an
/// exception from `fill` removes the temporary folder and leaves `dir` as it was.
void write_folder(const std::filesystem::path& dir, bool force,
                  const std::function<void(const std::filesystem::path& tmp)>& fill, std::string_view what = "folder");

/// Moves the folder `from` to `to`. An existing `to` is first renamed aside, then removed once `from` is in its
/// place; when that move fails it is put back. Throws input_error "TO: cannot replace the folder: why".
void replace_folder(const std::filesystem::path& from, const std::filesystem::path& to);

/// Writes `text` to the file `path` (created or truncated); throws input_error "cannot write PATH".
void write_text_file(const std::filesystem::path& path, std::string_view text);

}  // namespace kardashev::io
