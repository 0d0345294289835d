#include "lines_reader.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "scenario_schema.hpp"

namespace kardashev::io::detail {

namespace {

constexpr fleet::modality modalities[] = {fleet::modality::text, fleet::modality::video, fleet::modality::image};
constexpr fleet::line_law_kind line_laws[] = {fleet::line_law_kind::epoch, fleet::line_law_kind::hoffmann,
                                              fleet::line_law_kind::waymo_motion};
constexpr fleet::line_allocation allocations[] = {fleet::line_allocation::fixed, fleet::line_allocation::marginal};

/// One `sources[]` entry: a cohort of the scenario whose data is of the line's modality, and its weight in (0, 1].
void read_source(field_reader& reader, const yaml_node& n, const std::string& path, const sim::scenario& scenario,
                 fleet::model_line& line) {
    fleet::line_source source;
    if (!reader.mapping(n, path, line_source_spec)) return;
    const yaml_node* cohort = n.find("cohort");
    if (cohort == nullptr) {
        reader.report(n.pos, path, "missing required key \"cohort\"");
        return;
    }
    const auto name = reader.text(*cohort, child_path(path, "cohort"));
    if (!name) return;
    const auto it = std::find_if(scenario.cohorts.begin(), scenario.cohorts.end(),
                                 [&](const fleet::cohort& c) { return c.name == *name; });
    if (it == scenario.cohorts.end()) {
        std::vector<std::string_view> names;
        for (const auto& c : scenario.cohorts) names.push_back(c.name);
        reader.report(cohort->pos, child_path(path, "cohort"),
                      "unknown cohort " + quoted(*name) + "; known: " + join(names) + did_you_mean(*name, names));
        return;
    }
    const auto produces = fleet::modality_of(it->kind);
    if (produces != line.unit) {
        reader.report(cohort->pos, child_path(path, "cohort"),
                      fmt::format("cohort \"{}\" produces {} data and the line trains on {}: mixing modalities "
                                  "needs a published mixed-modal law (Aghajanyan et al. 2023), which the model "
                                  "does not implement",
                                  *name, fleet::to_string(produces), fleet::to_string(line.unit)));
        return;
    }
    source.cohort = *name;
    reader.set_quantity(n, "weight", path, quantity_kind::dimensionless, bound::open_fraction, source.weight);
    line.sources.push_back(source);
}

/// `cadence`: a whole number of generations, at least 1.
void read_cadence(field_reader& reader, const yaml_node& n, const std::string& path, fleet::model_line& line) {
    const yaml_node* c = n.find("cadence");
    if (c == nullptr) return;
    const auto v = reader.unsigned_integer(*c, child_path(path, "cadence"));
    if (!v) return;
    if (*v < 1 || *v > 1000) {
        reader.report(c->pos, child_path(path, "cadence"), "expected a whole number of generations from 1 to 1000, got " + c->text);
        return;
    }
    line.cadence = static_cast<int>(*v);
}

fleet::model_line read_line(field_reader& reader, const yaml_node& n, const std::string& path,
                            const sim::scenario& scenario) {
    fleet::model_line line;
    line.reference_flop = 4.6e26;
    if (!reader.mapping(n, path, model_line_spec)) return line;
    if (auto name = reader.required_name(n, path)) line.name = *name;
    reader.set_choice(n, "unit", path, "modality", modalities, line.unit);
    reader.set_choice(n, "law", path, "scaling law", line_laws, line.law);
    reader.set_quantity(n, "initial_unique_tokens", path, quantity_kind::tokens, bound::non_negative,
                        line.initial_unique_tokens);
    reader.set_quantity(n, "unique_token_cap", path, quantity_kind::tokens, bound::non_negative, line.unique_token_cap);
    reader.set_quantity(n, "compute_share", path, quantity_kind::dimensionless, bound::fraction, line.compute_share);
    reader.set_quantity(n, "reference_compute", path, quantity_kind::count, bound::positive, line.reference_flop);
    read_cadence(reader, n, path, line);
    const yaml_node* sources = n.find("sources");
    if (sources == nullptr) {
        reader.report(n.pos, path, "missing required key \"sources\" (the cohorts whose data the line trains on)");
        return line;
    }
    const auto sp = child_path(path, "sources");
    if (const auto* items = reader.sequence(*sources, sp)) {
        for (std::size_t i = 0; i < items->size(); ++i) read_source(reader, (*items)[i], index_path(sp, i), scenario, line);
    }
    return line;
}

/// Reports a cohort that two lines serve (each cohort's quality comes from one line) and fixed shares above 1.
void check_lines(field_reader& reader, const yaml_node& list, const sim::scenario& scenario) {
    std::vector<std::string> served;
    double shares = 0.0;
    for (std::size_t l = 0; l < scenario.lines.size(); ++l) {
        const auto path = index_path("fleet.lines", l);
        for (const auto& source : scenario.lines[l].sources) {
            if (std::find(served.begin(), served.end(), source.cohort) != served.end())
                reader.report(list.items[l].pos, path,
                              "cohort \"" + source.cohort + "\" is already a source of another line; a cohort feeds one line");
            served.push_back(source.cohort);
        }
        shares += scenario.lines[l].compute_share;
    }
    if (scenario.line_allocation == fleet::line_allocation::fixed && shares > 1.0 + 1e-9)
        reader.report(list.pos, "fleet.lines",
                      fmt::format("expected the lines' compute_share to sum to at most 100 %, got {:.6g} %", 100.0 * shares));
}

}  // namespace

void read_model_lines(field_reader& reader, const yaml_node& root, sim::scenario& scenario) {
    const yaml_node* fleet = root.find("fleet");
    if (fleet == nullptr || fleet->kind != node_kind::mapping) return;
    reader.set_choice(*fleet, "allocation", "fleet", "allocation rule", allocations, scenario.line_allocation);
    const yaml_node* n = fleet->find("lines");
    if (n == nullptr) return;
    const auto* items = reader.sequence(*n, "fleet.lines");
    if (items == nullptr) return;
    unique_names names("line");
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto path = index_path("fleet.lines", i);
        auto line = read_line(reader, (*items)[i], path, scenario);
        if (!line.name.empty()) names.check(reader, (*items)[i], path, line.name);
        scenario.lines.push_back(std::move(line));
    }
    if (reader.clean()) check_lines(reader, *n, scenario);
}

}  // namespace kardashev::io::detail
