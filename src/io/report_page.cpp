// The page machinery report.html and the plan's report.html share (report_parts.hpp): slots, escaping, and the
// page assembly that puts web/report/head.html into each page.
#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "embedded.hpp"
#include "report_parts.hpp"

namespace kardashev::io::detail {

/// JSON made safe inside <script type="application/json">: every '<' (only ever inside strings) written \u003c, so
/// no "</script" or "<!--" can end or disturb the element.
std::string script_safe(std::string text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '<') out += "\\u003c";
        else out += text[i];
    }
    return out;
}

/// A library's minified text without its trailing source-map comment (the map is not shipped in the page).
std::string_view without_source_map(std::string_view js) {
    const auto p = js.rfind("\n//# sourceMappingURL=");
    return p == std::string_view::npos ? js : js.substr(0, p + 1);
}

/// Fills each @@KD_NAME@@ slot of `tpl` from `slots` in one pass (filled text is not scanned again).
std::string fill(std::string_view tpl, const std::map<std::string, std::string_view>& slots) {
    std::string out;
    std::size_t total = tpl.size();
    for (const auto& [k, v] : slots) total += v.size();
    out.reserve(total);
    std::size_t pos = 0;
    while (true) {
        const auto open = tpl.find("@@KD_", pos);
        if (open == std::string_view::npos) break;
        const auto close = tpl.find("@@", open + 5);
        if (close == std::string_view::npos) break;
        const std::string name(tpl.substr(open + 5, close - open - 5));
        const auto it = slots.find(name);
        if (it == slots.end()) throw error(fmt::format("report template: unknown slot @@KD_{}@@", name));
        out.append(tpl.substr(pos, open - pos));
        out.append(it->second);
        pos = close + 2;
    }
    out.append(tpl.substr(pos));
    return out;
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string render_page(const page_parts& parts) {
    const std::string title = html_escape(parts.title);
    const std::string payload = script_safe(std::string(parts.data_json));
    // The shared <head> (web/report/head.html): the page's kind and template, the styles and the chart libraries.
    const std::string head = fill(report_head_html, {{"PAGE", parts.page},
                                                     {"FILE", parts.file},
                                                     {"TITLE", title},
                                                     {"CSS", report_css},
                                                     {"VEGA", without_source_map(report_vega_js)},
                                                     {"VEGA_LITE", without_source_map(report_vega_lite_js)},
                                                     {"VEGA_EMBED", without_source_map(report_vega_embed_js)}});
    return fill(parts.template_html, {{"HEAD", head}, {"TITLE", title}, {"DATA", payload}, {"JS", parts.js}});
}

}  // namespace kardashev::io::detail
