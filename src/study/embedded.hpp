#pragma once
/// Files compiled into kd_study by kd_embed_files (cmake/kardashev_embed.cmake).

#include <string_view>

namespace kardashev::study::detail {

/// data/sobol/new-joe-kuo-6.21201.head: Joe & Kuo (2008) direction numbers, dimensions 2 to 31.
extern const std::string_view sobol_direction_numbers;

}  // namespace kardashev::study::detail
