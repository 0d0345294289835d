#pragma once
// Parts of report.html's renderer (io/report.hpp) kept in their own files. Private to io.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kardashev::io::detail {

/// Calls `fn(line_number, line)` for each line of `text` (without the newline; a final empty line is skipped).
template <class Fn>
void for_each_line(std::string_view text, Fn&& fn) {
    std::size_t pos = 0;
    int number = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        fn(++number, line);
        pos = end + 1;
    }
}

/// Reads `text` as the report reads events.csv (`events`) or timeseries.csv; returns the number of events or of
/// time steps; throws input_error "FILE:line: message" as render_report does (the fuzz target's entry).
std::size_t read_report_csv(std::string_view text, bool events);

/// One leaf of the resolved scenario: its path, its text, and where its value comes from.
struct input_row {
    std::string path;
    std::string value;
    std::string source;  //!< "default", "scenario" or "required"
    std::string note;
};

/// Every leaf of the resolved scenario `resolved_yaml` with its source: "default" when leaving it out and loading
/// again resolves to `baseline` (write_scenario_yaml of the loaded scenario), "required" when the loader asks for
/// it, otherwise "scenario" (report_inputs.cpp).
[[nodiscard]] std::vector<input_row> input_rows(const std::string& resolved_yaml, const std::string& baseline);

/// JSON made safe inside <script type="application/json">: every '<' written \u003c (report_page.cpp).
[[nodiscard]] std::string script_safe(std::string text);

/// A library's minified text without its trailing source-map comment.
[[nodiscard]] std::string_view without_source_map(std::string_view js);

/// Fills each @@KD_NAME@@ slot of `tpl` from `slots` in one pass; throws error on an unknown slot.
[[nodiscard]] std::string fill(std::string_view tpl, const std::map<std::string, std::string_view>& slots);

/// `s` with & < > " escaped for HTML text and attributes.
[[nodiscard]] std::string html_escape(std::string_view s);

/// What a chart page (report.html, the plan's report.html) is made of.
struct page_parts {
    std::string_view page;           //!< its kind in the title and generator: "report", "plan"
    std::string_view file;           //!< its template under web/report/, for the generator tag
    std::string_view template_html;  //!< the template, with @@KD_HEAD@@, @@KD_TITLE@@, @@KD_DATA@@, @@KD_JS@@
    std::string_view title;          //!< the scenario's name, unescaped
    std::string_view data_json;      //!< the page's data, unescaped JSON
    std::string_view js;             //!< the page's script
};

/// The page: `parts.template_html` with the shared head (web/report/head.html: styles and the chart libraries), the
/// title escaped, the data made script-safe, and the script.
[[nodiscard]] std::string render_page(const page_parts& parts);

}  // namespace kardashev::io::detail
