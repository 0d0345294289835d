#include "kardashev/sim/fast_clock.hpp"

#include "kardashev/core/error.hpp"

namespace kardashev::sim {

fast_clock::fast_clock(epoch origin, duration window) : m_origin(origin), m_window(window) {
    if (window.ns() <= 0) throw domain_error("fast_clock: window must be positive");
}

std::uint32_t fast_clock::add_entity(std::string name, window_fn fn) {
    m_entities.push_back({std::move(name), std::move(fn), {}, {}});
    return static_cast<std::uint32_t>(m_entities.size() - 1);
}

std::uint32_t fast_clock::add_entity(std::string name, window_fn fn, key_fn key) {
    if (!key) throw domain_error("fast_clock: an entity's cache key function is empty");
    m_entities.push_back({std::move(name), std::move(fn), std::move(key), {}});
    return static_cast<std::uint32_t>(m_entities.size() - 1);
}

const fast_aggregate& fast_clock::aggregate(std::uint32_t id, epoch t) {
    auto& e = m_entities.at(id);
    const std::int64_t offset = (t - m_origin).ns();
    // Floor division, so instants before the origin fall in negative windows.
    std::int64_t index = offset / m_window.ns();
    if (offset < 0 && offset % m_window.ns() != 0) --index;
    const std::int64_t key = e.key ? e.key(t) : index;
    auto it = e.cache.find(key);
    if (it != e.cache.end()) return it->second;
    const epoch from = m_origin + m_window * index;
    ++m_misses;
    return e.cache.emplace(key, e.fn(from, from + m_window)).first->second;
}

}  // namespace kardashev::sim
