// libFuzzer target: `--set` overrides (io::parse_override, then the default scenario loaded with them). Each line
// of the input is one `key.path=value` argument.
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "kardashev/io/scenario_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = kardashev::fuzz::as_text(data, size);
    kardashev::fuzz::expect_only_input_errors([&] {
        std::vector<kardashev::io::override_kv> overrides;
        std::size_t pos = 0;
        while (pos <= text.size() && overrides.size() < 16) {
            auto end = text.find('\n', pos);
            if (end == std::string_view::npos) end = text.size();
            overrides.push_back(kardashev::io::parse_override(text.substr(pos, end - pos)));
            pos = end + 1;
        }
        const auto s = kardashev::io::load_scenario_text(kardashev::io::default_scenario_text(), "<default>", overrides);
        (void)kardashev::io::write_scenario_yaml(s);
    });
    return 0;
}
