#include "kardashev/core/progress.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include <unistd.h>

#include <fmt/format.h>

namespace kardashev {
namespace {

constexpr auto redraw_interval = std::chrono::milliseconds(100);

/// "H:MM:SS" of a non-negative number of seconds, rounded to the nearest second.
std::string clock_text(double seconds) {
    const auto s = static_cast<long long>(std::llround(std::clamp(seconds, 0.0, 3.6e9)));
    return fmt::format("{}:{:02d}:{:02d}", s / 3600, s / 60 % 60, s % 60);
}

/// floor(done * scale / total) for done <= total, in integers so that 29 of 100 reads 29 %.
std::uint64_t scaled_share(std::uint64_t done, std::uint64_t total, std::uint64_t scale) {
    if (scale == 0) {
        return 0;
    }
    if (done <= std::numeric_limits<std::uint64_t>::max() / scale) {
        return done * scale / total;
    }
    return static_cast<std::uint64_t>(static_cast<long double>(done) * static_cast<long double>(scale) /
                                      static_cast<long double>(total));
}

}  // namespace

progress_reporter::progress_reporter(std::string label, std::uint64_t total, bool enabled, std::FILE* stream)
    : m_label(std::move(label)),
      m_total(total),
      m_stream(stream),
      m_active(enabled && stream != nullptr && isatty(fileno(stream)) != 0),
      m_start(std::chrono::steady_clock::now()),
      m_last_draw(m_start - redraw_interval) {}

progress_reporter::~progress_reporter() {
    try {
        finish();
    } catch (...) {
        // NOTE: a destructor must not throw; a failed final redraw (out of memory) is dropped.
    }
}

void progress_reporter::update(std::uint64_t done) {
    if (!m_active || m_finished) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - m_last_draw < redraw_interval) {
        return;
    }
    m_last_draw = now;
    const double elapsed_s = std::chrono::duration<double>(now - m_start).count();
    // "\r" returns to the start of the line; ESC [ K clears what a longer previous bar left.
    std::string text = render(m_label, done, m_total, elapsed_s);
    if (!m_rate_unit.empty() && elapsed_s > 0.0) text += fmt::format(" {:.1f} {}/s", static_cast<double>(done) / elapsed_s, m_rate_unit);
    std::fprintf(m_stream, "\r%s\x1b[K", text.c_str());
    std::fflush(m_stream);
}

void progress_reporter::finish() {
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (!m_active) {
        return;
    }
    const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    std::fprintf(m_stream, "\r%s\x1b[K\n", render(m_label, m_total, m_total, elapsed_s).c_str());
    std::fflush(m_stream);
}

std::string progress_reporter::render(const std::string& label, std::uint64_t done, std::uint64_t total,
                                      double elapsed_s, int width) {
    // Nothing to do counts as complete; more than the total is clamped to it.
    if (total == 0) {
        done = total = 1;
    }
    done = std::min(done, total);
    const auto bar_width = static_cast<std::uint64_t>(std::max(width, 0));
    const std::uint64_t filled = scaled_share(done, total, bar_width);
    std::string text = label;
    text += " [";
    text.append(filled, '#');
    text.append(bar_width - filled, ' ');
    text += fmt::format("] {}% ETA ", scaled_share(done, total, 100));
    if (done == total) {
        text += clock_text(0.0);
    } else if (done == 0 || !(elapsed_s >= 0.0)) {
        text += "-:--:--";  // no rate yet
    } else {
        // Remaining time at the mean rate so far.
        const double remaining = static_cast<double>(total - done) / static_cast<double>(done);
        text += clock_text(elapsed_s * remaining);
    }
    return text;
}

}  // namespace kardashev
