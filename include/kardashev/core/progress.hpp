#pragma once
/// A progress reporter: a bar with percentage and ETA on a terminal, silent otherwise.

#include <cstdint>
#include <cstdio>
#include <chrono>
#include <string>

namespace kardashev {

/// Reports progress of `total` units of work to a stream (stderr by default).
/// Draws only when enabled and the stream is a terminal; redraws at most 10 times a second.
class progress_reporter {
public:
    /// `enabled` false (e.g. --quiet) silences it; so does a stream that is not a terminal.
    progress_reporter(std::string label, std::uint64_t total, bool enabled = true, std::FILE* stream = stderr);
    ~progress_reporter();
    progress_reporter(const progress_reporter&) = delete;
    progress_reporter& operator=(const progress_reporter&) = delete;
    /// Marks `done` units of the total as complete (absolute, not incremental).
    void update(std::uint64_t done);
    /// Completes the bar and ends its line (called by the destructor if not before).
    void finish();
    /// Also shows the rate, "12.5 UNIT/s", after the bar (e.g. "samples").
    void show_rate(std::string unit) { m_rate_unit = std::move(unit); }
    /// True when this reporter draws (enabled and a terminal).
    [[nodiscard]] bool active() const noexcept { return m_active; }
    /// The bar text for `done` of `total` after `elapsed_s`, e.g. "run [#####     ] 50% ETA 0:00:03".
    static std::string render(const std::string& label, std::uint64_t done, std::uint64_t total, double elapsed_s, int width = 30);

private:
    std::string m_label;
    std::string m_rate_unit;
    std::uint64_t m_total;
    std::FILE* m_stream;
    bool m_active;
    bool m_finished = false;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last_draw;
};

}  // namespace kardashev
