// The progress bar (src/core/progress.cpp).
#include "kardashev/core/progress.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <limits>

namespace kardashev {
namespace {

TEST(progress, half_done_after_3_s_shows_half_a_bar_and_3_s_left) {
    EXPECT_EQ(progress_reporter::render("run", 5, 10, 3.0, 10), "run [#####     ] 50% ETA 0:00:03");
}

TEST(progress, nothing_done_has_an_empty_bar_and_no_eta) {
    EXPECT_EQ(progress_reporter::render("run", 0, 10, 2.0, 10), "run [          ] 0% ETA -:--:--");
}

TEST(progress, all_done_has_a_full_bar_and_zero_eta) {
    EXPECT_EQ(progress_reporter::render("run", 10, 10, 7.0, 10), "run [##########] 100% ETA 0:00:00");
}

TEST(progress, more_than_the_total_or_an_empty_total_reads_as_complete) {
    EXPECT_EQ(progress_reporter::render("run", 12, 10, 7.0, 4), "run [####] 100% ETA 0:00:00");
    EXPECT_EQ(progress_reporter::render("run", 0, 0, 0.0, 4), "run [####] 100% ETA 0:00:00");
}

TEST(progress, percent_and_bar_round_down_in_exact_integers) {
    EXPECT_EQ(progress_reporter::render("x", 29, 100, 29.0, 10), "x [##        ] 29% ETA 0:01:11");
    EXPECT_EQ(progress_reporter::render("x", 999, 1000, 999.0, 10), "x [######### ] 99% ETA 0:00:01");
    const std::uint64_t big = std::numeric_limits<std::uint64_t>::max();
    EXPECT_EQ(progress_reporter::render("x", big / 2, big, 1.0, 10), "x [#####     ] 49% ETA 0:00:01");
}

TEST(progress, eta_is_written_as_hours_minutes_seconds) {
    // 1 of 3601 units in 1 s leaves 3600 s at that rate.
    EXPECT_EQ(progress_reporter::render("sweep", 1, 3601, 1.0, 0), "sweep [] 0% ETA 1:00:00");
    EXPECT_EQ(progress_reporter::render("sweep", 1, 101, 3723.0, 0), "sweep [] 0% ETA 103:25:00");
}

TEST(progress, default_width_is_30_columns) {
    EXPECT_EQ(progress_reporter::render("run", 1, 3, 1.0),
              "run [##########                    ] 33% ETA 0:00:02");
}

TEST(progress, a_stream_that_is_not_a_terminal_gets_nothing) {
    std::FILE* file = std::tmpfile();
    ASSERT_NE(file, nullptr);
    {
        progress_reporter p("run", 10, true, file);
        EXPECT_FALSE(p.active());
        p.update(5);
        p.finish();
    }
    EXPECT_EQ(std::ftell(file), 0L);
    std::fclose(file);
}

TEST(progress, a_disabled_reporter_is_inactive) {
    progress_reporter p("run", 10, false);
    EXPECT_FALSE(p.active());
    p.update(3);
}

}  // namespace
}  // namespace kardashev
