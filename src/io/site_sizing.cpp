// The inputs and outputs of `kardashev size` (io/site_sizing.hpp): every site-design input by key, the design
// as JSON or text, and the ground vs orbit vs Moon page.

#include "kardashev/io/site_sizing.hpp"

#include <functional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/economy/cost.hpp"
#include "kardashev/economy/scale.hpp"
#include "kardashev/io/launcher_catalog.hpp"

namespace kardashev::io {

namespace {

using economy::site_inputs;
constexpr double year_s = constants::julian_year_s;

/// One `--set` key: how it is parsed, written back and stored.
struct size_key {
    std::string name;
    enum class type { quantity, boolean, text } t = type::quantity;
    quantity_kind kind = quantity_kind::dimensionless;
    double scale = 1.0;  //!< stored value = parsed SI value x scale
    std::function<double*(site_inputs&)> number;
    std::function<bool*(site_inputs&)> flag;
    std::function<void(site_inputs&, const std::string&)> set_text;
    std::function<std::string(const site_inputs&)> get_text;
};

size_key q(std::string name, quantity_kind kind, std::function<double*(site_inputs&)> f, double scale = 1.0) {
    size_key k;
    k.name = std::move(name);
    k.kind = kind;
    k.scale = scale;
    k.number = std::move(f);
    return k;
}

size_key b(std::string name, std::function<bool*(site_inputs&)> f) {
    size_key k;
    k.name = std::move(name);
    k.t = size_key::type::boolean;
    k.flag = std::move(f);
    return k;
}

/// The keys of the spacecraft (or plant) and its launch: site, IT power, accelerator, orbit, array, battery,
/// radiator, masses and prices.
void add_design_keys(std::vector<size_key>& k) {
    using qk = quantity_kind;
    size_key site;
    site.name = "site";
    site.t = size_key::type::text;
    site.set_text = [](site_inputs& in, const std::string& v) { in.kind = economy::site_kind_from_string(v); };
    site.get_text = [](const site_inputs& in) { return std::string(economy::to_string(in.kind)); };
    k.push_back(site);
    k.push_back(q("it_power", qk::power, [](site_inputs& in) { return &in.it_power_w; }));
    k.push_back(q("accelerator.power", qk::power, [](site_inputs& in) { return &in.accelerator.power_w; }));
    k.push_back(q("accelerator.mass", qk::mass, [](site_inputs& in) { return &in.accelerator.mass_kg; }));
    k.push_back(q("accelerator.price", qk::money, [](site_inputs& in) { return &in.accelerator.price_usd; }));
    k.push_back(q("life", qk::time, [](site_inputs& in) { return &in.life_s; }));
    k.push_back(q("altitude", qk::length, [](site_inputs& in) { return &in.altitude_m; }));
    k.push_back(b("sun_synchronous", [](site_inputs& in) { return &in.sun_synchronous; }));
    k.push_back(q("ltan", qk::time, [](site_inputs& in) { return &in.ltan_h; }, 1.0 / 3600.0));
    k.push_back(q("inclination", qk::angle, [](site_inputs& in) { return &in.inclination_rad; }));
    k.push_back(q("satellite_it_power", qk::power, [](site_inputs& in) { return &in.satellite_it_power_w; }));
    k.push_back(q("satellites_per_cluster", qk::count, [](site_inputs& in) { return &in.satellites_per_cluster; }));
    k.push_back(q("bus_power_fraction", qk::dimensionless, [](site_inputs& in) { return &in.bus_power_fraction; }));
    k.push_back(q("array.cell_efficiency", qk::dimensionless, [](site_inputs& in) { return &in.array.cell_efficiency; }));
    k.push_back(q("array.packing_factor", qk::dimensionless, [](site_inputs& in) { return &in.array.packing_factor; }));
    k.push_back(q("array.degradation", qk::rate, [](site_inputs& in) { return &in.array.degradation_per_year; }, year_s));
    k.push_back(q("array.specific_power_w_per_kg", qk::dimensionless,
                  [](site_inputs& in) { return &in.array.specific_power_w_per_kg; }));
    k.push_back(q("battery.specific_energy", qk::specific_energy,
                  [](site_inputs& in) { return &in.battery.specific_energy_j_per_kg; }));
    k.push_back(q("battery.depth_of_discharge", qk::dimensionless, [](site_inputs& in) { return &in.battery.depth_of_discharge; }));
    k.push_back(q("battery.capacity", qk::energy, [](site_inputs& in) { return &in.battery_capacity_j; }));
    k.push_back(q("battery.round_trip_efficiency", qk::dimensionless,
                  [](site_inputs& in) { return &in.battery.round_trip_efficiency; }));
    size_key faces;
    faces.name = "radiator.faces";
    faces.t = size_key::type::text;
    faces.set_text = [](site_inputs& in, const std::string& v) {
        const double f = parse_quantity(v, quantity_kind::count);
        if (f != 1.0 && f != 2.0) throw input_error(fmt::format("radiator.faces: expected 1 or 2, got \"{}\"", v));
        in.radiator.faces = static_cast<int>(f);
    };
    faces.get_text = [](const site_inputs& in) { return std::to_string(in.radiator.faces); };
    k.push_back(faces);
    k.push_back(q("radiator.emissivity", qk::dimensionless, [](site_inputs& in) { return &in.radiator.emissivity; }));
    k.push_back(q("radiator.absorptivity", qk::dimensionless, [](site_inputs& in) { return &in.radiator.absorptivity; }));
    k.push_back(q("radiator.temperature", qk::temperature, [](site_inputs& in) { return &in.radiator.temperature_k; }));
    k.push_back(q("radiator.areal_mass_kg_per_m2", qk::dimensionless, [](site_inputs& in) { return &in.radiator.mass_kg_per_m2; }));
    k.push_back(q("radiator.planet_view_factor", qk::dimensionless, [](site_inputs& in) { return &in.radiator_planet_view_factor; }));
    k.push_back(q("max_passive_radiator_temperature", qk::temperature,
                  [](site_inputs& in) { return &in.max_passive_radiator_temperature_k; }));
    k.push_back(q("heat_pump_carnot_fraction", qk::dimensionless, [](site_inputs& in) { return &in.heat_pump_carnot_fraction; }));
    k.push_back(q("shielding_kg_per_kw", qk::dimensionless, [](site_inputs& in) { return &in.shielding_kg_per_kw; }));
    k.push_back(q("bus_mass_fraction", qk::dimensionless, [](site_inputs& in) { return &in.bus_mass_fraction; }));
    k.push_back(q("spacecraft_price", qk::price_per_mass, [](site_inputs& in) { return &in.spacecraft_price_usd_per_kg; }));
    k.push_back(q("launch_price", qk::price_per_mass, [](site_inputs& in) { return &in.launch_price_usd_per_kg; }));
    size_key launcher;
    launcher.name = "launcher";
    launcher.t = size_key::type::text;
    launcher.set_text = [](site_inputs& in, const std::string& v) { in.launcher = io::find_launcher(v); };
    launcher.get_text = [](const site_inputs& in) { return in.launcher.name; };
    k.push_back(launcher);
}

/// The keys of its operation: radiation and failures, the power plant, water and carbon, and the Moon.
void add_operation_keys(std::vector<size_key>& k) {
    using qk = quantity_kind;
    k.push_back(q("radiation.dose_rate_rad_per_year", qk::dimensionless,
                  [](site_inputs& in) { return &in.radiation.dose_rate_rad_per_year; }));
    k.push_back(q("radiation.rad_per_sdc", qk::dimensionless, [](site_inputs& in) { return &in.radiation.rad_per_sdc; }));
    k.push_back(q("radiation.rad_per_sefi", qk::dimensionless, [](site_inputs& in) { return &in.radiation.rad_per_sefi; }));
    k.push_back(q("radiation.tid_limit_rad", qk::dimensionless, [](site_inputs& in) { return &in.radiation.tid_limit_rad; }));
    k.push_back(q("failure_rate", qk::rate, [](site_inputs& in) { return &in.failure_rate_per_year; }, year_s));
    k.push_back(b("replace_failures", [](site_inputs& in) { return &in.replace_failures; }));
    size_key plant;
    plant.name = "plant";
    plant.t = size_key::type::text;
    plant.set_text = [](site_inputs& in, const std::string& v) {
        in.plant = energy::default_plant(energy::plant_kind_from_string(v));
    };
    plant.get_text = [](const site_inputs& in) { return std::string(energy::to_string(in.plant.kind)); };
    k.push_back(plant);
    k.push_back(q("pue", qk::dimensionless, [](site_inputs& in) { return &in.pue; }));
    k.push_back(q("energy_price", qk::price_per_energy, [](site_inputs& in) { return &in.plant.energy_price_usd_per_j; }));
    k.push_back(q("carbon_intensity", qk::mass_per_energy, [](site_inputs& in) { return &in.plant.carbon_kg_per_j; }));
    k.push_back(q("plant.capex", qk::price_per_power, [](site_inputs& in) { return &in.plant.capex_usd_per_w; }));
    k.push_back(q("plant.capacity_factor", qk::dimensionless, [](site_inputs& in) { return &in.plant.capacity_factor; }));
    k.push_back(q("facility_capex", qk::price_per_power, [](site_inputs& in) { return &in.facility_capex_usd_per_w; }));
    k.push_back(q("wue_l_per_kwh", qk::dimensionless, [](site_inputs& in) { return &in.wue_m3_per_j; }, 1e-3 / 3.6e6));
    k.push_back(b("lunar.polar", [](site_inputs& in) { return &in.lunar_polar; }));
    k.push_back(q("lunar.sunlit_fraction", qk::dimensionless, [](site_inputs& in) { return &in.lunar_sunlit_fraction; }));
    k.push_back(q("lunar.longest_night", qk::time, [](site_inputs& in) { return &in.lunar_longest_night_s; }));
    k.push_back(q("lunar.latitude", qk::angle, [](site_inputs& in) { return &in.lunar_latitude_rad; }));
    k.push_back(q("lunar.ground_temperature", qk::temperature, [](site_inputs& in) { return &in.lunar_ground_temperature_k; }));
    k.push_back(q("regolith_share", qk::dimensionless, [](site_inputs& in) { return &in.regolith_share; }));
    k.push_back(q("regolith_price", qk::price_per_mass, [](site_inputs& in) { return &in.regolith_price_usd_per_kg; }));
    k.push_back(q("moon_delivery_price", qk::price_per_mass, [](site_inputs& in) { return &in.moon_delivery_price_usd_per_kg; }));
    k.push_back(q("mass_driver.rate_t_per_year", qk::dimensionless,
                  [](site_inputs& in) { return &in.mass_driver_rate_kg_per_year; }, 1e3));
    k.push_back(q("mass_driver.launch_speed_m_per_s", qk::dimensionless,
                  [](site_inputs& in) { return &in.mass_driver.launch_speed_m_s; }));
    k.push_back(q("mass_driver.efficiency", qk::dimensionless, [](site_inputs& in) { return &in.mass_driver.efficiency; }));
}

/// Every input of the site design, in the order `--json` echoes them (docs/models/sites.md lists them).
const std::vector<size_key>& size_keys() {
    static const std::vector<size_key> keys = [] {
        std::vector<size_key> k;
        add_design_keys(k);
        add_operation_keys(k);
        return k;
    }();
    return keys;
}

/// The key named `name`; input_error listing the keys for another name.
const size_key& find_key(const std::string& name) {
    std::string known;
    for (const auto& k : size_keys()) {
        if (k.name == name) return k;
        known += (known.empty() ? "" : ", ") + k.name;
    }
    throw input_error(fmt::format("size: unknown key \"{}\"; known keys: {}", name, known));
}

/// The value of key `k` of `in` as text, in the unit its key is written in.
std::string get_key(const site_inputs& in, const size_key& k) {
    auto& mut = const_cast<site_inputs&>(in);  // NOTE: the accessors are shared with set_site_input; nothing is written here
    switch (k.t) {
        case size_key::type::quantity: {
            const double v = *k.number(mut) / k.scale;
            return k.kind == quantity_kind::dimensionless ? fmt::format("{:g}", v) : format_quantity(v, k.kind);
        }
        case size_key::type::boolean: return *k.flag(mut) ? "true" : "false";
        case size_key::type::text: return k.get_text(in);
    }
    return "";
}

/// The design against physics and the world: peak power, its shares of the Sun's output, its Kardashev index,
/// and every plausibility bound it exceeds (an empty "warnings" array when none).
void add_scale_outputs(nlohmann::ordered_json& j, const site_inputs& in, const economy::site_design& d) {
    const double peak_w = economy::site_peak_power_w(d);
    j["peak_power_w"] = peak_w;
    j["earth_sunlight_share"] = economy::earth_sunlight_share(peak_w);
    j["solar_luminosity_share"] = economy::solar_luminosity_share(peak_w);
    j["kardashev_index"] = peak_w > 0.0 ? nlohmann::ordered_json(economy::kardashev_index(peak_w)) : nlohmann::ordered_json();
    auto warnings = nlohmann::ordered_json::array();
    for (const auto& x : economy::exceeded_bounds(in, d)) {
        nlohmann::ordered_json w;
        w["bound"] = economy::to_string(x.bound.kind);
        w["value"] = x.value;
        w["limit"] = x.bound.limit;
        w["unit"] = x.bound.unit;
        w["ratio"] = x.ratio;
        w["source"] = x.bound.source;
        w["message"] = economy::describe(x);
        warnings.push_back(w);
    }
    j["warnings"] = warnings;
}

/// The outputs of the design, after every input echoed under "inputs".
nlohmann::ordered_json outputs(const site_inputs& in, const economy::site_design& d) {
    nlohmann::ordered_json j;
    nlohmann::ordered_json inputs;
    for (const auto& k : size_keys()) inputs[k.name] = get_key(in, k);
    j["inputs"] = inputs;
    j["array_area_m2"] = d.array_area_m2;
    j["radiator_area_m2"] = d.radiator_area_m2;
    j["battery_kwh"] = d.battery_j / constants::joules_per_kwh;
    j["mass_kg"] = d.mass_kg;
    j["kg_per_kw"] = d.kg_per_kw;
    j["launches"] = d.launches;
    j["capex_usd"] = d.capex_usd;
    j["usd_per_kw_year"] = d.usd_per_kw_year;
    j["usd_per_gpu_hour"] = d.usd_per_gpu_hour;
    j["sunlit_fraction"] = d.sunlit_fraction;
    j["accelerators"] = d.accelerators;
    j["satellites"] = d.satellites;
    j["clusters"] = d.clusters;
    j["launch_years"] = d.launch_years;
    j["worst_dark_s"] = d.worst_dark_s;
    j["load_w"] = d.load_w;
    j["heat_pump_work_w"] = d.heat_pump_work_w;
    j["array_power_w"] = d.array_power_w;
    j["array_mass_kg"] = d.array_mass_kg;
    j["battery_mass_kg"] = d.battery_mass_kg;
    j["heat_w"] = d.heat_w;
    j["radiator_net_w_per_m2"] = d.radiator_net_w_per_m2;
    j["radiator_mass_kg"] = d.radiator_mass_kg;
    j["compute_mass_kg"] = d.compute_mass_kg;
    j["shielding_mass_kg"] = d.shielding_mass_kg;
    j["bus_mass_kg"] = d.bus_mass_kg;
    j["launched_mass_kg"] = d.launched_mass_kg;
    j["compute_usd"] = d.compute_usd;
    j["hardware_usd"] = d.hardware_usd;
    j["launch_usd"] = d.launch_usd;
    j["annual_opex_usd"] = d.annual_opex_usd;
    j["launch_usd_per_kw_year"] = d.launch_usd_per_kw_year;
    j["energy_usd_per_kw_year"] = d.energy_usd_per_kw_year;
    j["mean_usable_fraction"] = d.mean_usable_fraction;
    j["replacement_mass_kg_per_year"] = d.replacement_mass_kg_per_year;
    j["sdc_per_accelerator_year"] = d.radiation.sdc_per_year;
    j["sefi_per_accelerator_year"] = d.radiation.sefi_per_year;
    j["water_m3_per_year"] = d.water_m3_per_year;
    j["carbon_kg_per_year"] = d.carbon_kg_per_year;
    j["mass_driver_power_w"] = d.mass_driver_power_w;
    j["mass_driver_track_m"] = d.mass_driver_track_m;
    j["mass_driver_it_w_per_year"] = d.mass_driver_it_w_per_year;
    add_scale_outputs(j, in, d);
    return j;
}

/// Launch price [USD/kg] at which `f(price)` (linear in the price) equals `target`; negative when none >= 0.
double crossover(const std::function<double(double)>& f, double target) {
    const double a = f(0.0);
    const double slope = (f(1000.0) - a) / 1000.0;
    if (slope <= 0.0) return -1.0;
    return (target - a) / slope;
}

std::string price_text(double p) { return p < 0.0 ? "none (costlier even at 0 USD/kg)" : fmt::format("{:.0f} USD/kg", p); }

}  // namespace

void set_site_input(site_inputs& in, const std::string& name, const std::string& value) {
    const auto& k = find_key(name);
    try {
        switch (k.t) {
            case size_key::type::quantity: *k.number(in) = parse_quantity(value, k.kind) * k.scale; break;
            case size_key::type::boolean:
                if (value == "true") *k.flag(in) = true;
                else if (value == "false") *k.flag(in) = false;
                else throw input_error(fmt::format("expected true or false, got \"{}\"", value));
                break;
            case size_key::type::text: k.set_text(in, value); break;
        }
    } catch (const input_error& e) {
        const std::string what = e.what();
        if (what.rfind(name + ":", 0) == 0) throw;
        throw input_error(fmt::format("{}: {}", name, what));
    }
}

void set_site_orbit(site_inputs& in, const std::string& text) {
    const auto comma = text.find(',');
    in.altitude_m = parse_quantity(text.substr(0, comma), quantity_kind::length);
    if (comma == std::string::npos) {
        in.sun_synchronous = true;
    } else {
        in.sun_synchronous = false;
        in.inclination_rad = parse_quantity(text.substr(comma + 1), quantity_kind::angle);
    }
}

std::string sites_comparison_markdown(site_inputs base, const std::vector<double>& prices) {
    auto at = [&](economy::site_kind kind, double price) {
        site_inputs in = base;
        in.kind = kind;
        in.launch_price_usd_per_kg = price;
        return economy::design_site(in);
    };
    const auto ground = at(economy::site_kind::ground, base.launch_price_usd_per_kg);
    std::string md;
    md += fmt::format("# Ground vs orbit vs Moon for {} of IT power\n\n",
                      format_quantity(base.it_power_w, quantity_kind::power));
    md += "Generated by `kardashev size --compare` (tools/make_sites_comparison.sh); do not edit by hand. The models\n"
          "and their defaults are in [models/sites.md](models/sites.md); every input is listed at the end.\n\n";
    md += "System boundaries (published estimates differ mostly here):\n\n"
          "- **full**: (capital / life + yearly opex) per kW of IT, and per usable accelerator-hour;\n"
          "- **launched power** (Suncatcher Table 1): launch money / life per kW of IT, against the ground's\n"
          "  **power spend** (energy price x hours x PUE per kW of IT).\n\n";
    md += "| launch price | ground full USD/kW/yr | orbit full USD/kW/yr | Moon full USD/kW/yr | ground USD/GPU-h | "
          "orbit USD/GPU-h | Moon USD/GPU-h | orbit launched power USD/kW/yr | ground power spend USD/kW/yr |\n";
    md += "|---|---|---|---|---|---|---|---|---|\n";
    for (double p : prices) {
        const auto o = at(economy::site_kind::orbit, p);
        const auto m = at(economy::site_kind::moon, p);
        md += fmt::format("| {:.0f} USD/kg | {:.0f} | {:.0f} | {:.0f} | {:.2f} | {:.2f} | {:.2f} | {:.0f} | {:.0f} |\n", p,
                          ground.usd_per_kw_year, o.usd_per_kw_year, m.usd_per_kw_year, ground.usd_per_gpu_hour,
                          o.usd_per_gpu_hour, m.usd_per_gpu_hour, o.launch_usd_per_kw_year, ground.energy_usd_per_kw_year);
    }
    const auto o0 = at(economy::site_kind::orbit, 0.0);
    const auto m0 = at(economy::site_kind::moon, 0.0);
    md += "\nMass and launches do not depend on the price:\n\n";
    md += "| site | kg/kW | array m^2 | radiator m^2 | storage kWh | launches | sunlit fraction |\n|---|---|---|---|---|---|---|\n";
    md += fmt::format("| orbit | {:.1f} | {:.4g} | {:.4g} | {:.4g} | {:.0f} | {:.4f} |\n", o0.kg_per_kw, o0.array_area_m2,
                      o0.radiator_area_m2, o0.battery_j / 3.6e6, o0.launches, o0.sunlit_fraction);
    md += fmt::format("| Moon | {:.1f} | {:.4g} | {:.4g} | {:.4g} | {:.0f} | {:.4f} |\n\n", m0.kg_per_kw, m0.array_area_m2,
                      m0.radiator_area_m2, m0.battery_j / 3.6e6, m0.launches, m0.sunlit_fraction);
    auto full = [&](economy::site_kind kind) {
        return [&, kind](double p) { return at(kind, p).usd_per_kw_year; };
    };
    auto gpu = [&](economy::site_kind kind) {
        return [&, kind](double p) { return at(kind, p).usd_per_gpu_hour; };
    };
    md += "Crossover launch price, where the site matches the ground:\n\n";
    md += fmt::format("- orbit, full cost per kW-year: {}\n", price_text(crossover(full(economy::site_kind::orbit), ground.usd_per_kw_year)));
    md += fmt::format("- orbit, full cost per GPU-hour: {}\n", price_text(crossover(gpu(economy::site_kind::orbit), ground.usd_per_gpu_hour)));
    md += fmt::format("- orbit, launched power against power spend: {}\n",
                      price_text(crossover([&](double p) { return at(economy::site_kind::orbit, p).launch_usd_per_kw_year; },
                                           ground.energy_usd_per_kw_year)));
    md += fmt::format("- Moon, full cost per kW-year: {}\n\n", price_text(crossover(full(economy::site_kind::moon), ground.usd_per_kw_year)));
    md += "Inputs (the same for every site; `site` and `launch_price` vary as above):\n\n| key | value |\n|---|---|\n";
    for (const auto& k : size_keys()) {
        if (k.name == "site" || k.name == "launch_price") continue;
        md += fmt::format("| {} | {} |\n", k.name, get_key(base, k));
    }
    return md;
}

std::vector<std::string> site_design_warnings(const site_inputs& in, const economy::site_design& d) {
    std::vector<std::string> out;
    for (const auto& x : economy::exceeded_bounds(in, d)) out.push_back(economy::describe(x));
    return out;
}

std::string site_design_json(const site_inputs& in, const economy::site_design& d) { return outputs(in, d).dump(2); }

std::string site_design_text(const site_inputs& in, const economy::site_design& d) {
    std::string out = fmt::format("kardashev size: {} site, {} of IT power\n\n", economy::to_string(in.kind),
                                  format_quantity(in.it_power_w, quantity_kind::power));
    const auto j = outputs(in, d);
    for (const auto& [key, value] : j.items()) {
        if (!value.is_number()) continue;  // the inputs, the warnings (site_design_warnings), a missing index
        out += fmt::format("  {:<30} {:.6g}\n", key, value.get<double>());
    }
    return out;
}

economy::site_inputs site_inputs_of(const site_request& r) {
    economy::site_inputs in;
    in.launcher = find_launcher("Starship V3");
    set_site_input(in, "site", r.site);
    if (!r.it_power.empty()) set_site_input(in, "it_power", r.it_power);
    if (!r.orbit.empty()) {
        try {
            set_site_orbit(in, r.orbit);
        } catch (const input_error& e) {
            throw input_error(fmt::format("--orbit: {}", e.what()));
        }
    }
    if (!r.launch_price.empty()) set_site_input(in, "launch_price", r.launch_price);
    if (!r.launcher.empty()) set_site_input(in, "launcher", r.launcher);
    for (const auto& [key, value] : r.sets) set_site_input(in, key, value);
    return in;
}

}  // namespace kardashev::io
