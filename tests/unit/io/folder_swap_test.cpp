// io::write_folder and io::replace_folder: a folder appears whole or not at all, and an existing one is kept
// until its replacement is complete and in place; --force replaces only what this program wrote; temporary siblings
// go on a termination signal and stale ones of dead processes are swept (docs/reliability.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kardashev/core/error.hpp"
#include "kardashev/io/folder_swap.hpp"

namespace {

namespace fs = std::filesystem;
using namespace kardashev;

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A fresh, empty folder for one test, removed at the end.
struct scratch {
    fs::path root;
    explicit scratch(const std::string& name)
        : root(fs::temp_directory_path() / ("kd_folder_swap_" + name + "_" + std::to_string(::getpid()))) {
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~scratch() { fs::remove_all(root); }
    /// Entries of the root folder, hidden ones included (no temporary sibling may stay behind).
    [[nodiscard]] int entries() const {
        int n = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(root)) ++n;
        return n;
    }
};

/// The message of the input_error `f` throws.
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const input_error& e) {
        return e.what();
    }
    return "<no error>";
}

/// `dir` holding one file "a.txt" with `text`.
void make_old(const fs::path& dir, const std::string& text) {
    fs::create_directories(dir);
    io::write_text_file(dir / "a.txt", text);
}

TEST(folder_swap, a_new_folder_appears_with_its_files_and_no_sibling_stays) {
    scratch s("new");
    const fs::path dir = s.root / "out";
    io::write_folder(dir, false, [](const fs::path& tmp) { io::write_text_file(tmp / "a.txt", "new"); });
    EXPECT_EQ(read(dir / "a.txt"), "new");
    EXPECT_EQ(s.entries(), 1);
}

void hangup_noted(int) {}

/// The handler SIGHUP has now.
void (*hangup_handler())(int) {
    struct sigaction now {};
    ::sigaction(SIGHUP, nullptr, &now);
    return now.sa_handler;
}

// The temporary folder's cleanup handler is there while the folder is written, and the program's own handler is back
// afterwards (a program embedding the library, such as the Python module, keeps its Ctrl-C).
TEST(folder_swap, signal_handlers_are_replaced_only_while_a_folder_is_written) {
    const scratch s("handlers");
    struct sigaction mine {};
    mine.sa_handler = hangup_noted;
    sigemptyset(&mine.sa_mask);
    struct sigaction before {};
    ASSERT_EQ(::sigaction(SIGHUP, &mine, &before), 0);
    void (*during)(int) = nullptr;
    io::write_folder(s.root / "out", false, [&](const fs::path& tmp) {
        during = hangup_handler();
        io::write_text_file(tmp / "a.txt", "x");
    });
    EXPECT_NE(during, &hangup_noted);
    EXPECT_EQ(hangup_handler(), &hangup_noted);
    ::sigaction(SIGHUP, &before, nullptr);
}

TEST(folder_swap, an_existing_folder_is_refused_without_force) {
    scratch s("refuse");
    const fs::path dir = s.root / "out";
    make_old(dir, "old");
    bool filled = false;
    try {
        io::write_folder(dir, false, [&](const fs::path&) { filled = true; }, "run folder");
        FAIL() << "expected input_error";
    } catch (const input_error& e) {
        EXPECT_EQ(std::string(e.what()),
                  dir.string() + ": the run folder exists; choose another --out or pass --force to replace it");
    }
    EXPECT_FALSE(filled);
    EXPECT_EQ(read(dir / "a.txt"), "old");
}

TEST(folder_swap, an_existing_folder_is_replaced_only_after_the_new_one_is_complete) {
    scratch s("replace");
    const fs::path dir = s.root / "out";
    make_old(dir, "old");
    io::write_folder(dir, true, [&](const fs::path& tmp) {
        EXPECT_NE(fs::weakly_canonical(tmp), fs::weakly_canonical(dir));
        io::write_text_file(tmp / "a.txt", "new");
        EXPECT_EQ(read(dir / "a.txt"), "old");  // the old folder is whole while the new one is written
        io::write_text_file(tmp / "b.txt", "new too");
        EXPECT_FALSE(fs::exists(dir / "b.txt"));
    });
    EXPECT_EQ(read(dir / "a.txt"), "new");
    EXPECT_EQ(read(dir / "b.txt"), "new too");
    EXPECT_EQ(s.entries(), 1);  // neither the temporary folder nor the old one stays
}

TEST(folder_swap, force_refuses_a_folder_holding_a_file_this_program_does_not_write_there) {
    scratch s("foreign");
    const fs::path dir = s.root / "out";
    make_old(dir, "old");
    io::write_text_file(dir / "notes.txt", "the user's own file");
    EXPECT_EQ(error_of([&] { io::write_folder(dir, true, [](const fs::path& tmp) { io::write_text_file(tmp / "a.txt", "new"); }, "run folder"); }),
              dir.string() + ": not a run folder this program wrote (it holds \"notes.txt\"); --force replaces only those, "
                             "choose another --out");
    EXPECT_EQ(read(dir / "a.txt"), "old");
    EXPECT_EQ(read(dir / "notes.txt"), "the user's own file");
    EXPECT_EQ(s.entries(), 1);
}

TEST(folder_swap, force_refuses_a_file_or_a_link_in_the_folders_place) {
    scratch s("file");
    io::write_text_file(s.root / "f.txt", "the user's file");
    fs::create_directory_symlink(s.root, s.root / "link");
    for (const char* name : {"f.txt", "link"}) {
        const fs::path dir = s.root / name;
        const std::string what = std::string(name) == "link" ? "a link" : "a file";
        EXPECT_EQ(error_of([&] { io::write_folder(dir, true, [](const fs::path&) {}, "run folder"); }),
                  dir.string() + ": not a run folder this program wrote (it is " + what + "); --force replaces only those, "
                                 "choose another --out");
    }
    EXPECT_EQ(read(s.root / "f.txt"), "the user's file");
    EXPECT_TRUE(fs::is_symlink(s.root / "link"));
    EXPECT_EQ(s.entries(), 2);
}

TEST(folder_swap, a_trailing_slash_names_the_same_folder) {
    scratch s("slash");
    make_old(s.root / "out", "old");
    io::write_folder(s.root.string() + "/out//", true, [](const fs::path& tmp) { io::write_text_file(tmp / "a.txt", "new"); });
    EXPECT_EQ(read(s.root / "out" / "a.txt"), "new");
    EXPECT_EQ(s.entries(), 1);
    io::write_folder(s.root.string() + "/fresh/", false, [](const fs::path& tmp) { io::write_text_file(tmp / "a.txt", "x"); });
    EXPECT_EQ(read(s.root / "fresh" / "a.txt"), "x");
    EXPECT_EQ(s.entries(), 2);
}

TEST(folder_swap, stale_temporary_siblings_of_dead_processes_are_swept_and_live_ones_kept) {
    scratch s("sweep");
    const pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    ::waitpid(dead, nullptr, 0);
    const fs::path stale = s.root / (".old-run.tmp-" + std::to_string(dead));
    make_old(stale, "half written");
    const fs::path live = s.root / (".other.tmp-" + std::to_string(::getppid()));
    make_old(live, "another process at work");
    const fs::path aside = s.root / (".kept.old-" + std::to_string(dead));  // set aside by a swap that never finished
    make_old(aside, "the user's previous folder");
    io::write_folder(s.root / "out", false, [](const fs::path& tmp) { io::write_text_file(tmp / "a.txt", "new"); });
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_TRUE(fs::exists(live));
    EXPECT_EQ(read(s.root / "kept" / "a.txt"), "the user's previous folder");
    EXPECT_EQ(s.entries(), 3);  // out, the live sibling, kept
}

TEST(folder_swap, a_scenario_name_cannot_choose_where_the_default_folder_goes) {
    EXPECT_EQ(io::safe_folder_name("../../escaped"), "escaped");
    EXPECT_EQ(io::safe_folder_name("/etc/cron.d/x"), "etc_cron_d_x");
    EXPECT_EQ(io::safe_folder_name("default"), "default");
    EXPECT_EQ(io::safe_folder_name("leo-2030 v2"), "leo-2030_v2");
    EXPECT_EQ(io::safe_folder_name(".."), "run");
    EXPECT_EQ(io::safe_folder_name(""), "run");
    EXPECT_EQ(io::safe_folder_name("a\nb\x01" "c"), "a_b_c");
    EXPECT_EQ(io::safe_folder_name(std::string(100, 'x')).size(), 64u);
}

TEST(folder_swap, a_termination_signal_removes_the_temporary_folder) {
    scratch s("signal");
    const fs::path dir = s.root / "out";
    const pid_t child = ::fork();
    if (child == 0) {
        try {
            io::write_folder(dir, false, [](const fs::path& tmp) {
                io::write_text_file(tmp / "summary.json", "{}");
                io::write_text_file(tmp / "timeseries.csv", "half");
                ::raise(SIGTERM);
            });
        } catch (...) {
        }
        ::_exit(3);  // not reached: SIGTERM ends the process
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << status;
    EXPECT_FALSE(fs::exists(dir));
    EXPECT_EQ(s.entries(), 0);
}

TEST(folder_swap, a_failure_while_writing_leaves_the_old_folder_intact) {
    scratch s("fail");
    const fs::path dir = s.root / "out";
    make_old(dir, "old");
    EXPECT_THROW(io::write_folder(dir, true,
                                  [](const fs::path& tmp) {
                                      io::write_text_file(tmp / "a.txt", "half");
                                      throw std::runtime_error("disk full");
                                  }),
                 std::runtime_error);
    EXPECT_EQ(read(dir / "a.txt"), "old");
    EXPECT_EQ(s.entries(), 1);
}

TEST(folder_swap, a_failure_while_writing_a_new_folder_leaves_nothing) {
    scratch s("fail_new");
    const fs::path dir = s.root / "out";
    EXPECT_THROW(io::write_folder(dir, false, [](const fs::path&) { throw input_error("no"); }), input_error);
    EXPECT_FALSE(fs::exists(dir));
    EXPECT_EQ(s.entries(), 0);
}

TEST(folder_swap, a_failed_move_puts_the_old_folder_back) {
    scratch s("move");
    const fs::path dir = s.root / "out";
    make_old(dir, "old");
    // The new folder is missing, so moving it fails after the old one was set aside.
    EXPECT_THROW(io::replace_folder(s.root / "missing", dir), input_error);
    EXPECT_EQ(read(dir / "a.txt"), "old");
    EXPECT_EQ(s.entries(), 1);
}

TEST(folder_swap, replace_moves_a_folder_into_place) {
    scratch s("move_ok");
    const fs::path dir = s.root / "out";
    make_old(dir, "old");
    make_old(s.root / "next", "next");
    io::replace_folder(s.root / "next", dir);
    EXPECT_EQ(read(dir / "a.txt"), "next");
    EXPECT_EQ(s.entries(), 1);
}

}  // namespace
