#pragma once
/// The keys of the scenario language (docs/scenarios.md), shared by the reader, the writer and the
/// `--set` overrides so that the three agree (private to io).

#include <span>
#include <string_view>
#include <vector>

namespace kardashev::io::detail {

/// What a key holds.
enum class field_shape {
    value,     //!< a scalar
    schedule,  //!< a scalar, or a sequence of {from, value} mappings
    mapping,   //!< a mapping of the keys of `child`
    list,      //!< a sequence of mappings of the keys of `child`
};

struct map_spec;

/// One key of a mapping.
struct field_spec {
    std::string_view key;
    field_shape shape = field_shape::value;
    const map_spec* child = nullptr;
};

/// The keys a mapping may hold, in the order of the language.
struct map_spec {
    std::span<const field_spec> fields;

    /// Returns the field named `key`, or nullptr.
    [[nodiscard]] constexpr const field_spec* find(std::string_view key) const {
        for (const auto& f : fields) {
            if (f.key == key) return &f;
        }
        return nullptr;
    }
    /// Returns every key, in order.
    [[nodiscard]] std::vector<std::string_view> keys() const {
        std::vector<std::string_view> out;
        for (const auto& f : fields) out.push_back(f.key);
        return out;
    }
};

inline constexpr field_spec schedule_point_fields[] = {{"from"}, {"value"}};
inline constexpr map_spec schedule_point_spec{schedule_point_fields};

inline constexpr field_spec accelerator_fields[] = {
    {"name"}, {"available"}, {"peak_flops_bf16"}, {"peak_flops_fp8"}, {"hbm"}, {"hbm_bandwidth"}, {"power"}, {"all_in_power"}, {"price"}, {"source"},
    {"scale_up_size"}, {"scale_up_bandwidth"}, {"scale_out_bandwidth"}, {"matmul_efficiency"},
};
inline constexpr map_spec accelerator_spec{accelerator_fields};

inline constexpr field_spec cohort_fields[] = {
    {"name"},
    {"kind"},
    {"start"},
    {"end"},
    {"units"},
    {"market_size", field_shape::schedule, &schedule_point_spec},
    {"growth_rate", field_shape::schedule, &schedule_point_spec},
    {"production", field_shape::schedule, &schedule_point_spec},
    {"service_life"},
    {"raw_data_per_unit", field_shape::schedule, &schedule_point_spec},
    {"upload_fraction", field_shape::schedule, &schedule_point_spec},
    {"curation_yield", field_shape::schedule, &schedule_point_spec},
    {"tokens_per_byte"},
    {"quality_elasticity"},
};
inline constexpr map_spec cohort_spec{cohort_fields};

inline constexpr field_spec line_source_fields[] = {{"cohort"}, {"weight"}};
inline constexpr map_spec line_source_spec{line_source_fields};

inline constexpr field_spec model_line_fields[] = {
    {"name"}, {"unit"}, {"law"}, {"sources", field_shape::list, &line_source_spec}, {"initial_unique_tokens"},
    {"unique_token_cap"}, {"compute_share"}, {"reference_compute"}, {"cadence"},
};
inline constexpr map_spec model_line_spec{model_line_fields};

inline constexpr field_spec fleet_fields[] = {
    {"cohorts", field_shape::list, &cohort_spec}, {"lines", field_shape::list, &model_line_spec}, {"allocation"}};
inline constexpr map_spec fleet_spec{fleet_fields};

inline constexpr field_spec corpus_fields[] = {{"initial_unique_tokens"}, {"max_epochs"}, {"repetition_constant"}};
inline constexpr map_spec corpus_spec{corpus_fields};

inline constexpr field_spec site_location_fields[] = {{"latitude"}, {"longitude"}};
inline constexpr map_spec site_location_spec{site_location_fields};

inline constexpr field_spec region_share_fields[] = {{"name"}, {"share", field_shape::schedule, &schedule_point_spec}, {"approved"}};
inline constexpr map_spec region_share_spec{region_share_fields};

inline constexpr field_spec uplink_region_fields[] = {
    {"name"}, {"location", field_shape::mapping, &site_location_spec}, {"cohorts", field_shape::list, &region_share_spec},
    {"fibre_to"},
};
inline constexpr map_spec uplink_region_spec{uplink_region_fields};

inline constexpr field_spec uplink_network_fields[] = {
    {"constellation"},
    {"min_elevation"},
    {"isl_capacity", field_shape::schedule, &schedule_point_spec},
    {"user_link_capacity", field_shape::schedule, &schedule_point_spec},
    {"gateway_link_capacity", field_shape::schedule, &schedule_point_spec},
    {"fibre_capacity", field_shape::schedule, &schedule_point_spec},
    {"fibre_route_factor"},
    {"window"},
    {"samples"},
    {"regions", field_shape::list, &uplink_region_spec},
};
inline constexpr map_spec uplink_network_spec{uplink_network_fields};

inline constexpr field_spec uplink_fields[] = {
    {"capacity", field_shape::schedule, &schedule_point_spec},
    {"network", field_shape::mapping, &uplink_network_spec},
};
inline constexpr map_spec uplink_spec{uplink_fields};

inline constexpr field_spec site_orbit_fields[] = {
    {"altitude"}, {"ltan"}, {"inclination"}, {"raan"}, {"shadow"}, {"satellite_size"}, {"isl_bandwidth"}, {"isl_latency"},
};
inline constexpr map_spec site_orbit_spec{site_orbit_fields};

inline constexpr field_spec mass_driver_fields[] = {
    {"rate", field_shape::schedule, &schedule_point_spec}, {"launch_speed"}, {"efficiency"}, {"acceleration"},
};
inline constexpr map_spec mass_driver_spec{mass_driver_fields};

inline constexpr field_spec lunar_industry_fields[] = {
    {"regolith_share", field_shape::schedule, &schedule_point_spec},
    {"mass_driver", field_shape::mapping, &mass_driver_spec},
    {"plant_power", field_shape::schedule, &schedule_point_spec},
    {"delivery_price", field_shape::schedule, &schedule_point_spec},
    {"earth_shipments", field_shape::schedule, &schedule_point_spec},
};
inline constexpr map_spec lunar_industry_spec{lunar_industry_fields};

inline constexpr field_spec site_moon_fields[] = {
    {"location"}, {"sunlit_fraction"}, {"industry", field_shape::mapping, &lunar_industry_spec},
};
inline constexpr map_spec site_moon_spec{site_moon_fields};

inline constexpr field_spec power_block_fields[] = {
    {"from"}, {"source"}, {"capacity"}, {"capex"}, {"energy_price"}, {"carbon_intensity"}, {"lead_time"}, {"life"},
};
inline constexpr map_spec power_block_spec{power_block_fields};

inline constexpr field_spec site_fields[] = {
    {"name"},
    {"kind"},
    {"location", field_shape::mapping, &site_location_spec},
    {"orbit", field_shape::mapping, &site_orbit_spec},
    {"moon", field_shape::mapping, &site_moon_spec},
    {"launch_price"},  // rejected: the launch price is scenario.launch's (read to say so)
    {"failure_rate"},
    {"accelerator"},
    {"purchase"},
    {"replace_retired"},
    {"serving_only"},
    {"accelerators", field_shape::schedule, &schedule_point_spec},
    {"power_capacity", field_shape::schedule, &schedule_point_spec},
    {"pue"},
    {"energy_price", field_shape::schedule, &schedule_point_spec},
    {"carbon_intensity", field_shape::schedule, &schedule_point_spec},
    {"power_plant", field_shape::list, &power_block_spec},
    {"facility_capex"},
    {"facility_life"},
};
inline constexpr map_spec site_spec{site_fields};

/// `off`, `on`, or a mapping of these keys.
inline constexpr field_spec algorithmic_progress_fields[] = {{"halving_time"}};
inline constexpr map_spec algorithmic_progress_spec{algorithmic_progress_fields};

inline constexpr field_spec training_fields[] = {
    {"scaling_law"}, {"mfu"}, {"goodput"}, {"utilisation"}, {"accelerator_mtbf"}, {"checkpoint_write"}, {"restart"},
    {"generation_length"}, {"release_gap"}, {"reference_loss"},
    {"algorithmic_progress", field_shape::mapping, &algorithmic_progress_spec},
};
inline constexpr map_spec training_spec{training_fields};

inline constexpr field_spec economy_fields[] = {
    {"capex_budget", field_shape::schedule, &schedule_point_spec}, {"chip_supply", field_shape::schedule, &schedule_point_spec},
    {"accelerator_life"}, {"facility_life"}, {"cost_of_capital"},
};
inline constexpr map_spec economy_spec{economy_fields};

inline constexpr field_spec financing_fields[] = {
    {"name"}, {"kind"}, {"date"}, {"amount"}, {"rate"}, {"term"}, {"revenue_share"}, {"source"},
};
inline constexpr map_spec financing_spec{financing_fields};

inline constexpr field_spec revenue_fields[] = {
    {"cohort"}, {"paying_share"}, {"price"}, {"reference_price"}, {"price_elasticity"}, {"quality_elasticity"},
    {"serving_tokens"}, {"source"},
};
inline constexpr map_spec revenue_spec{revenue_fields};

/// `money` (docs/scenarios.md "money"): capex funding, cash, financing and revenue.
inline constexpr field_spec money_fields[] = {
    {"capex"}, {"cash"}, {"leverage_cap"}, {"discount_rate"}, {"serving_max_share"}, {"serving_model_params"},
    {"financing", field_shape::list, &financing_spec}, {"revenue", field_shape::list, &revenue_spec},
};
inline constexpr map_spec money_spec{money_fields};

inline constexpr field_spec learning_fields[] = {{"price"}, {"at_mass"}, {"learning_rate"}};
inline constexpr map_spec learning_spec{learning_fields};

/// A price per kg over time: this mapping (Wright's law), or a schedule of prices in its place.
inline constexpr field_spec price_path_fields[] = {
    {"learning", field_shape::mapping, &learning_spec},
    {"starting_mass"},
    {"other_mass", field_shape::schedule, &schedule_point_spec},
};
inline constexpr map_spec price_path_spec{price_path_fields};

inline constexpr field_spec launcher_flights_fields[] = {
    {"name"}, {"flights_per_year", field_shape::schedule, &schedule_point_spec}, {"reliability"},
};
inline constexpr map_spec launcher_flights_spec{launcher_flights_fields};

inline constexpr field_spec launch_fields[] = {
    {"price", field_shape::mapping, &price_path_spec},
    {"launchers", field_shape::list, &launcher_flights_spec},
};
inline constexpr map_spec launch_spec{launch_fields};

inline constexpr field_spec spacecraft_fields[] = {{"price", field_shape::mapping, &price_path_spec}};
inline constexpr map_spec spacecraft_spec{spacecraft_fields};

inline constexpr field_spec scenario_fields[] = {
    {"name"},
    {"description"},
    {"start"},
    {"length"},
    {"step"},
    {"seed"},
    {"failures"},
    {"fleet", field_shape::mapping, &fleet_spec},
    {"corpus", field_shape::mapping, &corpus_spec},
    {"uplink", field_shape::mapping, &uplink_spec},
    {"sites", field_shape::list, &site_spec},
    {"training", field_shape::mapping, &training_spec},
    {"economy", field_shape::mapping, &economy_spec},
    {"launch", field_shape::mapping, &launch_spec},
    {"spacecraft", field_shape::mapping, &spacecraft_spec},
    {"money", field_shape::mapping, &money_spec},
    {"accelerators", field_shape::list, &accelerator_spec},
};
inline constexpr map_spec scenario_spec{scenario_fields};

/// The accelerator catalogue file: `accelerators:` and a list of entries.
inline constexpr field_spec catalog_fields[] = {{"accelerators", field_shape::list, &accelerator_spec}};
inline constexpr map_spec catalog_spec{catalog_fields};

}  // namespace kardashev::io::detail
