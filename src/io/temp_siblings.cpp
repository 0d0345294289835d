// Temporary siblings of outputs: cleaned on termination signals, swept when stale (docs/reliability.md).

#include "temp_siblings.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <mutex>
#include <string>
#include <system_error>

#include <fmt/format.h>

namespace kardashev::io::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_temps = 16;
constexpr std::size_t max_path = 4096;

/// One registered path; `used` is set last when filling and cleared first when freeing, so that a signal handler
/// reads only complete paths.
struct temp_slot {
    std::atomic<bool> used{false};
    std::array<char, max_path> path{};
};

std::array<temp_slot, max_temps> slots;
std::mutex slots_mutex;
constexpr std::array<int, 3> handled{SIGINT, SIGTERM, SIGHUP};
std::size_t held = 0;                              // registered paths (under slots_mutex)
std::array<struct sigaction, 3> saved_actions{};  // what each signal did before the first path was registered
std::array<bool, 3> replaced{};                   // whether install_handlers changed it

/// Removes the files of the folder `path` (one level, as the outputs are written), then the folder; or the file.
/// Async-signal-safe: only open, unlinkat, rmdir and the directory stream of an already open descriptor.
void remove_now(const char* path) {
    if (::unlink(path) == 0 || errno != EISDIR) return;
    const int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    if (fd < 0) return;
    // NOTE: getdents64 through the raw system call: readdir may allocate, which a signal handler must not.
    alignas(8) char buf[4096];
    for (;;) {
        const long n = ::syscall(SYS_getdents64, fd, buf, sizeof buf);
        if (n <= 0) break;
        for (long off = 0; off < n;) {
            struct entry {
                ino64_t ino;
                off64_t off;
                unsigned short reclen;
                unsigned char type;
                char name[1];
            };
            const auto* e = reinterpret_cast<const entry*>(buf + off);
            if (std::strcmp(e->name, ".") != 0 && std::strcmp(e->name, "..") != 0) ::unlinkat(fd, e->name, 0);
            off += e->reclen;
        }
    }
    ::close(fd);
    ::rmdir(path);
}

void on_signal(int sig) {
    for (auto& s : slots)
        if (s.used.load()) remove_now(s.path.data());
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

/// Installs on_signal for SIGINT, SIGTERM and SIGHUP, keeping what each did before (restore_handlers).
void install_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (std::size_t i = 0; i < handled.size(); ++i) {
        replaced[i] = false;
        // NOTE: a signal the shell ignores (nohup, a background job's SIGINT) stays ignored.
        if (::sigaction(handled[i], nullptr, &saved_actions[i]) != 0 || saved_actions[i].sa_handler == SIG_IGN) continue;
        replaced[i] = ::sigaction(handled[i], &sa, nullptr) == 0;
    }
}

/// Puts back what install_handlers replaced, so that a program embedding the library (the Python module) gets its
/// own handlers back once no temporary sibling is left.
void restore_handlers() {
    for (std::size_t i = 0; i < handled.size(); ++i)
        if (replaced[i]) ::sigaction(handled[i], &saved_actions[i], nullptr);
    replaced.fill(false);
}

/// The PID of a name ".NAME.tmp-PID" or ".NAME.old-PID"; 0 when the name is not one.
pid_t temp_pid(const std::string& name) {
    if (name.size() < 8 || name[0] != '.') return 0;
    const auto dash = name.rfind('-');
    if (dash == std::string::npos || dash < 5) return 0;
    const std::string_view tag(name.data() + dash - 4, 4);
    if (tag != ".tmp" && tag != ".old") return 0;
    pid_t pid = 0;
    const auto* end = name.data() + name.size();
    const auto [ptr, ec] = std::from_chars(name.data() + dash + 1, end, pid);
    return ec == std::errc() && ptr == end && pid > 0 ? pid : 0;
}

}  // namespace

fs::path temp_sibling(const fs::path& target, std::string_view tag) {
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    return parent / fmt::format(".{}.{}-{}", target.filename().string(), tag, ::getpid());
}

void remember_temp(const fs::path& path) {
    const std::string text = fs::absolute(path).string();
    if (text.size() >= max_path) return;
    const std::lock_guard lock(slots_mutex);
    for (auto& s : slots) {
        if (s.used.load()) continue;
        std::memcpy(s.path.data(), text.c_str(), text.size() + 1);
        s.used.store(true);
        if (held++ == 0) install_handlers();
        return;
    }
}

void forget_temp(const fs::path& path) {
    const std::string text = fs::absolute(path).string();
    const std::lock_guard lock(slots_mutex);
    for (auto& s : slots) {
        if (!s.used.load() || text != s.path.data()) continue;
        s.used.store(false);
        if (--held == 0) restore_handlers();
    }
}

void sweep_stale_temps(const fs::path& folder) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const pid_t pid = temp_pid(it->path().filename().string());
        if (pid == 0 || pid == ::getpid()) continue;
        if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
        const std::string name = it->path().filename().string();
        const fs::path target = folder / name.substr(1, name.rfind('-') - 5);
        std::error_code rm;
        // An ".old" sibling whose target is gone is a folder set aside by a swap that never finished: it goes back.
        if (name.compare(name.rfind('-') - 4, 4, ".old") == 0 && !fs::exists(fs::symlink_status(target, rm))) {
            fs::rename(it->path(), target, rm);
            continue;
        }
        fs::remove_all(it->path(), rm);
    }
}

}  // namespace kardashev::io::detail
