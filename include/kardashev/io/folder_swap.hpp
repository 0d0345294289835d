#pragma once
/// Outputs written whole or not at all (docs/reliability.md): a folder's files go to a temporary sibling, which then
/// takes the folder's place; an existing folder is kept until the new one is complete and in place, and `--force`
/// replaces only a folder that holds nothing but the files this program writes there.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace kardashev::io {

/// `path` as an output: trailing slashes dropped ("runs/a/" is "runs/a"); throws input_error "--out: expected a file or
/// folder name to write" for "", "." or "..".
[[nodiscard]] std::filesystem::path output_path(const std::filesystem::path& path);

/// Refuses early what write_folder would refuse at the end: throws input_error "DIR: the WHAT exists; choose another
/// --out or pass --force to replace it" when `dir` exists and `force` is false, and "DIR: not a WHAT this program
/// wrote (it is a file); --force replaces only those, choose another --out" when it exists and is not a folder.
void check_output_folder(const std::filesystem::path& dir, bool force, std::string_view what = "folder");

/// Writes the folder `dir` (output_path): `fill(tmp)` writes its files into a fresh temporary sibling
/// ".NAME.tmp-PID", which then replaces `dir` in one rename. With `force`, an existing `dir` is replaced only when it
/// holds nothing but regular files named as those `fill` wrote (input_error "DIR: not a WHAT this program wrote (it
/// holds \"X\")" otherwise). Stale temporary siblings of dead processes beside `dir` are swept first; the temporary
/// folder is removed when `fill` throws or a termination signal arrives, leaving `dir` as it was.
void write_folder(const std::filesystem::path& dir, bool force,
                  const std::function<void(const std::filesystem::path& tmp)>& fill, std::string_view what = "folder");

/// Moves the folder `from` to `to`. An existing `to` is exchanged with `from` in one step (renameat2) and then
/// removed; where that is not supported it is renamed aside first and put back should the move fail. Throws
/// input_error "TO: cannot replace the folder: why".
void replace_folder(const std::filesystem::path& from, const std::filesystem::path& to);

/// Writes `text` to the file `path` (created or truncated); throws input_error "cannot write PATH".
void write_text_file(const std::filesystem::path& path, std::string_view text);

/// A file name made of `name`: letters, digits and '-' kept, any other run of characters one '_', at most 64
/// characters, "run" when nothing is left ("../../x" -> "x"; a scenario's name cannot choose the folder).
[[nodiscard]] std::string safe_folder_name(std::string_view name);

}  // namespace kardashev::io
