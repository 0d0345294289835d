#pragma once
// Temporary siblings of outputs (".NAME.tmp-PID", ".NAME.old-PID"): removed when SIGINT, SIGTERM or SIGHUP ends the
// process, and those left by a process that no longer runs (SIGKILL, power loss) swept by the next write beside them
// (docs/reliability.md). Private to io.

#include <filesystem>
#include <string_view>

namespace kardashev::io::detail {

/// The hidden sibling ".NAME.TAG-PID" of `target` (NAME its file name, PID this process's id).
[[nodiscard]] std::filesystem::path temp_sibling(const std::filesystem::path& target, std::string_view tag);

/// Registers `path` (a file or a folder of files) for removal should a termination signal arrive before
/// forget_temp(path). The handlers are installed while at least one path is registered and the signals' earlier
/// actions put back when the last is forgotten. At most 16 paths are held at once; beyond that a path is not
/// registered (the sweep still finds it).
void remember_temp(const std::filesystem::path& path);

/// Unregisters `path` (it was renamed into place or removed).
void forget_temp(const std::filesystem::path& path);

/// Removes the hidden siblings ".NAME.tmp-PID" and ".NAME.old-PID" in `folder` whose PID is no running process.
void sweep_stale_temps(const std::filesystem::path& folder);

}  // namespace kardashev::io::detail
