#include "scenario_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include "field_reader.hpp"
#include "fleet_reader.hpp"
#include "lines_reader.hpp"
#include "launch_reader.hpp"
#include "money_reader.hpp"
#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/orbit/kepler.hpp"
#include "network_names.hpp"
#include "overrides.hpp"
#include "scenario_limits.hpp"
#include "scenario_schema.hpp"
#include "site_power_reader.hpp"

namespace kardashev::io::detail {

namespace {

/// One accelerator entry; `date_required` for the catalogue, whose every entry carries `available`.
compute::accelerator read_accelerator(field_reader& reader, const yaml_node& n, const std::string& path,
                                      bool date_required) {
    compute::accelerator a;
    if (!reader.mapping(n, path, accelerator_spec)) return a;
    if (auto name = reader.required_name(n, path)) a.name = *name;
    if (const yaml_node* available = n.find("available")) {
        a.available = reader.date(*available, child_path(path, "available"));
    } else if (date_required) {
        reader.report(n.pos, path, "missing required key \"available\"");
    }
    reader.set_required_quantity(n, "peak_flops_bf16", path, quantity_kind::flop_rate, bound::positive, a.peak_flops_bf16);
    reader.set_quantity(n, "peak_flops_fp8", path, quantity_kind::flop_rate, bound::positive, a.peak_flops_fp8);
    reader.set_required_quantity(n, "hbm", path, quantity_kind::data_size, bound::positive, a.hbm_bytes);
    reader.set_required_quantity(n, "hbm_bandwidth", path, quantity_kind::data_rate, bound::positive,
                                 a.hbm_bandwidth_bytes_per_s);
    reader.set_required_quantity(n, "power", path, quantity_kind::power, bound::positive, a.power_w);
    reader.set_required_quantity(n, "all_in_power", path, quantity_kind::power, bound::positive, a.all_in_power_w);
    reader.set_required_quantity(n, "price", path, quantity_kind::money, bound::positive, a.price_usd);
    reader.set_text(n, "source", path, a.source);
    reader.set_quantity(n, "scale_up_size", path, quantity_kind::count, bound::positive, a.scale_up_size);
    reader.set_quantity(n, "scale_up_bandwidth", path, quantity_kind::data_rate, bound::positive, a.scale_up_bandwidth_bytes_per_s);
    reader.set_quantity(n, "scale_out_bandwidth", path, quantity_kind::data_rate, bound::positive, a.scale_out_bandwidth_bytes_per_s);
    reader.set_quantity(n, "matmul_efficiency", path, quantity_kind::dimensionless, bound::fraction, a.matmul_efficiency);
    const yaml_node* power = n.find("power");
    const yaml_node* all_in = n.find("all_in_power");
    if (power != nullptr && all_in != nullptr && a.power_w > 0.0 && a.all_in_power_w > 0.0 &&
        a.all_in_power_w < a.power_w) {
        reader.report(all_in->pos, child_path(path, "all_in_power"),
                      "expected at least the board power (" + power->text + "), got " + quoted(all_in->text));
    }
    return a;
}

std::vector<compute::accelerator> read_accelerator_list(field_reader& reader, const yaml_node& n, const std::string& path,
                                                        bool date_required) {
    std::vector<compute::accelerator> out;
    const auto* items = reader.sequence(n, path);
    if (items == nullptr) return out;
    unique_names names("accelerator");
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto item_path = index_path(path, i);
        auto a = read_accelerator(reader, (*items)[i], item_path, date_required);
        if (!a.name.empty()) names.check(reader, (*items)[i], item_path, a.name);
        out.push_back(std::move(a));
    }
    return out;
}

/// Accelerators by name: the builtin catalogue, then the scenario's custom entries (which replace
/// a builtin entry of the same name).
class accelerator_index {
public:
    accelerator_index(const std::vector<compute::accelerator>& builtin, const std::vector<compute::accelerator>& custom) {
        for (const auto& a : builtin) add(a);
        for (const auto& a : custom) {
            if (!a.name.empty()) add(a);
        }
    }
    [[nodiscard]] const compute::accelerator* find(const std::string& name) const {
        auto it = m_by_name.find(name);
        return it == m_by_name.end() ? nullptr : &it->second;
    }
    [[nodiscard]] std::vector<std::string_view> names() const {
        std::vector<std::string_view> out;
        for (const auto& [name, a] : m_by_name) out.push_back(name);
        return out;  // sorted: std::map order
    }
    /// Every entry in catalogue order, a replaced builtin entry in its place, then the new custom entries.
    [[nodiscard]] std::vector<compute::accelerator> entries() const {
        std::vector<compute::accelerator> out;
        for (const auto& name : m_order) out.push_back(m_by_name.at(name));
        return out;
    }

private:
    void add(const compute::accelerator& a) {
        if (!m_by_name.contains(a.name)) m_order.push_back(a.name);
        m_by_name[a.name] = a;
    }
    std::map<std::string, compute::accelerator> m_by_name;
    std::vector<std::string> m_order;  // first appearance
};

/// "HH:MM" -> hours, or nullopt.
std::optional<double> local_time_hours(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (std::size_t i : {0U, 1U, 3U, 4U}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    const int h = (text[0] - '0') * 10 + (text[1] - '0');
    const int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h + m / 60.0;
}

void read_site_orbit(field_reader& reader, const yaml_node& n, const std::string& path, sim::site_orbit& o) {
    if (!reader.mapping(n, path, site_orbit_spec)) return;
    reader.set_quantity(n, "altitude", path, quantity_kind::length, bound::positive, o.altitude_m);
    const yaml_node* ltan = n.find("ltan");
    const yaml_node* incl = n.find("inclination");
    if (ltan != nullptr && incl != nullptr) {
        reader.report(incl->pos, child_path(path, "inclination"),
                      "give either ltan (sun-synchronous) or inclination, not both");
    }
    if (ltan != nullptr) {
        if (auto t = reader.text(*ltan, child_path(path, "ltan"))) {
            if (auto h = local_time_hours(*t)) o.ltan_h = *h;
            else reader.report(ltan->pos, child_path(path, "ltan"), "expected a local time \"HH:MM\" (e.g. \"18:00\"), got " + quoted(*t));
        }
    }
    if (incl != nullptr && ltan == nullptr) {
        o.sun_synchronous = false;
        reader.set_quantity(n, "inclination", path, quantity_kind::angle, bound::non_negative, o.inclination_rad);
        reader.set_quantity(n, "raan", path, quantity_kind::angle, bound::any, o.raan_rad);
    } else if (const yaml_node* raan = n.find("raan")) {
        reader.report(raan->pos, child_path(path, "raan"), "raan goes with inclination; a sun-synchronous orbit takes its node from ltan");
    }
    reader.set_choice(n, "shadow", path, "shadow model", shadow_models, o.shadow);
    reader.set_quantity(n, "satellite_size", path, quantity_kind::count, bound::non_negative, o.satellite_size);
    reader.set_quantity(n, "isl_bandwidth", path, quantity_kind::data_rate, bound::positive, o.isl_bandwidth_bytes_per_s);
    reader.set_quantity(n, "isl_latency", path, quantity_kind::time, bound::non_negative, o.isl_latency_s);
    if (o.sun_synchronous) {
        try {
            (void)orbit::sso_inclination_rad(o.altitude_m);
        } catch (const domain_error&) {
            const yaml_node* alt = n.find("altitude");
            reader.report(alt != nullptr ? alt->pos : n.pos, child_path(path, "altitude"),
                          "no orbit is sun-synchronous above about 5970 km (J2 precession is too slow); give an inclination "
                          "instead of ltan");
        }
    }
}

/// A `location: {latitude, longitude}` mapping, both keys required; true when both were given.
bool read_location(field_reader& reader, const yaml_node& loc, const std::string& path, double& lat_rad, double& lon_rad) {
    if (!reader.mapping(loc, path, site_location_spec)) return false;
    const bool lat = reader.set_quantity(loc, "latitude", path, quantity_kind::angle, bound::latitude, lat_rad);
    const bool lon = reader.set_quantity(loc, "longitude", path, quantity_kind::angle, bound::longitude, lon_rad);
    if (!lat) reader.report(loc.pos, path, "missing required key \"latitude\"");
    if (!lon) reader.report(loc.pos, path, "missing required key \"longitude\"");
    return lat && lon;
}

/// A scalar string or a sequence of strings.
std::vector<std::string> read_names(field_reader& reader, const yaml_node& n, const std::string& path) {
    std::vector<std::string> out;
    if (n.kind == node_kind::sequence) {
        for (std::size_t i = 0; i < n.items.size(); ++i) {
            if (auto t = reader.text(n.items[i], index_path(path, i))) out.push_back(*t);
        }
    } else if (auto t = reader.text(n, path); t && !t->empty()) {
        out.push_back(*t);
    }
    return out;
}

/// `uplink.network` but its regions: the constellation, the elevation mask, the link capacities, the window and
/// its samples.
void read_uplink_links(field_reader& reader, const yaml_node& n, const std::string& path, epoch start,
                       sim::uplink_network& net) {
    if (const yaml_node* c = n.find("constellation")) {
        const auto cp = child_path(path, "constellation");
        auto names = read_names(reader, *c, cp);
        for (const auto& name : names) {
            if (!is_shell_preset(name)) {
                reader.report(c->pos, cp, "unknown shell " + quoted(name) + "; known: " + shell_preset_list());
            }
        }
        if (names.empty()) reader.report(c->pos, cp, "expected at least one shell, got " + describe_found(*c));
        net.constellation = std::move(names);
    }
    if (const yaml_node* e = n.find("min_elevation")) {
        if (auto v = reader.quantity(*e, child_path(path, "min_elevation"), quantity_kind::angle, bound::non_negative)) {
            if (*v >= 0.5 * constants::pi) {
                reader.report(e->pos, child_path(path, "min_elevation"), "expected an elevation below 90 deg, got " + quoted(e->text));
            } else {
                net.min_elevation_rad = *v;
            }
        }
    }
    reader.set_schedule(n, "isl_capacity", path, quantity_kind::data_rate, bound::non_negative, start, net.isl_capacity_bytes_per_s);
    reader.set_schedule(n, "user_link_capacity", path, quantity_kind::data_rate, bound::non_negative, start,
                        net.user_link_capacity_bytes_per_s);
    reader.set_schedule(n, "gateway_link_capacity", path, quantity_kind::data_rate, bound::non_negative, start,
                        net.gateway_link_capacity_bytes_per_s);
    reader.set_schedule(n, "fibre_capacity", path, quantity_kind::data_rate, bound::non_negative, start, net.fibre_capacity_bytes_per_s);
    reader.set_quantity(n, "fibre_route_factor", path, quantity_kind::dimensionless, bound::at_least_one, net.fibre_route_factor);
    reader.set_span(n, "window", path, bound::positive, net.window);
    if (const yaml_node* k = n.find("samples")) {
        if (auto v = reader.unsigned_integer(*k, child_path(path, "samples"))) {
            if (*v < 1 || *v > 1000) {
                reader.report(k->pos, child_path(path, "samples"), "expected 1 to 1000 snapshots, got " + quoted(k->text));
            } else {
                net.samples = static_cast<int>(*v);
            }
        }
    }
}

/// `uplink.network`: the constellation, capacities, window and demand regions. Cohort names and shares are
/// checked here; fibre_to against the sites in check_uplink_sites, once the sites are read.
void read_uplink_network(field_reader& reader, const yaml_node& n, const std::string& path, const sim::scenario& scenario,
                         sim::uplink_network& net) {
    const epoch start = scenario.start;
    net.enabled = true;
    net.constellation = {std::string(default_constellation)};
    net.isl_capacity_bytes_per_s = {{start, default_quantity(default_isl_capacity, quantity_kind::data_rate)}};
    net.user_link_capacity_bytes_per_s = {{start, default_quantity(default_user_link_capacity, quantity_kind::data_rate)}};
    net.gateway_link_capacity_bytes_per_s = {{start, default_quantity(default_gateway_link_capacity, quantity_kind::data_rate)}};
    net.fibre_capacity_bytes_per_s = {{start, default_quantity(default_fibre_capacity, quantity_kind::data_rate)}};
    if (!reader.mapping(n, path, uplink_network_spec)) return;
    read_uplink_links(reader, n, path, start, net);
    const yaml_node* regions = n.find("regions");
    if (regions == nullptr) {
        reader.report(n.pos, path, "missing required key \"regions\" (where the fleet's data enters the network)");
        return;
    }
    const auto rp = child_path(path, "regions");
    const auto* items = reader.sequence(*regions, rp);
    if (items == nullptr) return;
    if (items->empty() || items->size() > static_cast<std::size_t>(max_uplink_regions())) {
        reader.report(regions->pos, rp, "expected 1 to " + std::to_string(max_uplink_regions()) + " regions, got " + std::to_string(items->size()));
        return;
    }
    unique_names names("region");
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto& item = (*items)[i];
        const auto ip = index_path(rp, i);
        sim::uplink_region region;
        if (!reader.mapping(item, ip, uplink_region_spec)) continue;
        if (auto name = reader.required_name(item, ip)) {
            region.name = *name;
            names.check(reader, item, ip, region.name);
        }
        if (const yaml_node* loc = item.find("location")) {
            (void)read_location(reader, *loc, child_path(ip, "location"), region.latitude_rad, region.longitude_rad);
        } else {
            reader.report(item.pos, ip, "missing required key \"location\"");
        }
        if (const yaml_node* cohorts = item.find("cohorts")) {
            region.cohorts = read_region_shares(reader, *cohorts, child_path(ip, "cohorts"), scenario);
        }
        if (const yaml_node* f = item.find("fibre_to")) region.fibre_to = read_names(reader, *f, child_path(ip, "fibre_to"));
        net.regions.push_back(std::move(region));
    }
    check_region_share_totals(reader, *regions, rp, net.regions);
}

/// uplink.network against the sites: fibre_to names a ground site with a location, and some ground site has one.
void check_uplink_sites(field_reader& reader, const yaml_node& network_node, const sim::scenario& scenario) {
    const auto located = [&](const std::string& name) {
        return std::any_of(scenario.sites.begin(), scenario.sites.end(), [&](const sim::site& site) {
            return site.name == name && site.kind == sim::site_kind::ground && site.location.given;
        });
    };
    if (std::none_of(scenario.sites.begin(), scenario.sites.end(), [](const sim::site& site) { return site.kind == sim::site_kind::ground && site.location.given; })) {
        reader.report(network_node.pos, "uplink.network",
                      "the routed uplink needs at least one ground site with a location (where the data lands)");
    }
    const yaml_node* regions = network_node.find("regions");
    if (regions == nullptr || regions->kind != node_kind::sequence) return;
    for (std::size_t i = 0; i < regions->items.size() && i < scenario.uplink.network.regions.size(); ++i) {
        const yaml_node* f = regions->items[i].find("fibre_to");
        for (const auto& to : scenario.uplink.network.regions[i].fibre_to) {
            if (!located(to)) {
                reader.report(f->pos, child_path(index_path("uplink.network.regions", i), "fibre_to"),
                              "expected the name of a ground site with a location, got " + quoted(to));
            }
        }
    }
}

/// `moon.industry` of a moon site (docs/scenarios.md "Lunar industry"): the mass driver's rate defaults to NASA
/// SP-413's 1 Mt/yr, its other figures to logistics::mass_driver's.
void read_lunar_industry(field_reader& reader, const yaml_node& n, const std::string& path, epoch start,
                         sim::lunar_industry& industry) {
    if (!reader.mapping(n, path, lunar_industry_spec)) return;
    industry.enabled = true;
    industry.driver_rate_kg_per_s = {{start, industry.driver.rate_kg_per_s}};
    reader.set_schedule(n, "regolith_share", path, quantity_kind::dimensionless, bound::fraction, start, industry.regolith_share);
    if (const yaml_node* d = n.find("mass_driver")) {
        const auto dp = child_path(path, "mass_driver");
        if (reader.mapping(*d, dp, mass_driver_spec)) {
            reader.set_schedule(*d, "rate", dp, quantity_kind::mass_rate, bound::non_negative, start, industry.driver_rate_kg_per_s);
            reader.set_quantity(*d, "launch_speed", dp, quantity_kind::speed, bound::positive, industry.driver.launch_speed_m_s);
            reader.set_quantity(*d, "efficiency", dp, quantity_kind::dimensionless, bound::open_fraction, industry.driver.efficiency);
            reader.set_quantity(*d, "acceleration", dp, quantity_kind::acceleration, bound::positive,
                                industry.driver.acceleration_m_s2);
        }
    }
    reader.set_schedule(n, "plant_power", path, quantity_kind::power, bound::non_negative, start, industry.plant_power_w);
    reader.set_schedule(n, "delivery_price", path, quantity_kind::price_per_mass, bound::non_negative, start,
                        industry.delivery_price_usd_per_kg);
    reader.set_schedule(n, "earth_shipments", path, quantity_kind::mass_rate, bound::non_negative, start,
                        industry.earth_shipments_kg_per_s);
}

sim::site read_site(field_reader& reader, const yaml_node& n, const std::string& path, epoch start,
                    const accelerator_index& accelerators) {
    sim::site site;
    site.facility.energy_price_usd_per_j = default_quantity(default_energy_price, quantity_kind::price_per_energy);
    site.facility.carbon_kg_per_j = default_quantity(default_carbon_intensity, quantity_kind::mass_per_energy);
    site.facility_capex_usd_per_w = default_quantity(default_facility_capex, quantity_kind::price_per_power);
    if (!reader.mapping(n, path, site_spec)) return site;
    if (auto name = reader.required_name(n, path)) site.name = *name;
    reader.set_choice(n, "kind", path, "site kind", site_kinds, site.kind);
    const yaml_node* orbit = n.find("orbit");
    const yaml_node* moon = n.find("moon");
    if (const yaml_node* loc = n.find("location")) {
        const auto lp = child_path(path, "location");
        if (site.kind != sim::site_kind::ground) {
            reader.report(loc->pos, lp, "only a site of kind ground has a location (an orbit site has an orbit, a moon site a moon block)");
        } else {
            site.location.given = read_location(reader, *loc, lp, site.location.latitude_rad, site.location.longitude_rad);
        }
    }
    if (site.kind != sim::site_kind::ground) {
        site.facility.energy_price_usd_per_j = 0.0;  // sunlight is free; operations cost is capex
        site.facility.carbon_kg_per_j = 0.0;
        site.failure_rate_per_s = default_quantity(default_off_world_failure_rate, quantity_kind::rate);
    }
    if (site.kind == sim::site_kind::orbit) {
        if (orbit != nullptr) read_site_orbit(reader, *orbit, child_path(path, "orbit"), site.orbit);
    } else if (orbit != nullptr) {
        reader.report(orbit->pos, child_path(path, "orbit"), "only a site of kind orbit has an orbit");
    }
    if (site.kind == sim::site_kind::moon) {
        if (moon != nullptr && reader.mapping(*moon, child_path(path, "moon"), site_moon_spec)) {
            const auto mp = child_path(path, "moon");
            reader.set_choice(*moon, "location", mp, "lunar location", moon_locations, site.moon.location);
            if (site.moon.location == sim::lunar_location::equatorial) site.moon.sunlit_fraction = 0.5;  // 14.77 d of day per 29.53 d synodic month
            reader.set_quantity(*moon, "sunlit_fraction", mp, quantity_kind::dimensionless, bound::open_fraction,
                                site.moon.sunlit_fraction);
            check_polar_sunlight(reader, *moon, mp, site.moon);
            if (const yaml_node* ind = moon->find("industry"))
                read_lunar_industry(reader, *ind, child_path(mp, "industry"), start, site.moon.industry);
        }
    } else if (moon != nullptr) {
        reader.report(moon->pos, child_path(path, "moon"), "only a site of kind moon has a moon block");
    }
    if (const yaml_node* lp = n.find("launch_price")) {
        reader.report(lp->pos, child_path(path, "launch_price"),
                      "a site has no launch price: the launch price over time is the scenario's launch.price (Wright's "
                      "law on cumulative mass, or a schedule), shared by every off-world site; remove this key");
    }
    reader.set_quantity(n, "failure_rate", path, quantity_kind::rate, bound::non_negative, site.failure_rate_per_s);

    const yaml_node* accel = n.find("accelerator");
    std::string accel_name(default_site_accelerator);
    bool accel_ok = true;
    if (accel != nullptr) {
        auto t = reader.text(*accel, child_path(path, "accelerator"));
        accel_ok = t.has_value();
        if (t) accel_name = *t;
    }
    if (accel_ok) {
        if (const auto* a = accelerators.find(accel_name)) {
            site.accel = *a;
        } else {
            const auto known = accelerators.names();
            reader.report(accel != nullptr ? accel->pos : n.pos, child_path(path, "accelerator"),
                          "unknown accelerator " + quoted(accel_name) + "; known: " + join(known) +
                              did_you_mean(accel_name, known));
        }
    }

    reader.set_choice(n, "purchase", path, "purchase policy", purchase_policies, site.purchase);
    reader.set_flag(n, "replace_retired", path, site.replace_retired);
    reader.set_flag(n, "serving_only", path, site.serving_only);
    reader.set_schedule(n, "accelerators", path, quantity_kind::count, bound::non_negative, start, site.planned_accelerators);
    reader.set_quantity(n, "pue", path, quantity_kind::dimensionless, bound::one_to_ten, site.facility.pue);
    read_site_power(reader, n, path, start, site);  // power_capacity, energy_price, carbon_intensity, power_plant
    if (const yaml_node* fc = n.find("facility_capex"); fc != nullptr && site.kind != sim::site_kind::ground) {
        reader.report(fc->pos, child_path(path, "facility_capex"),
                      "only a ground site has a facility_capex: an off-world site's spacecraft and launch cost per "
                      "accelerator comes from its design at the purchase date, priced by the scenario's launch.price "
                      "and spacecraft.price; remove this key");
    } else {
        reader.set_quantity(n, "facility_capex", path, quantity_kind::price_per_power, bound::non_negative,
                            site.facility_capex_usd_per_w);
    }
    if (site.kind != sim::site_kind::ground) site.facility_capex_usd_per_w = 0.0;
    reader.set_span(n, "facility_life", path, bound::positive, site.facility_life);  // unset: resolved after economy
    return site;
}

/// The top-level keys: name, description, start, length, step, seed, failures.
void read_header(field_reader& reader, const yaml_node& root, sim::scenario& scenario) {
    if (const yaml_node* n = root.find("name"); n == nullptr || n->kind != node_kind::scalar || reader.printable_name(*n, "name"))
        reader.set_text(root, "name", "", scenario.name);
    reader.set_text(root, "description", "", scenario.description);
    if (const yaml_node* n = root.find("start")) {
        if (auto v = reader.date(*n, "start")) scenario.start = *v;
    }
    reader.set_span(root, "length", "", bound::positive, scenario.length);
    reader.set_span(root, "step", "", bound::positive, scenario.step);
    if (const yaml_node* n = root.find("seed")) {
        if (auto v = reader.unsigned_integer(*n, "seed")) scenario.seed = *v;
    }
    reader.set_choice(root, "failures", "", "failures", failure_modes, scenario.failures);
}

/// `corpus`.
void read_corpus(field_reader& reader, const yaml_node& root, fleet::corpus_params& corpus) {
    const yaml_node* n = root.find("corpus");
    if (n == nullptr || !reader.mapping(*n, "corpus", corpus_spec)) return;
    reader.set_quantity(*n, "initial_unique_tokens", "corpus", quantity_kind::tokens, bound::non_negative,
                        corpus.initial_unique_tokens);
    reader.set_quantity(*n, "max_epochs", "corpus", quantity_kind::dimensionless, bound::at_least_one, corpus.max_epochs);
    reader.set_quantity(*n, "repetition_constant", "corpus", quantity_kind::dimensionless, bound::positive,
                        corpus.repetition_constant);
}

/// `uplink`: the capacity schedule and the routed network (its cohorts checked against the scenario's).
void read_uplink(field_reader& reader, const yaml_node& root, sim::scenario& scenario) {
    const yaml_node* n = root.find("uplink");
    if (n == nullptr || !reader.mapping(*n, "uplink", uplink_spec)) return;
    reader.set_schedule(*n, "capacity", "uplink", quantity_kind::data_rate, bound::non_negative, scenario.start,
                        scenario.uplink.capacity_bytes_per_s);
    if (const yaml_node* net = n->find("network")) read_uplink_network(reader, *net, "uplink.network", scenario, scenario.uplink.network);
}

/// `sites`, their accelerators from `accelerators`.
void read_sites(field_reader& reader, const yaml_node& root, const accelerator_index& accelerators,
                sim::scenario& scenario) {
    const yaml_node* n = root.find("sites");
    if (n == nullptr) return;
    const auto* items = reader.sequence(*n, "sites");
    if (items == nullptr) return;
    unique_names names("site");
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto path = index_path("sites", i);
        auto site = read_site(reader, (*items)[i], path, scenario.start, accelerators);
        if (!site.name.empty()) names.check(reader, (*items)[i], path, site.name);
        scenario.sites.push_back(std::move(site));
    }
}

/// `training.algorithmic_progress`: `off`, `on` (Ho et al.'s 8 months) or a mapping {halving_time}.
void read_algorithmic_progress(field_reader& reader, const yaml_node& training, fleet::algorithmic_progress& progress) {
    const yaml_node* n = training.find("algorithmic_progress");
    if (n == nullptr) return;
    const std::string path = "training.algorithmic_progress";
    if (n->kind == node_kind::scalar && (n->text == "off" || n->text == "on")) {
        progress.enabled = n->text == "on";
        return;
    }
    if (n->kind == node_kind::scalar) {
        reader.report(n->pos, path, "expected off, on or a mapping like {halving_time: 8 months}, got " + describe_found(*n));
        return;
    }
    if (!reader.mapping(*n, path, algorithmic_progress_spec)) return;
    progress.enabled = true;
    if (const yaml_node* h = n->find("halving_time"))
        if (auto t = reader.quantity(*h, child_path(path, "halving_time"), quantity_kind::time, bound::positive))
            progress.halving_time_s = *t;
}

/// `training`.
void read_training(field_reader& reader, const yaml_node& root, sim::training_params& training) {
    const yaml_node* n = root.find("training");
    if (n == nullptr || !reader.mapping(*n, "training", training_spec)) return;
    reader.set_choice(*n, "scaling_law", "training", "scaling law", scaling_laws, training.scaling_law);
    reader.set_quantity(*n, "mfu", "training", quantity_kind::dimensionless, bound::open_fraction, training.mfu);
    reader.set_quantity(*n, "goodput", "training", quantity_kind::dimensionless, bound::open_fraction, training.goodput);
    reader.set_choice(*n, "utilisation", "training", "utilisation", utilisation_modes, training.utilisation);
    reader.set_span(*n, "accelerator_mtbf", "training", bound::positive, training.accelerator_mtbf);
    reader.set_span(*n, "checkpoint_write", "training", bound::positive, training.checkpoint_write);
    reader.set_span(*n, "restart", "training", bound::non_negative, training.restart);
    reader.set_span(*n, "generation_length", "training", bound::positive, training.generation_length);
    reader.set_span(*n, "release_gap", "training", bound::non_negative, training.release_gap);
    reader.set_quantity(*n, "reference_loss", "training", quantity_kind::dimensionless, bound::non_negative,
                        training.reference_loss);
    read_algorithmic_progress(reader, *n, training.algorithmic_progress);
}

/// `economy`; then the facility life of each site that gives none.
void read_economy(field_reader& reader, const yaml_node& root, sim::scenario& scenario) {
    if (const yaml_node* n = root.find("economy"); n != nullptr && reader.mapping(*n, "economy", economy_spec)) {
        reader.set_schedule(*n, "capex_budget", "economy", quantity_kind::money_rate, bound::non_negative, scenario.start,
                            scenario.economy.capex_budget_usd_per_s);
        reader.set_schedule(*n, "chip_supply", "economy", quantity_kind::rate, bound::non_negative, scenario.start,
                            scenario.economy.chip_supply_per_s);
        reader.set_span(*n, "accelerator_life", "economy", bound::positive, scenario.economy.accelerator_life);
        reader.set_span(*n, "facility_life", "economy", bound::positive, scenario.economy.facility_life);
        reader.set_quantity(*n, "cost_of_capital", "economy", quantity_kind::dimensionless, bound::fraction,
                            scenario.economy.cost_of_capital);  // an annual rate: "10 %"
    }
    for (auto& site : scenario.sites) {
        if (site.facility_life.ns() <= 0) site.facility_life = sim::facility_life_of(site, scenario.economy);
    }
}

/// length >= step: reported at whichever of the two the file gives (length when both).
void check_length_and_step(field_reader& reader, const yaml_node& root, const sim::scenario& scenario) {
    if (!(scenario.length < scenario.step && scenario.step.ns() > 0 && scenario.length.ns() > 0)) return;
    const yaml_node* length = root.find("length");
    const yaml_node* step = root.find("step");
    if (length != nullptr) {
        const std::string step_text =
            step != nullptr ? step->text : format_quantity(scenario.step.seconds(), quantity_kind::time);
        reader.report(length->pos, "length",
                      "expected a duration of at least one step (" + step_text + "), got " + quoted(length->text));
    } else if (step != nullptr) {
        reader.report(step->pos, "step",
                      "expected a duration no longer than length (" +
                          format_quantity(scenario.length.seconds(), quantity_kind::time) + "), got " + quoted(step->text));
    }
}

}  // namespace

sim::scenario read_scenario(const yaml_node& root, const std::vector<compute::accelerator>& catalog,
                            diagnostic_sink& sink) {
    field_reader reader(sink);
    sim::scenario scenario;
    if (!reader.mapping(root, "", scenario_spec)) return scenario;
    read_header(reader, root, scenario);
    if (const yaml_node* n = root.find("accelerators")) {
        scenario.custom_accelerators = read_accelerator_list(reader, *n, "accelerators", false);
    }
    const accelerator_index accelerators(catalog, scenario.custom_accelerators);
    scenario.catalogue = accelerators.entries();
    read_fleet(reader, root, scenario);
    read_model_lines(reader, root, scenario);
    read_corpus(reader, root, scenario.corpus);
    read_uplink(reader, root, scenario);
    read_sites(reader, root, accelerators, scenario);
    if (scenario.uplink.network.enabled) check_uplink_sites(reader, *root.find("uplink")->find("network"), scenario);
    read_training(reader, root, scenario.training);
    read_economy(reader, root, scenario);
    read_launch(reader, root, scenario);
    read_money(reader, root, scenario);
    check_length_and_step(reader, root, scenario);
    check_scenario_limits(reader, root, scenario);
    return scenario;
}

std::vector<compute::accelerator> read_accelerator_catalog(const yaml_node& root, diagnostic_sink& sink) {
    field_reader reader(sink);
    if (!reader.mapping(root, "", catalog_spec)) return {};
    const yaml_node* list = root.find("accelerators");
    if (list == nullptr) {
        reader.report(root.pos, "", "missing required key \"accelerators\"");
        return {};
    }
    return read_accelerator_list(reader, *list, "accelerators", true);
}

namespace {

/// The YAML tree of a whole file; a syntax error is reported to `sink` and thrown at once.
yaml_node parse_file(std::string_view text, diagnostic_sink& sink) {
    yaml_syntax_error syntax;
    auto root = parse_yaml(text, {0, 1}, syntax);
    if (!root) {
        sink.report(syntax.pos, "", "syntax error: " + syntax.message);
        sink.throw_if_any();
    }
    return std::move(*root);
}

}  // namespace

sim::scenario load_scenario(std::string_view text, const std::string& file, const std::vector<override_kv>& overrides,
                            const std::vector<compute::accelerator>& catalog) {
    diagnostic_sink sink(file);
    auto root = parse_file(text, sink);
    apply_overrides(root, overrides, sink);
    auto scenario = read_scenario(root, catalog, sink);
    sink.throw_if_any();
    return scenario;
}

std::vector<compute::accelerator> load_accelerator_catalog(std::string_view text, const std::string& file) {
    diagnostic_sink sink(file);
    auto catalog = read_accelerator_catalog(parse_file(text, sink), sink);
    sink.throw_if_any();
    return catalog;
}

}  // namespace kardashev::io::detail
