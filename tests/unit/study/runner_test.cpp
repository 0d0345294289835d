// study::run_samples_here: every sample of `todo` evaluated once on threads of this process, without MPI.
#include <gtest/gtest.h>

#include <cstddef>
#include <map>
#include <stdexcept>
#include <vector>

#include "kardashev/study/runner.hpp"

namespace {

using namespace kardashev::study;

TEST(run_samples_here, receives_every_sample_once_with_its_own_outcome) {
    const std::vector<std::size_t> todo{0, 2, 3, 5, 7, 11, 13, 17, 19, 23};
    std::map<std::size_t, sample_outcome> got;
    std::size_t calls = 0;
    run_samples_here(todo, [](std::size_t i) { return sample_outcome{true, {static_cast<double>(i * i)}, ""}; }, 3,
                     [&](std::size_t i, const sample_outcome& o) {
                         ++calls;
                         got[i] = o;
                     });
    EXPECT_EQ(calls, todo.size());
    ASSERT_EQ(got.size(), todo.size());
    for (const auto i : todo) EXPECT_EQ(got.at(i).values, std::vector<double>{static_cast<double>(i * i)});
}

TEST(run_samples_here, rethrows_what_the_receiver_could_not_record) {
    const std::vector<std::size_t> todo{0, 1, 2, 3};
    EXPECT_THROW(run_samples_here(todo, [](std::size_t) { return sample_outcome{}; }, 2,
                                  [](std::size_t i, const sample_outcome&) {
                                      if (i == 2) throw std::runtime_error("disk full");
                                  }),
                 std::runtime_error);
}

}  // namespace
