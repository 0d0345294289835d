#pragma once
/// What the scenario reader needs from the network module, behind a header that does not pull in <filesystem>
/// (whose std::quoted would make the reader's unqualified quoted() ambiguous). Private to io.

#include <string>
#include <string_view>

namespace kardashev::io::detail {

/// Whether `name` is one of network::shell_preset's shells.
[[nodiscard]] bool is_shell_preset(std::string_view name);
/// The shell presets, comma-separated (network::shell_preset_names).
[[nodiscard]] std::string shell_preset_list();
/// network::max_delivery_regions.
[[nodiscard]] int max_uplink_regions();

}  // namespace kardashev::io::detail
