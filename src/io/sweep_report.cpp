// report.html of a sweep folder: one self-contained page, charts as inline SVG (no script, no network).

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "kardashev/core/text.hpp"
#include "report_parts.hpp"
#include "sweep_parts.hpp"

namespace kardashev::io::detail {

namespace {

constexpr int chart_w = 520;
constexpr int chart_h = 220;
constexpr int margin = 40;


std::string svg_open(std::string_view title) {
    return fmt::format("<figure><figcaption>{}</figcaption><svg viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\">", html_escape(title),
                       chart_w, chart_h, chart_w, chart_h);
}

/// A histogram of the finite values (20 bins), or for a date output their CDF with "never" as the top gap.
std::string distribution_chart(std::size_t m, const std::vector<double>& all) {
    std::vector<double> v;
    for (const double x : all) {
        if (std::isfinite(x)) v.push_back(x);
    }
    const auto& def = study::headline_outputs()[m];
    if (v.empty()) return "";
    std::sort(v.begin(), v.end());
    const double lo = v.front();
    const double hi = v.back() > lo ? v.back() : lo + 1.0;
    const double plot_w = chart_w - 2 * margin;
    const double plot_h = chart_h - 2 * margin;
    const auto x_of = [&](double x) { return margin + (x - lo) / (hi - lo) * plot_w; };
    std::string out = svg_open(fmt::format("{} ({}){}", def.name, def.unit,
                                           def.kind == study::output_kind::date ? ": share of samples by date (CDF)" : ": histogram"));
    if (def.kind == study::output_kind::date) {
        std::string path = fmt::format("M{:.1f},{:.1f}", x_of(lo), chart_h - margin + 0.0);
        for (std::size_t i = 0; i < v.size(); ++i) {
            const double y = chart_h - margin - plot_h * static_cast<double>(i + 1) / static_cast<double>(all.size());
            path += fmt::format(" H{:.1f} V{:.1f}", x_of(v[i]), y);
        }
        out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>", path);
    } else {
        constexpr int bins = 20;
        std::vector<int> count(bins, 0);
        for (const double x : v) ++count[std::min(bins - 1, static_cast<int>((x - lo) / (hi - lo) * bins))];
        const int top = *std::max_element(count.begin(), count.end());
        for (int b = 0; b < bins; ++b) {
            const double h = plot_h * count[b] / std::max(top, 1);
            out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#1f77b4\"/>",
                               margin + plot_w * b / bins, chart_h - margin - h, plot_w / bins - 1, h);
        }
    }
    const auto label = [&](double x) { return def.kind == study::output_kind::number ? fmt::format("{:.4g}", x) : output_text(m, x); };
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", margin,
                       chart_h - 10, html_escape(label(lo)), chart_w - margin, chart_h - 10, html_escape(label(v.back())));
    const auto never = all.size() - v.size();
    if (never > 0) out += fmt::format("<text x=\"{}\" y=\"20\">{} of {} samples: never</text>", margin, never, all.size());
    return out + "</svg></figure>\n";
}

/// Horizontal bars, one per input, centred on zero (a tornado when sorted by size).
std::string bar_chart(std::string_view title, const std::vector<std::string>& names, const std::vector<double>& value,
                      const std::vector<double>& low, const std::vector<double>& high, bool signed_axis) {
    std::vector<std::size_t> order(names.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return std::abs(value[a]) > std::abs(value[b]); });
    const int row = 22;
    const int h = static_cast<int>(names.size()) * row + 30;
    // Names in a left column; bars from zero (the middle of the rest for signed values), values at the right.
    constexpr double names_w = 250.0;
    constexpr double values_w = 50.0;
    const double zero = signed_axis ? names_w + (chart_w - names_w - values_w) / 2.0 : names_w;
    const double scale = chart_w - values_w - zero;
    std::string out = fmt::format("<figure><figcaption>{}</figcaption><svg viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\">",
                                  html_escape(title), chart_w, h, chart_w, h);
    out += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"0\" y2=\"{1}\" stroke=\"#999\"/>", zero, h - 20);
    for (std::size_t r = 0; r < order.size(); ++r) {
        const auto j = order[r];
        const double v = std::isfinite(value[j]) ? std::clamp(value[j], -1.0, 1.0) : 0.0;
        const double y = 5 + static_cast<double>(r) * row;
        const double x0 = v < 0 ? zero + v * scale : zero;
        const double w = std::abs(v) * scale;
        out += fmt::format("<text x=\"5\" y=\"{:.1f}\" font-size=\"11\">{}</text>", y + 13, html_escape(names[j]));
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"16\" fill=\"{}\"/>", x0, y, w,
                           v < 0 ? "#d62728" : "#1f77b4");
        if (!low.empty()) {
            out += fmt::format("<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#000\"/>",
                               zero + std::clamp(low[j], 0.0, 1.0) * scale, zero + std::clamp(high[j], 0.0, 1.0) * scale, y + 8, y + 8);
        }
        out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\">{:.3f}</text>", chart_w - 2, y + 13, value[j]);
    }
    return out + "</svg></figure>\n";
}

std::string sensitivity_charts(const sweep_request& r, const study::sensitivity& s) {
    std::vector<std::string> names;
    for (const auto& in : r.spec.inputs) names.push_back(in.key);
    std::string out = fmt::format("<h3>{}</h3>\n", html_escape(s.target));
    out += bar_chart("Spearman rank correlation with each input (tornado)", names, s.rank_correlation, {}, {}, true);
    if (!s.sobol.empty()) {
        std::vector<double> v, lo, hi, t, tlo, thi;
        for (const auto& x : s.sobol) {
            v.push_back(x.first.value), lo.push_back(x.first.low), hi.push_back(x.first.high);
            t.push_back(x.total.value), tlo.push_back(x.total.low), thi.push_back(x.total.high);
        }
        out += bar_chart("Sobol first-order index S1 (bootstrap 95 % interval)", names, v, lo, hi, false);
        out += bar_chart("Sobol total index ST (bootstrap 95 % interval)", names, t, tlo, thi, false);
    }
    if (!s.morris.empty()) {
        std::vector<double> mu;
        double top = 0.0;
        for (const auto& m : s.morris) top = std::max(top, m.mu_star);
        for (const auto& m : s.morris) mu.push_back(top > 0 ? m.mu_star / top : 0.0);
        out += bar_chart("Morris mu* (scaled to the largest)", names, mu, {}, {}, false);
    }
    if (!s.note.empty()) out += fmt::format("<p class=\"note\">{}</p>\n", html_escape(s.note));
    return out;
}

/// Scatter of the two inputs with the largest |rank correlation| with the first target, coloured by it.
std::string scatter(const sweep_request& r, const study::sweep_design& design, const std::vector<double>& y,
                    const study::sensitivity& s) {
    if (r.spec.inputs.size() < 2) return "";
    std::vector<std::size_t> order(r.spec.inputs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto mag = [&](std::size_t j) { return std::isfinite(s.rank_correlation[j]) ? std::abs(s.rank_correlation[j]) : 0.0; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return mag(a) > mag(b); });
    const auto a = order[0];
    const auto b = order[1];
    double lo = INFINITY, hi = -INFINITY;
    for (const double v : y) {
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
    std::string out = svg_open(fmt::format("{} (x) and {} (y), coloured by {} (never: grey)", r.spec.inputs[a].key,
                                           r.spec.inputs[b].key, s.target));
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (std::isnan(y[i])) continue;
        const double t = std::isfinite(y[i]) && hi > lo ? (y[i] - lo) / (hi - lo) : 0.5;
        const std::string colour = std::isfinite(y[i]) ? fmt::format("rgb({},{},{})", static_cast<int>(255 * t), 60, static_cast<int>(255 * (1 - t))) : "#bbb";
        out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"{}\"/>", margin + design.points[i][a] * (chart_w - 2 * margin),
                           chart_h - margin - design.points[i][b] * (chart_h - 2 * margin), colour);
    }
    return out + "</svg></figure>\n";
}

std::string head(const sweep_request& r, const study::sweep_summary& summary) {
    std::string out = fmt::format(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>kardashev sweep</title><style>"
        "body{{font-family:sans-serif;max-width:1100px;margin:2em auto}}figure{{display:inline-block;margin:.5em}}"
        "figcaption{{font-size:13px}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 6px}}"
        "</style></head><body><h1>kardashev sweep: {}</h1><p>{} {} samples, {} ran, {} failed; seed {}.</p>\n<h2>Inputs</h2><table>",
        html_escape(r.scenario.empty() ? "<default>" : r.scenario), summary.samples, study::to_string(r.spec.method), summary.ran,
        summary.failed, r.spec.seed);
    for (const auto& in : r.spec.inputs) out += fmt::format("<tr><td>{}</td><td>{}</td></tr>", html_escape(in.key), html_escape(in.text));
    out += "</table>\n";
    if (!summary.events.empty()) out += "<h2>Events</h2><table><tr><th>event</th><th>probability</th><th>Wilson 95 %</th></tr>";
    for (std::size_t e = 0; e < summary.events.size(); ++e) {
        const auto& p = summary.events[e].probability;
        out += fmt::format("<tr><td>{}</td><td>{:.3f}</td><td>{:.3f} - {:.3f}</td></tr>", html_escape(r.spec.events[e].text), p.value, p.low, p.high);
    }
    return out + (summary.events.empty() ? "" : "</table>\n");
}

}  // namespace

std::string sweep_report_html(const sweep_request& r, const study::sweep_design& design,
                              const std::vector<study::sample_outcome>& outcomes, const study::sweep_summary& summary) {
    std::string out = head(r, summary) + "<h2>Outputs</h2>\n";
    const auto& defs = study::headline_outputs();
    const auto values_of = [&](std::size_t m) {
        std::vector<double> y;
        for (const auto& o : outcomes) y.push_back(o.ok ? o.values[m] : NAN);
        return y;
    };
    for (std::size_t m = 0; m < defs.size(); ++m) out += distribution_chart(m, values_of(m));
    out += "<h2>Sensitivity</h2>\n";
    for (const auto& s : summary.sensitivities) out += sensitivity_charts(r, s);
    if (!summary.sensitivities.empty()) {
        const auto& first = summary.events.empty() ? summary.sensitivities.front() : summary.sensitivities.back();
        std::vector<double> y;
        const auto m = study::find_output(first.target);
        if (m < defs.size()) {
            y = values_of(m);
        } else {
            const auto& e = r.spec.events.back();
            for (const auto& o : outcomes) y.push_back(o.ok ? (study::holds(e, o.values[e.output]) ? 1.0 : 0.0) : NAN);
        }
        out += "<h2>The two inputs that matter most</h2>\n" + scatter(r, design, y, first);
    }
    return out + "</body></html>\n";
}

}  // namespace kardashev::io::detail
