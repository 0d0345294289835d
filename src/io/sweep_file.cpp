// The sweep file and `--vary` (docs/sweep.md "The sweep file").

#include <array>
#include <cerrno>
#include <charconv>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "diagnostic_sink.hpp"
#include "field_reader.hpp"
#include "kardashev/io/sweep_io.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io {

namespace {

using namespace detail;

inline constexpr field_spec sweep_fields[] = {{"method"}, {"samples"}, {"seed"}, {"morris_levels"}, {"bootstrap"},
                                              {"inputs", field_shape::mapping}, {"correlations", field_shape::list},
                                              {"events", field_shape::list}};
inline constexpr map_spec sweep_file_spec{sweep_fields};

constexpr std::array methods{study::sampling_method::grid, study::sampling_method::monte_carlo,
                             study::sampling_method::latin_hypercube, study::sampling_method::sobol,
                             study::sampling_method::saltelli, study::sampling_method::morris};

/// The column in the file of column `column` of a plain scalar's text.
source_pos shifted(const source_pos& pos, int column) { return {pos.origin, pos.line, pos.column + column - 1}; }

/// An input_error "column N: message" from a distribution or event parser, reported at its place in `node`.
void report_parse_error(field_reader& reader, const yaml_node& node, const std::string& path, const input_error& e) {
    std::string message = e.what();
    int column = 1;
    if (message.starts_with("column ")) {
        const auto colon = message.find(": ");
        column = std::stoi(message.substr(7, colon - 7));
        message = message.substr(colon + 2);
    }
    reader.report(shifted(node.pos, column), path, message);
}

void read_inputs(field_reader& reader, const yaml_node& n, const std::string& file, study::sweep_spec& spec) {
    if (n.kind != node_kind::mapping) {
        reader.report(n.pos, "inputs", "expected a mapping of scenario keys to distributions, got " + describe_found(n));
        return;
    }
    for (const auto& e : n.entries) {
        const auto path = child_path("inputs", e.key);
        const auto text = reader.text(e.value, path);
        if (!text) continue;
        try {
            spec.inputs.push_back({e.key, study::parse_distribution(*text), *text,
                                   fmt::format("{}:{}:{}", file, e.key_pos.line, e.key_pos.column)});
        } catch (const input_error& err) {
            report_parse_error(reader, e.value, path, err);
        }
    }
}

void read_correlations(field_reader& reader, const yaml_node& n, study::sweep_spec& spec) {
    const auto* items = reader.sequence(n, "correlations");
    if (items == nullptr) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto& item = (*items)[i];
        const auto path = index_path("correlations", i);
        double rho = 0.0;
        if (item.kind != node_kind::sequence || item.items.size() != 3 || item.items[2].kind != node_kind::scalar ||
            std::from_chars(item.items[2].text.data(), item.items[2].text.data() + item.items[2].text.size(), rho).ec != std::errc{}) {
            reader.report(item.pos, path, "expected [KEY, KEY, RHO], e.g. [launch.price.learning.learning_rate, spacecraft.price.learning.learning_rate, 0.5]");
            continue;
        }
        spec.correlations.push_back({item.items[0].text, item.items[1].text, rho});
    }
}

void read_events(field_reader& reader, const yaml_node& n, study::sweep_spec& spec) {
    const auto* items = reader.sequence(n, "events");
    if (items == nullptr) return;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto path = index_path("events", i);
        const auto text = reader.text((*items)[i], path);
        if (!text) continue;
        try {
            spec.events.push_back(study::parse_event(*text));
        } catch (const input_error& err) {
            reader.report((*items)[i].pos, path, err.what());
        }
    }
}

void read_settings(field_reader& reader, const yaml_node& root, study::sweep_spec& spec) {
    if (const auto* n = root.find("method")) {
        if (auto m = reader.choice(*n, "method", "sampling method", std::span<const study::sampling_method>(methods))) spec.method = *m;
    }
    const auto count = [&](std::string_view key, auto& field) {
        if (const auto* n = root.find(key)) {
            if (auto v = reader.unsigned_integer(*n, std::string(key))) field = static_cast<std::remove_reference_t<decltype(field)>>(*v);
        }
    };
    count("samples", spec.samples);
    count("seed", spec.seed);
    count("morris_levels", spec.morris_levels);
    count("bootstrap", spec.bootstrap);
}

}  // namespace

study::sweep_spec load_sweep_text(std::string_view text, const std::string& file) {
    diagnostic_sink sink(file);
    field_reader reader(sink);
    study::sweep_spec spec;
    yaml_syntax_error syntax;
    const auto root = parse_yaml(text, {}, syntax);
    if (!root) {
        sink.report(syntax.pos, "", "syntax error: " + syntax.message);
        sink.throw_if_any();
    }
    if (root->kind != node_kind::null && reader.mapping(*root, "", sweep_file_spec)) {
        read_settings(reader, *root, spec);
        if (const auto* n = root->find("inputs")) read_inputs(reader, *n, file, spec);
        if (const auto* n = root->find("correlations")) read_correlations(reader, *n, spec);
        if (const auto* n = root->find("events")) read_events(reader, *n, spec);
    }
    sink.throw_if_any();
    return spec;
}

study::sweep_spec load_sweep_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostic d;
        d.file = path;
        d.message = "cannot read the sweep file: " + std::generic_category().message(errno);
        throw scenario_error({d});
    }
    std::ostringstream text;
    text << in.rdbuf();
    return load_sweep_text(text.str(), path);
}

study::uncertain_input parse_vary(std::string_view text) {
    const auto eq = text.find('=');
    const auto key = eq == std::string_view::npos ? std::string_view{} : trim(text.substr(0, eq));
    if (key.empty()) throw input_error(fmt::format("--vary {}: expected KEY=DIST, e.g. 'launch.price.learning.learning_rate=uniform(10%, 25%)'", kardashev::quoted(text)));
    try {
        return {std::string(key), study::parse_distribution(text.substr(eq + 1)), std::string(trim(text.substr(eq + 1))), "--vary"};
    } catch (const input_error& e) {
        std::string message = e.what();
        if (message.starts_with("column ")) {
            const auto colon = message.find(": ");
            const int column = std::stoi(message.substr(7, colon - 7)) + static_cast<int>(eq) + 1;
            message = fmt::format("column {}: {}", column, message.substr(colon + 2));
        }
        throw input_error(fmt::format("--vary {}: {}", kardashev::quoted(text), message));
    }
}

study::sampling_method parse_sampling_method(std::string_view text) {
    std::vector<std::string_view> names;
    for (const auto m : methods) {
        if (study::to_string(m) == text) return m;
        names.push_back(study::to_string(m));
    }
    throw input_error(fmt::format("--method: unknown sampling method {}; known: {}{}", kardashev::quoted(text), join(names), did_you_mean(text, names)));
}

}  // namespace kardashev::io
