// Kept trees (N-w, docs/models/network.md): when a tree may be checked again, and a run of steps starting afresh.

#include <gtest/gtest.h>

#include "network/kept_tree.hpp"
#include "network/route_step.hpp"

namespace {

using namespace kardashev::network::detail;

TEST(kept_tree, is_due_only_on_the_step_after_it_was_found_or_kept) {
    kept_tree tree;
    EXPECT_FALSE(tree.due(0));  // never found
    tree.note_kept(5);
    EXPECT_TRUE(tree.due(6));
    EXPECT_FALSE(tree.due(7));
    EXPECT_FALSE(tree.due(5));
}

TEST(kept_tree, a_failed_check_backs_off_and_forget_clears_it) {
    kept_tree tree;
    tree.note_kept(9);
    tree.note_failed(9);
    tree.note_failed(9);  // two misses in a row: not before step 9 + 2
    EXPECT_FALSE(tree.due(10)) << "held by the back-off";
    tree.forget();
    EXPECT_FALSE(tree.due(10)) << "forgotten: its step is gone";
    tree.note_kept(9);
    EXPECT_TRUE(tree.due(10)) << "no back-off and no misses are left after forget";
}

TEST(kept_tree, a_run_of_steps_starts_without_the_threads_history) {
    // A thread may take runs of steps in any order; start_run makes each begin as a fresh thread would, so what is
    // searched and kept does not depend on which run the thread did before.
    step_workspace work;
    work.kept.resize(3);
    for (kept_tree& tree : work.kept) tree.note_kept(41);
    work.last_via = {7, no_node, 12};
    start_run(work);
    for (const kept_tree& tree : work.kept) EXPECT_FALSE(tree.due(42));
    EXPECT_EQ(work.last_via, (std::vector<node_index>{no_node, no_node, no_node}));
    EXPECT_EQ(work.kept.size(), 3U) << "the storage stays";
}

}  // namespace
