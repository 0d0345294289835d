#pragma once
/// Where a compute site stands: on the ground, in orbit or on the Moon. Shared by compute (radiation defaults of a
/// cluster), economy (the site design) and sim (a scenario's sites).

#include <cstdint>
#include <string_view>

namespace kardashev::compute {

/// Where a site is.
enum class site_kind : std::uint8_t { ground, orbit, moon };

/// "ground", "orbit" or "moon".
[[nodiscard]] std::string_view to_string(site_kind kind) noexcept;
/// Parses "ground", "orbit" or "moon"; throws input_error naming the known kinds.
[[nodiscard]] site_kind site_kind_from_string(std::string_view name);

}  // namespace kardashev::compute
