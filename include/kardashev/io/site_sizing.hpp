#pragma once
/// The inputs and outputs of `kardashev size`: every input of the site design (economy/site_design.hpp) set by
/// key from text with its unit, the design as JSON or text, and the ground vs orbit vs Moon page
/// (docs/models/sites.md lists the keys).

#include <string>
#include <utility>
#include <vector>

#include "kardashev/economy/site_design.hpp"

namespace kardashev::io {

/// Sets the input `key` of `in` from `value` ("1 GW", "true", "Starship V3"). Throws input_error "KEY: message"
/// for a bad value, and "size: unknown key ..." listing the keys for an unknown one.
void set_site_input(economy::site_inputs& in, const std::string& key, const std::string& value);

/// The options of `kardashev size` (and kardashev.size in Python); an empty text keeps the default.
struct site_request {
    std::string site = "orbit";  //!< ground, orbit or moon
    std::string it_power;        //!< e.g. "1 GW" (default 1 GW)
    std::string orbit;           //!< "650 km" or "550 km, 53 deg" (set_site_orbit)
    std::string launch_price;    //!< e.g. "200 USD/kg"
    std::string launcher;        //!< a launcher of data/catalog/launchers.yaml
    std::vector<std::pair<std::string, std::string>> sets;  //!< further (key, value) inputs, applied in order
};

/// The design's inputs of `r`: the defaults (Starship V3), then its options, then each of its sets; input_error
/// as set_site_input and set_site_orbit (the orbit's prefixed "--orbit: ").
[[nodiscard]] economy::site_inputs site_inputs_of(const site_request& r);

/// Sets the orbit of `in` from "650 km" (dawn-dusk sun-synchronous) or "550 km, 53 deg" (circular at that
/// inclination); input_error for a bad length or angle.
void set_site_orbit(economy::site_inputs& in, const std::string& text);

/// One line per plausibility bound (economy/scale.hpp) the design `d` of `in` exceeds, e.g. "array area 5.6e22
/// m2 is 1.1e8 times the Earth's surface (5.1e14 m2)"; empty for a plausible design.
[[nodiscard]] std::vector<std::string> site_design_warnings(const economy::site_inputs& in, const economy::site_design& d);

/// The design `d` of `in` as JSON (without the final newline): every input echoed by key, then the outputs,
/// peak power, its sun shares and Kardashev index, and "warnings" (the bounds it exceeds, each with its message).
[[nodiscard]] std::string site_design_json(const economy::site_inputs& in, const economy::site_design& d);

/// The design `d` of `in` as text: a heading, then one output a line.
[[nodiscard]] std::string site_design_text(const economy::site_inputs& in, const economy::site_design& d);

/// The ground vs orbit vs Moon page (Markdown): each site at each launch price [USD/kg], the crossover prices,
/// and every input of `base`.
[[nodiscard]] std::string sites_comparison_markdown(economy::site_inputs base, const std::vector<double>& prices);

}  // namespace kardashev::io
