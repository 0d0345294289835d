#pragma once
// The priority queues of the path search (private): an indexed 4-ary heap and the storage of Dial's bucket queue
// (docs/models/network.md N-l).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "node_index.hpp"

namespace kardashev::network::detail {

/// Indexed 4-ary min-heap of nodes keyed by an array of delays (ties by node id), with decrease-key; no duplicates.
struct node_heap {
    std::vector<node_index> items;  //!< heap of nodes
    std::vector<int> position;      //!< place of each node in items, -1 when absent

    /// Empties the heap for a graph of `nodes` nodes.
    void reset(std::size_t nodes) {
        items.clear();
        if (position.size() != nodes) position.assign(nodes, -1);
    }
    /// True when node a comes before node b: the smaller key, then the smaller id.
    static bool before(const double* key, node_index a, node_index b) {
        const double key_a = key[a], key_b = key[b];
        return key_a < key_b || (key_a == key_b && a < b);
    }
    /// Moves the node at place i up to its place.
    void sift_up(const double* key, std::size_t i) {
        const node_index v = items[i];
        while (i > 0) {
            const std::size_t parent = (i - 1) / 4;
            if (!before(key, v, items[parent])) break;
            items[i] = items[parent];
            position[items[i]] = static_cast<int>(i);
            i = parent;
        }
        items[i] = v;
        position[v] = static_cast<int>(i);
    }
    /// Inserts v, or moves it up after its key decreased.
    void push_or_decrease(const double* key, node_index v) {
        int place = position[v];
        if (place < 0) {
            items.push_back(v);
            place = static_cast<int>(items.size()) - 1;
        }
        sift_up(key, static_cast<std::size_t>(place));
    }
    /// Removes and returns the first node.
    node_index pop(const double* key) {
        const node_index top = items.front();
        position[top] = -1;
        const node_index last = items.back();
        items.pop_back();
        const std::size_t n = items.size();
        if (n > 0) {
            std::size_t i = 0;
            while (true) {
                const std::size_t first_child = 4 * i + 1;
                if (first_child >= n) break;
                std::size_t best = first_child;
                const std::size_t children_end = std::min(first_child + 4, n);
                for (std::size_t c = first_child + 1; c < children_end; ++c)
                    if (before(key, items[c], items[best])) best = c;
                if (!before(key, items[best], last)) break;
                items[i] = items[best];
                position[items[i]] = static_cast<int>(i);
                i = best;
            }
            items[i] = last;
            position[last] = static_cast<int>(i);
        }
        return top;
    }
    /// Clears the places of the nodes still queued (after a search stopped early).
    void forget_queued() {
        for (const node_index v : items) position[v] = -1;
    }
};

/// Bucket queue layout for one graph: 1 / bucket width [1/s] and ring size - 1 (a power of two); inv_width_per_s 0
/// selects the heap.
struct bucket_plan {
    double inv_width_per_s = 0.0;
    std::size_t mask = 0;
    [[nodiscard]] bool uses_heap() const { return inv_width_per_s == 0.0; }
};

/// Buckets for edge delays in [min_delay_s, max_delay_s] and seeds at most max_delay_s: width 0.999 min_delay_s; the
/// heap when the delays are zero or spread over more than a factor 1000 (the ring would be large and mostly empty).
inline bucket_plan plan_buckets(double min_delay_s, double max_delay_s) {
    if (!(min_delay_s > 0.0) || !std::isfinite(max_delay_s) || max_delay_s > 1000.0 * min_delay_s) return {};
    const double width = 0.999 * min_delay_s;
    const auto span = static_cast<std::size_t>(max_delay_s / width) + 2;
    std::size_t size = 1;
    while (size < span) size <<= 1;
    return {1.0 / width, size - 1};
}

/// Dial's bucket k = floor(delay / width) of a delay [s].
inline std::int64_t bucket_of(double delay_s, double inv_width_per_s) {
    return static_cast<std::int64_t>(delay_s * inv_width_per_s);
}

/// Storage of the bucket queue's ring: slot i holds nodes[i * slot_capacity, tail[i]).
struct bucket_ring {
    std::vector<node_index> nodes;  //!< the slots end to end
    std::vector<node_index*> tail;  //!< one past the last node of each slot
    std::size_t slot_capacity = 0;  //!< room per slot: at least the pushes of one search

    /// Makes room for `slots` slots of `capacity` nodes each.
    void reserve(std::size_t slots, std::size_t capacity) {
        if (tail.size() != slots || slot_capacity < capacity) {
            slot_capacity = std::max(slot_capacity, capacity);
            nodes.resize(slots * slot_capacity);
            tail.resize(slots);
            empty();
        }
    }
    /// Empties every slot.
    void empty() {
        for (std::size_t i = 0; i < tail.size(); ++i) tail[i] = nodes.data() + i * slot_capacity;
    }
};

}  // namespace kardashev::network::detail
