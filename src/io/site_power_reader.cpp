#include "site_power_reader.hpp"

#include <utility>

namespace kardashev::io::detail {

namespace {

/// A quantity kept in `scalar`, or a schedule kept in `schedule` (its first value also in `scalar`).
void read_quantity_or_schedule(field_reader& reader, const yaml_node& map, std::string_view key, const std::string& parent,
                               quantity_kind kind, epoch start, double& scalar, std::vector<sim::schedule_point>& schedule) {
    const yaml_node* n = map.find(key);
    if (n == nullptr) return;
    const auto path = child_path(parent, key);
    if (n->kind == node_kind::scalar) {
        if (auto v = reader.quantity(*n, path, kind, bound::non_negative)) scalar = *v;
        return;
    }
    if (auto points = reader.schedule(*n, path, kind, bound::non_negative, start)) {
        schedule = std::move(*points);
        if (!schedule.empty()) scalar = schedule.front().value;
    }
}

/// One block: `from`, `source` and `capacity` required; the rest from the source's defaults.
sim::power_block read_block(field_reader& reader, const yaml_node& n, const std::string& path, epoch start) {
    sim::power_block block = sim::default_power_block(energy::plant_kind::grid, start);
    if (!reader.mapping(n, path, power_block_spec)) return block;
    const yaml_node* from = n.find("from");
    const yaml_node* source = n.find("source");
    std::optional<epoch> at;
    if (from != nullptr) at = reader.date(*from, child_path(path, "from"));
    else reader.report(n.pos, path, "missing required key \"from\"");
    if (source != nullptr) {
        if (auto kind = reader.choice(*source, child_path(path, "source"), "power source", std::span<const energy::plant_kind>(power_sources)))
            block = sim::default_power_block(*kind, start);
    } else {
        reader.report(n.pos, path, "missing required key \"source\" (one of grid, gas_turbine, nuclear, solar_storage)");
    }
    if (at) block.from = *at;
    reader.set_required_quantity(n, "capacity", path, quantity_kind::power, bound::non_negative, block.capacity_w);
    reader.set_quantity(n, "capex", path, quantity_kind::price_per_power, bound::non_negative, block.capex_usd_per_w);
    reader.set_quantity(n, "energy_price", path, quantity_kind::price_per_energy, bound::non_negative,
                        block.energy_price_usd_per_j);
    reader.set_quantity(n, "carbon_intensity", path, quantity_kind::mass_per_energy, bound::non_negative,
                        block.carbon_kg_per_j);
    reader.set_span(n, "lead_time", path, bound::non_negative, block.lead_time);
    reader.set_span(n, "life", path, bound::positive, block.life);
    return block;
}

/// `power_plant`: the blocks in order of their `from` dates.
std::vector<sim::power_block> read_plant(field_reader& reader, const yaml_node& n, const std::string& path, epoch start) {
    std::vector<sim::power_block> plant;
    const auto* items = reader.sequence(n, path);
    if (items == nullptr) return plant;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const auto item_path = index_path(path, i);
        auto block = read_block(reader, (*items)[i], item_path, start);
        if (!plant.empty() && block.from < plant.back().from) {
            const yaml_node* from = (*items)[i].find("from");
            reader.report(from != nullptr ? from->pos : (*items)[i].pos, child_path(item_path, "from"),
                          "expected blocks in order of their from dates, got " + quoted(block.from.to_utc_date()) +
                              " after " + quoted(plant.back().from.to_utc_date()));
        }
        plant.push_back(std::move(block));
    }
    if (plant.empty()) reader.report(n.pos, path, "expected at least one block, got an empty list");
    return plant;
}

}  // namespace

void read_site_power(field_reader& reader, const yaml_node& n, const std::string& path, epoch start, sim::site& site) {
    reader.set_schedule(n, "power_capacity", path, quantity_kind::power, bound::non_negative, start, site.power_capacity_w);
    read_quantity_or_schedule(reader, n, "energy_price", path, quantity_kind::price_per_energy, start,
                              site.facility.energy_price_usd_per_j, site.energy_price_usd_per_j);
    read_quantity_or_schedule(reader, n, "carbon_intensity", path, quantity_kind::mass_per_energy, start,
                              site.facility.carbon_kg_per_j, site.carbon_kg_per_j);
    const yaml_node* plant = n.find("power_plant");
    if (plant == nullptr) return;
    const auto plant_path = child_path(path, "power_plant");
    if (site.kind != sim::site_kind::ground) {
        reader.report(plant->pos, plant_path, "only a site of kind ground has a power_plant (an orbit or moon site runs on its arrays)");
        return;
    }
    for (const char* key : {"power_capacity", "energy_price", "carbon_intensity"}) {
        if (const yaml_node* old = n.find(key)) {
            reader.report(old->pos, child_path(path, key),
                          std::string("give power_plant or ") + key + ", not both: a site with a power_plant takes its "
                          "capacity, energy price and carbon intensity from its blocks");
        }
    }
    site.power_plant = read_plant(reader, *plant, plant_path, start);
}

}  // namespace kardashev::io::detail
