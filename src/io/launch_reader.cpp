#include "launch_reader.hpp"

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/io/launcher_catalog.hpp"

namespace kardashev::io::detail {

namespace {

/// The default launcher: Starship V3 (data/catalog/launchers.yaml) at the FAA's licensed 25 launches a year from
/// Starbase (May 2025; research trajectory.md 4c), held flat (assumption).
constexpr std::string_view default_launcher = "Starship V3";
constexpr double default_flights_per_year = 25.0;

/// A price path at `path`: a mapping {learning, starting_mass, other_mass} (Wright's law), or a schedule of prices.
void read_price_path(field_reader& reader, const yaml_node& n, const std::string& path, epoch start,
                     logistics::price_path& out) {
    if (n.kind != node_kind::mapping) {
        if (auto s = reader.schedule(n, path, quantity_kind::price_per_mass, bound::positive, start)) {
            out.model = logistics::price_model::schedule;
            out.price_usd_per_kg = std::move(*s);
        }
        return;
    }
    if (!reader.mapping(n, path, price_path_spec)) return;
    out.model = logistics::price_model::learning;
    out.price_usd_per_kg.clear();
    if (const yaml_node* l = n.find("learning")) {
        const auto lp = child_path(path, "learning");
        if (reader.mapping(*l, lp, learning_spec)) {
            reader.set_quantity(*l, "price", lp, quantity_kind::price_per_mass, bound::positive, out.curve.p0_usd_per_kg);
            reader.set_quantity(*l, "at_mass", lp, quantity_kind::mass, bound::positive, out.curve.m0_kg);
            if (const yaml_node* r = l->find("learning_rate")) {
                const auto rp = child_path(lp, "learning_rate");
                if (auto v = reader.quantity(*r, rp, quantity_kind::dimensionless, bound::fraction)) {
                    if (*v > 0.0 && *v < 1.0)
                        out.curve.learning_rate = *v;
                    else
                        reader.report(r->pos, rp, "expected a learning rate between 0 and 100 % (exclusive), got " + quoted(r->text));
                }
            }
        }
    }
    reader.set_quantity(n, "starting_mass", path, quantity_kind::mass, bound::positive, out.starting_mass_kg);
    reader.set_schedule(n, "other_mass", path, quantity_kind::mass_rate, bound::non_negative, start, out.other_mass_kg_per_s);
}

/// `launch.launchers`: catalogue names and flights per year.
std::vector<sim::launcher_flights> read_launchers(field_reader& reader, const yaml_node& n, epoch start) {
    std::vector<sim::launcher_flights> out;
    const auto* items = reader.sequence(n, "launch.launchers");
    if (items == nullptr) return out;
    unique_names names("launcher");
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto path = index_path("launch.launchers", i);
        const auto& item = (*items)[i];
        if (!reader.mapping(item, path, launcher_flights_spec)) continue;
        sim::launcher_flights flights;
        if (auto name = reader.required_name(item, path)) {
            names.check(reader, item, path, *name);
            try {
                flights.vehicle = find_launcher(*name);
            } catch (const input_error& e) {
                reader.report(item.find("name")->pos, child_path(path, "name"), e.what());
            }
        }
        if (item.find("flights_per_year") == nullptr)
            reader.report(item.pos, path, "missing required key \"flights_per_year\"");
        reader.set_schedule(item, "flights_per_year", path, quantity_kind::rate, bound::non_negative, start,
                            flights.flights_per_s);
        // The probability a flight delivers its payload, in place of the catalogue's (docs/models/sim.md "Launch").
        reader.set_quantity(item, "reliability", path, quantity_kind::dimensionless, bound::open_fraction,
                            flights.vehicle.reliability);
        out.push_back(std::move(flights));
    }
    return out;
}

}  // namespace

void read_launch(field_reader& reader, const yaml_node& root, sim::scenario& scenario) {
    const yaml_node* launch = root.find("launch");
    bool launchers_given = false;
    if (launch != nullptr && reader.mapping(*launch, "launch", launch_spec)) {
        if (const yaml_node* p = launch->find("price")) read_price_path(reader, *p, "launch.price", scenario.start, scenario.launch.price);
        if (const yaml_node* l = launch->find("launchers")) {
            scenario.launch.launchers = read_launchers(reader, *l, scenario.start);
            launchers_given = true;
        }
    }
    if (!launchers_given) {
        scenario.launch.launchers = {
            {find_launcher(default_launcher), {{scenario.start, default_flights_per_year / constants::julian_year_s}}}};
    }
    const yaml_node* craft = root.find("spacecraft");
    if (craft != nullptr && reader.mapping(*craft, "spacecraft", spacecraft_spec)) {
        if (const yaml_node* p = craft->find("price"))
            read_price_path(reader, *p, "spacecraft.price", scenario.start, scenario.spacecraft.price);
    }
}

}  // namespace kardashev::io::detail
