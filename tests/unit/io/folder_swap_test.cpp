// io::write_folder and io::replace_folder: a folder appears whole or not at all, and an existing one is kept
// until its replacement is complete and in place.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

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
    io::write_text_file(dir / "stale.txt", "only in the old folder");
    io::write_folder(dir, true, [&](const fs::path& tmp) {
        EXPECT_NE(fs::weakly_canonical(tmp), fs::weakly_canonical(dir));
        io::write_text_file(tmp / "a.txt", "new");
        EXPECT_EQ(read(dir / "a.txt"), "old");  // the old folder is whole while the new one is written
        io::write_text_file(tmp / "b.txt", "new too");
        EXPECT_TRUE(fs::exists(dir / "stale.txt"));
    });
    EXPECT_EQ(read(dir / "a.txt"), "new");
    EXPECT_EQ(read(dir / "b.txt"), "new too");
    EXPECT_FALSE(fs::exists(dir / "stale.txt"));
    EXPECT_EQ(s.entries(), 1);  // neither the temporary folder nor the old one stays
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
