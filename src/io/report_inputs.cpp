// The inputs table of report.html: every leaf of the resolved scenario and where its value comes from.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "kardashev/core/error.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "report_parts.hpp"
#include "scenario_schema.hpp"

namespace kardashev::io::detail {

namespace {

/// A leaf's value as the inputs table shows it (a schedule as "v from date; ...").
std::string scalar_text(const YAML::Node& n) {
    if (n.IsScalar()) return n.Scalar();
    if (n.IsSequence() && n.size() == 0) return "none";
    if (n.IsSequence()) {  // a schedule: "v from d; v from d"
        std::string out;
        for (const auto& p : n) {
            if (!out.empty()) out += "; ";
            if (p.IsMap() && p["from"] && p["value"]) out += p["value"].Scalar() + " from " + p["from"].Scalar();
            else out += YAML::Dump(p);
        }
        return out;
    }
    return YAML::Dump(n);
}

/// A leaf key of the resolved scenario: its path, its node and where its key stands in the text (0-based).
struct leaf {
    std::string path;
    YAML::Node value;
    int line = 0;
    int column = 0;
};

/// Appends the leaves of mapping `n` (keys of `spec`, in the language's order) under `path` to `out`.
void collect_leaves(const YAML::Node& n, const map_spec& spec, const std::string& path, std::vector<leaf>& out) {
    if (!n.IsMap()) return;
    for (const auto& f : spec.fields) {
        for (const auto& kv : n) {
            if (kv.first.Scalar() != f.key) continue;
            const std::string p = path.empty() ? std::string(f.key) : path + "." + std::string(f.key);
            const YAML::Node child = kv.second;
            if (f.shape == field_shape::mapping && f.child != nullptr && child.IsMap()) {
                collect_leaves(child, *f.child, p, out);
            } else if (f.shape == field_shape::list && f.child != nullptr && child.IsSequence() && child.size() > 0) {
                for (std::size_t i = 0; i < child.size(); ++i) collect_leaves(child[i], *f.child, fmt::format("{}[{}]", p, i), out);
            } else {
                out.push_back({p, child, kv.first.Mark().line, kv.first.Mark().column});
            }
        }
    }
}

/// Column of the first character of `line` that is neither a space nor a sequence dash.
int indent_of(std::string_view line) {
    const auto p = line.find_first_not_of(" -");
    return p == std::string_view::npos ? -1 : static_cast<int>(p);
}

}  // namespace

/// Every leaf of the resolved scenario with its source. A leaf is "default" when leaving it out of the scenario
/// and loading it again resolves to the same scenario (io's defaults, found by loading, not by a copied table);
/// "required" when the loader reports the key missing; otherwise "scenario" (set by the scenario file or --set).
std::vector<input_row> input_rows(const std::string& resolved_yaml, const std::string& baseline) {
    const YAML::Node root = YAML::Load(resolved_yaml);
    std::vector<leaf> leaves;
    collect_leaves(root, scenario_spec, "", leaves);
    std::vector<std::string_view> lines;
    for_each_line(resolved_yaml, [&](int, std::string_view l) { lines.push_back(l); });
    std::vector<input_row> rows;
    std::string text;
    for (const auto& lf : leaves) {
        input_row r{lf.path, scalar_text(lf.value), "scenario", ""};
        // The text without the key: its line and the deeper lines under it. A key that opens a list item
        // ("- name: x") leaves its dash, so the item keeps its other keys.
        text.clear();
        const auto first = static_cast<std::size_t>(lf.line);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i == first) {
                const auto head = lines[i].substr(0, static_cast<std::size_t>(lf.column));
                if (head.find('-') != std::string_view::npos) {
                    text.append(head);
                    text += '\n';
                }
                while (i + 1 < lines.size() && (lines[i + 1].empty() || indent_of(lines[i + 1]) > lf.column)) ++i;
                continue;
            }
            text.append(lines[i]);
            text += '\n';
        }
        try {
            if (write_scenario_yaml(load_scenario_text(text, "<inputs>")) == baseline) r.source = "default";
        } catch (const scenario_error& e) {
            // Required when the loader asks for this very key; otherwise other keys need its value (an orbit
            // block needs kind: orbit), so the scenario chose it.
            const auto dot = lf.path.rfind('.');
            const std::string parent = dot == std::string::npos ? std::string() : lf.path.substr(0, dot);
            const std::string missing = "missing required key \"" + lf.path.substr(dot == std::string::npos ? 0 : dot + 1) + "\"";
            for (const auto& d : e.diagnostics())
                if (d.message == missing && (d.key_path == parent || d.key_path == lf.path)) r.source = "required";
        } catch (const error&) {
        }
        // An accelerator named from the catalogue compiled into the binary: cite the catalogue's source.
        if (lf.path.ends_with(".accelerator")) {
            for (const auto& a : builtin_accelerators())
                if (a.name == r.value) r.note = "catalogue (data/catalog/accelerators.yaml): " + a.source;
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace kardashev::io::detail
