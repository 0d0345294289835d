#include "fleet_reader.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "kardashev/core/units.hpp"
#include "scenario_reader.hpp"
#include "scenario_schema.hpp"

namespace kardashev::io::detail {

namespace {

/// `start` and `end`: the product's launch and retirement; the end after the start.
void read_service_dates(field_reader& reader, const yaml_node& n, const std::string& path, fleet::cohort& c) {
    if (const yaml_node* s = n.find("start")) {
        if (auto d = reader.date(*s, child_path(path, "start"))) c.start = *d;
    }
    const yaml_node* e = n.find("end");
    if (e == nullptr) return;
    const auto d = reader.date(*e, child_path(path, "end"));
    if (!d) return;
    if (c.start && *d <= *c.start) {
        reader.report(e->pos, child_path(path, "end"),
                      "expected a date later than the cohort's start (" + n.find("start")->text + "), got " + e->text);
        return;
    }
    c.end = *d;
}

/// `production` and `service_life`: a production ramp in place of logistic growth; neither goes with
/// `market_size` or `growth_rate`.
void read_production(field_reader& reader, const yaml_node& n, const std::string& path, epoch start, fleet::cohort& c) {
    reader.set_schedule(n, "production", path, quantity_kind::rate, bound::non_negative, start, c.production_per_s);
    for (const char* key : {"market_size", "growth_rate"}) {
        if (const yaml_node* k = n.find(key)) {
            reader.report(k->pos, child_path(path, key),
                          "a cohort grows by growth_rate towards market_size, or by a production ramp; give one, not both");
        }
    }
    if (const yaml_node* life = n.find("service_life")) {
        if (auto v = reader.span(*life, child_path(path, "service_life"), bound::positive)) c.service_life = *v;
    }
}

/// `market_size` (default: the units, no room to grow) and `growth_rate`; a market given from a date after the
/// cohort enters service with units is reported (the logistic law needs a positive cap).
void read_logistic(field_reader& reader, const yaml_node& n, const std::string& path, epoch start, fleet::cohort& c) {
    c.market_size = {{start, c.units}};
    reader.set_schedule(n, "market_size", path, quantity_kind::count, bound::positive, start, c.market_size);
    reader.set_schedule(n, "growth_rate", path, quantity_kind::rate, bound::non_negative, start, c.growth_rate_per_s);
    if (const yaml_node* life = n.find("service_life")) {
        reader.report(life->pos, child_path(path, "service_life"),
                      "service_life goes with production (a production ramp retires its units after it)");
    }
    const epoch in_service = c.start ? std::max(*c.start, start) : start;
    const yaml_node* k = n.find("market_size");
    if (k != nullptr && c.units > 0.0 && !c.market_size.empty() && c.market_size.front().at > in_service) {
        reader.report(k->pos, child_path(path, "market_size"),
                      "expected a market size from " + in_service.to_utc_date() + ", when the cohort has " +
                          format_quantity(c.units, quantity_kind::count) + " units in service; the first point is " +
                          c.market_size.front().at.to_utc_date());
    }
}

fleet::cohort read_cohort(field_reader& reader, const yaml_node& n, const std::string& path, epoch start) {
    fleet::cohort c;
    c.upload_fraction = {{start, default_quantity(default_upload_fraction, quantity_kind::dimensionless)}};
    c.curation_yield = {{start, default_quantity(default_curation_yield, quantity_kind::dimensionless)}};
    c.tokens_per_byte = default_quantity(default_tokens_per_byte, quantity_kind::tokens_per_byte);
    if (!reader.mapping(n, path, cohort_spec)) return c;
    if (auto name = reader.required_name(n, path)) c.name = *name;
    reader.set_choice(n, "kind", path, "cohort kind", cohort_kinds, c.kind);
    read_service_dates(reader, n, path, c);
    reader.set_quantity(n, "units", path, quantity_kind::count, bound::non_negative, c.units);
    if (n.find("production") != nullptr) {
        read_production(reader, n, path, start, c);
    } else {
        read_logistic(reader, n, path, start, c);
    }
    reader.set_schedule(n, "raw_data_per_unit", path, quantity_kind::data_rate, bound::non_negative, start,
                        c.raw_bytes_per_unit_s);
    reader.set_schedule(n, "upload_fraction", path, quantity_kind::dimensionless, bound::fraction, start, c.upload_fraction);
    reader.set_schedule(n, "curation_yield", path, quantity_kind::dimensionless, bound::fraction, start, c.curation_yield);
    reader.set_quantity(n, "tokens_per_byte", path, quantity_kind::tokens_per_byte, bound::non_negative, c.tokens_per_byte);
    reader.set_quantity(n, "quality_elasticity", path, quantity_kind::dimensionless, bound::non_negative,
                        c.quality_elasticity);
    return c;
}

/// A logistic cohort's market size is its units unless given, and the model needs it positive: a cohort with
/// neither is reported. Checked once the rest read cleanly, so that a cohort whose units failed to read does not
/// echo that error.
void report_missing_markets(field_reader& reader, const std::vector<yaml_node>& items,
                            const std::vector<fleet::cohort>& cohorts) {
    for (std::size_t i = 0; i < items.size() && reader.clean(); ++i) {
        const auto& item = items[i];
        if (item.kind != node_kind::mapping || item.find("market_size") != nullptr || item.find("production") != nullptr)
            continue;
        if (cohorts[i].units > 0.0) continue;
        const yaml_node* units = item.find("units");
        const auto path = index_path("fleet.cohorts", i);
        reader.report(units != nullptr ? units->pos : item.pos, units != nullptr ? child_path(path, "units") : path,
                      "expected units above 0, or a market_size (a cohort's market size is its units unless given)");
    }
}

}  // namespace

void read_fleet(field_reader& reader, const yaml_node& root, sim::scenario& scenario) {
    const yaml_node* fleet = root.find("fleet");
    if (fleet == nullptr || !reader.mapping(*fleet, "fleet", fleet_spec)) return;
    const yaml_node* n = fleet->find("cohorts");
    if (n == nullptr) return;
    const auto* items = reader.sequence(*n, "fleet.cohorts");
    if (items == nullptr) return;
    unique_names names("cohort");
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto path = index_path("fleet.cohorts", i);
        auto cohort = read_cohort(reader, (*items)[i], path, scenario.start);
        if (!cohort.name.empty()) names.check(reader, (*items)[i], path, cohort.name);
        scenario.cohorts.push_back(std::move(cohort));
    }
    report_missing_markets(reader, *items, scenario.cohorts);
}

std::vector<sim::region_share> read_region_shares(field_reader& reader, const yaml_node& cohorts, const std::string& cp,
                                                  const sim::scenario& scenario) {
    std::vector<sim::region_share> shares;
    const auto* list = reader.sequence(cohorts, cp);
    if (list == nullptr) return shares;
    for (std::size_t j = 0; j < list->size(); ++j) {
        const auto& c = (*list)[j];
        const auto sp = index_path(cp, j);
        if (!reader.mapping(c, sp, region_share_spec)) continue;
        sim::region_share share;
        if (auto name = reader.required_name(c, sp)) {
            share.cohort = *name;
            const bool known = std::any_of(scenario.cohorts.begin(), scenario.cohorts.end(),
                                           [&](const auto& k) { return k.name == *name; });
            if (!known) {
                std::vector<std::string_view> cohort_names;
                for (const auto& k : scenario.cohorts) cohort_names.push_back(k.name);
                reader.report(c.find("name")->pos, child_path(sp, "name"),
                              "unknown cohort " + quoted(*name) + "; known: " + join(cohort_names) + did_you_mean(*name, cohort_names));
                share.cohort.clear();  // left out of the totals
            }
        }
        if (c.find("share") == nullptr) reader.report(c.pos, sp, "missing required key \"share\"");
        reader.set_schedule(c, "share", sp, quantity_kind::dimensionless, bound::fraction, scenario.start, share.share);
        if (const yaml_node* a = c.find("approved")) {
            if (auto d = reader.date(*a, child_path(sp, "approved"))) share.approved = *d;
        }
        shares.push_back(std::move(share));
    }
    return shares;
}

void check_region_share_totals(field_reader& reader, const yaml_node& regions, const std::string& rp,
                               const std::vector<sim::uplink_region>& regions_read) {
    std::map<std::string, std::vector<const sim::region_share*>> by_cohort;  // sorted: messages in name order
    for (const auto& region : regions_read) {
        for (const auto& rs : region.cohorts) {
            if (!rs.cohort.empty()) by_cohort[rs.cohort].push_back(&rs);
        }
    }
    for (const auto& [cohort, shares] : by_cohort) {
        std::set<epoch> dates;  // where any of the cohort's shares steps
        for (const auto* rs : shares) {
            for (const auto& p : rs->share) dates.insert(p.at);
        }
        for (const epoch d : dates) {
            double total = 0.0;
            for (const auto* rs : shares) total += sim::schedule_value(rs->share, d);
            if (std::abs(total - 1.0) <= 1e-6) continue;
            reader.report(regions.pos, rp, "the shares of cohort " + quoted(cohort) + " over the regions sum to " +
                                               format_quantity(std::round(total * 1e9) / 1e9, quantity_kind::dimensionless) +
                                               (dates.size() > 1 ? " from " + d.to_utc_date() : std::string()) +
                                               "; expected 1 (100 %)");
            break;
        }
    }
}

}  // namespace kardashev::io::detail
