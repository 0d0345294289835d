#include "kardashev/io/launcher_catalog.hpp"

#include <cmath>
#include <optional>

#include "diagnostic_sink.hpp"
#include "embedded.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/units.hpp"
#include "yaml_tree.hpp"

namespace kardashev::io {
namespace {

using detail::child_path;
using detail::diagnostic_sink;
using detail::index_path;
using detail::quoted;
using detail::yaml_node;

const std::vector<std::string_view> entry_keys = {"name", "payload_leo", "price", "max_flights_per_year", "reliability",
                                                  "source"};

/// A positive quantity of `kind` at `key` of `map`, reported to `sink` when missing or bad.
std::optional<double> positive(const yaml_node& map, std::string_view key, const std::string& path, quantity_kind kind,
                               diagnostic_sink& sink) {
    const yaml_node* n = map.find(key);
    const auto key_path = child_path(path, key);
    if (n == nullptr) {
        sink.report(map.pos, key_path, "missing required key " + quoted(key));
        return std::nullopt;
    }
    if (n->kind != detail::node_kind::scalar) {
        sink.report(n->pos, key_path, "expected " + describe(kind) + ", got " + detail::describe_found(*n));
        return std::nullopt;
    }
    try {
        const double v = parse_quantity(n->text, kind);
        if (!(v > 0.0) || !std::isfinite(v)) {
            sink.report(n->pos, key_path, "expected a positive value, got " + quoted(n->text));
            return std::nullopt;
        }
        return v;
    } catch (const error& e) {
        sink.report(n->pos, key_path, e.what());
        return std::nullopt;
    }
}

/// `reliability` at `map`, when given: the probability a flight delivers its payload, in (0, 1].
std::optional<double> reliability(const yaml_node& map, const std::string& path, diagnostic_sink& sink) {
    const yaml_node* n = map.find("reliability");
    if (n == nullptr) return std::nullopt;
    const auto key_path = child_path(path, "reliability");
    try {
        const double v = n->kind == detail::node_kind::scalar ? parse_quantity(n->text, quantity_kind::dimensionless) : -1.0;
        if (v > 0.0 && v <= 1.0) return v;
    } catch (const error&) {
        // reported below, as any other value outside (0, 1]
    }
    sink.report(n->pos, key_path, "expected a number above 0 and at most 100 %, got " + detail::describe_found(*n));
    return std::nullopt;
}

std::vector<logistics::launcher> read_catalog(const yaml_node& root, diagnostic_sink& sink) {
    std::vector<logistics::launcher> out;
    const yaml_node* list = root.kind == detail::node_kind::mapping ? root.find("launchers") : nullptr;
    if (list == nullptr || list->kind != detail::node_kind::sequence) {
        sink.report(root.pos, "launchers", "expected a sequence of launchers under \"launchers\"");
        return out;
    }
    for (std::size_t i = 0; i < list->items.size(); ++i) {
        const auto& n = list->items[i];
        const auto path = index_path("launchers", i);
        if (n.kind != detail::node_kind::mapping) {
            sink.report(n.pos, path, "expected a mapping, got " + detail::describe_found(n));
            continue;
        }
        for (const auto& e : n.entries) {
            bool known = false;
            for (auto k : entry_keys) known = known || e.key == k;
            if (!known) {
                sink.report(e.key_pos, child_path(path, e.key),
                            "unknown key " + quoted(e.key) + "; known keys: " + detail::join(entry_keys));
            }
        }
        logistics::launcher v;
        const yaml_node* name = n.find("name");
        if (name == nullptr || name->kind != detail::node_kind::scalar || name->text.empty()) {
            sink.report(name != nullptr ? name->pos : n.pos, child_path(path, "name"), "expected a launcher name");
        } else {
            v.name = name->text;
        }
        if (auto x = positive(n, "payload_leo", path, quantity_kind::mass, sink)) v.payload_leo_kg = *x;
        if (auto x = positive(n, "price", path, quantity_kind::money, sink)) v.price_usd = *x;
        if (auto x = positive(n, "max_flights_per_year", path, quantity_kind::count, sink)) v.max_flights_per_year = *x;
        if (auto x = reliability(n, path, sink)) v.reliability = *x;
        if (const yaml_node* s = n.find("source"); s != nullptr && s->kind == detail::node_kind::scalar) v.source = s->text;
        else sink.report(n.pos, child_path(path, "source"), "missing required key \"source\" (every entry cites its figures)");
        out.push_back(v);
    }
    return out;
}

}  // namespace

std::vector<logistics::launcher> load_launcher_catalog(std::string_view text, const std::string& file) {
    diagnostic_sink sink(file);
    detail::yaml_syntax_error syntax;
    auto root = detail::parse_yaml(text, {0, 1}, syntax);
    if (!root) {
        sink.report(syntax.pos, "", "syntax error: " + syntax.message);
        sink.throw_if_any();
    }
    auto catalog = read_catalog(*root, sink);
    sink.throw_if_any();
    return catalog;
}

const std::vector<logistics::launcher>& builtin_launchers() {
    static const std::vector<logistics::launcher> catalog =
        load_launcher_catalog(detail::launcher_catalog_yaml, "data/catalog/launchers.yaml");
    return catalog;
}

const logistics::launcher& find_launcher(std::string_view name) {
    std::vector<std::string_view> names;
    for (const auto& v : builtin_launchers()) {
        if (v.name == name) return v;
        names.push_back(v.name);
    }
    throw input_error("unknown launcher " + quoted(name) + "; known launchers: " + detail::join(names));
}

}  // namespace kardashev::io
