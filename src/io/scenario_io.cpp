#include "kardashev/io/scenario_io.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "embedded.hpp"
#include "kardashev/core/error.hpp"
#include "scenario_reader.hpp"

namespace kardashev::io {

const std::vector<compute::accelerator>& builtin_accelerators() {
    static const std::vector<compute::accelerator> catalog =
        detail::load_accelerator_catalog(detail::accelerator_catalog_yaml, "data/catalog/accelerators.yaml");
    return catalog;
}

std::string_view default_scenario_text() { return detail::default_scenario_yaml; }

sim::scenario load_scenario_text(std::string_view text, const std::string& file,
                                 const std::vector<override_kv>& overrides) {
    return detail::load_scenario(text, file, overrides, builtin_accelerators());
}

sim::scenario load_scenario_or_default(const std::string& path, const std::vector<override_kv>& overrides) {
    return path.empty() ? load_scenario_text(default_scenario_text(), "<default>", overrides) : load_scenario_file(path, overrides);
}

std::vector<override_kv> parse_overrides(const std::vector<std::string>& texts) {
    std::vector<override_kv> out;
    out.reserve(texts.size());
    for (const auto& t : texts) out.push_back(parse_override(t));
    return out;
}

sim::scenario load_scenario_file(const std::string& path, const std::vector<override_kv>& overrides) {
    const auto fail = [&](const std::string& why) {
        diagnostic d;
        d.file = path;
        d.message = "cannot read the scenario: " + why;
        throw scenario_error({d});
    };
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) fail("it is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(std::generic_category().message(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) fail("read error");
    return load_scenario_text(text.str(), path, overrides);
}

}  // namespace kardashev::io
