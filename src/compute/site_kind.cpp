#include "kardashev/compute/site_kind.hpp"

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::compute {

std::string_view to_string(site_kind kind) noexcept {
    switch (kind) {
        case site_kind::ground: return "ground";
        case site_kind::orbit: return "orbit";
        case site_kind::moon: return "moon";
    }
    return "ground";
}

site_kind site_kind_from_string(std::string_view name) {
    for (auto kind : {site_kind::ground, site_kind::orbit, site_kind::moon}) {
        if (to_string(kind) == name) return kind;
    }
    throw input_error(fmt::format("site: unknown kind \"{}\"; expected ground, orbit or moon", name));
}

}  // namespace kardashev::compute
