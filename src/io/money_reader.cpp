#include "money_reader.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic_sink.hpp"
#include "scenario_schema.hpp"

namespace kardashev::io::detail {

namespace {

constexpr sim::capex_funding fundings[] = {sim::capex_funding::budget, sim::capex_funding::cash};
constexpr sim::financing_kind financing_kinds[] = {sim::financing_kind::equity, sim::financing_kind::debt,
                                                   sim::financing_kind::partnership};

/// Reports a missing `key` of `item`.
void require(field_reader& reader, const yaml_node& item, const std::string& path, std::string_view key) {
    if (item.find(key) == nullptr) reader.report(item.pos, path, "missing required key \"" + std::string(key) + "\"");
}

/// One `money.financing` item; a loan needs a rate and a term, a partnership its revenue share.
sim::financing_event read_financing_event(field_reader& reader, const yaml_node& item, const std::string& path) {
    sim::financing_event event;
    reader.set_text(item, "name", path, event.name);
    reader.set_choice(item, "kind", path, "financing kind", financing_kinds, event.kind);
    require(reader, item, path, "date");
    if (const yaml_node* d = item.find("date"))
        if (auto at = reader.date(*d, child_path(path, "date"))) event.date = *at;
    require(reader, item, path, "amount");
    reader.set_quantity(item, "amount", path, quantity_kind::money, bound::positive, event.amount_usd);
    if (event.kind == sim::financing_kind::debt) {
        require(reader, item, path, "rate");
        require(reader, item, path, "term");
    }
    reader.set_quantity(item, "rate", path, quantity_kind::dimensionless, bound::non_negative, event.rate);  // annual: "12.5 %"
    reader.set_span(item, "term", path, bound::positive, event.term);
    if (event.kind == sim::financing_kind::partnership) require(reader, item, path, "revenue_share");
    reader.set_quantity(item, "revenue_share", path, quantity_kind::dimensionless, bound::fraction, event.revenue_share);
    reader.set_text(item, "source", path, event.source);
    return event;
}

std::vector<sim::financing_event> read_financing(field_reader& reader, const yaml_node& n) {
    std::vector<sim::financing_event> out;
    const auto* items = reader.sequence(n, "money.financing");
    if (items == nullptr) return out;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto path = index_path("money.financing", i);
        if (!reader.mapping((*items)[i], path, financing_spec)) continue;
        out.push_back(read_financing_event(reader, (*items)[i], path));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    return out;
}

/// One `money.revenue` item; its `cohort` must name a cohort of the fleet.
sim::cohort_revenue read_revenue_row(field_reader& reader, const yaml_node& item, const std::string& path,
                                     const sim::scenario& scenario) {
    sim::cohort_revenue row;
    require(reader, item, path, "cohort");
    if (const yaml_node* c = item.find("cohort")) {
        if (auto name = reader.text(*c, child_path(path, "cohort"))) {
            row.cohort = *name;
            std::vector<std::string_view> names;
            for (const auto& cohort : scenario.cohorts) names.push_back(cohort.name);
            if (std::find(names.begin(), names.end(), *name) == names.end())
                reader.report(c->pos, child_path(path, "cohort"),
                              "unknown cohort " + quoted(*name) + "; known: " + join(names) + did_you_mean(*name, names));
        }
    }
    auto& t = row.terms;
    reader.set_quantity(item, "paying_share", path, quantity_kind::dimensionless, bound::fraction, t.paying_share);
    require(reader, item, path, "price");
    reader.set_quantity(item, "price", path, quantity_kind::money_rate, bound::non_negative, t.price_usd_per_s);
    reader.set_quantity(item, "reference_price", path, quantity_kind::money_rate, bound::non_negative, t.reference_price_usd_per_s);
    reader.set_quantity(item, "price_elasticity", path, quantity_kind::dimensionless, bound::non_negative, t.price_elasticity);
    reader.set_quantity(item, "quality_elasticity", path, quantity_kind::dimensionless, bound::non_negative, t.quality_elasticity);
    reader.set_quantity(item, "serving_tokens", path, quantity_kind::rate, bound::non_negative, row.serving_tokens_per_s);
    reader.set_text(item, "source", path, row.source);
    return row;
}

std::vector<sim::cohort_revenue> read_revenue(field_reader& reader, const yaml_node& n, const sim::scenario& scenario) {
    std::vector<sim::cohort_revenue> out;
    const auto* items = reader.sequence(n, "money.revenue");
    if (items == nullptr) return out;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto path = index_path("money.revenue", i);
        if (!reader.mapping((*items)[i], path, revenue_spec)) continue;
        out.push_back(read_revenue_row(reader, (*items)[i], path, scenario));
    }
    return out;
}

}  // namespace

void read_money(field_reader& reader, const yaml_node& root, sim::scenario& scenario) {
    const yaml_node* n = root.find("money");
    if (n == nullptr || !reader.mapping(*n, "money", money_spec)) return;
    auto& money = scenario.money;
    reader.set_choice(*n, "capex", "money", "capex funding", fundings, money.capex);
    reader.set_quantity(*n, "cash", "money", quantity_kind::money, bound::non_negative, money.cash_usd);
    reader.set_quantity(*n, "leverage_cap", "money", quantity_kind::dimensionless, bound::non_negative, money.leverage_cap);
    reader.set_quantity(*n, "discount_rate", "money", quantity_kind::dimensionless, bound::fraction, money.discount_rate);
    reader.set_quantity(*n, "serving_max_share", "money", quantity_kind::dimensionless, bound::fraction, money.serving_max_share);
    reader.set_quantity(*n, "serving_model_params", "money", quantity_kind::count, bound::positive, money.serving_model_params);
    if (const yaml_node* f = n->find("financing")) money.financing = read_financing(reader, *f);
    if (const yaml_node* r = n->find("revenue")) money.revenue = read_revenue(reader, *r, scenario);
}

}  // namespace kardashev::io::detail
