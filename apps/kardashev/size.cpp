// `kardashev size`: the design of one site (ground, orbit or moon) for a given IT power.

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/economy/site_design.hpp"
#include "kardashev/io/site_sizing.hpp"

namespace kardashev::apps {

namespace {

struct size_args {
    std::string site = "orbit";
    std::string it_power;
    std::string orbit;
    std::string launch_price;
    std::string launcher;
    std::vector<std::string> sets;
    bool json = false;
    bool compare = false;
    std::string prices = "3600,1000,500,200,100";
};

/// The design's inputs: the defaults (Starship V3), then the options, then each --set key=value.
economy::site_inputs inputs_of(const size_args& args) {
    io::site_request r{args.site, args.it_power, args.orbit, args.launch_price, args.launcher, {}};
    for (const auto& s : args.sets) {
        const auto eq = s.find('=');
        if (eq == std::string::npos || eq == 0) throw input_error(fmt::format("--set: expected key=value, got \"{}\"", s));
        r.sets.emplace_back(s.substr(0, eq), s.substr(eq + 1));
    }
    return io::site_inputs_of(r);
}

/// "--prices 3600,1000,500" [USD/kg], each non-negative.
std::vector<double> parse_prices(const std::string& text) {
    std::vector<double> prices;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find(',', start);
        const auto item = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        prices.push_back(parse_quantity(item + " USD/kg", quantity_kind::price_per_mass));
        if (prices.back() < 0.0) throw input_error(fmt::format("--prices: expected non-negative prices, got \"{}\"", item));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return prices;
}

int run_size(const size_args& args) {
    const economy::site_inputs in = inputs_of(args);
    if (args.compare) {
        fmt::print("{}", io::sites_comparison_markdown(in, parse_prices(args.prices)));
        return exit_ok;
    }
    const auto design = economy::design_site(in);
    for (const auto& w : io::site_design_warnings(in, design)) fmt::print(stderr, "kardashev: warning: {}\n", w);
    if (args.json) fmt::print("{}\n", io::site_design_json(in, design));
    else fmt::print("{}", io::site_design_text(in, design));
    return exit_ok;
}

}  // namespace

void add_size_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<size_args>();
    auto* cmd = app.add_subcommand("size", "Design one site (ground, orbit or moon) for an IT power: areas, mass, launches, cost");
    cmd->add_option("--site", args->site, "Site kind: ground, orbit or moon (default orbit)");
    cmd->add_option("--it-power", args->it_power, "IT power, e.g. \"1 GW\" (default 1 GW)");
    cmd->add_option("--orbit", args->orbit, "\"650 km\" (dawn-dusk sun-synchronous, the default) or \"550 km, 53 deg\"");
    cmd->add_option("--launch-price", args->launch_price, "Launch price to LEO, e.g. \"200 USD/kg\" (default 3600 USD/kg)");
    cmd->add_option("--launcher", args->launcher, "Launcher of data/catalog/launchers.yaml that counts flights (default Starship V3)");
    cmd->add_option("--set", args->sets, "Set any input, e.g. --set radiator.temperature=\"350 K\" (repeatable; see docs/models/sites.md)");
    cmd->add_flag("--json", args->json, "Print JSON: the outputs and every input echoed");
    cmd->add_flag("--compare", args->compare, "Print the ground vs orbit vs Moon page (Markdown) at each of --prices");
    cmd->add_option("--prices", args->prices, "Launch prices in USD/kg for --compare, comma-separated (default 3600,1000,500,200,100)");
    cmd->footer("A design beyond the Earth's surface, the world's launches or its electricity is printed with a warning on\n"
               "stderr (and under \"warnings\" in --json); it still exits 0.\n"
               "Exit codes: 0 ok, 2 bad input (or a design that cannot close), 1 internal failure.");
    cmd->callback([args, &exit_code] { exit_code = guarded([&] { return run_size(*args); }); });
}

}  // namespace kardashev::apps
