#pragma once
/// The recorder: a tidy time series (time, entity, metric, value, unit) and discrete events.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/core/time.hpp"

namespace kardashev::sim {

/// One row of the tidy time series; entity, metric and unit index the recorder's name tables.
struct series_row {
    std::int64_t step = 0;     //!< slow-step index
    std::uint32_t channel = 0; //!< index into recorder::channels()
    double value = 0.0;
};

/// A (entity, metric, unit) triple, registered once and referenced by index from rows.
struct channel {
    std::string entity;  //!< e.g. "fleet/cars", "site/memphis", "corpus", "company"
    std::string metric;  //!< e.g. "units", "accelerators", "unique_tokens"
    std::string unit;    //!< SI unit text, e.g. "W", "B", "USD", "1"
    bool operator==(const channel&) const = default;
};

/// A discrete event: a model release, a bottleneck change, a build-out cut.
struct event {
    epoch at;
    std::string kind;    //!< e.g. "model_release", "bottleneck_change", "buildout_limited"
    std::string entity;
    std::string detail;  //!< human-readable, deterministic text
    bool operator==(const event&) const = default;
};

/// Collects everything a run records, in the order stages produce it.
class recorder {
public:
    /// Registers (or finds) a channel and returns its index.
    std::uint32_t add_channel(std::string_view entity, std::string_view metric, std::string_view unit);
    /// Records `value` for `channel` at slow step `step`.
    void record(std::int64_t step, std::uint32_t channel, double value) { m_rows.push_back({step, channel, value}); }
    /// Records an event.
    void add_event(event e) { m_events.push_back(std::move(e)); }
    /// Registers the time of slow step `step` (steps are recorded in increasing order).
    void add_step_time(epoch t) { m_step_times.push_back(t); }

    [[nodiscard]] const std::vector<channel>& channels() const noexcept { return m_channels; }
    [[nodiscard]] const std::vector<series_row>& rows() const noexcept { return m_rows; }
    [[nodiscard]] const std::vector<event>& events() const noexcept { return m_events; }
    [[nodiscard]] const std::vector<epoch>& step_times() const noexcept { return m_step_times; }
    /// Reserves room for `rows` rows.
    void reserve(std::size_t rows) { m_rows.reserve(rows); }

private:
    std::vector<channel> m_channels;
    std::vector<series_row> m_rows;
    std::vector<event> m_events;
    std::vector<epoch> m_step_times;
};

}  // namespace kardashev::sim
