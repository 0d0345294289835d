#pragma once
/// The parts of a sweep folder and its work folder (private to io).

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "kardashev/io/sweep_io.hpp"

namespace kardashev::io::detail {

/// samples.csv: sample, seed, then each input's scenario text.
std::string samples_csv(const study::sweep_spec& spec, const study::sweep_design& design);
/// results.csv: sample, status, each headline output (a date as YYYY-MM-DD, "never" when it never came), error.
std::string results_csv(const std::vector<study::sample_outcome>& outcomes);
/// summary.json: the sweep, its outputs' statistics, events and sensitivities.
std::string summary_json(const sweep_request& request, const study::sweep_design& design, const study::sweep_summary& summary);
/// report.html: a self-contained page with inline SVG charts.
std::string sweep_report_html(const sweep_request& request, const study::sweep_design& design,
                              const std::vector<study::sample_outcome>& outcomes, const study::sweep_summary& summary);

/// A value of headline output `output` as text: a number in its shortest exact form, a date as YYYY-MM-DD,
/// "never" for +infinity, "" for NaN.
std::string output_text(std::size_t output, double value);

/// The samples finished so far in a work folder, appended one line at a time ("INDEX\tOUTCOME\n").
class sweep_journal {
public:
    /// Opens `path` for appending; reads the finished samples of an earlier run (an unfinished last line, from a
    /// kill in the middle of a write, is dropped and cut off).
    sweep_journal(const std::filesystem::path& path, std::size_t samples);
    ~sweep_journal();
    sweep_journal(const sweep_journal&) = delete;
    sweep_journal& operator=(const sweep_journal&) = delete;
    /// The outcomes found, by sample (ok false and an empty error where none).
    [[nodiscard]] const std::vector<study::sample_outcome>& outcomes() const noexcept { return m_outcomes; }
    /// Whether sample `index` is finished.
    [[nodiscard]] bool done(std::size_t index) const noexcept { return m_done[index]; }
    /// The number of finished samples.
    [[nodiscard]] std::size_t count() const noexcept { return m_count; }
    /// Records a finished sample: one write(2) of its whole line.
    void append(std::size_t index, const study::sample_outcome& outcome);

private:
    int m_fd = -1;
    std::vector<study::sample_outcome> m_outcomes;
    std::vector<bool> m_done;
    std::size_t m_count = 0;
};

}  // namespace kardashev::io::detail
