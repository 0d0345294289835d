// What runs of related scenarios share, kept by exact inputs (kardashev/sim/run_cache.hpp).
#include "kardashev/sim/run_cache.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <unordered_map>
#include <mutex>
#include <tuple>
#include <utility>

namespace kardashev::sim {

namespace {

// Most entries per table: a full table serves what it holds and takes no more.
constexpr std::size_t max_starts = 16;          // years of Sun positions (200 kB each)
constexpr std::size_t max_orbit_years = 256;
constexpr std::size_t max_windows = 200'000;    // sunlit fractions (a ten-year run at one day: 3,652)
constexpr std::size_t max_geometries = 8;       // delivery geometries (a few MB each)
constexpr std::size_t max_cut_tables = 1'024;

using window_key = std::array<std::uint64_t, 9>;

/// Every field the sunlit window depends on, doubles by their bits (exact, and NaN-safe as a map key).
window_key key_of(const site_orbit& p, epoch start, epoch from, epoch to) {
    return {std::bit_cast<std::uint64_t>(p.altitude_m), p.sun_synchronous ? 1U : 0U, std::bit_cast<std::uint64_t>(p.ltan_h),
            std::bit_cast<std::uint64_t>(p.inclination_rad), std::bit_cast<std::uint64_t>(p.raan_rad),
            static_cast<std::uint64_t>(p.shadow), static_cast<std::uint64_t>(start.tai_ns()),
            static_cast<std::uint64_t>(from.tai_ns()), static_cast<std::uint64_t>(to.tai_ns())};
}

/// A window key's hash: its words mixed by the 64-bit FNV-1a step (Fowler, Noll & Vo) on whole words, then
/// finalised by MurmurHash3's fmix64 (Appleby), so that nearby dates spread over the buckets.
struct window_key_hash {
    std::size_t operator()(const window_key& k) const noexcept {
        std::uint64_t h = 0xcbf29ce484222325ULL;
        for (const std::uint64_t w : k) h = (h ^ w) * 0x100000001b3ULL;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        h ^= h >> 33;
        return static_cast<std::size_t>(h);
    }
};

}  // namespace

struct run_cache::tables {
    std::mutex lock;
    std::vector<std::pair<epoch, std::shared_ptr<const std::vector<orbit::vec3>>>> suns;
    std::vector<std::pair<economy::orbit_year_key, orbit::eclipse_summary>> years;
    std::unordered_map<window_key, double, window_key_hash> windows;
    std::vector<std::pair<std::string, std::shared_ptr<const network::delivery_geometry>>> geometries;
    std::vector<std::tuple<std::string, network::delivery_capacities, network::delivery_cuts>> cut_tables;
    std::atomic<std::uint64_t> misses{0};
    std::atomic<std::uint64_t> hits{0};

    /// Counts a hit when `found`, and passes it on.
    template <class T>
    T hit(T found) {
        hits.fetch_add(1, std::memory_order_relaxed);
        return found;
    }
};

run_cache::run_cache() : m(std::make_unique<tables>()) {}
run_cache::~run_cache() = default;

std::uint64_t run_cache::misses() const noexcept { return m->misses.load(std::memory_order_relaxed); }
std::uint64_t run_cache::hits() const noexcept { return m->hits.load(std::memory_order_relaxed); }

// Each lookup holds the lock only to search and to insert: the work runs unlocked, so two threads that miss the
// same key both compute it (the same value) and the first insert stands.

orbit::eclipse_summary run_cache::orbit_year(const economy::orbit_year_key& key) {
    std::shared_ptr<const std::vector<orbit::vec3>> suns;
    {
        const std::scoped_lock guard(m->lock);
        for (const auto& [known, year] : m->years)
            if (known == key) return m->hit(year);
        for (const auto& [start, year] : m->suns)
            if (start == key.start) suns = year;
    }
    if (!suns) {
        m->misses.fetch_add(1, std::memory_order_relaxed);
        suns = std::make_shared<const std::vector<orbit::vec3>>(economy::year_sun_positions(key.start));
        const std::scoped_lock guard(m->lock);
        if (m->suns.size() < max_starts) m->suns.emplace_back(key.start, suns);
    }
    m->misses.fetch_add(1, std::memory_order_relaxed);
    const auto year = economy::orbit_year_eclipse(key, *suns);
    const std::scoped_lock guard(m->lock);
    if (m->years.size() < max_orbit_years) m->years.emplace_back(key, year);
    return year;
}

double run_cache::sunlit(const site_orbit& path, epoch start, epoch from, epoch to, const std::function<double()>& make) {
    const auto key = key_of(path, start, from, to);
    {
        const std::scoped_lock guard(m->lock);
        const auto it = m->windows.find(key);
        if (it != m->windows.end()) return m->hit(it->second);
    }
    m->misses.fetch_add(1, std::memory_order_relaxed);
    const double value = make();
    const std::scoped_lock guard(m->lock);
    if (m->windows.size() < max_windows) m->windows.emplace(key, value);
    return value;
}

std::shared_ptr<const network::delivery_geometry> run_cache::geometry(
    const std::string& key, const std::function<network::delivery_geometry()>& make) {
    {
        const std::scoped_lock guard(m->lock);
        for (const auto& [known, g] : m->geometries)
            if (known == key) return m->hit(g);
    }
    m->misses.fetch_add(1, std::memory_order_relaxed);
    auto made = std::make_shared<const network::delivery_geometry>(make());
    const std::scoped_lock guard(m->lock);
    if (m->geometries.size() < max_geometries) m->geometries.emplace_back(key, made);
    return made;
}

network::delivery_cuts run_cache::cuts(const std::string& key, const network::delivery_capacities& capacities,
                                       const std::function<network::delivery_cuts()>& make) {
    {
        const std::scoped_lock guard(m->lock);
        for (const auto& [known, at, table] : m->cut_tables)
            if (at == capacities && known == key) return m->hit(table);
    }
    m->misses.fetch_add(1, std::memory_order_relaxed);
    auto made = make();
    const std::scoped_lock guard(m->lock);
    if (m->cut_tables.size() < max_cut_tables) m->cut_tables.emplace_back(key, capacities, made);
    return made;
}

}  // namespace kardashev::sim
