#include "network_names.hpp"

#include "kardashev/network/delivery.hpp"
#include "kardashev/network/nodes.hpp"

namespace kardashev::io::detail {

bool is_shell_preset(std::string_view name) { return network::shell_preset(name).has_value(); }

std::string shell_preset_list() { return network::shell_preset_names(); }

int max_uplink_regions() { return network::max_delivery_regions; }

}  // namespace kardashev::io::detail
