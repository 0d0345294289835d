#include "kardashev/io/run_folder.hpp"

#include <array>
#include <cstdint>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "kardashev/core/error.hpp"
#include "kardashev/io/czml.hpp"
#include "kardashev/io/folder_swap.hpp"
#include "kardashev/io/report.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/scene.hpp"
#include "money_outputs.hpp"

namespace kardashev::io {

namespace {

/// CSV field: quoted when it holds a comma, quote or newline (RFC 4180).
std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

/// A YAML tree as JSON: mappings and sequences kept, scalars as strings (units stay readable).
nlohmann::ordered_json yaml_to_json(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map: {
            nlohmann::ordered_json j = nlohmann::ordered_json::object();
            for (const auto& kv : n) j[kv.first.as<std::string>()] = yaml_to_json(kv.second);
            return j;
        }
        case YAML::NodeType::Sequence: {
            nlohmann::ordered_json j = nlohmann::ordered_json::array();
            for (const auto& v : n) j.push_back(yaml_to_json(v));
            return j;
        }
        case YAML::NodeType::Scalar: return n.Scalar();
        default: return nullptr;
    }
}

}  // namespace

std::string timeseries_csv(const sim::run_result& r) {
    const auto& rec = r.record;
    std::vector<std::string> times;
    times.reserve(rec.step_times().size());
    for (const auto& t : rec.step_times()) times.push_back(t.to_utc_iso());
    std::vector<std::string> prefix;  // "entity,metric," per channel
    std::vector<std::string> suffix;  // ",unit\n" per channel
    for (const auto& c : rec.channels()) {
        prefix.push_back(csv_field(c.entity) + "," + csv_field(c.metric) + ",");
        suffix.push_back("," + csv_field(c.unit) + "\n");
    }
    std::string out = "time_utc,entity,metric,value,unit\n";
    out.reserve(rec.rows().size() * 64);
    fmt::memory_buffer buf;
    for (const auto& row : rec.rows()) {
        out += times[static_cast<std::size_t>(row.step)];
        out += ',';
        out += prefix[row.channel];
        buf.clear();
        fmt::format_to(std::back_inserter(buf), "{}", row.value);
        out.append(buf.data(), buf.size());
        out += suffix[row.channel];
    }
    return out;
}

std::string events_csv(const sim::run_result& r) {
    std::string out = "time_utc,kind,entity,detail\n";
    for (const auto& e : r.record.events())
        out += fmt::format("{},{},{},{}\n", e.at.to_utc_iso(), csv_field(e.kind), csv_field(e.entity), csv_field(e.detail));
    return out;
}

namespace {

/// The dates orbit and Moon first undercut the ground (ISO dates or null) and the yearly table by site kind.
void add_crossover(const sim::run_summary& sum, nlohmann::ordered_json& j) {
    const auto date = [](const std::optional<epoch>& at) {
        return at ? nlohmann::ordered_json(at->to_utc_date()) : nlohmann::ordered_json(nullptr);
    };
    j["orbit_cheaper_than_ground_from"] = date(sum.orbit_cheaper_than_ground_from);
    j["moon_cheaper_than_ground_from"] = date(sum.moon_cheaper_than_ground_from);
    auto& years = j["years"] = nlohmann::ordered_json::array();
    for (const auto& y : sum.years) {
        nlohmann::ordered_json row{{"year", y.year}};
        for (std::size_t k = 0; k < y.kinds.size(); ++k) {
            const auto& kind = y.kinds[k];
            row[std::string(sim::to_string(static_cast<sim::site_kind>(k)))] = {
                {"launches", kind.launches},
                {"launched_mass_kg", kind.launched_mass_kg},
                {"it_power_added_w", kind.it_power_added_w}};
        }
        years.push_back(row);
    }
}

/// `lines`: each model line's generations, corpus, compute and binding steps (fleet.lines; absent without lines).
void write_lines_json(nlohmann::ordered_json& j, const sim::run_summary& sum) {
    if (sum.lines.empty()) return;
    auto& lines = j["lines"] = nlohmann::ordered_json::array();
    for (const auto& line : sum.lines) {
        nlohmann::ordered_json e;
        e["name"] = line.name;
        e["final_unique_tokens"] = line.final_unique_tokens;
        e["total_effective_flop"] = line.total_effective_flop;
        auto& bind = e["binding_steps"] = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < sim::constraint_count; ++i)
            bind[std::string(sim::to_string(static_cast<sim::constraint>(i)))] = line.binding_steps[i];
        auto& gens = e["generations"] = nlohmann::ordered_json::array();
        for (const auto& g : line.generations)
            gens.push_back({{"index", g.index},
                            {"released_utc", g.released.to_utc_iso()},
                            {"effective_flop", g.effective_flop},
                            {"params", g.params},
                            {"tokens", g.tokens},
                            {"unique_tokens", g.unique_tokens},
                            {"loss", g.loss},
                            {"quality", g.quality},
                            {"data_limited", g.data_limited}});
        lines.push_back(e);
    }
}

/// binding_steps, buildout_binding_steps and supply_binding_steps: steps per constraint, every constraint named.
void write_binding_json(nlohmann::ordered_json& j, const sim::run_summary& sum) {
    const std::array<std::pair<const char*, const std::array<std::int64_t, sim::constraint_count>*>, 3> counts{{
        {"binding_steps", &sum.binding_steps},
        {"buildout_binding_steps", &sum.buildout_binding_steps},
        {"supply_binding_steps", &sum.supply_binding_steps},
    }};
    for (const auto& [key, steps] : counts) {
        auto& out = j[key] = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < sim::constraint_count; ++i)
            out[std::string(sim::to_string(static_cast<sim::constraint>(i)))] = (*steps)[i];
    }
}

/// Whether a launcher of `s` can fail (a reliability below 1): the summary then has `launch_failures`.
bool launch_failures_modelled(const sim::scenario& s) {
    for (const auto& l : s.launch.launchers)
        if (l.vehicle.reliability < 1.0) return true;
    return false;
}

/// `launch_failures`: failed flights and the mass lost with them (absent when every launcher's reliability is 1).
void write_launch_failures_json(nlohmann::ordered_json& j, const sim::scenario& s, const sim::run_summary& sum) {
    if (!launch_failures_modelled(s)) return;
    j["launch_failures"] = {{"flights", sum.launch_failed_flights}, {"lost_mass_kg", sum.launch_lost_mass_kg}};
    for (std::size_t i = 0; i < sum.sites.size(); ++i) j["sites"][i]["launch_lost_accelerators"] = sum.sites[i].launch_lost_accelerators;
}

}  // namespace

std::string summary_json(const sim::scenario& s, const sim::run_result& r) {
    const auto& sum = r.summary;
    nlohmann::ordered_json j;
    j["kardashev_version"] = KD_VERSION;
    j["scenario"] = s.name;
    j["seed"] = s.seed;
    j["start_utc"] = s.start.to_utc_iso();
    j["end_utc"] = (s.start + s.step * sum.steps).to_utc_iso();
    j["steps"] = sum.steps;
    auto& gens = j["generations"] = nlohmann::ordered_json::array();
    for (const auto& g : sum.generations) {
        gens.push_back({{"index", g.index},
                        {"started_utc", g.started.to_utc_iso()},
                        {"released_utc", g.released.to_utc_iso()},
                        {"flop", g.flop},
                        {"effective_flop", g.effective_flop},
                        {"params", g.params},
                        {"tokens", g.tokens},
                        {"unique_tokens", g.unique_tokens},
                        {"loss_nats_per_token", g.loss},
                        {"quality", g.quality},
                        {"binding", std::string(sim::to_string(g.binding))}});
    }
    auto& fleet = j["final_fleet_units"] = nlohmann::ordered_json::object();
    for (const auto& [name, units] : sum.final_fleet_units) fleet[name] = units;
    j["final_unique_tokens"] = sum.final_unique_tokens;
    j["total_bytes_uploaded"] = sum.total_bytes_uploaded;
    j["costs_usd"] = {{"capex", sum.total_capex_usd},
                      {"power_plant_capex", sum.total_power_plant_capex_usd},
                      {"energy_opex", sum.total_opex_usd},
                      {"depreciation", sum.total_depreciation_usd},
                      {"capital_charge", sum.total_capital_charge_usd},
                      {"per_accelerator_hour", sum.cost_per_accelerator_hour_usd}};
    j["accelerator_hours"] = sum.accelerator_hours;
    j["total_energy_j"] = sum.total_energy_j;
    j["emissions_kg"] = sum.total_emissions_kg;
    j["peak_facility_power_w"] = sum.peak_facility_power_w;
    j["kardashev_index_peak"] = sum.kardashev_index_peak;
    j["peak_sun_share"] = sum.peak_sun_share;
    j["peak_earth_sunlight_share"] = sum.peak_earth_sunlight_share;
    add_crossover(sum, j);
    auto& warnings = j["warnings"] = nlohmann::ordered_json::array();
    for (const auto& w : sum.warnings)
        warnings.push_back({{"entity", w.entity},
                            {"bound", std::string(economy::to_string(w.excess.bound.kind))},
                            {"value", w.excess.value},
                            {"limit", w.excess.bound.limit},
                            {"unit", std::string(w.excess.bound.unit)},
                            {"ratio", w.excess.ratio},
                            {"source", std::string(w.excess.bound.source)},
                            {"message", w.message}});
    auto& sites = j["sites"] = nlohmann::ordered_json::array();
    for (const auto& st : sum.sites) {
        nlohmann::ordered_json e{{"name", st.name},
                                 {"kind", std::string(sim::to_string(st.kind))},
                                 {"accelerator_hours", st.accelerator_hours},
                                 {"running_accelerator_hours", st.running_accelerator_hours},
                                 {"capex_usd", st.capex_usd},
                                 {"power_plant_capex_usd", st.power_plant_capex_usd},
                                 {"depreciation_usd", st.depreciation_usd},
                                 {"capital_charge_usd", st.capital_charge_usd},
                                 {"energy_j", st.energy_j},
                                 {"energy_usd", st.energy_usd},
                                 {"emissions_kg", st.emissions_kg},
                                 {"cost_per_accelerator_hour_usd", st.cost_per_accelerator_hour_usd},
                                 {"peak_it_power_w", st.peak_it_power_w},
                                 {"failed_accelerators", st.failed_accelerators},
                                 {"retired_accelerators", st.retired_accelerators}};
        auto& parts = e["parts"] = nlohmann::ordered_json::array();
        for (const auto& part : st.parts) {
            parts.push_back({{"accelerator", part.accelerator},
                             {"bought", part.bought},
                             {"accelerator_hours", part.accelerator_hours},
                             {"running_accelerator_hours", part.running_accelerator_hours},
                             {"capital_charge_usd", part.capital_charge_usd},
                             {"cost_per_accelerator_hour_usd", part.cost_per_accelerator_hour_usd}});
        }
        if (st.has_design) {
            e["design"] = {{"kg_per_kw", st.kg_per_kw},
                           {"mass_kg", st.mass_kg},
                           {"launches", st.launches},
                           {"array_area_m2", st.array_area_m2},
                           {"radiator_area_m2", st.radiator_area_m2},
                           {"battery_kwh", st.battery_kwh},
                           {"usd_per_kw_year", st.design_usd_per_kw_year},
                           {"usd_per_gpu_hour", st.design_usd_per_gpu_hour}};
        }
        sites.push_back(e);
    }
    write_binding_json(j, sum);
    write_lines_json(j, sum);
    write_launch_failures_json(j, s, sum);
    detail::add_money_json(sum, j);
    j["inputs"] = yaml_to_json(YAML::Load(write_scenario_yaml(s)));
    return j.dump(2) + "\n";
}

void write_run_folder(const std::filesystem::path& dir, const sim::scenario& s, const sim::run_result& r, bool force) {
    write_folder(dir, force, [&](const std::filesystem::path& tmp) {
        run_files files;
        files.summary_json = summary_json(s, r);
        files.timeseries_csv = timeseries_csv(r);
        files.events_csv = events_csv(r);
        files.scenario_yaml = write_scenario_yaml(s);
        write_text_file(tmp / "summary.json", files.summary_json);
        write_text_file(tmp / "timeseries.csv", files.timeseries_csv);
        write_text_file(tmp / "events.csv", files.events_csv);
        write_text_file(tmp / "scenario.resolved.yaml", files.scenario_yaml);
        // Rendered from the texts just written, as `kardashev report` renders it from the files: the same bytes.
        write_text_file(tmp / "report.html", render_report(files));
        write_text_file(tmp / "scene.czml", scene_czml(sim::compose_scene(s)));
    }, "run folder");
}

}  // namespace kardashev::io
