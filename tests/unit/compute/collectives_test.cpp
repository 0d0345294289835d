// Alpha-beta collective costs: the closed forms of Thakur et al. 2005 and Chan et al. 2007.
#include <gtest/gtest.h>

#include "kardashev/compute/collectives.hpp"
#include "kardashev/core/error.hpp"

namespace {

using namespace kardashev::compute;
using link = kardashev::compute::link;

const link nvlink{450e9, 2e-6};

TEST(collectives, ring_all_reduce_moves_twice_the_buffer_less_one_share) {
    // 8 ranks, 1 GB: 2 x 7/8 x 1e9 / 450e9 + 14 x 2 us.
    EXPECT_NEAR(ring_all_reduce_s(1e9, 8, nvlink), 2.0 * 7.0 / 8.0 * 1e9 / 450e9 + 14 * 2e-6, 1e-12);
}

TEST(collectives, a_single_rank_communicates_nothing) {
    EXPECT_EQ(ring_all_reduce_s(1e9, 1, nvlink), 0.0);
    EXPECT_EQ(all_gather_s(1e9, 1, nvlink), 0.0);
    EXPECT_EQ(all_to_all_s(1e9, 1, nvlink), 0.0);
}

TEST(collectives, reduce_scatter_plus_all_gather_is_a_ring_all_reduce) {
    EXPECT_NEAR(reduce_scatter_s(3e8, 64, nvlink) + all_gather_s(3e8, 64, nvlink), ring_all_reduce_s(3e8, 64, nvlink), 1e-15);
}

TEST(collectives, small_messages_take_the_tree_and_large_ones_the_ring) {
    const link slow{50e9, 10e-6};
    // 1 kB over 1024 ranks: latency-bound, the tree's 2 log2 p steps beat the ring's 2 (p-1).
    EXPECT_LT(tree_all_reduce_s(1e3, 1024, slow), ring_all_reduce_s(1e3, 1024, slow));
    EXPECT_DOUBLE_EQ(all_reduce_s(1e3, 1024, slow), tree_all_reduce_s(1e3, 1024, slow));
    // 1 GB: bandwidth-bound, the ring wins.
    EXPECT_DOUBLE_EQ(all_reduce_s(1e9, 1024, slow), ring_all_reduce_s(1e9, 1024, slow));
}

TEST(collectives, a_link_without_bandwidth_is_a_domain_error) {
    EXPECT_THROW(p2p_s(1.0, link{0.0, 1e-6}), kardashev::domain_error);
}

}  // namespace
